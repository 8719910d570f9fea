//! The decisions of CouchDB replication: event documents, push, pull,
//! checkpoints and retries. Server answers are written as CouchDB 3 and
//! PouchDB Server send them.

mod common;

use care_core::reference;
use care_core::sync::{
    after_bulk_docs, apply_changes, backoff, batches, canonical_json, case_range, checkpoint_after,
    event_doc, parse_bulk_docs, parse_changes, parse_revs_diff, remote_identity, replication_id,
    resume_from, revs_diff_request, what_to_push, BulkDocsRequest, Checkpoint, EventDoc,
    EventDocId, PackDoc, RefBody, RefDoc, Seq, Since, SyncError, BACKOFF_CAP, CHECKPOINT_HISTORY,
};
use care_core::{
    CaseId, CaseLog, Channel, CustomerId, DeviceId, Event, EventBody, EventId, IdSource, Stage,
};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;
use time::OffsetDateTime;

// ---- events written on a device

struct Device {
    ids: IdSource,
    id: DeviceId,
    ms: u64,
    seed: u128,
}

impl Device {
    fn new(seed: u64) -> Device {
        let mut ids = IdSource::new();
        let id = DeviceId::from_uuid(ids.next(1_764_000_000_000 + seed, u128::from(seed)));
        Device {
            ids,
            id,
            ms: 1_764_000_000_000 + seed * 7_000,
            seed: u128::from(seed) * 1_000_003,
        }
    }

    fn event(&mut self, case: CaseId, body: EventBody) -> Event {
        self.ms += 1_000;
        self.seed += 1;
        Event {
            id: EventId::from_uuid(self.ids.next(self.ms, self.seed)),
            case,
            device: self.id,
            at: OffsetDateTime::from_unix_timestamp((self.ms / 1000) as i64).expect("a time"),
            body,
        }
    }

    fn open(&mut self) -> Event {
        self.ms += 1_000;
        let case = CaseId::from_uuid(self.ids.next(self.ms, self.seed));
        self.event(
            case,
            EventBody::CaseOpened {
                agent: None,
                channel: Channel::Hotline,
                customer: Some(CustomerId::new("C-1001")),
                training: None,
            },
        )
    }

    fn note(&mut self, case: CaseId, text: &str) -> Event {
        self.event(case, EventBody::NoteAdded { text: text.into() })
    }
}

fn docs(events: &[Event]) -> Vec<EventDoc> {
    events
        .iter()
        .map(|e| event_doc(e).expect("an event document"))
        .collect()
}

fn doc_json(e: &Event) -> Value {
    serde_json::to_value(event_doc(e).expect("an event document")).expect("json")
}

// ---- event documents

#[test]
fn an_event_has_the_same_id_and_revision_on_every_device() {
    let mut d = Device::new(1);
    let open = d.open();
    let here = event_doc(&open).expect("a document");
    // Another device has the event as it came over the wire.
    let wire = serde_json::to_string(&open).expect("json");
    let there = event_doc(&serde_json::from_str(&wire).expect("an event")).expect("a document");
    assert_eq!(here, there);
    assert_eq!(here.id(), format!("event:{}:{}", open.case, open.id));
    assert!(here.rev().starts_with("1-"));
    assert_eq!(here.rev().len(), 2 + 32);
    assert!(here.rev()[2..]
        .chars()
        .all(|c| matches!(c, '0'..='9' | 'a'..='f')));
    assert_eq!(here.event(), &open);

    let json = serde_json::to_value(&here).expect("json");
    assert_eq!(json["_id"], here.id());
    assert_eq!(json["_rev"], here.rev());
    assert_eq!(json["type"], "event");
    assert_eq!(json["event"], serde_json::to_value(&open).expect("json"));
}

#[test]
fn the_revision_of_a_known_event_never_changes() {
    // Devices of every app version must agree on the revision of an event
    // already on the server; changing how it is computed breaks that. The
    // same figure comes from Python: "1-" + sha256(json.dumps(event,
    // sort_keys=True, separators=(",", ":"), ensure_ascii=False)) cut to 32
    // hex digits.
    let event: Event = serde_json::from_value(json!({
        "id": "019abbd4-a3c8-7000-8000-000000000002",
        "case": "019abbd4-a3c8-7000-8000-000000000001",
        "device": "019abbd4-a000-7000-8000-000000000009",
        "at": "2025-11-24T16:00:00Z",
        "body": { "kind": "note_added", "text": "客户反映账单异常" }
    }))
    .expect("an event");
    let doc = event_doc(&event).expect("a document");
    assert_eq!(doc.rev(), "1-4d97b4275577ab8679f85408d94c00d1");
}

