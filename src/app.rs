//! The root: language, demo data, the local database, and the routes.

use crate::contexts::demo::provide_reference;
use crate::contexts::i18n::{provide_i18n, use_i18n};
use crate::contexts::knowledge::{provide_knowledge, use_knowledge, Knowledge, PackOrigin};
use crate::contexts::lock::provide_lock;
use crate::contexts::search::provide_search;
use crate::contexts::store::{provide_db, use_db};
use crate::contexts::sync::provide_sync;
use crate::i18n::Msg;
use crate::platform::idb::{IdbStore, StoreError, DB_NAME};
use crate::ui::case::case_screen::CaseScreen;
use crate::ui::cases::case_list_page::CaseListPage;
use crate::ui::insights::insights_page::InsightsPage;
use crate::ui::lock::lock_gate::LockGate;
use crate::ui::pack::pack_page::PackPage;
use crate::ui::report::report_page::ReportPage;
use crate::ui::settings::settings_page::SettingsPage;
use crate::ui::shell::not_found::NotFound;
use crate::ui::shell::top_bar::TopBar;
use crate::ui::training::debrief_page::DebriefPage;
use crate::ui::training::training_page::TrainingPage;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use std::rc::Rc;

#[component]
pub fn App() -> impl IntoView {
    provide_i18n();
    provide_knowledge();
    let i18n = use_i18n();
    let opened = LocalResource::new(|| async { IdbStore::open(DB_NAME).await.map(Rc::new) });

    view! {
        <Router>
            <a class="skip-link" href="#main">{move || i18n.t(Msg::SkipToMain)}</a>
            {move || match opened.get() {
                None => view! {
                    <TopBar/>
                    <main id="main" class="page-message" tabindex="-1">
                        <p role="status">{move || i18n.t(Msg::OpeningStore)}</p>
                    </main>
                }.into_any(),
                Some(Err(e)) => {
                    let msg = match e {
                        StoreError::Upgrade(_) => Msg::UpgradeFailed,
                        _ => Msg::StoreUnavailable,
                    };
                    view! {
                        <TopBar/>
                        <main id="main" class="page-message" tabindex="-1">
                            <p role="alert">{move || i18n.t(msg)}</p>
                            <button type="button" on:click=move |_| opened.refetch()>
                                {move || i18n.t(Msg::Retry)}
                            </button>
                        </main>
                    }.into_any()
                }
                Some(Ok(store)) => view! { <Ready store=store/> }.into_any(),
            }}
        </Router>
    }
}

/// The routes, once the local database is open.
#[component]
fn Ready(store: Rc<IdbStore>) -> impl IntoView {
    provide_db(store.clone());
    // The device's settings live in the first database; once read, the
    // language a user chooses is kept there too.
    let i18n = use_i18n();
    let adopted = RwSignal::new(false);
    let home = StoredValue::new_local(store.clone());
    leptos::task::spawn_local(async move {
        let lang = crate::platform::settings::adopt(&home.get_value()).await;
        i18n.set(lang);
        adopted.set(true);
    });
    Effect::new(move |_| {
        let lang = i18n.lang();
        if adopted.get() {
            let home = home.get_value();
            leptos::task::spawn_local(async move {
                crate::platform::settings::keep(&home, lang).await;
            });
        }
    });
    let lock = provide_lock(use_db());
    let reference = provide_reference(use_db());
    let search = provide_search(use_db(), reference, lock.unlocked.into());
    provide_sync(use_db(), search, reference, lock.unlocked.into());
    // A pack imported earlier replaces the embedded one, if it still
    // passes this version's checks; if not, the page says why.
    let knowledge = use_knowledge();
    // The team server's pack, once a sync has brought one.
    Effect::new(move |_| {
        let packs = reference.server_packs.get();
        knowledge.adopt_server_packs(&packs);
    });
    leptos::task::spawn_local(async move {
        let Ok(Some(stored)) = store.stored_pack().await else {
            return;
        };
        match care_core::pack::load(&stored.file, &stored.source) {
            Ok(pack) => {
                let origin = PackOrigin::Imported {
                    file: stored.file,
                    imported_at: stored.imported_at,
                };
                knowledge
                    .current
                    .set(Some(std::sync::Arc::new(Knowledge::new(pack, origin))));
            }
            Err(problems) => knowledge.stored_problems.set(problems),
        }
    });
    view! {
        <TopBar/>
        <LockGate>
            <Routes fallback=|| view! { <NotFound/> }>
                <Route path=path!("/") view=CaseListPage/>
                <Route path=path!("/cases/:id") view=CaseScreen/>
                <Route path=path!("/cases/:id/report") view=ReportPage/>
                <Route path=path!("/pack") view=PackPage/>
                <Route path=path!("/settings") view=SettingsPage/>
                <Route path=path!("/insights") view=InsightsPage/>
                <Route path=path!("/training") view=TrainingPage/>
                <Route path=path!("/training/sessions/:id") view=DebriefPage/>
            </Routes>
        </LockGate>
    }
}
