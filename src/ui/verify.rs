//! Verify: the level the case needs, the methods that reach it, attempts,
//! the lock, and the audit trail's state.

pub mod method_row;
pub mod verify_panel;
