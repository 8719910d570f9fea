//! Documents: case events (written by devices, immutable) and reference
//! data (written by the server, read by the app).

use super::SyncError;
use crate::case::{CaseId, Event, EventId};
use crate::reference::{CustomerDoc, SharedDoc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use std::fmt;
use std::str::FromStr;
use thiserror::Error;

const EVENT_PREFIX: &str = "event:";

/// JSON with object keys sorted (by their UTF-8 bytes) and no whitespace:
/// the same value always gives the same text, whatever order its fields
/// were written or stored in, and whatever serde_json features another
/// crate turns on (`preserve_order` would keep insertion order).
pub fn canonical_json(value: &Value) -> String {
    let mut out = String::new();
    write_canonical(value, &mut out);
    out
}

fn write_canonical(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<_> = map.iter().collect();
            entries.sort_by(|a, b| a.0.cmp(b.0));
            out.push('{');
            for (i, (key, v)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                // Value's Display escapes a string exactly as JSON needs.
                out.push_str(&Value::String(key.clone()).to_string());
                out.push(':');
                write_canonical(v, out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(v, out);
            }
            out.push(']');
        }
        scalar => out.push_str(&scalar.to_string()),
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The revision of an event document whose `event` is `event_json`:
/// generation 1 (an event is never edited) and the first 16 bytes of the
/// SHA-256 of its canonical JSON in lower-case hex. 32 hex digits is the
/// shape CouchDB gives its own revisions (it stores them as 16 bytes).
pub fn event_rev(event_json: &Value) -> String {
    let digest = Sha256::digest(canonical_json(event_json).as_bytes());
    format!("1-{}", hex(&digest[..16]))
}

/// The document id of an event: `event:<case id>:<event id>`. The case
/// comes first so that one case's events are one `_all_docs` key range.
pub fn event_doc_id(event: &Event) -> String {
    EventDocId {
        case: event.case,
        event: event.id,
    }
    .to_string()
}

/// The `startkey` and `endkey` of one case's event documents in `_all_docs`.
pub fn case_range(case: CaseId) -> (String, String) {
    let start = format!("{EVENT_PREFIX}{case}:");
    let end = format!("{start}\u{fff0}");
    (start, end)
}

/// An event document id, parsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EventDocId {
    pub case: CaseId,
    pub event: EventId,
}

impl fmt::Display for EventDocId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{EVENT_PREFIX}{}:{}", self.case, self.event)
    }
}

impl FromStr for EventDocId {
    type Err = SyncError;

    fn from_str(s: &str) -> Result<Self, SyncError> {
        let bad = || SyncError::NotAnEventDocId(s.to_owned());
        let rest = s.strip_prefix(EVENT_PREFIX).ok_or_else(bad)?;
        let (case, event) = rest.split_once(':').ok_or_else(bad)?;
        let id = EventDocId {
            case: case.parse().map_err(|_| bad())?,
            event: event.parse().map_err(|_| bad())?,
        };
        // Only the canonical (lower-case, hyphenated) spelling: another one
        // would be another document to CouchDB.
        if id.to_string() == s {
            Ok(id)
        } else {
            Err(bad())
        }
    }
}

/// One case event as a CouchDB document:
/// `{"_id": "event:<case>:<event>", "_rev": "1-<hash>", "type": "event", "event": {..}}`.
///
/// Built only by [`event_doc`] or by reading one, which checks that the id
/// and the revision are the event's own.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Value")]
pub struct EventDoc {
    #[serde(rename = "_id")]
    id: String,
    #[serde(rename = "_rev")]
    rev: String,
    #[serde(rename = "type")]
    kind: String,
    event: Event,
}

/// The document for an event. The same event gives the same document on
/// every device.
pub fn event_doc(event: &Event) -> Result<EventDoc, SyncError> {
    let json = serde_json::to_value(event).map_err(|e| SyncError::Encode {
        event: event.id,
        detail: e.to_string(),
    })?;
    Ok(EventDoc {
        id: event_doc_id(event),
        rev: event_rev(&json),
        kind: "event".to_owned(),
        event: event.clone(),
    })
}

impl EventDoc {
    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn rev(&self) -> &str {
        &self.rev
    }

    pub fn event(&self) -> &Event {
        &self.event
    }

    pub fn into_event(self) -> Event {
        self.event
    }
}

