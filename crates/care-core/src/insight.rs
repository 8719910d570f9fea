//! Team-lead metrics: pure functions over case logs.
//!
//! Everything here is computed from the cases' event logs and the
//! arguments: the pack calendar's UTC offset (which day, week and month a
//! case belongs to) and `now` (which commitments are due). The same logs
//! and arguments always give the same report. Every rate comes with its
//! numerator and denominator ([`Rate`]), so a table can say "12 of 40"
//! rather than a bare percentage, and a rate with nothing to count says so
//! (no percentage) rather than showing 0 %.
//!
//! # Which cases count
//!
//! Each case is its log, events in any order. A log that does not fold
//! into a case (no events, no opening event, events of another case) is
//! left out and counted in [`Report::skipped`]. Training sessions (cases
//! opened in trainer mode) are practice, not work: they are left out of
//! every figure, are not counted as skipped, and are never a repeat
//! contact of a real case. A case belongs to the day on which it was
//! opened, in the pack calendar's time zone, whatever the day: a case
//! opened at 23:50 local time and closed after midnight belongs to the
//! first day, and a case opened on a public holiday or a weekend counts on
//! that day like any other. Weeks are ISO weeks (Monday to Sunday, the
//! first week of a year being the one with its first Thursday), months are
//! calendar months, both in that time zone. The filter keeps the cases
//! opened between its first and last day (both included), with its
//! confirmed intent and its channel, when given. Stages, outcomes and
//! answers are the case's as its log stands now; the intent and the
//! customer are the latest confirmed or identified ones.
//!
//! # First-contact resolution (FCR)
//!
//! Of the cases closed at least once (archived, or answered at intake
//! with a quick answer, at any time), the share solved on first contact.
//! A case is solved on first contact when all three hold: it is closed
//! now, and solved (answered with a quick answer, or archived after a
//! follow-up that recorded the problem as solved); it was never reopened;
//! and the same customer did not open another case with the same confirmed
//! intent within 7 days of its opening (a repeat contact, below). A case
//! reopened and not yet closed again stays in the denominator as a case
//! not solved on first contact. A case without an identified customer or
//! without a confirmed intent cannot be matched with a later case, so no
//! repeat can be detected for it: it counts as solved on first contact if
//! it is solved and was never reopened. A case solved with a commitment
//! and a follow-up days later is still a first-contact resolution: the
//! customer did not have to come back.
//!
//! # Average handle time
//!
//! The agent's working time on a case: from its opening until the promise
//! to the customer is made (the commitment), or until the case enters the
//! follow-up stage or is closed if that comes first (a quick answer, a
//! case archived before any promise). Once a commitment is made the case
//! waits, for its tasks and then for the follow-up call, and the wait is
//! not handle time, even though the case stays at the commit stage while
//! its tasks are ticked off. Precisely, each stage visit (the opening
//! starts one at intake, each stage entry and each reopening starts
//! another) lasts until the next visit starts, a commitment is made or the
//! case is closed, whichever comes first; choosing another solution or
//! cause after a promise sets the promise aside and starts the clock again
//! in the same stage. The handle time is the total of the visits to the
//! stages before follow-up. So the time a case waits on its promise, waits
//! in follow-up, or lies closed before a reopening is not counted, while
//! the work after a reopening (from the reopening back at diagnose to the
//! next promise, follow-up or close) and after going back from commit to
//! an earlier stage is added. A case left open at an earlier stage
//! (overnight, say) counts all that time: the log cannot tell a pause from
//! work. A visit that would end before it starts (two devices whose clocks
//! disagree) counts as zero. A case has a handle time once its handling is
//! over: it is closed, at the follow-up stage, or waiting on a promise
//! (made, with no stage entered and no other solution chosen since); a
//! case still being worked has none yet and is left out of the averages
//! ([`HandleTime::cases`] says how many cases the averages are over). The
//! average is the mean over those cases, in whole seconds rounded to the
//! nearest (halves up). The split by stage is, for each stage from intake
//! to commit, the total time of that stage's visits in each case, averaged
//! over the same cases (a case that never visited the stage counts as
//! zero), so the stage averages add up to the overall average, give or
//! take rounding.
//!
//! # Customer satisfaction (CSAT)
//!
//! Over every follow-up answer with a satisfaction score (1 to 5): the
//! mean score, in tenths rounded to the nearest (halves up: 4.25 is shown
//! as 4.3), and the top-two-box share, the answers scoring 4 or 5. Each
//! follow-up round of a case counts once: a case reopened after its
//! follow-up counts that answer and the next round's, and a follow-up
//! recorded twice in the same round counts the later one (a correction).
//! A score outside 1 to 5 (not written by this app) is ignored.
//!
//! # Net promoter score (NPS)
//!
//! Over every follow-up answer to the recommendation question (0 to 10),
//! counted per follow-up round as for satisfaction: promoters answer 9 or
//! 10, passives 7 or 8, detractors 0 to 6. The score is the percentage of
//! promoters minus the percentage of detractors, rounded to the nearest
//! whole number with halves away from zero (-12.5 is -13), from -100 to
//! 100; none without answers. An answer above 10 is ignored.
//!
//! # Repeat-contact rate
//!
//! Of the cases with an identified customer and a confirmed intent, the
//! share for which the same customer opened another case with the same
//! intent within 7 days (7 × 24 hours) after it: later, or at the same
//! moment with a greater case id, and no more than exactly 7 days later. A
//! case opened 6 days after another makes that one a repeat; 8 days after,
//! it does not. The later case may have come through any channel and may
//! lie outside the filter's days: the search covers every case given. The
//! latest cases may still get a repeat: the rate of the last 7 days can
//! still rise.
//!
//! # Escalation rate
//!
//! Of the cases in which a solution was chosen, the share whose latest
//! chosen solution was escalated to a team above the agent's authority.
//! The latest choice counts even if a later reopening or a change of cause
//! set it aside. Grouped by escalation team, the cases not escalated
//! (including those with no solution chosen) are in the row with the empty
//! key.
//!
//! # Commitments met on time
//!
//! A case's commitment is the one in force now: the latest promise made,
//! unless a later choice of solution, change of cause or reopening set it
//! aside (an earlier promise that was replaced is not judged). The promise
//! is kept when every one of its tasks is marked done (the first time each
//! was), or, for a promise with no tasks, when a follow-up recorded the
//! problem as solved after the promise was made; it is kept at the moment
//! the last of these happened. It is judged once it is kept or its
//! deadline has passed (the deadline is before `now`); it is met when it
//! was kept at or before its deadline. A promise that takes effect at once
//! (its deadline is the moment it was made: "the line is back on now") is
//! kept during the contact, so its deadline is taken as 30 minutes after
//! it was made ([`crate::commit::AT_ONCE_GRACE`]). The rate is met over judged;
//! promises not yet due (neither kept nor past the deadline) are counted
//! apart, in [`Row::commitments_not_due`]. Deadlines are taken from the
//! events as they were promised, in business time already.
//!
//! # Reopen rate
//!
//! Of the cases closed at least once (as for FCR), the share that were
//! reopened at least once: the customer said the problem was not solved
//! after all. A reopening from the follow-up stage before the case was
//! archived counts too; a case reopened and never closed is not counted at
//! all.
//!
//! # Groups
//!
//! Rows are sorted by key, a stable id the interface translates: `all`
//! (no grouping), the day `2026-11-25`, the ISO week `2026-W48`, the month
//! `2026-11`, the intent id, the channel's slug, the device's id, the
//! escalation team's id. Cases without an intent, or not escalated, are in
//! the row whose key is empty. Only keys with cases have rows. Grouping
//! by device stands in for grouping by agent: events carry the device that
//! wrote them, not the person, so a case belongs to the device that opened
//! it, and agents sharing a device share a row.
//!
//! # Funnel
//!
//! How many cases reached each stage, by the furthest stage each reached:
//! every case reached intake, and a case at commit counts at listen,
//! verify and every stage up to commit. A case answered with a quick answer
//! closed at intake and counts there only.