#[test]
fn the_revision_depends_on_the_content_not_on_the_key_order() {
    let a = json!({"b": [1, {"y": "z", "x": null}], "a": "中文\"\n"});
    let b: Value =
        serde_json::from_str(r#"{"a":"中文\"\n","b":[1,{"x":null,"y":"z"}]}"#).expect("json");
    assert_eq!(canonical_json(&a), canonical_json(&b));
    assert_eq!(
        canonical_json(&a),
        r#"{"a":"中文\"\n","b":[1,{"x":null,"y":"z"}]}"#
    );

    let mut d = Device::new(2);
    let open = d.open();
    let mut changed = open.clone();
    changed.body = EventBody::CaseOpened {
        agent: None,
        channel: Channel::Store,
        customer: Some(CustomerId::new("C-1001")),
        training: None,
    };
    let (x, y) = (
        event_doc(&open).expect("doc"),
        event_doc(&changed).expect("doc"),
    );
    assert_eq!(x.id(), y.id());
    assert_ne!(x.rev(), y.rev());
}

#[test]
fn an_event_document_id_parses_back_and_nothing_else_does() {
    let mut d = Device::new(3);
    let e = d.open();
    let id: EventDocId = event_doc(&e).expect("doc").id().parse().expect("an id");
    assert_eq!((id.case, id.event), (e.case, e.id));
    for bad in [
        "customer:C-1001",
        "event:",
        "event:not-a-uuid:also-not",
        &format!("event:{}", e.case),
        &format!("event:{}:{}", e.case.to_string().to_uppercase(), e.id),
        &format!("event:{}:{}:x", e.case, e.id),
    ] {
        assert!(
            matches!(
                bad.parse::<EventDocId>(),
                Err(SyncError::NotAnEventDocId(_))
            ),
            "{bad}"
        );
    }
    // One case's events are one key range of `_all_docs`.
    let (start, end) = case_range(e.case);
    let doc_id = event_doc(&e).expect("doc").id().to_owned();
    assert!(start <= doc_id && doc_id < end);
    let other = d.open();
    let other_id = event_doc(&other).expect("doc").id().to_owned();
    assert!(!(start <= other_id && other_id < end));
}

#[test]
fn an_event_document_read_back_is_checked_against_its_event() {
    let mut d = Device::new(4);
    let e = d.open();
    let good = doc_json(&e);
    let read: EventDoc = serde_json::from_value(good.clone()).expect("a good document");
    assert_eq!(read.event(), &e);

    let mut edited = good.clone();
    edited["event"]["body"]["channel"] = json!("store");
    let err = serde_json::from_value::<EventDoc>(edited).expect_err("changed");
    assert!(err.to_string().contains("changed"), "{err}");

    let mut moved = good;
    moved["_id"] = json!(format!("event:{}:{}", d.open().case, e.id));
    assert!(serde_json::from_value::<EventDoc>(moved).is_err());
}

// ---- push

#[test]
fn only_what_the_server_is_missing_is_pushed() {
    let mut d = Device::new(5);
    let open = d.open();
    let events = vec![
        open.clone(),
        d.note(open.case, "one"),
        d.note(open.case, "two"),
    ];
    let docs = docs(&events);

    let request = serde_json::to_value(revs_diff_request(&docs)).expect("json");
    assert_eq!(request.as_object().expect("an object").len(), 3);
    assert_eq!(request[docs[1].id()], json!([docs[1].rev()]));

    // CouchDB 3 lists only the documents with a missing revision.
    let answer = format!(
        r#"{{"{}":{{"missing":["{}"]}},"{}":{{"missing":["{}"],"possible_ancestors":[]}}}}"#,
        docs[1].id(),
        docs[1].rev(),
        docs[2].id(),
        docs[2].rev()
    );
    let diff = parse_revs_diff(&answer).expect("a _revs_diff answer");
    let plan = what_to_push(docs.clone(), &diff);
    assert_eq!(plan.send, docs[1..].to_vec());
    assert_eq!(plan.already_there, vec![open.id]);

    let body = serde_json::to_value(BulkDocsRequest::new(&plan.send)).expect("json");
    assert_eq!(body["new_edits"], json!(false));
    assert_eq!(body["docs"].as_array().expect("docs").len(), 2);
    assert_eq!(body["docs"][0]["_rev"], docs[1].rev());
}

#[test]
fn a_document_the_server_already_has_leaves_the_outbox_unsent() {
    let mut d = Device::new(6);
    let open = d.open();
    let events = vec![open.clone(), d.note(open.case, "again")];
    // A repeated outbox entry is sent once at most.
    let mut docs = docs(&events);
    docs.push(docs[0].clone());
    let diff = parse_revs_diff("{}").expect("nothing missing");
    let plan = what_to_push(docs, &diff);
    assert!(plan.send.is_empty());
    assert_eq!(plan.already_there, vec![events[0].id, events[1].id]);
}

#[test]
fn a_refused_document_stays_in_the_outbox_with_the_reason() {
    let mut d = Device::new(7);
    let open = d.open();
    let events = vec![open.clone(), d.note(open.case, "a"), d.note(open.case, "b")];
    let sent = docs(&events);

    // CouchDB 3 with new_edits:false: only the failures.
    let couch = format!(
        r#"[{{"id":"{}","rev":"{}","error":"forbidden","reason":"only members of team-a may write"}}]"#,
        sent[1].id(),
        sent[1].rev()
    );
    let outcome = after_bulk_docs(&sent, &parse_bulk_docs(&couch).expect("an answer"));
    assert_eq!(outcome.done, vec![events[0].id, events[2].id]);
    assert_eq!(outcome.failed.len(), 1);
    let failure = &outcome.failed[0];
    assert_eq!(failure.event, events[1].id);
    assert_eq!(failure.reason, "only members of team-a may write");
    assert!(failure.is_refusal());

    // PouchDB Server lists every document.
    let pouch = format!(
        r#"[{{"ok":true,"id":"{}","rev":"{}"}},{{"id":"{}","error":"internal_server_error","reason":"disk full"}},{{"ok":true,"id":"{}","rev":"{}"}}]"#,
        sent[0].id(),
        sent[0].rev(),
        sent[1].id(),
        sent[2].id(),
        sent[2].rev()
    );
    let outcome = after_bulk_docs(&sent, &parse_bulk_docs(&pouch).expect("an answer"));
    assert_eq!(outcome.done, vec![events[0].id, events[2].id]);
    assert_eq!(outcome.failed[0].error, "internal_server_error");
    assert!(!outcome.failed[0].is_refusal());

    // Everything written.
    let outcome = after_bulk_docs(&sent, &parse_bulk_docs("[]").expect("an answer"));
    assert_eq!(outcome.done.len(), 3);
    assert!(outcome.failed.is_empty());
}

#[test]
fn the_outbox_is_sent_in_batches_in_order() {
    let sizes = |n: usize, k: usize| -> Vec<usize> {
        batches((0..n).collect::<Vec<_>>(), k)
            .iter()
            .map(Vec::len)
            .collect()
    };
    assert_eq!(sizes(7, 3), vec![3, 3, 1]);
    assert_eq!(sizes(6, 3), vec![3, 3]);
    assert_eq!(sizes(0, 3), Vec::<usize>::new());
    assert_eq!(sizes(2, 0), vec![1, 1]);
    assert_eq!(
        batches(vec![1, 2, 3, 4, 5], 2).concat(),
        vec![1, 2, 3, 4, 5]
    );
}

#[test]
fn a_server_error_object_is_a_typed_error_not_a_result() {
    let err = parse_bulk_docs(
        r#"{"error":"unauthorized","reason":"You are not authorized to access this db."}"#,
    )
    .expect_err("an error object");
    assert_eq!(
        err,
        SyncError::Server {
            error: "unauthorized".into(),
            reason: "You are not authorized to access this db.".into()
        }
    );
    assert!(matches!(
        parse_revs_diff("<html>502 Bad Gateway</html>"),
        Err(SyncError::Malformed { .. })
    ));
    assert!(matches!(
        parse_changes(r#"{"results":[{"seq":1}],"last_seq":1}"#),
        Err(SyncError::Malformed { .. })
    ));
    let missing = Checkpoint::parse(r#"{"error":"not_found","reason":"missing"}"#)
        .expect_err("no checkpoint");
    assert!(missing.is_not_found());
}

// ---- pull

#[test]
fn seq_may_be_a_number_or_a_string() {
    // CouchDB 3.
    let couch = r#"{"results":[
        {"seq":"1-g1AAAABteJzLYWBgYMpgTmHgz8tPSTV0MDQy1zMAQsMcoEQiQ1L9____szKYE5lygQLsZiYGKZYmSdi04DEkyQFIJtnDzMlgTgIAXXUbHw","id":"pack:demo","changes":[{"rev":"1-967a00dff5e02add41819138abb3284d"}],
         "doc":{"_id":"pack:demo","_rev":"1-967a00dff5e02add41819138abb3284d","type":"pack","source":"[pack]\nid = \"demo\"\n"}}
    ],"last_seq":"1-g1AAAABteJzLYWBgYMpgTmHgz8tPSTV0MDQy1zMAQsMcoEQiQ1L9____szKYE5lygQLsZiYGKZYmSdi04DEkyQFIJtnDzMlgTgIAXXUbHw","pending":0}"#;
    let batch = apply_changes(parse_changes(couch).expect("CouchDB 3 changes"));
    assert!(matches!(&batch.last_seq, Seq::Text(s) if s.starts_with("1-g1AAAA")));
    assert_eq!(batch.pending, Some(0));
    assert!(batch.caught_up(100));
    assert_eq!(batch.reference.len(), 1);
    assert_eq!(
        Since::After(batch.last_seq.clone()).param(),
        batch.last_seq.to_string()
    );

    // PouchDB Server: numbers, and no `pending`.
    let pouch = r#"{"results":[
        {"id":"pack:demo","changes":[{"rev":"1-967a00dff5e02add41819138abb3284d"}],
         "doc":{"source":"[pack]\nid = \"demo\"\n","type":"pack","_id":"pack:demo","_rev":"1-967a00dff5e02add41819138abb3284d"},"seq":1}
    ],"last_seq":1}"#;
    let batch = apply_changes(parse_changes(pouch).expect("PouchDB Server changes"));
    assert_eq!(batch.last_seq, Seq::Number(1));
    assert_eq!(batch.pending, None);
    // Without `pending`, a full batch may have more behind it.
    assert!(!batch.caught_up(1));
    assert!(batch.caught_up(100));
    assert_eq!(
        batch.reference[0].body,
        RefBody::Pack(PackDoc {
            source: "[pack]\nid = \"demo\"\n".into()
        })
    );
    assert_eq!(Since::After(Seq::Number(1)).param(), "1");
    assert_eq!(Since::from_seq(&Seq::Number(0)), Since::Start);
    assert_eq!(Since::Start.param(), "0");

    // Rows between `seq_interval` marks have a null seq (CouchDB 3).
    let interval = r#"{"results":[{"seq":null,"id":"x","changes":[{"rev":"1-a"}],"deleted":true}],"last_seq":"9-abc","pending":3}"#;
    let batch = apply_changes(parse_changes(interval).expect("changes"));
    assert_eq!(batch.deleted_reference, vec!["x".to_owned()]);
    assert!(!batch.caught_up(1));
}