/// Why a document of type `event` is not taken.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum EventDocError {
    #[error("not an event document: {0}")]
    Shape(String),
    #[error("its id {found:?} is not its event's id {expected:?}")]
    IdMismatch { found: String, expected: String },
    #[error("its revision {found:?} is not its event's revision {expected:?}: the event was changed after it was written")]
    RevMismatch { found: String, expected: String },
}

impl TryFrom<Value> for EventDoc {
    type Error = EventDocError;

    fn try_from(mut doc: Value) -> Result<EventDoc, EventDocError> {
        let text = |key: &str, doc: &Value| {
            doc.get(key)
                .and_then(Value::as_str)
                .map(str::to_owned)
                .ok_or_else(|| EventDocError::Shape(format!("no {key}")))
        };
        let id = text("_id", &doc)?;
        let rev = text("_rev", &doc)?;
        if text("type", &doc)? != "event" {
            return Err(EventDocError::Shape("its type is not \"event\"".into()));
        }
        let json = doc
            .get_mut("event")
            .map(Value::take)
            .ok_or_else(|| EventDocError::Shape("no event".into()))?;
        // The revision is checked against the JSON as stored, not as this
        // version of the app would write it again: a field added later
        // with a default must not make old events look changed.
        let expected_rev = event_rev(&json);
        let event: Event =
            serde_json::from_value(json).map_err(|e| EventDocError::Shape(e.to_string()))?;
        let expected_id = event_doc_id(&event);
        if id != expected_id {
            return Err(EventDocError::IdMismatch {
                found: id,
                expected: expected_id,
            });
        }
        if rev != expected_rev {
            return Err(EventDocError::RevMismatch {
                found: rev,
                expected: expected_rev,
            });
        }
        Ok(EventDoc {
            id,
            rev,
            kind: "event".to_owned(),
            event,
        })
    }
}

/// A knowledge pack, kept as its TOML source so each app version validates
/// it again (as an imported pack is).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackDoc {
    pub source: String,
}

/// What a reference document holds, by its `type`. The body's fields sit
/// beside `_id`, `_rev` and `type`, as CouchDB documents usually are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RefBody {
    /// `type: "customer"`: one customer and their records.
    Customer(Box<CustomerDoc>),
    /// `type: "shared"`: the catalogue, network events, scenarios' customers.
    Shared(Box<SharedDoc>),
    /// `type: "pack"`: a knowledge pack.
    Pack(PackDoc),
    /// `type: "scenario"`: kept as the server wrote it; the app has no
    /// type for it yet.
    Scenario(Value),
}

impl RefBody {
    /// The document `type`.
    pub fn kind(&self) -> &'static str {
        match self {
            RefBody::Customer(_) => "customer",
            RefBody::Shared(_) => "shared",
            RefBody::Pack(_) => "pack",
            RefBody::Scenario(_) => "scenario",
        }
    }

    /// The body of a document of type `kind` (its fields without `_id`,
    /// `_rev` and `type`); `Ok(None)` for a type the app does not know.
    pub fn from_fields(kind: &str, fields: Value) -> Result<Option<RefBody>, serde_json::Error> {
        Ok(Some(match kind {
            "customer" => RefBody::Customer(Box::new(serde_json::from_value(fields)?)),
            "shared" => RefBody::Shared(Box::new(serde_json::from_value(fields)?)),
            "pack" => RefBody::Pack(serde_json::from_value(fields)?),
            "scenario" => RefBody::Scenario(fields),
            _ => return Ok(None),
        }))
    }

    fn fields(&self) -> Result<Value, serde_json::Error> {
        match self {
            RefBody::Customer(d) => serde_json::to_value(d),
            RefBody::Shared(d) => serde_json::to_value(d),
            RefBody::Pack(d) => serde_json::to_value(d),
            RefBody::Scenario(v) => Ok(v.clone()),
        }
    }
}

/// A reference document: written by the server, read by the app. Its id
/// is the server's choice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefDoc {
    pub id: String,
    pub rev: Option<String>,
    pub body: RefBody,
}

impl RefDoc {
    /// The document as JSON (for seeding a server, and for tests).
    pub fn to_value(&self) -> Result<Value, SyncError> {
        let malformed = |detail: String| SyncError::Malformed {
            what: "reference document",
            detail,
        };
        let mut map = match self.body.fields().map_err(|e| malformed(e.to_string()))? {
            Value::Object(map) => map,
            _ => return Err(malformed("its body is not an object".into())),
        };
        map.insert("_id".into(), Value::String(self.id.clone()));
        if let Some(rev) = &self.rev {
            map.insert("_rev".into(), Value::String(rev.clone()));
        }
        map.insert("type".into(), Value::String(self.body.kind().into()));
        Ok(Value::Object(map))
    }
}

