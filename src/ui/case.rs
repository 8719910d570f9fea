//! The case screen: the stage rail, the stage panel, notes and the customer.

pub mod case_screen;
pub mod customer_panel;
pub mod next_action;
pub mod notes;
pub mod save_status;
pub mod shortcut_help;
pub mod stage_panel;
pub mod stage_rail;
pub mod use_stage_shortcuts;

use crate::i18n::Msg;
use crate::platform::idb::StoreError;

/// The message for a failed write, in words the agent can act on.
pub fn save_message(e: &StoreError) -> Msg {
    match e {
        StoreError::Full(_) => Msg::DiskFull,
        _ => Msg::SaveFailed,
    }
}
