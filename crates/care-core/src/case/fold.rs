//! The fold from a case's events to its state.

use super::event::{
    Channel, Event, EventBody, FactSource, FeedbackVia, Suggestion, TaskPlan, TrainingRef,
};
use super::id::{CaseId, DeviceId, EventId};
use super::stage::Stage;
use crate::customer::CustomerId;
use crate::facts::FactValue;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
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
    /// Set for a training session.
    pub training: Option<TrainingRef>,
    /// Who took the contact, when the case says.
    pub agent: Option<super::event::AgentRef>,
    /// A training session's conversation, in order, with the event of each
    /// turn.
    pub turns: Vec<(EventId, crate::sim::Turn)>,
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

    /// Every prompt asked, in order (a repeat appears twice).
    #[serde(default)]
    pub asked: Vec<String>,
    /// The facts captured so far, by fact id.
    #[serde(default)]
    pub facts: BTreeMap<String, CapturedFact>,
    /// Facts the agent withdrew or said the statement does not give: not
    /// offered from the statement again.
    #[serde(default)]
    pub dismissed_offers: BTreeSet<String>,
    /// Every verification attempt, in order.
    #[serde(default)]
    pub attempts: Vec<Attempt>,
    /// The latest verification lock.
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub locked_until: Option<OffsetDateTime>,
    /// What sensitive data was shown, in order.
    #[serde(default)]
    pub reveals: Vec<String>,
    /// The cause the agent confirmed, and what was suggested at the time.
    #[serde(default)]
    pub cause: Option<ConfirmedCause>,
    /// Solutions turned down, with the reasons.
    #[serde(default)]
    pub rejected: Vec<Rejection>,
    #[serde(default)]
    pub solution: Option<ChosenSolution>,
    #[serde(default)]
    pub commitment: Option<CommitmentRecord>,
    /// Indexes of the commitment's tasks that are done.
    #[serde(default)]
    pub tasks_done: BTreeSet<usize>,
    #[serde(default)]
    pub follow_up: Option<FollowUp>,
    /// Every reopening, in order.
    #[serde(default)]
    pub reopenings: Vec<Reopening>,
}

/// A captured fact with where it came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CapturedFact {
    pub value: FactValue,
    pub source: FactSource,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

