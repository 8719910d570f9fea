use crate::contexts::i18n::use_i18n;
use crate::i18n::Msg;
use care_core::Lang;
use leptos::prelude::*;

/// One button that switches the whole interface to the other language. It
/// names that language in itself (English / 中文), as language pickers do.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let other = move || match i18n.lang() {
        Lang::ZhCn => Lang::En,
        Lang::En => Lang::ZhCn,
    };
    view! {
        <button
            type="button"
            class="language-switch"
            on:click=move |_| i18n.set(other())
        >
            <span class="visually-hidden">{move || i18n.t(Msg::SwitchLanguage)}</span>
            <span lang=move || other().tag()>{move || i18n.t(Msg::OtherLanguageName)}</span>
        </button>
    }
}
