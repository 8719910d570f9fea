//! The next recommended action: one step, always, from where the case
//! stands. The app shows it above every stage so an agent never wonders
//! what to do next.

use crate::case::{CaseState, Outcome, Stage};
use crate::verify::VerifyStatus;
use time::OffsetDateTime;

/// What to do next.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    FindCustomer,
    TakeStatement,
    ConfirmIntent,
    /// Ask this prompt (its id).
    Ask(String),
    /// Confirm what the statement already said.
    ConfirmOffers,
    /// Listening is done; move on.
    GoTo(Stage),
    /// Verify with this method (its id): the strongest one still usable.
    VerifyWith(String),
    /// Verification is locked until then: disclose nothing.
    Locked(OffsetDateTime),
    /// No method left that can reach the level on this channel.
    CannotVerify,
    ShowRecords,
    ConfirmCause,
    ChooseSolution,
    MakeCommitment,
    /// Call the customer back by the commitment's deadline.
    FollowUpBy(OffsetDateTime),
    RecordFollowUp,
    Archive,
    /// The case is closed.
    Done,
}

/// What the listen stage says, reduced to what the guide needs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListenSummary {
    pub complete: bool,
    pub next_prompt: Option<String>,
    pub offers: usize,
}

/// The next step for the case at its current stage. `verify` is the status
/// against the level the case needs; `revealed` whether the records were
/// opened.
pub fn next_step(
    state: &CaseState,
    listen: &ListenSummary,
    verify: Option<&VerifyStatus>,
    revealed: bool,
) -> Step {
    if let Some(outcome) = &state.outcome {
        return match outcome {
            Outcome::QuickAnswer { .. } | Outcome::Archived { .. } => Step::Done,
        };
    }
    match state.stage {
        Stage::Intake => {
            if state.customer.is_none() {
                Step::FindCustomer
            } else if state.statement.is_none() {
                Step::TakeStatement
            } else if state.intent.is_none() {
                Step::ConfirmIntent
            } else {
                Step::GoTo(Stage::Listen)
            }
        }
        Stage::Listen => {
            if state.intent.is_none() {
                Step::ConfirmIntent
            } else if listen.offers > 0 {
                Step::ConfirmOffers
            } else if !listen.complete {
                match &listen.next_prompt {
                    Some(p) => Step::Ask(p.clone()),
                    None => Step::GoTo(Stage::Verify),
                }
            } else {
                Step::GoTo(Stage::Verify)
            }
        }
        Stage::Verify => verify_step(state, verify),
        Stage::Reconstruct => match verify {
            Some(v) if v.met && !v.locked() => {
                if revealed {
                    Step::GoTo(Stage::Diagnose)
                } else {
                    Step::ShowRecords
                }
            }
            _ => verify_step(state, verify),
        },
        Stage::Diagnose => {
            if state.cause.is_none() {
                Step::ConfirmCause
            } else {
                Step::GoTo(Stage::Resolve)
            }
        }
        Stage::Resolve => {
            if state.cause.is_none() {
                Step::ConfirmCause
            } else if state.solution.is_none() {
                Step::ChooseSolution
            } else {
                Step::GoTo(Stage::Commit)
            }
        }
        Stage::Commit => match (&state.solution, &state.commitment) {
            (None, _) => Step::ChooseSolution,
            (Some(_), None) => Step::MakeCommitment,
            (Some(_), Some(_)) => Step::GoTo(Stage::FollowUp),
        },
        Stage::FollowUp => match (&state.commitment, &state.follow_up) {
            (_, Some(_)) => Step::Archive,
            (Some(c), None) => Step::FollowUpBy(c.deadline),
            (None, None) => Step::RecordFollowUp,
        },
    }
}

fn verify_step(state: &CaseState, verify: Option<&VerifyStatus>) -> Step {
    let Some(v) = verify else {
        return if state.customer.is_none() {
            Step::FindCustomer
        } else {
            Step::ConfirmIntent
        };
    };
    if let Some(until) = v.locked_until {
        return Step::Locked(until);
    }
    if v.met {
        return Step::GoTo(Stage::Reconstruct);
    }
    // The strongest usable method not yet passed; ties keep pack order.
    let mut usable: Vec<_> = v
        .methods
        .iter()
        .filter(|m| m.unavailable.is_none() && !m.passed)
        .collect();
    usable.sort_by_key(|m| std::cmp::Reverse(m.strength));
    let reachable = v.strength + usable.iter().map(|m| m.strength).sum::<u32>();
    match usable.first() {
        Some(m) if reachable >= v.needed.min_strength => Step::VerifyWith(m.id.clone()),
        _ => Step::CannotVerify,
    }
}
