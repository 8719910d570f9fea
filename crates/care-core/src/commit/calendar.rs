//! Business time: the pack calendar's working hours, work days, public
//! holidays and make-up working days (调休), and arithmetic in them.

use crate::pack::calendar::{parse_date, parse_offset, parse_time};
use crate::pack::{self, Weekday as PackWeekday};
use std::collections::BTreeSet;
use thiserror::Error;
use time::{Date, Duration, OffsetDateTime, Time, UtcOffset, Weekday};

/// Why a pack calendar cannot be used for deadlines.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum CalendarError {
    #[error("bad utc_offset `{0}`")]
    BadOffset(String),
    #[error("bad time `{0}`")]
    BadTime(String),
    #[error("bad date `{0}`")]
    BadDate(String),
    #[error("the working day must end after it starts ({start}–{end})")]
    EmptyDay { start: String, end: String },
    /// With no regular work day, a deadline could never be reached.
    #[error("the calendar has no work day")]
    NoWorkDay,
}

/// The operator's business calendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BusinessCalendar {
    offset: UtcOffset,
    open: Time,
    close: Time,
    /// Monday first.
    work_days: [bool; 7],
    holidays: BTreeSet<Date>,
    make_up_days: BTreeSet<Date>,
}

impl BusinessCalendar {
    /// Checks what the pack loader does not: that a day has working hours
    /// and a week has a work day, so every deadline can be reached.
    pub fn from_pack(c: &pack::Calendar) -> Result<BusinessCalendar, CalendarError> {
        let offset = parse_offset(&c.utc_offset)
            .ok_or_else(|| CalendarError::BadOffset(c.utc_offset.clone()))?;
        let time = |s: &String| parse_time(s).ok_or_else(|| CalendarError::BadTime(s.clone()));
        let (open, close) = (time(&c.work_start)?, time(&c.work_end)?);
        if open >= close {
            return Err(CalendarError::EmptyDay {
                start: c.work_start.clone(),
                end: c.work_end.clone(),
            });
        }
        let mut work_days = [false; 7];
        for d in &c.work_days {
            work_days[usize::from(weekday(*d).number_days_from_monday())] = true;
        }
        if !work_days.contains(&true) {
            return Err(CalendarError::NoWorkDay);
        }
        let dates = |list: &[String]| {
            list.iter()
                .map(|s| parse_date(s).ok_or_else(|| CalendarError::BadDate(s.clone())))
                .collect::<Result<BTreeSet<Date>, _>>()
        };
        Ok(BusinessCalendar {
            offset,
            open,
            close,
            work_days,
            holidays: dates(&c.holidays)?,
            make_up_days: dates(&c.make_up_days)?,
        })
    }

    /// The operator's time zone; every result is given in it.
    pub fn offset(&self) -> UtcOffset {
        self.offset
    }

    /// A holiday is off even if also listed as a make-up day: a deadline
    /// promised later is kept, one promised too early is not.
    pub fn is_working_day(&self, date: Date) -> bool {
        if self.holidays.contains(&date) {
            return false;
        }
        self.make_up_days.contains(&date)
            || self.work_days[usize::from(date.weekday().number_days_from_monday())]
    }

    /// The working hours of one day.
    pub fn day_length(&self) -> Duration {
        self.close - self.open
    }

    /// The first moment at or after `at` when the office is open.
    pub fn next_opening(&self, at: OffsetDateTime) -> OffsetDateTime {
        self.checked_next_opening(at)
            .unwrap_or_else(|| self.end_of_time())
    }

    fn checked_next_opening(&self, at: OffsetDateTime) -> Option<OffsetDateTime> {
        let at = at.checked_to_offset(self.offset)?;
        let mut date = at.date();
        // Every week has a work day, and each holiday can cost at most a
        // week more, so the search ends.
        for _ in 0..7 * (self.holidays.len() + 2) {
            if let Some((open, close)) = self.hours(date) {
                if at < close {
                    return Some(at.max(open));
                }
            }
            date = date.next_day()?;
        }
        None
    }

    /// `hours` of working time after `from`, in the calendar's offset. A
    /// start outside working hours counts from the next opening; zero hours
    /// is `from` itself (something done on the spot is done now). Beyond
    /// the last representable date it gives that date's closing time.
    pub fn add_working_hours(&self, from: OffsetDateTime, hours: u32) -> OffsetDateTime {
        self.checked_add_working_hours(from, hours)
            .unwrap_or_else(|| self.end_of_time())
    }