pub mod definitions;
pub mod gaps;
use crate::case::{
    CaseId, CaseLog, CaseState, Channel, DeviceId, Event, EventBody, EventId, FoldError, Outcome,
    Stage,
};
use crate::csv::{text_field, BOM, CRLF};
use crate::customer::CustomerId;
use crate::text::Lang;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use time::{Date, Duration, OffsetDateTime, UtcOffset};

/// How soon after a case another one with the same customer and intent
/// makes it a repeat contact.
pub const REPEAT_WINDOW: Duration = Duration::days(7);

/// The stages whose visits make up the handle time: all before follow-up.
pub const HANDLED_STAGES: [Stage; 7] = [
    Stage::Intake,
    Stage::Listen,
    Stage::Verify,
    Stage::Reconstruct,
    Stage::Diagnose,
    Stage::Resolve,
    Stage::Commit,
];

/// The key of the one row without grouping.
pub const ALL_KEY: &str = "all";

/// `hits` of `of`: "12 of 40".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rate {
    pub hits: usize,
    pub of: usize,
}

impl Rate {
    /// The share in whole percent, rounded to the nearest (halves up);
    /// `None` when there is nothing to count.
    pub fn percent(self) -> Option<u32> {
        ratio(self.hits, self.of, 100)
    }

    /// The share in tenths of a percent, rounded to the nearest (halves
    /// up); `None` when there is nothing to count.
    pub fn percent_tenths(self) -> Option<u32> {
        ratio(self.hits, self.of, 1000)
    }

    fn count(&mut self, counted: bool, hit: bool) {
        if counted {
            self.of += 1;
            self.hits += usize::from(hit);
        }
    }
}

/// `hits / of × scale`, rounded to the nearest, halves up.
fn ratio(hits: usize, of: usize, scale: u128) -> Option<u32> {
    let of = u128::try_from(of).ok().filter(|n| *n > 0)?;
    let hits = u128::try_from(hits).ok()?;
    u32::try_from((hits * scale * 2 + of) / (2 * of)).ok()
}

