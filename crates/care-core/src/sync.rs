//! The pure decisions of CouchDB replication: what a case event looks like
//! as a document, what to push, how to apply a pulled `_changes` batch,
//! where an interrupted sync resumes, and how long to wait before a retry.
//! The app's transport (HTTP) and storage (IndexedDB) carry them out.
//!
//! The protocol is CouchDB's (<https://docs.couchdb.org/en/stable/replication/protocol.html>),
//! with PouchDB's replicator as the reference for the details it leaves
//! open (checkpoint documents, comparing their histories, the replication id).
//!
//! One sync, as the app runs it:
//!
//! - **Push** (device → server). The outbox holds the ids of events not yet
//!   on the server. For each batch of its events ([`batches`]): [`event_doc`]
//!   for each, `POST _revs_diff` with [`revs_diff_request`], [`what_to_push`]
//!   on the answer, `POST _bulk_docs` with [`BulkDocsRequest`]
//!   (`new_edits: false`), then [`after_bulk_docs`] says which outbox entries
//!   to delete and which stay, with the server's reason.
//! - **Pull** (server → device). [`resume_from`] on the two `_local`
//!   checkpoints gives `since`; each `GET _changes?include_docs=true` is
//!   parsed by [`parse_changes`] and turned by [`apply_changes`] into what to
//!   write in one IndexedDB transaction; then [`checkpoint_after`] gives the
//!   new checkpoint for each side (the remote one is written first, then the
//!   local one).
//! - A failed step is retried after [`backoff`].
//!
//! Case events never conflict: a document's id and revision are functions
//! of the event alone (see [`event_doc`]), so every device makes the same
//! document for the same event, a repeated push is a no-op, and there is
//! only ever one revision of each.
//!
//! **What is pushed is the event in the clear.** The server is the
//! operator's trusted store (each team's database admits only its members);
//! the device's sealing at rest under the user's PIN protects a lost tablet
//! and is separate. Sealed events could not be read by the operator, nor by
//! a colleague's device (another key), and their ciphertexts (fresh nonces)
//! would give no deterministic revision.

mod checkpoint;
mod doc;
mod pull;
mod push;

pub use checkpoint::{
    checkpoint_after, remote_identity, replication_id, resume_from, Checkpoint, HistoryEntry,
    ReplicationId, CHECKPOINT_HISTORY, CHECKPOINT_VERSION,
};
pub use doc::{
    canonical_json, case_range, event_doc, event_doc_id, event_rev, reference_docs, reference_key,
    EventDoc, EventDocError, EventDocId, PackDoc, RefBody, RefDoc, SHARED_DOC_ID,
};
pub use pull::{
    apply_changes, parse_changes, Change, ChangeRev, ChangesResponse, PullBatch, Skipped,
};
pub use push::{
    after_bulk_docs, parse_bulk_docs, parse_revs_diff, revs_diff_request, what_to_push,
    BulkDocsRequest, BulkDocsResult, PushFailure, PushOutcome, PushPlan, RevsDiffEntry,
    RevsDiffRequest, RevsDiffResponse,
};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::time::Duration;
use thiserror::Error;

/// What went wrong with a server's answer or a document.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum SyncError {
    /// The server answered with a CouchDB error object
    /// (`{"error": .., "reason": ..}`) instead of a result.
    #[error("the server refused: {error} ({reason})")]
    Server { error: String, reason: String },
    /// The answer is not JSON, or not shaped as CouchDB shapes it.
    #[error("the server's {what} is not what the protocol says: {detail}")]
    Malformed { what: &'static str, detail: String },
    /// An event that cannot be written as JSON (a time outside RFC 3339's
    /// years, for instance).
    #[error("event {event} cannot be written as a document: {detail}")]
    Encode {
        event: crate::case::EventId,
        detail: String,
    },
    /// A document id that is not `event:<case id>:<event id>`.
    #[error("{0:?} is not an event document id")]
    NotAnEventDocId(String),
}

impl SyncError {
    /// A 404's body (`{"error":"not_found",..}`): for a checkpoint, it
    /// means there is none yet.
    pub fn is_not_found(&self) -> bool {
        matches!(self, SyncError::Server { error, .. } if error == "not_found")
    }
}

