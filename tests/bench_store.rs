//! Benchmarks, not tests: run by `scripts/bench` only (never by
//! `scripts/test`), in headless Chromium through wasm-bindgen-test, in
//! release. Nothing here asserts a timing; each measurement prints
//! `BENCH\t<key>\t<value>` lines for `scripts/bench` to put in
//! `bench/RESULTS.md`.
//!
//! - Recording an event through `care_core::store::record` into
//!   `IdbStore` (fold, seal with AES-GCM, one readwrite transaction), against
//!   plain JavaScript IndexedDB puts of the same records in the same page,
//!   with and without a WebCrypto encryption before the transaction.
//! - Searching an archive of 10 000 cases; building the index, keeping it
//!   in IndexedDB and loading it back as the app does at unlock.
//! - Over the same archive kept in IndexedDB: the one-time refold of every
//!   summary, the insights screen's figures, the bulk TMF683/TMF621 exports.
#![cfg(target_arch = "wasm32")]

use care_assist::platform::crypto::Cipher;
use care_assist::platform::idb::IdbStore;
use care_core::demo_data::archive::{generate_archive, ArchiveSpec};
use care_core::search::{CaseStatus, Query, SearchIndex};
use care_core::store::EventStore;
use care_core::{
    CaseId, CaseLog, CaseState, CaseSummary, Channel, CustomerId, DeviceId, Event, EventBody,
    EventId, IdSource,
};
use js_sys::{Array, Object, Reflect};
use std::fmt::Display;
use time::{Duration, OffsetDateTime};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Events recorded per append measurement.
const N: usize = 1_000;
/// Repeats of each search query.
const QUERY_REPEATS: usize = 20;
/// Repeats of building, keeping and loading the index.
const INDEX_REPEATS: usize = 5;
/// Cases in the searched archive.
const ARCHIVE_CASES: usize = 10_000;
/// As many results as the case search shows (`ui/cases/case_search.rs`).
const SHOWN: usize = 50;
/// A word from the archive's notes ("通话中断一次，已回拨").
const NOTE_WORD: &str = "回拨";
/// The test key's PIN, salt and PBKDF2 rounds (as `tests/store.rs`: the
/// rounds only change how long the derivation takes, not the key's use).
const PIN: &str = "246810";
const SALT: &[u8] = b"care-assist-salt";
const ROUNDS: u32 = 1_000;

/// A note as an agent would type it: 120 characters of Chinese text
/// (punctuation included).
const NOTE: &str = "客户来电反映本月账单比上月多出六十多元，称未办理任何新业务。经查询，客户上月二十号在外省使用了数据漫游，\
产生流量费用约五十八元。已向客户解释漫游计费规则，客户表示事先不知道需单独收费，要求减免。\
已记录诉求，承诺两个工作日内由账务组回电答复。";

#[wasm_bindgen]
extern "C" {
    /// The page's monotonic clock, in ms (Chromium coarsens it to 0.1 ms
    /// in a page that is not cross-origin isolated).
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;
}

// The baseline: what a page would do with IndexedDB and WebCrypto in plain
// JavaScript, timed in JavaScript. Each record is
// `{ event, summary, reindex, outbox, eventJson, summaryJson }`: the four
// objects `IdbStore::append` puts, and the plaintexts it seals.
#[wasm_bindgen(inline_js = r#"
const STORES = ["events", "cases", "reindex", "outbox"];