    /// As [`Self::add_working_hours`], but `None` past the last date.
    pub fn checked_add_working_hours(
        &self,
        from: OffsetDateTime,
        hours: u32,
    ) -> Option<OffsetDateTime> {
        let from = from.checked_to_offset(self.offset)?;
        let mut left = Duration::hours(i64::from(hours));
        if left.is_zero() {
            return Some(from);
        }
        let mut date = from.date();
        let mut cursor = from;
        loop {
            if let Some((open, close)) = self.hours(date) {
                let begin = cursor.max(open);
                if begin < close {
                    let available = close - begin;
                    if left <= available {
                        return begin.checked_add(left);
                    }
                    left -= available;
                }
            }
            date = date.next_day()?;
            // Whole ordinary weeks in one step, keeping some time for the
            // days walked one by one, so a long wait costs no long loop.
            let weekly = self.weekly_seconds();
            let weeks = ((left.whole_seconds() - 1) / weekly).min(self.clear_weeks(date, None));
            if weeks > 0 {
                date = date.checked_add(Duration::weeks(weeks))?;
                left -= Duration::seconds(weeks * weekly);
            }
            cursor = date.midnight().assume_offset(self.offset);
        }
    }

    /// Working time from `from` to `to`; negative when `to` is earlier.
    pub fn working_time_between(&self, from: OffsetDateTime, to: OffsetDateTime) -> Duration {
        if to < from {
            return -self.working_time_between(to, from);
        }
        let (Some(from), Some(to)) = (
            from.checked_to_offset(self.offset),
            to.checked_to_offset(self.offset),
        ) else {
            return Duration::ZERO;
        };
        let mut total = Duration::ZERO;
        let mut date = from.date();
        while date <= to.date() {
            if let Some((open, close)) = self.hours(date) {
                let (begin, end) = (from.max(open), to.min(close));
                if begin < end {
                    total += end - begin;
                }
            }
            let Some(next) = date.next_day() else {
                break;
            };
            date = next;
            let weeks = self.clear_weeks(date, Some(to.date()));
            if weeks > 0 {
                let Some(later) = date.checked_add(Duration::weeks(weeks)) else {
                    break;
                };
                total += Duration::seconds(weeks * self.weekly_seconds());
                date = later;
            }
        }
        total
    }

    /// Opening and closing on `date`, if it is a working day.
    fn hours(&self, date: Date) -> Option<(OffsetDateTime, OffsetDateTime)> {
        self.is_working_day(date).then(|| {
            (
                date.with_time(self.open).assume_offset(self.offset),
                date.with_time(self.close).assume_offset(self.offset),
            )
        })
    }

    /// Working seconds in a week without holidays or make-up days.
    fn weekly_seconds(&self) -> i64 {
        let days = self.work_days.iter().filter(|d| **d).count() as i64;
        (days * self.day_length().whole_seconds()).max(1)
    }

    /// How many whole weeks from `date` on hold no holiday or make-up day
    /// (and, with `until`, end before that date).
    fn clear_weeks(&self, date: Date, until: Option<Date>) -> i64 {
        let next_special = [
            self.holidays.range(date..).next(),
            self.make_up_days.range(date..).next(),
        ]
        .into_iter()
        .flatten()
        .min()
        .copied();
        [next_special, until]
            .into_iter()
            .flatten()
            .map(|limit| (limit - date).whole_days() / 7)
            .min()
            .unwrap_or(i64::MAX / 4)
            .max(0)
    }

    fn end_of_time(&self) -> OffsetDateTime {
        Date::MAX.with_time(self.close).assume_offset(self.offset)
    }
}

fn weekday(d: PackWeekday) -> Weekday {
    match d {
        PackWeekday::Mon => Weekday::Monday,
        PackWeekday::Tue => Weekday::Tuesday,
        PackWeekday::Wed => Weekday::Wednesday,
        PackWeekday::Thu => Weekday::Thursday,
        PackWeekday::Fri => Weekday::Friday,
        PackWeekday::Sat => Weekday::Saturday,
        PackWeekday::Sun => Weekday::Sunday,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    fn office() -> BusinessCalendar {
        BusinessCalendar::from_pack(&pack::Calendar {
            utc_offset: "+08:00".into(),
            work_start: "09:00".into(),
            work_end: "18:00".into(),
            work_days: vec![
                PackWeekday::Mon,
                PackWeekday::Tue,
                PackWeekday::Wed,
                PackWeekday::Thu,
                PackWeekday::Fri,
            ],
            holidays: vec!["2030-01-01".into()],
            make_up_days: vec![],
        })
        .expect("valid calendar")
    }

    #[test]
    fn a_long_wait_gives_the_same_answer_as_walking_day_by_day() {
        let cal = office();
        let from = datetime!(2029-06-03 15:00 +8);
        // Walk one working day (9 h) at a time and compare with one call.
        let mut walked = from;
        for _ in 0..400 {
            walked = cal.add_working_hours(walked, 9);
        }
        assert_eq!(cal.add_working_hours(from, 3600), walked);
        assert_eq!(
            cal.working_time_between(from, walked),
            Duration::hours(3600)
        );
    }

    #[test]
    fn an_absurd_wait_ends_at_the_last_date_instead_of_panicking() {
        let cal = office();
        let from = datetime!(2026-11-25 10:00 +8);
        assert_eq!(cal.checked_add_working_hours(from, u32::MAX), None);
        assert_eq!(cal.add_working_hours(from, u32::MAX).date(), Date::MAX);
        assert!(cal.is_working_day(date!(2029 - 12 - 31)));
        assert!(!cal.is_working_day(date!(2030 - 01 - 01)));
    }
}
