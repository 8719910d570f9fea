//! The event store contract. The app keeps events in IndexedDB; this crate
//! holds the contract, an in-memory store, and one conformance suite that
//! both run (the in-memory one natively, IndexedDB under wasm-bindgen-test).

use crate::case::{CaseId, CaseState, CaseSummary, Event};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::convert::Infallible;

/// Where a case's events are kept. `append` returns only once the event is
/// durable: the UI shows "saved" on that, never before.
// Browser futures are not `Send`; the store is single-threaded by design.
#[allow(async_fn_in_trait)]
pub trait EventStore {
    type Error: std::error::Error;

    /// Appends one event and the case summary after it, atomically.
    async fn append(&self, event: &Event, summary: &CaseSummary) -> Result<(), Self::Error>;

    /// A case's events, in id order.
    async fn load_case(&self, case: CaseId) -> Result<Vec<Event>, Self::Error>;

    /// Every case, most recently updated first.
    async fn list_cases(&self) -> Result<Vec<CaseSummary>, Self::Error>;
}

/// Sorts summaries the way the case list shows them: most recent first.
pub fn sort_for_listing(cases: &mut [CaseSummary]) {
    cases.sort_by(|a, b| b.updated_at.cmp(&a.updated_at).then(b.id.cmp(&a.id)));
}

/// A store in memory, for native tests and for the trainer's throwaway cases.
#[derive(Default)]
pub struct MemoryStore {
    events: RefCell<BTreeMap<CaseId, BTreeMap<crate::case::EventId, Event>>>,
    summaries: RefCell<BTreeMap<CaseId, CaseSummary>>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }
}

impl EventStore for MemoryStore {
    type Error = Infallible;

    async fn append(&self, event: &Event, summary: &CaseSummary) -> Result<(), Infallible> {
        self.events
            .borrow_mut()
            .entry(event.case)
            .or_default()
            .entry(event.id)
            .or_insert_with(|| event.clone());
        self.summaries
            .borrow_mut()
            .insert(summary.id, summary.clone());
        Ok(())
    }

    async fn load_case(&self, case: CaseId) -> Result<Vec<Event>, Infallible> {
        Ok(self
            .events
            .borrow()
            .get(&case)
            .map(|m| m.values().cloned().collect())
            .unwrap_or_default())
    }

    async fn list_cases(&self) -> Result<Vec<CaseSummary>, Infallible> {
        let mut list: Vec<_> = self.summaries.borrow().values().cloned().collect();
        sort_for_listing(&mut list);
        Ok(list)
    }
}

/// Appends `event` to `store`, after checking it folds onto `state`, and
/// returns the new state. The one path the app uses to record anything.
pub async fn record<S: EventStore>(
    store: &S,
    log: &mut crate::case::CaseLog,
    event: Event,
) -> Result<CaseState, RecordError<S::Error>> {
    let mut next = log.clone();
    next.merge([event.clone()]);
    let state = next.state().map_err(RecordError::Fold)?;
    store
        .append(&event, &crate::insight::summary(&next, &state))
        .await
        .map_err(RecordError::Store)?;
    *log = next;
    Ok(state)
}

/// Why an event could not be recorded.
#[derive(Debug, thiserror::Error)]
pub enum RecordError<E: std::error::Error> {
    #[error("the event does not fit the case: {0}")]
    Fold(crate::case::FoldError),
    #[error("the event could not be saved: {0}")]
    Store(E),
}

/// The behaviour every `EventStore` must show. Each check builds its own
/// cases from `seed` so that it can run against a store that already holds
/// data (a browser database is shared between tests).
pub mod conformance {
    use super::{record, EventStore};
    use crate::case::{
        CaseId, CaseLog, Channel, DeviceId, Event, EventBody, EventId, IdSource, Stage,
    };
    use crate::customer::CustomerId;
    use time::OffsetDateTime;

    /// A failed expectation, in words.
    #[derive(Debug, thiserror::Error)]
    #[error("{0}")]
    pub struct Failure(pub String);

    fn check(ok: bool, what: impl FnOnce() -> String) -> Result<(), Failure> {
        if ok {
            Ok(())
        } else {
            Err(Failure(what()))
        }
    }

    struct Writer {
        ids: IdSource,
        device: DeviceId,
        ms: u64,
        seed: u128,
    }

    impl Writer {
        fn new(seed: u64) -> Self {
            let mut ids = IdSource::new();
            let device = DeviceId::from_uuid(ids.next(1_764_000_000_000 + seed, u128::from(seed)));
            Self {
                ids,
                device,
                ms: 1_764_000_000_000 + seed * 1_000_000,
                seed: u128::from(seed),
            }
        }

        fn event(&mut self, case: CaseId, body: EventBody) -> Event {
            self.ms += 1000;
            let id = EventId::from_uuid(self.ids.next(self.ms, self.seed));
            let at = OffsetDateTime::from_unix_timestamp((self.ms / 1000) as i64)
                .unwrap_or(OffsetDateTime::UNIX_EPOCH);
            Event {
                id,
                case,
                device: self.device,
                at,
                body,
            }
        }

