//! A case: an append-only log of events, folded into its current state.
//!
//! Events are immutable and never deleted; a correction is a new event. The
//! state is always a fold of the log, ordered by event id, so the same set of
//! events gives the same state whatever order or batches they arrived in.

mod event;
mod fold;
mod id;
mod stage;

pub use event::{
    AgentRef, Channel, Event, EventBody, FactSource, FeedbackVia, NoteError, Suggestion, TaskPlan,
    TrainingRef, NOTE_MAX_CHARS,
};
pub use fold::{
    Attempt, CapturedFact, CaseLog, CaseState, CaseSummary, ChosenSolution, CommitmentRecord,
    ConfirmedCause, FoldError, FollowUp, IgnoredEvent, Note, Outcome, Rejection, Reopening,
    StageVisit,
};
pub use id::{CaseId, DeviceId, EventId, IdSource};
pub use stage::{MoveError, Stage};
