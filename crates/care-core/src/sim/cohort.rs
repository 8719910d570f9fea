//! The trainer's cohort view: every training session of a group of
//! trainees, scored and summed up per trainee and per scenario, and the
//! exports a trainer takes away (CSV for a spreadsheet, JSON for tools).
//!
//! A session is a training case's log. [`result_of`] scores one with the
//! rubric ([`score_case`]) and keeps what the view needs; [`cohort`] and
//! [`by_scenario`] sum the results up. Only finished sessions (the case
//! was closed) count towards averages, best scores and trends: a session
//! abandoned half-way would otherwise drag a trainee down for work they
//! never claimed was done. Every session, finished or not, counts in
//! `sessions`, and a fatal error counts wherever it was made, since what
//! was revealed cannot be taken back by leaving the case open.
//!
//! Everything here is a pure function of its arguments: the same results
//! give the same rows and the same bytes of export.

use super::model::{Level, Scenario};
use super::score::{score_case, Rule};
use crate::case::{CaseId, CaseState, Event, EventBody};
use crate::csv::{text_field, BOM, CRLF};
use crate::pack::Pack;
use crate::text::{Lang, Text};
use serde::{Deserialize, Serialize, Serializer};
use std::collections::BTreeMap;
use time::{OffsetDateTime, UtcOffset};

/// The version of the JSON export's format.
pub const RESULTS_SCHEMA: u32 = 1;

/// One training session, scored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionResult {
    /// The training case.
    pub case: CaseId,
    /// The scenario's id.
    pub scenario: String,
    pub scenario_title: Text,
    pub level: Level,
    /// The trainee, by person id.
    pub trainee: String,
    pub trainee_name: String,
    /// When the case was opened.
    #[serde(with = "time::serde::rfc3339")]
    pub started_at: OffsetDateTime,
    /// From the first event to the last, rounded up.
    pub minutes: u32,
    /// The case was closed (archived or answered at intake).
    pub finished: bool,
    pub earned: u32,
    pub max: u32,
    /// A fatal error was made: the score is 0.
    pub fatal: bool,
    /// Points lost per rule, for the rules that lost any, in rule order.
    /// These are the rubric's own items: in a fatal session the rules keep
    /// what they found (verification shows the reveal), they are not all
    /// zeroed with the total.
    pub lost: Vec<(Rule, u32)>,
}

impl SessionResult {
    /// The score in percent, rounded to the nearest; 0 when there was
    /// nothing to score or a fatal error was made.
    pub fn percent(&self) -> u32 {
        if self.fatal || self.max == 0 {
            return 0;
        }
        let (earned, max) = (u64::from(self.earned), u64::from(self.max));
        let p = (earned * 100 + max / 2) / max;
        u32::try_from(p).unwrap_or(u32::MAX)
    }
}

/// Scores a training case of `scenario`: `events` is the case's log in id
/// order. `None` when the log is not a training session of that scenario
/// (a real case, another scenario's session, or no log at all).
pub fn result_of(
    scenario: &Scenario,
    pack: &Pack,
    trainee_name: &str,
    events: &[Event],
) -> Option<SessionResult> {
    let first = events.first()?;
    let training = match &first.body {
        EventBody::CaseOpened {
            training: Some(t), ..
        } if t.scenario == scenario.id => t,
        _ => return None,
    };
    let last = events.last().unwrap_or(first);
    let seconds = u64::try_from((last.at - first.at).whole_seconds()).unwrap_or(0);
    let minutes = u32::try_from(seconds.div_ceil(60)).unwrap_or(u32::MAX);
    let finished = CaseState::fold(events).is_ok_and(|s| s.outcome.is_some());
    let score = score_case(scenario, pack, events);
    let mut lost: BTreeMap<Rule, u32> = BTreeMap::new();
    for item in &score.items {
        let l = item.max.saturating_sub(item.earned);
        if l > 0 {
            *lost.entry(item.rule).or_default() += l;
        }
    }
    Some(SessionResult {
        case: first.case,
        scenario: scenario.id.clone(),
        scenario_title: scenario.title.clone(),
        level: scenario.level,
        trainee: training.trainee.clone(),
        trainee_name: trainee_name.to_owned(),
        started_at: first.at,
        minutes,
        finished,
        earned: score.earned,
        max: score.max,
        fatal: score.fatal.is_some(),
        lost: lost.into_iter().collect(),
    })
}

