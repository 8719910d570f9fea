//! The components, by area of the care flow.

pub mod case;
pub mod cases;
pub mod shell;
