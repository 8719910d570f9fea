//! Trainer mode's simulated customers: scenario files (authored by
//! trainers in the pack's TOML family, checked against the pack with
//! located problems), the customer's side of the conversation, and the
//! rubric that scores a session against the scenario's hidden truth.

mod converse;
mod load;
mod model;
mod score;

pub use converse::{Conversation, Question, Reply, Turn, MATCH_THRESHOLD};
pub use load::load;
pub use model::*;
pub use score::{score, Finding, Item, Moment, Rule, Score};
