//! Trainer mode's simulated customers: scenario files (authored by
//! trainers in the pack's TOML family, checked against the pack with
//! located problems), the customer's side of the conversation, and the
//! rubric that scores a session against the scenario's hidden truth.

mod cohort;
mod converse;
mod load;
mod model;
mod path;
mod score;

pub use cohort::*;
pub use converse::{Conversation, Question, Reply, Turn, MATCH_THRESHOLD};
pub use load::load;
pub use model::*;
pub use path::{expected_path, PathStep, Step};
pub use score::{score, score_case, turns_of, Finding, Item, Moment, Rule, Score};

/// The scenario library built into the app: `(file, source)`, by file name.
pub const LIBRARY: &[(&str, &str)] = &[
    (
        "angry-repeat-caller-hard.toml",
        include_str!("../../../public/scenarios/angry-repeat-caller-hard.toml"),
    ),
    (
        "bill-spike-easy.toml",
        include_str!("../../../public/scenarios/bill-spike-easy.toml"),
    ),
    (
        "escalation-broadband-refund-medium.toml",
        include_str!("../../../public/scenarios/escalation-broadband-refund-medium.toml"),
    ),
    (
        "fraud-loan-scam-hard.toml",
        include_str!("../../../public/scenarios/fraud-loan-scam-hard.toml"),
    ),
    (
        "impostor-sim-swap-hard.toml",
        include_str!("../../../public/scenarios/impostor-sim-swap-hard.toml"),
    ),
    (
        "no-signal-new-flat-medium.toml",
        include_str!("../../../public/scenarios/no-signal-new-flat-medium.toml"),
    ),
    (
        "old-handset-easy.toml",
        include_str!("../../../public/scenarios/old-handset-easy.toml"),
    ),
    (
        "payment-declined-easy.toml",
        include_str!("../../../public/scenarios/payment-declined-easy.toml"),
    ),
    (
        "port-out-contract-hard.toml",
        include_str!("../../../public/scenarios/port-out-contract-hard.toml"),
    ),
    (
        "roaming-no-pack-medium.toml",
        include_str!("../../../public/scenarios/roaming-no-pack-medium.toml"),
    ),
    (
        "slow-data-throttled-easy.toml",
        include_str!("../../../public/scenarios/slow-data-throttled-easy.toml"),
    ),
    (
        "unwanted-vas-medium.toml",
        include_str!("../../../public/scenarios/unwanted-vas-medium.toml"),
    ),
];

/// The built-in library, loaded against `pack`: the scenarios that pass
/// its checks, and the problems of those that do not (a pack that changed
/// under them), file by file.
pub fn library(pack: &crate::pack::Pack) -> (Vec<Scenario>, Vec<crate::pack::Problem>) {
    let mut scenarios = Vec::new();
    let mut problems = Vec::new();
    for (file, source) in LIBRARY {
        match load(file, source, pack) {
            Ok(s) => scenarios.push(s),
            Err(p) => problems.extend(p),
        }
    }
    (scenarios, problems)
}
