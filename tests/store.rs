//! The IndexedDB event store, in headless Chromium (wasm-bindgen-test).
//! It must behave exactly as the in-memory store: the same conformance
//! checks from care-core run against both.
#![cfg(target_arch = "wasm32")]

use care_assist::platform::crypto::Cipher;
use care_assist::platform::idb::{IdbStore, StoreError, DB_VERSION};
use care_core::store::{conformance, EventStore};
use care_core::{
    CaseId, CaseLog, Channel, CustomerId, DeviceId, Event, EventBody, EventId, IdSource, Stage,
};
use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use time::OffsetDateTime;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A test key: the real iteration count would only slow the suite, and
/// the derivation is the same code.
async fn test_cipher(pin: &str) -> Cipher {
    Cipher::derive(pin, b"care-assist-salt", 1_000)
        .await
        .expect("WebCrypto derives a key")
}

/// Opens (or upgrades) a database and puts the test key in memory.
async fn open_unlocked(name: &str) -> IdbStore {
    let store = IdbStore::open(name).await.expect("opens");
    store.unlock(test_cipher("246810").await);
    store
}

/// A database of its own for each test.
fn fresh_name(test: &str) -> String {
    format!("care-assist-test-{test}-{}", js_sys::Date::now())
}

#[wasm_bindgen_test]
async fn append_and_load_round_trip() {
    let store = open_unlocked(&fresh_name("round-trip")).await;
    conformance::append_and_load_round_trip(&store, 11)
        .await
        .expect("round trip");
}

#[wasm_bindgen_test]
async fn events_survive_reopening_the_database() {
    let name = fresh_name("reopen");
    {
        let store = open_unlocked(&name).await;
        conformance::append_and_load_round_trip(&store, 12)
            .await
            .expect("writes");
    }
    let again = open_unlocked(&name).await;
    let cases = again.list_cases().await.expect("lists");
    assert_eq!(cases.len(), 1);
    let events = again.load_case(cases[0].id).await.expect("loads");
    assert_eq!(events.len(), 3);
    assert!(
        matches!(&events[2].body, EventBody::NoteAdded { text } if text.contains("<b>2GB</b>"))
    );
}

#[wasm_bindgen_test]
async fn two_cases_are_kept_apart() {
    let store = open_unlocked(&fresh_name("apart")).await;
    conformance::cases_are_kept_apart(&store, 13)
        .await
        .expect("kept apart");
}

#[wasm_bindgen_test]
async fn a_repeated_append_keeps_one_copy() {
    let store = open_unlocked(&fresh_name("repeat")).await;
    conformance::a_repeated_append_keeps_one_copy(&store, 14)
        .await
        .expect("one copy");
}

/// Writes a version-1 database by hand (events only, no case summaries), as
/// the first release of the app left it.
async fn write_version_1(name: &str, events: &[Event]) {
    let db = Database::open(name)
        .with_version(1u32)
        .with_on_upgrade_needed(|_, db| {
            let store = db
                .create_object_store("events")
                .with_key_path("id".into())
                .build()?;
            store.create_index("by_case", "case".into()).build()?;
            Ok(())
        })
        .await
        .expect("opens at version 1");
    let tx = db
        .transaction("events")
        .with_mode(TransactionMode::Readwrite)
        .build()
        .expect("tx");
    let store = tx.object_store("events").expect("store");
    for e in events {
        store
            .put(e)
            .serde()
            .expect("serialises")
            .await
            .expect("writes");
    }
    tx.commit().await.expect("commits");
    db.close();
}

