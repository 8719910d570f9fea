use crate::contexts::i18n::use_i18n;
use crate::contexts::lock::use_lock;
use crate::contexts::search::use_search;
use crate::contexts::store::use_db;
use crate::contexts::sync::use_sync;
use crate::contexts::training::start_session;
use crate::i18n::Msg;
use crate::platform::idb::StoreError;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// Starts a training session on a scenario, for the person working, and
/// opens its case at intake. The customer speaks the interface's language.
#[component]
pub fn StartButton(scenario: String) -> impl IntoView {
    let i18n = use_i18n();
    let db = use_db();
    let search = use_search();
    let sync = use_sync();
    let lock = use_lock();
    let navigate = use_navigate();
    let busy = RwSignal::new(false);
    let failed = RwSignal::new(None::<StoreError>);
    let id = scenario.clone();
    let start = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        failed.set(None);
        let trainee = lock.current.get_untracked();
        let lang = i18n.lang();
        let id = id.clone();
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            match start_session(db, search, sync, &id, trainee, lang).await {
                Ok(case) => navigate(&format!("/cases/{case}"), Default::default()),
                Err(e) => failed.set(Some(e)),
            }
            busy.set(false);
        });
    };
    view! {
        <button type="button" class="primary small" data-start=scenario disabled=move || busy.get() on:click=start>
            {move || i18n.t(Msg::StartPractice)}
        </button>
        {move || failed.get().map(|e| view! {
            <p role="alert" class="error">{move || i18n.t(crate::ui::case::save_message(&e))}</p>
        })}
    }
}
