//! The archive's search index (`care_core::search`), in memory while the
//! app is unlocked.
//!
//! At unlock it is read from IndexedDB: the sealed snapshot, then the cases
//! marked as written since (every append marks its case in the event's own
//! transaction). Each recorded event updates it at once; it is kept back
//! every few changes and after loading. Locking drops it with the key.

use crate::contexts::demo::Reference;
use crate::contexts::store::Db;
use crate::platform::idb::StoreError;
use care_core::search::{Query, SearchIndex};
use care_core::store::EventStore;
use care_core::CaseSummary;
use leptos::prelude::*;

/// Changes after which the index is kept back in IndexedDB. Until then the
/// marks of the changed cases stand in for it, so nothing is lost.
const KEEP_EVERY: usize = 25;

/// Where the index stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IndexState {
    /// Locked: no index in memory.
    Idle,
    Loading,
    Ready,
    Failed(StoreError),
}

#[derive(Clone, Copy)]
pub struct Search {
    index: StoredValue<SearchIndex, LocalStorage>,
    pub state: RwSignal<IndexState>,
    /// Moves on every change, so that results are read again.
    version: RwSignal<u64>,
    unkept: StoredValue<usize>,
    db: Db,
    reference: Reference,
}

/// What a search shows: the first cases found and how many in all.
#[derive(Clone, Debug, PartialEq)]
pub struct Results {
    pub total: usize,
    pub cases: Vec<CaseSummary>,
}

impl Search {
    /// Reads the index from IndexedDB, bringing it up to date.
    pub async fn load(self) {
        self.state.set(IndexState::Loading);
        match self.read().await {
            Ok(changed) => {
                self.version.update(|v| *v += 1);
                self.state.set(IndexState::Ready);
                if changed {
                    self.keep().await;
                }
            }
            Err(e) => self.state.set(IndexState::Failed(e)),
        }
    }

    /// Fills the index; true if it differs from the kept snapshot.
    async fn read(self) -> Result<bool, StoreError> {
        let store = self.db.get();
        let snapshot = store.search_snapshot().await?;
        let mut changed = snapshot.is_none();
        let summaries = match snapshot {
            Some(kept) => {
                let marked = store.cases_to_reindex().await?;
                changed |= !marked.is_empty();
                let mut all = kept;
                all.extend(store.summaries_of(&marked).await?);
                all
            }
            None => {
                // First unlock since the index existed: summaries written by
                // older versions lack what search reads, so refold them.
                store.rebuild_summaries().await?;
                store.list_cases().await?
            }
        };
        let mut index = SearchIndex::new();
        self.fill(&mut index, summaries);
        // A snapshot that misses cases (written by a version without marks,
        // or by a tab that died between them) is rebuilt from every summary.
        if index.len() != store.case_count().await? {
            changed = true;
            self.fill(&mut index, store.list_cases().await?);
        }
        // Summaries written before insight (or its gap lists) existed lack
        // what the insights screen reads: refold them once, from their logs.
        let stale = index
            .summaries()
            .any(|s| s.training.is_none() && !s.insight.as_ref().is_some_and(|f| f.is_current()));
        if stale {
            changed = true;
            store.rebuild_summaries().await?;
            index = SearchIndex::new();
            self.fill(&mut index, store.list_cases().await?);
        }
        self.index.set_value(index);
        Ok(changed)
    }

    /// Indexes summaries with their customers from the reference data.
    fn fill(self, index: &mut SearchIndex, summaries: impl IntoIterator<Item = CaseSummary>) {
        self.reference.data.with_untracked(|data| {
            for s in summaries {
                let customer = data
                    .as_ref()
                    .and_then(|d| s.customer.as_ref().and_then(|id| d.customer(id)));
                index.upsert(s, customer);
            }
        });
    }

    /// Takes a case's new summary, as soon as its event is recorded.
    pub fn upsert(self, summary: CaseSummary) {
        self.upsert_all(std::iter::once(summary));
        self.unkept.update_value(|n| *n += 1);
        if self.unkept.get_value() >= KEEP_EVERY {
            leptos::task::spawn_local(self.keep());
        }
    }