#[wasm_bindgen_test]
async fn opening_a_version_1_database_upgrades_it_and_keeps_its_cases() {
    let name = fresh_name("upgrade");
    let mut ids = IdSource::new();
    let case = CaseId::from_uuid(ids.next(1_764_000_000_000, 1));
    let device = DeviceId::from_uuid(ids.next(1_764_000_000_000, 2));
    let at = OffsetDateTime::from_unix_timestamp(1_764_000_000).expect("valid");
    let mk = |ids: &mut IdSource, body| Event {
        id: EventId::from_uuid(ids.next(1_764_000_001_000, 3)),
        case,
        device,
        at,
        body,
    };
    let events = vec![
        mk(
            &mut ids,
            EventBody::CaseOpened {
                agent: None,
                channel: Channel::Store,
                customer: Some(CustomerId::new("C-1004")),
                training: None,
            },
        ),
        mk(
            &mut ids,
            EventBody::StageEntered {
                stage: Stage::Listen,
            },
        ),
        mk(
            &mut ids,
            EventBody::NoteAdded {
                text: "宽带断网两天".into(),
            },
        ),
    ];
    write_version_1(&name, &events).await;

    let store = open_unlocked(&name).await;
    assert_eq!(store.version(), DB_VERSION);
    let cases = store.list_cases().await.expect("lists");
    assert_eq!(
        cases.len(),
        1,
        "the version-1 case is listed after the upgrade"
    );
    assert_eq!(cases[0].id, case);
    assert_eq!(cases[0].stage, Stage::Listen);
    assert_eq!(cases[0].note_count, 1);
    assert_eq!(store.load_case(case).await.expect("loads"), events);

    // And the upgraded store takes new events as usual.
    let mut log = CaseLog::new();
    log.merge(events);
    let next = Event {
        id: EventId::from_uuid(ids.next(1_764_000_002_000, 4)),
        case,
        device,
        at,
        body: EventBody::StageEntered {
            stage: Stage::Verify,
        },
    };
    care_core::store::record(&store, &mut log, next)
        .await
        .expect("records");
    assert_eq!(
        store.list_cases().await.expect("lists")[0].stage,
        Stage::Verify
    );
}

#[wasm_bindgen_test]
async fn opening_a_version_2_database_keeps_its_cases_and_adds_settings() {
    let name = fresh_name("upgrade-v2");
    {
        // Version 2 as the second release left it: events and summaries.
        let db = Database::open(name.as_str())
            .with_version(2u32)
            .with_on_upgrade_needed(|_, db| {
                let store = db
                    .create_object_store("events")
                    .with_key_path("id".into())
                    .build()?;
                store.create_index("by_case", "case".into()).build()?;
                db.create_object_store("cases")
                    .with_key_path("id".into())
                    .build()?;
                Ok(())
            })
            .await
            .expect("opens at version 2");
        db.close();
    }
    {
        // Write a case through the store API at v3, then check it survives
        // being reopened (the v2 → v3 rung ran once).
        let store = open_unlocked(&name).await;
        assert_eq!(store.version(), DB_VERSION);
        conformance::append_and_load_round_trip(&store, 21)
            .await
            .expect("writes");
        assert_eq!(store.stored_pack().await.expect("reads settings"), None);
    }
    let again = open_unlocked(&name).await;
    assert_eq!(again.list_cases().await.expect("lists").len(), 1);
}

#[wasm_bindgen_test]
async fn an_imported_pack_is_kept_until_forgotten() {
    use care_assist::platform::idb::StoredPack;
    let name = fresh_name("pack");
    let stored = StoredPack::new(
        "team.toml".into(),
        "schema = 1\n# …".into(),
        "2026-11-25T09:00:00Z".into(),
    );
    {
        let store = open_unlocked(&name).await;
        store.store_pack(&stored).await.expect("stores");
    }
    let store = open_unlocked(&name).await;
    assert_eq!(store.stored_pack().await.expect("reads"), Some(stored));
    store.forget_pack().await.expect("forgets");
    assert_eq!(store.stored_pack().await.expect("reads"), None);
}

