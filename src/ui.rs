//! The components, by area of the care flow.

pub mod case;
pub mod cases;
pub mod commit;
pub mod diagnose;
pub mod follow_up;
pub mod insights;
pub mod intake;
pub mod listen;
pub mod lock;
pub mod pack;
pub mod reconstruct;
pub mod report;
pub mod resolve;
pub mod settings;
pub mod shell;
pub mod training;
pub mod verify;
