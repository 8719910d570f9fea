//! The reconstruct stage: the customer's records in the window the intent
//! asks for, on one timeline, and the anomalies the pack's features detect
//! in them, each explained in words with the records that show it.
//!
//! Which anomalies exist, their thresholds and names are pack data
//! ([`crate::pack::Feature`]); this module implements the detectors the
//! pack can name ([`crate::pack::Detector`]).

mod detect;
mod timeline;

pub use detect::{detect, detect_one};
pub use timeline::{timeline, Entry};

use crate::pack::{Intent, RecordKind};
use crate::records::{Country, CustomerRecords, NetworkEvent, Plan, Profile};
use crate::text::Text;
use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime, UtcOffset};

/// Everything known about the customer that reconstruction reads.
#[derive(Clone, Debug)]
pub struct Subject<'a> {
    pub profile: &'a Profile,
    pub records: &'a CustomerRecords,
    /// Network events of the customer's home area that touch their cells.
    pub network_events: Vec<&'a NetworkEvent>,
    /// The plan catalogue, for plan names.
    pub plans: &'a [Plan],
    /// The country catalogue, for roaming destinations.
    pub countries: &'a [Country],
}

/// The stretch of time reconstructed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    pub from: OffsetDateTime,
    /// The moment of the conversation.
    pub to: OffsetDateTime,
    /// When the customer says the problem began, if they said.
    pub reported: Option<OffsetDateTime>,
    /// The operator's time zone (the pack calendar's), for calendar days.
    pub offset: UtcOffset,
}

impl Window {
    /// The intent's window ending at `now` (at least one day).
    pub fn for_intent(intent: &Intent, now: OffsetDateTime, offset: UtcOffset) -> Window {
        Window {
            from: now - Duration::days(i64::from(intent.window_days.max(1))),
            to: now,
            reported: None,
            offset,
        }
    }

    pub fn contains(&self, at: OffsetDateTime) -> bool {
        self.from <= at && at <= self.to
    }

    pub fn contains_date(&self, date: time::Date) -> bool {
        self.from_date() <= date && date <= self.to_date()
    }

    pub fn from_date(&self) -> time::Date {
        self.from.to_offset(self.offset).date()
    }

    pub fn to_date(&self) -> time::Date {
        self.to.to_offset(self.offset).date()
    }

    /// The start of a calendar day in the operator's time zone.
    pub fn day_start(&self, date: time::Date) -> OffsetDateTime {
        date.midnight().assume_offset(self.offset)
    }
}

/// Points to one record, so the agent can open it from a finding or from
/// the timeline. Usage days are named by their date.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RecordRef {
    pub kind: RecordKind,
    pub id: String,
}

impl RecordRef {
    pub fn new(kind: RecordKind, id: impl Into<String>) -> RecordRef {
        RecordRef {
            kind,
            id: id.into(),
        }
    }
}

/// A feature that fired: what was found, in words, and where.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// The pack feature's id, which diagnosis rules refer to.
    pub feature: String,
    /// The feature's name from the pack.
    pub name: Text,
    /// What was found, with the numbers.
    pub detail: Text,
    /// When it happened, to place the flag on the timeline.
    #[serde(with = "time::serde::rfc3339::option")]
    pub at: Option<OffsetDateTime>,
    /// The records that show it.
    pub evidence: Vec<RecordRef>,
}

/// `2026-11-03`: dates in findings and record references read the same in
/// both languages.
pub(crate) fn ymd(d: time::Date) -> String {
    format!("{}-{:02}-{:02}", d.year(), d.month() as u8, d.day())
}

pub(crate) fn text(zh_cn: impl Into<String>, en: impl Into<String>) -> Text {
    Text {
        zh_cn: zh_cn.into(),
        en: en.into(),
    }
}

/// Joins the two languages of several texts, with the list separators of
/// each language.
pub(crate) fn join(items: &[Text]) -> Text {
    text(
        items
            .iter()
            .map(|t| t.zh_cn.as_str())
            .collect::<Vec<_>>()
            .join("、"),
        items
            .iter()
            .map(|t| t.en.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    )
}