#[wasm_bindgen_test]
async fn opening_a_version_3_database_keeps_its_pack_and_adds_drafts() {
    use care_assist::platform::idb::StoredPack;
    let name = fresh_name("upgrade-v3");
    let pack = StoredPack::new(
        "team.toml".into(),
        "schema = 1".into(),
        "2026-11-25T09:00:00Z".into(),
    );
    {
        // Version 3 as the third release left it: events, summaries, settings.
        let db = Database::open(name.as_str())
            .with_version(3u32)
            .with_on_upgrade_needed(|_, db| {
                let store = db
                    .create_object_store("events")
                    .with_key_path("id".into())
                    .build()?;
                store.create_index("by_case", "case".into()).build()?;
                for name in ["cases", "settings"] {
                    let key = if name == "cases" { "id" } else { "key" };
                    db.create_object_store(name)
                        .with_key_path(key.into())
                        .build()?;
                }
                Ok(())
            })
            .await
            .expect("opens at version 3");
        let tx = db
            .transaction("settings")
            .with_mode(indexed_db_futures::transaction::TransactionMode::Readwrite)
            .build()
            .expect("a transaction");
        let settings = tx.object_store("settings").expect("settings");
        settings
            .put(&pack)
            .serde()
            .expect("serialises")
            .await
            .expect("puts");
        tx.commit().await.expect("commits");
        db.close();
    }
    let store = open_unlocked(&name).await;
    assert_eq!(store.version(), DB_VERSION);
    assert_eq!(store.stored_pack().await.expect("reads"), Some(pack));
    assert_eq!(store.draft("case/note").await.expect("reads drafts"), None);
}

#[wasm_bindgen_test]
async fn a_draft_is_kept_across_reopening_until_forgotten() {
    let name = fresh_name("drafts");
    {
        let store = open_unlocked(&name).await;
        store
            .set_draft("c1/note", Some("\"客户说上个月也多扣过\""))
            .await
            .expect("keeps");
        store
            .set_draft("c2/note", Some("\"another case\""))
            .await
            .expect("keeps");
    }
    let store = open_unlocked(&name).await;
    assert_eq!(
        store.draft("c1/note").await.expect("reads").as_deref(),
        Some("\"客户说上个月也多扣过\"")
    );
    store.set_draft("c1/note", None).await.expect("forgets");
    assert_eq!(store.draft("c1/note").await.expect("reads"), None);
    // Another case's draft is its own.
    assert_eq!(
        store.draft("c2/note").await.expect("reads").as_deref(),
        Some("\"another case\"")
    );
}

#[wasm_bindgen_test]
async fn what_is_stored_is_sealed_and_reads_back_only_with_the_right_key() {
    let name = fresh_name("sealed");
    {
        let store = open_unlocked(&name).await;
        conformance::append_and_load_round_trip(&store, 31)
            .await
            .expect("round trip");
        store
            .set_draft("c/note", Some("\"客户王小明 13800006229\""))
            .await
            .expect("keeps a draft");
    }
    // On disk: no note text, no draft text, anywhere.
    let raw = raw_dump(&name).await;
    assert!(raw.contains("sealed"), "records are sealed: {raw}");
    for secret in ["2GB", "13800006229", "王小明"] {
        assert!(!raw.contains(secret), "{secret} is stored in clear");
    }

    // A wrong key opens nothing, and says so; it never returns garbage.
    let wrong = IdbStore::open(&name).await.expect("opens");
    wrong.unlock(test_cipher("135792").await);
    assert!(matches!(
        wrong.list_cases().await,
        Err(StoreError::Damaged(_))
    ));
    assert!(matches!(
        wrong.draft("c/note").await,
        Err(StoreError::Damaged(_))
    ));

    // Without a key nothing personal can be read or written at all.
    let locked = IdbStore::open(&name).await.expect("opens");
    assert_eq!(locked.list_cases().await, Err(StoreError::Locked));
    assert_eq!(
        locked.set_draft("c/x", Some("\"y\"")).await,
        Err(StoreError::Locked)
    );

    let right = open_unlocked(&name).await;
    let cases = right.list_cases().await.expect("lists");
    assert_eq!(cases.len(), 1);
    assert_eq!(right.load_case(cases[0].id).await.expect("loads").len(), 3);
}

