//! Sync with the team's CouchDB-protocol server: the account, the loop
//! that runs it (on unlock, when the browser comes online, on a timer,
//! after local changes, and on demand), its status and its log.
//!
//! One loop runs per unlocked person. A run pushes the outbox and pulls
//! the changes (`replicate::run`); between runs the loop waits on the
//! server's changes feed (long-poll), so another device's work arrives
//! within seconds. A failed run is retried after an exponential backoff
//! with jitter; coming online or "sync now" cuts the wait short.

pub mod replicate;

pub use replicate::Progress;

use crate::contexts::demo::Reference;
use crate::contexts::search::Search;
use crate::contexts::store::Db;
use crate::platform::clock;
use crate::platform::couch::{Couch, CouchError};
use crate::platform::idb::{StoreError, SyncAccount};
use crate::platform::settings;
use care_core::access::Role;
use care_core::sync::{backoff, Since};
use care_core::Event;
use futures::channel::mpsc::{unbounded, UnboundedReceiver, UnboundedSender};
use futures::future::{select, Either};
use futures::StreamExt;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::time::Duration;
use thiserror::Error;
use time::OffsetDateTime;
use wasm_bindgen::prelude::*;

/// How many lines the sync log keeps.
pub const LOG_LINES: usize = 200;
/// How long after a local change the push starts: a burst of changes
/// (a note typed, a stage moved) goes in one run.
const AFTER_CHANGE: Duration = Duration::from_millis(1500);
/// How often a signed-in device looks again when nothing wakes it.
const TIMER: Duration = Duration::from_secs(60);

/// Why a sync did not complete, as the status and the log say it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Error)]
pub enum SyncProblem {
    #[error("the browser is offline")]
    Offline,
    #[error("the server cannot be reached: {0}")]
    Unreachable(String),
    #[error("the server did not answer in time")]
    Timeout,
    #[error("the user name or password is wrong")]
    WrongPassword,
    #[error("this user may not use this team's data: {0}")]
    NotAllowed(String),
    #[error("the server has no database for this team")]
    NoSuchTeam,
    #[error("the server answered with an error: {0}")]
    Server(String),
    #[error("this device's storage failed: {0}")]
    Storage(String),
    /// Stopped on purpose (locked, signed out): not an error to show.
    #[error("stopped")]
    Stopped,
}

impl From<CouchError> for SyncProblem {
    fn from(e: CouchError) -> Self {
        match e {
            CouchError::Unreachable(d) => SyncProblem::Unreachable(d),
            CouchError::Timeout(_) => SyncProblem::Timeout,
            CouchError::Aborted => SyncProblem::Stopped,
            CouchError::WrongPassword => SyncProblem::WrongPassword,
            CouchError::NotAllowed(d) => SyncProblem::NotAllowed(d),
            CouchError::NoSuchTeam => SyncProblem::NoSuchTeam,
            e @ (CouchError::Status { .. } | CouchError::Protocol(_)) => {
                SyncProblem::Server(e.to_string())
            }
        }
    }
}

impl From<StoreError> for SyncProblem {
    fn from(e: StoreError) -> Self {
        SyncProblem::Storage(e.to_string())
    }
}

impl SyncProblem {
    /// Whether waiting and trying again may help; otherwise someone has to
    /// change a setting (the password, the team's members) first, and the
    /// loop waits for them.
    pub fn retry_helps(&self) -> bool {
        matches!(
            self,
            SyncProblem::Offline
                | SyncProblem::Unreachable(_)
                | SyncProblem::Timeout
                | SyncProblem::Server(_)
                | SyncProblem::Storage(_)
        )
    }
}

/// What the status line shows.
#[derive(Clone, Debug, PartialEq)]
pub enum SyncStatus {
    /// No account: this device works alone.
    NotSignedIn,
    /// Signed in; no run has finished since the app was unlocked.
    Waiting,
    /// The browser says there is no network.
    Offline,
    Syncing(Progress),
    Synced {
        at: OffsetDateTime,
    },
    Failed {
        problem: SyncProblem,
        /// When the next try starts, if one is scheduled.
        retry_at: Option<OffsetDateTime>,
    },
}

/// The account as the screens may show it: no password.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountView {
    pub server: String,
    pub team: String,
    pub user: String,
    /// What the server's roles allow this person.
    pub role: Role,
}

