//! The device lock: the first PIN, the unlock screen, the idle watch and
//! the gate that shows the app only while unlocked.

pub mod idle_watch;
pub mod lock_gate;
pub mod reference_gate;
pub mod setup_screen;
pub mod unlock_screen;
pub mod user_picker;
