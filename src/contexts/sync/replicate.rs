//! One sync run: sign in if needed, push the outbox, pull the changes.
//! The decisions are `care_core::sync`'s; this carries them out over
//! HTTP (`platform::couch`) and IndexedDB (`platform::idb`).

use super::SyncProblem;
use crate::platform::couch::{Couch, CouchError, Session};
use crate::platform::idb::{IdbStore, PulledCase, SyncAccount};
use care_core::store::EventStore;
use care_core::sync::{
    self, after_bulk_docs, apply_changes, batches, checkpoint_after, event_doc, remote_identity,
    replication_id, resume_from, revs_diff_request, what_to_push, BulkDocsRequest, Checkpoint,
    ReplicationId, Seq, Since, Skipped,
};
use care_core::{CaseId, CaseLog, CaseSummary, Event};
use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, BTreeSet};

/// Events per `_revs_diff` + `_bulk_docs` round.
pub const PUSH_BATCH: usize = 100;
/// Rows per `_changes` request.
pub const PULL_BATCH: usize = 100;

/// How many events of pulled cases a run keeps in memory at most; past
/// that the cache starts again (a first sync of a large archive).
const LOG_CACHE_EVENTS: usize = 20_000;

/// Where a run stands, for the progress bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Progress {
    Connecting,
    /// `done` of `total` outbox events handled.
    Pushing {
        done: usize,
        total: usize,
    },
    /// `rows` of the changes feed taken so far; `pending` after them
    /// where the server says (CouchDB does, PouchDB Server does not).
    Pulling {
        rows: usize,
        pending: Option<u64>,
    },
}

/// What a run did.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Events the server took from this device.
    pub pushed: usize,
    /// Outbox events the server had already (sent before an interruption,
    /// or by another device).
    pub already_there: usize,
    /// Events that stay in the outbox, with the server's reason.
    pub push_failures: Vec<(String, String)>,
    /// Events new to this device.
    pub pulled: Vec<Event>,
    /// The summaries of the cases they touched.
    pub summaries: Vec<CaseSummary>,
    /// Reference documents written or deleted.
    pub reference_changes: usize,
    /// Rows of the feed not taken, with why.
    pub skipped: Vec<Skipped>,
    /// Where the pull stopped: the long-poll waits from there.
    pub since: Option<Since>,
    /// The roles the server grants the account, as of this run.
    pub roles: Vec<String>,
}

/// What identifies this device and this server in replication ids.
struct Sides {
    device: String,
    remote: String,
    session: String,
}

/// Signs in (again) if the session cookie is not this account's, and
/// checks that the account may use the team's database. Gives the roles
/// the server grants the account now.
pub async fn connect(couch: &Couch, account: &SyncAccount) -> Result<Vec<String>, SyncProblem> {
    let current = match couch.session().await {
        Ok(session) => session,
        // A cookie the server no longer accepts reads as no session.
        Err(CouchError::NotAllowed(_)) => Session::default(),
        Err(e) => return Err(e.into()),
    };
    let session = if current.name.as_deref() == Some(account.user.as_str()) {
        current
    } else {
        couch.sign_in(&account.user, &account.password).await?;
        couch.session().await?
    };
    couch.check_access().await?;
    Ok(session.roles)
}

/// One whole run. `session` names it in the checkpoints' histories.
pub async fn run(
    store: &IdbStore,
    account: &SyncAccount,
    device: &str,
    session: &str,
    progress: &dyn Fn(Progress),
) -> Result<Report, SyncProblem> {
    progress(Progress::Connecting);
    let couch = Couch::new(&account.server, &account.team);
    let roles = connect(&couch, account).await?;
    // Without a uuid the URL names the server (see `remote_identity`).
    let uuid = couch.server_uuid().await.ok().flatten();
    let sides = Sides {
        // The person's database on this device: each person syncs their own.
        device: format!("device:{device}/{}", account.user),
        remote: remote_identity(uuid.as_deref(), &couch.db_url()),
        session: session.to_owned(),
    };
    let mut report = Report {
        roles,
        ..Report::default()
    };
    push(store, &couch, &sides, progress, &mut report).await?;
    pull(store, &couch, &sides, progress, &mut report).await?;
    Ok(report)
}

