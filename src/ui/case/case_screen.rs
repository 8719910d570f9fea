use crate::contexts::case_session::{provide_case_session, CaseSession};
use crate::contexts::demo::{provide_demo, use_demo};
use crate::contexts::i18n::use_i18n;
use crate::contexts::knowledge::use_knowledge;
use crate::contexts::store::{use_db, use_route_case};
use crate::contexts::sync::use_sync;
use crate::contexts::training::{library, provide_sim_customer, SimCustomer};
use crate::format::case_ref;
use crate::i18n::Msg;
use crate::ui::case::customer_panel::CustomerPanel;
use crate::ui::case::notes::Notes;
use crate::ui::case::save_status::SaveStatusLine;
use crate::ui::case::shortcut_help::ShortcutHelp;
use crate::ui::case::stage_panel::StagePanel;
use crate::ui::case::stage_rail::StageRail;
use crate::ui::case::use_stage_shortcuts::use_stage_shortcuts;
use crate::ui::training::sim_chat::SimChat;
use crate::ui::training::training_band::TrainingBand;
use care_core::CaseLog;
use leptos::prelude::*;
use std::sync::Arc;

/// Loads a case from the local store and shows it.
#[component]
pub fn CaseScreen() -> impl IntoView {
    let i18n = use_i18n();
    let db = use_db();
    let knowledge = use_knowledge();
    let loaded = use_route_case();

    move || {
        match loaded.get() {
        None => view! {
            <main id="main" class="page-message" tabindex="-1"><p role="status">{move || i18n.t(Msg::Loading)}</p></main>
        }
        .into_any(),
        Some(Ok(Some((id, events, imported)))) if !events.is_empty() => {
            let mut log = CaseLog::new();
            log.merge(events);
            let Ok(state) = log.state() else {
                return view! { <CaseProblem msg=Msg::CaseDamaged/> }.into_any();
            };
            let sim = state.training.as_ref().and_then(|t| {
                let k = knowledge.get()?;
                let scenario = library(&k.pack, &imported)
                    .into_iter()
                    .find(|e| e.scenario.id == t.scenario)?
                    .scenario;
                Some(SimCustomer {
                    scenario: Arc::new(scenario),
                    knowledge: k,
                    lang: t.lang,
                    speak: RwSignal::new(false),
                    asking: RwSignal::new(false),
                })
            });
            let training = state.training.is_some();
            view! { <CaseWorkspace session=CaseSession::new(db, id, log) sim=sim training=training/> }.into_any()
        }
        Some(Ok(_)) => view! { <CaseProblem msg=Msg::CaseNotFound/> }.into_any(),
        Some(Err(_)) => view! { <CaseProblem msg=Msg::StoreUnavailable/> }.into_any(),
    }
    }
}

/// A case that cannot be shown, and the way back.
#[component]
fn CaseProblem(msg: Msg) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <main id="main" class="page-message" tabindex="-1">
            <p role="alert">{move || i18n.t(msg)}</p>
            <a href="/">{move || i18n.t(Msg::BackToCases)}</a>
        </main>
    }
}

/// The three columns of a case: stages, the current stage, the customer.
#[component]
fn CaseWorkspace(
    session: CaseSession,
    /// The simulated customer of a training case whose scenario is here.
    sim: Option<SimCustomer>,
    training: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    provide_case_session(session);
    if let Some(sim) = &sim {
        // A scenario's own customer joins the reference data for this
        // screen only, so intake finds them like anyone else.
        if let Some(c) = sim.scenario.inline_customer() {
            let demo = use_demo();
            provide_demo(Arc::new(demo.data.with_customer(c)));
        }
        provide_sim_customer(sim.clone());
    }
    let has_sim = sim.is_some();
    // Another device's events for this case, pulled while it is open,
    // join the log on screen (the log is merged by event id, so events
    // already there change nothing).
    let sync = use_sync();
    Effect::new(move |_| {
        let mine: Vec<_> = sync.arrived.with(|events| {
            events
                .iter()
                .filter(|e| e.case == session.id)
                .cloned()
                .collect()
        });
        if !mine.is_empty() {
            session.log.update(|log| log.merge(mine));
        }
    });
    crate::contexts::verification::provide_verification();
    let help = RwSignal::new(false);
    use_stage_shortcuts(session, help);
    let reference = case_ref(session.id);
    view! {
        <div class="case-layout" class:training=training>
            <section class="case-heading" aria-labelledby="case-title">
                {training.then(|| view! { <TrainingBand/> })}
                <a href="/" class="back-link">{move || i18n.t(Msg::BackToCases)}</a>
                <h1 id="case-title">{move || i18n.t(Msg::CaseTitle)}" "<span translate="no" class="mono">{reference}</span></h1>
                <SaveStatusLine/>
                <a class="button-link small" href=format!("/cases/{}/report", session.id) data-testid="case-report-link">{move || i18n.t(Msg::CaseReportLink)}</a>
                <button type="button" class="small" on:click=move |_| help.set(true)>{move || i18n.t(Msg::ShortcutsButton)}</button>
                <ShortcutHelp open=help/>
            </section>
            <StageRail/>
            <main id="main" class="case-main" tabindex="-1">
                <StagePanel/>
                <Notes/>
            </main>
            <div class="case-side">
                {has_sim.then(|| view! { <SimChat/> })}
                <CustomerPanel/>
            </div>
        </div>
    }
}
