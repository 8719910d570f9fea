//! Diagnose: the likely causes ranked with the evidence for each, what to
//! ask to be sure, and the agent's confirmation of the cause.

pub mod cause_card;
pub mod cause_choice;
pub mod diagnose_panel;
pub mod evidence;
pub mod questions_to_ask;
