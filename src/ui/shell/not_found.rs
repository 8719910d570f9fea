use crate::contexts::i18n::use_i18n;
use crate::i18n::Msg;
use leptos::prelude::*;

/// Any address the app does not know.
#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <main id="main" class="page-message" tabindex="-1">
            <h1>{move || i18n.t(Msg::PageNotFound)}</h1>
            <a href="/">{move || i18n.t(Msg::BackToCases)}</a>
        </main>
    }
}