/// The average handle time, overall and by stage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandleTime {
    /// How many cases have a handle time: the averages are over them.
    pub cases: usize,
    /// The mean in seconds; `None` without cases.
    pub mean_secs: Option<u64>,
    /// Each stage of [`HANDLED_STAGES`], in flow order, with the mean
    /// time per case spent in it, in seconds; `None` without cases.
    pub by_stage: Vec<(Stage, Option<u64>)>,
}

/// Customer satisfaction.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Csat {
    /// Follow-up answers with a score.
    pub answers: usize,
    /// The mean score in tenths (43 is 4.3); `None` without answers.
    pub mean_tenths: Option<u32>,
    /// Answers scoring 4 or 5, of all answers.
    pub top_two: Rate,
}

/// Net promoter score.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Nps {
    pub answers: usize,
    /// Answers of 9 or 10.
    pub promoters: usize,
    /// Answers of 7 or 8.
    pub passives: usize,
    /// Answers of 0 to 6.
    pub detractors: usize,
    /// % promoters − % detractors, -100 to 100; `None` without answers.
    pub score: Option<i32>,
}

/// The metrics of one group of cases.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    /// A stable id, for the interface to translate (see the module doc).
    pub key: String,
    /// The cases in the group.
    pub cases: usize,
    pub fcr: Rate,
    pub handle_time: HandleTime,
    pub csat: Csat,
    pub nps: Nps,
    pub repeat_contact: Rate,
    pub escalation: Rate,
    /// Commitments met on time, of those judged.
    pub commitments_met: Rate,
    /// Commitments neither kept nor past their deadline yet.
    pub commitments_not_due: usize,
    pub reopen: Rate,
}

/// How the rows of a report are grouped.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupBy {
    /// One row of every case, keyed [`ALL_KEY`].
    #[default]
    None,
    /// By opening day, in the calendar's offset.
    Day,
    /// By ISO week (Monday to Sunday) of the opening day.
    Week,
    /// By month of the opening day.
    Month,
    /// By confirmed intent.
    Intent,
    Channel,
    /// By the device that opened the case.
    Device,
    /// By the agent who took the contact (the case's opening names them;
    /// cases opened before it did are in the row with the empty key).
    Agent,
    /// By the agent's team (the team they sync with).
    Team,
    /// By the team the latest chosen solution was escalated to.
    EscalationTeam,
}

impl GroupBy {
    pub const ALL: [GroupBy; 10] = [
        GroupBy::None,
        GroupBy::Day,
        GroupBy::Week,
        GroupBy::Month,
        GroupBy::Intent,
        GroupBy::Channel,
        GroupBy::Device,
        GroupBy::Agent,
        GroupBy::Team,
        GroupBy::EscalationTeam,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            GroupBy::None => "none",
            GroupBy::Day => "day",
            GroupBy::Week => "week",
            GroupBy::Month => "month",
            GroupBy::Intent => "intent",
            GroupBy::Channel => "channel",
            GroupBy::Device => "device",
            GroupBy::Agent => "agent",
            GroupBy::Team => "team",
            GroupBy::EscalationTeam => "escalation_team",
        }
    }

    pub fn from_slug(slug: &str) -> Option<GroupBy> {
        GroupBy::ALL.into_iter().find(|g| g.slug() == slug)
    }
}

/// Which cases a report covers; every part left `None` keeps all.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filter {
    /// The first opening day kept, in the calendar's offset.
    pub from: Option<Date>,
    /// The last opening day kept, in the calendar's offset.
    pub to: Option<Date>,
    /// The confirmed intent.
    pub intent: Option<String>,
    pub channel: Option<Channel>,
    /// The agent who took the contact (their name, as grouped by
    /// [`GroupBy::Agent`]).
    #[serde(default)]
    pub agent: Option<String>,
    /// The agent's team.
    #[serde(default)]
    pub team: Option<String>,
}

impl Filter {
    fn admits(&self, c: &CaseFacts) -> bool {
        self.from.is_none_or(|d| c.day >= d)
            && self.to.is_none_or(|d| c.day <= d)
            && self
                .intent
                .as_deref()
                .is_none_or(|i| c.intent.as_deref() == Some(i))
            && self.channel.is_none_or(|ch| c.channel == ch)
            && self
                .agent
                .as_deref()
                .is_none_or(|a| c.agent.as_ref().is_some_and(|x| x.name == a))
            && self
                .team
                .as_deref()
                .is_none_or(|t| c.agent.as_ref().and_then(|x| x.team.as_deref()) == Some(t))
    }
}

/// The metrics of the filtered cases, grouped.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub group: GroupBy,
    /// Sorted by key.
    pub rows: Vec<Row>,
    /// Every filtered case in one row, keyed [`ALL_KEY`].
    pub total: Row,
    /// Logs left out because they do not fold into a case.
    pub skipped: usize,
}

/// The metrics of `cases` (each one case's events, in any order) that
/// pass `filter`, grouped by `group`. Days are taken in `offset` (the pack
/// calendar's, [`crate::commit::BusinessCalendar::offset`]); `now` tells
/// which commitments are due.
pub fn metrics(
    cases: &[Vec<Event>],
    filter: &Filter,
    group: GroupBy,
    offset: UtcOffset,
    now: OffsetDateTime,
) -> Report {
    Casebook::new(cases, offset).metrics(filter, group, now)
}