/// Sends the outbox, batch by batch: `_revs_diff`, `_bulk_docs` of what
/// the server lacks, then the outbox entries leave and both checkpoints
/// record how far this device got.
async fn push(
    store: &IdbStore,
    couch: &Couch,
    sides: &Sides,
    progress: &dyn Fn(Progress),
    report: &mut Report,
) -> Result<(), SyncProblem> {
    let ids = store.outbox_ids().await?;
    let total = ids.len();
    progress(Progress::Pushing { done: 0, total });
    if ids.is_empty() {
        return Ok(());
    }
    let rep = replication_id(&sides.device, &sides.remote, None, &BTreeMap::new());
    let mut remote_cp = couch.checkpoint(&rep.local_doc_id()).await?;
    let mut local_cp = store.local_checkpoint(&rep.local_doc_id()).await?;
    // The outbox is where a push resumes; its checkpoints count the events
    // this device has confirmed on the server, for whoever reads them.
    let mut confirmed = match local_cp.as_ref().map(|c| &c.last_seq) {
        Some(Seq::Number(n)) => *n,
        _ => 0,
    };
    let mut done = 0;
    for batch in batches(ids, PUSH_BATCH) {
        let events = store.events_by_ids(&batch).await?;
        let found: BTreeSet<String> = events.iter().map(|e| e.id.to_string()).collect();
        // A marker without its event (it cannot happen through the app)
        // would block the outbox forever: it leaves.
        let mut leave: Vec<String> = batch
            .iter()
            .filter(|id| !found.contains(*id))
            .cloned()
            .collect();
        let mut docs = Vec::with_capacity(events.len());
        for e in &events {
            match event_doc(e) {
                Ok(d) => docs.push(d),
                Err(err) => report
                    .push_failures
                    .push((e.id.to_string(), err.to_string())),
            }
        }
        let diff = couch.revs_diff(&revs_diff_request(&docs)).await?;
        let plan = what_to_push(docs, &diff);
        report.already_there += plan.already_there.len();
        leave.extend(plan.already_there.iter().map(ToString::to_string));
        if !plan.send.is_empty() {
            let results = couch.bulk_docs(&BulkDocsRequest::new(&plan.send)).await?;
            let outcome = after_bulk_docs(&plan.send, &results);
            report.pushed += outcome.done.len();
            confirmed += outcome.done.len() as u64;
            leave.extend(outcome.done.iter().map(ToString::to_string));
            let refusal = outcome.failed.iter().find(|f| f.is_refusal()).cloned();
            for f in outcome.failed {
                report
                    .push_failures
                    .push((f.event.to_string(), format!("{}: {}", f.error, f.reason)));
            }
            if let Some(f) = refusal {
                store.leave_outbox(&leave).await?;
                return Err(SyncProblem::NotAllowed(format!(
                    "{}: {}",
                    f.error, f.reason
                )));
            }
        }
        store.leave_outbox(&leave).await?;
        write_checkpoints(
            store,
            couch,
            &rep,
            &sides.session,
            &mut remote_cp,
            &mut local_cp,
            &Seq::Number(confirmed),
        )
        .await?;
        done += batch.len();
        progress(Progress::Pushing { done, total });
    }
    Ok(())
}

