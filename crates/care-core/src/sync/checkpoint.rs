//! Replication ids and the `_local` checkpoint documents both sides keep,
//! as PouchDB's replicator writes and compares them.

use super::{parse, Seq, Since, SyncError};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// How many past sessions a checkpoint remembers (PouchDB's number).
pub const CHECKPOINT_HISTORY: usize = 5;
/// The checkpoint format written here: PouchDB's version 1.
pub const CHECKPOINT_VERSION: u32 = 1;
const REPLICATOR: &str = "care-assist";

/// Names one replication (a source, a target, a filter): the key of its
/// checkpoint documents on both sides. The same inputs always give the
/// same id, so a sync started again finds its checkpoints.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ReplicationId(String);

impl ReplicationId {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The id of its checkpoint document: `_local/<id>`.
    pub fn local_doc_id(&self) -> String {
        format!("_local/{}", self.0)
    }
}

/// The replication id of `source` → `target` with an optional filter and
/// its query parameters. PouchDB hashes the same inputs (source id, target
/// id, filter, sorted query parameters) with MD5; this uses SHA-256 (the
/// crate has no MD5), cut to 16 bytes of hex like CouchDB's ids, over
/// length-prefixed parts so that no two different inputs run together into
/// the same text. Push and pull are two replications with two ids.
pub fn replication_id(
    source: &str,
    target: &str,
    filter: Option<&str>,
    query_params: &BTreeMap<String, String>,
) -> ReplicationId {
    let mut h = Sha256::new();
    let mut part = |bytes: &[u8]| {
        h.update((bytes.len() as u64).to_be_bytes());
        h.update(bytes);
    };
    part(b"care-assist replication v1");
    part(source.as_bytes());
    part(target.as_bytes());
    part(filter.unwrap_or_default().as_bytes());
    for (k, v) in query_params {
        part(k.as_bytes());
        part(v.as_bytes());
    }
    let digest = h.finalize();
    ReplicationId(digest[..16].iter().map(|b| format!("{b:02x}")).collect())
}

/// The identity of a server database in a replication id, as PouchDB's
/// HTTP adapter makes it: the server's `uuid` (from `GET /`) followed by the
/// database name, so that two URLs of one server (a host name and its
/// address) are one identity; without a uuid, the database URL without
/// credentials, query or trailing slash.
pub fn remote_identity(server_uuid: Option<&str>, db_url: &str) -> String {
    let url = db_url.split(['?', '#']).next().unwrap_or_default();
    let url = url.trim_end_matches('/');
    // Credentials are never part of an identity (nor written anywhere).
    let url = match url.split_once("://") {
        Some((scheme, rest)) => {
            let (authority, path) = rest.split_once('/').map_or((rest, ""), |(a, p)| (a, p));
            let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
            if path.is_empty() {
                format!("{scheme}://{host}")
            } else {
                format!("{scheme}://{host}/{path}")
            }
        }
        None => url.to_owned(),
    };
    match server_uuid {
        Some(uuid) if !uuid.is_empty() => {
            let db = url.rsplit('/').next().unwrap_or_default();
            format!("{uuid}{db}")
        }
        _ => url,
    }
}

/// One past session of a replication.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub session_id: String,
    // CouchDB's own replicator calls it `recorded_seq`.
    #[serde(alias = "recorded_seq")]
    pub last_seq: Seq,
}

/// A checkpoint document (`_local/<replication id>`), PouchDB's shape:
/// `{ _id, _rev, session_id, last_seq, history, version, replicator }`.
/// Both sides keep one; `last_seq` is the source's sequence up to which
/// everything is on the target.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checkpoint {
    #[serde(rename = "_id")]
    pub id: String,
    /// Needed to overwrite it (CouchDB answers 409 otherwise).
    #[serde(rename = "_rev", default, skip_serializing_if = "Option::is_none")]
    pub rev: Option<String>,
    /// Missing in documents from before PouchDB kept sessions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_id: Option<String>,
    // CouchDB's own replicator calls it `source_last_seq`.
    #[serde(alias = "source_last_seq")]
    pub last_seq: Seq,
    /// Newest first.
    #[serde(default)]
    pub history: Vec<HistoryEntry>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replicator: Option<String>,
}