/// How many of the filtered cases reached each stage, in flow order.
pub fn funnel(cases: &[Vec<Event>], filter: &Filter, offset: UtcOffset) -> Vec<(Stage, usize)> {
    Casebook::new(cases, offset).funnel(filter)
}

/// Cases folded once, for several reports (another grouping, another
/// filter) without folding them again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Casebook {
    cases: Vec<CaseFacts>,
    skipped: usize,
}

impl Casebook {
    /// Folds every log; training sessions are dropped, logs that do not
    /// fold are counted as skipped.
    pub fn new(cases: &[Vec<Event>], offset: UtcOffset) -> Casebook {
        let mut facts = Vec::with_capacity(cases.len());
        let mut skipped = 0;
        for events in cases {
            match read(events, offset) {
                Ok(Some(c)) => facts.push(c),
                Ok(None) => {}
                Err(_) => skipped += 1,
            }
        }
        mark_repeats(&mut facts);
        Casebook {
            cases: facts,
            skipped,
        }
    }

    /// A casebook of facts already read (from case summaries); `skipped`
    /// is how many cases had none to give.
    pub fn from_facts(
        facts: impl IntoIterator<Item = CaseFacts>,
        offset: UtcOffset,
        skipped: usize,
    ) -> Casebook {
        let mut cases: Vec<CaseFacts> = facts.into_iter().map(|c| c.in_offset(offset)).collect();
        mark_repeats(&mut cases);
        Casebook { cases, skipped }
    }

    /// The real cases kept (training sessions and skipped logs left out).
    pub fn len(&self) -> usize {
        self.cases.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cases.is_empty()
    }

    /// Logs that do not fold into a case.
    pub fn skipped(&self) -> usize {
        self.skipped
    }

    /// See [`metrics`].
    pub fn metrics(&self, filter: &Filter, group: GroupBy, now: OffsetDateTime) -> Report {
        let kept: Vec<&CaseFacts> = self.cases.iter().filter(|c| filter.admits(c)).collect();
        let total = row(ALL_KEY.to_owned(), &kept, now);
        let rows = if group == GroupBy::None {
            vec![total.clone()]
        } else {
            let mut groups: BTreeMap<String, Vec<&CaseFacts>> = BTreeMap::new();
            for c in &kept {
                groups.entry(c.key(group)).or_default().push(c);
            }
            groups
                .into_iter()
                .map(|(key, cases)| row(key, &cases, now))
                .collect()
        };
        Report {
            group,
            rows,
            total,
            skipped: self.skipped,
        }
    }

    /// The agents and the teams that took the cases, each sorted: what a
    /// filter by agent or team can choose from.
    pub fn agents_and_teams(&self) -> (Vec<String>, Vec<String>) {
        let mut agents = BTreeSet::new();
        let mut teams = BTreeSet::new();
        for a in self.cases.iter().filter_map(|c| c.agent.as_ref()) {
            agents.insert(a.name.clone());
            teams.extend(a.team.clone());
        }
        (agents.into_iter().collect(), teams.into_iter().collect())
    }

    /// The knowledge gaps of the cases the filter keeps (see [`gaps`]).
    pub fn gaps(
        &self,
        filter: &Filter,
        pack: &crate::pack::Pack,
        now: OffsetDateTime,
    ) -> gaps::Gaps {
        gaps::gaps_of(
            self.cases
                .iter()
                .filter(|c| filter.admits(c))
                .filter_map(|c| c.gaps.as_ref()),
            pack,
            now,
        )
    }

    /// See [`funnel`].
    pub fn funnel(&self, filter: &Filter) -> Vec<(Stage, usize)> {
        let mut reached = [0usize; Stage::ALL.len()];
        for c in self.cases.iter().filter(|c| filter.admits(c)) {
            for n in reached.iter_mut().take(c.furthest.index() + 1) {
                *n += 1;
            }
        }
        Stage::ALL.into_iter().zip(reached).collect()
    }
}

/// What the metrics need of one case: read from its log when an event is
/// recorded and kept in the case's summary ([`crate::CaseSummary::insight`]),
/// so the metrics of thousands of cases need no log read again.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseFacts {
    id: CaseId,
    #[serde(with = "time::serde::rfc3339")]
    opened_at: OffsetDateTime,
    /// The opening day in the calendar's offset (set by the casebook).
    #[serde(skip, default = "no_day")]
    day: Date,
    channel: Channel,
    device: DeviceId,
    /// Who took the contact, if the case says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    agent: Option<crate::case::AgentRef>,
    customer: Option<CustomerId>,
    intent: Option<String>,
    furthest: Stage,
    closed_once: bool,
    /// Closed now, and solved.
    solved: bool,
    reopened: bool,
    /// Set once every case is read (by the casebook).
    #[serde(skip)]
    repeat: bool,
    /// The team of the latest chosen solution (`Some(None)`: not escalated);
    /// `None` when no solution was chosen.
    #[serde(with = "double_option")]
    escalation: Option<Option<String>>,
    /// Milliseconds per stage of [`HANDLED_STAGES`], if the case has a
    /// handle time.
    handle_ms: Option<[u64; HANDLED_STAGES.len()]>,
    surveys: Vec<Survey>,
    promise: Option<Promise>,
    /// What the knowledge-gap lists need; absent in facts written before
    /// the lists were on screen (such a summary is refolded once).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    gaps: Option<gaps::GapFacts>,
    /// Which rules wrote these facts ([`FACTS_VERSION`]); 0 before it was kept.
    #[serde(default)]
    version: u32,
}

