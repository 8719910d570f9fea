//! The event store in IndexedDB.
//!
//! One transaction per operation, committed explicitly: `append` returns
//! only after the browser reports the commit, and that is when the UI may
//! say "saved". The schema is versioned and upgraded by a ladder.
//!
//! Everything personal is sealed (AES-GCM, `platform::crypto`) before it
//! enters a transaction: events, case summaries and drafts are stored as
//! `{ id, case?, sealed }`. Only ids (random UUIDs) stay clear, for the
//! keys and the case index. Records written before encryption are read as
//! they are and sealed at the first unlock (`seal_legacy`).

use crate::platform::crypto::{Cipher, CryptoError};
use care_core::demo_data::DemoData;
use care_core::lock::LockRecord;
use care_core::reference;
use care_core::store::{sort_for_listing, EventStore};
use care_core::{CaseId, CaseLog, CaseSummary, Event};
use indexed_db_futures::database::Database;
use indexed_db_futures::object_store::ObjectStore;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{Transaction, TransactionMode};
use std::cell::{Cell, RefCell};
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
/// - 5: `search`, the archive's search index as one sealed snapshot (key
///   `key`); `reindex`, the cases written since the snapshot (key `id`);
///   `outbox`, the events not yet sent to a sync server (key `id`). Each
///   append writes its marker in both, in the event's transaction.
///   `reference`: the reference data as sealed documents (key `key`: one
///   `shared`, one `customer/<n>` per customer, numbered, so that no key
///   names a customer).
pub const DB_VERSION: u32 = 5;

mod sync;
mod training;
pub use sync::{PulledCase, ReferenceOrigin, ReferenceSet, SyncAccount};
pub use training::{Assignment, ImportedScenario};

/// The database the app uses; tests open their own names.
pub const DB_NAME: &str = "care-assist";

const EVENTS: &str = "events";
const BY_CASE: &str = "by_case";
const CASES: &str = "cases";
const SETTINGS: &str = "settings";
const PACK_KEY: &str = "pack";
const DRAFTS: &str = "drafts";
const VAULT_KEY: &str = "vault";
const USERS_KEY: &str = "users";
const DEVICE_KEY: &str = "device";
const SEARCH: &str = "search";
const SNAPSHOT_KEY: &str = "index";
const REINDEX: &str = "reindex";
const OUTBOX: &str = "outbox";
const REFERENCE: &str = "reference";
const SHARED_DOC: &str = "shared";

/// An event waiting in the outbox, by its id (random, nothing personal).
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
struct Marker {
    id: String,
}

/// A case the search index has still to take: its id and the last event
/// of the summary written (ids only).
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
struct ReindexMark {
    id: String,
    last: String,
}

/// A reference document as kept: its name in clear, the rest sealed.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
struct SealedDoc {
    key: String,
    sealed: String,
}

/// The search index as kept: the summaries it holds, sealed together.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
struct SealedSnapshot {
    key: String,
    sealed: String,
}

/// An event as stored: its id and case in clear for the keys, the rest
/// sealed.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
struct SealedEvent {
    id: String,
    case: String,
    sealed: String,
}

/// A case summary as stored.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
struct SealedSummary {
    id: String,
    sealed: String,
}

/// What a record may be on disk: sealed, or as a version before
/// encryption wrote it.
#[derive(serde::Deserialize)]
#[serde(untagged)]
enum OnDisk<S, P> {
    Sealed(S),
    Plain(P),
}

/// A stored record whose personal part is sealed.
trait Sealed {
    fn sealed(&self) -> &str;
}

impl Sealed for SealedEvent {
    fn sealed(&self) -> &str {
        &self.sealed
    }
}

impl Sealed for SealedSummary {
    fn sealed(&self) -> &str {
        &self.sealed
    }
}

impl<S: Sealed, P: serde::de::DeserializeOwned> OnDisk<S, P> {
    /// The record as written before encryption, if it was.
    fn plain(self) -> Option<P> {
        match self {
            OnDisk::Plain(p) => Some(p),
            OnDisk::Sealed(_) => None,
        }
    }

