use crate::contexts::case_session::{current_agent, open_case};
use crate::contexts::i18n::use_i18n;
use crate::contexts::lock::use_lock;
use crate::contexts::search::use_search;
use crate::contexts::store::use_db;
use crate::contexts::sync::use_sync;
use crate::i18n::{channel_name, Msg};
use crate::platform::idb::StoreError;
use care_core::Channel;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// Opens a case on a channel, then straight to intake.
#[component]
pub fn NewCaseForm() -> impl IntoView {
    let i18n = use_i18n();
    let db = use_db();
    let search = use_search();
    let sync = use_sync();
    let lock = use_lock();
    let navigate = use_navigate();
    let channel = RwSignal::new(Channel::Hotline);
    let busy = RwSignal::new(false);
    let failed = RwSignal::new(None::<StoreError>);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        failed.set(None);
        let navigate = navigate.clone();
        let channel = channel.get_untracked();
        let agent = current_agent(sync, lock);
        leptos::task::spawn_local(async move {
            match open_case(db, search, sync, channel, None, agent).await {
                Ok(case) => navigate(&format!("/cases/{case}"), Default::default()),
                Err(e) => failed.set(Some(e)),
            }
            busy.set(false);
        });
    };

    view! {
        <section class="card new-case" aria-labelledby="new-case-heading">
            <h2 id="new-case-heading">{move || i18n.t(Msg::NewCase)}</h2>
            <form on:submit=submit class="inline-form">
                <label>
                    <span>{move || i18n.t(Msg::Channel)}</span>
                    <select on:change=move |ev| {
                        if let Some(c) = Channel::from_slug(&event_target_value(&ev)) {
                            channel.set(c);
                        }
                    }>
                        {Channel::ALL.into_iter().map(|c| view! {
                            <option value=c.slug() selected=move || channel.get() == c>
                                {move || i18n.t(channel_name(c))}
                            </option>
                        }).collect_view()}
                    </select>
                </label>
                <button type="submit" class="primary" disabled=move || busy.get()>
                    {move || if busy.get() { i18n.t(Msg::Creating) } else { i18n.t(Msg::StartCase) }}
                </button>
            </form>
            {move || failed.get().map(|e| view! {
                <p role="alert" class="error">{move || i18n.t(crate::ui::case::save_message(&e))}</p>
            })}
        </section>
    }
}