/// A line of the sync log (kept sealed with the person's data).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LogEntry {
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    pub what: LogWhat,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum LogWhat {
    SignedIn {
        server: String,
        team: String,
        user: String,
    },
    SignedOut {
        /// Events kept on the device, not yet on the server.
        unsynced: usize,
    },
    Synced {
        pushed: usize,
        already_there: usize,
        pulled: usize,
        reference: usize,
        skipped: usize,
        /// Events the server did not take (they stay in the outbox).
        not_taken: usize,
    },
    Failed {
        problem: SyncProblem,
    },
}

enum Wake {
    /// Run now (on demand, coming online).
    Now,
    /// Run shortly (a local change).
    Soon,
    /// Stop the loop (locked, signed out).
    Stop,
}

/// The sync context.
#[derive(Clone, Copy)]
pub struct Sync {
    pub status: RwSignal<SyncStatus>,
    /// Events waiting to be sent.
    pub outbox: RwSignal<usize>,
    pub log: RwSignal<Vec<LogEntry>>,
    pub account: RwSignal<Option<AccountView>>,
    /// Events that arrived from the server in the last run, for an open
    /// case to take in.
    pub arrived: RwSignal<Vec<Event>>,
    waker: StoredValue<Option<UnboundedSender<Wake>>, LocalStorage>,
    /// Which loop is current: a loop that is not (the app locked or the
    /// person signed out while it ran) changes nothing on screen.
    generation: StoredValue<u64>,
    db: Db,
    search: Search,
    reference: Reference,
}

impl Sync {
    /// On unlock: reads this person's account, log and outbox, and starts
    /// the loop if they are signed in.
    pub async fn start(self) {
        let store = self.db.get();
        self.outbox.set(store.outbox_count().await.unwrap_or(0));
        self.log.set(store.sync_log().await.unwrap_or_default());
        match store.sync_account().await {
            Ok(Some(account)) => {
                self.account.set(Some(view_of(&account)));
                self.spawn_loop();
            }
            Ok(None) => {
                self.account.set(None);
                self.status.set(SyncStatus::NotSignedIn);
            }
            Err(e) => self.status.set(SyncStatus::Failed {
                problem: e.into(),
                retry_at: None,
            }),
        }
    }

    /// On lock: the loop stops and nothing personal stays on screen.
    pub fn stop(self) {
        self.end_loop();
        self.account.set(None);
        self.log.set(Vec::new());
        self.arrived.set(Vec::new());
        self.status.set(SyncStatus::NotSignedIn);
    }

    /// Signs in with the server, and keeps the account only if that
    /// worked and the user may use the team's database.
    pub async fn sign_in(
        self,
        server: String,
        team: String,
        user: String,
        password: String,
    ) -> Result<(), SyncProblem> {
        let mut account = SyncAccount {
            server: server.trim().trim_end_matches('/').to_owned(),
            team: team.trim().to_owned(),
            user: user.trim().to_owned(),
            password,
            roles: Vec::new(),
        };
        let couch = Couch::new(&account.server, &account.team);
        couch.sign_in(&account.user, &account.password).await?;
        account.roles = replicate::connect(&couch, &account).await?;
        let store = self.db.get();
        store.store_sync_account(Some(&account)).await?;
        self.note(LogWhat::SignedIn {
            server: account.server.clone(),
            team: account.team.clone(),
            user: account.user.clone(),
        })
        .await;
        self.account.set(Some(view_of(&account)));
        self.end_loop();
        self.spawn_loop();
        Ok(())
    }

    /// Signs out: the loop stops, the session ends, the account is
    /// forgotten. Nothing local is deleted: events not yet sent stay in
    /// the outbox and go with the next sign-in.
    pub async fn sign_out(self) -> Result<(), SyncProblem> {
        let store = self.db.get();
        let Some(account) = store.sync_account().await? else {
            return Ok(());
        };
        self.end_loop();
        // Ending the server's session is a courtesy: offline, the cookie
        // simply expires.
        let _ = Couch::new(&account.server, &account.team).sign_out().await;
        store.store_sync_account(None).await?;
        let unsynced = store.outbox_count().await.unwrap_or(0);
        self.note(LogWhat::SignedOut { unsynced }).await;
        self.account.set(None);
        self.outbox.set(unsynced);
        self.status.set(SyncStatus::NotSignedIn);
        Ok(())
    }

    /// "Sync now".
    pub fn sync_now(self) {
        self.wake(Wake::Now);
    }

    /// A local change was recorded: counts the outbox again and pushes
    /// shortly.
    pub fn note_change(self) {
        let store = self.db.get();
        leptos::task::spawn_local(async move {
            if let Ok(n) = store.outbox_count().await {
                self.outbox.set(n);
            }
        });
        self.wake(Wake::Soon);
    }