    /// The record, opened with the key if it is sealed.
    async fn open(self, cipher: Option<&Cipher>) -> Result<P, StoreError> {
        match self {
            OnDisk::Plain(p) => Ok(p),
            OnDisk::Sealed(s) => Ok(cipher
                .ok_or(StoreError::Locked)?
                .open_json(s.sealed())
                .await?),
        }
    }
}

/// The user's vault: what it takes to derive the key again and to know it
/// is the right one, and the lock state. Nothing in it is personal, and
/// the key is not in it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Vault {
    key: String,
    /// Base64 of the PBKDF2 salt.
    pub salt: String,
    pub iterations: u32,
    /// A known text sealed with the key: opening it proves the PIN.
    pub check: String,
    pub idle_minutes: u32,
    pub lock: LockRecord,
}

/// The known text sealed into `Vault::check`.
pub const VAULT_CHECK: &str = "care-assist vault v1";

impl Vault {
    pub fn new(
        salt: String,
        iterations: u32,
        check: String,
        idle_minutes: u32,
        lock: LockRecord,
    ) -> Self {
        Self {
            key: VAULT_KEY.to_owned(),
            salt,
            iterations,
            check,
            idle_minutes,
            lock,
        }
    }
}

/// One person who works on this device (a shared tablet has several).
/// Each has a database of their own under their own key; only this
/// directory, kept in the device's first database, is shared.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LocalUser {
    /// A random id.
    pub id: String,
    /// The name they chose for the lock screen (staff, not customers).
    pub name: String,
    /// The IndexedDB database holding their vault and data.
    pub db: String,
}

/// The people of this device, and who worked last (the lock screen's
/// first choice).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Users {
    key: String,
    pub users: Vec<LocalUser>,
    pub last: Option<String>,
}

/// This device's own settings, in the first database: the id its events
/// carry and the interface language. Nothing personal.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DeviceSettings {
    key: String,
    pub device: String,
    pub lang: String,
}

impl DeviceSettings {
    pub fn new(device: String, lang: String) -> Self {
        Self {
            key: DEVICE_KEY.to_owned(),
            device,
            lang,
        }
    }
}

/// The id of the device's first user, whose data is in `DB_NAME`.
pub const FIRST_USER: &str = "first";

impl Users {
    pub fn new(users: Vec<LocalUser>, last: Option<String>) -> Self {
        Self {
            key: USERS_KEY.to_owned(),
            users,
            last,
        }
    }
}

/// The database of a user added after the first.
pub fn user_db_name(user_id: &str) -> String {
    format!("{DB_NAME}~{user_id}")
}

/// One form field's unrecorded value, as JSON, sealed.
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
    /// The key is not in memory: the app is locked.
    #[error("the local data is locked")]
    Locked,
    #[error("encryption failed: {0}")]
    Crypto(String),
}

impl From<CryptoError> for StoreError {
    fn from(e: CryptoError) -> Self {
        match e {
            CryptoError::Open | CryptoError::Format(_) => StoreError::Damaged(e.to_string()),
            _ => StoreError::Crypto(e.to_string()),
        }
    }
}

