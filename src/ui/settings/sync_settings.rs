use crate::contexts::i18n::use_i18n;
use crate::contexts::sync::{use_sync, SyncProblem, SyncStatus};
use crate::i18n::{sync_problem, Msg};
use crate::platform::clock;
use crate::ui::shell::sync_indicator::status_text;
use leptos::prelude::*;

/// What the sign-in form says after a try.
#[derive(Clone, Debug, PartialEq)]
enum FormNote {
    Missing,
    BadUrl,
    Failed(SyncProblem),
    SignedOut,
}

/// The team server: sign in (server URL, team, user, password), the state
/// of the sync with the outbox, "sync now", and signing out, which warns
/// when records are not on the server yet and never deletes them.
#[component]
pub fn SyncSettings() -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let server = RwSignal::new(String::new());
    let team = RwSignal::new(String::new());
    let user = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let note = RwSignal::new(None::<FormNote>);
    let confirming = RwSignal::new(false);

    let sign_in = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let (s, t, u, p) = (
            server.get_untracked().trim().to_owned(),
            team.get_untracked().trim().to_owned(),
            user.get_untracked().trim().to_owned(),
            password.get_untracked(),
        );
        if s.is_empty() || t.is_empty() || u.is_empty() || p.is_empty() {
            note.set(Some(FormNote::Missing));
            return;
        }
        if !(s.starts_with("http://") || s.starts_with("https://")) {
            note.set(Some(FormNote::BadUrl));
            return;
        }
        busy.set(true);
        note.set(None);
        leptos::task::spawn_local(async move {
            match sync.sign_in(s, t, u, p).await {
                Ok(()) => password.set(String::new()),
                Err(problem) => note.set(Some(FormNote::Failed(problem))),
            }
            busy.set(false);
        });
    };
    let sign_out = move || {
        busy.set(true);
        leptos::task::spawn_local(async move {
            match sync.sign_out().await {
                Ok(()) => note.set(Some(FormNote::SignedOut)),
                Err(problem) => note.set(Some(FormNote::Failed(problem))),
            }
            confirming.set(false);
            busy.set(false);
        });
    };
    let ask_sign_out = move |_| {
        if sync.outbox.get_untracked() > 0 {
            confirming.set(true);
        } else {
            sign_out();
        }
    };

    let note_text = move || {
        note.get().map(|n| match n {
            FormNote::Missing => i18n.t(Msg::SyncFieldsMissing).to_owned(),
            FormNote::BadUrl => i18n.t(Msg::SyncBadUrl).to_owned(),
            FormNote::SignedOut => i18n.t(Msg::SyncSignedOut).to_owned(),
            FormNote::Failed(p) => i18n.fill(
                Msg::SyncStateFailed,
                &[("reason", i18n.t(sync_problem(&p)))],
            ),
        })
    };
    // Settings say more than the banner where it matters: offline means
    // nothing is lost.
    let status_line = move || match sync.status.get() {
        SyncStatus::NotSignedIn => i18n.t(Msg::SyncNotSignedIn).to_owned(),
        SyncStatus::Offline => i18n.t(Msg::SyncStateOffline).to_owned(),
        other => status_text(i18n, &other).unwrap_or_default(),
    };
    // When the next try starts, under a failure.
    let retry_text = move || match sync.status.get() {
        SyncStatus::Failed { retry_at, .. } => Some(match retry_at {
            Some(at) => i18n.fill(
                Msg::SyncRetryAt,
                &[("at", &crate::format::time_of_day(at, clock::local_offset()))],
            ),
            None => i18n.t(Msg::SyncRetryManual).to_owned(),
        }),
        _ => None,
    };
    let outbox_text = move || match sync.outbox.get() {
        0 => i18n.t(Msg::SyncOutboxNone).to_owned(),
        n => i18n.fill(Msg::SyncOutbox, &[("n", &n.to_string())]),
    };

    view! {
        <section class="card sync-settings" id="sync" aria-labelledby="sync-heading">
            <h2 id="sync-heading">{move || i18n.t(Msg::SyncHeading)}</h2>
            <p class="small muted">{move || i18n.t(Msg::SyncExplain)}</p>
            <p role="status" class="sync-status" data-testid="sync-status">{status_line}</p>
            {move || retry_text().map(|t| view! { <p class="small">{t}</p> })}
            <p class="sync-outbox" data-testid="sync-outbox">{outbox_text}</p>
            {move || match sync.account.get() {
                Some(account) => view! {
                    <p class="sync-account" translate="no">{move || i18n.fill(Msg::SyncSignedInAs, &[
                        ("user", &account.user), ("team", &account.team), ("server", &account.server),
                    ])}</p>
                    <p class="muted" data-testid="sync-role">{move || i18n.t(if account.role.may_disclose_in_full() { Msg::RoleLead } else { Msg::RoleAgent })}</p>
                    <div class="button-row">
                        <button type="button" class="primary" on:click=move |_| sync.sync_now()
                            disabled=move || busy.get()>{move || i18n.t(Msg::SyncNow)}</button>
                        <button type="button" on:click=ask_sign_out disabled=move || busy.get()>
                            {move || i18n.t(Msg::SyncSignOut)}
                        </button>
                    </div>
                    {move || confirming.get().then(|| view! {
                        <div class="confirm-panel" role="alertdialog" aria-labelledby="sign-out-warning">
                            <p id="sign-out-warning">{move || i18n.fill(Msg::SyncSignOutWarning, &[("n", &sync.outbox.get().to_string())])}</p>
                            <div class="button-row">
                                <button type="button" class="danger" on:click=move |_| sign_out()
                                    disabled=move || busy.get()>{move || i18n.t(Msg::SyncSignOutConfirm)}</button>
                                <button type="button" on:click=move |_| confirming.set(false)>{move || i18n.t(Msg::SyncCancel)}</button>
                            </div>
                        </div>
                    })}
                }.into_any(),
                None => view! {
                    <form class="sync-form" on:submit=sign_in novalidate>
                        <label for="sync-server">{move || i18n.t(Msg::SyncServerLabel)}</label>
                        <input id="sync-server" type="url" inputmode="url" autocomplete="url" spellcheck="false"
                            placeholder="https://couch.example.com" bind:value=server/>
                        <label for="sync-team">{move || i18n.t(Msg::SyncTeamLabel)}</label>
                        <input id="sync-team" type="text" autocomplete="organization" spellcheck="false" bind:value=team/>
                        <label for="sync-user">{move || i18n.t(Msg::SyncUserLabel)}</label>
                        <input id="sync-user" type="text" autocomplete="username" spellcheck="false" bind:value=user/>
                        <label for="sync-password">{move || i18n.t(Msg::SyncPasswordLabel)}</label>
                        <input id="sync-password" type="password" autocomplete="current-password" bind:value=password/>
                        <button type="submit" class="primary" disabled=move || busy.get()>
                            {move || if busy.get() { i18n.t(Msg::SyncSigningIn) } else { i18n.t(Msg::SyncSignIn) }}
                        </button>
                    </form>
                }.into_any(),
            }}
            <p role="alert" class="form-note" data-testid="sync-note">{note_text}</p>
        </section>
    }
}
