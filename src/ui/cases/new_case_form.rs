use crate::contexts::i18n::use_i18n;
use crate::contexts::search::use_search;
use crate::contexts::store::use_db;
use crate::contexts::sync::use_sync;
use crate::i18n::{channel_name, Msg};
use crate::platform::idb::StoreError;
use crate::platform::{clock, settings};
use care_core::store::{record, RecordError};
use care_core::{CaseLog, Channel, Event, EventBody};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// Opens a case on a channel, then straight to intake.
#[component]
pub fn NewCaseForm() -> impl IntoView {
    let i18n = use_i18n();
    let db = use_db();
    let search = use_search();
    let sync = use_sync();
    let navigate = use_navigate();
    let channel = RwSignal::new(Channel::Hotline);
    let busy = RwSignal::new(false);
    let failed = RwSignal::new(None::<StoreError>);

    let open_case = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        failed.set(None);
        let case = clock::new_case_id();
        let event = Event {
            id: clock::new_event_id(),
            case,
            device: settings::device_id(),
            at: clock::now(),
            // The customer is found at intake, by phone, account or ID.
            body: EventBody::CaseOpened {
                channel: channel.get_untracked(),
                customer: None,
                training: None,
            },
        };
        let store = db.get();
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            let mut log = CaseLog::new();
            match record(&*store, &mut log, event).await {
                Ok(state) => {
                    search.upsert(state.summary());
                    sync.note_change();
                    navigate(&format!("/cases/{case}"), Default::default());
                }
                Err(RecordError::Store(e)) => failed.set(Some(e)),
                Err(RecordError::Fold(e)) => failed.set(Some(StoreError::Damaged(e.to_string()))),
            }
            busy.set(false);
        });
    };

    view! {
        <section class="card new-case" aria-labelledby="new-case-heading">
            <h2 id="new-case-heading">{move || i18n.t(Msg::NewCase)}</h2>
            <form on:submit=open_case class="inline-form">
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