#[test]
fn a_changes_batch_applied_twice_gives_the_same_logs() {
    let mut a = Device::new(8);
    let open = a.open();
    let events = [
        open.clone(),
        a.event(
            open.case,
            EventBody::StageEntered {
                stage: Stage::Listen,
            },
        ),
        a.note(open.case, "客户说网络很慢"),
    ];
    let results: Vec<Value> = events
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let doc = doc_json(e);
            json!({"seq": i + 1, "id": doc["_id"], "changes": [{"rev": doc["_rev"]}], "doc": doc})
        })
        .collect();
    let body = json!({"results": results, "last_seq": 3}).to_string();
    let batch = apply_changes(parse_changes(&body).expect("changes"));
    let again = apply_changes(parse_changes(&body).expect("changes"));
    assert_eq!(batch, again);
    assert!(batch.skipped.is_empty(), "{:?}", batch.skipped);

    let mut once = CaseLog::new();
    once.merge(batch.events.clone());
    let mut twice = once.clone();
    twice.merge(again.events.clone());
    twice.merge(batch.events_by_case().remove(&open.case).expect("the case"));
    assert_eq!(twice.len(), 3);
    assert_eq!(
        once.events().collect::<Vec<_>>(),
        twice.events().collect::<Vec<_>>()
    );
    assert_eq!(once.state(), twice.state());
    assert_eq!(once.state().expect("a state").stage, Stage::Listen);
}

