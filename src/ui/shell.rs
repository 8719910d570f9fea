//! What frames every page.

pub mod language_switch;
pub mod not_found;
pub mod sync_indicator;
pub mod top_bar;