#[wasm_bindgen_test]
async fn a_version_4_database_in_clear_is_sealed_at_the_first_unlock() {
    let name = fresh_name("legacy");
    let case = CaseId::from_uuid(uuid::Uuid::from_u128(
        0x019a_0000_0000_7000_8000_0000_0000_0042,
    ));
    let device = DeviceId::from_uuid(uuid::Uuid::from_u128(7));
    let note = Event {
        id: EventId::from_uuid(uuid::Uuid::from_u128(
            0x019a_0000_0000_7000_8000_0000_0000_0043,
        )),
        case,
        device,
        at: OffsetDateTime::UNIX_EPOCH,
        body: EventBody::NoteAdded {
            text: "客户王小明说话费多扣了".into(),
        },
    };
    let opened = Event {
        id: EventId::from_uuid(uuid::Uuid::from_u128(
            0x019a_0000_0000_7000_8000_0000_0000_0041,
        )),
        case,
        device,
        at: OffsetDateTime::UNIX_EPOCH,
        body: EventBody::CaseOpened {
            agent: None,
            channel: Channel::Hotline,
            customer: None,
            training: None,
        },
    };
    // Version 4 wrote events and summaries in clear.
    write_version_4(&name, &[opened.clone(), note.clone()]).await;
    assert!(
        raw_dump(&name).await.contains("王小明"),
        "the setup wrote clear text"
    );

    let store = open_unlocked(&name).await;
    assert_eq!(store.seal_legacy().await.expect("seals"), 3);
    assert!(
        !raw_dump(&name).await.contains("王小明"),
        "sealed after the unlock"
    );
    // And everything still reads, through the key.
    let events = store.load_case(case).await.expect("loads");
    assert_eq!(events, vec![opened, note]);
    assert_eq!(store.list_cases().await.expect("lists").len(), 1);
    assert_eq!(store.seal_legacy().await.expect("nothing left"), 0);
}

/// Every record of every store, as JSON text: what someone with the disk
/// would see.
async fn raw_dump(name: &str) -> String {
    let db = Database::open(name).await.expect("opens raw");
    let mut out = String::new();
    // Every store there is, whatever the version: a store added later is
    // read too.
    let stores: Vec<String> = db.object_store_names().collect();
    for store in stores.iter().map(String::as_str) {
        let tx = db.transaction(store).build().expect("a transaction");
        let os = tx.object_store(store).expect("a store");
        let all: Vec<serde_json::Value> = os
            .get_all()
            .serde()
            .expect("reads")
            .await
            .expect("reads")
            .collect::<Result<_, _>>()
            .expect("values");
        out.push_str(&serde_json::Value::Array(all).to_string());
    }
    db.close();
    out
}

#[wasm_bindgen_test]
async fn a_full_disk_is_told_apart_and_leaves_nothing_half_written() {
    let name = fresh_name("quota");
    let store = open_unlocked(&name).await;
    conformance::append_and_load_round_trip(&store, 41)
        .await
        .expect("writes");
    let case = store.list_cases().await.expect("lists")[0].clone();
    let before = store.load_case(case.id).await.expect("loads");

    // The browser refuses writes as it does when the quota is used up: the
    // event goes in, the summary does not.
    js_sys::eval(
        r#"
        globalThis.__put = IDBObjectStore.prototype.put;
        IDBObjectStore.prototype.put = function (value) {
            if (this.name === "cases") throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
            return globalThis.__put.apply(this, arguments);
        };
        "#,
    )
    .expect("patches put");
    let mut log = CaseLog::default();
    log.merge(before.clone());
    let event = Event {
        id: EventId::from_uuid(IdSource::new().next(js_sys::Date::now() as u64, 99)),
        case: case.id,
        device: before[0].device,
        at: before[0].at,
        body: EventBody::NoteAdded {
            text: "写不进去的备注".into(),
        },
    };
    log.merge([event.clone()]);
    let summary = log.state().expect("folds").summary();
    let result = store.append(&event, &summary).await;
    js_sys::eval("IDBObjectStore.prototype.put = globalThis.__put;").expect("restores put");

    assert!(matches!(result, Err(StoreError::Full(_))), "{result:?}");
    // One transaction: the event that did go in was rolled back with it.
    assert_eq!(store.load_case(case.id).await.expect("loads"), before);
    assert_eq!(store.list_cases().await.expect("lists"), vec![case]);
}

