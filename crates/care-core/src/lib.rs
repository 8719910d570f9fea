//! The care domain of Care Assist.
//!
//! Pure Rust: no browser, no clock, no random source and no I/O of its own.
//! Time, ids and randomness come in as arguments, so everything here is
//! tested natively and behaves the same in the browser.

pub mod access;
pub mod audit;
pub mod case;
pub mod commit;
pub mod csv;
pub mod customer;
pub mod demo_data;
pub mod diagnose;
pub mod export;
pub mod facts;
pub mod guide;
pub mod insight;
pub mod intent;
pub mod listen;
pub mod lock;
pub mod pack;
pub mod reconstruct;
pub mod records;
pub mod reference;
pub mod report;
pub mod resolve;
pub mod search;
pub mod sim;
pub mod store;
pub mod sync;
pub mod text;
pub mod verify;

pub use case::{
    AgentRef, CaseId, CaseLog, CaseState, CaseSummary, Channel, DeviceId, Event, EventBody,
    EventId, FoldError, IdSource, MoveError, Note, NoteError, Stage, TrainingRef, NOTE_MAX_CHARS,
};
pub use customer::{Customer, CustomerId};
pub use demo_data::{DemoData, Scenario};
pub use text::{Lang, Text};