/// Takes the server's changes from where both checkpoints agree, one
/// `_changes` batch at a time, each written in one transaction before the
/// checkpoints move.
async fn pull(
    store: &IdbStore,
    couch: &Couch,
    sides: &Sides,
    progress: &dyn Fn(Progress),
    report: &mut Report,
) -> Result<(), SyncProblem> {
    let rep = replication_id(&sides.remote, &sides.device, None, &BTreeMap::new());
    let mut remote_cp = couch.checkpoint(&rep.local_doc_id()).await?;
    let mut local_cp = store.local_checkpoint(&rep.local_doc_id()).await?;
    let mut since = resume_from(local_cp.as_ref(), remote_cp.as_ref());
    let mut rows = 0;
    // Each case's log as this run has it, so a case spread over many
    // batches is read from IndexedDB once, not once per batch.
    let mut logs: BTreeMap<CaseId, CaseLog> = BTreeMap::new();
    progress(Progress::Pulling {
        rows,
        pending: None,
    });
    loop {
        let changes = couch.changes(&since, PULL_BATCH, false).await?;
        let batch = apply_changes(changes);
        let caught_up = batch.caught_up(PULL_BATCH);
        rows += batch.rows;
        let ids: Vec<String> = batch.events.iter().map(|e| e.id.to_string()).collect();
        let have = store.stored_event_ids(&ids).await?;
        let mut by_case: BTreeMap<CaseId, Vec<Event>> = BTreeMap::new();
        for e in batch.events {
            if !have.contains(&e.id.to_string()) {
                by_case.entry(e.case).or_default().push(e);
            }
        }
        let mut cases = Vec::with_capacity(by_case.len());
        if logs.values().map(CaseLog::len).sum::<usize>() > LOG_CACHE_EVENTS {
            logs.clear();
        }
        for (case, new) in by_case {
            let log = match logs.entry(case) {
                Entry::Occupied(o) => o.into_mut(),
                Entry::Vacant(v) => {
                    let mut log = CaseLog::new();
                    log.merge(store.load_case(case).await?);
                    v.insert(log)
                }
            };
            log.merge(new.iter().cloned());
            // A log that does not fold (two devices closing one case in
            // two ways, say) keeps its events; the case shows as damaged
            // until someone looks at it.
            let summary = log
                .state()
                .ok()
                .map(|s| care_core::insight::summary(log, &s));
            cases.push(PulledCase {
                events: new,
                summary,
            });
        }
        let ref_changes = batch.reference.len() + batch.deleted_reference.len();
        if !cases.is_empty() || ref_changes > 0 {
            store
                .apply_pulled(&cases, &batch.reference, &batch.deleted_reference)
                .await?;
        }
        report.reference_changes += ref_changes;
        for c in cases {
            report.summaries.extend(c.summary);
            report.pulled.extend(c.events);
        }
        report.skipped.extend(batch.skipped);
        write_checkpoints(
            store,
            couch,
            &rep,
            &sides.session,
            &mut remote_cp,
            &mut local_cp,
            &batch.last_seq,
        )
        .await?;
        since = Since::from_seq(&batch.last_seq);
        progress(Progress::Pulling {
            rows,
            pending: batch.pending,
        });
        if caught_up || batch.rows == 0 {
            break;
        }
    }
    report.since = Some(since);
    Ok(())
}

/// The server's checkpoint first, then this device's: a device never
/// records progress the server has not.
async fn write_checkpoints(
    store: &IdbStore,
    couch: &Couch,
    rep: &ReplicationId,
    session: &str,
    remote: &mut Option<Checkpoint>,
    local: &mut Option<Checkpoint>,
    last_seq: &Seq,
) -> Result<(), SyncProblem> {
    if let Some(mut cp) = checkpoint_after(remote.as_ref(), rep, session, last_seq) {
        cp.rev = Some(couch.put_checkpoint(&cp).await?);
        *remote = Some(cp);
    }
    if let Some(cp) = checkpoint_after(local.as_ref(), rep, session, last_seq) {
        store.store_local_checkpoint(&cp).await?;
        *local = Some(cp);
    }
    Ok(())
}

/// Waits on the server's changes feed from `since` until something
/// changes (or the server or the timeout ends the wait). `Ok(true)` if
/// there is something to pull.
pub async fn wait_for_changes(account: &SyncAccount, since: &Since) -> Result<bool, SyncProblem> {
    let couch = Couch::new(&account.server, &account.team);
    match couch.changes(since, 1, true).await {
        Ok(changes) => Ok(!changes.results.is_empty()),
        Err(CouchError::Timeout(_)) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

impl From<sync::SyncError> for SyncProblem {
    fn from(e: sync::SyncError) -> Self {
        CouchError::from(e).into()
    }
}
