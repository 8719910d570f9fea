use crate::contexts::case_session::{provide_case_session, CaseSession};
use crate::contexts::i18n::use_i18n;
use crate::contexts::store::use_db;
use crate::contexts::sync::use_sync;
use crate::format::case_ref;
use crate::i18n::Msg;
use crate::ui::case::customer_panel::CustomerPanel;
use crate::ui::case::notes::Notes;
use crate::ui::case::save_status::SaveStatusLine;
use crate::ui::case::shortcut_help::ShortcutHelp;
use crate::ui::case::stage_panel::StagePanel;
use crate::ui::case::stage_rail::StageRail;
use crate::ui::case::use_stage_shortcuts::use_stage_shortcuts;
use care_core::store::EventStore;
use care_core::{CaseId, CaseLog};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// Loads a case from the local store and shows it.
#[component]
pub fn CaseScreen() -> impl IntoView {
    let i18n = use_i18n();
    let db = use_db();
    let params = use_params_map();
    let case_id = move || params.with(|p| p.get("id").and_then(|id| id.parse::<CaseId>().ok()));
    let loaded = LocalResource::new(move || {
        let id = case_id();
        let store = db.get();
        async move {
            match id {
                Some(id) => store.load_case(id).await.map(|events| Some((id, events))),
                None => Ok(None),
            }
        }
    });

    move || {
        match loaded.get() {
        None => view! {
            <main id="main" class="page-message" tabindex="-1"><p role="status">{move || i18n.t(Msg::Loading)}</p></main>
        }
        .into_any(),
        Some(Ok(Some((id, events)))) if !events.is_empty() => {
            let mut log = CaseLog::new();
            log.merge(events);
            if log.state().is_err() {
                return view! { <CaseProblem msg=Msg::CaseDamaged/> }.into_any();
            }
            view! { <CaseWorkspace session=CaseSession::new(db, id, log)/> }.into_any()
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
fn CaseWorkspace(session: CaseSession) -> impl IntoView {
    let i18n = use_i18n();
    provide_case_session(session);
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
        <div class="case-layout">
            <section class="case-heading" aria-labelledby="case-title">
                <a href="/" class="back-link">{move || i18n.t(Msg::BackToCases)}</a>
                <h1 id="case-title">{move || i18n.t(Msg::CaseTitle)}" "<span translate="no" class="mono">{reference}</span></h1>
                <SaveStatusLine/>
                <button type="button" class="small" on:click=move |_| help.set(true)>{move || i18n.t(Msg::ShortcutsButton)}</button>
                <ShortcutHelp open=help/>
            </section>
            <StageRail/>
            <main id="main" class="case-main" tabindex="-1">
                <StagePanel/>
                <Notes/>
            </main>
            <CustomerPanel/>
        </div>
    }
}