/// Writes a version-4 database by hand: the four stores of that version and
/// one case in clear, as version 4 before encryption left it.
async fn write_version_4(name: &str, events: &[Event]) {
    let db = Database::open(name)
        .with_version(4u32)
        .with_on_upgrade_needed(|_, db| {
            let events = db
                .create_object_store("events")
                .with_key_path("id".into())
                .build()?;
            events.create_index("by_case", "case".into()).build()?;
            for (store, key) in [("cases", "id"), ("settings", "key"), ("drafts", "key")] {
                db.create_object_store(store)
                    .with_key_path(key.into())
                    .build()?;
            }
            Ok(())
        })
        .await
        .expect("opens at version 4");
    let mut log = CaseLog::default();
    log.merge(events.iter().cloned());
    let summary = log.state().expect("folds").summary();
    let tx = db
        .transaction(["events", "cases"])
        .with_mode(TransactionMode::Readwrite)
        .build()
        .expect("tx");
    let store = tx.object_store("events").expect("store");
    for e in events {
        store
            .put(e)
            .serde()
            .expect("serialises")
            .await
            .expect("writes");
    }
    let cases = tx.object_store("cases").expect("cases");
    cases
        .put(&summary)
        .serde()
        .expect("serialises")
        .await
        .expect("writes");
    tx.commit().await.expect("commits");
    db.close();
}

#[wasm_bindgen_test]
async fn opening_a_version_4_database_keeps_its_cases_and_adds_search_and_outbox() {
    let name = fresh_name("v4");
    let mut ids = IdSource::new();
    let device = DeviceId::from_uuid(ids.next(1_764_000_000_000, 5));
    let case = CaseId::from_uuid(ids.next(1_764_000_001_000, 6));
    let events = vec![
        Event {
            id: EventId::from_uuid(ids.next(1_764_000_002_000, 7)),
            case,
            device,
            at: OffsetDateTime::UNIX_EPOCH,
            body: EventBody::CaseOpened {
                agent: None,
                channel: Channel::Store,
                customer: Some(CustomerId::new("C-0042")),
                training: None,
            },
        },
        Event {
            id: EventId::from_uuid(ids.next(1_764_000_003_000, 8)),
            case,
            device,
            at: OffsetDateTime::UNIX_EPOCH,
            body: EventBody::NoteAdded {
                text: "旧版本写的备注".into(),
            },
        },
    ];
    write_version_4(&name, &events).await;

    let store = open_unlocked(&name).await;
    assert_eq!(store.version(), DB_VERSION);
    assert_eq!(store.load_case(case).await.expect("loads"), events);
    assert_eq!(store.case_count().await.expect("counts"), 1);
    // Nothing old is sent to a server by surprise, and the index is built
    // on the first unlock (no snapshot yet).
    assert_eq!(store.outbox_count().await.expect("counts"), 0);
    assert_eq!(store.search_snapshot().await.expect("reads"), None);
    // Rebuilt summaries carry what search reads.
    store.rebuild_summaries().await.expect("rebuilds");
    let listed = store.list_cases().await.expect("lists");
    assert!(listed[0].search_text.contains("旧版本写的备注"));
}

