//! The event store in IndexedDB.
//!
//! One transaction per operation, committed explicitly: `append` returns
//! only after the browser reports the commit, and that is when the UI may
//! say "saved". The schema is versioned and upgraded by a ladder.

use care_core::store::{sort_for_listing, EventStore};
use care_core::{CaseId, CaseLog, CaseSummary, Event};
use indexed_db_futures::database::Database;
use indexed_db_futures::object_store::ObjectStore;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{Transaction, TransactionMode};
use std::cell::Cell;
use std::collections::BTreeMap;
use std::rc::Rc;
use thiserror::Error;

/// The current schema version.
///
/// - 1: `events` (key `id`) with the `by_case` index on `case`.
/// - 2: `cases`, the case summaries for the list (key `id`), rebuilt from
///   the events of a version-1 database.
/// - 3: `settings`, small records by name (key `key`): the imported
///   knowledge pack.
/// - 4: `drafts`, what the agent has typed or picked in a form but not yet
///   recorded (key `key`, "case/field"), so a reload loses nothing.
pub const DB_VERSION: u32 = 4;

/// The database the app uses; tests open their own names.
pub const DB_NAME: &str = "care-assist";

const EVENTS: &str = "events";
const BY_CASE: &str = "by_case";
const CASES: &str = "cases";
const SETTINGS: &str = "settings";
const PACK_KEY: &str = "pack";
const DRAFTS: &str = "drafts";

/// One form field's unrecorded value, as JSON.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct Draft {
    key: String,
    value: String,
}

/// A knowledge pack the team lead imported, kept as its source text so it
/// is validated again by whatever version of the app reads it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StoredPack {
    key: String,
    pub file: String,
    pub source: String,
    /// When it was imported, RFC 3339.
    pub imported_at: String,
}

impl StoredPack {
    pub fn new(file: String, source: String, imported_at: String) -> Self {
        Self {
            key: PACK_KEY.to_owned(),
            file,
            source,
            imported_at,
        }
    }
}

/// What went wrong with local storage, in terms the UI can explain.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum StoreError {
    #[error("the local database cannot be opened: {0}")]
    Open(String),
    #[error("the local database could not be upgraded; nothing was changed: {0}")]
    Upgrade(String),
    #[error("the device storage is full: {0}")]
    Full(String),
    #[error("the local database refused the write: {0}")]
    Write(String),
    #[error("the local database could not be read: {0}")]
    Read(String),
    #[error("a stored record is damaged: {0}")]
    Damaged(String),
}

fn write_error(e: impl std::fmt::Display) -> StoreError {
    let text = e.to_string();
    if text.contains("Quota") {
        StoreError::Full(text)
    } else {
        StoreError::Write(text)
    }
}

fn read_error(e: impl std::fmt::Display) -> StoreError {
    StoreError::Read(e.to_string())
}

/// The IndexedDB event store.
pub struct IdbStore {
    db: Database,
}

impl IdbStore {
    /// Opens (creating or upgrading) the database `name`.
    pub async fn open(name: &str) -> Result<IdbStore, StoreError> {
        let old = Rc::new(Cell::new(None::<u32>));
        let seen = old.clone();
        let db = Database::open(name)
            .with_version(DB_VERSION)
            .with_on_upgrade_needed(move |event, db| {
                let from = event.old_version() as u32;
                seen.set(Some(from));
                // The ladder: each rung takes the schema one version up.
                if from < 1 {
                    let events = db
                        .create_object_store(EVENTS)
                        .with_key_path("id".into())
                        .build()?;
                    events.create_index(BY_CASE, "case".into()).build()?;
                }
                if from < 2 {
                    db.create_object_store(CASES)
                        .with_key_path("id".into())
                        .build()?;
                }
                if from < 3 {
                    db.create_object_store(SETTINGS)
                        .with_key_path("key".into())
                        .build()?;
                }
                if from < 4 {
                    db.create_object_store(DRAFTS)
                        .with_key_path("key".into())
                        .build()?;
                }
                Ok(())
            })
            .await
            .map_err(|e| match old.get() {
                Some(_) => StoreError::Upgrade(e.to_string()),
                None => StoreError::Open(e.to_string()),
            })?;
        let store = IdbStore { db };
        // Data rungs run after the schema is in place, in their own
        // transactions: a failure leaves the events untouched.
        if matches!(old.get(), Some(from) if (1..2).contains(&from)) {
            store
                .rebuild_summaries()
                .await
                .map_err(|e| StoreError::Upgrade(e.to_string()))?;
        }
        Ok(store)
    }

    /// The schema version of the open database.
    pub fn version(&self) -> u32 {
        self.db.version() as u32
    }

