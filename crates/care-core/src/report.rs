//! A case's printable report: what happened, in order, with the
//! verification audit, the diagnosis, the promise and the follow-up, for a
//! supervisor, the customer or a complaint escalated to the regulator.
//!
//! Everything is read from the case's event log and the arguments: the
//! pack (labels in the report's language, the raw id when the pack lacks
//! one), the customer's reference data, and `now` (whether the promise is
//! due yet). The same arguments always give the same report.
//!
//! # Personal data
//!
//! With [`Disclosure::Masked`] the customer's name, number, ID number and
//! account are masked in the header ([`crate::verify`]'s masks), and any of
//! them found in free text (notes, the statement, facts typed, reasons,
//! comments, the promise) is replaced by its masked form
//! ([`crate::export::mask_text`]). Free text can only be masked against the
//! customer given: without one it is shown as typed. [`Disclosure::Full`]
//! shows everything; the caller decides whether the user's role allows it,
//! and the report says which was used.
//!
//! # What the sections hold
//!
//! The timeline is every event of the log, in log order (event id), each
//! marked when the fold kept it without effect (a move no longer allowed,
//! an event after the case was closed). The verification audit lists every
//! audit event in the log, effect or not: a reveal after closing was still
//! a reveal. The diagnosis, the promise and the follow-up are the case as
//! its log stands now: the cause and solution in force, the promise in
//! force (judged as in [`crate::insight`], "Commitments met on time"), and
//! every follow-up round and reopening.

use crate::audit;
use crate::case::{
    CaseId, CaseLog, CaseState, Channel, DeviceId, Event, EventBody, EventId, FactSource,
    FeedbackVia, Outcome, Stage,
};
use crate::customer::{Customer, CustomerId};
use crate::export::{describe, mask_text};
use crate::facts::FactValue;
use crate::pack::{Named, Pack};
use crate::records::Fen;
use crate::text::{Lang, Text};
use crate::verify::{self, mask_id_number, mask_msisdn, mask_name};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use thiserror::Error;
use time::OffsetDateTime;

/// How much personal data the report shows.
/// What a [`EventBody::DataRevealed`] names when a case report was shown
/// with personal data in full.
pub const FULL_REPORT_REVEAL: &str = "report_full";

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Disclosure {
    /// Identifiers masked, in the header and in free text.
    #[default]
    Masked,
    /// Everything as recorded: only for a role allowed to see it.
    Full,
}

/// Why a report cannot be made.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ReportError {
    #[error("the case's events do not make a case: {0}")]
    Damaged(String),
    /// The customer given is not the case's: their data must not appear in
    /// this case's report.
    #[error("the customer given ({given}) is not the case's customer ({case:?})")]
    WrongCustomer { given: String, case: Option<String> },
}

/// The report of one case.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CaseReport {
    /// The language of every label.
    pub lang: Lang,
    /// The moment the report speaks of (promises are judged against it).
    #[serde(with = "time::serde::rfc3339")]
    pub as_of: OffsetDateTime,
    pub header: ReportHeader,
    pub timeline: Vec<TimelineEntry>,
    pub verification: VerificationAudit,
    pub diagnosis: Diagnosis,
    /// The promise in force, if any.
    pub commitment: Option<CommitmentReport>,
    pub follow_up: FollowUpReport,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReportHeader {
    pub case: CaseId,
    pub channel: Channel,
    pub channel_label: String,
    #[serde(with = "time::serde::rfc3339")]
    pub opened_at: OffsetDateTime,
    /// The device that opened the case.
    pub opened_on: DeviceId,
    pub status: CaseStatus,
    /// The stage the case is at now.
    pub stage: Stage,
    /// The status in words, with the stage and the reopenings.
    pub status_label: String,
    /// How many times the case was reopened.
    pub reopened: usize,
    /// The confirmed intent, if any.
    pub intent: Option<IntentLine>,
    /// Set for a trainer-mode case: the report is of practice, not work.
    pub practice: Option<Practice>,
    /// The case's customer, if one was identified.
    pub customer: Option<ReportCustomer>,
    /// Events in the log (each counted once).
    pub event_count: usize,
    pub disclosure: Disclosure,
    pub disclosure_label: String,
    /// The pack the labels were read from (not necessarily the one in force
    /// when the case was worked).
    pub pack_id: String,
    pub pack_version: String,
    /// Who took the contact, when the case says.
    pub agent: Option<crate::case::AgentRef>,
}

