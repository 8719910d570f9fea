//! The eight stages of a care conversation and the moves between them.

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A stage of the care flow, in flow order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Intake,
    Listen,
    Verify,
    Reconstruct,
    Diagnose,
    Resolve,
    Commit,
    FollowUp,
}

/// Why a move between stages is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
pub enum MoveError {
    #[error("the case is already at the {0:?} stage")]
    AlreadyThere(Stage),
    #[error("the {to:?} stage cannot be reached from {from:?}: stages are taken in order")]
    Skips { from: Stage, to: Stage },
}

impl Stage {
    /// The stage's name as exports and reports write it: (zh-CN, en), the
    /// same words as the interface's stage rail.
    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            Stage::Intake => ("受理", "Intake"),
            Stage::Listen => ("倾听", "Listen"),
            Stage::Verify => ("身份核验", "Verify"),
            Stage::Reconstruct => ("还原经过", "Reconstruct"),
            Stage::Diagnose => ("诊断", "Diagnose"),
            Stage::Resolve => ("方案", "Resolve"),
            Stage::Commit => ("承诺", "Commit"),
            Stage::FollowUp => ("回访", "Follow up"),
        }
    }

    pub const ALL: [Stage; 8] = [
        Stage::Intake,
        Stage::Listen,
        Stage::Verify,
        Stage::Reconstruct,
        Stage::Diagnose,
        Stage::Resolve,
        Stage::Commit,
        Stage::FollowUp,
    ];

    /// Position in the flow, from 0.
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn next(self) -> Option<Stage> {
        Stage::ALL.get(self.index() + 1).copied()
    }

    pub fn prev(self) -> Option<Stage> {
        self.index().checked_sub(1).map(|i| Stage::ALL[i])
    }

    /// A stable machine name, used in storage, URLs and message keys.
    pub fn slug(self) -> &'static str {
        match self {
            Stage::Intake => "intake",
            Stage::Listen => "listen",
            Stage::Verify => "verify",
            Stage::Reconstruct => "reconstruct",
            Stage::Diagnose => "diagnose",
            Stage::Resolve => "resolve",
            Stage::Commit => "commit",
            Stage::FollowUp => "follow_up",
        }
    }

    /// The move rule: any stage already reached may be revisited, and the
    /// flow advances one stage at a time from where the agent is.
    pub fn check_move(current: Stage, furthest: Stage, to: Stage) -> Result<(), MoveError> {
        if to == current {
            Err(MoveError::AlreadyThere(to))
        } else if to <= furthest || Some(to) == current.next() {
            Ok(())
        } else {
            Err(MoveError::Skips { from: current, to })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flow_has_eight_stages_in_order() {
        assert_eq!(Stage::ALL.len(), 8);
        assert_eq!(Stage::Intake.next(), Some(Stage::Listen));
        assert_eq!(Stage::FollowUp.next(), None);
        assert_eq!(Stage::Intake.prev(), None);
        assert_eq!(Stage::Commit.prev(), Some(Stage::Resolve));
        for (i, s) in Stage::ALL.iter().enumerate() {
            assert_eq!(s.index(), i);
        }
    }

    #[test]
    fn an_agent_advances_one_stage_at_a_time() {
        assert_eq!(
            Stage::check_move(Stage::Intake, Stage::Intake, Stage::Listen),
            Ok(())
        );
        assert_eq!(
            Stage::check_move(Stage::Intake, Stage::Intake, Stage::Verify),
            Err(MoveError::Skips {
                from: Stage::Intake,
                to: Stage::Verify
            })
        );
    }

    #[test]
    fn an_agent_may_revisit_any_stage_reached() {
        assert_eq!(
            Stage::check_move(Stage::Diagnose, Stage::Diagnose, Stage::Intake),
            Ok(())
        );
        // Back at listen after reaching diagnose: diagnose is still one jump away.
        assert_eq!(
            Stage::check_move(Stage::Listen, Stage::Diagnose, Stage::Diagnose),
            Ok(())
        );
        assert_eq!(
            Stage::check_move(Stage::Listen, Stage::Diagnose, Stage::Verify),
            Ok(())
        );
        assert!(Stage::check_move(Stage::Listen, Stage::Diagnose, Stage::Resolve).is_err());
    }

    #[test]
    fn staying_put_is_not_a_move() {
        assert_eq!(
            Stage::check_move(Stage::Verify, Stage::Verify, Stage::Verify),
            Err(MoveError::AlreadyThere(Stage::Verify))
        );
    }

    #[test]
    fn slugs_are_distinct() {
        let mut slugs: Vec<_> = Stage::ALL.iter().map(|s| s.slug()).collect();
        slugs.sort_unstable();
        slugs.dedup();
        assert_eq!(slugs.len(), 8);
    }
}