#[wasm_bindgen_test]
async fn every_append_marks_its_case_for_the_index_and_its_event_for_the_outbox() {
    let name = fresh_name("marks");
    let store = open_unlocked(&name).await;
    conformance::append_and_load_round_trip(&store, 51)
        .await
        .expect("writes");
    let listed = store.list_cases().await.expect("lists");
    let case = listed[0].clone();
    assert_eq!(
        store.cases_to_reindex().await.expect("reads"),
        vec![case.id]
    );
    assert_eq!(store.outbox_count().await.expect("counts"), 3);

    // Keeping the index clears the marks it covers; it is sealed on disk.
    store
        .store_search_snapshot(std::slice::from_ref(&case))
        .await
        .expect("keeps");
    assert!(store.cases_to_reindex().await.expect("reads").is_empty());
    assert_eq!(
        store.search_snapshot().await.expect("reads"),
        Some(vec![case.clone()])
    );
    assert!(
        !raw_dump(&name).await.contains("上月流量"),
        "the index is sealed"
    );

    // A newer write marks the case again; a snapshot older than that
    // write leaves the mark for the next load.
    let mut log = CaseLog::default();
    log.merge(store.load_case(case.id).await.expect("loads"));
    let first = log.state().expect("folds");
    let event = Event {
        id: EventId::from_uuid(IdSource::new().next(js_sys::Date::now() as u64, 52)),
        case: case.id,
        device: first.opened_on,
        at: first.updated_at,
        body: EventBody::NoteAdded {
            text: "再次来电".into(),
        },
    };
    care_core::store::record(&store, &mut log, event)
        .await
        .expect("records");
    store
        .store_search_snapshot(std::slice::from_ref(&case))
        .await
        .expect("keeps");
    assert_eq!(
        store.cases_to_reindex().await.expect("reads"),
        vec![case.id]
    );
    let newer = store.summaries_of(&[case.id]).await.expect("reads");
    assert!(newer[0].search_text.contains("再次来电"));
    assert_eq!(store.outbox_count().await.expect("counts"), 4);
}

#[wasm_bindgen_test]
async fn imported_cases_are_written_whole_and_kept_out_of_the_outbox_unless_outgoing() {
    let name = fresh_name("import");
    let store = open_unlocked(&name).await;
    let mut ids = IdSource::new();
    let device = DeviceId::from_uuid(ids.next(1_764_000_000_000, 9));
    let mut cases = Vec::new();
    for n in 0..30u64 {
        let ms = 1_764_000_000_000 + n * 10_000;
        let case = CaseId::from_uuid(ids.next(ms, u128::from(n) + 100));
        let events = vec![
            Event {
                id: EventId::from_uuid(ids.next(ms + 1, u128::from(n) + 200)),
                case,
                device,
                at: OffsetDateTime::UNIX_EPOCH,
                body: EventBody::CaseOpened {
                    agent: None,
                    channel: Channel::App,
                    customer: None,
                    training: None,
                },
            },
            Event {
                id: EventId::from_uuid(ids.next(ms + 2, u128::from(n) + 300)),
                case,
                device,
                at: OffsetDateTime::UNIX_EPOCH,
                body: EventBody::NoteAdded {
                    text: format!("导入的个案 {n}"),
                },
            },
        ];
        let summary = care_core::CaseState::fold(&events)
            .expect("folds")
            .summary();
        cases.push((events, summary));
    }
    store
        .import_cases(&cases[..20], false)
        .await
        .expect("imports");
    store
        .import_cases(&cases[20..], true)
        .await
        .expect("imports");
    assert_eq!(store.case_count().await.expect("counts"), 30);
    assert_eq!(store.outbox_count().await.expect("counts"), 20);
    assert_eq!(store.cases_to_reindex().await.expect("reads").len(), 30);
    for (events, _) in &cases {
        assert_eq!(
            &store.load_case(events[0].case).await.expect("loads"),
            events
        );
    }
}