/// One trainee's line of the cohort view.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TraineeRow {
    /// The person id.
    pub trainee: String,
    /// The name of their latest session.
    pub name: String,
    /// Every session, finished or not.
    pub sessions: usize,
    pub finished: usize,
    /// The mean percent of the finished sessions, rounded.
    pub average: Option<u32>,
    /// The best percent of a finished session.
    pub best: Option<u32>,
    /// The percent of the latest finished session.
    pub latest: Option<u32>,
    /// Sessions with a fatal error, finished or not.
    pub fatal: usize,
    /// The finished sessions' percents, in time order.
    #[serde(serialize_with = "rfc3339_points")]
    pub trend: Vec<(OffsetDateTime, u32)>,
    /// The rule that lost the most points over the finished sessions (the
    /// first in rule order on a tie); `None` when none lost any.
    pub weakest: Option<Rule>,
}

/// One scenario's line of the cohort view.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScenarioRow {
    pub scenario: String,
    /// The title of its latest session.
    pub title: Text,
    pub level: Level,
    /// Every session, finished or not.
    pub sessions: usize,
    pub finished: usize,
    /// The mean percent of the finished sessions, rounded.
    pub average: Option<u32>,
    /// Sessions with a fatal error, finished or not.
    pub fatal: usize,
}

/// The results in time order (ties by case id, so the order never
/// depends on how they were handed in).
fn in_time_order(results: &[SessionResult]) -> Vec<&SessionResult> {
    let mut sorted: Vec<&SessionResult> = results.iter().collect();
    sorted.sort_by_key(|r| (r.started_at, r.case));
    sorted
}

/// The rounded mean.
fn mean(values: &[u32]) -> Option<u32> {
    let n = u64::try_from(values.len()).ok().filter(|n| *n > 0)?;
    let sum: u64 = values.iter().map(|v| u64::from(*v)).sum();
    u32::try_from((sum + n / 2) / n).ok()
}

/// One row per trainee, by name, then by id.
pub fn cohort(results: &[SessionResult]) -> Vec<TraineeRow> {
    let mut by_trainee: BTreeMap<&str, Vec<&SessionResult>> = BTreeMap::new();
    for r in in_time_order(results) {
        by_trainee.entry(&r.trainee).or_default().push(r);
    }
    let mut rows: Vec<TraineeRow> = by_trainee
        .into_iter()
        .map(|(trainee, sessions)| {
            let done: Vec<&SessionResult> =
                sessions.iter().copied().filter(|r| r.finished).collect();
            let trend: Vec<(OffsetDateTime, u32)> =
                done.iter().map(|r| (r.started_at, r.percent())).collect();
            let percents: Vec<u32> = trend.iter().map(|(_, p)| *p).collect();
            let mut lost: BTreeMap<Rule, u64> = BTreeMap::new();
            for (rule, points) in done.iter().flat_map(|r| &r.lost) {
                *lost.entry(*rule).or_default() += u64::from(*points);
            }
            // The most points lost; on a tie, the first rule (rules come in
            // order, and `max_by` would keep the last of equals).
            let weakest = lost
                .into_iter()
                .filter(|(_, points)| *points > 0)
                .fold(
                    None,
                    |best: Option<(Rule, u64)>, (rule, points)| match best {
                        Some((_, most)) if most >= points => best,
                        _ => Some((rule, points)),
                    },
                )
                .map(|(rule, _)| rule);
            TraineeRow {
                trainee: trainee.to_owned(),
                name: sessions
                    .last()
                    .map(|r| r.trainee_name.clone())
                    .unwrap_or_default(),
                sessions: sessions.len(),
                finished: done.len(),
                average: mean(&percents),
                best: percents.iter().copied().max(),
                latest: percents.last().copied(),
                fatal: sessions.iter().filter(|r| r.fatal).count(),
                trend,
                weakest,
            }
        })
        .collect();
    rows.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.trainee.cmp(&b.trainee)));
    rows
}