    fn wake(self, wake: Wake) {
        self.waker.with_value(|w| {
            if let Some(w) = w {
                let _ = w.unbounded_send(wake);
            }
        });
    }

    /// Adds a line to the log and keeps it.
    async fn note(self, what: LogWhat) {
        let entry = LogEntry {
            at: clock::now(),
            what,
        };
        let mut log = self.log.get_untracked();
        log.insert(0, entry);
        log.truncate(LOG_LINES);
        // The log is a record for people, not a source of truth: a
        // failure to keep it is not a sync failure.
        if let Err(e) = self.db.get().store_sync_log(&log).await {
            leptos::logging::warn!("sync log not kept: {e}");
        }
        self.log.set(log);
    }

    fn spawn_loop(self) {
        let (tx, rx) = unbounded();
        self.waker.set_value(Some(tx));
        let generation = self.generation.get_value();
        leptos::task::spawn_local(self.run_loop(rx, generation));
    }

    /// Stops the current loop, if one runs.
    fn end_loop(self) {
        self.wake(Wake::Stop);
        self.waker.set_value(None);
        self.generation.update_value(|g| *g += 1);
    }

    async fn run_loop(self, mut wakes: UnboundedReceiver<Wake>, generation: u64) {
        let current = move || self.generation.get_value() == generation;
        let mut attempt = 0u32;
        self.status.set(SyncStatus::Waiting);
        loop {
            if !current() {
                return;
            }
            let store = self.db.get();
            let account = match store.sync_account().await {
                Ok(Some(a)) => a,
                // Signed out, or locked (no key): the loop ends.
                _ => return,
            };
            let wait = if !online() {
                self.status.set(SyncStatus::Offline);
                Some(TIMER)
            } else {
                let session = clock::new_event_id().to_string();
                let device = settings::device_id().to_string();
                let status = self.status;
                let progress = move |p: Progress| {
                    if current() {
                        status.set(SyncStatus::Syncing(p));
                    }
                };
                let result = replicate::run(&store, &account, &device, &session, &progress).await;
                if !current() {
                    return;
                }
                self.outbox.set(store.outbox_count().await.unwrap_or(0));
                match result {
                    Ok(report) => {
                        attempt = 0;
                        self.status.set(SyncStatus::Synced { at: clock::now() });
                        let since = report.since.clone();
                        if report.roles != account.roles {
                            self.keep_roles(&account, report.roles.clone()).await;
                        }
                        self.take_in(report).await;
                        // Wait on the feed until something changes there
                        // or here.
                        match self.wait_for_changes(&account, since, &mut wakes).await {
                            Some(Wake::Stop) => return,
                            Some(Wake::Soon) => {
                                gloo_timers::future::sleep(AFTER_CHANGE).await;
                            }
                            _ => {}
                        }
                        None
                    }
                    Err(SyncProblem::Stopped) => return,
                    Err(problem) => {
                        // A refusal right after runs that worked may be a
                        // session that ended mid-run: the next run signs in
                        // again, so it is tried once more at once.
                        let retry = problem.retry_helps() || attempt == 0;
                        let wait = retry.then(|| backoff(attempt, js_sys::Math::random()));
                        attempt = attempt.saturating_add(1);
                        self.status.set(SyncStatus::Failed {
                            problem: problem.clone(),
                            retry_at: wait.map(|w| {
                                clock::now() + time::Duration::milliseconds(w.as_millis() as i64)
                            }),
                        });
                        // One line per failure kind in a row, not one per retry.
                        let repeated = self.log.with_untracked(|l| {
                            l.first().is_some_and(|e| {
                                e.what
                                    == LogWhat::Failed {
                                        problem: problem.clone(),
                                    }
                            })
                        });
                        if !repeated {
                            self.note(LogWhat::Failed { problem }).await;
                        }
                        // A refusal waits for someone to act (sign in
                        // again, "sync now"), with a slow retry anyway.
                        Some(wait.unwrap_or(Duration::from_secs(300)))
                    }
                }
            };
            if let Some(wait) = wait {
                match next_wake(&mut wakes, wait).await {
                    Some(Wake::Stop) => return,
                    Some(Wake::Soon) => gloo_timers::future::sleep(AFTER_CHANGE).await,
                    _ => {}
                }
            }
        }
    }

