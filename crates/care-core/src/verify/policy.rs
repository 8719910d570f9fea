//! The verification policy: from the pack's levels and methods and the
//! case's attempts, what is reached, what is still possible, and whether
//! the case is locked.

use crate::case::CaseState;
use crate::customer::Customer;
use crate::pack::{CheckKind, Level, Pack};
use crate::records::CustomerRecords;
use crate::text::Text;
use thiserror::Error;
use time::{Duration, OffsetDateTime};

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum VerifyError {
    #[error("the pack has no verification level {0}")]
    UnknownLevel(String),
    #[error("the pack has no verification levels")]
    NoLevels,
}

/// Why a method cannot be used now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unavailable {
    /// Not offered on the case's channel.
    Channel,
    /// Proves nothing for this intent (the pack says so).
    Intent,
    /// The customer's records hold nothing to check it against.
    NoRecord,
}

impl Unavailable {
    pub fn explain(self) -> Text {
        let (zh, en) = match self {
            Unavailable::Channel => ("此渠道不能使用该方式", "Not available on this channel"),
            Unavailable::Intent => (
                "此类问题不能用该方式核验（可能已落入他人之手）",
                "Not valid for this kind of request (it may be in someone else's hands)",
            ),
            Unavailable::NoRecord => (
                "客户资料中无可比对的信息",
                "Nothing on record to check it against",
            ),
        };
        Text {
            zh_cn: zh.into(),
            en: en.into(),
        }
    }
}

/// One method as the agent sees it.
#[derive(Clone, Debug, PartialEq)]
pub struct MethodStatus {
    pub id: String,
    pub name: Text,
    pub description: Option<Text>,
    pub strength: u32,
    pub check: CheckKind,
    pub passed: bool,
    pub failures: usize,
    pub unavailable: Option<Unavailable>,
}

/// Where verification stands.
#[derive(Clone, Debug, PartialEq)]
pub struct VerifyStatus {
    pub needed: Level,
    /// The highest level the passed methods reach.
    pub reached: Level,
    pub strength: u32,
    pub met: bool,
    /// Failed attempts since the last lock ended (all of them while locked).
    pub failures: u32,
    pub attempts_left: u32,
    /// Set while the case is locked.
    pub locked_until: Option<OffsetDateTime>,
    /// Methods in pack order.
    pub methods: Vec<MethodStatus>,
}

impl VerifyStatus {
    pub fn locked(&self) -> bool {
        self.locked_until.is_some()
    }
}

/// The status of the case against `level` at `now`. `customer` decides
/// which methods can be checked at all.
pub fn status(
    pack: &Pack,
    state: &CaseState,
    level: &str,
    customer: Option<(&Customer, &CustomerRecords)>,
    now: OffsetDateTime,
) -> Result<VerifyStatus, VerifyError> {
    let v = &pack.verification;
    let needed = v
        .levels
        .iter()
        .find(|l| l.id == level)
        .cloned()
        .ok_or_else(|| VerifyError::UnknownLevel(level.to_owned()))?;
    let locked_until = state.locked_until.filter(|until| now < *until);
    // Failures count since the last lock ended; passes do not reset them,
    // so an impostor cannot interleave one known answer with guesses.
    let failures = match (locked_until, state.locked_until) {
        (Some(_), _) => v.max_attempts,
        (None, ended) => state
            .attempts
            .iter()
            .filter(|a| !a.passed && ended.is_none_or(|end| a.at >= end))
            .count() as u32,
    };
    let methods: Vec<MethodStatus> = v
        .methods
        .iter()
        .map(|m| {
            let unavailable = if !m.channels.contains(&state.channel) {
                Some(Unavailable::Channel)
            } else if state
                .intent
                .as_ref()
                .is_some_and(|i| m.not_for_intents.contains(i))
            {
                Some(Unavailable::Intent)
            } else if !checkable(m.check, customer) {
                Some(Unavailable::NoRecord)
            } else {
                None
            };
            MethodStatus {
                id: m.id.clone(),
                name: m.name.clone(),
                description: m.description.clone(),
                strength: m.strength,
                check: m.check,
                // A pass by a method that no longer counts (the intent
                // changed to one it proves nothing for) does not count.
                passed: unavailable != Some(Unavailable::Intent)
                    && state.attempts.iter().any(|a| a.method == m.id && a.passed),
                failures: state
                    .attempts
                    .iter()
                    .filter(|a| a.method == m.id && !a.passed)
                    .count(),
                unavailable,
            }
        })
        .collect();
    let strength = methods
        .iter()
        .filter(|m| m.passed)
        .map(|m| m.strength)
        .sum();
    let reaches = |l: &Level| {
        l.min_strength <= strength
            && (l.requires_any.is_empty()
                || methods
                    .iter()
                    .any(|m| m.passed && l.requires_any.contains(&m.id)))
    };
    let reached = v
        .levels
        .iter()
        .rev()
        .find(|l| reaches(l))
        .or(v.levels.first())
        .cloned()
        .ok_or(VerifyError::NoLevels)?;
    Ok(VerifyStatus {
        met: reaches(&needed),
        needed,
        reached,
        strength,
        failures,
        attempts_left: v.max_attempts.saturating_sub(failures),
        locked_until,
        methods,
    })
}

/// Whether the customer's records hold something to check a method against.
pub(crate) fn checkable(kind: CheckKind, customer: Option<(&Customer, &CustomerRecords)>) -> bool {
    // Without an identified customer there is nothing to check against.
    let Some((c, r)) = customer else {
        return false;
    };
    match kind {
        CheckKind::ServicePassword => c
            .profile
            .as_ref()
            .is_some_and(|p| p.service_password.is_some()),
        CheckKind::IdDigits => !c.id_number.is_empty(),
        CheckKind::BillAmount => !r.bills.is_empty(),
        CheckKind::OneTimeCode => !c.msisdn.is_empty(),
        CheckKind::DocumentInPerson => true,
    }
}

/// The lock to record after a failed attempt that used up the attempts:
/// `Some(until)` when `failures_after` reached the pack's maximum.
pub fn lock_after(pack: &Pack, failures_after: u32, now: OffsetDateTime) -> Option<OffsetDateTime> {
    (failures_after >= pack.verification.max_attempts)
        .then(|| now + Duration::minutes(i64::from(pack.verification.lock_minutes)))
}