#[test]
fn a_changed_or_misnamed_event_is_skipped_with_the_reason() {
    let mut d = Device::new(9);
    let open = d.open();
    let note = d.note(open.case, "原文");

    let mut edited = doc_json(&note);
    edited["event"]["body"]["text"] = json!("改过的");
    let mut misnamed = doc_json(&open);
    let wrong_id = format!("event:{}:{}", open.case, note.id);
    misnamed["_id"] = json!(wrong_id);
    let body = json!({
        "results": [
            {"seq": 1, "id": edited["_id"], "changes": [{"rev": edited["_rev"]}], "doc": edited},
            {"seq": 2, "id": wrong_id, "changes": [{"rev": misnamed["_rev"]}], "doc": misnamed},
            {"seq": 3, "id": doc_json(&open)["_id"], "changes": [{"rev": "2-0d3a"}], "deleted": true,
             "doc": {"_id": doc_json(&open)["_id"], "_rev": "2-0d3a", "_deleted": true}}
        ],
        "last_seq": 3
    });
    let batch = apply_changes(parse_changes(&body.to_string()).expect("changes"));
    assert!(batch.events.is_empty());
    assert!(batch.deleted_reference.is_empty());
    assert_eq!(batch.last_seq, Seq::Number(3));
    let reasons: Vec<_> = batch.skipped.iter().map(|s| s.reason.as_str()).collect();
    assert_eq!(reasons.len(), 3);
    assert!(reasons[0].contains("changed"), "{}", reasons[0]);
    assert!(
        reasons[1].contains("is not its event's id"),
        "{}",
        reasons[1]
    );
    assert!(reasons[2].contains("never deleted"), "{}", reasons[2]);
}

#[test]
fn unknown_documents_are_skipped_not_errors() {
    let body = r#"{"results":[
        {"seq":"1-a","id":"_design/auth","changes":[{"rev":"1-aa"}],"doc":{"_id":"_design/auth","_rev":"1-aa","validate_doc_update":"function(){}"}},
        {"seq":"2-b","id":"memo:1","changes":[{"rev":"1-bb"}],"doc":{"_id":"memo:1","_rev":"1-bb","type":"memo","text":"hi"}},
        {"seq":"3-c","id":"untyped","changes":[{"rev":"1-cc"}],"doc":{"_id":"untyped","_rev":"1-cc"}},
        {"seq":"4-d","id":"pack:bad","changes":[{"rev":"1-dd"}],"doc":{"_id":"pack:bad","_rev":"1-dd","type":"pack","source":42}},
        {"seq":"5-e","id":"no-doc","changes":[{"rev":"1-ee"}]},
        {"seq":"5-g","id":"pack:x","changes":[{"rev":"1-ab"}],"doc":{"_id":"pack:y","_rev":"1-ab","type":"pack","source":""}},
        {"seq":"6-f","id":"scenario:roaming","changes":[{"rev":"1-ff"}],"doc":{"_id":"scenario:roaming","_rev":"1-ff","type":"scenario","customers":["C-1001"]}}
    ],"last_seq":"6-f","pending":0}"#;
    let batch = apply_changes(parse_changes(body).expect("changes"));
    let skipped: Vec<_> = batch.skipped.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        skipped,
        [
            "_design/auth",
            "memo:1",
            "untyped",
            "pack:bad",
            "no-doc",
            "pack:x"
        ]
    );
    assert!(batch.skipped[1].reason.contains("unknown document type"));
    assert_eq!(batch.reference.len(), 1);
    assert_eq!(
        batch.reference[0].body,
        RefBody::Scenario(json!({"customers": ["C-1001"]}))
    );
    assert_eq!(batch.last_seq, Seq::Text("6-f".into()));
}

