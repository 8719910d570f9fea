use crate::contexts::i18n::{use_i18n, I18n};
use crate::contexts::sync::{use_sync, Progress, SyncStatus};
use crate::format::date_time;
use crate::i18n::{sync_problem, Msg};
use crate::platform::clock;
use leptos::prelude::*;

/// The sync state in words; `None` when this person is not signed in to
/// a server (the device works alone, nothing to say).
pub fn status_text(i18n: I18n, status: &SyncStatus) -> Option<String> {
    Some(match status {
        SyncStatus::NotSignedIn => return None,
        SyncStatus::Waiting => i18n.t(Msg::SyncStateWaiting).to_owned(),
        SyncStatus::Offline => i18n.t(Msg::SyncStateOfflineShort).to_owned(),
        SyncStatus::Syncing(Progress::Connecting) => i18n.t(Msg::SyncStateConnecting).to_owned(),
        SyncStatus::Syncing(Progress::Pushing { done, total }) => i18n.fill(
            Msg::SyncStatePushing,
            &[("done", &done.to_string()), ("total", &total.to_string())],
        ),
        SyncStatus::Syncing(Progress::Pulling { rows, .. }) => {
            i18n.fill(Msg::SyncStatePulling, &[("rows", &rows.to_string())])
        }
        SyncStatus::Synced { at } => i18n.fill(
            Msg::SyncStateSynced,
            &[("at", &date_time(*at, clock::local_offset()))],
        ),
        SyncStatus::Failed { problem, .. } => i18n.fill(
            Msg::SyncStateFailed,
            &[("reason", i18n.t(sync_problem(problem)))],
        ),
    })
}

/// The sync state at a glance, in the top bar, for a person signed in to
/// a team server: offline, syncing (with a progress bar), synced at, or
/// the error; and how many records wait to be sent. A link to the sync
/// settings.
#[component]
pub fn SyncIndicator() -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let text = move || {
        let outbox = sync.outbox.get();
        let main = status_text(i18n, &sync.status.get())?;
        Some(if outbox > 0 {
            format!(
                "{main} · {}",
                i18n.fill(Msg::SyncOutbox, &[("n", &outbox.to_string())])
            )
        } else {
            main
        })
    };
    let state_class = move || match sync.status.get() {
        SyncStatus::Failed { .. } => "sync-indicator failed",
        SyncStatus::Offline => "sync-indicator offline",
        SyncStatus::Syncing(_) => "sync-indicator syncing",
        _ => "sync-indicator",
    };
    // A determinate bar while sending (the outbox is counted); the pull's
    // length is not known on every server.
    let bar = move || match sync.status.get() {
        SyncStatus::Syncing(Progress::Pushing { done, total }) if total > 0 => Some(
            view! { <progress max=total.to_string() value=done.to_string()></progress> }.into_any(),
        ),
        SyncStatus::Syncing(Progress::Pulling {
            rows,
            pending: Some(p),
        }) => {
            let total = rows as u64 + p;
            Some(
                view! { <progress max=total.to_string() value=rows.to_string()></progress> }
                    .into_any(),
            )
        }
        SyncStatus::Syncing(_) => Some(view! { <progress></progress> }.into_any()),
        _ => None,
    };
    move || {
        text().map(|t| {
            view! {
                <a href="/settings#sync" class=state_class title=move || i18n.t(Msg::SyncIndicatorLabel)
                    data-testid="sync-indicator">
                    <span class="sync-dot" aria-hidden="true"></span>
                    <span class="sync-text" role="status">{t}</span>
                    {bar}
                </a>
            }
        })
    }
}
