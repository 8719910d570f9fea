//! Resolve: the confirmed cause's remedies, ranked, with what each gives,
//! costs and needs; choosing or rejecting them; the handoff note of an
//! escalation.

pub mod authority;
pub mod copy_button;
pub mod handoff_note;
pub mod option_card;
pub mod reject_form;
pub mod resolve_panel;