/// One row per scenario, by level, then by id.
pub fn by_scenario(results: &[SessionResult]) -> Vec<ScenarioRow> {
    let mut by_id: BTreeMap<&str, Vec<&SessionResult>> = BTreeMap::new();
    for r in in_time_order(results) {
        by_id.entry(&r.scenario).or_default().push(r);
    }
    let mut rows: Vec<ScenarioRow> = by_id
        .into_iter()
        .filter_map(|(scenario, sessions)| {
            let latest = sessions.last()?;
            let percents: Vec<u32> = sessions
                .iter()
                .filter(|r| r.finished)
                .map(|r| r.percent())
                .collect();
            Some(ScenarioRow {
                scenario: scenario.to_owned(),
                title: latest.scenario_title.clone(),
                level: latest.level,
                sessions: sessions.len(),
                finished: percents.len(),
                average: mean(&percents),
                fatal: sessions.iter().filter(|r| r.fatal).count(),
            })
        })
        .collect();
    rows.sort_by(|a, b| {
        a.level
            .cmp(&b.level)
            .then_with(|| a.scenario.cmp(&b.scenario))
    });
    rows
}

/// The CSV export's columns: (zh-CN, en).
const HEADERS: [(&str, &str); 13] = [
    ("学员", "Trainee"),
    ("学员编号", "Trainee ID"),
    ("场景", "Scenario"),
    ("场景编号", "Scenario ID"),
    ("难度", "Level"),
    ("开始时间", "Started"),
    ("用时（分钟）", "Minutes"),
    ("已完成", "Finished"),
    ("得分", "Score"),
    ("满分", "Max"),
    ("百分比", "Percent"),
    ("致命错误", "Fatal"),
    ("案件", "Case"),
];

fn pick(lang: Lang, (zh, en): (&'static str, &'static str)) -> &'static str {
    match lang {
        Lang::ZhCn => zh,
        Lang::En => en,
    }
}

fn level_word(level: Level, lang: Lang) -> &'static str {
    pick(
        lang,
        match level {
            Level::Easy => ("简单", "easy"),
            Level::Medium => ("中等", "medium"),
            Level::Hard => ("困难", "hard"),
        },
    )
}

fn yes_no(b: bool, lang: Lang) -> &'static str {
    pick(lang, if b { ("是", "yes") } else { ("否", "no") })
}

/// RFC 3339 in UTC, to the second. Written by hand: formatting with the
/// `time` crate can fail (years past 9999), and a cell needs no error.
fn utc_rfc3339(at: OffsetDateTime) -> String {
    let t = at.to_offset(UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// The results as CSV (RFC 4180, CRLF line ends) for a spreadsheet, with
/// a header row, levels and yes/no in `lang`; rows in time order.
pub fn results_csv(results: &[SessionResult], lang: Lang) -> String {
    let mut out = String::from(BOM);
    let header: Vec<&str> = HEADERS.iter().map(|h| pick(lang, *h)).collect();
    out.push_str(&header.join(","));
    out.push_str(CRLF);
    for r in in_time_order(results) {
        let row = [
            text_field(&r.trainee_name),
            text_field(&r.trainee),
            text_field(r.scenario_title.get(lang)),
            text_field(&r.scenario),
            level_word(r.level, lang).to_owned(),
            utc_rfc3339(r.started_at),
            r.minutes.to_string(),
            yes_no(r.finished, lang).to_owned(),
            r.earned.to_string(),
            r.max.to_string(),
            r.percent().to_string(),
            yes_no(r.fatal, lang).to_owned(),
            r.case.to_string(),
        ];
        out.push_str(&row.join(","));
        out.push_str(CRLF);
    }
    out
}

/// One result of the JSON export: the result with its percent.
#[derive(Serialize)]
struct Exported<'a> {
    #[serde(flatten)]
    result: &'a SessionResult,
    percent: u32,
}

#[derive(Serialize)]
struct Export<'a> {
    schema: u32,
    results: Vec<Exported<'a>>,
}

/// The results as pretty JSON, `{ "schema": 1, "results": [...] }`, each
/// with its `percent`; in time order. Fails only if a time cannot be
/// written in RFC 3339 (a year past 9999).
pub fn results_json(results: &[SessionResult]) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(&Export {
        schema: RESULTS_SCHEMA,
        results: in_time_order(results)
            .into_iter()
            .map(|result| Exported {
                result,
                percent: result.percent(),
            })
            .collect(),
    })
}

/// A trend as `[["2026-11-30T09:00:00Z", 85], ...]`: the times in RFC 3339,
/// like every other time the app writes.
fn rfc3339_points<S: Serializer>(
    points: &[(OffsetDateTime, u32)],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    struct At(OffsetDateTime);
    impl Serialize for At {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            time::serde::rfc3339::serialize(&self.0, serializer)
        }
    }
    serializer.collect_seq(points.iter().map(|(at, p)| (At(*at), *p)))
}
