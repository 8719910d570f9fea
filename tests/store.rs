//! The IndexedDB event store, in headless Chromium (wasm-bindgen-test).
//! It must behave exactly as the in-memory store: the same conformance
//! checks from care-core run against both.
#![cfg(target_arch = "wasm32")]

use care_assist::platform::idb::{IdbStore, DB_VERSION};
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

/// A database of its own for each test.
fn fresh_name(test: &str) -> String {
    format!("care-assist-test-{test}-{}", js_sys::Date::now())
}

#[wasm_bindgen_test]
async fn append_and_load_round_trip() {
    let store = IdbStore::open(&fresh_name("round-trip"))
        .await
        .expect("opens");
    conformance::append_and_load_round_trip(&store, 11)
        .await
        .expect("round trip");
}

#[wasm_bindgen_test]
async fn events_survive_reopening_the_database() {
    let name = fresh_name("reopen");
    {
        let store = IdbStore::open(&name).await.expect("opens");
        conformance::append_and_load_round_trip(&store, 12)
            .await
            .expect("writes");
    }
    let again = IdbStore::open(&name).await.expect("reopens");
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
    let store = IdbStore::open(&fresh_name("apart")).await.expect("opens");
    conformance::cases_are_kept_apart(&store, 13)
        .await
        .expect("kept apart");
}

#[wasm_bindgen_test]
async fn a_repeated_append_keeps_one_copy() {
    let store = IdbStore::open(&fresh_name("repeat")).await.expect("opens");
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
                channel: Channel::Store,
                customer: Some(CustomerId::new("C-1004")),
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

    let store = IdbStore::open(&name).await.expect("upgrades");
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
        let store = IdbStore::open(&name).await.expect("upgrades");
        assert_eq!(store.version(), DB_VERSION);
        conformance::append_and_load_round_trip(&store, 21)
            .await
            .expect("writes");
        assert_eq!(store.stored_pack().await.expect("reads settings"), None);
    }
    let again = IdbStore::open(&name).await.expect("reopens");
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
        let store = IdbStore::open(&name).await.expect("opens");
        store.store_pack(&stored).await.expect("stores");
    }
    let store = IdbStore::open(&name).await.expect("reopens");
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
    let store = IdbStore::open(&name).await.expect("upgrades");
    assert_eq!(store.version(), DB_VERSION);
    assert_eq!(store.stored_pack().await.expect("reads"), Some(pack));
    assert_eq!(store.draft("case/note").await.expect("reads drafts"), None);
}

#[wasm_bindgen_test]
async fn a_draft_is_kept_across_reopening_until_forgotten() {
    let name = fresh_name("drafts");
    {
        let store = IdbStore::open(&name).await.expect("opens");
        store
            .set_draft("c1/note", Some("\"客户说上个月也多扣过\""))
            .await
            .expect("keeps");
        store
            .set_draft("c2/note", Some("\"another case\""))
            .await
            .expect("keeps");
    }
    let store = IdbStore::open(&name).await.expect("reopens");
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