    /// Takes many summaries (an imported archive); the caller keeps the
    /// index once done.
    pub fn upsert_all(self, summaries: impl IntoIterator<Item = CaseSummary>) {
        if self.state.get_untracked() != IndexState::Ready {
            // Not loaded yet: the marks written with the events bring
            // these in when it loads.
            return;
        }
        self.index.update_value(|index| self.fill(index, summaries));
        self.version.update(|v| *v += 1);
    }

    /// Keeps the index in IndexedDB. A failure is harmless: the marks stay
    /// and the next load reads those cases again.
    pub async fn keep(self) {
        self.unkept.set_value(0);
        let summaries: Vec<CaseSummary> =
            self.index.with_value(|i| i.summaries().cloned().collect());
        if let Err(e) = self.db.get().store_search_snapshot(&summaries).await {
            leptos::logging::warn!("search index not kept: {e}");
        }
    }

    /// Drops the index from memory (the app locked).
    pub fn clear(self) {
        self.index.set_value(SearchIndex::new());
        self.unkept.set_value(0);
        self.state.set(IndexState::Idle);
        self.version.update(|v| *v += 1);
    }

    /// The cases matching `query`, most recently updated first; reactive.
    pub fn find(&self, query: &Query, limit: usize) -> Results {
        self.version.track();
        self.index.with_value(|i| {
            let found = i.search(query, limit);
            Results {
                total: found.total,
                cases: found.hits.iter().map(|h| h.summary.clone()).collect(),
            }
        })
    }

    /// The training sessions on this device, newest first; reactive.
    pub fn training_sessions(&self) -> Vec<CaseSummary> {
        self.version.track();
        let mut all: Vec<CaseSummary> = self.index.with_value(|i| i.training().cloned().collect());
        all.sort_by(|a, b| b.opened_at.cmp(&a.opened_at).then(b.id.cmp(&a.id)));
        all
    }

    /// The customer a case is about, as its summary says; not reactive.
    pub fn customer_of(&self, case: care_core::CaseId) -> Option<care_core::CustomerId> {
        self.index
            .try_with_value(|i| i.get(case).and_then(|s| s.customer.clone()))
            .flatten()
    }

    /// What the metrics need of every real case on this device; reactive.
    pub fn insight_facts(&self) -> Vec<care_core::insight::CaseFacts> {
        self.version.track();
        self.index
            .with_value(|i| i.summaries().filter_map(|s| s.insight.clone()).collect())
    }

    /// A number that moves whenever the archive changes; reactive.
    pub fn changes(&self) -> u64 {
        self.version.get()
    }

    /// Cases waiting for their follow-up, soonest deadline first; reactive.
    pub fn awaiting_follow_up(&self) -> Vec<CaseSummary> {
        self.version.track();
        let mut due: Vec<CaseSummary> = self.index.with_value(|i| {
            i.summaries()
                .filter(|s| s.follow_up_by.is_some() && s.training.is_none())
                .cloned()
                .collect()
        });
        due.sort_by_key(|s| (s.follow_up_by, s.id));
        due
    }
}

/// Provides the index and loads it whenever the app is unlocked, once the
/// reference data (for the customers' names and numbers) is loaded.
pub fn provide_search(db: Db, reference: Reference, unlocked: Signal<bool>) -> Search {
    let search = Search {
        index: StoredValue::new_local(SearchIndex::new()),
        state: RwSignal::new(IndexState::Idle),
        version: RwSignal::new(0),
        unkept: StoredValue::new(0),
        db,
        reference,
    };
    Effect::new(move |_| {
        if unlocked.get() {
            leptos::task::spawn_local(async move {
                reference.load().await;
                search.load().await;
            });
        } else {
            reference.clear();
            search.clear();
        }
    });
    provide_context(search);
    search
}

pub fn use_search() -> Search {
    expect_context::<Search>()
}