#[test]
fn reference_documents_arrive_as_the_app_keeps_them_and_deletions_too() {
    let data = common::data().clone();
    let (shared, customers) = reference::split(data);
    let customer = customers[0].clone();
    let docs = [
        RefDoc {
            id: "shared".into(),
            rev: Some("4-1d0c".into()),
            body: RefBody::Shared(Box::new(shared.clone())),
        },
        RefDoc {
            id: "customer:0".into(),
            rev: Some("1-77aa".into()),
            body: RefBody::Customer(Box::new(customer.clone())),
        },
    ];
    let mut results = Vec::new();
    for (i, d) in docs.iter().enumerate() {
        let doc = d.to_value().expect("json");
        assert_eq!(doc["type"], d.body.kind());
        results.push(json!({"seq": i + 1, "id": d.id, "changes": [{"rev": d.rev}], "doc": doc}));
    }
    // Then the server deletes customer 0 and, later in the batch, puts it back,
    // and deletes another.
    results
        .push(json!({"seq": 3, "id": "customer:0", "changes": [{"rev": "2-9e"}], "deleted": true}));
    results.push(json!({"seq": 4, "id": "customer:0", "changes": [{"rev": "3-5f"}],
        "doc": {"_id": "customer:0", "_rev": "3-5f", "type": "customer",
                "customer": serde_json::to_value(&customer.customer).expect("json"), "records": null}}));
    results.push(
        json!({"seq": 5, "id": "customer:1", "changes": [{"rev": "2-aa"}], "deleted": true,
        "doc": {"_id": "customer:1", "_rev": "2-aa", "_deleted": true}}),
    );
    let body = json!({"results": results, "last_seq": 5}).to_string();

    let batch = apply_changes(parse_changes(&body).expect("changes"));
    assert!(batch.skipped.is_empty(), "{:?}", batch.skipped);
    assert_eq!(batch.deleted_reference, vec!["customer:1".to_owned()]);
    assert_eq!(batch.reference.len(), 2);
    let by_id: BTreeMap<_, _> = batch.reference.iter().map(|d| (d.id.as_str(), d)).collect();
    assert_eq!(by_id["shared"].body, RefBody::Shared(Box::new(shared)));
    assert_eq!(by_id["customer:0"].rev.as_deref(), Some("3-5f"));
    let RefBody::Customer(c) = &by_id["customer:0"].body else {
        panic!("a customer document");
    };
    assert_eq!(c.customer, customer.customer);
    assert_eq!(c.records, None);
}

// ---- a whole sync against a tiny in-memory server

/// Answers as CouchDB does, as JSON text, for the few endpoints sync uses.
#[derive(Default)]
struct Server {
    /// id → (seq of its last change, document)
    docs: BTreeMap<String, (u64, Value)>,
    seq: u64,
    local: BTreeMap<String, Checkpoint>,
    writes: usize,
}

impl Server {
    fn revs_diff(&self, request: &str) -> String {
        let request: BTreeMap<String, Vec<String>> =
            serde_json::from_str(request).expect("a _revs_diff request");
        let mut answer = serde_json::Map::new();
        for (id, revs) in request {
            let have = self.docs.get(&id).map(|(_, d)| d["_rev"].clone());
            let missing: Vec<_> = revs
                .into_iter()
                .filter(|r| have.as_ref() != Some(&json!(r)))
                .collect();
            if !missing.is_empty() {
                answer.insert(id, json!({ "missing": missing }));
            }
        }
        Value::Object(answer).to_string()
    }

    fn bulk_docs(&mut self, request: &str) -> String {
        let request: Value = serde_json::from_str(request).expect("a _bulk_docs request");
        assert_eq!(request["new_edits"], json!(false));
        for doc in request["docs"].as_array().expect("docs") {
            let id = doc["_id"].as_str().expect("an id").to_owned();
            self.writes += 1;
            // The same revision again changes nothing, as in CouchDB.
            if self.docs.get(&id).map(|(_, d)| &d["_rev"]) != Some(&doc["_rev"]) {
                self.seq += 1;
                self.docs.insert(id, (self.seq, doc.clone()));
            }
        }
        "[]".into()
    }

