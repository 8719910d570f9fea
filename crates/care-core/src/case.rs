//! A case: an append-only log of events, folded into its current state.
//!
//! Events are immutable and never deleted; a correction is a new event. The
//! state is always a fold of the log, ordered by event id, so the same set of
//! events gives the same state whatever order or batches they arrived in.

mod event;
mod fold;
mod id;
mod stage;

pub use event::{Channel, Event, EventBody, NoteError, Suggestion, NOTE_MAX_CHARS};
pub use fold::{
    CaseLog, CaseState, CaseSummary, FoldError, IgnoredEvent, Note, Outcome, StageVisit,
};
pub use id::{CaseId, DeviceId, EventId, IdSource};
pub use stage::{MoveError, Stage};
