use crate::contexts::case_session::use_case_session;
use crate::contexts::demo::use_demo;
use crate::contexts::i18n::use_i18n;
use crate::contexts::knowledge::use_knowledge;
use crate::contexts::verification::use_verification;
use crate::i18n::Msg;
use crate::ui::diagnose::cause_card::CauseCard;
use crate::ui::diagnose::cause_choice::CauseChoice;
use crate::ui::diagnose::evidence::{evidence, EvidenceProblem, RecordsUse};
use crate::ui::diagnose::questions_to_ask::QuestionsToAsk;
use care_core::Stage;
use leptos::prelude::*;

/// The diagnose stage: the likely causes, ranked, with why; what to ask to
/// be sure; and the agent's confirmation of the cause.
#[component]
pub fn DiagnosePanel() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_case_session();
    let knowledge = use_knowledge();
    let demo = use_demo();
    let v = use_verification();

    // Recomputed when the case, the pack or the lock changes; `now` is read
    // untracked so the ranking does not redraw every second.
    let ev = Memo::new(move |_| {
        let k = knowledge.get()?;
        let state = session.state.get()?;
        let unlocked = v.unlocked.get();
        Some(evidence(
            &k.pack,
            &demo.data,
            &state,
            unlocked,
            v.now.get_untracked(),
        ))
    });
    let ok = Signal::derive(move || ev.get().and_then(|r| r.ok()));
    let confirmed = Memo::new(move |_| session.state.get().and_then(|s| s.cause.map(|c| c.cause)));
    let reopened = Memo::new(move |_| {
        session.state.get().and_then(|s| {
            s.reopenings
                .last()
                .map(|r| (s.reopenings.len(), r.reason.clone()))
        })
    });

    view! {
        <div class="flow diagnose">
            {move || reopened.get().map(|(n, reason)| view! {
                <p class="notice">
                    {move || i18n.fill(Msg::ReopenedBefore, &[("n", &n.to_string())])}
                    " "<q translate="no">{reason.clone()}</q>
                </p>
            })}
            {move || match ev.get() {
                None => view! { <p class="notice">{move || i18n.t(Msg::PackUnavailable)}</p> }.into_any(),
                Some(Err(EvidenceProblem::NoIntent)) => view! {
                    <div class="notice">
                        <p>{move || i18n.t(Msg::DiagnoseNeedIntent)}</p>
                        <button type="button" on:click=move |_| session.move_to(Stage::Intake)>{move || i18n.t(Msg::GoToIntake)}</button>
                    </div>
                }.into_any(),
                Some(Err(EvidenceProblem::UnknownIntent(id))) => view! {
                    <p class="notice" role="alert">{move || i18n.fill(Msg::IntentNotInPack, &[("intent", &id)])}</p>
                }.into_any(),
                Some(Err(EvidenceProblem::NoCauses)) => view! {
                    <p class="notice">{move || i18n.t(Msg::NoCausesForIntent)}</p>
                }.into_any(),
                Some(Ok(e)) => {
                    let records = e.records;
                    let diagnoses = e.diagnoses.clone();
                    let none = diagnoses.is_empty();
                    view! {
                        {match records {
                            RecordsUse::Read => None,
                            RecordsUse::Locked => Some(view! {
                                <div class="notice locked">
                                    <p>{move || i18n.t(Msg::RecordsLocked)}" "{move || i18n.t(Msg::DiagnoseFactsOnly)}</p>
                                    <button type="button" on:click=move |_| session.move_to(Stage::Verify)>{move || i18n.t(Msg::GoToVerify)}</button>
                                </div>
                            }.into_any()),
                            RecordsUse::NoCustomer => Some(view! {
                                <p class="notice">{move || i18n.t(Msg::DiagnoseNoCustomer)}</p>
                            }.into_any()),
                        }}
                        <section aria-labelledby="causes-heading">
                            <h3 id="causes-heading">{move || i18n.t(Msg::LikelyCauses)}</h3>
                            {none.then(|| view! { <p class="muted">{move || i18n.t(Msg::NoEvidence)}</p> })}
                            <ol class="card-list">
                                {diagnoses.into_iter().enumerate().map(|(rank, d)| {
                                    let id = d.cause.clone();
                                    let is_confirmed = Signal::derive(move || confirmed.get().as_deref() == Some(id.as_str()));
                                    view! { <CauseCard diagnosis=d rank=rank confirmed=is_confirmed/> }
                                }).collect_view()}
                            </ol>
                        </section>
                        <CauseChoice evidence=ok/>
                        <QuestionsToAsk missing=e.missing.clone() intent=e.intent.clone()/>
                    }.into_any()
                }
            }}
        </div>
    }
}