    fn changes(&self, since: &Since, limit: usize) -> String {
        let after = match since {
            Since::Start => 0,
            Since::After(Seq::Number(n)) => *n,
            Since::After(other) => panic!("this server's seqs are numbers, not {other:?}"),
        };
        let mut rows: Vec<_> = self.docs.values().filter(|(s, _)| *s > after).collect();
        rows.sort_by_key(|(s, _)| *s);
        let pending = rows.len().saturating_sub(limit);
        let rows: Vec<_> = rows.into_iter().take(limit).collect();
        let last_seq = rows.last().map_or(after, |(s, _)| *s);
        let results: Vec<_> = rows
            .iter()
            .map(|(s, d)| json!({"seq": s, "id": d["_id"], "changes": [{"rev": d["_rev"]}], "doc": d}))
            .collect();
        json!({"results": results, "last_seq": last_seq, "pending": pending}).to_string()
    }
}

/// What a device keeps for sync.
struct Replica {
    writer: Device,
    logs: BTreeMap<CaseId, CaseLog>,
    outbox: BTreeSet<EventId>,
    events: BTreeMap<EventId, Event>,
    checkpoint: Option<Checkpoint>,
    sessions: u32,
    pushed: usize,
}

impl Replica {
    fn new(seed: u64) -> Replica {
        Replica {
            writer: Device::new(seed),
            logs: BTreeMap::new(),
            outbox: BTreeSet::new(),
            events: BTreeMap::new(),
            checkpoint: None,
            sessions: 0,
            pushed: 0,
        }
    }

    fn record(&mut self, e: Event) {
        self.logs.entry(e.case).or_default().merge([e.clone()]);
        self.outbox.insert(e.id);
        self.events.insert(e.id, e);
    }

    fn log(&self, case: CaseId) -> &CaseLog {
        &self.logs[&case]
    }

    fn push(&mut self, server: &mut Server) {
        let waiting: Vec<Event> = self
            .outbox
            .iter()
            .map(|id| self.events[id].clone())
            .collect();
        for batch in batches(docs(&waiting), 2) {
            let request = serde_json::to_string(&revs_diff_request(&batch)).expect("json");
            let diff = parse_revs_diff(&server.revs_diff(&request)).expect("an answer");
            let plan = what_to_push(batch, &diff);
            for id in &plan.already_there {
                self.outbox.remove(id);
            }
            if plan.send.is_empty() {
                continue;
            }
            let request = serde_json::to_string(&BulkDocsRequest::new(&plan.send)).expect("json");
            let answer = parse_bulk_docs(&server.bulk_docs(&request)).expect("an answer");
            self.pushed += plan.send.len();
            let outcome = after_bulk_docs(&plan.send, &answer);
            assert!(outcome.failed.is_empty());
            for id in &outcome.done {
                self.outbox.remove(id);
            }
        }
    }

    fn pull(&mut self, server: &mut Server, rep: &care_core::sync::ReplicationId) {
        self.sessions += 1;
        let session = format!("{}-{}", self.writer.id, self.sessions);
        let mut since = resume_from(
            self.checkpoint.as_ref(),
            server.local.get(&rep.local_doc_id()),
        );
        loop {
            let batch = apply_changes(parse_changes(&server.changes(&since, 2)).expect("changes"));
            assert!(batch.skipped.is_empty(), "{:?}", batch.skipped);
            for e in &batch.events {
                self.logs.entry(e.case).or_default().merge([e.clone()]);
                self.events.entry(e.id).or_insert_with(|| e.clone());
            }
            // The remote checkpoint first, then the local one.
            let remote = server.local.get(&rep.local_doc_id());
            if let Some(cp) = checkpoint_after(remote, rep, &session, &batch.last_seq) {
                server.local.insert(rep.local_doc_id(), cp);
            }
            if let Some(cp) =
                checkpoint_after(self.checkpoint.as_ref(), rep, &session, &batch.last_seq)
            {
                self.checkpoint = Some(cp);
            }
            since = Since::from_seq(&batch.last_seq);
            if batch.caught_up(2) {
                break;
            }
        }
    }

    fn sync(&mut self, server: &mut Server) {
        self.push(server);
        let rep = replication_id(
            &remote_identity(Some("8f1c0a"), "https://couch.example/team-a"),
            &format!("device:{}", self.writer.id),
            None,
            &BTreeMap::new(),
        );
        self.pull(server, &rep);
    }
}

