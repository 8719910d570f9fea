//! What sync keeps on the device: the account (sealed: it holds the
//! password), the local checkpoints, the sync log, the outbox, and the
//! batches pulled from the server, each written in one transaction.

use super::{
    put_each, read_error, seal_event, seal_summary, write_error, IdbStore, Marker, ReindexMark,
    SealedDoc, SealedEvent, StoreError, CASES, EVENTS, OUTBOX, REFERENCE, REINDEX, SETTINGS,
    SHARED_DOC,
};
use care_core::demo_data::DemoData;
use care_core::reference::{self, CustomerDoc, SharedDoc};
use care_core::sync::{reference_key, Checkpoint, PackDoc, RefBody, RefDoc};
use care_core::{CaseSummary, Event};
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use std::collections::BTreeSet;

const ACCOUNT_KEY: &str = "sync-account";
const LOG_KEY: &str = "sync-log";
const CHECKPOINT_PREFIX: &str = "checkpoint/";
const SERVER_PREFIX: &str = "ref/";

/// Where and as whom this person syncs. Kept sealed: the password is in
/// it, so that a sync can sign in again on its own when the session ends.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SyncAccount {
    pub server: String,
    pub team: String,
    pub user: String,
    pub password: String,
    /// The roles the server granted at the last sign-in or run: kept so a
    /// team lead stays one offline. Absent in accounts kept before roles.
    #[serde(default)]
    pub roles: Vec<String>,
}

/// A local checkpoint as kept (no personal data: sequences and ids).
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
struct LocalCheckpoint {
    key: String,
    checkpoint: Checkpoint,
}

/// Where the reference data on the device came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReferenceOrigin {
    /// Made on this device from the demo seed.
    Demo,
    /// Pulled from the team's sync server.
    Server,
}

/// The reference data on the device, and the knowledge packs the server
/// sent with it.
#[derive(Clone, Debug)]
pub struct ReferenceSet {
    pub data: DemoData,
    pub origin: ReferenceOrigin,
    /// `(document id, pack)`, by id.
    pub packs: Vec<(String, PackDoc)>,
}

/// One case of a pulled batch: the events new to this device, and the
/// case's summary with them (none if its log does not fold).
pub struct PulledCase {
    pub events: Vec<Event>,
    pub summary: Option<CaseSummary>,
}

impl IdbStore {
    /// The sync account, opened; `None` if this person has not signed in.
    pub async fn sync_account(&self) -> Result<Option<SyncAccount>, StoreError> {
        self.sealed_setting(ACCOUNT_KEY).await
    }

    /// Keeps the account, or forgets it (`None`: signed out).
    pub async fn store_sync_account(
        &self,
        account: Option<&SyncAccount>,
    ) -> Result<(), StoreError> {
        match account {
            Some(a) => self.keep_sealed_setting(ACCOUNT_KEY, a).await,
            None => self.forget_setting(ACCOUNT_KEY).await,
        }
    }

    /// The sync log, opened (empty if none was kept).
    pub async fn sync_log<T: serde::de::DeserializeOwned>(&self) -> Result<Vec<T>, StoreError> {
        Ok(self.sealed_setting(LOG_KEY).await?.unwrap_or_default())
    }

    pub async fn store_sync_log<T: serde::Serialize>(&self, log: &[T]) -> Result<(), StoreError> {
        self.keep_sealed_setting(LOG_KEY, &log).await
    }

    /// This device's checkpoint of the replication `local_doc_id`.
    pub async fn local_checkpoint(
        &self,
        local_doc_id: &str,
    ) -> Result<Option<Checkpoint>, StoreError> {
        let found: Option<LocalCheckpoint> = self
            .setting(&format!("{CHECKPOINT_PREFIX}{local_doc_id}"))
            .await?;
        Ok(found.map(|f| f.checkpoint))
    }

    pub async fn store_local_checkpoint(&self, checkpoint: &Checkpoint) -> Result<(), StoreError> {
        self.keep_setting(&LocalCheckpoint {
            key: format!("{CHECKPOINT_PREFIX}{}", checkpoint.id),
            checkpoint: checkpoint.clone(),
        })
        .await
    }

