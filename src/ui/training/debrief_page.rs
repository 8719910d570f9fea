use crate::contexts::i18n::use_i18n;
use crate::contexts::knowledge::use_knowledge;
use crate::contexts::lock::use_lock;
use crate::contexts::store::use_route_case;
use crate::contexts::training::library;
use crate::format::case_ref;
use crate::i18n::Msg;
use crate::ui::training::replay::Replay;
use crate::ui::training::words::{finding_text, rule_name};
use care_core::sim::{expected_path, score_case, Moment};
use care_core::{CaseLog, Event};
use leptos::prelude::*;

/// The debrief of a training session: the score with each point linked to
/// its moment, what to practise next, and the replay beside the path the
/// scenario expected.
#[component]
pub fn DebriefPage() -> impl IntoView {
    let i18n = use_i18n();
    let knowledge = use_knowledge();
    let lock = use_lock();
    let loaded = use_route_case();
    move || {
        let problem = |msg: Msg| {
            view! {
                <main id="main" class="page-message" tabindex="-1">
                    <p role="alert">{move || i18n.t(msg)}</p>
                    <a href="/training">{move || i18n.t(Msg::BackToTraining)}</a>
                </main>
            }
            .into_any()
        };
        let Some(result) = loaded.get() else {
            return view! { <main id="main" class="page-message" tabindex="-1"><p role="status">{move || i18n.t(Msg::Loading)}</p></main> }.into_any();
        };
        let (id, events, imported) = match result {
            Ok(Some(found)) if !found.1.is_empty() => found,
            Ok(_) => return problem(Msg::CaseNotFound),
            Err(_) => return problem(Msg::StoreUnavailable),
        };
        let mut log = CaseLog::new();
        log.merge(events);
        let Ok(state) = log.state() else {
            return problem(Msg::CaseDamaged);
        };
        let Some(training) = state.training.clone() else {
            return problem(Msg::NotATrainingCase);
        };
        let Some(k) = knowledge.get() else {
            return problem(Msg::NoPack);
        };
        let Some(scenario) = library(&k.pack, &imported)
            .into_iter()
            .find(|e| e.scenario.id == training.scenario)
            .map(|e| e.scenario)
        else {
            return problem(Msg::ScenarioMissing);
        };
        let events: Vec<Event> = log.events().cloned().collect();
        let score = score_case(&scenario, &k.pack, &events);
        let path = expected_path(&scenario, &k.pack, &events);
        let trainee = lock
            .users
            .with_untracked(|u| {
                u.iter()
                    .find(|x| x.id == training.trainee)
                    .map(|x| x.name.clone())
            })
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| training.trainee.clone());
        // The event the replay stands on; a moment's link moves it.
        let at = RwSignal::new(events.len().saturating_sub(1));
        let ids: Vec<_> = events.iter().map(|e| e.id).collect();
        let index_of = |m: Moment| match m {
            Moment::Event(id) => ids.iter().position(|x| *x == id),
            Moment::Turn(_) => None,
        };
        let show = move |n: usize| {
            at.set(n);
            crate::ui::training::replay::focus_event(n);
        };
        let title = scenario.title.clone();
        let minutes = events
            .first()
            .zip(events.last())
            .map(|(a, b)| ((b.at - a.at).whole_seconds().max(0) as u64).div_ceil(60))
            .unwrap_or(0);
        let fatal_at = score.fatal.and_then(index_of);
        let pack = k.pack.clone();
        let pack_items = pack.clone();
        let practise = score.practise.clone();
        view! {
            <main id="main" class="pack-page debrief-page" tabindex="-1">
                <a href="/training" class="back-link">{move || i18n.t(Msg::BackToTraining)}</a>
                <h1>{move || i18n.fill(Msg::DebriefHeading, &[("title", title.get(i18n.lang()))])}</h1>
                <p class="muted">
                    {move || i18n.fill(Msg::DebriefMeta, &[("trainee", &trainee), ("minutes", &minutes.to_string())])}
                    " · "<span class="mono" translate="no">{case_ref(id)}</span>
                </p>
                <section class="card debrief-score" aria-labelledby="score-heading">
                    <h2 id="score-heading">{move || i18n.t(Msg::ScoreHeading)}</h2>
                    <p class="score-total" data-testid="score-total">{format!("{} / {}", score.earned, score.max)}</p>
                    {score.fatal.map(|_| view! {
                        <div role="alert" class="fatal" data-testid="fatal">
                            <strong>{move || i18n.t(Msg::FatalError)}</strong>
                            " "{move || i18n.t(Msg::FatalExplain)}" "
                            {fatal_at.map(|n| view! {
                                <button type="button" class="link-button" data-testid="fatal-moment" on:click=move |_| show(n)>
                                    {move || i18n.t(Msg::ShowMoment)}
                                </button>
                            })}
                        </div>
                    })}
                    <table class="score-table">
                        <thead><tr>
                            <th scope="col">{move || i18n.t(Msg::RubricRule)}</th>
                            <th scope="col">{move || i18n.t(Msg::RubricPoints)}</th>
                            <th scope="col">{move || i18n.t(Msg::RubricFinding)}</th>
                            <th scope="col">{move || i18n.t(Msg::RubricMoment)}</th>
                        </tr></thead>
                        <tbody>
                            {score.items.iter().map(|item| {
                                let rule = rule_name(item.rule);
                                let finding = item.finding.clone();
                                let pack = pack_items.clone();
                                let moment = item.moment.and_then(index_of);
                                let full = item.earned == item.max;
                                view! {
                                    <tr data-rule=format!("{:?}", item.rule).to_lowercase() class:lost=!full>
                                        <th scope="row">{move || i18n.t(rule)}</th>
                                        <td class="mono">{format!("{} / {}", item.earned, item.max)}</td>
                                        <td>{move || finding_text(&finding, &pack, i18n)}</td>
                                        <td>{moment.map(|n| view! {
                                            <button type="button" class="link-button" on:click=move |_| show(n)>
                                                {move || i18n.t(Msg::ShowMoment)}
                                            </button>
                                        })}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </section>
                <section class="card" aria-labelledby="practise-heading">
                    <h2 id="practise-heading">{move || i18n.t(Msg::PractiseHeading)}</h2>
                    {if practise.is_empty() {
                        view! { <p data-testid="practise-none">{move || i18n.t(Msg::PractiseNothing)}</p> }.into_any()
                    } else {
                        view! {
                            <ol data-testid="practise">
                                {practise.iter().map(|r| { let r = rule_name(*r); view! { <li>{move || i18n.t(r)}</li> } }).collect_view()}
                            </ol>
                        }.into_any()
                    }}
                </section>
                <Replay events=events path=path pack=pack at=at/>
            </main>
        }
        .into_any()
    }
}
