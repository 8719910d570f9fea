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
            <LanguageSwitch/>
        </header>
    }
}
