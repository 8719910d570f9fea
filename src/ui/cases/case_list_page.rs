use crate::contexts::i18n::use_i18n;
use crate::i18n::Msg;
use crate::ui::cases::case_search::CaseSearch;
use crate::ui::cases::follow_up_due::FollowUpDue;
use crate::ui::cases::new_case_form::NewCaseForm;
use crate::ui::cases::update_banner::UpdateBanner;
use leptos::prelude::*;

/// The home page: a form to open a case, the follow-ups due, and the
/// archive search, which lists the latest cases until asked for more.
#[component]
pub fn CaseListPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <main id="main" class="cases-page" tabindex="-1">
            <h1>{move || i18n.t(Msg::Cases)}</h1>
            <UpdateBanner/>
            <NewCaseForm/>
            <FollowUpDue/>
            <CaseSearch/>
        </main>
    }
}
