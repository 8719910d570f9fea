//! The commit stage: what the agent promises the customer, by when in
//! business time, and the follow-up tasks that keep the promise.
//!
//! Commitment wording, effect times, team SLAs and the business calendar
//! are pack data; deadlines count working hours of the pack calendar.

mod calendar;

pub use calendar::{BusinessCalendar, CalendarError};

use crate::diagnose::fill_placeholders;
use crate::pack::{placeholders, Pack, COMMITMENT_PLACEHOLDERS};
use crate::reconstruct::text;
use crate::records::Fen;
use crate::resolve::{self, Authority, ResolveError};
use crate::text::{Lang, Text};
use serde::{Deserialize, Serialize};
use thiserror::Error;
use time::{Date, Duration, Month, OffsetDateTime};

/// The values for a commitment template's placeholders. A value left
/// `None` (or no steps) leaves its placeholder as written, and
/// [`unfilled`] names it, so a half-filled promise is never read out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitmentFill {
    pub action: Option<Text>,
    pub deadline: Option<Text>,
    pub fee: Option<Text>,
    pub effect: Option<Text>,
    pub contact: Option<Text>,
    pub steps: Vec<Text>,
}

/// Who does a task.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TaskOwner {
    /// The agent, by role.
    Role {
        id: String,
        name: Text,
    },
    Team {
        id: String,
        name: Text,
    },
}

/// A follow-up that keeps a promise.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Task {
    pub title: Text,
    pub owner: TaskOwner,
    #[serde(with = "time::serde::rfc3339")]
    pub due: OffsetDateTime,
}

/// What committing to a solution means: the deadline, the money, the tasks
/// and the template with what the plan already knows filled in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CommitmentPlan {
    pub solution: String,
    pub name: Text,
    pub authority: Authority,
    /// When the customer can expect it done, in the calendar's offset.
    #[serde(with = "time::serde::rfc3339")]
    pub deadline: OffsetDateTime,
    pub fee: Fen,
    pub refund: Fen,
    pub commitment: String,
    pub template: Text,
    /// Action, deadline, fee, effect and the pack's steps for the customer;
    /// contact and any further steps are the agent's.
    pub fill: CommitmentFill,
    pub tasks: Vec<Task>,
}

impl CommitmentPlan {
    /// The tasks as a commitment event records them: owners by id.
    pub fn task_plans(&self) -> Vec<crate::case::TaskPlan> {
        self.tasks
            .iter()
            .map(|t| crate::case::TaskPlan {
                title: t.title.clone(),
                owner: match &t.owner {
                    TaskOwner::Role { id, .. } | TaskOwner::Team { id, .. } => id.clone(),
                },
                due: t.due,
            })
            .collect()
    }
}

impl CommitmentPlan {
    /// The promise as it would be said, with `contact`, and the agent's
    /// `more_steps` after the pack's steps for the customer.
    pub fn text(&self, contact: Option<Text>, more_steps: Vec<Text>) -> Text {
        render(&self.template, &self.filled(contact, more_steps))
    }

