use crate::contexts::demo::use_demo;
use crate::contexts::i18n::use_i18n;
use crate::contexts::knowledge::use_knowledge;
use crate::contexts::search::use_search;
use crate::contexts::store::use_db;
use crate::i18n::Msg;
use crate::platform::idb::StoreError;
use crate::platform::{clock, settings};
use care_core::demo_data::archive::{generate_archive, ArchiveSpec};
use care_core::CaseLog;
use leptos::prelude::*;

/// The archive sizes offered.
const SIZES: [usize; 3] = [100, 1_000, 10_000];
/// Cases written per transaction: small enough to show progress and keep
/// the page responsive, large enough that transactions do not dominate.
const CHUNK: usize = 250;
/// Cases are spread over the past year.
const DAYS: u32 = 365;
/// The demo archive's seed; each chunk adds its index.
const SEED: u64 = 20_261_130;

/// Where writing the archive stands.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Progress {
    Idle,
    Writing { done: usize, total: usize },
    Done(usize),
    Failed(StoreError),
}

/// Fills this device with fictional past cases of the demo customers, so
/// that search (and later the metrics) can be tried at the scale of a busy
/// team. The cases stay on this device: they are not put in the outbox.
#[component]
pub fn DemoArchive() -> impl IntoView {
    let i18n = use_i18n();
    let db = use_db();
    let demo = use_demo();
    let knowledge = use_knowledge();
    let search = use_search();
    let size = RwSignal::new(SIZES[1]);
    let progress = RwSignal::new(Progress::Idle);

    let write = move |_| {
        if matches!(progress.get_untracked(), Progress::Writing { .. }) {
            return;
        }
        let Some(k) = knowledge.get() else {
            return;
        };
        let total = size.get_untracked();
        let data = demo.data.clone();
        let store = db.get();
        let now = clock::now();
        let device = settings::device_id();
        progress.set(Progress::Writing { done: 0, total });
        leptos::task::spawn_local(async move {
            let mut done = 0;
            let mut chunk = 0u64;
            while done < total {
                let n = CHUNK.min(total - done);
                let spec = ArchiveSpec {
                    seed: SEED + chunk,
                    cases: n,
                    now,
                    days: DAYS,
                    device,
                };
                let cases: Vec<_> = generate_archive(&spec, &k.pack, &data)
                    .into_iter()
                    .filter_map(|events| {
                        let mut log = CaseLog::new();
                        log.merge(events.iter().cloned());
                        let summary = care_core::insight::summary(&log, &log.state().ok()?);
                        Some((events, summary))
                    })
                    .collect();
                if let Err(e) = store.import_cases(&cases, false).await {
                    progress.set(Progress::Failed(e));
                    return;
                }
                search.upsert_all(cases.into_iter().map(|(_, s)| s));
                done += n;
                chunk += 1;
                progress.set(Progress::Writing { done, total });
            }
            search.keep().await;
            progress.set(Progress::Done(total));
        });
    };

    view! {
        <section class="card demo-archive" aria-labelledby="demo-archive-heading">
            <h2 id="demo-archive-heading">{move || i18n.t(Msg::DemoArchiveHeading)}</h2>
            <p class="small">{move || i18n.t(Msg::DemoArchiveExplain)}</p>
            <div class="inline-form">
                <label>
                    <span>{move || i18n.t(Msg::DemoArchiveSize)}</span>
                    <select on:change=move |ev| {
                        if let Ok(n) = event_target_value(&ev).parse() {
                            size.set(n);
                        }
                    }>
                        {SIZES.into_iter().map(|n| view! {
                            <option value=n.to_string() selected=move || size.get() == n>{n.to_string()}</option>
                        }).collect_view()}
                    </select>
                </label>
                <button type="button" on:click=write
                    disabled=move || matches!(progress.get(), Progress::Writing { .. })>
                    {move || i18n.t(Msg::DemoArchiveWrite)}
                </button>
            </div>
            <p role="status" class="small">
                {move || match progress.get() {
                    Progress::Idle => String::new(),
                    Progress::Writing { done, total } => i18n.fill(
                        Msg::DemoArchiveWriting,
                        &[("done", &done.to_string()), ("total", &total.to_string())],
                    ),
                    Progress::Done(n) => i18n.fill(Msg::DemoArchiveDone, &[("n", &n.to_string())]),
                    Progress::Failed(_) => String::new(),
                }}
            </p>
            {move || match progress.get() {
                Progress::Failed(e) => Some(view! {
                    <p role="alert" class="error">{move || i18n.t(crate::ui::case::save_message(&e))}</p>
                }),
                _ => None,
            }}
        </section>
    }
}