    /// Long-polls the changes feed until it has something, a wake comes,
    /// or the timer runs out with events in the outbox. Gives the wake
    /// that ended it, if one did.
    async fn wait_for_changes(
        self,
        account: &SyncAccount,
        since: Option<Since>,
        wakes: &mut UnboundedReceiver<Wake>,
    ) -> Option<Wake> {
        let since = since.unwrap_or(Since::Start);
        loop {
            if !online() {
                return next_wake(wakes, TIMER).await;
            }
            let poll = replicate::wait_for_changes(account, &since);
            futures::pin_mut!(poll);
            match select(wakes.next(), poll).await {
                Either::Left((wake, _)) => return Some(wake.unwrap_or(Wake::Stop)),
                Either::Right((Ok(true), _)) => return None,
                Either::Right((Ok(false), _)) => {
                    if self.outbox.get_untracked() > 0 {
                        return None;
                    }
                }
                // The run that follows says what is wrong.
                Either::Right((Err(_), _)) => return None,
            }
        }
    }

    /// The server changed what this person may do (a lead role granted or
    /// taken away): kept with the account, so it holds offline too.
    async fn keep_roles(self, account: &SyncAccount, roles: Vec<String>) {
        let updated = SyncAccount {
            roles,
            ..account.clone()
        };
        if let Err(e) = self.db.get().store_sync_account(Some(&updated)).await {
            leptos::logging::warn!("roles not kept: {e}");
        }
        self.account.set(Some(view_of(&updated)));
    }

    /// The role of the person signed in: an agent unless the team's server
    /// made them a lead.
    pub fn role(self) -> Role {
        self.account
            .with(|a| a.as_ref().map(|a| a.role))
            .unwrap_or_default()
    }

    /// Puts what a run brought on screen and in the log.
    async fn take_in(self, report: replicate::Report) {
        let pulled = report.pulled.len();
        if !report.summaries.is_empty() {
            self.search.upsert_all(report.summaries.iter().cloned());
        }
        if report.reference_changes > 0 {
            self.reference.refresh().await;
        }
        // Rows not taken are counted in the log, never written out: a
        // server's document ids and the reasons (which may quote a field)
        // can hold personal data.
        let moved = report.pushed + report.already_there + pulled + report.reference_changes;
        if moved > 0 || !report.push_failures.is_empty() || !report.skipped.is_empty() {
            self.note(LogWhat::Synced {
                pushed: report.pushed,
                already_there: report.already_there,
                pulled,
                reference: report.reference_changes,
                skipped: report.skipped.len(),
                not_taken: report.push_failures.len(),
            })
            .await;
        }
        if pulled > 0 {
            self.arrived.set(report.pulled);
        }
    }
}

/// The next wake, or `None` once `wait` has passed.
async fn next_wake(wakes: &mut UnboundedReceiver<Wake>, wait: Duration) -> Option<Wake> {
    let timer = gloo_timers::future::sleep(wait);
    futures::pin_mut!(timer);
    match select(wakes.next(), timer).await {
        Either::Left((wake, _)) => Some(wake.unwrap_or(Wake::Stop)),
        Either::Right(_) => None,
    }
}

fn online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

fn view_of(a: &SyncAccount) -> AccountView {
    AccountView {
        server: a.server.clone(),
        team: a.team.clone(),
        user: a.user.clone(),
        role: Role::from_server_roles(&a.roles),
    }
}

/// Provides the sync context, started and stopped with the lock, and
/// woken when the browser comes online.
pub fn provide_sync(db: Db, search: Search, reference: Reference, unlocked: Signal<bool>) -> Sync {
    let sync = Sync {
        status: RwSignal::new(SyncStatus::NotSignedIn),
        outbox: RwSignal::new(0),
        log: RwSignal::new(Vec::new()),
        account: RwSignal::new(None),
        arrived: RwSignal::new(Vec::new()),
        waker: StoredValue::new_local(None),
        generation: StoredValue::new(0),
        db,
        search,
        reference,
    };
    Effect::new(move |_| {
        if unlocked.get() {
            leptos::task::spawn_local(sync.start());
        } else {
            sync.stop();
        }
    });
    if let Some(window) = web_sys::window() {
        let online = Closure::<dyn Fn()>::new(move || sync.sync_now());
        let offline = Closure::<dyn Fn()>::new(move || {
            if sync.account.get_untracked().is_some() {
                sync.status.set(SyncStatus::Offline);
            }
        });
        let _ = window.add_event_listener_with_callback("online", online.as_ref().unchecked_ref());
        let _ =
            window.add_event_listener_with_callback("offline", offline.as_ref().unchecked_ref());
        // Listeners for the page's lifetime.
        online.forget();
        offline.forget();
    }
    provide_context(sync);
    sync
}

pub fn use_sync() -> Sync {
    expect_context::<Sync>()
}
