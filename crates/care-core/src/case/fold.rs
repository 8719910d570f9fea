//! The fold from a case's events to its state.

use super::event::{Channel, Event, EventBody, Suggestion};
use super::id::{CaseId, DeviceId, EventId};
use super::stage::Stage;
use crate::customer::CustomerId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use thiserror::Error;
use time::OffsetDateTime;

/// Why a set of events does not make a case.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum FoldError {
    #[error("the case has no events")]
    Empty,
    #[error("the first event of case {0} does not open it")]
    NotOpened(CaseId),
    #[error("event {event} belongs to case {found}, not to case {expected}")]
    ForeignEvent {
        event: EventId,
        expected: CaseId,
        found: CaseId,
    },
}

/// A note as the agent sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub id: EventId,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    pub stage: Stage,
    pub text: String,
}

/// One entry into a stage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageVisit {
    pub id: EventId,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    pub stage: Stage,
}

/// An event kept in the log but without effect on the state, and why.
/// Another device may have written a move that is no longer allowed once
/// both logs meet; the log keeps it, the fold skips it, deterministically.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IgnoredEvent {
    pub id: EventId,
    pub reason: String,
}

/// The state of a case: always a fold of its log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseState {
    pub id: CaseId,
    #[serde(with = "time::serde::rfc3339")]
    pub opened_at: OffsetDateTime,
    pub opened_on: DeviceId,
    pub channel: Channel,
    pub customer: Option<CustomerId>,
    pub stage: Stage,
    /// The furthest stage reached so far.
    pub furthest: Stage,
    pub visits: Vec<StageVisit>,
    pub notes: Vec<Note>,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    pub last_event: EventId,
    pub event_count: usize,
    pub ignored: Vec<IgnoredEvent>,
    /// The customer's first statement.
    pub statement: Option<String>,
    /// The recogniser's latest suggestions.
    pub suggestions: Vec<Suggestion>,
    /// The recogniser could not tell the intent.
    pub intent_unknown: bool,
    /// The intent the agent confirmed.
    pub intent: Option<String>,
    pub intent_overridden: bool,
    /// How the case ended, if it has.
    pub outcome: Option<Outcome>,
}

/// How a case ended.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Outcome {
    /// Answered at intake with a quick answer: first-contact resolution.
    QuickAnswer { answer: String },
}

/// What the case list shows; a cache of the fold, always rebuildable from the log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseSummary {
    pub id: CaseId,
    #[serde(with = "time::serde::rfc3339")]
    pub opened_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    pub channel: Channel,
    pub customer: Option<CustomerId>,
    pub stage: Stage,
    pub note_count: usize,
    pub event_count: usize,
    pub last_event: EventId,
    #[serde(default)]
    pub intent: Option<String>,
    #[serde(default)]
    pub closed: bool,
}

impl CaseState {
    /// Folds a case's events, in any order and with duplicates, into its state.
    pub fn fold<'a>(events: impl IntoIterator<Item = &'a Event>) -> Result<CaseState, FoldError> {
        let mut log = CaseLog::new();
        log.merge(events.into_iter().cloned());
        log.state()
    }

    /// Whether the agent may move to `to` now.
    pub fn check_move(&self, to: Stage) -> Result<(), super::stage::MoveError> {
        Stage::check_move(self.stage, self.furthest, to)
    }

    /// Applies the next event of the log (its id is above every id folded so far).
    fn apply(&mut self, event: &Event) {
        self.updated_at = event.at;
        self.last_event = event.id;
        self.event_count += 1;
        match &event.body {
            EventBody::CaseOpened { .. } => self.ignored.push(IgnoredEvent {
                id: event.id,
                reason: "the case is already open".into(),
            }),
            EventBody::StageEntered { stage } => match self.check_move(*stage) {
                Ok(()) => {
                    self.stage = *stage;
                    self.furthest = self.furthest.max(*stage);
                    self.visits.push(StageVisit {
                        id: event.id,
                        at: event.at,
                        stage: *stage,
                    });
                }
                Err(e) => self.ignored.push(IgnoredEvent {
                    id: event.id,
                    reason: e.to_string(),
                }),
            },
            EventBody::NoteAdded { text } => self.notes.push(Note {
                id: event.id,
                at: event.at,
                stage: self.stage,
                text: text.clone(),
            }),
            EventBody::CustomerIdentified { customer } => self.customer = Some(customer.clone()),
            EventBody::StatementTaken { text } => self.statement = Some(text.clone()),
            EventBody::IntentsSuggested { ranked, unknown } => {
                self.suggestions = ranked.clone();
                self.intent_unknown = *unknown;
            }
            EventBody::IntentConfirmed { intent, overridden } => {
                self.intent = Some(intent.clone());
                self.intent_overridden = *overridden;
            }
            EventBody::QuickAnswerGiven { answer } => {
                self.outcome = Some(Outcome::QuickAnswer {
                    answer: answer.clone(),
                });
            }
        }
    }

    pub fn summary(&self) -> CaseSummary {
        CaseSummary {
            id: self.id,
            opened_at: self.opened_at,
            updated_at: self.updated_at,
            channel: self.channel,
            customer: self.customer.clone(),
            stage: self.stage,
            note_count: self.notes.len(),
            event_count: self.event_count,
            last_event: self.last_event,
            intent: self.intent.clone(),
            closed: self.outcome.is_some(),
        }
    }
}