export async function aesKey(pin, salt, iterations) {
  const base = await crypto.subtle.importKey("raw", new TextEncoder().encode(pin), "PBKDF2", false, ["deriveKey"]);
  return crypto.subtle.deriveKey({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, base,
    { name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
}

// As Cipher::seal: base64 of a fresh 96-bit nonce and the ciphertext.
async function seal(key, value) {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = new TextEncoder().encode(JSON.stringify(value));
  const ct = new Uint8Array(await crypto.subtle.encrypt({ name: "AES-GCM", iv }, key, plain));
  let bin = "";
  for (const b of iv) bin += String.fromCharCode(b);
  for (const b of ct) bin += String.fromCharCode(b);
  return btoa(bin);
}

// Writes each record in one readwrite transaction (four puts), one after
// the other; returns the ms from the start of each record (its sealing,
// when `key` is given) to its transaction's `complete` event.
export async function rawPuts(name, records, key) {
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => {
      open.result.createObjectStore("events", { keyPath: "id" }).createIndex("by_case", "case");
      for (const s of STORES.slice(1)) open.result.createObjectStore(s, { keyPath: "id" });
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const plain = records.map((r) => [JSON.parse(r.eventJson), JSON.parse(r.summaryJson)]);
  const times = new Float64Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    const start = performance.now();
    let { event, summary } = r;
    if (key) {
      event = { id: event.id, case: event.case, sealed: await seal(key, plain[i][0]) };
      summary = { id: summary.id, sealed: await seal(key, plain[i][1]) };
    }
    await new Promise((resolve, reject) => {
      const tx = db.transaction(STORES, "readwrite");
      tx.oncomplete = resolve;
      tx.onabort = () => reject(tx.error);
      tx.objectStore("events").put(event);
      tx.objectStore("cases").put(summary);
      tx.objectStore("reindex").put(r.reindex);
      tx.objectStore("outbox").put(r.outbox);
      tx.commit();
    });
    times[i] = performance.now() - start;
  }
  db.close();
  return times;
}
"#)]
extern "C" {
    #[wasm_bindgen(catch, js_name = aesKey)]
    async fn aes_key(pin: &str, salt: &[u8], iterations: u32) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = rawPuts)]
    async fn raw_puts(name: &str, records: &Array, key: &JsValue) -> Result<JsValue, JsValue>;
}

fn bench(key: &str, value: impl Display) {
    console_log!("BENCH\t{key}\t{value}");
}

fn ms(x: f64) -> String {
    format!("{x:.2}")
}

fn sorted(xs: &[f64]) -> Vec<f64> {
    let mut s = xs.to_vec();
    s.sort_by(f64::total_cmp);
    s
}

fn median(xs: &[f64]) -> f64 {
    let s = sorted(xs);
    let n = s.len();
    if n % 2 == 1 {
        s[n / 2]
    } else {
        (s[n / 2 - 1] + s[n / 2]) / 2.0
    }
}

/// The nearest-rank percentile.
fn percentile(xs: &[f64], p: f64) -> f64 {
    let s = sorted(xs);
    let rank = (p / 100.0 * s.len() as f64).ceil() as usize;
    s[rank.clamp(1, s.len()) - 1]
}

fn list(xs: &[f64]) -> String {
    xs.iter()
        .map(|x| format!("{x:.0}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Reports a series of per-event times under `prefix`.
fn report_latencies(prefix: &str, times: &[f64], wall_ms: f64) {
    bench(&format!("{prefix}_n"), times.len());
    bench(&format!("{prefix}_median_ms"), ms(median(times)));
    bench(&format!("{prefix}_p95_ms"), ms(percentile(times, 95.0)));
    bench(&format!("{prefix}_first_ms"), ms(times[0]));
    bench(
        &format!("{prefix}_max_ms"),
        ms(sorted(times)[times.len() - 1]),
    );
    bench(
        &format!("{prefix}_per_s"),
        format!("{:.0}", times.len() as f64 / (wall_ms / 1000.0)),
    );
}

async fn cipher() -> Cipher {
    Cipher::derive(PIN, SALT, ROUNDS)
        .await
        .expect("WebCrypto derives a key")
}

fn fresh_name(what: &str) -> String {
    format!("care-assist-bench-{what}-{}", js_sys::Date::now())
}

/// `N` events: cases of two, each opened on the hotline for a known
/// customer and given one note of 120 characters of Chinese text.
fn workload() -> Vec<Event> {
    let mut ids = IdSource::new();
    let start = js_sys::Date::now() as u64;
    let device = DeviceId::from_uuid(ids.next(start, 1));
    let mut events = Vec::with_capacity(N);
    for k in 0..N / 2 {
        let ms = start + k as u64;
        let case = CaseId::from_uuid(ids.next(ms, 0));
        let bodies = [
            EventBody::CaseOpened {
                agent: None,
                channel: Channel::Hotline,
                customer: Some(CustomerId::new("C-1004")),
                training: None,
            },
            EventBody::NoteAdded { text: NOTE.into() },
        ];
        for body in bodies {
            events.push(Event {
                id: EventId::from_uuid(ids.next(ms, k as u128)),
                case,
                device,
                at: OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
                    .expect("a valid time"),
                body,
            });
        }
    }
    events
}

/// Each event with the case summary after it, as `record` computes them.
fn with_summaries(events: &[Event]) -> Vec<(Event, CaseSummary)> {
    let mut logs: std::collections::BTreeMap<CaseId, CaseLog> = Default::default();
    events
        .iter()
        .map(|e| {
            let log = logs.entry(e.case).or_default();
            log.merge([e.clone()]);
            (e.clone(), log.state().expect("folds").summary())
        })
        .collect()
}

fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &JsValue::from_str(k), v).expect("sets a property");
    }
    o.into()
}

/// The records `IdbStore::append` writes for each event, sealed here with
/// the app's `Cipher` (so the same sizes), with the plaintexts.
async fn raw_records(events: &[Event]) -> Array {
    let cipher = cipher().await;
    let records = Array::new();
    for (e, s) in with_summaries(events) {
        let (id, case) = (e.id.to_string(), e.case.to_string());
        let event = object(&[
            ("id", id.as_str().into()),
            ("case", case.as_str().into()),
            ("sealed", cipher.seal_json(&e).await.expect("seals").into()),
        ]);
        let summary = object(&[
            ("id", case.as_str().into()),
            ("sealed", cipher.seal_json(&s).await.expect("seals").into()),
        ]);
        records.push(&object(&[
            ("event", event),
            ("summary", summary),
            (
                "reindex",
                object(&[
                    ("id", case.as_str().into()),
                    ("last", s.last_event.to_string().into()),
                ]),
            ),
            ("outbox", object(&[("id", id.as_str().into())])),
            (
                "eventJson",
                serde_json::to_string(&e).expect("serialises").into(),
            ),
            (
                "summaryJson",
                serde_json::to_string(&s).expect("serialises").into(),
            ),
        ]));
    }
    records
}

#[wasm_bindgen_test]
async fn append_through_the_store() {
    let store = IdbStore::open(&fresh_name("append")).await.expect("opens");
    store.unlock(cipher().await);
    let events = workload();
    bench("note_chars", NOTE.chars().count());
    let mut logs: std::collections::BTreeMap<CaseId, CaseLog> = Default::default();
    let mut times = Vec::with_capacity(N);
    let wall = performance_now();
    for e in events {
        let log = logs.entry(e.case).or_default();
        let start = performance_now();
        care_core::store::record(&store, log, e)
            .await
            .expect("records");
        times.push(performance_now() - start);
    }
    report_latencies("append", &times, performance_now() - wall);
    // The two kinds apart: an opening writes a small summary, a note a
    // summary with the note's text in it.
    let opened: Vec<f64> = times.iter().step_by(2).copied().collect();
    let noted: Vec<f64> = times.iter().skip(1).step_by(2).copied().collect();
    bench("append_opened_median_ms", ms(median(&opened)));
    bench("append_note_median_ms", ms(median(&noted)));
}

async fn raw_baseline(prefix: &str, encrypt: bool) {
    let records = raw_records(&workload()).await;
    let key = if encrypt {
        aes_key(PIN, SALT, ROUNDS).await.expect("derives a key")
    } else {
        JsValue::NULL
    };
    let wall = performance_now();
    let times = raw_puts(&fresh_name(prefix), &records, &key)
        .await
        .expect("writes");
    let wall = performance_now() - wall;
    let times = js_sys::Float64Array::new(&times).to_vec();
    report_latencies(prefix, &times, wall);
}

#[wasm_bindgen_test]
async fn append_as_plain_javascript() {
    raw_baseline("raw", false).await;
}

#[wasm_bindgen_test]
async fn append_as_plain_javascript_with_webcrypto() {
    raw_baseline("raw_sealed", true).await;
}

/// Runs `f` `times` times; the ms of each run.
fn time_each(times: usize, mut f: impl FnMut()) -> Vec<f64> {
    (0..times)
        .map(|_| {
            let start = performance_now();
            f();
            performance_now() - start
        })
        .collect()
}

#[wasm_bindgen_test]
async fn search_ten_thousand_cases() {
    let (now, pack, demo, spec) = ten_thousand();
    bench("archive_until", now.date());
    bench("archive_days", spec.days);
    let start = performance_now();
    let archive = generate_archive(&spec, &pack, &demo);
    bench(
        "archive_generate_ms",
        format!("{:.0}", performance_now() - start),
    );
    bench("archive_cases", archive.len());
    bench(
        "archive_events",
        archive.iter().map(Vec::len).sum::<usize>(),
    );
    let start = performance_now();
    let summaries: Vec<CaseSummary> = archive
        .iter()
        .map(|events| CaseState::fold(events).expect("folds").summary())
        .collect();
    bench(
        "archive_fold_ms",
        format!("{:.0}", performance_now() - start),
    );
    drop(archive);

    let build = |summaries: Vec<CaseSummary>| {
        let mut index = SearchIndex::new();
        for s in summaries {
            let customer = s.customer.as_ref().and_then(|id| demo.customer(id));
            index.upsert(s, customer);
        }
        index
    };
    let mut builds = Vec::new();
    for _ in 0..INDEX_REPEATS {
        let copy = summaries.clone();
        let start = performance_now();
        let index = build(copy);
        builds.push(performance_now() - start);
        assert_eq!(index.len(), ARCHIVE_CASES, "every case is indexed");
    }
    bench("index_build_ms", ms(median(&builds)));
    bench("index_build_all", list(&builds));
    let index = build(summaries.clone());

    // What an agent types, taken from one case of the archive.
    let sample = summaries
        .iter()
        .filter(|s| s.intent.is_some())
        .find_map(|s| Some((s, demo.customer(s.customer.as_ref()?)?)))
        .expect("a case with a known customer");
    let (case, customer) = sample;
    let offset = care_core::demo_data::CHINA;
    let today = now.to_offset(offset).date();
    let text = |t: &str| Query {
        text: t.to_owned(),
        ..Query::default()
    };
    let queries: Vec<(&str, Query)> = vec![
        (
            "phone_4",
            text(&customer.msisdn[customer.msisdn.len() - 4..]),
        ),
        ("phone_full", text(&customer.msisdn)),
        (
            "name_part",
            text(&customer.name.chars().take(2).collect::<String>()),
        ),
        ("note_word", text(NOTE_WORD)),
        (
            "intent_status",
            Query {
                intent: case.intent.clone(),
                status: Some(CaseStatus::Closed),
                ..Query::default()
            },
        ),
        (
            "date_range",
            Query {
                from: Some(today - Duration::days(6)),
                to: Some(today),
                offset: Some(offset),
                ..Query::default()
            },
        ),
        ("empty", Query::default()),
    ];
    bench("search_limit", SHOWN);
    bench("search_repeats", QUERY_REPEATS);
    bench("index_repeats", INDEX_REPEATS);
    bench("search_note_word", NOTE_WORD);
    let mut all = Vec::new();
    for (name, query) in &queries {
        let mut total = 0;
        let times = time_each(QUERY_REPEATS, || {
            total = std::hint::black_box(index.search(query, SHOWN)).total;
        });
        bench(&format!("search_{name}_median_ms"), ms(median(&times)));
        bench(&format!("search_{name}_found"), total);
        all.extend(times);
    }
    bench("search_median_ms", ms(median(&all)));
    bench("search_p95_ms", ms(percentile(&all, 95.0)));

    // Keeping the index and loading it at unlock, as contexts/search.rs does.
    let store = IdbStore::open(&fresh_name("search")).await.expect("opens");
    store.unlock(cipher().await);
    let kept: Vec<CaseSummary> = index.summaries().cloned().collect();
    let c = cipher().await;
    let (mut seals, mut stores, mut loads) = (Vec::new(), Vec::new(), Vec::new());
    let mut sealed_len = 0;
    for _ in 0..INDEX_REPEATS {
        let start = performance_now();
        sealed_len = c.seal_json(&kept).await.expect("seals").len();
        seals.push(performance_now() - start);

        let start = performance_now();
        store.store_search_snapshot(&kept).await.expect("keeps");
        stores.push(performance_now() - start);

        let start = performance_now();
        let mut loaded = store
            .search_snapshot()
            .await
            .expect("reads")
            .expect("a snapshot");
        let marked = store.cases_to_reindex().await.expect("reads marks");
        loaded.extend(store.summaries_of(&marked).await.expect("reads"));
        let index = build(loaded);
        loads.push(performance_now() - start);
        assert_eq!(index.len(), ARCHIVE_CASES, "the whole index comes back");
    }
    bench(
        "snapshot_json_bytes",
        serde_json::to_vec(&kept).expect("serialises").len(),
    );
    bench("snapshot_sealed_bytes", sealed_len);
    bench("snapshot_seal_ms", ms(median(&seals)));
    bench("snapshot_seal_all", list(&seals));
    bench("snapshot_store_ms", ms(median(&stores)));
    bench("snapshot_store_all", list(&stores));
    bench("snapshot_load_ms", ms(median(&loads)));
    bench("snapshot_load_all", list(&loads));
}

/// What the 10 000-case archive is generated from: its clock, the demo
/// pack, the demo data and the spec (seed `DEMO_SEED`, a year of cases).
fn ten_thousand() -> (
    OffsetDateTime,
    care_core::pack::Pack,
    care_core::DemoData,
    ArchiveSpec,
) {
    use care_assist::contexts::demo::DEMO_SEED;
    let now = OffsetDateTime::from_unix_timestamp(1_795_600_800).expect("valid"); // 2026-11-25 10:00 UTC
    let pack = care_core::pack::load(care_core::pack::DEMO_PACK_FILE, care_core::pack::DEMO_PACK)
        .expect("the demo pack loads");
    let demo = care_core::demo_data::generate(DEMO_SEED, now);
    let spec = ArchiveSpec {
        seed: DEMO_SEED,
        cases: ARCHIVE_CASES,
        now,
        days: 365,
        device: DeviceId::from_uuid(uuid::Uuid::from_u128(7)),
    };
    (now, pack, demo, spec)
}

/// The insights screen and the archive's exports over the same 10 000
/// cases, kept in IndexedDB as Settings' demo archive keeps them: the
/// one-time refold of every summary from its log (what an upgrade of the
/// facts does at unlock), what the insights screen computes from the
/// summaries' facts, and the bulk TMF683 and TMF621 exports, each case read
/// back from IndexedDB as the case list's export does.
#[wasm_bindgen_test]
async fn insights_and_exports_over_ten_thousand_cases() {
    use care_core::export::{bulk, Resource};
    use care_core::insight::{Casebook, Filter, GroupBy};
    let (now, pack, demo, spec) = ten_thousand();
    let archive = generate_archive(&spec, &pack, &demo);
    let store = IdbStore::open(&fresh_name("insights"))
        .await
        .expect("opens");
    store.unlock(cipher().await);

    // Written as Settings' demo archive writes it: 250 cases a transaction.
    let ids: Vec<CaseId> = archive.iter().map(|c| c[0].case).collect();
    let start = performance_now();
    for chunk in archive.chunks(250) {
        let cases: Vec<(Vec<Event>, CaseSummary)> = chunk
            .iter()
            .map(|events| {
                let mut log = CaseLog::new();
                log.merge(events.iter().cloned());
                let state = log.state().expect("folds");
                (events.clone(), care_core::insight::summary(&log, &state))
            })
            .collect();
        store.import_cases(&cases, false).await.expect("kept");
    }
    bench(
        "insights_import_ms",
        format!("{:.0}", performance_now() - start),
    );
    drop(archive);

    // The refold: every event read and opened, every case folded with its
    // facts, every summary sealed and written; then the list read back.
    let start = performance_now();
    let rebuilt = store.rebuild_summaries().await.expect("rebuilds");
    bench("refold_ms", format!("{:.0}", performance_now() - start));
    bench("refold_cases", rebuilt);
    let start = performance_now();
    let summaries = store.list_cases().await.expect("lists");
    bench(
        "refold_list_ms",
        format!("{:.0}", performance_now() - start),
    );
    let facts: Vec<_> = summaries.iter().filter_map(|s| s.insight.clone()).collect();
    bench("insights_cases", facts.len());

    // The insights screen, unfiltered, as insights_page.rs computes it.
    let offset = care_core::demo_data::CHINA;
    let filter = Filter::default();
    let book = Casebook::from_facts(facts.clone(), offset, 0);
    let mut trend_rows = 0;
    let parts: [(&str, Vec<f64>); 5] = [
        (
            "casebook",
            time_each(INDEX_REPEATS, || {
                Casebook::from_facts(facts.clone(), offset, 0);
            }),
        ),
        (
            "by_intent",
            time_each(INDEX_REPEATS, || {
                book.metrics(&filter, GroupBy::Intent, now);
            }),
        ),
        (
            "trend",
            time_each(INDEX_REPEATS, || {
                let days = book.metrics(&filter, GroupBy::Day, now);
                trend_rows = if days.rows.len() > 120 {
                    book.metrics(&filter, GroupBy::Week, now).rows.len()
                } else {
                    days.rows.len()
                };
            }),
        ),
        (
            "funnel",
            time_each(INDEX_REPEATS, || {
                book.funnel(&filter);
            }),
        ),
        (
            "gaps",
            time_each(INDEX_REPEATS, || {
                book.gaps(&filter, &pack, now);
            }),
        ),
    ];
    bench("insights_trend_rows", trend_rows);
    let mut whole = vec![0.0; INDEX_REPEATS];
    for (name, times) in &parts {
        bench(&format!("insights_{name}_ms"), ms(median(times)));
        bench(&format!("insights_{name}_all"), list(times));
        for (w, t) in whole.iter_mut().zip(times) {
            *w += t;
        }
    }
    bench("insights_whole_ms", ms(median(&whole)));

    // The bulk exports of the whole archive, read back case by case.
    for (key, resource) in [
        ("tmf683", Resource::Interaction),
        ("tmf621", Resource::Ticket),
    ] {
        let start = performance_now();
        let made = bulk(
            &store,
            &ids,
            &pack,
            |c| demo.customer(c).cloned(),
            care_core::Lang::ZhCn,
            resource,
            |_| {},
        )
        .await;
        bench(
            &format!("bulk_{key}_ms"),
            format!("{:.0}", performance_now() - start),
        );
        bench(&format!("bulk_{key}_made"), made.made);
        bench(&format!("bulk_{key}_bytes"), made.json.len());
    }
}