fn write_error(e: impl std::fmt::Display) -> StoreError {
    let text = e.to_string();
    // QuotaExceededError, by name or by message ("quota has been exceeded").
    if text.to_lowercase().contains("quota") {
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
    /// The open key; `None` while locked.
    cipher: RefCell<Option<Rc<Cipher>>>,
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
                if from < 5 {
                    db.create_object_store(SEARCH)
                        .with_key_path("key".into())
                        .build()?;
                    db.create_object_store(REINDEX)
                        .with_key_path("id".into())
                        .build()?;
                    db.create_object_store(OUTBOX)
                        .with_key_path("id".into())
                        .build()?;
                    db.create_object_store(REFERENCE)
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
        let store = IdbStore {
            db,
            cipher: RefCell::new(None),
        };
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

    /// Puts the key in memory: personal data can be read and written.
    pub fn unlock(&self, cipher: Cipher) {
        self.cipher.replace(Some(Rc::new(cipher)));
    }

    /// Drops the key from memory.
    pub fn lock(&self) {
        self.cipher.replace(None);
    }

    pub fn is_unlocked(&self) -> bool {
        self.cipher.borrow().is_some()
    }

    fn cipher(&self) -> Result<Rc<Cipher>, StoreError> {
        self.cipher.borrow().clone().ok_or(StoreError::Locked)
    }

    /// The user's vault, if one was set up on this device.
    pub async fn vault(&self) -> Result<Option<Vault>, StoreError> {
        self.setting(VAULT_KEY).await
    }

    /// The people of this device; `None` until a second one was added.
    pub async fn users(&self) -> Result<Option<Users>, StoreError> {
        self.setting(USERS_KEY).await
    }

    /// This device's settings, if kept.
    pub async fn device_settings(&self) -> Result<Option<DeviceSettings>, StoreError> {
        self.setting(DEVICE_KEY).await
    }

    pub async fn store_device_settings(&self, s: &DeviceSettings) -> Result<(), StoreError> {
        self.keep_setting(s).await
    }

    pub async fn store_users(&self, users: &Users) -> Result<(), StoreError> {
        self.keep_setting(users).await
    }

    /// Keeps the vault (made at setup; its lock state changes on every
    /// try).
    pub async fn store_vault(&self, vault: &Vault) -> Result<(), StoreError> {
        self.keep_setting(vault).await
    }

    /// Seals every record a version before encryption left in clear. Each
    /// store is read, sealed outside any transaction, then rewritten in one
    /// transaction: a failure leaves the clear records to be sealed next
    /// time, never half of a record.
    pub async fn seal_legacy(&self) -> Result<usize, StoreError> {
        let cipher = self.cipher()?;
        let mut sealed = 0;

        let stored = self.read_all::<OnDisk<SealedEvent, Event>>(EVENTS).await?;
        let mut events = Vec::new();
        for e in stored.into_iter().filter_map(OnDisk::plain) {
            events.push(seal_event(&cipher, &e).await?);
        }
        sealed += self.put_all(EVENTS, &events).await?;

        let stored = self
            .read_all::<OnDisk<SealedSummary, CaseSummary>>(CASES)
            .await?;
        let mut cases = Vec::new();
        for c in stored.into_iter().filter_map(OnDisk::plain) {
            cases.push(seal_summary(&cipher, &c).await?);
        }
        sealed += self.put_all(CASES, &cases).await?;
        Ok(sealed)
    }

    async fn read_all<T: serde::de::DeserializeOwned>(
        &self,
        store: &str,
    ) -> Result<Vec<T>, StoreError> {
        let tx = self.db.transaction(store).build().map_err(read_error)?;
        let os = tx.object_store(store).map_err(read_error)?;
        os.get_all()
            .serde()
            .map_err(read_error)?
            .await
            .map_err(read_error)?
            .collect::<Result<Vec<T>, _>>()
            .map_err(|e| StoreError::Damaged(e.to_string()))
    }

    async fn put_all<T: serde::Serialize>(
        &self,
        store: &str,
        values: &[T],
    ) -> Result<usize, StoreError> {
        if values.is_empty() {
            return Ok(0);
        }
        let tx = self
            .db
            .transaction(store)
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(write_error)?;
        let os = tx.object_store(store).map_err(write_error)?;
        for v in values {
            put(&os, v).await?;
        }
        tx.commit().await.map_err(write_error)?;
        Ok(values.len())
    }

    /// The schema version of the open database.
    pub fn version(&self) -> u32 {
        self.db.version() as u32
    }

    /// A readwrite transaction over the stores every event write keeps in
    /// step: the events, the case summaries, and the marks of what the
    /// search index and the outbox have still to take.
    fn write_case(&self) -> Result<Transaction<'_>, StoreError> {
        self.db
            .transaction([EVENTS, CASES, REINDEX, OUTBOX])
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(write_error)
    }

    /// The imported pack, if one was imported.
    pub async fn stored_pack(&self) -> Result<Option<StoredPack>, StoreError> {
        self.setting(PACK_KEY).await
    }

    /// One record of the settings store, by its key.
    async fn setting<T: serde::de::DeserializeOwned>(
        &self,
        key: &str,
    ) -> Result<Option<T>, StoreError> {
        let tx = self.db.transaction(SETTINGS).build().map_err(read_error)?;
        let settings = tx.object_store(SETTINGS).map_err(read_error)?;
        settings
            .get(key)
            .serde()
            .map_err(read_error)?
            .await
            .map_err(|e| StoreError::Damaged(e.to_string()))
    }

    /// Keeps one record of the settings store (its key is in it).
    async fn keep_setting<T: serde::Serialize>(&self, value: &T) -> Result<(), StoreError> {
        let tx = self.write_settings()?;
        let settings = tx.object_store(SETTINGS).map_err(write_error)?;
        put(&settings, value).await?;
        tx.commit().await.map_err(write_error)
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
        self.keep_setting(pack).await
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
        let Some(found) = found else {
            return Ok(None);
        };
        let plain = self.cipher()?.open(&found.value).await?;
        String::from_utf8(plain)
            .map(Some)
            .map_err(|e| StoreError::Damaged(e.to_string()))
    }

    /// Keeps a form field's value, or forgets it (`None`) once recorded or
    /// emptied.
    pub async fn set_draft(&self, key: &str, value: Option<&str>) -> Result<(), StoreError> {
        let sealed = match value {
            Some(v) => Some(self.cipher()?.seal(v.as_bytes()).await?),
            None => None,
        };
        let tx = self
            .db
            .transaction(DRAFTS)
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(write_error)?;
        let drafts = tx.object_store(DRAFTS).map_err(write_error)?;
        match sealed {
            Some(value) => {
                let draft = Draft {
                    key: key.to_owned(),
                    value,
                };
                put(&drafts, &draft).await?;
            }
            None => drafts.delete(key).await.map_err(write_error)?,
        }
        tx.commit().await.map_err(write_error)
    }

    /// Writes whole cases at once (a demo archive, or cases another device
    /// made): every event, each case's summary and its search mark, in one
    /// transaction. Events are put in the outbox only when `outgoing`:
    /// what came from elsewhere is not sent back.
    pub async fn import_cases(
        &self,
        cases: &[(Vec<Event>, CaseSummary)],
        outgoing: bool,
    ) -> Result<(), StoreError> {
        let cipher = self.cipher()?;
        // Sealed before the transaction, all at once: WebCrypto works on
        // them side by side.
        let events = futures::future::try_join_all(
            cases
                .iter()
                .flat_map(|(events, _)| events)
                .map(|e| seal_event(&cipher, e)),
        )
        .await?;
        let summaries =
            futures::future::try_join_all(cases.iter().map(|(_, s)| seal_summary(&cipher, s)))
                .await?;
        let tx = self.write_case()?;
        let event_store = tx.object_store(EVENTS).map_err(write_error)?;
        let case_store = tx.object_store(CASES).map_err(write_error)?;
        let reindex = tx.object_store(REINDEX).map_err(write_error)?;
        let outbox = tx.object_store(OUTBOX).map_err(write_error)?;
        put_each(&event_store, &events).await?;
        if outgoing {
            let markers: Vec<Marker> = events.iter().map(|e| Marker { id: e.id.clone() }).collect();
            put_each(&outbox, &markers).await?;
        }
        put_each(&case_store, &summaries).await?;
        let marks: Vec<ReindexMark> = cases.iter().map(|(_, s)| ReindexMark::of(s)).collect();
        put_each(&reindex, &marks).await?;
        tx.commit().await.map_err(write_error)
    }

    /// How many cases are stored (sealed or not; no key needed).
    pub async fn case_count(&self) -> Result<usize, StoreError> {
        self.count(CASES).await
    }

    /// How many events wait to be sent to a sync server.
    pub async fn outbox_count(&self) -> Result<usize, StoreError> {
        self.count(OUTBOX).await
    }

    async fn count(&self, store: &str) -> Result<usize, StoreError> {
        let tx = self.db.transaction(store).build().map_err(read_error)?;
        let os = tx.object_store(store).map_err(read_error)?;
        let n = os.count().await.map_err(read_error)?;
        Ok(n as usize)
    }

    /// The search index as last kept, opened; `None` if none was kept.
    pub async fn search_snapshot(&self) -> Result<Option<Vec<CaseSummary>>, StoreError> {
        let tx = self.db.transaction(SEARCH).build().map_err(read_error)?;
        let os = tx.object_store(SEARCH).map_err(read_error)?;
        let found: Option<SealedSnapshot> = os
            .get(SNAPSHOT_KEY)
            .serde()
            .map_err(read_error)?
            .await
            .map_err(|e| StoreError::Damaged(e.to_string()))?;
        drop(tx);
        match found {
            Some(s) => Ok(Some(self.cipher()?.open_json(&s.sealed).await?)),
            None => Ok(None),
        }
    }

    /// The cases written since the search index was last kept.
    pub async fn cases_to_reindex(&self) -> Result<Vec<CaseId>, StoreError> {
        let marks: Vec<ReindexMark> = self.read_all(REINDEX).await?;
        Ok(marks
            .into_iter()
            .filter_map(|m| m.id.parse().ok())
            .collect())
    }

    /// The summaries of the cases `ids` that are stored, opened.
    pub async fn summaries_of(&self, ids: &[CaseId]) -> Result<Vec<CaseSummary>, StoreError> {
        let keys: Vec<String> = ids.iter().map(ToString::to_string).collect();
        self.open_by_keys::<SealedSummary, CaseSummary>(CASES, &keys)
            .await
    }

    /// The records of `store` under `keys` that exist, opened, in the
    /// order asked; read in one transaction, opened after it.
    async fn open_by_keys<S, P>(&self, store: &str, keys: &[String]) -> Result<Vec<P>, StoreError>
    where
        S: Sealed + serde::de::DeserializeOwned,
        P: serde::de::DeserializeOwned,
    {
        let tx = self.db.transaction(store).build().map_err(read_error)?;
        let os = tx.object_store(store).map_err(read_error)?;
        // Every request is issued before any is awaited: IndexedDB runs
        // them back to back instead of one event-loop turn each.
        let requests = keys
            .iter()
            .map(|key| {
                os.get::<OnDisk<S, P>, _, _>(key.as_str())
                    .serde()
                    .map_err(read_error)
            })
            .collect::<Result<Vec<_>, _>>()?;
        let stored: Vec<OnDisk<S, P>> = futures::future::try_join_all(requests)
            .await
            .map_err(|e| StoreError::Damaged(e.to_string()))?
            .into_iter()
            .flatten()
            .collect();
        drop(tx);
        let cipher = self.cipher()?;
        futures::future::try_join_all(stored.into_iter().map(|r| {
            let cipher = cipher.clone();
            async move { r.open(Some(&cipher)).await }
        }))
        .await
    }

    /// Keeps the search index, and clears the marks of the cases it now
    /// covers, in one transaction. A mark of a summary newer than the one
    /// kept (written meanwhile) stays for the next time.
    pub async fn store_search_snapshot(&self, summaries: &[CaseSummary]) -> Result<(), StoreError> {
        let sealed = self.cipher()?.seal_json(&summaries).await?;
        let tx = self
            .db
            .transaction([SEARCH, REINDEX])
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(write_error)?;
        let search = tx.object_store(SEARCH).map_err(write_error)?;
        let reindex = tx.object_store(REINDEX).map_err(write_error)?;
        let snapshot = SealedSnapshot {
            key: SNAPSHOT_KEY.to_owned(),
            sealed,
        };
        put(&search, &snapshot).await?;
        let marks: Vec<ReindexMark> = reindex
            .get_all()
            .serde()
            .map_err(write_error)?
            .await
            .map_err(write_error)?
            .collect::<Result<_, _>>()
            .map_err(|e| StoreError::Damaged(e.to_string()))?;
        let kept: BTreeMap<String, String> = summaries
            .iter()
            .map(|s| (s.id.to_string(), s.last_event.to_string()))
            .collect();
        for m in marks {
            // Event ids are time-ordered text of one width: they compare
            // as strings.
            if kept.get(&m.id).is_some_and(|last| *last >= m.last) {
                reindex.delete(m.id).await.map_err(write_error)?;
            }
        }
        tx.commit().await.map_err(write_error)
    }

    /// The reference data kept on this device, opened; `None` if none is.
    pub async fn reference(&self) -> Result<Option<DemoData>, StoreError> {
        Ok(self.reference_set().await?.map(|r| r.data))
    }

    /// Replaces the reference data kept on this device, whole, in one
    /// transaction: a failure leaves the earlier set as it was.
    pub async fn store_reference(&self, data: DemoData) -> Result<(), StoreError> {
        let cipher = self.cipher()?;
        let (shared, customers) = reference::split(data);
        let mut docs = vec![SealedDoc {
            key: SHARED_DOC.to_owned(),
            sealed: cipher.seal_json(&shared).await?,
        }];
        // Keyed by position, not by the customer's id: keys stay clear.
        let cipher = &cipher;
        let sealed =
            futures::future::try_join_all(customers.iter().enumerate().map(|(i, c)| async move {
                Ok::<_, StoreError>(SealedDoc {
                    key: format!("customer/{i:06}"),
                    sealed: cipher.seal_json(c).await?,
                })
            }))
            .await?;
        docs.extend(sealed);
        let tx = self
            .db
            .transaction(REFERENCE)
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(write_error)?;
        let os = tx.object_store(REFERENCE).map_err(write_error)?;
        os.clear()
            .map_err(write_error)?
            .await
            .map_err(write_error)?;
        for d in &docs {
            put(&os, d).await?;
        }
        tx.commit().await.map_err(write_error)
    }

    /// Recomputes every case summary from the events.
    /// Summaries are sealed when the key is in memory; the version-1
    /// upgrade runs before any unlock and writes them as that version's
    /// data was, in clear, for `seal_legacy` to seal.
    pub async fn rebuild_summaries(&self) -> Result<usize, StoreError> {
        let cipher = self.cipher.borrow().clone();
        let mut logs: BTreeMap<CaseId, CaseLog> = BTreeMap::new();
        for e in self.all_events(cipher.as_deref()).await? {
            logs.entry(e.case).or_default().merge([e]);
        }
        // A case whose log does not fold is kept as events and left out
        // of the list rather than failing the whole upgrade.
        let summaries: Vec<CaseSummary> = logs
            .values()
            .filter_map(|log| {
                log.state()
                    .ok()
                    .map(|s| care_core::insight::summary(log, &s))
            })
            .collect();
        match cipher {
            Some(c) => {
                let mut sealed = Vec::with_capacity(summaries.len());
                for s in &summaries {
                    sealed.push(seal_summary(&c, s).await?);
                }
                self.put_all(CASES, &sealed).await
            }
            None => self.put_all(CASES, &summaries).await,
        }
    }

    /// Every event, opened; a sealed one without the key is an error.
    async fn all_events(&self, cipher: Option<&Cipher>) -> Result<Vec<Event>, StoreError> {
        let mut out = Vec::new();
        for r in self.read_all::<OnDisk<SealedEvent, Event>>(EVENTS).await? {
            out.push(r.open(cipher).await?);
        }
        Ok(out)
    }
}

async fn seal_event(cipher: &Cipher, e: &Event) -> Result<SealedEvent, StoreError> {
    Ok(SealedEvent {
        id: e.id.to_string(),
        case: e.case.to_string(),
        sealed: cipher.seal_json(e).await?,
    })
}

async fn seal_summary(cipher: &Cipher, s: &CaseSummary) -> Result<SealedSummary, StoreError> {
    Ok(SealedSummary {
        id: s.id.to_string(),
        sealed: cipher.seal_json(s).await?,
    })
}

impl ReindexMark {
    fn of(summary: &CaseSummary) -> Self {
        Self {
            id: summary.id.to_string(),
            last: summary.last_event.to_string(),
        }
    }
}

/// Puts many records: every request is issued before any is awaited, so
/// IndexedDB runs them back to back instead of one event-loop turn each.
async fn put_each<'v, T: serde::Serialize + 'v>(
    store: &ObjectStore<'_>,
    values: impl IntoIterator<Item = &'v T>,
) -> Result<(), StoreError> {
    let requests = values
        .into_iter()
        .map(|v| store.put(v).serde().map_err(write_error))
        .collect::<Result<Vec<_>, _>>()?;
    futures::future::try_join_all(requests)
        .await
        .map_err(write_error)?;
    Ok(())
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
        // Sealed first: awaiting WebCrypto inside the transaction would let
        // it commit early.
        let cipher = self.cipher()?;
        let sealed_event = seal_event(&cipher, event).await?;
        let sealed_summary = seal_summary(&cipher, summary).await?;
        let tx = self.write_case()?;
        let events = tx.object_store(EVENTS).map_err(write_error)?;
        let cases = tx.object_store(CASES).map_err(write_error)?;
        let reindex = tx.object_store(REINDEX).map_err(write_error)?;
        let outbox = tx.object_store(OUTBOX).map_err(write_error)?;
        // `put`, not `add`: an id names one immutable event, so writing it
        // again (a retry) stores the same thing. The four requests are
        // issued together and awaited together (see `put_each`).
        let marker = Marker {
            id: sealed_event.id.clone(),
        };
        futures::future::try_join4(
            put(&events, &sealed_event),
            put(&cases, &sealed_summary),
            put(&reindex, &ReindexMark::of(summary)),
            put(&outbox, &marker),
        )
        .await?;
        tx.commit().await.map_err(write_error)
    }

    async fn load_case(&self, case: CaseId) -> Result<Vec<Event>, StoreError> {
        let tx = self.db.transaction(EVENTS).build().map_err(read_error)?;
        let events = tx.object_store(EVENTS).map_err(read_error)?;
        let index = events.index(BY_CASE).map_err(read_error)?;
        let stored: Vec<OnDisk<SealedEvent, Event>> = index
            .get_all()
            .with_query::<String, _>(case.to_string())
            .serde()
            .map_err(read_error)?
            .await
            .map_err(read_error)?
            .collect::<Result<_, _>>()
            .map_err(|e| StoreError::Damaged(e.to_string()))?;
        drop(tx);
        let cipher = self.cipher()?;
        let mut list = Vec::with_capacity(stored.len());
        for r in stored {
            list.push(r.open(Some(&cipher)).await?);
        }
        // The index orders by primary key within a case; sort anyway so the
        // contract does not rest on that.
        list.sort_by_key(|e| e.id);
        Ok(list)
    }

    async fn list_cases(&self) -> Result<Vec<CaseSummary>, StoreError> {
        let tx = self.db.transaction(CASES).build().map_err(read_error)?;
        let cases = tx.object_store(CASES).map_err(read_error)?;
        let stored: Vec<OnDisk<SealedSummary, CaseSummary>> = cases
            .get_all()
            .serde()
            .map_err(read_error)?
            .await
            .map_err(read_error)?
            .collect::<Result<_, _>>()
            .map_err(|e| StoreError::Damaged(e.to_string()))?;
        drop(tx);
        let cipher = self.cipher()?;
        let mut list = Vec::with_capacity(stored.len());
        for r in stored {
            list.push(r.open(Some(&cipher)).await?);
        }
        sort_for_listing(&mut list);
        Ok(list)
    }
}
