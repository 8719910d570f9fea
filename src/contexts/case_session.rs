//! The case open on screen: its log, its folded state, and the one path by
//! which anything is recorded into it.

use crate::contexts::search::{use_search, Search};
use crate::contexts::store::Db;
use crate::contexts::sync::{use_sync, Sync};
use crate::i18n::Msg;
use crate::platform::{clock, idb::StoreError, settings};
use care_core::store::{record, RecordError};
use care_core::{CaseId, CaseLog, CaseState, Event, EventBody, Stage};
use leptos::prelude::*;

/// Where the last write stands. "Saved" is only set once IndexedDB has
/// committed the transaction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    Idle,
    Saving,
    Saved,
    Failed(StoreError),
}

#[derive(Clone, Copy)]
pub struct CaseSession {
    pub id: CaseId,
    pub log: RwSignal<CaseLog>,
    pub state: Memo<Option<CaseState>>,
    pub save: RwSignal<SaveStatus>,
    /// A refusal to explain (a skipped stage), cleared by the next move.
    pub notice: RwSignal<Option<Msg>>,
    db: Db,
    search: Search,
    sync: Sync,
}

impl CaseSession {
    pub fn new(db: Db, id: CaseId, log: CaseLog) -> Self {
        let log = RwSignal::new(log);
        let state = Memo::new(move |_| log.with(|l| l.state().ok()));
        Self {
            id,
            log,
            state,
            save: RwSignal::new(SaveStatus::Idle),
            notice: RwSignal::new(None),
            db,
            search: use_search(),
            sync: use_sync(),
        }
    }

    pub fn busy(&self) -> bool {
        self.save.get_untracked() == SaveStatus::Saving
    }

    /// Records one event and updates the screen once it is durable.
    /// Writes are taken one at a time so the log on screen never runs
    /// ahead of the log on disk.
    pub async fn record(self, body: EventBody) -> Result<CaseState, StoreError> {
        self.save.set(SaveStatus::Saving);
        let event = Event {
            id: clock::new_event_id(),
            case: self.id,
            device: settings::device_id(),
            at: clock::now(),
            body,
        };
        let mut log = self.log.get_untracked();
        let store = self.db.get();
        match record(&*store, &mut log, event).await {
            Ok(state) => {
                self.search
                    .upsert(care_core::insight::summary(&log, &state));
                self.log.set(log);
                self.sync.note_change();
                self.save.set(SaveStatus::Saved);
                Ok(state)
            }
            Err(RecordError::Store(e)) => {
                self.save.set(SaveStatus::Failed(e.clone()));
                Err(e)
            }
            Err(RecordError::Fold(e)) => {
                let e = StoreError::Damaged(e.to_string());
                self.save.set(SaveStatus::Failed(e.clone()));
                Err(e)
            }
        }
    }
}

impl CaseSession {
    /// Moves the case to `to` if the stage machine allows it, then puts the
    /// focus on the new stage's heading.
    pub fn move_to(self, to: Stage) {
        if self.busy() {
            return;
        }
        let Some(state) = self.state.get_untracked() else {
            return;
        };
        if state.stage == to {
            focus_stage_heading();
            return;
        }
        if state.check_move(to).is_err() {
            self.notice.set(Some(Msg::MoveRefused));
            return;
        }
        self.notice.set(None);
        leptos::task::spawn_local(async move {
            if self
                .record(EventBody::StageEntered { stage: to })
                .await
                .is_ok()
            {
                focus_stage_heading();
            }
        });
    }
}

/// Opens a case (a real one, or a training session when `training` is
/// set) and returns it once it is kept; the search index and the sync loop
/// hear of it. The customer is found at intake, as on a real call.
pub async fn open_case(
    db: Db,
    search: Search,
    sync: Sync,
    channel: care_core::Channel,
    training: Option<care_core::TrainingRef>,
    agent: Option<care_core::AgentRef>,
) -> Result<CaseId, StoreError> {
    let case = clock::new_case_id();
    let event = Event {
        id: clock::new_event_id(),
        case,
        device: settings::device_id(),
        at: clock::now(),
        body: EventBody::CaseOpened {
            agent,
            channel,
            customer: None,
            training,
        },
    };
    let mut log = CaseLog::new();
    let store = db.get();
    match record(&*store, &mut log, event).await {
        Ok(state) => {
            search.upsert(care_core::insight::summary(&log, &state));
            sync.note_change();
            Ok(case)
        }
        Err(RecordError::Store(e)) => Err(e),
        Err(RecordError::Fold(e)) => Err(StoreError::Damaged(e.to_string())),
    }
}

/// Who is taking a contact: the account they sync as, with its team, or
/// else the name they unlock this device with (none for a device set up
/// before people had names).
pub fn current_agent(sync: Sync, lock: crate::contexts::lock::Lock) -> Option<care_core::AgentRef> {
    if let Some(account) = sync.account.try_get_untracked().flatten() {
        return Some(care_core::AgentRef {
            name: account.user,
            team: Some(account.team),
        });
    }
    let current = lock.current.try_get_untracked()?;
    lock.users
        .try_with_untracked(|users| {
            users
                .iter()
                .find(|u| u.id == current && !u.name.trim().is_empty())
                .map(|u| care_core::AgentRef {
                    name: u.name.trim().to_owned(),
                    team: None,
                })
        })
        .flatten()
}

/// Focus goes to the heading of the stage shown, after it is drawn.
pub fn focus_stage_heading() {
    request_animation_frame(|| {
        use wasm_bindgen::JsCast;
        if let Some(el) = document()
            .get_element_by_id(STAGE_HEADING_ID)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}

/// The id of the current stage panel's heading.
pub const STAGE_HEADING_ID: &str = "stage-heading";

pub fn provide_case_session(session: CaseSession) {
    provide_context(session);
}

pub fn use_case_session() -> CaseSession {
    expect_context::<CaseSession>()
}
