use crate::contexts::i18n::use_i18n;
use crate::contexts::knowledge::use_knowledge;
use crate::contexts::lock::use_lock;
use crate::contexts::search::use_search;
use crate::contexts::store::use_db;
use crate::contexts::training::LibraryEntry;
use crate::i18n::Msg;
use crate::platform::download;
use crate::ui::training::trend_chart::TrendChart;
use crate::ui::training::words::{level_name, rule_name};
use care_core::sim::{by_scenario, cohort, result_of, results_csv, results_json, SessionResult};
use care_core::store::EventStore;
use leptos::prelude::*;

/// For trainers: every training session on this device (and those synced
/// from the team), scored again from its log: a row per trainee, their
/// trend, a row per scenario, each session with its debrief, and the
/// results as CSV or JSON.
#[component]
pub fn Cohort(entries: Vec<LibraryEntry>) -> impl IntoView {
    let i18n = use_i18n();
    let db = use_db();
    let search = use_search();
    let knowledge = use_knowledge();
    let lock = use_lock();
    let entries = StoredValue::new(entries);
    let results = LocalResource::new(move || {
        let sessions = search.training_sessions();
        let store = db.get();
        let k = knowledge.get();
        let names = lock.users.get_untracked();
        // Taken now: the page may be left before the loop ends, and the
        // stored value goes with it.
        let scenarios: Vec<_> =
            entries.with_value(|e| e.iter().map(|e| e.scenario.clone()).collect());
        async move {
            let Some(k) = k else { return Vec::new() };
            let mut out = Vec::new();
            for s in sessions {
                let Some(t) = s.training.clone() else {
                    continue;
                };
                let Some(scenario) = scenarios.iter().find(|s| s.id == t.scenario) else {
                    continue;
                };
                // A case that cannot be read is left out, not fatal to the view.
                let Ok(events) = store.load_case(s.id).await else {
                    continue;
                };
                let name = names
                    .iter()
                    .find(|u| u.id == t.trainee)
                    .map(|u| u.name.clone())
                    .filter(|n| !n.is_empty())
                    .unwrap_or_else(|| t.trainee.clone());
                if let Some(r) = result_of(scenario, &k.pack, &name, &events) {
                    out.push(r);
                }
            }
            out
        }
    });
    let failed = RwSignal::new(false);
    let export = move |json: bool| {
        let list = results.get_untracked().unwrap_or_default();
        let day = crate::platform::clock::now().date().to_string();
        let done = if json {
            results_json(&list).ok().map(|text| {
                download::save(
                    &format!("training-results-{day}.json"),
                    "application/json",
                    &text,
                )
            })
        } else {
            Some(download::save(
                &format!("training-results-{day}.csv"),
                "text/csv;charset=utf-8",
                &results_csv(&list, i18n.lang()),
            ))
        };
        failed.set(!matches!(done, Some(Ok(()))));
    };
    let pct = |p: Option<u32>| p.map(|p| format!("{p}%")).unwrap_or_else(|| "—".into());
    view! {
        <section class="card cohort" aria-labelledby="cohort-heading" data-testid="cohort">
            <h2 id="cohort-heading">{move || i18n.t(Msg::CohortHeading)}</h2>
            {move || {
                let Some(list) = results.get() else {
                    return view! { <p role="status">{move || i18n.t(Msg::Loading)}</p> }.into_any();
                };
                if list.is_empty() {
                    return view! { <p class="muted" data-testid="cohort-empty">{move || i18n.t(Msg::CohortEmpty)}</p> }.into_any();
                }
                let rows = cohort(&list);
                let scenarios = by_scenario(&list);
                let mut sessions: Vec<SessionResult> = list.clone();
                sessions.sort_by_key(|r| std::cmp::Reverse(r.started_at));
                view! {
                    <div class="export-buttons">
                        <button type="button" on:click=move |_| export(false) data-testid="export-csv">{move || i18n.t(Msg::ExportCsv)}</button>
                        <button type="button" on:click=move |_| export(true) data-testid="export-json">{move || i18n.t(Msg::ExportJson)}</button>
                        {move || failed.get().then(|| view! { <p role="alert" class="error">{move || i18n.t(Msg::ExportFailed)}</p> })}
                    </div>
                    <h3>{move || i18n.t(Msg::CohortTrainees)}</h3>
                    <div class="table-scroll" tabindex="0">
                    <table class="cohort-table" data-testid="cohort-trainees">
                        <thead><tr>
                            <th scope="col">{move || i18n.t(Msg::AssignTrainee)}</th>
                            <th scope="col">{move || i18n.t(Msg::CohortSessions)}</th>
                            <th scope="col">{move || i18n.t(Msg::CohortFinished)}</th>
                            <th scope="col">{move || i18n.t(Msg::CohortAverage)}</th>
                            <th scope="col">{move || i18n.t(Msg::CohortBest)}</th>
                            <th scope="col">{move || i18n.t(Msg::CohortLatest)}</th>
                            <th scope="col">{move || i18n.t(Msg::CohortFatal)}</th>
                            <th scope="col">{move || i18n.t(Msg::CohortWeakest)}</th>
                        </tr></thead>
                        <tbody>
                            {rows.iter().map(|r| {
                                let weakest = r.weakest.map(rule_name);
                                view! {
                                    <tr data-trainee=r.trainee.clone()>
                                        <th scope="row">{r.name.clone()}</th>
                                        <td>{r.sessions}</td>
                                        <td>{r.finished}</td>
                                        <td data-col="average">{pct(r.average)}</td>
                                        <td>{pct(r.best)}</td>
                                        <td>{pct(r.latest)}</td>
                                        <td data-col="fatal">{r.fatal}</td>
                                        <td>{move || weakest.map(|w| i18n.t(w)).unwrap_or("—")}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                    </div>
                    <TrendChart rows=rows.clone()/>
                    <h3>{move || i18n.t(Msg::CohortScenarios)}</h3>
                    <div class="table-scroll" tabindex="0">
                    <table class="cohort-table">
                        <thead><tr>
                            <th scope="col">{move || i18n.t(Msg::ScenarioTitle)}</th>
                            <th scope="col">{move || i18n.t(Msg::ScenarioLevel)}</th>
                            <th scope="col">{move || i18n.t(Msg::CohortSessions)}</th>
                            <th scope="col">{move || i18n.t(Msg::CohortAverage)}</th>
                            <th scope="col">{move || i18n.t(Msg::CohortFatal)}</th>
                        </tr></thead>
                        <tbody>
                            {scenarios.iter().map(|s| {
                                let title = s.title.clone();
                                let level = level_name(s.level);
                                view! {
                                    <tr>
                                        <th scope="row">{move || title.get(i18n.lang()).to_owned()}</th>
                                        <td>{move || i18n.t(level)}</td>
                                        <td>{s.sessions}</td>
                                        <td>{pct(s.average)}</td>
                                        <td>{s.fatal}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                    </div>
                    <h3>{move || i18n.t(Msg::CohortSessionList)}</h3>
                    <div class="table-scroll" tabindex="0">
                    <table class="cohort-table" data-testid="cohort-sessions">
                        <thead><tr>
                            <th scope="col">{move || i18n.t(Msg::CohortStarted)}</th>
                            <th scope="col">{move || i18n.t(Msg::AssignTrainee)}</th>
                            <th scope="col">{move || i18n.t(Msg::ScenarioTitle)}</th>
                            <th scope="col">{move || i18n.t(Msg::RubricPoints)}</th>
                            <th scope="col"><span class="visually-hidden">{move || i18n.t(Msg::SeeDebrief)}</span></th>
                        </tr></thead>
                        <tbody>
                            {sessions.into_iter().map(|r| {
                                let title = r.scenario_title.clone();
                                let started = crate::format::date_time(r.started_at, crate::platform::clock::local_offset());
                                let score = if r.fatal {
                                    view! { <span class="error">{move || i18n.t(Msg::FatalShort)}</span> }.into_any()
                                } else if r.finished {
                                    view! { <span>{format!("{} / {} ({}%)", r.earned, r.max, r.percent())}</span> }.into_any()
                                } else {
                                    view! { <span class="muted">{move || i18n.t(Msg::Unfinished)}</span> }.into_any()
                                };
                                view! {
                                    <tr data-case=r.case.to_string()>
                                        <td class="mono">{started}</td>
                                        <td>{r.trainee_name.clone()}</td>
                                        <td>{move || title.get(i18n.lang()).to_owned()}</td>
                                        <td>{score}</td>
                                        <td><a href=format!("/training/sessions/{}", r.case)>{move || i18n.t(Msg::SeeDebrief)}</a></td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}
