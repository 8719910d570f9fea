//! Trainer mode's simulated customers: scenario files (authored by
//! trainers in the pack's TOML family, checked against the pack with
//! located problems) and the customer's side of the conversation.

mod converse;
mod load;
mod model;

pub use converse::{Conversation, Question, Reply, Turn, MATCH_THRESHOLD};
pub use load::load;
pub use model::*;