/// The version of the rules that read [`CaseFacts`] from a log: facts of an
/// older version are read again from the log once (1: gap facts, promises
/// that take effect at once judged with their grace).
pub const FACTS_VERSION: u32 = 1;

/// The answers of one follow-up round.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Survey {
    csat: Option<u8>,
    nps: Option<u8>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Promise {
    /// The deadline it is judged by ([`crate::commit::judged_by`]).
    #[serde(with = "time::serde::rfc3339")]
    deadline: OffsetDateTime,
    /// When the promise was kept, if it was.
    #[serde(with = "time::serde::rfc3339::option")]
    kept_at: Option<OffsetDateTime>,
}

fn no_day() -> Date {
    Date::MIN
}

/// `Option<Option<T>>` kept apart in JSON: absent/`null` is `None`,
/// `{"some": null}` is `Some(None)`.
mod double_option {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize, Deserialize)]
    struct Wrapped<T> {
        some: Option<T>,
    }

    pub fn serialize<S: Serializer, T: Serialize + Clone>(
        value: &Option<Option<T>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        value
            .as_ref()
            .map(|inner| Wrapped {
                some: inner.clone(),
            })
            .serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
        d: D,
    ) -> Result<Option<Option<T>>, D::Error> {
        Ok(Option::<Wrapped<T>>::deserialize(d)?.map(|w| w.some))
    }
}

impl Promise {
    fn judged(self, now: OffsetDateTime) -> bool {
        self.kept_at.is_some() || self.deadline < now
    }

    fn met(self) -> bool {
        self.kept_at.is_some_and(|at| at <= self.deadline)
    }
}

impl CaseFacts {
    fn key(&self, group: GroupBy) -> String {
        let d = self.day;
        match group {
            GroupBy::None => ALL_KEY.to_owned(),
            GroupBy::Day => format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day()),
            GroupBy::Week => {
                let (year, week, _) = d.to_iso_week_date();
                format!("{year:04}-W{week:02}")
            }
            GroupBy::Month => format!("{:04}-{:02}", d.year(), u8::from(d.month())),
            GroupBy::Intent => self.intent.clone().unwrap_or_default(),
            GroupBy::Channel => self.channel.slug().to_owned(),
            GroupBy::Device => self.device.to_string(),
            GroupBy::Agent => self
                .agent
                .as_ref()
                .map(|a| a.name.clone())
                .unwrap_or_default(),
            GroupBy::Team => self
                .agent
                .as_ref()
                .and_then(|a| a.team.clone())
                .unwrap_or_default(),
            GroupBy::EscalationTeam => self.escalation.clone().flatten().unwrap_or_default(),
        }
    }
}

/// A case's summary with the facts the metrics need: what every writer of
/// summaries (recording an event, a sync pull, a rebuild) keeps.
pub fn summary(log: &CaseLog, state: &CaseState) -> crate::CaseSummary {
    let mut summary = state.summary();
    summary.insight = CaseFacts::of(log, state);
    summary
}

/// One case's facts; `None` for a training session.
fn read(events: &[Event], offset: UtcOffset) -> Result<Option<CaseFacts>, FoldError> {
    let mut log = CaseLog::new();
    log.merge(events.iter().cloned());
    let state = log.state()?;
    Ok(CaseFacts::of(&log, &state).map(|c| c.in_offset(offset)))
}

impl CaseFacts {
    /// The facts of a case from its log and the state it folds to; `None`
    /// for a training session.
    pub fn of(log: &CaseLog, state: &CaseState) -> Option<CaseFacts> {
        if state.training.is_some() {
            return None;
        }
        let walk = Walk::of(log, state);
        let promise = state.commitment.as_ref().map(|c| {
            let kept_at = if c.tasks.is_empty() {
                state
                    .follow_up
                    .as_ref()
                    .filter(|f| f.solved && f.at >= c.at)
                    .map(|f| f.at)
            } else {
                (0..c.tasks.len())
                    .map(|i| walk.tasks_done.get(&i).copied())
                    .collect::<Option<Vec<_>>>()
                    .and_then(|times| times.into_iter().max())
            };
            Promise {
                deadline: crate::commit::judged_by(c.at, c.deadline),
                kept_at,
            }
        });
        Some(CaseFacts {
            id: state.id,
            opened_at: state.opened_at,
            day: no_day(),
            channel: state.channel,
            device: state.opened_on,
            agent: state.agent.clone(),
            customer: state.customer.clone(),
            intent: state.intent.clone(),
            furthest: state.furthest,
            closed_once: walk.closed_once,
            solved: matches!(
                state.outcome,
                Some(Outcome::QuickAnswer { .. } | Outcome::Archived { solved: true })
            ),
            reopened: !state.reopenings.is_empty(),
            repeat: false,
            escalation: walk.escalation,
            handle_ms: walk.handled.then_some(walk.stage_ms),
            surveys: walk.surveys,
            promise,
            gaps: gaps::GapFacts::of(state),
            version: FACTS_VERSION,
        })
    }

