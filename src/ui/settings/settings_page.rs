use crate::contexts::i18n::use_i18n;
use crate::contexts::lock::use_lock;
use crate::i18n::Msg;
use crate::ui::settings::demo_archive::DemoArchive;
use crate::ui::settings::lock_audit::LockAudit;
use crate::ui::settings::storage_status::StorageStatus;
use crate::ui::settings::sync_log::SyncLog;
use crate::ui::settings::sync_settings::SyncSettings;
use care_core::lock::IDLE_CHOICES;
use leptos::prelude::*;

/// This device's settings: how soon it locks when idle, the team server,
/// persistent storage, the lock audit, the demo archive and the sync log.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let lock = use_lock();
    let saved = RwSignal::new(None::<bool>);
    let change = move |ev: leptos::ev::Event| {
        let Ok(minutes) = event_target_value(&ev).parse::<u32>() else {
            return;
        };
        leptos::task::spawn_local(async move {
            saved.set(Some(lock.set_idle_minutes(minutes).await.is_ok()));
        });
    };
    view! {
        <main id="main" class="pack-page settings-page" tabindex="-1">
            <h1>{move || i18n.t(Msg::SettingsHeading)}</h1>
            <section class="card">
                <label for="idle-minutes">{move || i18n.t(Msg::IdleLabel)}</label>
                <select id="idle-minutes" prop:value=move || lock.idle_minutes().to_string() on:change=change>
                    {IDLE_CHOICES.into_iter().map(|n| view! {
                        <option value=n.to_string()>{move || i18n.fill(Msg::MinutesN, &[("n", &n.to_string())])}</option>
                    }).collect_view()}
                </select>
                <p role="status" class="small">
                    {move || match saved.get() {
                        Some(true) => i18n.t(Msg::SettingSaved).to_owned(),
                        Some(false) => i18n.t(Msg::StoreUnavailable).to_owned(),
                        None => String::new(),
                    }}
                </p>
            </section>
            <SyncSettings/>
            <StorageStatus/>
            <LockAudit/>
            <DemoArchive/>
            <SyncLog/>
        </main>
    }
}