#[test]
fn two_devices_offline_end_with_the_same_log_after_both_sync() {
    let mut server = Server::default();
    let mut a = Replica::new(10);
    let mut b = Replica::new(11);

    // A opens the case and syncs; B picks it up.
    let open = a.writer.open();
    let case = open.case;
    a.record(open);
    let listen = a.writer.event(
        case,
        EventBody::StageEntered {
            stage: Stage::Listen,
        },
    );
    a.record(listen);
    a.sync(&mut server);
    b.sync(&mut server);
    assert_eq!(b.log(case).len(), 2);

    // Both offline: each adds to the case.
    for text in ["A: 客户来电", "A: 已解释"] {
        let e = a.writer.note(case, text);
        a.record(e);
    }
    let verify = a.writer.event(
        case,
        EventBody::StageEntered {
            stage: Stage::Verify,
        },
    );
    a.record(verify);
    for text in ["B: 门店补充", "B: 客户再次来电", "B: 再补充"] {
        let e = b.writer.note(case, text);
        b.record(e);
    }
    assert_ne!(a.log(case).state(), b.log(case).state());

    // Both come back, in either order, and A once more.
    a.sync(&mut server);
    b.sync(&mut server);
    a.sync(&mut server);

    assert!(a.outbox.is_empty() && b.outbox.is_empty());
    assert_eq!(a.log(case).len(), 8);
    assert_eq!(
        a.log(case).events().collect::<Vec<_>>(),
        b.log(case).events().collect::<Vec<_>>()
    );
    let state = a.log(case).state().expect("a state");
    assert_eq!(Ok(&state), b.log(case).state().as_ref());
    assert_eq!(state.notes.len(), 5);
    // Every event is on the server once, and nothing was sent twice:
    // B's second sync sent only its own three notes.
    assert_eq!(server.docs.len(), 8);
    assert_eq!(server.seq, 8);
    assert_eq!(a.pushed + b.pushed, 8);
    assert_eq!(server.writes, 8);
}

#[test]
fn an_interrupted_pull_resumes_where_it_stopped() {
    let mut server = Server::default();
    let mut a = Replica::new(12);
    let open = a.writer.open();
    let case = open.case;
    a.record(open);
    for i in 0..4 {
        let e = a.writer.note(case, &format!("note {i}"));
        a.record(e);
    }
    a.push(&mut server);

    let mut b = Replica::new(13);
    let rep = replication_id("server", "device-b", None, &BTreeMap::new());
    // B pulls one batch of two and checkpoints it, then the tab is closed.
    let batch = apply_changes(parse_changes(&server.changes(&Since::Start, 2)).expect("changes"));
    for e in &batch.events {
        b.logs.entry(e.case).or_default().merge([e.clone()]);
    }
    let remote = checkpoint_after(None, &rep, "s1", &batch.last_seq).expect("a checkpoint");
    server.local.insert(rep.local_doc_id(), remote);
    b.checkpoint = checkpoint_after(None, &rep, "s1", &batch.last_seq);

    let since = resume_from(b.checkpoint.as_ref(), server.local.get(&rep.local_doc_id()));
    assert_eq!(since, Since::After(Seq::Number(2)));
    let rest = apply_changes(parse_changes(&server.changes(&since, 10)).expect("changes"));
    assert_eq!(rest.events.len(), 3);
    assert!(rest.events.iter().all(|e| !batch.events.contains(e)));
}

// ---- checkpoints

fn checkpoint(session: &str, last_seq: Seq, history: &[(&str, Seq)]) -> Checkpoint {
    serde_json::from_value(json!({
        "_id": "_local/0f2b",
        "_rev": "0-3",
        "session_id": session,
        "last_seq": last_seq,
        "history": history.iter().map(|(s, q)| json!({"session_id": s, "last_seq": q})).collect::<Vec<_>>(),
        "replicator": "pouchdb",
        "version": 1
    }))
    .expect("a checkpoint")
}

#[test]
fn resume_starts_from_the_last_checkpoint_both_sides_agree_on() {
    let n = Seq::Number;
    // The same session on both sides.
    let local = checkpoint("s3", n(30), &[("s3", n(30)), ("s2", n(20))]);
    let remote = checkpoint("s3", n(30), &[("s3", n(30)), ("s2", n(20))]);
    assert_eq!(
        resume_from(Some(&local), Some(&remote)),
        Since::After(n(30))
    );

    // The device got further in a session whose remote write was lost:
    // the latest session both hold is s2.
    let local = checkpoint("s3", n(30), &[("s3", n(30)), ("s2", n(20)), ("s1", n(10))]);
    let remote = checkpoint("s2", n(20), &[("s2", n(20)), ("s1", n(10))]);
    assert_eq!(
        resume_from(Some(&local), Some(&remote)),
        Since::After(n(20))
    );
    assert_eq!(
        resume_from(Some(&remote), Some(&local)),
        Since::After(n(20))
    );

    // The server's database was restored from an older backup.
    let local = checkpoint("s5", n(50), &[("s5", n(50)), ("s4", n(40)), ("s1", n(10))]);
    let remote = checkpoint("s1", n(10), &[("s1", n(10))]);
    assert_eq!(
        resume_from(Some(&local), Some(&remote)),
        Since::After(n(10))
    );

    // CouchDB 3 seqs are kept as they came.
    let s = |t: &str| Seq::Text(t.into());
    let local = checkpoint("x", s("7-g1AAAA"), &[("x", s("7-g1AAAA"))]);
    let remote = checkpoint(
        "y",
        s("9-g1BBBB"),
        &[("y", s("9-g1BBBB")), ("x", s("7-g1AAAA"))],
    );
    assert_eq!(
        resume_from(Some(&local), Some(&remote)),
        Since::After(s("7-g1AAAA"))
    );

    // No session in common.
    let local = checkpoint("a", n(5), &[("a", n(5))]);
    let remote = checkpoint("b", n(9), &[("b", n(9))]);
    assert_eq!(resume_from(Some(&local), Some(&remote)), Since::Start);
}

