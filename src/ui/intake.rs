//! Intake: find the customer, take their first words, settle the intent,
//! answer standard enquiries at once.

pub mod customer_lookup;
pub mod intake_panel;
pub mod intent_suggestions;
pub mod quick_answer;
pub mod statement_form;