/// A case's events as a set ordered by id: merging batches (pages of a load,
/// a sync pull) in any order, with repeats, gives the same log.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CaseLog {
    events: BTreeMap<EventId, Event>,
}

impl CaseLog {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds events; one already present (same id) is kept as it was.
    pub fn merge(&mut self, events: impl IntoIterator<Item = Event>) {
        for e in events {
            self.events.entry(e.id).or_insert(e);
        }
    }

    pub fn len(&self) -> usize {
        self.events.len()
    }

    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    pub fn events(&self) -> impl Iterator<Item = &Event> {
        self.events.values()
    }

    /// The state of the case, folding the log in id order.
    pub fn state(&self) -> Result<CaseState, FoldError> {
        let mut events = self.events.values();
        let first = events.next().ok_or(FoldError::Empty)?;
        let EventBody::CaseOpened { channel, customer } = &first.body else {
            return Err(FoldError::NotOpened(first.case));
        };
        let mut state = CaseState {
            id: first.case,
            opened_at: first.at,
            opened_on: first.device,
            channel: *channel,
            customer: customer.clone(),
            stage: Stage::Intake,
            furthest: Stage::Intake,
            visits: vec![StageVisit {
                id: first.id,
                at: first.at,
                stage: Stage::Intake,
            }],
            notes: Vec::new(),
            updated_at: first.at,
            last_event: first.id,
            event_count: 1,
            ignored: Vec::new(),
            statement: None,
            suggestions: Vec::new(),
            intent_unknown: false,
            intent: None,
            intent_overridden: false,
            outcome: None,
        };
        for e in events {
            if e.case != state.id {
                return Err(FoldError::ForeignEvent {
                    event: e.id,
                    expected: state.id,
                    found: e.case,
                });
            }
            state.apply(e);
        }
        Ok(state)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::id::IdSource;
    use time::macros::datetime;

    struct Log {
        ids: IdSource,
        case: CaseId,
        device: DeviceId,
        t: i64,
        events: Vec<Event>,
    }

    impl Log {
        fn new() -> Self {
            Self::with_seed(1)
        }

        fn with_seed(seed: u128) -> Self {
            let mut ids = IdSource::new();
            let case = CaseId::from_uuid(ids.next(1_700_000_000_000, seed));
            let device = DeviceId::from_uuid(ids.next(1_700_000_000_000, 2));
            Self {
                ids,
                case,
                device,
                t: 0,
                events: Vec::new(),
            }
        }

        fn push(&mut self, body: EventBody) -> EventId {
            self.t += 1;
            let at = datetime!(2026-11-25 09:00 UTC) + time::Duration::seconds(self.t);
            let id = EventId::from_uuid(self.ids.next(1_764_061_200_000 + self.t as u64 * 1000, 3));
            self.events.push(Event {
                id,
                case: self.case,
                device: self.device,
                at,
                body,
            });
            id
        }
    }

    fn opened() -> Log {
        let mut log = Log::new();
        log.push(EventBody::CaseOpened {
            channel: Channel::Hotline,
            customer: Some(CustomerId::new("C-1001")),
        });
        log
    }

    #[test]
    fn an_opened_case_starts_at_intake() {
        let log = opened();
        let s = CaseState::fold(&log.events).expect("folds");
        assert_eq!(s.stage, Stage::Intake);
        assert_eq!(s.channel, Channel::Hotline);
        assert_eq!(s.customer, Some(CustomerId::new("C-1001")));
        assert_eq!(s.event_count, 1);
    }

    #[test]
    fn notes_remember_the_stage_they_were_written_in() {
        let mut log = opened();
        log.push(EventBody::StageEntered {
            stage: Stage::Listen,
        });
        log.push(EventBody::note("上月账单多扣了 58 元").expect("valid"));
        let s = CaseState::fold(&log.events).expect("folds");
        assert_eq!(s.stage, Stage::Listen);
        assert_eq!(s.notes.len(), 1);
        assert_eq!(s.notes[0].stage, Stage::Listen);
        assert_eq!(s.notes[0].text, "上月账单多扣了 58 元");
        assert_eq!(s.summary().note_count, 1);
    }

    #[test]
    fn a_skipping_move_is_kept_in_the_log_but_has_no_effect() {
        let mut log = opened();
        let skip = log.push(EventBody::StageEntered {
            stage: Stage::Commit,
        });
        let s = CaseState::fold(&log.events).expect("folds");
        assert_eq!(s.stage, Stage::Intake);
        assert_eq!(s.event_count, 2);
        assert_eq!(s.ignored.len(), 1);
        assert_eq!(s.ignored[0].id, skip);
    }

    #[test]
    fn revisiting_keeps_the_furthest_stage() {
        let mut log = opened();
        for stage in [
            Stage::Listen,
            Stage::Verify,
            Stage::Reconstruct,
            Stage::Listen,
        ] {
            log.push(EventBody::StageEntered { stage });
        }
        let s = CaseState::fold(&log.events).expect("folds");
        assert_eq!(s.stage, Stage::Listen);
        assert_eq!(s.furthest, Stage::Reconstruct);
        assert_eq!(s.visits.len(), 5);
        assert!(s.check_move(Stage::Reconstruct).is_ok());
        assert!(s.check_move(Stage::Diagnose).is_err());
    }

    #[test]
    fn a_log_without_its_opening_is_refused() {
        let mut log = Log::new();
        log.push(EventBody::StageEntered {
            stage: Stage::Listen,
        });
        assert_eq!(
            CaseState::fold(&log.events),
            Err(FoldError::NotOpened(log.case))
        );
        assert_eq!(CaseState::fold(&[]), Err(FoldError::Empty));
    }

    #[test]
    fn events_of_another_case_are_refused() {
        let mut a = opened();
        let mut b = Log::with_seed(99);
        b.ids = a.ids.clone();
        let stray = b.push(EventBody::StageEntered {
            stage: Stage::Listen,
        });
        a.events.extend(b.events);
        assert!(matches!(
            CaseState::fold(&a.events),
            Err(FoldError::ForeignEvent { event, .. }) if event == stray
        ));
    }

    #[test]
    fn a_second_opening_is_ignored() {
        let mut log = opened();
        log.push(EventBody::CaseOpened {
            channel: Channel::Store,
            customer: None,
        });
        let s = CaseState::fold(&log.events).expect("folds");
        assert_eq!(s.channel, Channel::Hotline);
        assert_eq!(s.ignored.len(), 1);
    }

    #[test]
    fn intake_records_the_statement_suggestions_and_the_confirmed_intent() {
        let mut log = opened();
        log.push(EventBody::CustomerIdentified {
            customer: CustomerId::new("C-2002"),
        });
        log.push(EventBody::StatementTaken {
            text: "话费多扣了".into(),
        });
        log.push(EventBody::IntentsSuggested {
            ranked: vec![Suggestion {
                intent: "bill_dispute".into(),
                permille: 820,
            }],
            unknown: false,
        });
        log.push(EventBody::IntentConfirmed {
            intent: "refund_request".into(),
            overridden: true,
        });
        let s = CaseState::fold(&log.events).expect("folds");
        assert_eq!(s.customer, Some(CustomerId::new("C-2002")));
        assert_eq!(s.statement.as_deref(), Some("话费多扣了"));
        assert_eq!(s.suggestions[0].permille, 820);
        assert_eq!(s.intent.as_deref(), Some("refund_request"));
        assert!(s.intent_overridden);
        assert_eq!(s.summary().intent.as_deref(), Some("refund_request"));
        assert!(!s.summary().closed);
    }

    #[test]
    fn a_quick_answer_closes_the_case() {
        let mut log = opened();
        log.push(EventBody::IntentConfirmed {
            intent: "balance_enquiry".into(),
            overridden: false,
        });
        log.push(EventBody::QuickAnswerGiven {
            answer: "余额 35.20 元".into(),
        });
        let s = CaseState::fold(&log.events).expect("folds");
        assert_eq!(
            s.outcome,
            Some(Outcome::QuickAnswer {
                answer: "余额 35.20 元".into()
            })
        );
        assert!(s.summary().closed);
    }

    #[test]
    fn events_survive_a_json_round_trip() {
        let mut log = opened();
        log.push(EventBody::StageEntered {
            stage: Stage::FollowUp,
        });
        log.push(EventBody::note("<b>x</b> \"quoted\" 😀").expect("valid"));
        for e in &log.events {
            let json = serde_json::to_string(e).expect("serialises");
            let back: Event = serde_json::from_str(&json).expect("parses");
            assert_eq!(&back, e);
        }
    }
}