    /// Whether these facts were written by a version that keeps everything
    /// the insights screen shows (older ones are refolded from the log).
    pub fn is_current(&self) -> bool {
        self.version == FACTS_VERSION && self.gaps.is_some()
    }

    /// The case this is about.
    pub fn case(&self) -> CaseId {
        self.id
    }

    /// With its opening day in `offset`.
    fn in_offset(mut self, offset: UtcOffset) -> CaseFacts {
        let local = self
            .opened_at
            .checked_to_offset(offset)
            .unwrap_or(self.opened_at);
        self.day = local.date();
        self
    }
}

/// What the fold's state does not keep: times per stage, whether the case
/// was ever closed, every follow-up round, when each task was done. Read
/// from the events the fold applied, in its order.
struct Walk {
    /// The handling is over: closed, at follow-up, or waiting on a promise.
    handled: bool,
    closed_once: bool,
    escalation: Option<Option<String>>,
    stage_ms: [u64; HANDLED_STAGES.len()],
    surveys: Vec<Survey>,
    /// When each task of the commitment in force was first marked done.
    tasks_done: BTreeMap<usize, OffsetDateTime>,
}

impl Walk {
    fn of(log: &CaseLog, state: &CaseState) -> Walk {
        let ignored: BTreeSet<EventId> = state.ignored.iter().map(|i| i.id).collect();
        let mut walk = Walk {
            handled: false,
            closed_once: false,
            escalation: None,
            stage_ms: [0; HANDLED_STAGES.len()],
            surveys: Vec::new(),
            tasks_done: BTreeMap::new(),
        };
        let mut stage = Stage::Intake;
        let mut since = state.opened_at;
        let mut closed = false;
        // The current visit's time is handle time: not closed, and no
        // promise made since the visit began.
        let mut running = true;
        let mut survey: Option<Survey> = None;
        // The first event is the opening, which started the intake visit.
        for e in log.events().skip(1).filter(|e| !ignored.contains(&e.id)) {
            match &e.body {
                EventBody::StageEntered { stage: to } => {
                    if running {
                        walk.spend(stage, since, e.at);
                    }
                    stage = *to;
                    since = e.at;
                    running = !closed;
                }
                EventBody::CaseReopened { .. } => {
                    if running {
                        walk.spend(stage, since, e.at);
                    }
                    stage = Stage::Diagnose;
                    since = e.at;
                    closed = false;
                    running = true;
                    walk.surveys.extend(survey.take());
                    walk.tasks_done.clear();
                }
                EventBody::CaseArchived | EventBody::QuickAnswerGiven { .. } => {
                    if running {
                        walk.spend(stage, since, e.at);
                    }
                    running = false;
                    closed = true;
                    walk.closed_once = true;
                }
                EventBody::CommitmentMade { .. } => {
                    if running {
                        walk.spend(stage, since, e.at);
                    }
                    running = false;
                    walk.tasks_done.clear();
                }
                EventBody::SolutionChosen { .. } | EventBody::CauseConfirmed { .. } => {
                    if let EventBody::SolutionChosen { escalated_to, .. } = &e.body {
                        walk.escalation = Some(escalated_to.clone());
                    }
                    walk.tasks_done.clear();
                    // The promise is set aside: the work goes on.
                    if !running && !closed {
                        running = true;
                        since = e.at;
                    }
                }
                EventBody::TaskDone { task } => {
                    walk.tasks_done.entry(*task).or_insert(e.at);
                }
                EventBody::FollowUpRecorded { csat, nps, .. } => {
                    survey = Some(Survey {
                        csat: csat.filter(|v| (1..=5).contains(v)),
                        nps: nps.filter(|v| *v <= 10),
                    });
                }
                _ => {}
            }
        }
        walk.handled = !running || stage == Stage::FollowUp;
        walk.surveys.extend(survey);
        walk
    }

    /// Adds a visit's time to its stage (follow-up's is not handle time).
    fn spend(&mut self, stage: Stage, from: OffsetDateTime, to: OffsetDateTime) {
        let ms = u64::try_from((to - from).whole_milliseconds().max(0)).unwrap_or(u64::MAX);
        if let Some(total) = self.stage_ms.get_mut(stage.index()) {
            *total = total.saturating_add(ms);
        }
    }
}