    /// The ids of the events waiting to be sent, oldest first (event ids
    /// are time-ordered).
    pub async fn outbox_ids(&self) -> Result<Vec<String>, StoreError> {
        let markers: Vec<Marker> = self.read_all(OUTBOX).await?;
        let mut ids: Vec<String> = markers.into_iter().map(|m| m.id).collect();
        ids.sort();
        Ok(ids)
    }

    /// The stored events among `ids`, opened, in the order asked.
    pub async fn events_by_ids(&self, ids: &[String]) -> Result<Vec<Event>, StoreError> {
        self.open_by_keys::<SealedEvent, Event>(EVENTS, ids).await
    }

    /// Takes events off the outbox (the server has them), in one
    /// transaction.
    pub async fn leave_outbox(&self, ids: &[String]) -> Result<(), StoreError> {
        if ids.is_empty() {
            return Ok(());
        }
        let tx = self
            .db
            .transaction(OUTBOX)
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(write_error)?;
        let os = tx.object_store(OUTBOX).map_err(write_error)?;
        // Issued together, awaited together (see `put_each`).
        let requests = ids
            .iter()
            .map(|id| os.delete(id.as_str()).primitive().map_err(write_error))
            .collect::<Result<Vec<_>, _>>()?;
        futures::future::try_join_all(requests)
            .await
            .map_err(write_error)?;
        tx.commit().await.map_err(write_error)
    }

    /// Which of the events `ids` this device has already.
    pub async fn stored_event_ids(&self, ids: &[String]) -> Result<BTreeSet<String>, StoreError> {
        let tx = self.db.transaction(EVENTS).build().map_err(read_error)?;
        let events = tx.object_store(EVENTS).map_err(read_error)?;
        let requests = ids
            .iter()
            .map(|id| {
                events
                    .count()
                    .with_query(id.as_str())
                    .primitive()
                    .map_err(read_error)
            })
            .collect::<Result<Vec<_>, _>>()?;
        let counts = futures::future::try_join_all(requests)
            .await
            .map_err(read_error)?;
        let found = ids
            .iter()
            .zip(counts)
            .filter(|(_, n)| *n > 0)
            .map(|(id, _)| id.clone())
            .collect();
        Ok(found)
    }

    /// Writes one pulled batch in one transaction: the new events, their
    /// cases' summaries and search marks, and the reference documents put
    /// or deleted on the server. The first server document replaces the
    /// demo set made on this device. Nothing goes to the outbox: what came
    /// from the server is not sent back.
    pub async fn apply_pulled(
        &self,
        cases: &[PulledCase],
        put_refs: &[RefDoc],
        deleted_refs: &[String],
    ) -> Result<(), StoreError> {
        let cipher = self.cipher()?;
        let events = futures::future::try_join_all(
            cases
                .iter()
                .flat_map(|c| &c.events)
                .map(|e| seal_event(&cipher, e)),
        )
        .await?;
        let summaries = futures::future::try_join_all(
            cases
                .iter()
                .filter_map(|c| c.summary.as_ref())
                .map(|s| seal_summary(&cipher, s)),
        )
        .await?;
        let mut docs = Vec::with_capacity(put_refs.len());
        for d in put_refs {
            let value = d
                .to_value()
                .map_err(|e| StoreError::Damaged(e.to_string()))?;
            docs.push(SealedDoc {
                key: reference_key(&d.id),
                sealed: cipher.seal_json(&value).await?,
            });
        }
        let tx = self
            .db
            .transaction([EVENTS, CASES, REINDEX, REFERENCE])
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(write_error)?;
        let event_store = tx.object_store(EVENTS).map_err(write_error)?;
        let case_store = tx.object_store(CASES).map_err(write_error)?;
        let reindex = tx.object_store(REINDEX).map_err(write_error)?;
        let reference = tx.object_store(REFERENCE).map_err(write_error)?;
        put_each(&event_store, &events).await?;
        put_each(&case_store, &summaries).await?;
        let marks: Vec<ReindexMark> = cases
            .iter()
            .filter_map(|c| c.summary.as_ref())
            .map(ReindexMark::of)
            .collect();
        put_each(&reindex, &marks).await?;
        if !docs.is_empty() {
            // The demo set gives way to the server's: its keys are the
            // ones not under `ref/`.
            let keys: Vec<String> = reference
                .get_all_keys::<String>()
                .primitive()
                .map_err(write_error)?
                .await
                .map_err(write_error)?
                .collect::<Result<_, _>>()
                .map_err(write_error)?;
            for key in keys.iter().filter(|k| !k.starts_with(SERVER_PREFIX)) {
                reference.delete(key.as_str()).await.map_err(write_error)?;
            }
        }
        put_each(&reference, &docs).await?;
        for id in deleted_refs {
            reference
                .delete(reference_key(id).as_str())
                .await
                .map_err(write_error)?;
        }
        tx.commit().await.map_err(write_error)
    }

