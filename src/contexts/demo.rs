//! The reference data: customers and their records, kept sealed in
//! IndexedDB and in memory only while the app is unlocked.
//!
//! With no server, the reference data is the demo set, generated in the
//! browser from a fixed seed (the same customers on every device; their
//! bills and usage lead up to today) and kept in IndexedDB, where a sync
//! server's data will go too. A set made on an earlier day is made again,
//! so the records still lead up to today.

use crate::contexts::store::Db;
use crate::platform::clock;
use crate::platform::idb::{ReferenceOrigin, ReferenceSet, StoreError};
use care_core::demo_data::{self, DemoData};
use care_core::{Customer, CustomerId};
use leptos::prelude::*;
use std::sync::Arc;

/// The seed of the demo data: changing it changes every customer.
pub const DEMO_SEED: u64 = 20_261_125;

/// Reference data: the customers this device knows. Provided to the
/// screens once loaded, below the lock.
#[derive(Clone)]
pub struct Demo {
    pub data: Arc<DemoData>,
}

impl Demo {
    pub fn customer(&self, id: &CustomerId) -> Option<&Customer> {
        self.data.customer(id)
    }

    /// Customers whose phone, account or ID number contains the query.
    pub fn lookup(&self, query: &str) -> Vec<&Customer> {
        self.data.lookup(query)
    }
}

/// Where loading the reference data stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReferenceState {
    /// Locked: nothing in memory.
    Idle,
    Loading,
    Ready,
    Failed(StoreError),
}

/// The reference data of the person working, while unlocked.
#[derive(Clone, Copy)]
pub struct Reference {
    pub data: RwSignal<Option<Arc<DemoData>>>,
    pub state: RwSignal<ReferenceState>,
    /// Bumped each time a sync brings new reference data.
    pub version: RwSignal<u64>,
    /// The knowledge packs the team's server sent: `(id, TOML source)`.
    pub server_packs: RwSignal<Vec<(String, String)>>,
    db: Db,
}

impl Reference {
    /// Reads the reference data from IndexedDB; makes and keeps the demo
    /// set when there is none, or when it was made on an earlier day.
    pub async fn load(self) {
        self.state.set(ReferenceState::Loading);
        let store = self.db.get();
        let now = clock::now();
        let today = now.to_offset(clock::local_offset()).date();
        let kept = match store.reference_set().await {
            Ok(found) => found,
            // A damaged set is only reference data: it is made again.
            Err(StoreError::Damaged(e)) => {
                leptos::logging::warn!("reference data damaged, made again: {e}");
                None
            }
            Err(e) => {
                self.state.set(ReferenceState::Failed(e));
                return;
            }
        };
        // The server's data is the server's to update; the demo set is
        // made again each day.
        let current = kept
            .filter(|r| {
                r.origin == ReferenceOrigin::Server
                    || r.data.seed != DEMO_SEED
                    || r.data.generated_at.to_offset(clock::local_offset()).date() == today
            })
            .map(|r| {
                self.server_packs.set(packs_of(&r));
                r.data
            });
        let data = match current {
            Some(d) => d,
            None => {
                let made = demo_data::generate(DEMO_SEED, now);
                if let Err(e) = store.store_reference(made.clone()).await {
                    // Still usable in memory; it is made again next time.
                    leptos::logging::warn!("reference data not kept: {e}");
                }
                made
            }
        };
        self.data.set(Some(Arc::new(data)));
        self.state.set(ReferenceState::Ready);
    }

    /// Reads the reference data again after a sync changed it, without
    /// taking the screens down meanwhile.
    pub async fn refresh(self) {
        match self.db.get().reference_set().await {
            Ok(Some(set)) => {
                self.server_packs.set(packs_of(&set));
                self.data.set(Some(Arc::new(set.data)));
                self.version.update(|v| *v += 1);
            }
            Ok(None) => {}
            Err(e) => leptos::logging::warn!("reference data not read again: {e}"),
        }
    }

    /// The customer with `id`, if the data is loaded and knows them.
    pub fn customer(&self, id: &CustomerId) -> Option<Customer> {
        self.data
            .with_untracked(|d| d.as_ref().and_then(|d| d.customer(id).cloned()))
    }

    /// Takes the personal data out of memory (the app locked).
    pub fn clear(self) {
        self.data.set(None);
        self.state.set(ReferenceState::Idle);
    }
}

fn packs_of(set: &ReferenceSet) -> Vec<(String, String)> {
    set.packs
        .iter()
        .map(|(id, p)| (id.clone(), p.source.clone()))
        .collect()
}

pub fn provide_reference(db: Db) -> Reference {
    let reference = Reference {
        data: RwSignal::new(None),
        state: RwSignal::new(ReferenceState::Idle),
        version: RwSignal::new(0),
        server_packs: RwSignal::new(Vec::new()),
        db,
    };
    provide_context(reference);
    reference
}

pub fn use_reference() -> Reference {
    expect_context::<Reference>()
}

/// Gives the screens below the loaded reference data.
pub fn provide_demo(data: Arc<DemoData>) {
    provide_context(Demo { data });
}

pub fn use_demo() -> Demo {
    expect_context::<Demo>()
}