    /// The plan's fill with what the agent adds.
    pub fn filled(&self, contact: Option<Text>, more_steps: Vec<Text>) -> CommitmentFill {
        let mut fill = CommitmentFill {
            contact,
            ..self.fill.clone()
        };
        fill.steps.extend(more_steps);
        fill
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum CommitError {
    #[error("unknown solution `{0}`")]
    UnknownSolution(String),
    /// Only for a pack that did not pass the loader's checks.
    #[error("unknown commitment template `{0}`")]
    UnknownCommitment(String),
    #[error(transparent)]
    Resolve(#[from] ResolveError),
    #[error(transparent)]
    Calendar(#[from] CalendarError),
    #[error("the deadline is beyond the last date that can be represented")]
    OutOfRange,
}

/// Plans `solution` for an agent in `role` at `now`. Within the role's
/// authority the deadline is `effect_hours` working hours away; escalated,
/// the team first has its SLA, then the effect time runs. The agent always
/// gets a callback task at the deadline; an escalated team, a task due at
/// its SLA.
pub fn plan(
    pack: &Pack,
    solution: &str,
    role: &str,
    now: OffsetDateTime,
) -> Result<CommitmentPlan, CommitError> {
    let s = pack
        .solutions
        .iter()
        .find(|s| s.id == solution)
        .ok_or_else(|| CommitError::UnknownSolution(solution.to_owned()))?;
    let acting = pack
        .roles
        .iter()
        .find(|r| r.id == role)
        .ok_or_else(|| ResolveError::UnknownRole(role.to_owned()))?;
    let authority = resolve::authority(pack, s, role)?;
    let template = pack
        .commitments
        .iter()
        .find(|c| c.id == s.commitment)
        .ok_or_else(|| CommitError::UnknownCommitment(s.commitment.clone()))?
        .text
        .clone();
    let cal = BusinessCalendar::from_pack(&pack.calendar)?;
    let add = |from, hours| {
        cal.checked_add_working_hours(from, hours)
            .ok_or(CommitError::OutOfRange)
    };
    let now = now
        .checked_to_offset(cal.offset())
        .ok_or(CommitError::OutOfRange)?;

    let mut tasks = Vec::new();
    let started = match &authority {
        Authority::Within => now,
        Authority::Escalate {
            team,
            team_name,
            sla_hours,
            ..
        } => {
            let due = add(now, *sla_hours)?;
            tasks.push(Task {
                title: text(
                    format!("处理转交的方案：{}", s.name.zh_cn),
                    format!("Handle the escalated solution: {}", s.name.en),
                ),
                owner: TaskOwner::Team {
                    id: team.clone(),
                    name: team_name.clone(),
                },
                due,
            });
            due
        }
    };
    let deadline = add(started, s.effect_hours)?;
    tasks.push(Task {
        title: text(
            format!("回访客户，确认“{}”已落实", s.name.zh_cn),
            format!(
                "Call the customer back to confirm it is done: {}",
                s.name.en
            ),
        ),
        owner: TaskOwner::Role {
            id: acting.id.clone(),
            name: acting.name.clone(),
        },
        due: deadline,
    });

    let fee = resolve::yuan(s.fee);
    let when = format_deadline(deadline);
    let effect = if deadline == now {
        text("即时生效", "It takes effect immediately")
    } else {
        text(
            format!("预计{}前生效", when.zh_cn),
            format!("It takes effect by {}", when.en),
        )
    };
    Ok(CommitmentPlan {
        solution: s.id.clone(),
        name: s.name.clone(),
        authority,
        deadline,
        fee,
        refund: resolve::yuan(s.refund),
        commitment: s.commitment.clone(),
        template,
        fill: CommitmentFill {
            action: Some(s.name.clone()),
            deadline: Some(when),
            fee: Some(text(fee.to_string(), fee.to_string())),
            effect: Some(effect),
            contact: None,
            steps: s.customer_steps.clone(),
        },
        tasks,
    })
}

/// Fills a commitment template in both languages. Steps become a numbered
/// list within the sentence. In English a value that starts a sentence is
/// capitalised, and an action or effect inside one starts in lower case.
pub fn render(template: &Text, fill: &CommitmentFill) -> Text {
    let one = |lang: Lang| {
        fill_placeholders(template.get(lang), |name, before| {
            let value = value_of(fill, name, lang)?;
            Some(match lang {
                Lang::ZhCn => value,
                Lang::En => english_case(name, &value, before),
            })
        })
    };
    Text {
        zh_cn: one(Lang::ZhCn),
        en: one(Lang::En),
    }
}

/// The template's placeholders that `fill` leaves empty, in either language.
pub fn unfilled(template: &Text, fill: &CommitmentFill) -> Vec<&'static str> {
    COMMITMENT_PLACEHOLDERS
        .iter()
        .copied()
        .filter(|p| {
            [Lang::ZhCn, Lang::En]
                .iter()
                .any(|l| placeholders(template.get(*l)).contains(p))
                && value_of(fill, p, Lang::ZhCn).is_none()
        })
        .collect()
}

fn value_of(fill: &CommitmentFill, name: &str, lang: Lang) -> Option<String> {
    let get = |t: &Option<Text>| t.as_ref().map(|t| t.get(lang).to_owned());
    match name {
        "action" => get(&fill.action),
        "deadline" => get(&fill.deadline),
        "fee" => get(&fill.fee),
        "effect" => get(&fill.effect),
        "contact" => get(&fill.contact),
        "steps" => steps(&fill.steps, lang),
        _ => None,
    }
}

/// `（1）…；（2）…` / `(1) …; (2) …`; a single step needs no number.
fn steps(items: &[Text], lang: Lang) -> Option<String> {
    let items: Vec<&str> = items
        .iter()
        .map(|t| {
            t.get(lang)
                .trim()
                .trim_end_matches(['。', '；', '，', '.', ';', ','])
        })
        .filter(|s| !s.is_empty())
        .collect();
    match items.as_slice() {
        [] => None,
        [one] => Some((*one).to_owned()),
        many => Some(
            many.iter()
                .enumerate()
                .map(|(i, s)| match lang {
                    Lang::ZhCn => format!("（{}）{s}", i + 1),
                    Lang::En => format!("({}) {s}", i + 1),
                })
                .collect::<Vec<_>>()
                .join(match lang {
                    Lang::ZhCn => "；",
                    Lang::En => "; ",
                }),
        ),
    }
}

fn english_case(name: &str, value: &str, before: &str) -> String {
    let before = before.trim_end();
    let starts_sentence = before.is_empty() || before.ends_with(['.', '!', '?']);
    let mut chars = value.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let rest = chars.as_str();
    if starts_sentence {
        return format!("{}{rest}", first.to_uppercase());
    }
    // "Cancel the service" reads "we will cancel the service"; "SIM…",
    // "WeChat…", "Wi-Fi…" or "I've…" keep their capitals.
    let word = rest.split(|c: char| c.is_whitespace()).next().unwrap_or("");
    let ordinary = first.is_ascii_uppercase()
        && word.starts_with(|c: char| c.is_ascii_lowercase())
        && word.chars().all(|c| c.is_ascii_lowercase() || c == '-');
    if matches!(name, "action" | "effect") && ordinary {
        format!("{}{rest}", first.to_ascii_lowercase())
    } else {
        value.to_owned()
    }
}

const WEEKDAYS_ZH: [&str; 7] = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];
const WEEKDAYS_EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// `Jan` … `Dec`.
pub(crate) fn month_name(m: Month) -> &'static str {
    match m {
        Month::January => "Jan",
        Month::February => "Feb",
        Month::March => "Mar",
        Month::April => "Apr",
        Month::May => "May",
        Month::June => "Jun",
        Month::July => "Jul",
        Month::August => "Aug",
        Month::September => "Sep",
        Month::October => "Oct",
        Month::November => "Nov",
        Month::December => "Dec",
    }
}

/// `2026年12月1日` / `1 Dec 2026`.
/// How long a promise that takes effect at once (its deadline is the
/// moment it is made) has to be kept: the rest of the contact. An agent
/// ticks its task seconds after promising, and that is on time.
pub const AT_ONCE_GRACE: time::Duration = time::Duration::minutes(30);

/// The moment a promise made at `made` with `deadline` is judged by: the
/// deadline, or for a promise that takes effect at once, the end of
/// [`AT_ONCE_GRACE`] after it was made.
pub fn judged_by(made: OffsetDateTime, deadline: OffsetDateTime) -> OffsetDateTime {
    if deadline <= made {
        made + AT_ONCE_GRACE
    } else {
        deadline
    }
}

pub fn format_date(date: Date) -> Text {
    text(
        format!(
            "{}年{}月{}日",
            date.year(),
            u8::from(date.month()),
            date.day()
        ),
        format!(
            "{} {} {}",
            date.day(),
            month_name(date.month()),
            date.year()
        ),
    )
}

/// `2026年12月1日（周二）18:00` / `Tue 1 Dec 2026, 18:00`, in `at`'s own
/// offset (plans give deadlines in the calendar's).
pub fn format_deadline(at: OffsetDateTime) -> Text {
    let date = format_date(at.date());
    let day = usize::from(at.weekday().number_days_from_monday());
    let hm = format!("{:02}:{:02}", at.hour(), at.minute());
    text(
        format!("{}（{}）{hm}", date.zh_cn, WEEKDAYS_ZH[day % 7]),
        format!("{} {}, {hm}", WEEKDAYS_EN[day % 7], date.en),
    )
}

/// Time to a deadline, for the visible countdown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Countdown {
    /// The deadline has passed; the durations then say by how much.
    pub overdue: bool,
    /// Working time left (or overdue by), never negative.
    pub working: Duration,
    /// Calendar time left (or overdue by), never negative.
    pub calendar: Duration,
}