    /// The reference data on the device: the server's documents if any
    /// were pulled, else the demo set (`None` if there is neither).
    pub async fn reference_set(&self) -> Result<Option<ReferenceSet>, StoreError> {
        let stored: Vec<SealedDoc> = self.read_all(REFERENCE).await?;
        let cipher = self.cipher()?;
        let (server, demo): (Vec<_>, Vec<_>) = stored
            .into_iter()
            .partition(|d| d.key.starts_with(SERVER_PREFIX));
        if server.is_empty() {
            let Some(shared) = demo.iter().find(|d| d.key == SHARED_DOC) else {
                return Ok(None);
            };
            let shared: SharedDoc = cipher.open_json(&shared.sealed).await?;
            let customers = futures::future::try_join_all(
                demo.iter()
                    .filter(|d| d.key != SHARED_DOC)
                    .map(|d| cipher.open_json::<CustomerDoc>(&d.sealed)),
            )
            .await?;
            return Ok(Some(ReferenceSet {
                data: reference::join(shared, customers),
                origin: ReferenceOrigin::Demo,
                packs: Vec::new(),
            }));
        }
        let values = futures::future::try_join_all(
            server
                .iter()
                .map(|d| cipher.open_json::<serde_json::Value>(&d.sealed)),
        )
        .await?;
        let mut docs = values
            .into_iter()
            .map(RefDoc::from_value)
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| StoreError::Damaged(e.to_string()))?;
        docs.sort_by(|a, b| a.id.cmp(&b.id));
        let mut shared = None;
        let mut customers = Vec::new();
        let mut packs = Vec::new();
        for d in docs {
            match d.body {
                // One shared document is expected; with several, the
                // first by id is used.
                RefBody::Shared(s) => {
                    shared.get_or_insert(*s);
                }
                RefBody::Customer(c) => customers.push(*c),
                RefBody::Pack(p) => packs.push((d.id, p)),
                RefBody::Scenario(_) => {}
            }
        }
        let shared = shared.unwrap_or_else(empty_shared);
        Ok(Some(ReferenceSet {
            data: reference::join(shared, customers),
            origin: ReferenceOrigin::Server,
            packs,
        }))
    }

    /// A settings record whose value is sealed (`{ key, sealed }`).
    async fn sealed_setting<T: serde::de::DeserializeOwned>(
        &self,
        key: &str,
    ) -> Result<Option<T>, StoreError> {
        let found: Option<SealedDoc> = self.setting(key).await?;
        match found {
            Some(d) => Ok(Some(self.cipher()?.open_json(&d.sealed).await?)),
            None => Ok(None),
        }
    }

    async fn keep_sealed_setting<T: serde::Serialize>(
        &self,
        key: &str,
        value: &T,
    ) -> Result<(), StoreError> {
        let sealed = self.cipher()?.seal_json(value).await?;
        self.keep_setting(&SealedDoc {
            key: key.to_owned(),
            sealed,
        })
        .await
    }

    async fn forget_setting(&self, key: &str) -> Result<(), StoreError> {
        let tx = self
            .db
            .transaction(SETTINGS)
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(write_error)?;
        let os = tx.object_store(SETTINGS).map_err(write_error)?;
        os.delete(key).await.map_err(write_error)?;
        tx.commit().await.map_err(write_error)
    }
}

/// A server that sends customers but no shared document: no catalogue,
/// no network events.
fn empty_shared() -> SharedDoc {
    SharedDoc {
        seed: 0,
        generated_at: time::OffsetDateTime::UNIX_EPOCH,
        plans: Vec::new(),
        services: Vec::new(),
        countries: Vec::new(),
        areas: Vec::new(),
        network_events: Vec::new(),
        scenarios: Default::default(),
    }
}
