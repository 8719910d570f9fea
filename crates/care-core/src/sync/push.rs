//! Push: which events the server is missing, and what a `_bulk_docs`
//! answer means for the outbox.

use super::doc::EventDoc;
use super::{parse, SyncError};
use crate::case::EventId;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The body of `POST /db/_revs_diff`: each document id with the revisions
/// the device has.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RevsDiffRequest(pub BTreeMap<String, Vec<String>>);

/// Asks the server which of `docs` it lacks.
pub fn revs_diff_request(docs: &[EventDoc]) -> RevsDiffRequest {
    let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for d in docs {
        let revs = map.entry(d.id().to_owned()).or_default();
        if !revs.iter().any(|r| r == d.rev()) {
            revs.push(d.rev().to_owned());
        }
    }
    RevsDiffRequest(map)
}

/// `_revs_diff`'s answer: only the documents with a missing revision appear.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RevsDiffResponse(pub BTreeMap<String, RevsDiffEntry>);

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevsDiffEntry {
    #[serde(default)]
    pub missing: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub possible_ancestors: Vec<String>,
}

pub fn parse_revs_diff(body: &str) -> Result<RevsDiffResponse, SyncError> {
    parse("_revs_diff answer", body)
}

/// What to do with a batch of the outbox.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PushPlan {
    /// The server lacks these: send them.
    pub send: Vec<EventDoc>,
    /// The server has these already (another device or an earlier,
    /// interrupted push sent them): they leave the outbox unsent.
    pub already_there: Vec<EventId>,
}

/// Splits the outbox's documents by the `_revs_diff` answer: a document
/// is sent only if the server lists its revision as missing. Each event
/// appears once whatever the input repeats.
pub fn what_to_push(docs: Vec<EventDoc>, diff: &RevsDiffResponse) -> PushPlan {
    let mut plan = PushPlan::default();
    let mut seen = BTreeSet::new();
    for doc in docs {
        if !seen.insert(doc.id().to_owned()) {
            continue;
        }
        let missing = diff
            .0
            .get(doc.id())
            .is_some_and(|e| e.missing.iter().any(|r| r == doc.rev()));
        if missing {
            plan.send.push(doc);
        } else {
            plan.already_there.push(doc.event().id);
        }
    }
    plan
}

/// The body of `POST /db/_bulk_docs`. `new_edits: false` stores the
/// documents with the revisions they carry, as replication does, so the
/// server never makes a revision of its own and a repeat changes nothing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BulkDocsRequest<'a> {
    pub docs: &'a [EventDoc],
    pub new_edits: bool,
}

impl<'a> BulkDocsRequest<'a> {
    pub fn new(docs: &'a [EventDoc]) -> Self {
        BulkDocsRequest {
            docs,
            new_edits: false,
        }
    }
}

/// One entry of `_bulk_docs`' answer. CouchDB 3 lists only the failures
/// when `new_edits` is false; PouchDB Server lists every document
/// (`{"ok":true,"id":..,"rev":..}`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkDocsResult {
    pub id: String,
    #[serde(default)]
    pub rev: Option<String>,
    #[serde(default)]
    pub ok: Option<bool>,
    #[serde(default)]
    pub error: Option<String>,
    #[serde(default)]
    pub reason: Option<String>,
}

pub fn parse_bulk_docs(body: &str) -> Result<Vec<BulkDocsResult>, SyncError> {
    parse("_bulk_docs answer", body)
}

/// A document the server did not take, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PushFailure {
    pub event: EventId,
    pub error: String,
    pub reason: String,
}

impl PushFailure {
    /// Refused for who is asking (`forbidden`, `unauthorized`): sending it
    /// again will not help until someone changes the rights. Other errors
    /// may pass on a retry.
    pub fn is_refusal(&self) -> bool {
        matches!(self.error.as_str(), "forbidden" | "unauthorized")
    }
}

/// What a `_bulk_docs` answer means for the outbox.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PushOutcome {
    /// On the server now: delete from the outbox.
    pub done: Vec<EventId>,
    /// Not taken: they stay in the outbox, with the server's reason.
    pub failed: Vec<PushFailure>,
}

/// Reads the answer to sending `sent`, as PouchDB's replicator does: a
/// document with an error entry failed, every other sent document was
/// written (CouchDB does not list successes with `new_edits: false`).
/// Entries for documents not sent are ignored.
pub fn after_bulk_docs(sent: &[EventDoc], results: &[BulkDocsResult]) -> PushOutcome {
    let errors: BTreeMap<&str, &BulkDocsResult> = results
        .iter()
        .filter(|r| r.error.is_some())
        .map(|r| (r.id.as_str(), r))
        .collect();
    let mut outcome = PushOutcome::default();
    let mut seen = BTreeSet::new();
    for doc in sent {
        if !seen.insert(doc.id()) {
            continue;
        }
        match errors.get(doc.id()) {
            Some(r) => outcome.failed.push(PushFailure {
                event: doc.event().id,
                error: r.error.clone().unwrap_or_default(),
                reason: r.reason.clone().unwrap_or_default(),
            }),
            None => outcome.done.push(doc.event().id),
        }
    }
    outcome
}