impl Countdown {
    /// `剩余工作时间 5 小时 30 分（自然时间 2 天 3 小时）` /
    /// `5 h 30 min of working time left (2 d 3 h on the clock)`.
    pub fn text(&self) -> Text {
        let (wz, we) = span(self.working, false);
        let (cz, ce) = span(self.calendar, true);
        if self.overdue {
            text(
                format!("已超时：工作时间 {wz}（自然时间 {cz}）"),
                format!("Overdue by {we} of working time ({ce} on the clock)"),
            )
        } else {
            text(
                format!("剩余工作时间 {wz}（自然时间 {cz}）"),
                format!("{we} of working time left ({ce} on the clock)"),
            )
        }
    }
}

/// A duration in days (if asked), hours and minutes, zero parts left out.
fn span(d: Duration, with_days: bool) -> (String, String) {
    let minutes = d.whole_minutes().max(0);
    let (days, hours, mins) = if with_days {
        (minutes / 1440, minutes / 60 % 24, minutes % 60)
    } else {
        (0, minutes / 60, minutes % 60)
    };
    let mut zh = Vec::new();
    let mut en = Vec::new();
    for (n, z, e) in [(days, "天", "d"), (hours, "小时", "h"), (mins, "分", "min")] {
        if n > 0 {
            zh.push(format!("{n} {z}"));
            en.push(format!("{n} {e}"));
        }
    }
    if zh.is_empty() {
        return ("0 分".into(), "0 min".into());
    }
    (zh.join(" "), en.join(" "))
}