/// Parses a server's answer: a CouchDB error object becomes
/// [`SyncError::Server`], anything not shaped as `T` [`SyncError::Malformed`].
fn parse<T: DeserializeOwned>(what: &'static str, body: &str) -> Result<T, SyncError> {
    let value: serde_json::Value =
        serde_json::from_str(body).map_err(|e| SyncError::Malformed {
            what,
            detail: e.to_string(),
        })?;
    if let Some(error) = value.get("error").and_then(|e| e.as_str()) {
        return Err(SyncError::Server {
            error: error.to_owned(),
            reason: value
                .get("reason")
                .and_then(|r| r.as_str())
                .unwrap_or_default()
                .to_owned(),
        });
    }
    serde_json::from_value(value).map_err(|e| SyncError::Malformed {
        what,
        detail: e.to_string(),
    })
}

/// A position in a database's changes feed. Opaque: CouchDB 3 gives
/// strings (`"12-g1AAAA…"`), PouchDB Server numbers, CouchDB 1.x clusters
/// arrays. It is only stored and sent back, never compared for order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Seq {
    Number(u64),
    Text(String),
    Other(serde_json::Value),
}

impl Seq {
    /// The beginning of the feed, as PouchDB writes it.
    pub const ZERO: Seq = Seq::Number(0);

    fn is_zero(&self) -> bool {
        match self {
            Seq::Number(n) => *n == 0,
            Seq::Text(s) => s == "0",
            Seq::Other(v) => v.is_null(),
        }
    }
}

impl fmt::Display for Seq {
    /// As the `since` parameter takes it (before URL encoding).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Seq::Number(n) => write!(f, "{n}"),
            Seq::Text(s) => f.write_str(s),
            Seq::Other(v) => write!(f, "{v}"),
        }
    }
}

/// Where a pull starts in the server's changes feed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Since {
    /// From the beginning.
    Start,
    /// After this sequence.
    After(Seq),
}

impl Since {
    pub fn from_seq(seq: &Seq) -> Since {
        if seq.is_zero() {
            Since::Start
        } else {
            Since::After(seq.clone())
        }
    }

    /// The value of the `since` query parameter (the caller URL-encodes it).
    pub fn param(&self) -> String {
        match self {
            Since::Start => "0".to_owned(),
            Since::After(seq) => seq.to_string(),
        }
    }
}

/// Splits `items` into batches of at most `n` (at least one per batch),
/// in order.
pub fn batches<T>(items: Vec<T>, n: usize) -> Vec<Vec<T>> {
    let n = n.max(1);
    let mut out = Vec::with_capacity(items.len().div_ceil(n));
    let mut current = Vec::with_capacity(n.min(items.len()));
    for item in items {
        current.push(item);
        if current.len() == n {
            out.push(std::mem::replace(&mut current, Vec::with_capacity(n)));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// The first wait before a retry.
pub const BACKOFF_BASE: Duration = Duration::from_secs(1);
/// The longest wait between retries.
pub const BACKOFF_CAP: Duration = Duration::from_secs(300);

/// How long to wait before retry number `attempt` (0 for the first):
/// exponential (1 s, 2 s, 4 s, … up to 5 min) with full jitter, that is a
/// wait drawn uniformly below that ceiling, so many tablets coming back
/// online together do not hit the server in step. `jitter` is a random
/// number in `0..=1` from the caller (clamped; NaN counts as 1).
pub fn backoff(attempt: u32, jitter: f64) -> Duration {
    let base = BACKOFF_BASE.as_millis() as u64;
    let cap = BACKOFF_CAP.as_millis() as u64;
    let factor = 1u64.checked_shl(attempt).unwrap_or(u64::MAX);
    let ceiling = base.saturating_mul(factor).min(cap);
    let jitter = if jitter.is_nan() {
        1.0
    } else {
        jitter.clamp(0.0, 1.0)
    };
    // ceiling ≤ 300 000, exact in f64; the product stays within it.
    Duration::from_millis((ceiling as f64 * jitter).round() as u64)
}
