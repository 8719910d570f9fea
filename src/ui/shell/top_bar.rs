use crate::contexts::i18n::use_i18n;
use crate::i18n::Msg;
use crate::ui::shell::language_switch::LanguageSwitch;
use leptos::prelude::*;

/// The banner: the app's name (home link) and the language switch.
#[component]
pub fn TopBar() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <header class="top-bar">
            <a class="brand" href="/">
                <span class="brand-mark" aria-hidden="true">"☎"</span>
                {move || i18n.t(Msg::AppName)}
            </a>
            <nav class="top-nav" aria-label=move || i18n.t(Msg::AppName)>
                <a href="/">{move || i18n.t(Msg::Cases)}</a>
                <a href="/pack">{move || i18n.t(Msg::KnowledgePack)}</a>
            </nav>
            <LanguageSwitch/>
        </header>
    }
}