#[wasm_bindgen_test]
async fn reference_data_is_kept_sealed_and_replaced_whole() {
    let name = fresh_name("reference");
    let store = open_unlocked(&name).await;
    assert_eq!(store.reference().await.expect("reads"), None);
    let now = OffsetDateTime::from_unix_timestamp(1_764_460_800).expect("a time");
    let data = care_core::demo_data::generate(20_261_125, now);
    store.store_reference(data.clone()).await.expect("keeps");
    assert_eq!(store.reference().await.expect("reads"), Some(data.clone()));
    let raw = raw_dump(&name).await;
    for c in data.customers.iter().take(20) {
        assert!(!raw.contains(&c.name), "a name is in clear");
        assert!(!raw.contains(&c.msisdn), "a number is in clear");
    }
    // A newer set replaces the old one whole.
    let later = care_core::demo_data::generate(20_261_125, now + time::Duration::days(1));
    store.store_reference(later.clone()).await.expect("keeps");
    assert_eq!(store.reference().await.expect("reads"), Some(later));
    // Without the key nothing reads.
    store.lock();
    assert_eq!(store.reference().await, Err(StoreError::Locked));
}

/// A case of `notes` notes, as one device records it.
fn case_with_notes(seed: u128, notes: usize) -> Vec<Event> {
    let mut ids = IdSource::new();
    let ms = 1_764_000_000_000 + seed as u64 * 1_000;
    let device = DeviceId::from_uuid(ids.next(ms, seed));
    let case = CaseId::from_uuid(ids.next(ms, seed + 1));
    let mut events = vec![Event {
        id: EventId::from_uuid(ids.next(ms + 1, seed + 2)),
        case,
        device,
        at: OffsetDateTime::UNIX_EPOCH,
        body: EventBody::CaseOpened {
            agent: None,
            channel: Channel::Store,
            customer: None,
            training: None,
        },
    }];
    for n in 0..notes {
        events.push(Event {
            id: EventId::from_uuid(ids.next(ms + 2 + n as u64, seed + 3 + n as u128)),
            case,
            device,
            at: OffsetDateTime::UNIX_EPOCH,
            body: EventBody::NoteAdded {
                text: format!("同步的备注 {n}"),
            },
        });
    }
    events
}

#[wasm_bindgen_test]
async fn the_outbox_gives_its_events_oldest_first_and_they_leave_once_sent() {
    let store = open_unlocked(&fresh_name("outbox")).await;
    let events = case_with_notes(1, 4);
    let summary = care_core::CaseState::fold(&events)
        .expect("folds")
        .summary();
    store
        .import_cases(&[(events.clone(), summary)], true)
        .await
        .expect("imports");
    let ids = store.outbox_ids().await.expect("reads");
    let expected: Vec<String> = events.iter().map(|e| e.id.to_string()).collect();
    assert_eq!(ids, expected, "oldest first");
    assert_eq!(
        store.events_by_ids(&ids[..2]).await.expect("reads"),
        events[..2]
    );
    store.leave_outbox(&ids[..3]).await.expect("leaves");
    assert_eq!(store.outbox_ids().await.expect("reads"), ids[3..]);
    // The events themselves stay.
    assert_eq!(
        store.load_case(events[0].case).await.expect("loads"),
        events
    );
    assert_eq!(
        store
            .stored_event_ids(&[ids[0].clone(), "not-an-event".into()])
            .await
            .expect("reads"),
        [ids[0].clone()].into_iter().collect()
    );
}