/// Marks each case with a customer and an intent that has a later case of
/// the same customer and intent within [`REPEAT_WINDOW`]: sorted by
/// customer, intent and opening, the next case of the same pair is the
/// earliest later one.
fn mark_repeats(cases: &mut [CaseFacts]) {
    let mut order: Vec<usize> = (0..cases.len())
        .filter(|&i| cases[i].customer.is_some() && cases[i].intent.is_some())
        .collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&cases[a], &cases[b]);
        (&a.customer, &a.intent, a.opened_at, a.id).cmp(&(
            &b.customer,
            &b.intent,
            b.opened_at,
            b.id,
        ))
    });
    let repeats: Vec<usize> = order
        .windows(2)
        .filter_map(|w| {
            let (a, b) = (&cases[w[0]], &cases[w[1]]);
            (a.customer == b.customer
                && a.intent == b.intent
                && b.opened_at - a.opened_at <= REPEAT_WINDOW)
                .then_some(w[0])
        })
        .collect();
    for i in repeats {
        cases[i].repeat = true;
    }
}

/// The metrics of one group.
fn row(key: String, cases: &[&CaseFacts], now: OffsetDateTime) -> Row {
    let mut fcr = Rate::default();
    let mut reopen = Rate::default();
    let mut repeat_contact = Rate::default();
    let mut escalation = Rate::default();
    let mut commitments_met = Rate::default();
    let mut commitments_not_due = 0;
    let mut handled = 0usize;
    let mut stage_ms = [0u128; HANDLED_STAGES.len()];
    let mut csat_sum = 0u128;
    let mut csat = Csat::default();
    let mut nps = Nps::default();
    for c in cases {
        fcr.count(c.closed_once, c.solved && !c.reopened && !c.repeat);
        reopen.count(c.closed_once, c.reopened);
        repeat_contact.count(c.customer.is_some() && c.intent.is_some(), c.repeat);
        escalation.count(
            c.escalation.is_some(),
            matches!(c.escalation, Some(Some(_))),
        );
        if let Some(p) = c.promise {
            if p.judged(now) {
                commitments_met.count(true, p.met());
            } else {
                commitments_not_due += 1;
            }
        }
        if let Some(ms) = &c.handle_ms {
            handled += 1;
            for (total, ms) in stage_ms.iter_mut().zip(ms) {
                *total += u128::from(*ms);
            }
        }
        for s in &c.surveys {
            if let Some(score) = s.csat {
                csat.answers += 1;
                csat_sum += u128::from(score);
                csat.top_two.count(true, score >= 4);
            }
            if let Some(score) = s.nps {
                nps.answers += 1;
                match score {
                    9.. => nps.promoters += 1,
                    7 | 8 => nps.passives += 1,
                    _ => nps.detractors += 1,
                }
            }
        }
    }
    csat.mean_tenths =
        mean_rounded(csat_sum * 10, wide(csat.answers), 1).and_then(|t| u32::try_from(t).ok());
    nps.score = nps_score(nps.promoters, nps.detractors, nps.answers);
    let all_ms: u128 = stage_ms.iter().sum();
    let handle_time = HandleTime {
        cases: handled,
        mean_secs: mean_rounded(all_ms, wide(handled), 1000),
        by_stage: HANDLED_STAGES
            .into_iter()
            .zip(stage_ms)
            .map(|(stage, ms)| (stage, mean_rounded(ms, wide(handled), 1000)))
            .collect(),
    };
    Row {
        key,
        cases: cases.len(),
        fcr,
        handle_time,
        csat,
        nps,
        repeat_contact,
        escalation,
        commitments_met,
        commitments_not_due,
        reopen,
    }
}

fn wide(n: usize) -> u128 {
    u128::try_from(n).unwrap_or(u128::MAX)
}

/// `sum / (n × unit)`, rounded to the nearest (halves up); `None` when
/// `n` is 0.
fn mean_rounded(sum: u128, n: u128, unit: u128) -> Option<u64> {
    let d = n.checked_mul(unit).filter(|d| *d > 0)?;
    u64::try_from(sum.saturating_mul(2).saturating_add(d) / (2 * d)).ok()
}

/// % promoters − % detractors, rounded to the nearest, halves away from
/// zero.
fn nps_score(promoters: usize, detractors: usize, answers: usize) -> Option<i32> {
    let n = i128::try_from(answers).ok().filter(|n| *n > 0)?;
    let p = i128::try_from(promoters).ok()?;
    let d = i128::try_from(detractors).ok()?;
    let diff = (p - d) * 100;
    let magnitude = (diff.abs() * 2 + n) / (2 * n);
    i32::try_from(if diff < 0 { -magnitude } else { magnitude }).ok()
}

// ---- CSV