/// One verification attempt.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attempt {
    pub id: EventId,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    pub method: String,
    pub passed: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfirmedCause {
    pub cause: String,
    /// The top suggestion when the agent chose; differs from `cause` when
    /// the agent overrode it.
    pub suggested: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejection {
    pub solution: String,
    pub reason: String,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChosenSolution {
    pub solution: String,
    pub escalated_to: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitmentRecord {
    pub solution: String,
    pub text: String,
    pub lang: crate::text::Lang,
    #[serde(with = "time::serde::rfc3339")]
    pub deadline: OffsetDateTime,
    pub contact: String,
    pub tasks: Vec<TaskPlan>,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    pub solved: bool,
    pub satisfied: bool,
    pub csat: Option<u8>,
    pub nps: Option<u8>,
    pub comment: String,
    pub via: FeedbackVia,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reopening {
    pub reason: String,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

/// How a case ended.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Outcome {
    /// Answered at intake with a quick answer: first-contact resolution.
    QuickAnswer { answer: String },
    /// Worked through the flow and archived after the follow-up.
    Archived { solved: bool },
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
    /// The commitment's deadline while the case waits for its follow-up
    /// (a commitment given, no follow-up yet, not closed).
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub follow_up_by: Option<OffsetDateTime>,
    /// What the agent and the customer wrote in the case, for the archive
    /// search: the first statement, notes, facts typed, reasons and
    /// comments. Sealed with the rest of the summary.
    #[serde(default)]
    pub search_text: String,
    /// Set for a training session, which real work's lists leave out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub training: Option<TrainingRef>,
    /// What the metrics need of the case, read from its log
    /// ([`crate::insight::summary`]); absent in summaries written before
    /// insight existed, and for training sessions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub insight: Option<crate::insight::CaseFacts>,
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
            // The conversation is the customer's side: it goes on whatever
            // the stage, and a closed case keeps what was said.
            EventBody::SimTurn { turn } => self.turns.push((event.id, turn.clone())),
            body => self.apply_flow(event, body),
        }
    }

    /// The events of the guided flow after intake. Once the case is closed
    /// only a reopening changes it; anything else (say, from a device that
    /// had not heard of the closing) stays in the log, skipped.
    fn apply_flow(&mut self, event: &Event, body: &EventBody) {
        if self.outcome.is_some() && !matches!(body, EventBody::CaseReopened { .. }) {
            self.ignored.push(IgnoredEvent {
                id: event.id,
                reason: "the case is closed".into(),
            });
            return;
        }
        let at = event.at;
        match body {
            EventBody::PromptAsked { prompt } => self.asked.push(prompt.clone()),
            EventBody::FactCaptured {
                fact,
                value,
                source,
            } => {
                self.dismissed_offers.remove(fact);
                self.facts.insert(
                    fact.clone(),
                    CapturedFact {
                        value: value.clone(),
                        source: *source,
                        at,
                    },
                );
            }
            EventBody::FactCleared { fact } => {
                self.facts.remove(fact);
                self.dismissed_offers.insert(fact.clone());
            }
            EventBody::VerificationAttempted { method, passed, .. } => {
                self.attempts.push(Attempt {
                    id: event.id,
                    at,
                    method: method.clone(),
                    passed: *passed,
                })
            }
            EventBody::VerificationLocked { until, .. } => self.locked_until = Some(*until),
            EventBody::DataRevealed { what, .. } => self.reveals.push(what.clone()),
            EventBody::CauseConfirmed { cause, suggested } => {
                self.cause = Some(ConfirmedCause {
                    cause: cause.clone(),
                    suggested: suggested.clone(),
                    at,
                });
                // A new cause makes the earlier choice of solution moot.
                self.solution = None;
                self.commitment = None;
                self.tasks_done.clear();
            }
            EventBody::SolutionRejected { solution, reason } => self.rejected.push(Rejection {
                solution: solution.clone(),
                reason: reason.clone(),
                at,
            }),
            EventBody::SolutionChosen {
                solution,
                escalated_to,
            } => {
                self.solution = Some(ChosenSolution {
                    solution: solution.clone(),
                    escalated_to: escalated_to.clone(),
                    at,
                });
                self.commitment = None;
                self.tasks_done.clear();
            }
            EventBody::CommitmentMade {
                solution,
                text,
                lang,
                deadline,
                contact,
                tasks,
            } => {
                self.commitment = Some(CommitmentRecord {
                    solution: solution.clone(),
                    text: text.clone(),
                    lang: *lang,
                    deadline: *deadline,
                    contact: contact.clone(),
                    tasks: tasks.clone(),
                    at,
                });
                self.tasks_done.clear();
            }
            EventBody::TaskDone { task } => {
                if self
                    .commitment
                    .as_ref()
                    .is_some_and(|c| *task < c.tasks.len())
                {
                    self.tasks_done.insert(*task);
                } else {
                    self.ignored.push(IgnoredEvent {
                        id: event.id,
                        reason: "no such task".into(),
                    });
                }
            }
            EventBody::FollowUpRecorded {
                solved,
                satisfied,
                csat,
                nps,
                comment,
                via,
            } => {
                self.follow_up = Some(FollowUp {
                    solved: *solved,
                    satisfied: *satisfied,
                    csat: *csat,
                    nps: *nps,
                    comment: comment.clone(),
                    via: *via,
                    at,
                })
            }
            EventBody::CaseReopened { reason } => {
                if self.furthest < Stage::Diagnose {
                    self.ignored.push(IgnoredEvent {
                        id: event.id,
                        reason: "nothing to reopen before diagnosis".into(),
                    });
                    return;
                }
                self.reopenings.push(Reopening {
                    reason: reason.clone(),
                    at,
                });
                self.outcome = None;
                self.cause = None;
                self.solution = None;
                self.commitment = None;
                self.tasks_done.clear();
                self.follow_up = None;
                self.stage = Stage::Diagnose;
                self.visits.push(StageVisit {
                    id: event.id,
                    at,
                    stage: Stage::Diagnose,
                });
            }
            EventBody::CaseArchived => {
                let solved = self.follow_up.as_ref().is_some_and(|f| f.solved);
                self.outcome = Some(Outcome::Archived { solved });
            }
            // Handled in `apply`.
            EventBody::CaseOpened { .. }
            | EventBody::StageEntered { .. }
            | EventBody::NoteAdded { .. }
            | EventBody::CustomerIdentified { .. }
            | EventBody::StatementTaken { .. }
            | EventBody::IntentsSuggested { .. }
            | EventBody::IntentConfirmed { .. }
            | EventBody::QuickAnswerGiven { .. }
            | EventBody::SimTurn { .. } => {}
        }
    }

    /// The facts as values, for diagnosis rules.
    pub fn fact_values(&self) -> crate::facts::Facts {
        self.facts
            .iter()
            .map(|(k, v)| (k.clone(), v.value.clone()))
            .collect()
    }

    /// How many times a prompt was asked.
    pub fn times_asked(&self, prompt: &str) -> usize {
        self.asked.iter().filter(|p| *p == prompt).count()
    }

    pub fn summary(&self) -> CaseSummary {
        CaseSummary {
            id: self.id,
            opened_at: self.opened_at,
            updated_at: self.updated_at,
            channel: self.channel,
            customer: self.customer.clone(),
            training: self.training.clone(),
            insight: None,
            stage: self.stage,
            note_count: self.notes.len(),
            event_count: self.event_count,
            last_event: self.last_event,
            intent: self.intent.clone(),
            closed: self.outcome.is_some(),
            follow_up_by: match (&self.commitment, &self.follow_up, &self.outcome) {
                (Some(c), None, None) => Some(c.deadline),
                _ => None,
            },
            search_text: self.search_text(),
        }
    }

    /// Everything typed into the case, one piece a line: what the archive
    /// search matches free text against.
    pub fn search_text(&self) -> String {
        use crate::facts::FactValue;
        let mut parts: Vec<&str> = Vec::new();
        parts.extend(self.statement.as_deref());
        parts.extend(self.notes.iter().map(|n| n.text.as_str()));
        for fact in self.facts.values() {
            if let FactValue::Text(t)
            | FactValue::Phone(t)
            | FactValue::Date(t)
            | FactValue::Month(t)
            | FactValue::Datetime(t) = &fact.value
            {
                parts.push(t);
            }
        }
        parts.extend(self.rejected.iter().map(|r| r.reason.as_str()));
        parts.extend(self.commitment.as_ref().map(|c| c.text.as_str()));
        parts.extend(self.follow_up.as_ref().map(|f| f.comment.as_str()));
        parts.extend(self.reopenings.iter().map(|r| r.reason.as_str()));
        parts.retain(|p| !p.trim().is_empty());
        parts.join("\n")
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
        let EventBody::CaseOpened {
            channel,
            customer,
            training,
            agent,
        } = &first.body
        else {
            return Err(FoldError::NotOpened(first.case));
        };
        let mut state = CaseState {
            id: first.case,
            opened_at: first.at,
            opened_on: first.device,
            channel: *channel,
            customer: customer.clone(),
            training: training.clone(),
            agent: agent.clone(),
            turns: Vec::new(),
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
            asked: Vec::new(),
            facts: BTreeMap::new(),
            dismissed_offers: BTreeSet::new(),
            attempts: Vec::new(),
            locked_until: None,
            reveals: Vec::new(),
            cause: None,
            rejected: Vec::new(),
            solution: None,
            commitment: None,
            tasks_done: BTreeSet::new(),
            follow_up: None,
            reopenings: Vec::new(),
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
            agent: None,
            channel: Channel::Hotline,
            customer: Some(CustomerId::new("C-1001")),
            training: None,
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
            agent: None,
            channel: Channel::Store,
            customer: None,
            training: None,
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