/// How long until `deadline` (or how long past it), in working time of
/// `cal` and in calendar time.
pub fn remaining(
    now: OffsetDateTime,
    deadline: OffsetDateTime,
    cal: &BusinessCalendar,
) -> Countdown {
    let overdue = now > deadline;
    Countdown {
        overdue,
        working: cal.working_time_between(now, deadline).abs(),
        calendar: (deadline - now).abs(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Option<Text> {
        Some(text(s, s))
    }

    #[test]
    fn english_values_fit_where_they_stand_in_the_sentence() {
        let template = text(
            "{effect}。{action}",
            "{effect}. We will {action} ({contact})",
        );
        let fill = CommitmentFill {
            action: t("Cancel the SIM"),
            effect: t("it takes effect now"),
            contact: t("WeChat"),
            ..CommitmentFill::default()
        };
        assert_eq!(
            render(&template, &fill).en,
            "It takes effect now. We will cancel the SIM (WeChat)"
        );
        let shouting = CommitmentFill {
            action: t("SIM swap check"),
            ..fill
        };
        assert!(render(&template, &shouting).en.contains("will SIM swap"));
        let hyphen = CommitmentFill {
            action: t("Back-office review"),
            ..CommitmentFill::default()
        };
        assert!(render(&template, &hyphen)
            .en
            .contains("will back-office review"));
        let pronoun = CommitmentFill {
            action: t("I've no idea"),
            ..CommitmentFill::default()
        };
        assert!(render(&template, &pronoun).en.contains("will I've"));
    }

    #[test]
    fn spans_leave_out_zero_parts() {
        assert_eq!(span(Duration::minutes(90), false).1, "1 h 30 min");
        assert_eq!(span(Duration::hours(51), true).1, "2 d 3 h");
        assert_eq!(span(Duration::hours(51), false).0, "51 小时");
        assert_eq!(span(Duration::seconds(20), true).1, "0 min");
    }
}