/// The key a device keeps a reference document under: a digest of its
/// id, so that a server's ids (which may name a customer) are never a
/// clear key on the device. The document itself, id included, is sealed.
pub fn reference_key(doc_id: &str) -> String {
    let digest = Sha256::digest(doc_id.as_bytes());
    format!("ref/{}", hex(&digest[..16]))
}

/// The id of the shared reference document a server is seeded with.
pub const SHARED_DOC_ID: &str = "shared";

/// The documents a server's team database is seeded with from a data set
/// and knowledge packs (`(id, TOML source)`): one `shared` document, one
/// `customer:<customer id>` per customer (an account number, not personal
/// data), one `pack:<id>` per pack. Without revisions: the server makes them.
pub fn reference_docs(data: crate::demo_data::DemoData, packs: &[(&str, &str)]) -> Vec<RefDoc> {
    let (shared, customers) = crate::reference::split(data);
    let mut docs = vec![RefDoc {
        id: SHARED_DOC_ID.to_owned(),
        rev: None,
        body: RefBody::Shared(Box::new(shared)),
    }];
    docs.extend(customers.into_iter().map(|c| RefDoc {
        id: format!("customer:{}", c.customer.id.as_str()),
        rev: None,
        body: RefBody::Customer(Box::new(c)),
    }));
    docs.extend(packs.iter().map(|(id, source)| RefDoc {
        id: format!("pack:{id}"),
        rev: None,
        body: RefBody::Pack(PackDoc {
            source: (*source).to_owned(),
        }),
    }));
    docs
}

impl RefDoc {
    /// Reads a document as [`RefDoc::to_value`] wrote it (as a device keeps
    /// it, sealed).
    pub fn from_value(doc: Value) -> Result<RefDoc, SyncError> {
        let malformed = |detail: String| SyncError::Malformed {
            what: "reference document",
            detail,
        };
        let Value::Object(map) = doc else {
            return Err(malformed("not an object".into()));
        };
        let text = |k: &str| map.get(k).and_then(Value::as_str).map(str::to_owned);
        let id = text("_id").ok_or_else(|| malformed("no _id".into()))?;
        let rev = text("_rev");
        let kind = text("type").ok_or_else(|| malformed("no type".into()))?;
        match RefBody::from_fields(&kind, own_fields(map)) {
            Ok(Some(body)) => Ok(RefDoc { id, rev, body }),
            Ok(None) => Err(malformed(format!("unknown type {kind:?}"))),
            Err(e) => Err(malformed(e.to_string())),
        }
    }
}

/// The fields of a document that are its own: all but CouchDB's (`_id`,
/// `_rev`, `_revisions`, `_conflicts`, …) and `type`.
pub(super) fn own_fields(doc: Map<String, Value>) -> Value {
    Value::Object(
        doc.into_iter()
            .filter(|(k, _)| !k.starts_with('_') && k != "type")
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn seed_documents_name_customers_by_account_and_read_back_as_written() {
        let data = crate::demo_data::generate(7, time::macros::datetime!(2026-11-30 08:00 UTC));
        let customers = data.customers.len();
        let docs = reference_docs(data, &[("demo", "# a pack")]);
        assert_eq!(docs.len(), customers + 2);
        assert_eq!(docs[0].id, SHARED_DOC_ID);
        assert!(docs[1].id.starts_with("customer:C-"));
        assert_eq!(docs.last().map(|d| d.id.as_str()), Some("pack:demo"));
        let doc = docs[1].to_value().unwrap();
        assert_eq!(doc["type"], "customer");
        assert!(doc.get("_rev").is_none());
        assert_eq!(RefDoc::from_value(doc).unwrap(), docs[1]);
        assert!(reference_key(&docs[1].id).starts_with("ref/"));
        assert_ne!(reference_key(&docs[1].id), reference_key(&docs[2].id));
        assert!(!reference_key(&docs[1].id).contains("C-"));
    }

    #[test]
    fn couchdb_fields_and_the_type_are_not_part_of_a_body() {
        let Value::Object(doc) = json!({
            "_id": "pack:demo", "_rev": "2-ab", "_revisions": {"start": 2, "ids": []},
            "type": "pack", "source": "x"
        }) else {
            unreachable!()
        };
        assert_eq!(own_fields(doc), json!({"source": "x"}));
    }
}
