//! A benchmark, not a test: run by `scripts/bench sync` (and the full
//! `scripts/bench`), never by `scripts/test`. In headless Chromium through
//! wasm-bindgen-test, in release, against a CouchDB-protocol server that
//! `scripts/bench` starts (`scripts/sync-server.mjs --in-memory`). Nothing
//! here asserts a timing; each measurement prints `BENCH\t<key>\t<value>`
//! lines for `scripts/bench` to write up.
//!
//! - Device A imports 10 000 events into its outbox and runs one sync
//!   (`replicate::run`): the push of the 10 000, then the pull of the same
//!   events back (already on the device: read and skipped).
//! - Device B, a fresh database, runs one sync: the pull of the 10 000 into
//!   IndexedDB.
//!
//! The server, team, user and password are read when this is compiled
//! (`CARE_BENCH_SYNC_URL`, `_TEAM`, `_USER`, `_PASSWORD`): without them the
//! test says it was skipped and passes, so `cargo test` needs no server.
#![cfg(target_arch = "wasm32")]

use care_assist::contexts::sync::replicate::{self, Progress, PULL_BATCH, PUSH_BATCH};
use care_assist::platform::crypto::Cipher;
use care_assist::platform::idb::{IdbStore, SyncAccount};
use care_core::store::EventStore;
use care_core::sync::event_doc;
use care_core::{
    CaseId, CaseState, CaseSummary, Channel, CustomerId, DeviceId, Event, EventBody, EventId,
    IdSource,
};
use std::cell::Cell;
use std::fmt::Display;
use time::OffsetDateTime;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SERVER: Option<&str> = option_env!("CARE_BENCH_SYNC_URL");
const TEAM: Option<&str> = option_env!("CARE_BENCH_SYNC_TEAM");
const USER: Option<&str> = option_env!("CARE_BENCH_SYNC_USER");
const PASSWORD: Option<&str> = option_env!("CARE_BENCH_SYNC_PASSWORD");

/// Cases, and events in each: one opening and notes.
const CASES: usize = 100;
const EVENTS_PER_CASE: usize = 100;
/// Cases per `import_cases` call when filling device A's outbox.
const IMPORT_CHUNK: usize = 10;
/// Names the runs in the checkpoints' histories.
const SESSION: &str = "bench-sync";
/// As `tests/bench_store.rs`: the rounds only change how long deriving
/// the key takes.
const PIN: &str = "246810";
const SALT: &[u8] = b"care-assist-salt";
const ROUNDS: u32 = 1_000;

/// A note as an agent would type it (as `tests/bench_store.rs`): 120
/// characters of Chinese text.
const NOTE: &str = "客户来电反映本月账单比上月多出六十多元，称未办理任何新业务。经查询，客户上月二十号在外省使用了数据漫游，\
产生流量费用约五十八元。已向客户解释漫游计费规则，客户表示事先不知道需单独收费，要求减免。\
已记录诉求，承诺两个工作日内由账务组回电答复。";

#[wasm_bindgen]
extern "C" {
    /// The page's monotonic clock, in ms.
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;
}

fn bench(key: &str, value: impl Display) {
    console_log!("BENCH\t{key}\t{value}");
}

fn ms(x: f64) -> String {
    format!("{x:.0}")
}

fn per_s(n: usize, ms: f64) -> String {
    format!("{:.0}", n as f64 / (ms / 1000.0))
}

/// The account of the compile-time settings, with `team`; `None` (and a
/// line saying so) if they were not given.
fn account(team: Option<&str>, test: &str) -> Option<SyncAccount> {
    match (SERVER, team, USER, PASSWORD) {
        (Some(server), Some(team), Some(user), Some(password)) => Some(SyncAccount {
            server: server.to_owned(),
            team: team.to_owned(),
            user: user.to_owned(),
            password: password.to_owned(),
            roles: Vec::new(),
        }),
        _ => {
            console_log!(
                "bench_sync: {test} skipped: CARE_BENCH_SYNC_URL, _TEAM, _USER and _PASSWORD \
                  were not all set when this was compiled (scripts/bench sync sets them)"
            );
            None
        }
    }
}

async fn cipher() -> Cipher {
    Cipher::derive(PIN, SALT, ROUNDS)
        .await
        .expect("WebCrypto derives a key")
}

async fn fresh_store(what: &str) -> IdbStore {
    let name = format!("care-assist-bench-sync-{what}-{}", js_sys::Date::now());
    let store = IdbStore::open(&name).await.expect("opens");
    store.unlock(cipher().await);
    store
}

/// `CASES` cases of `EVENTS_PER_CASE` events, as `case_with_notes` in
/// `tests/store.rs` makes them: each case opened (hotline, a known
/// customer), then notes of 120 characters of Chinese text, one
/// millisecond apart; the cases one after the other, or, when built with
/// `CARE_BENCH_SYNC_ORDER=interleaved`, taking turns (the first event of
/// every case, then the second of every case, ...). Each with its summary.
fn workload() -> Vec<(Vec<Event>, CaseSummary)> {
    let mut ids = IdSource::new();
    let start = js_sys::Date::now() as u64;
    let device = DeviceId::from_uuid(ids.next(start, 1));
    let case_ids: Vec<CaseId> = (0..CASES)
        .map(|k| CaseId::from_uuid(ids.next(start, k as u128)))
        .collect();
    let mut cases: Vec<Vec<Event>> = (0..CASES)
        .map(|_| Vec::with_capacity(EVENTS_PER_CASE))
        .collect();
    // In time order, so that the ids are too.
    for i in 0..CASES * EVENTS_PER_CASE {
        let (k, n) = if interleaved() {
            (i % CASES, i / CASES)
        } else {
            (i / EVENTS_PER_CASE, i % EVENTS_PER_CASE)
        };
        let ms = start + 1 + i as u64;
        let body = if n == 0 {
            EventBody::CaseOpened {
                agent: None,
                channel: Channel::Hotline,
                customer: Some(CustomerId::new("C-1004")),
                training: None,
            }
        } else {
            EventBody::NoteAdded {
                text: format!("{NOTE}（{n}）"),
            }
        };
        cases[k].push(Event {
            id: EventId::from_uuid(ids.next(ms, i as u128)),
            case: case_ids[k],
            device,
            at: OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
                .expect("a valid time"),
            body,
        });
    }
    cases
        .into_iter()
        .map(|events| {
            let summary = CaseState::fold(&events).expect("folds").summary();
            (events, summary)
        })
        .collect()
}