#[test]
fn a_checkpoint_only_one_side_has_restarts_from_zero() {
    let cp = checkpoint("s1", Seq::Number(42), &[("s1", Seq::Number(42))]);
    assert_eq!(resume_from(Some(&cp), None), Since::Start);
    assert_eq!(resume_from(None, Some(&cp)), Since::Start);
    assert_eq!(resume_from(None, None), Since::Start);

    // PouchDB's pre-session documents, and a mix of formats.
    let old: Checkpoint =
        serde_json::from_str(r#"{"_id":"_local/0f2b","_rev":"0-1","last_seq":42}"#).expect("old");
    assert_eq!(
        resume_from(Some(&old), Some(&old)),
        Since::After(Seq::Number(42))
    );
    assert_eq!(resume_from(Some(&old), Some(&cp)), Since::Start);
}

#[test]
fn checkpoints_keep_the_latest_sessions_newest_first() {
    let rep = replication_id("a", "b", None, &BTreeMap::new());
    let first = checkpoint_after(None, &rep, "s1", &Seq::Number(3)).expect("written");
    assert_eq!(first.id, rep.local_doc_id());
    assert_eq!(first.rev, None);
    let json = serde_json::to_value(&first).expect("json");
    assert_eq!(json["session_id"], "s1");
    assert_eq!(json["last_seq"], 3);
    assert_eq!(
        json["history"],
        json!([{"session_id": "s1", "last_seq": 3}])
    );
    assert_eq!(json["version"], 1);

    // Nothing new: nothing to write.
    assert_eq!(
        checkpoint_after(Some(&first), &rep, "s2", &Seq::Number(3)),
        None
    );

    let mut cp = first;
    cp.rev = Some("0-1".into());
    for (i, s) in ["s1", "s2", "s3", "s4", "s5", "s6"].iter().enumerate() {
        cp = checkpoint_after(Some(&cp), &rep, s, &Seq::Number(10 + i as u64)).expect("written");
    }
    let sessions: Vec<_> = cp.history.iter().map(|e| e.session_id.as_str()).collect();
    assert_eq!(sessions, ["s6", "s5", "s4", "s3", "s2"]);
    assert_eq!(cp.history.len(), CHECKPOINT_HISTORY);
    // The `_rev` read is kept, so the write replaces the document.
    assert_eq!(cp.rev.as_deref(), Some("0-1"));

    // Read back from CouchDB.
    let text = serde_json::to_string(&cp).expect("json");
    assert_eq!(Checkpoint::parse(&text).expect("a checkpoint"), cp);
}

#[test]
fn a_replication_id_is_stable_and_names_source_target_and_filter() {
    let none = BTreeMap::new();
    let server = remote_identity(None, "https://ana:s3cret@couch.example:6984/team-a/");
    assert_eq!(server, "https://couch.example:6984/team-a");
    assert!(!server.contains("s3cret"));
    assert_eq!(
        remote_identity(Some("5e2b6a"), "http://127.0.0.1:5984/team-a"),
        "5e2b6ateam-a"
    );

    let push = replication_id("device:1", &server, None, &none);
    assert_eq!(push, replication_id("device:1", &server, None, &none));
    assert_eq!(push.as_str().len(), 32);
    assert_eq!(push.local_doc_id(), format!("_local/{}", push.as_str()));
    let pull = replication_id(&server, "device:1", None, &none);
    assert_ne!(push, pull);
    assert_ne!(push, replication_id("device:2", &server, None, &none));
    assert_ne!(
        push,
        replication_id("device:1", &server, Some("app/team"), &none)
    );
    let params = BTreeMap::from([("team".to_owned(), "a".to_owned())]);
    assert_ne!(
        replication_id("device:1", &server, Some("app/team"), &params),
        replication_id("device:1", &server, Some("app/team"), &none)
    );
    // Parts never run together.
    assert_ne!(
        replication_id("ab", "c", None, &none),
        replication_id("a", "bc", None, &none)
    );
}

// ---- retries

#[test]
fn backoff_grows_to_its_cap_and_jitter_stays_within_it() {
    let ceilings: Vec<_> = (0..12).map(|n| backoff(n, 1.0).as_secs()).collect();
    assert_eq!(ceilings, [1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300]);
    assert_eq!(backoff(u32::MAX, 1.0), BACKOFF_CAP);
    assert_eq!(backoff(3, 0.0), Duration::ZERO);
    assert_eq!(backoff(3, 0.5), Duration::from_secs(4));
    for attempt in [0, 1, 5, 9, 40] {
        for jitter in [0.0, 0.1, 0.37, 0.999, 1.0, -3.0, 7.0, f64::NAN] {
            let wait = backoff(attempt, jitter);
            assert!(wait <= backoff(attempt, 1.0), "{attempt} {jitter}");
            assert!(wait <= BACKOFF_CAP);
        }
    }
}
