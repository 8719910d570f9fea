use crate::contexts::i18n::use_i18n;
use crate::contexts::lock::Lock;
use crate::i18n::Msg;
use crate::ui::shell::language_switch::LanguageSwitch;
use crate::ui::shell::sync_indicator::SyncIndicator;
use leptos::prelude::*;

/// The banner: the app's name (home link), the pages, the lock button
/// while unlocked, and the language switch.
#[component]
pub fn TopBar() -> impl IntoView {
    let i18n = use_i18n();
    // Absent while the database is still opening.
    let lock = use_context::<Lock>();
    let unlocked = move || lock.is_some_and(|l| l.unlocked.get());
    view! {
        <header class="top-bar">
            <a class="brand" href="/">
                <span class="brand-mark" aria-hidden="true">"☎"</span>
                {move || i18n.t(Msg::AppName)}
            </a>
            <nav class="top-nav" aria-label=move || i18n.t(Msg::AppName)>
                {move || unlocked().then(|| view! {
                    <a href="/">{move || i18n.t(Msg::Cases)}</a>
                    <a href="/pack">{move || i18n.t(Msg::KnowledgePack)}</a>
                    <a href="/insights">{move || i18n.t(Msg::Insights)}</a>
                    <a href="/training">{move || i18n.t(Msg::Training)}</a>
                    <a href="/settings">{move || i18n.t(Msg::Settings)}</a>
                })}
            </nav>
            {move || unlocked().then(|| view! { <SyncIndicator/> })}
            {move || unlocked().then(|| lock.and_then(|l| l.current_name())).flatten().map(|name| view! {
                <span class="current-user" translate="no">{name}</span>
            })}
            {move || unlocked().then(|| view! {
                <button type="button" class="lock-button" on:click=move |_| {
                    if let Some(l) = lock {
                        l.lock(false);
                    }
                }>
                    {move || i18n.t(Msg::LockNow)}
                </button>
            })}
            <LanguageSwitch/>
        </header>
    }
}