/// The report's rows as CSV (RFC 4180: CRLF line ends, fields with a
/// comma, quote, CR or LF quoted, quotes doubled) for a spreadsheet: a
/// UTF-8 byte order mark first, then a header row in `lang`, then one
/// line per row. Percentages are whole numbers, times whole seconds, the
/// satisfaction mean has one decimal; a figure with nothing to count is
/// an empty cell. Keys are written as ids (the empty key as "(none)" in
/// `lang`), and a key a spreadsheet would read as a formula gets a
/// leading `'`.
pub fn metrics_csv(report: &Report, lang: Lang) -> String {
    let mut out = String::from(BOM);
    let mut header: Vec<String> = vec![pick(lang, key_header(report.group)).to_owned()];
    header.extend(
        HEADERS_BEFORE_STAGES
            .iter()
            .map(|h| pick(lang, *h).to_owned()),
    );
    header.extend(
        HANDLED_STAGES
            .iter()
            .map(|s| pick(lang, stage_header(*s)).to_owned()),
    );
    header.extend(
        HEADERS_AFTER_STAGES
            .iter()
            .map(|h| pick(lang, *h).to_owned()),
    );
    push_line(&mut out, &header);
    for r in &report.rows {
        let key = if r.key.is_empty() {
            pick(lang, ("（无）", "(none)")).to_owned()
        } else {
            r.key.clone()
        };
        let mut line = vec![text_field(&key), r.cases.to_string()];
        line.extend(rate_cells(r.fcr));
        line.push(r.handle_time.cases.to_string());
        line.push(opt(r.handle_time.mean_secs));
        line.extend(r.handle_time.by_stage.iter().map(|(_, s)| opt(*s)));
        line.push(r.csat.answers.to_string());
        line.push(
            r.csat
                .mean_tenths
                .map(|t| format!("{}.{}", t / 10, t % 10))
                .unwrap_or_default(),
        );
        line.push(r.csat.top_two.hits.to_string());
        line.push(opt(r.csat.top_two.percent()));
        line.push(r.nps.answers.to_string());
        line.push(r.nps.promoters.to_string());
        line.push(r.nps.passives.to_string());
        line.push(r.nps.detractors.to_string());
        line.push(opt(r.nps.score));
        line.extend(rate_cells(r.repeat_contact));
        line.extend(rate_cells(r.escalation));
        line.extend(rate_cells(r.commitments_met));
        line.push(r.commitments_not_due.to_string());
        line.extend(rate_cells(r.reopen));
        push_line(&mut out, &line);
    }
    out
}

type Words = (&'static str, &'static str);

const HEADERS_BEFORE_STAGES: [Words; 6] = [
    ("案件数", "Cases"),
    ("首次解决", "FCR"),
    ("首次解决基数", "FCR of"),
    ("首次解决率%", "FCR %"),
    ("有处理时长的案件", "Cases with handle time"),
    ("平均处理时长(秒)", "Avg handle time (s)"),
];

const HEADERS_AFTER_STAGES: [Words; 22] = [
    ("满意度答卷", "CSAT answers"),
    ("满意度均分", "CSAT mean"),
    ("满意度4-5分", "CSAT top-2 box"),
    ("满意度4-5分%", "CSAT top-2 box %"),
    ("推荐意愿答卷", "NPS answers"),
    ("推荐者", "Promoters"),
    ("中立者", "Passives"),
    ("贬损者", "Detractors"),
    ("NPS", "NPS"),
    ("重复联系", "Repeat contacts"),
    ("重复联系基数", "Repeat of"),
    ("重复联系率%", "Repeat %"),
    ("升级", "Escalated"),
    ("升级基数", "Escalation of"),
    ("升级率%", "Escalation %"),
    ("按时兑现承诺", "Commitments met"),
    ("到期承诺", "Commitments due"),
    ("承诺按时兑现率%", "Commitments met %"),
    ("未到期承诺", "Commitments not yet due"),
    ("重开", "Reopened"),
    ("重开基数", "Reopen of"),
    ("重开率%", "Reopen %"),
];

fn key_header(group: GroupBy) -> Words {
    match group {
        GroupBy::None => ("范围", "Scope"),
        GroupBy::Day => ("日期", "Day"),
        GroupBy::Week => ("周", "Week"),
        GroupBy::Month => ("月份", "Month"),
        GroupBy::Intent => ("来意", "Intent"),
        GroupBy::Channel => ("渠道", "Channel"),
        GroupBy::Device => ("设备", "Device"),
        GroupBy::Agent => ("坐席", "Agent"),
        GroupBy::Team => ("团队", "Team"),
        GroupBy::EscalationTeam => ("升级团队", "Escalation team"),
    }
}

fn stage_header(stage: Stage) -> Words {
    match stage {
        Stage::Intake => ("受理(秒)", "Intake (s)"),
        Stage::Listen => ("倾听(秒)", "Listen (s)"),
        Stage::Verify => ("身份核验(秒)", "Verify (s)"),
        Stage::Reconstruct => ("还原经过(秒)", "Reconstruct (s)"),
        Stage::Diagnose => ("诊断(秒)", "Diagnose (s)"),
        Stage::Resolve => ("方案(秒)", "Resolve (s)"),
        Stage::Commit => ("承诺(秒)", "Commit (s)"),
        Stage::FollowUp => ("回访(秒)", "Follow up (s)"),
    }
}

fn pick(lang: Lang, (zh, en): Words) -> &'static str {
    match lang {
        Lang::ZhCn => zh,
        Lang::En => en,
    }
}

fn rate_cells(rate: Rate) -> [String; 3] {
    [
        rate.hits.to_string(),
        rate.of.to_string(),
        opt(rate.percent()),
    ]
}

fn opt<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

fn push_line(out: &mut String, fields: &[String]) {
    out.push_str(&fields.join(","));
    out.push_str(CRLF);
}
