use crate::contexts::i18n::use_i18n;
use crate::contexts::i18n::I18n;
use crate::contexts::sync::{use_sync, LogEntry, LogWhat};
use crate::format::date_time;
use crate::i18n::{sync_problem, Msg};
use crate::platform::clock;
use leptos::prelude::*;

/// One line of the log in the reader's language.
fn describe(i18n: I18n, entry: &LogEntry) -> String {
    match &entry.what {
        LogWhat::SignedIn { server, team, user } => i18n.fill(
            Msg::SyncLogSignedIn,
            &[("user", user), ("team", team), ("server", server)],
        ),
        LogWhat::SignedOut { unsynced } => {
            i18n.fill(Msg::SyncLogSignedOut, &[("n", &unsynced.to_string())])
        }
        LogWhat::Synced {
            pushed,
            already_there,
            pulled,
            reference,
            skipped,
            not_taken,
        } => {
            let count =
                |msg: Msg, n: usize| (n > 0).then(|| i18n.fill(msg, &[("n", &n.to_string())]));
            let parts: Vec<String> = [
                count(Msg::SyncLogPushed, *pushed),
                count(Msg::SyncLogAlready, *already_there),
                count(Msg::SyncLogPulled, *pulled),
                count(Msg::SyncLogReference, *reference),
                count(Msg::SyncLogSkipped, *skipped),
                count(Msg::SyncLogNotTaken, *not_taken),
            ]
            .into_iter()
            .flatten()
            .collect();
            if parts.is_empty() {
                i18n.t(Msg::SyncLogNothing).to_owned()
            } else {
                parts.join(i18n.t(Msg::SyncLogSeparator))
            }
        }
        LogWhat::Failed { problem } => i18n.fill(
            Msg::SyncLogFailed,
            &[("reason", i18n.t(sync_problem(problem)))],
        ),
    }
}

/// The sync log: sign-ins, sign-outs, what each sync moved, and failures
/// (one line per kind of failure in a row, not one per retry).
#[component]
pub fn SyncLog() -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    view! {
        <section class="card" aria-labelledby="sync-log-heading">
            <h2 id="sync-log-heading">{move || i18n.t(Msg::SyncLogHeading)}</h2>
            {move || {
                let log = sync.log.get();
                if log.is_empty() {
                    return view! { <p class="muted">{move || i18n.t(Msg::SyncLogEmpty)}</p> }.into_any();
                }
                view! {
                    <table class="sync-log" data-testid="sync-log">
                        <thead><tr>
                            <th scope="col">{move || i18n.t(Msg::SyncLogTime)}</th>
                            <th scope="col">{move || i18n.t(Msg::SyncLogWhat)}</th>
                        </tr></thead>
                        <tbody>
                            {log.into_iter().map(|e| {
                                let at = date_time(e.at, clock::local_offset());
                                view! { <tr><td class="mono">{at}</td><td>{move || describe(i18n, &e)}</td></tr> }
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
        </section>
    }
}