#[wasm_bindgen_test]
async fn a_pulled_batch_is_written_whole_out_of_the_outbox_and_server_data_replaces_the_demo_set() {
    use care_assist::platform::idb::{PulledCase, ReferenceOrigin};
    use care_core::sync::{reference_docs, RefBody};
    let name = fresh_name("pulled");
    let store = open_unlocked(&name).await;
    let now = OffsetDateTime::from_unix_timestamp(1_764_460_800).expect("a time");
    let demo = care_core::demo_data::generate(20_261_125, now);
    store.store_reference(demo.clone()).await.expect("keeps");
    let set = store.reference_set().await.expect("reads").expect("a set");
    assert_eq!(set.origin, ReferenceOrigin::Demo);

    // The server's documents: three customers, the shared one, a pack.
    let mut server = demo.clone();
    server.customers.truncate(3);
    let docs = reference_docs(server, &[("demo", "# pack")]);
    let events = case_with_notes(7, 2);
    let summary = care_core::CaseState::fold(&events)
        .expect("folds")
        .summary();
    store
        .apply_pulled(
            &[PulledCase {
                events: events.clone(),
                summary: Some(summary.clone()),
            }],
            &docs,
            &[],
        )
        .await
        .expect("writes");
    assert_eq!(
        store.load_case(events[0].case).await.expect("loads"),
        events
    );
    assert_eq!(
        store.outbox_count().await.expect("counts"),
        0,
        "pulled events are not sent back"
    );
    assert_eq!(
        store.cases_to_reindex().await.expect("reads"),
        vec![summary.id]
    );
    let set = store.reference_set().await.expect("reads").expect("a set");
    assert_eq!(set.origin, ReferenceOrigin::Server);
    assert_eq!(set.data.customers.len(), 3, "the demo set gave way");
    assert_eq!(set.packs.len(), 1);
    let raw = raw_dump(&name).await;
    for c in &set.data.customers {
        assert!(!raw.contains(&c.name), "a name is in clear");
        assert!(!raw.contains(c.id.as_str()), "a server id is in clear");
    }

    // A customer deleted on the server goes; one changed is replaced.
    let mut changed = docs[2].clone();
    if let RefBody::Customer(c) = &mut changed.body {
        c.customer.name = "改过的名字".into();
    }
    store
        .apply_pulled(&[], &[changed], &[docs[1].id.clone()])
        .await
        .expect("writes");
    let set = store.reference_set().await.expect("reads").expect("a set");
    assert_eq!(set.data.customers.len(), 2);
    assert!(set.data.customers.iter().any(|c| c.name == "改过的名字"));
}

#[wasm_bindgen_test]
async fn the_sync_account_is_sealed_and_checkpoints_and_the_log_are_kept() {
    use care_assist::platform::idb::SyncAccount;
    use care_core::sync::{checkpoint_after, replication_id, Seq};
    let name = fresh_name("account");
    let store = open_unlocked(&name).await;
    assert_eq!(store.sync_account().await.expect("reads"), None);
    let account = SyncAccount {
        server: "http://127.0.0.1:5984".into(),
        team: "north".into(),
        user: "north-agent".into(),
        password: "密码-secret-2026".into(),
        roles: vec!["team:north".into(), "care-lead".into()],
    };
    store
        .store_sync_account(Some(&account))
        .await
        .expect("keeps");
    assert_eq!(store.sync_account().await.expect("reads"), Some(account));
    assert!(
        !raw_dump(&name).await.contains("secret-2026"),
        "the password is sealed"
    );

    let rep = replication_id("a", "b", None, &Default::default());
    assert_eq!(
        store
            .local_checkpoint(&rep.local_doc_id())
            .await
            .expect("reads"),
        None
    );
    let cp = checkpoint_after(None, &rep, "s1", &Seq::Number(42)).expect("a checkpoint");
    store.store_local_checkpoint(&cp).await.expect("keeps");
    assert_eq!(
        store
            .local_checkpoint(&rep.local_doc_id())
            .await
            .expect("reads"),
        Some(cp)
    );

    store
        .store_sync_log(&["一行".to_owned()])
        .await
        .expect("keeps");
    assert_eq!(
        store.sync_log::<String>().await.expect("reads"),
        vec!["一行".to_owned()]
    );

    store.store_sync_account(None).await.expect("forgets");
    assert_eq!(store.sync_account().await.expect("reads"), None);
    store.lock();
    assert_eq!(store.sync_log::<String>().await, Err(StoreError::Locked));
}