        fn open(&mut self, customer: &str) -> (CaseId, Event) {
            self.ms += 1000;
            let case = CaseId::from_uuid(self.ids.next(self.ms, self.seed));
            let e = self.event(
                case,
                EventBody::CaseOpened {
                    agent: None,
                    channel: Channel::Store,
                    customer: Some(CustomerId::new(customer)),
                    training: None,
                },
            );
            (case, e)
        }
    }

    async fn write<S: EventStore>(store: &S, log: &mut CaseLog, e: Event) -> Result<(), Failure> {
        record(store, log, e)
            .await
            .map(|_| ())
            .map_err(|err| Failure(err.to_string()))
    }

    /// What is appended is loaded back, equal and in order, and listed.
    pub async fn append_and_load_round_trip<S: EventStore>(
        store: &S,
        seed: u64,
    ) -> Result<(), Failure> {
        let mut w = Writer::new(seed);
        let mut log = CaseLog::new();
        let (case, open) = w.open("C-1001");
        let events = vec![
            open,
            w.event(
                case,
                EventBody::StageEntered {
                    stage: Stage::Listen,
                },
            ),
            w.event(
                case,
                EventBody::NoteAdded {
                    text: "客户：上月流量被多扣 <b>2GB</b>".into(),
                },
            ),
        ];
        for e in events.clone() {
            write(store, &mut log, e).await?;
        }
        let loaded = store
            .load_case(case)
            .await
            .map_err(|e| Failure(e.to_string()))?;
        check(loaded == events, || {
            format!("loaded {loaded:?}, appended {events:?}")
        })?;
        let listed = store
            .list_cases()
            .await
            .map_err(|e| Failure(e.to_string()))?;
        let summary = listed.iter().find(|s| s.id == case);
        check(
            summary.is_some_and(|s| {
                s.stage == Stage::Listen && s.note_count == 1 && s.event_count == 3
            }),
            || format!("the list shows {summary:?} for the case"),
        )
    }

    /// Two cases written in turn keep their own events.
    pub async fn cases_are_kept_apart<S: EventStore>(store: &S, seed: u64) -> Result<(), Failure> {
        let mut w = Writer::new(seed);
        let (a, open_a) = w.open("C-A");
        let (b, open_b) = w.open("C-B");
        let (mut log_a, mut log_b) = (CaseLog::new(), CaseLog::new());
        write(store, &mut log_a, open_a).await?;
        write(store, &mut log_b, open_b).await?;
        let note_a = w.event(a, EventBody::NoteAdded { text: "A".into() });
        let note_b = w.event(b, EventBody::NoteAdded { text: "B".into() });
        write(store, &mut log_a, note_a.clone()).await?;
        write(store, &mut log_b, note_b.clone()).await?;
        let loaded_a = store
            .load_case(a)
            .await
            .map_err(|e| Failure(e.to_string()))?;
        let loaded_b = store
            .load_case(b)
            .await
            .map_err(|e| Failure(e.to_string()))?;
        check(
            loaded_a.len() == 2 && loaded_a.iter().all(|e| e.case == a),
            || format!("case A holds {loaded_a:?}"),
        )?;
        check(
            loaded_b.len() == 2 && loaded_b.iter().all(|e| e.case == b),
            || format!("case B holds {loaded_b:?}"),
        )?;
        check(
            loaded_a.contains(&note_a) && loaded_b.contains(&note_b),
            || "a note landed in the wrong case".into(),
        )
    }

    /// Appending the same event twice (a retry after a lost answer) keeps one copy.
    pub async fn a_repeated_append_keeps_one_copy<S: EventStore>(
        store: &S,
        seed: u64,
    ) -> Result<(), Failure> {
        let mut w = Writer::new(seed);
        let (case, open) = w.open("C-R");
        let mut log = CaseLog::new();
        write(store, &mut log, open.clone()).await?;
        let summary = log.state().map_err(|e| Failure(e.to_string()))?.summary();
        store
            .append(&open, &summary)
            .await
            .map_err(|e| Failure(e.to_string()))?;
        let loaded = store
            .load_case(case)
            .await
            .map_err(|e| Failure(e.to_string()))?;
        check(loaded.len() == 1, || {
            format!("the case holds {} events", loaded.len())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::executor::block_on;

    #[test]
    fn memory_store_round_trips() {
        block_on(conformance::append_and_load_round_trip(
            &MemoryStore::new(),
            1,
        ))
        .expect("conforms");
    }

    #[test]
    fn memory_store_keeps_cases_apart() {
        block_on(conformance::cases_are_kept_apart(&MemoryStore::new(), 2)).expect("conforms");
    }

    #[test]
    fn memory_store_keeps_one_copy_of_a_repeated_event() {
        block_on(conformance::a_repeated_append_keeps_one_copy(
            &MemoryStore::new(),
            3,
        ))
        .expect("conforms");
    }
}