impl Checkpoint {
    /// Parses `GET /db/_local/<id>`'s answer. A 404 body gives an error for
    /// which [`SyncError::is_not_found`] holds: there is no checkpoint.
    pub fn parse(body: &str) -> Result<Checkpoint, SyncError> {
        parse("checkpoint", body)
    }
}

/// Where to resume, from the checkpoint on this device (`local`) and on
/// the server (`remote`), as PouchDB decides (with `local` as its source
/// document):
///
/// - either side has none (a wiped device, a new server database), or they
///   are of different format versions: from the start;
/// - both name the same session: its `last_seq` (the local one, written
///   after the remote one, so never ahead of it);
/// - otherwise the latest session both histories hold: its `last_seq`;
/// - none in common: from the start.
///
/// A sequence only one side vouches for is never used: the other side may
/// have lost what it covers.
pub fn resume_from(local: Option<&Checkpoint>, remote: Option<&Checkpoint>) -> Since {
    let (Some(local), Some(remote)) = (local, remote) else {
        return Since::Start;
    };
    if local.version != remote.version {
        return Since::Start;
    }
    match local.version {
        // Before sessions: only an exact match of the two sequences.
        None if local.last_seq == remote.last_seq => Since::from_seq(&local.last_seq),
        None => Since::Start,
        Some(CHECKPOINT_VERSION) => match (&local.session_id, &remote.session_id) {
            (Some(a), Some(b)) if a == b => Since::from_seq(&local.last_seq),
            _ => common_history(&local.history, &remote.history),
        },
        Some(_) => Since::Start,
    }
}

/// PouchDB's `compareReplicationHistory`, as a loop.
fn common_history(mut source: &[HistoryEntry], mut target: &[HistoryEntry]) -> Since {
    loop {
        let (Some(s), Some(t)) = (source.first(), target.first()) else {
            return Since::Start;
        };
        if target.iter().any(|e| e.session_id == s.session_id) {
            return Since::from_seq(&s.last_seq);
        }
        if source[1..].iter().any(|e| e.session_id == t.session_id) {
            return Since::from_seq(&t.last_seq);
        }
        source = &source[1..];
        target = &target[1..];
    }
}

/// The checkpoint to write on one side once everything up to `last_seq`
/// is on the target, from that side's `previous` document (its `_rev` is
/// kept so the write replaces it): this session goes first in the history,
/// which keeps [`CHECKPOINT_HISTORY`] sessions. `None` when the side
/// already records `last_seq`: nothing to write.
pub fn checkpoint_after(
    previous: Option<&Checkpoint>,
    id: &ReplicationId,
    session_id: &str,
    last_seq: &Seq,
) -> Option<Checkpoint> {
    if previous.is_some_and(|p| &p.last_seq == last_seq) {
        return None;
    }
    let mut history = vec![HistoryEntry {
        session_id: session_id.to_owned(),
        last_seq: last_seq.clone(),
    }];
    if let Some(p) = previous {
        history.extend(
            p.history
                .iter()
                .filter(|e| e.session_id != session_id)
                .cloned(),
        );
    }
    history.truncate(CHECKPOINT_HISTORY);
    Some(Checkpoint {
        id: id.local_doc_id(),
        rev: previous.and_then(|p| p.rev.clone()),
        session_id: Some(session_id.to_owned()),
        last_seq: last_seq.clone(),
        history,
        version: Some(CHECKPOINT_VERSION),
        replicator: Some(REPLICATOR.to_owned()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(entries: &[(&str, u64)]) -> Vec<HistoryEntry> {
        entries
            .iter()
            .map(|(s, n)| HistoryEntry {
                session_id: (*s).to_owned(),
                last_seq: Seq::Number(*n),
            })
            .collect()
    }

    #[test]
    fn the_latest_common_session_wins_from_either_side() {
        let a = h(&[("s4", 40), ("s3", 30), ("s1", 10)]);
        let b = h(&[("s5", 50), ("s3", 30), ("s1", 10)]);
        assert_eq!(common_history(&a, &b), Since::After(Seq::Number(30)));
        assert_eq!(common_history(&b, &a), Since::After(Seq::Number(30)));
        assert_eq!(common_history(&a, &[]), Since::Start);
        assert_eq!(common_history(&[], &b), Since::Start);
    }

    #[test]
    fn a_common_session_at_zero_is_the_start() {
        let a = h(&[("s1", 0)]);
        assert_eq!(common_history(&a, &a), Since::Start);
    }
}