    /// A readwrite transaction over the events and the case summaries,
    /// the two stores every write keeps in step.
    fn write_both(&self) -> Result<Transaction<'_>, StoreError> {
        self.db
            .transaction([EVENTS, CASES])
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(write_error)
    }

    /// The imported pack, if one was imported.
    pub async fn stored_pack(&self) -> Result<Option<StoredPack>, StoreError> {
        let tx = self.db.transaction(SETTINGS).build().map_err(read_error)?;
        let settings = tx.object_store(SETTINGS).map_err(read_error)?;
        settings
            .get(PACK_KEY)
            .serde()
            .map_err(read_error)?
            .await
            .map_err(|e| StoreError::Damaged(e.to_string()))
    }

    /// A readwrite transaction over the settings store.
    fn write_settings(&self) -> Result<Transaction<'_>, StoreError> {
        self.db
            .transaction(SETTINGS)
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(write_error)
    }

    /// Keeps an imported pack (replacing any earlier one).
    pub async fn store_pack(&self, pack: &StoredPack) -> Result<(), StoreError> {
        let tx = self.write_settings()?;
        let settings = tx.object_store(SETTINGS).map_err(write_error)?;
        put(&settings, pack).await?;
        tx.commit().await.map_err(write_error)
    }

    /// Forgets the imported pack: the embedded one applies again.
    pub async fn forget_pack(&self) -> Result<(), StoreError> {
        let tx = self.write_settings()?;
        let settings = tx.object_store(SETTINGS).map_err(write_error)?;
        settings.delete(PACK_KEY).await.map_err(write_error)?;
        tx.commit().await.map_err(write_error)
    }

    /// The unrecorded value of a form field (`key` is "case/field").
    pub async fn draft(&self, key: &str) -> Result<Option<String>, StoreError> {
        let tx = self.db.transaction(DRAFTS).build().map_err(read_error)?;
        let drafts = tx.object_store(DRAFTS).map_err(read_error)?;
        let found: Option<Draft> = drafts
            .get(key)
            .serde()
            .map_err(read_error)?
            .await
            .map_err(|e| StoreError::Damaged(e.to_string()))?;
        Ok(found.map(|d| d.value))
    }

    /// Keeps a form field's value, or forgets it (`None`) once recorded or
    /// emptied.
    pub async fn set_draft(&self, key: &str, value: Option<&str>) -> Result<(), StoreError> {
        let tx = self
            .db
            .transaction(DRAFTS)
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(write_error)?;
        let drafts = tx.object_store(DRAFTS).map_err(write_error)?;
        match value {
            Some(value) => {
                let draft = Draft {
                    key: key.to_owned(),
                    value: value.to_owned(),
                };
                put(&drafts, &draft).await?;
            }
            None => drafts.delete(key).await.map_err(write_error)?,
        }
        tx.commit().await.map_err(write_error)
    }

    /// Recomputes every case summary from the events.
    pub async fn rebuild_summaries(&self) -> Result<usize, StoreError> {
        let tx = self.write_both()?;
        let events = tx.object_store(EVENTS).map_err(read_error)?;
        let cases = tx.object_store(CASES).map_err(write_error)?;
        let all: Vec<Event> = events
            .get_all()
            .serde()
            .map_err(read_error)?
            .await
            .map_err(read_error)?
            .collect::<Result<_, _>>()
            .map_err(read_error)?;
        let mut logs: BTreeMap<CaseId, CaseLog> = BTreeMap::new();
        for e in all {
            logs.entry(e.case).or_default().merge([e]);
        }
        let mut rebuilt = 0;
        for log in logs.values() {
            // A case whose log does not fold is kept as events and left
            // out of the list rather than failing the whole upgrade.
            if let Ok(state) = log.state() {
                put(&cases, &state.summary()).await?;
                rebuilt += 1;
            }
        }
        tx.commit().await.map_err(write_error)?;
        Ok(rebuilt)
    }
}

/// Puts one record, awaiting only the IndexedDB request (anything else
/// awaited inside a transaction would let it close).
async fn put<T: serde::Serialize>(store: &ObjectStore<'_>, value: &T) -> Result<(), StoreError> {
    store
        .put(value)
        .serde()
        .map_err(write_error)?
        .await
        .map_err(write_error)?;
    Ok(())
}

impl EventStore for IdbStore {
    type Error = StoreError;

    async fn append(&self, event: &Event, summary: &CaseSummary) -> Result<(), StoreError> {
        let tx = self.write_both()?;
        let events = tx.object_store(EVENTS).map_err(write_error)?;
        let cases = tx.object_store(CASES).map_err(write_error)?;
        // `put`, not `add`: an id names one immutable event, so writing it
        // again (a retry) stores the same thing.
        put(&events, event).await?;
        put(&cases, summary).await?;
        tx.commit().await.map_err(write_error)
    }

    async fn load_case(&self, case: CaseId) -> Result<Vec<Event>, StoreError> {
        let tx = self.db.transaction(EVENTS).build().map_err(read_error)?;
        let events = tx.object_store(EVENTS).map_err(read_error)?;
        let index = events.index(BY_CASE).map_err(read_error)?;
        let mut list: Vec<Event> = index
            .get_all()
            .with_query::<String, _>(case.to_string())
            .serde()
            .map_err(read_error)?
            .await
            .map_err(read_error)?
            .collect::<Result<_, _>>()
            .map_err(|e| StoreError::Damaged(e.to_string()))?;
        // The index orders by primary key within a case; sort anyway so the
        // contract does not rest on that.
        list.sort_by_key(|e| e.id);
        Ok(list)
    }

    async fn list_cases(&self) -> Result<Vec<CaseSummary>, StoreError> {
        let tx = self.db.transaction(CASES).build().map_err(read_error)?;
        let cases = tx.object_store(CASES).map_err(read_error)?;
        let mut list: Vec<CaseSummary> = cases
            .get_all()
            .serde()
            .map_err(read_error)?
            .await
            .map_err(read_error)?
            .collect::<Result<_, _>>()
            .map_err(|e| StoreError::Damaged(e.to_string()))?;
        sort_for_listing(&mut list);
        Ok(list)
    }
}
