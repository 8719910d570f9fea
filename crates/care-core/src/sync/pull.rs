//! Pull: a `_changes` batch turned into what the device writes.

use super::doc::{own_fields, EventDoc, RefBody, RefDoc};
use super::{parse, Seq, SyncError};
use crate::case::{CaseId, Event, EventId};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `GET /db/_changes?include_docs=true` (normal or long-poll feed).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangesResponse {
    pub results: Vec<Change>,
    pub last_seq: Seq,
    /// Changes left after this batch (CouchDB 3 gives it; PouchDB Server
    /// may not).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending: Option<u64>,
}

/// One row of the feed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// Null for rows between two `seq_interval` marks (CouchDB 3).
    #[serde(default)]
    pub seq: Option<Seq>,
    pub id: String,
    #[serde(default)]
    pub changes: Vec<ChangeRev>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc: Option<Value>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deleted: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeRev {
    pub rev: String,
}

pub fn parse_changes(body: &str) -> Result<ChangesResponse, SyncError> {
    parse("_changes answer", body)
}

/// A row not taken, and why (shown in the sync log).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    pub id: String,
    pub reason: String,
}

/// What one `_changes` batch asks the device to write, in one transaction,
/// before it writes `last_seq` as its checkpoint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PullBatch {
    /// Case events, each once, in id order. Merging them into a log that
    /// has some already changes nothing for those (`CaseLog::merge`).
    pub events: Vec<Event>,
    /// Reference documents to store (replacing the same id), each once.
    pub reference: Vec<RefDoc>,
    /// Ids of reference documents deleted on the server.
    pub deleted_reference: Vec<String>,
    pub last_seq: Seq,
    pub pending: Option<u64>,
    pub skipped: Vec<Skipped>,
    /// How many rows the batch had, taken or not.
    pub rows: usize,
}

impl PullBatch {
    /// Whether the feed has nothing more after this batch, asked for with
    /// `limit`: `pending` says so where the server gives it (CouchDB 3),
    /// else a batch shorter than the limit is the last (PouchDB Server).
    pub fn caught_up(&self, limit: usize) -> bool {
        match self.pending {
            Some(pending) => pending == 0,
            None => self.rows < limit,
        }
    }

    /// The events grouped by case, for writing case by case.
    pub fn events_by_case(&self) -> BTreeMap<CaseId, Vec<Event>> {
        let mut by_case: BTreeMap<CaseId, Vec<Event>> = BTreeMap::new();
        for e in &self.events {
            by_case.entry(e.case).or_default().push(e.clone());
        }
        by_case
    }
}

/// The latest word on one reference document within the batch.
enum RefChange {
    Put(RefDoc),
    Delete,
}

/// Turns a `_changes` batch into what to write. Never fails on a row: a
/// row that cannot be taken (an unknown type, a design document, a
/// changed or misnamed event, a deleted event, a row without its
/// document) is skipped with the reason, and the rest of the batch is
/// still applied. The result depends only on the batch, so applying it
/// again gives the same writes.
pub fn apply_changes(changes: ChangesResponse) -> PullBatch {
    let mut events: BTreeMap<EventId, Event> = BTreeMap::new();
    // Rows come in sequence order: a later row for the same id wins.
    let mut refs: BTreeMap<String, RefChange> = BTreeMap::new();
    let rows = changes.results.len();
    let mut skipped = Vec::new();
    let mut skip = |id: &str, reason: String| {
        skipped.push(Skipped {
            id: id.to_owned(),
            reason,
        })
    };

    for row in changes.results {
        if row.id.starts_with("_design/") {
            skip(&row.id, "a design document".into());
            continue;
        }
        let deleted = row.deleted
            || row
                .doc
                .as_ref()
                .and_then(|d| d.get("_deleted"))
                .and_then(Value::as_bool)
                .unwrap_or(false);
        if deleted {
            // A tombstone has no type: an event is told by its id.
            if row.id.starts_with("event:") {
                skip(
                    &row.id,
                    "an event was deleted on the server; events are never deleted, the device keeps it".into(),
                );
            } else {
                refs.insert(row.id, RefChange::Delete);
            }
            continue;
        }
        let Some(doc) = row.doc else {
            skip(
                &row.id,
                "the row has no document (include_docs was not set)".into(),
            );
            continue;
        };
        // A row must be about the document it carries.
        if doc.get("_id").and_then(Value::as_str) != Some(row.id.as_str()) {
            skip(&row.id, "the document's _id is not the row's id".into());
            continue;
        }
        let kind = doc.get("type").and_then(Value::as_str).map(str::to_owned);
        match kind.as_deref() {
            Some("event") => match EventDoc::try_from(doc) {
                Ok(d) => {
                    let e = d.into_event();
                    events.entry(e.id).or_insert(e);
                }
                Err(e) => skip(&row.id, e.to_string()),
            },
            Some(kind) => {
                let Value::Object(map) = doc else {
                    skip(&row.id, "the document is not an object".into());
                    continue;
                };
                let rev = map.get("_rev").and_then(Value::as_str).map(str::to_owned);
                match RefBody::from_fields(kind, own_fields(map)) {
                    Ok(Some(body)) => {
                        let doc = RefDoc {
                            id: row.id.clone(),
                            rev,
                            body,
                        };
                        refs.insert(row.id, RefChange::Put(doc));
                    }
                    Ok(None) => skip(&row.id, format!("unknown document type {kind:?}")),
                    Err(e) => {
                        // An earlier row of this batch is outdated by this one.
                        refs.remove(&row.id);
                        skip(
                            &row.id,
                            format!("a {kind} document the app cannot read: {e}"),
                        )
                    }
                }
            }
            None => skip(&row.id, "the document has no type".into()),
        }
    }

    let mut reference = Vec::new();
    let mut deleted_reference = Vec::new();
    for (id, change) in refs {
        match change {
            RefChange::Put(doc) => reference.push(doc),
            RefChange::Delete => deleted_reference.push(id),
        }
    }
    PullBatch {
        events: events.into_values().collect(),
        reference,
        deleted_reference,
        last_seq: changes.last_seq,
        pending: changes.pending,
        skipped,
        rows,
    }
}