/// Where a case stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum CaseStatus {
    /// Being worked, at [`ReportHeader::stage`].
    Open,
    /// Closed at intake with a quick answer.
    QuickAnswer,
    /// Closed after the follow-up.
    Archived { solved: bool },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct IntentLine {
    pub id: String,
    pub label: String,
    /// The agent chose it over the recogniser's suggestion.
    pub overridden: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Practice {
    pub scenario: String,
    /// The person of the device's lock who practised.
    pub trainee: String,
    /// "This is practice", in words.
    pub notice: String,
}

/// The customer's identifiers, masked or full as the report's disclosure
/// says; `None` where no reference data was given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReportCustomer {
    pub id: CustomerId,
    pub name: Option<String>,
    pub msisdn: Option<String>,
    pub id_number: Option<String>,
    pub account: Option<String>,
}

/// One event of the log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TimelineEntry {
    pub event: EventId,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// The stage the case was at once the event was applied.
    pub stage: Stage,
    pub stage_label: String,
    pub device: DeviceId,
    /// The event in a line of words ([`crate::export::describe`]).
    pub description: String,
    /// What was typed or said with it, masked as the disclosure says.
    pub text: Option<String>,
    /// Kept in the log but without effect on the case.
    pub no_effect: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct VerificationAudit {
    pub attempts: Vec<AttemptLine>,
    pub locks: Vec<LockLine>,
    pub reveals: Vec<RevealLine>,
    /// Whether every reveal came after verification reached the level the
    /// records need; `None` when nothing was revealed.
    pub verified_before_reveals: Option<bool>,
    /// Reports of this case shown with personal data in full (by a team
    /// lead, after the conversation): audit events, kept apart from the
    /// reveals the conversation's verification governs.
    pub full_reports: Vec<FullReportLine>,
    pub verified_before_reveals_label: String,
    pub chain: AuditChain,
    pub chain_label: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AttemptLine {
    pub event: EventId,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    pub method: String,
    pub method_label: String,
    pub passed: bool,
    pub device: DeviceId,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LockLine {
    pub event: EventId,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub until: OffsetDateTime,
    pub device: DeviceId,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RevealLine {
    pub event: EventId,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// As recorded: `records`, `personal_data` or `<kind>:<record id>`.
    pub what: String,
    pub description: String,
    pub device: DeviceId,
    /// The level the records needed at that moment (the intent's, at least
    /// the pack's records level).
    pub level_needed: String,
    pub level_needed_label: String,
    /// That level was reached, and verification not locked, before it.
    pub verified: bool,
}

/// A report shown with personal data in full.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FullReportLine {
    pub event: EventId,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    pub device: DeviceId,
}

/// The audit chain of the log ([`crate::audit::verify`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum AuditChain {
    /// Every device's chain holds; `links` audit events were checked.
    Intact { links: usize },
    /// The first audit event whose link does not match: it, or an audit
    /// event of that device before it, was changed, removed or inserted.
    Broken { event: EventId, device: DeviceId },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnosis {
    /// The cause in force.
    pub cause: Option<CauseLine>,
    /// The facts in force, in the order they were captured.
    pub facts: Vec<FactLine>,
    /// Every solution turned down, in order, reopenings included.
    pub rejected: Vec<RejectionLine>,
    /// The solution in force.
    pub solution: Option<SolutionLine>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CauseLine {
    pub cause: String,
    pub label: String,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    pub choice: CauseChoice,
    /// The top suggestion at the time, if there was one.
    pub suggested: Option<String>,
    pub suggested_label: Option<String>,
    /// How the cause was chosen, in words.
    pub choice_label: String,
}

/// How the agent settled the cause.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CauseChoice {
    TopSuggestion,
    /// The agent chose another cause than the top suggestion.
    OverSuggestion,
    NoSuggestion,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FactLine {
    pub fact: String,
    pub label: String,
    /// The value as text: money as `¥58.00`, choices and yes/no in words,
    /// typed text masked as the disclosure says.
    pub value: String,
    pub source: FactSource,
    pub source_label: String,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RejectionLine {
    pub solution: String,
    pub label: String,
    pub reason: String,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SolutionLine {
    pub solution: String,
    pub label: String,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// The team it was escalated to, above the agent's authority.
    pub escalated_to: Option<TeamLine>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TeamLine {
    pub id: String,
    pub label: String,
}

/// The promise in force and whether it was kept.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CommitmentReport {
    #[serde(with = "time::serde::rfc3339")]
    pub made_at: OffsetDateTime,
    /// The promise as the customer was told it, masked as the disclosure
    /// says; in [`CommitmentReport::told_in`], whatever the report's language.
    pub text: String,
    pub told_in: Lang,
    pub solution: String,
    pub solution_label: String,
    #[serde(with = "time::serde::rfc3339")]
    pub deadline: OffsetDateTime,
    /// How the customer will be told, as agreed.
    pub contact: String,
    pub tasks: Vec<TaskLine>,
    /// When it was kept, if it was.
    #[serde(with = "time::serde::rfc3339::option")]
    pub kept_at: Option<OffsetDateTime>,
    pub verdict: CommitmentVerdict,
    pub verdict_label: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TaskLine {
    /// The task's place in the promise, from 0 (as `TaskDone` names it).
    pub index: usize,
    pub title: String,
    /// A role or team id of the pack.
    pub owner: String,
    pub owner_label: String,
    #[serde(with = "time::serde::rfc3339")]
    pub due: OffsetDateTime,
    /// When it was first marked done under this promise.
    #[serde(with = "time::serde::rfc3339::option")]
    pub done_at: Option<OffsetDateTime>,
}

/// The promise against its deadline, as the commitments-met metric judges
/// it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CommitmentVerdict {
    /// Kept at or before the deadline.
    KeptOnTime,
    /// Kept after the deadline.
    KeptLate,
    /// Not kept, and the deadline has passed.
    Missed,
    /// Not kept yet, and the deadline is still ahead.
    NotYetDue,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FollowUpReport {
    /// Every follow-up recorded, in order.
    pub rounds: Vec<FollowUpLine>,
    pub reopenings: Vec<ReopeningLine>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FollowUpLine {
    /// The follow-up round, from 1: each reopening starts another.
    pub round: usize,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    pub solved: bool,
    pub satisfied: bool,
    pub csat: Option<u8>,
    pub nps: Option<u8>,
    /// Masked as the disclosure says.
    pub comment: String,
    pub via: FeedbackVia,
    pub via_label: String,
    pub device: DeviceId,
    /// A later follow-up in the same round corrected this one.
    pub superseded: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReopeningLine {
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// Masked as the disclosure says.
    pub reason: String,
    pub device: DeviceId,
}

/// The report of a case from its events (any order, repeats allowed).
/// `customer` is the case's customer's reference data, if known; `now`
/// judges the promise.
pub fn case_report(
    events: &[Event],
    pack: &Pack,
    customer: Option<&Customer>,
    lang: Lang,
    disclosure: Disclosure,
    now: OffsetDateTime,
) -> Result<CaseReport, ReportError> {
    let mut log = CaseLog::new();
    log.merge(events.iter().cloned());
    let state = log
        .state()
        .map_err(|e| ReportError::Damaged(e.to_string()))?;
    if let Some(c) = customer {
        if state.customer.as_ref() != Some(&c.id) {
            return Err(ReportError::WrongCustomer {
                given: c.id.as_str().to_owned(),
                case: state.customer.as_ref().map(|id| id.as_str().to_owned()),
            });
        }
    }
    let ignored: BTreeSet<EventId> = state.ignored.iter().map(|i| i.id).collect();
    let r = Reader {
        pack,
        lang,
        disclosure,
        customer,
        log: &log,
        state: &state,
        ignored: &ignored,
    };
    Ok(CaseReport {
        lang,
        as_of: now,
        header: r.header(),
        timeline: r.timeline(),
        verification: r.verification(),
        diagnosis: r.diagnosis(),
        commitment: r.commitment(now),
        follow_up: r.follow_up(),
    })
}

/// What every section reads from.
struct Reader<'a> {
    pack: &'a Pack,
    lang: Lang,
    disclosure: Disclosure,
    customer: Option<&'a Customer>,
    log: &'a CaseLog,
    state: &'a CaseState,
    ignored: &'a BTreeSet<EventId>,
}

impl Reader<'_> {
    fn pick(&self, zh: impl Into<String>, en: impl Into<String>) -> String {
        match self.lang {
            Lang::ZhCn => zh.into(),
            Lang::En => en.into(),
        }
    }

    /// A pack item's name, or its id when the pack lacks it.
    fn name(&self, item: Option<&Text>, id: &str) -> String {
        item.map_or_else(|| id.to_owned(), |t| t.get(self.lang).to_owned())
    }

    /// A pack item's name, the way `describe` names it.
    fn named(&self, kind: Named, id: &str) -> String {
        self.pack.name_of(kind, id, self.lang)
    }

    fn intent(&self, id: &str) -> String {
        self.named(Named::Intent, id)
    }

    fn cause(&self, id: &str) -> String {
        self.named(Named::Cause, id)
    }

    fn solution(&self, id: &str) -> String {
        self.named(Named::Solution, id)
    }

    fn team(&self, id: &str) -> String {
        self.named(Named::Team, id)
    }

    /// A task's owner: a role or a team.
    fn owner(&self, id: &str) -> String {
        match self.pack.roles.iter().find(|r| r.id == id) {
            Some(role) => role.name.get(self.lang).to_owned(),
            None => self.team(id),
        }
    }

    fn method(&self, id: &str) -> String {
        self.named(Named::Method, id)
    }

    fn level(&self, id: &str) -> String {
        let found = self.pack.verification.levels.iter().find(|l| l.id == id);
        self.name(found.map(|l| &l.name), id)
    }

    fn stage(&self, stage: Stage) -> String {
        let (zh, en) = stage.label();
        self.pick(zh, en)
    }

    fn via(&self, via: FeedbackVia) -> String {
        match via {
            FeedbackVia::Callback => self.pick("电话回访", "Callback"),
            FeedbackVia::OnlineSurvey => self.pick("在线问卷", "Online survey"),
            FeedbackVia::AppPopUp => self.pick("App 弹窗", "App pop-up"),
        }
    }

    fn source(&self, source: FactSource) -> String {
        match source {
            FactSource::Statement => self.pick("来自客户首句", "From the first statement"),
            FactSource::Answer => self.pick("客户回答", "Customer's answer"),
            FactSource::Records => self.pick("来自记录", "From the records"),
        }
    }

    /// Free text as the disclosure allows.
    fn said(&self, text: &str) -> String {
        match self.disclosure {
            Disclosure::Full => text.to_owned(),
            Disclosure::Masked => mask_text(text, self.customer),
        }
    }

    fn fact_value(&self, fact: &str, value: &FactValue) -> String {
        let text = match value {
            FactValue::Money(fen) => Fen(*fen).to_string(),
            FactValue::Bool(true) => self.pick("是", "Yes"),
            FactValue::Bool(false) => self.pick("否", "No"),
            FactValue::Choice(choice) => {
                let found = self
                    .pack
                    .fact(fact)
                    .and_then(|f| f.choices.iter().find(|c| &c.id == choice));
                self.name(found.map(|c| &c.name), choice)
            }
            other => other.input_text(),
        };
        self.said(&text)
    }

    /// The events the fold applied, in its order.
    fn applied(&self) -> impl Iterator<Item = &Event> {
        self.log.events().filter(|e| !self.ignored.contains(&e.id))
    }

    fn header(&self) -> ReportHeader {
        let s = self.state;
        let status = match &s.outcome {
            None => CaseStatus::Open,
            Some(Outcome::QuickAnswer { .. }) => CaseStatus::QuickAnswer,
            Some(Outcome::Archived { solved }) => CaseStatus::Archived { solved: *solved },
        };
        let mut status_label = match status {
            CaseStatus::Open => {
                let stage = self.stage(s.stage);
                self.pick(format!("进行中：{stage}"), format!("Open at {stage}"))
            }
            CaseStatus::QuickAnswer => self.pick(
                "已结案：受理时以标准答复解决",
                "Closed: resolved at intake with a quick answer",
            ),
            CaseStatus::Archived { solved: true } => {
                self.pick("已归档（已解决）", "Archived (solved)")
            }
            CaseStatus::Archived { solved: false } => {
                self.pick("已归档（未解决）", "Archived (not solved)")
            }
        };
        match s.reopenings.len() {
            0 => {}
            1 => status_label.push_str(&self.pick("；重新打开过 1 次", "; reopened once")),
            n => status_label.push_str(&self.pick(
                format!("；重新打开过 {n} 次"),
                format!("; reopened {n} times"),
            )),
        }
        let channel = s.channel.label();
        let practice = s.training.as_ref().map(|t| Practice {
            scenario: t.scenario.clone(),
            trainee: t.trainee.clone(),
            notice: self.pick(
                "培训练习个案，不是真实的客户服务",
                "Practice case (trainer mode), not real customer work",
            ),
        });
        ReportHeader {
            case: s.id,
            channel: s.channel,
            channel_label: channel.get(self.lang).to_owned(),
            opened_at: s.opened_at,
            opened_on: s.opened_on,
            status,
            stage: s.stage,
            status_label,
            reopened: s.reopenings.len(),
            intent: s.intent.as_ref().map(|i| IntentLine {
                id: i.clone(),
                label: self.intent(i),
                overridden: s.intent_overridden,
            }),
            practice,
            customer: s.customer.as_ref().map(|id| self.customer_line(id)),
            event_count: s.event_count,
            disclosure: self.disclosure,
            disclosure_label: match self.disclosure {
                Disclosure::Masked => self.pick("个人资料已遮挡", "Personal data masked"),
                Disclosure::Full => self.pick("显示完整个人资料", "Full personal data shown"),
            },
            pack_id: self.pack.id.clone(),
            pack_version: self.pack.version.clone(),
            agent: self.state.agent.clone(),
        }
    }

    fn customer_line(&self, id: &CustomerId) -> ReportCustomer {
        let full = self.disclosure == Disclosure::Full;
        let field = |value: &str, mask: fn(&str) -> String| {
            if full {
                value.to_owned()
            } else {
                mask(value)
            }
        };
        let c = self.customer;
        ReportCustomer {
            id: id.clone(),
            name: c.map(|c| field(&c.name, mask_name)),
            msisdn: c.map(|c| field(&c.msisdn, mask_msisdn)),
            id_number: c.map(|c| field(&c.id_number, mask_id_number)),
            // Masked as the exports mask it.
            account: c.map(|c| field(&c.account, mask_id_number)),
        }
    }

    fn timeline(&self) -> Vec<TimelineEntry> {
        // The fold starts a visit at each stage change it applied (the
        // opening, moves, reopenings): the stage in force at each event.
        let changes: BTreeMap<EventId, Stage> =
            self.state.visits.iter().map(|v| (v.id, v.stage)).collect();
        let mut stage = Stage::Intake;
        self.log
            .events()
            .map(|e| {
                if let Some(s) = changes.get(&e.id) {
                    stage = *s;
                }
                TimelineEntry {
                    event: e.id,
                    at: e.at,
                    stage,
                    stage_label: self.stage(stage),
                    device: e.device,
                    description: describe(&e.body, self.pack, self.lang),
                    text: self.event_text(&e.body),
                    no_effect: self.ignored.contains(&e.id),
                }
            })
            .collect()
    }

    /// What was typed or said with an event.
    fn event_text(&self, body: &EventBody) -> Option<String> {
        let text = match body {
            EventBody::NoteAdded { text }
            | EventBody::StatementTaken { text }
            | EventBody::CommitmentMade { text, .. } => text.clone(),
            EventBody::QuickAnswerGiven { answer } => answer.clone(),
            EventBody::SolutionRejected { reason, .. } | EventBody::CaseReopened { reason } => {
                reason.clone()
            }
            EventBody::FollowUpRecorded { comment, .. } => comment.clone(),
            EventBody::FactCaptured { fact, value, .. } => {
                return Some(self.fact_value(fact, value))
            }
            EventBody::SimTurn { turn } => turn.said.clone(),
            _ => return None,
        };
        (!text.trim().is_empty()).then(|| self.said(&text))
    }

    fn verification(&self) -> VerificationAudit {
        let mut attempts = Vec::new();
        let mut locks = Vec::new();
        let mut reveals = Vec::new();
        // The log up to each event, to judge each reveal as the app did.
        let mut before = CaseLog::new();
        let mut full_reports = Vec::new();
        for e in self.log.events() {
            match &e.body {
                EventBody::VerificationAttempted { method, passed, .. } => {
                    attempts.push(AttemptLine {
                        event: e.id,
                        at: e.at,
                        method: method.clone(),
                        method_label: self.method(method),
                        passed: *passed,
                        device: e.device,
                    })
                }
                EventBody::VerificationLocked { until, .. } => locks.push(LockLine {
                    event: e.id,
                    at: e.at,
                    until: *until,
                    device: e.device,
                }),
                EventBody::DataRevealed { what, .. } if what == FULL_REPORT_REVEAL => full_reports
                    .push(FullReportLine {
                        event: e.id,
                        at: e.at,
                        device: e.device,
                    }),
                EventBody::DataRevealed { what, .. } => {
                    let (level, verified) = self.unlocked(&before, e.at);
                    reveals.push(RevealLine {
                        event: e.id,
                        at: e.at,
                        what: what.clone(),
                        description: describe(&e.body, self.pack, self.lang),
                        device: e.device,
                        level_needed_label: self.level(&level),
                        level_needed: level,
                        verified,
                    });
                }
                _ => {}
            }
            before.merge([e.clone()]);
        }
        let verified_before_reveals =
            (!reveals.is_empty()).then(|| reveals.iter().all(|r| r.verified));
        let verified_before_reveals_label = match verified_before_reveals {
            None => self.pick("未查看敏感资料", "No sensitive data was shown"),
            Some(true) => self.pick(
                "每次查看资料前核验均已达到要求的级别",
                "Verification reached the required level before any data was shown",
            ),
            Some(false) => self.pick(
                "有资料在核验达到要求的级别之前被查看",
                "Data was shown before verification reached the required level",
            ),
        };
        let chain = match audit::verify(self.log) {
            Ok(links) => AuditChain::Intact { links },
            Err(broken) => AuditChain::Broken {
                event: broken.event,
                device: broken.device,
            },
        };
        let chain_label = match chain {
            AuditChain::Intact { links } => self.pick(
                format!("审计链完整（{links} 个审计事件）"),
                format!("Audit chain intact ({links} audit events)"),
            ),
            AuditChain::Broken { event, device } => self.pick(
                format!("审计链在设备 {device} 的事件 {event} 处断开"),
                format!("Audit chain broken at event {event} of device {device}"),
            ),
        };
        VerificationAudit {
            attempts,
            locks,
            reveals,
            verified_before_reveals,
            full_reports,
            verified_before_reveals_label,
            chain,
            chain_label,
        }
    }

    /// The level the records needed just before an event at `at`, and
    /// whether the app would have shown them: the level met and
    /// verification not locked (as the case screen decides). A level the
    /// pack does not know counts as not met: the report does not vouch for
    /// what it cannot check.
    fn unlocked(&self, before: &CaseLog, at: OffsetDateTime) -> (String, bool) {
        let Ok(state) = before.state() else {
            return (self.pack.verification.records_level.clone(), false);
        };
        let level = self
            .pack
            .records_level_for(state.intent.as_deref())
            .to_owned();
        // Without the customer's records every method is "nothing on record
        // to check", which does not undo a pass: the passes are what count.
        let met =
            verify::status(self.pack, &state, &level, None, at).is_ok_and(|s| s.met && !s.locked());
        (level, met)
    }

    fn diagnosis(&self) -> Diagnosis {
        let s = self.state;
        let cause = s.cause.as_ref().map(|c| {
            let choice = match &c.suggested {
                None => CauseChoice::NoSuggestion,
                Some(top) if *top == c.cause => CauseChoice::TopSuggestion,
                Some(_) => CauseChoice::OverSuggestion,
            };
            let suggested_label = c.suggested.as_deref().map(|id| self.cause(id));
            let choice_label = match (choice, &suggested_label) {
                (CauseChoice::TopSuggestion, _) => {
                    self.pick("采用了系统的首选建议", "The top suggestion")
                }
                (CauseChoice::OverSuggestion, Some(top)) => self.pick(
                    format!("坐席选定，未采用系统首选（{top}）"),
                    format!("Chosen by the agent over the top suggestion ({top})"),
                ),
                _ => self.pick(
                    "坐席选定，当时没有系统建议",
                    "Chosen by the agent; nothing was suggested",
                ),
            };
            CauseLine {
                cause: c.cause.clone(),
                label: self.cause(&c.cause),
                at: c.at,
                choice,
                suggested: c.suggested.clone(),
                suggested_label,
                choice_label,
            }
        });
        let mut facts: Vec<FactLine> = s
            .facts
            .iter()
            .map(|(id, f)| FactLine {
                fact: id.clone(),
                label: self.named(Named::Fact, id),
                value: self.fact_value(id, &f.value),
                source: f.source,
                source_label: self.source(f.source),
                at: f.at,
            })
            .collect();
        facts.sort_by_key(|f| f.at);
        let rejected = s
            .rejected
            .iter()
            .map(|r| RejectionLine {
                solution: r.solution.clone(),
                label: self.solution(&r.solution),
                reason: self.said(&r.reason),
                at: r.at,
            })
            .collect();
        let solution = s.solution.as_ref().map(|c| SolutionLine {
            solution: c.solution.clone(),
            label: self.solution(&c.solution),
            at: c.at,
            escalated_to: c.escalated_to.as_ref().map(|t| TeamLine {
                id: t.clone(),
                label: self.team(t),
            }),
        });
        Diagnosis {
            cause,
            facts,
            rejected,
            solution,
        }
    }

    /// The promise in force, judged as `crate::insight` judges it
    /// ("Commitments met on time"): kept when every task was marked done
    /// (the first time each was, under this promise), or, with no tasks,
    /// when a follow-up after it recorded the problem as solved; on time
    /// when kept at or before the deadline; missed when not kept and the
    /// deadline is before `now`.
    fn commitment(&self, now: OffsetDateTime) -> Option<CommitmentReport> {
        let s = self.state;
        let c = s.commitment.as_ref()?;
        // When each task was first done since the promise was made: what
        // sets a promise aside also forgets its tasks, as in the fold.
        let mut done: BTreeMap<usize, OffsetDateTime> = BTreeMap::new();
        for e in self.applied() {
            match &e.body {
                EventBody::CommitmentMade { .. }
                | EventBody::SolutionChosen { .. }
                | EventBody::CauseConfirmed { .. }
                | EventBody::CaseReopened { .. } => done.clear(),
                EventBody::TaskDone { task } => {
                    done.entry(*task).or_insert(e.at);
                }
                _ => {}
            }
        }
        let kept_at = if c.tasks.is_empty() {
            s.follow_up
                .as_ref()
                .filter(|f| f.solved && f.at >= c.at)
                .map(|f| f.at)
        } else {
            (0..c.tasks.len())
                .map(|i| done.get(&i).copied())
                .collect::<Option<Vec<_>>>()
                .and_then(|times| times.into_iter().max())
        };
        // As the metric judges it: a promise taking effect at once is kept
        // during the contact.
        let due = crate::commit::judged_by(c.at, c.deadline);
        let verdict = match kept_at {
            Some(at) if at <= due => CommitmentVerdict::KeptOnTime,
            Some(_) => CommitmentVerdict::KeptLate,
            None if due < now => CommitmentVerdict::Missed,
            None => CommitmentVerdict::NotYetDue,
        };
        let verdict_label = match verdict {
            CommitmentVerdict::KeptOnTime => self.pick("已按时兑现", "Kept on time"),
            CommitmentVerdict::KeptLate => self.pick("已兑现，但超过期限", "Kept late"),
            CommitmentVerdict::Missed => {
                self.pick("未兑现，已过期限", "Not kept; the deadline has passed")
            }
            CommitmentVerdict::NotYetDue => {
                self.pick("尚未兑现，未到期限", "Not kept yet; not due yet")
            }
        };
        let tasks = c
            .tasks
            .iter()
            .enumerate()
            .map(|(index, t)| TaskLine {
                index,
                title: t.title.get(self.lang).to_owned(),
                owner: t.owner.clone(),
                owner_label: self.owner(&t.owner),
                due: t.due,
                done_at: done.get(&index).copied(),
            })
            .collect();
        Some(CommitmentReport {
            made_at: c.at,
            text: self.said(&c.text),
            told_in: c.lang,
            solution: c.solution.clone(),
            solution_label: self.solution(&c.solution),
            deadline: c.deadline,
            contact: self.said(&c.contact),
            tasks,
            kept_at,
            verdict,
            verdict_label,
        })
    }

    fn follow_up(&self) -> FollowUpReport {
        let mut rounds: Vec<FollowUpLine> = Vec::new();
        let mut reopenings = Vec::new();
        let mut round = 1;
        for e in self.applied() {
            match &e.body {
                EventBody::FollowUpRecorded {
                    solved,
                    satisfied,
                    csat,
                    nps,
                    comment,
                    via,
                } => {
                    // A second answer in the same round corrects the first.
                    if let Some(last) = rounds.last_mut().filter(|l| l.round == round) {
                        last.superseded = true;
                    }
                    rounds.push(FollowUpLine {
                        round,
                        at: e.at,
                        solved: *solved,
                        satisfied: *satisfied,
                        csat: *csat,
                        nps: *nps,
                        comment: self.said(comment),
                        via: *via,
                        via_label: self.via(*via),
                        device: e.device,
                        superseded: false,
                    });
                }
                EventBody::CaseReopened { reason } => {
                    round += 1;
                    reopenings.push(ReopeningLine {
                        at: e.at,
                        reason: self.said(reason),
                        device: e.device,
                    });
                }
                _ => {}
            }
        }
        FollowUpReport { rounds, reopenings }
    }
}
