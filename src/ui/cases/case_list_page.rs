use crate::contexts::i18n::use_i18n;
use crate::contexts::store::use_db;
use crate::i18n::Msg;
use crate::ui::cases::case_table::CaseTable;
use crate::ui::cases::follow_up_due::FollowUpDue;
use crate::ui::cases::new_case_form::NewCaseForm;
use crate::ui::cases::update_banner::UpdateBanner;
use care_core::store::EventStore;
use leptos::prelude::*;

/// The home page: a form to open a case, and the cases on this device.
#[component]
pub fn CaseListPage() -> impl IntoView {
    let i18n = use_i18n();
    let db = use_db();
    let cases = LocalResource::new(move || {
        let store = db.get();
        async move { store.list_cases().await }
    });

    view! {
        <main id="main" class="cases-page" tabindex="-1">
            <h1>{move || i18n.t(Msg::Cases)}</h1>
            <UpdateBanner/>
            <NewCaseForm/>
            <FollowUpDue/>
            <section class="card" aria-labelledby="case-list-heading">
                <h2 id="case-list-heading">{move || i18n.t(Msg::CaseList)}</h2>
                {move || match cases.get() {
                    None => view! { <p role="status">{move || i18n.t(Msg::Loading)}</p> }.into_any(),
                    Some(Err(_)) => view! {
                        <p role="alert" class="error">{move || i18n.t(Msg::StoreUnavailable)}</p>
                        <button type="button" on:click=move |_| cases.refetch()>{move || i18n.t(Msg::Retry)}</button>
                    }.into_any(),
                    Some(Ok(list)) if list.is_empty() => view! { <p class="muted">{move || i18n.t(Msg::NoCases)}</p> }.into_any(),
                    Some(Ok(list)) => view! { <CaseTable cases=list/> }.into_any(),
                }}
            </section>
        </main>
    }
}