fn interleaved() -> bool {
    option_env!("CARE_BENCH_SYNC_ORDER") == Some("interleaved")
}

fn event_ids(cases: &[(Vec<Event>, CaseSummary)]) -> Vec<String> {
    cases
        .iter()
        .flat_map(|(events, _)| events)
        .map(|e| e.id.to_string())
        .collect()
}

/// A store with every event of `cases` in its outbox; the ms it took.
async fn outbox_of(store: &IdbStore, cases: &[(Vec<Event>, CaseSummary)]) -> f64 {
    let start = performance_now();
    for chunk in cases.chunks(IMPORT_CHUNK) {
        store.import_cases(chunk, true).await.expect("imports");
    }
    let took = performance_now() - start;
    assert_eq!(
        store.outbox_count().await.expect("counts"),
        CASES * EVENTS_PER_CASE
    );
    took
}

/// One `replicate::run`, timed: (report, ms to the first `Pushing`, ms to
/// the first `Pulling`, ms to the end).
async fn timed_run(
    store: &IdbStore,
    account: &SyncAccount,
    device: &str,
) -> (replicate::Report, f64, f64, f64) {
    let pushing = Cell::new(None::<f64>);
    let pulling = Cell::new(None::<f64>);
    let progress = |p: Progress| match p {
        Progress::Pushing { .. } if pushing.get().is_none() => pushing.set(Some(performance_now())),
        Progress::Pulling { .. } if pulling.get().is_none() => pulling.set(Some(performance_now())),
        _ => {}
    };
    let start = performance_now();
    let report = replicate::run(store, account, device, SESSION, &progress)
        .await
        .expect("the sync run succeeds");
    let end = performance_now();
    let at = |c: &Cell<Option<f64>>| c.get().expect("the run reported its progress") - start;
    (report, at(&pushing), at(&pulling), end - start)
}

#[wasm_bindgen_test]
async fn push_and_pull_ten_thousand_events() {
    let Some(account) = account(TEAM, "push_and_pull_ten_thousand_events") else {
        return;
    };
    let n = CASES * EVENTS_PER_CASE;
    let cases = workload();
    let ids = event_ids(&cases);
    assert_eq!(ids.len(), n);

    bench("sync_events", n);
    bench("sync_cases", CASES);
    bench("push_batch", PUSH_BATCH);
    bench("pull_batch", PULL_BATCH);
    let docs: Vec<String> = cases
        .iter()
        .flat_map(|(events, _)| events)
        .map(|e| serde_json::to_string(&event_doc(e).expect("a document")).expect("serialises"))
        .collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    bench("doc_bytes_avg", bytes / n);
    bench("doc_bytes_total", bytes);
    bench("note_chars", NOTE.chars().count());
    bench(
        "sync_order",
        if interleaved() {
            "interleaved"
        } else {
            "one_after_the_other"
        },
    );

    // Device A: 10 000 events waiting to be sent.
    let a = fresh_store("a").await;
    bench("import_ms", ms(outbox_of(&a, &cases).await));

    let (report, connected, pushed, end) = timed_run(&a, &account, "bench-device-a").await;
    assert_eq!(report.pushed, n, "every event was pushed");
    assert!(
        report.push_failures.is_empty(),
        "{:?}",
        report.push_failures
    );
    assert!(
        report.pulled.is_empty(),
        "its own events come back as known"
    );
    assert_eq!(a.outbox_count().await.expect("counts"), 0);
    bench("connect_ms", ms(connected));
    bench("push_ms", ms(pushed));
    bench("push_per_s", per_s(n, pushed));
    bench("pullback_ms", ms(end - pushed));
    bench("pullback_per_s", per_s(n, end - pushed));
    bench("run_a_ms", ms(end));
    bench("pushed", report.pushed);
    bench("pullback_new", report.pulled.len());
    bench("pullback_skipped", report.skipped.len());

    // Device B: a fresh database pulls them all.
    let b = fresh_store("b").await;
    let (report, _, pulling, end) = timed_run(&b, &account, "bench-device-b").await;
    let pull = end - pulling;
    bench("pull_connect_ms", ms(pulling));
    bench("pull_ms", ms(pull));
    bench("pull_per_s", per_s(n, pull));
    bench("run_b_ms", ms(end));
    bench("pulled", report.pulled.len());
    bench("pull_skipped", report.skipped.len());
    // The number is only worth something if B has every event.
    let stored = b.stored_event_ids(&ids).await.expect("reads");
    let cases_b = b.case_count().await.expect("counts");
    bench("pull_events_stored", stored.len());
    bench("pull_cases_stored", cases_b);
    assert_eq!(stored.len(), n, "device B has every event");
    assert_eq!(cases_b, CASES, "and every case");
    let (events, summary) = &cases[CASES / 2];
    assert_eq!(&b.load_case(summary.id).await.expect("loads"), events);
}
