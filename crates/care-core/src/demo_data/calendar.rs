//! Dates as the operator counts them: China Standard Time, calendar-month
//! billing cycles.

use time::macros::offset;
use time::{Date, Duration, OffsetDateTime, UtcOffset};

/// China Standard Time. Bills, daily usage and "today" are counted in it,
/// whatever the offset of the `now` the caller passes.
pub const CHINA: UtcOffset = offset!(+8);

/// A calendar month.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Month {
    pub start: Date,
    pub days: u8,
}

impl Month {
    pub fn of(date: Date) -> Month {
        Month {
            start: date - Duration::days(i64::from(date.day()) - 1),
            days: date.month().length(date.year()),
        }
    }

    pub fn previous(self) -> Month {
        Month::of(self.start - Duration::days(1))
    }

    /// The last day.
    pub fn end(self) -> Date {
        self.day(self.days)
    }

    /// Day `n` (1-based) of the month.
    pub fn day(self, n: u8) -> Date {
        self.start + Duration::days(i64::from(n.max(1)) - 1)
    }

    pub fn contains(self, date: Date) -> bool {
        self.start <= date && date <= self.end()
    }

    /// The first day of the next month.
    pub fn next_start(self) -> Date {
        self.end() + Duration::days(1)
    }

    /// `YYYYMM`, for ids.
    pub fn tag(self) -> String {
        format!("{:04}{:02}", self.start.year(), self.start.month() as u8)
    }
}

/// The time frame of one generation run.
pub(super) struct Calendar {
    pub now: OffsetDateTime,
    pub today: Date,
    /// The twelve billed months, oldest first; the last is the latest bill's.
    pub billed: Vec<Month>,
    /// The month of `today`, not billed yet.
    pub current: Month,
}

impl Calendar {
    pub fn new(now: OffsetDateTime) -> Calendar {
        let now = now.to_offset(CHINA);
        let today = now.date();
        let current = Month::of(today);
        let mut billed = Vec::with_capacity(12);
        let mut month = current;
        for _ in 0..12 {
            month = month.previous();
            billed.push(month);
        }
        billed.reverse();
        Calendar {
            now,
            today,
            billed,
            current,
        }
    }

    /// The first day with records.
    pub fn window_start(&self) -> Date {
        self.billed.first().map_or(self.current.start, |m| m.start)
    }

    /// The latest billed month.
    pub fn last_billed(&self) -> Month {
        self.billed.last().copied().unwrap_or(self.current)
    }

    /// Every day with usage: from the window start up to yesterday (today is
    /// not over yet).
    pub fn usage_days(&self) -> impl Iterator<Item = Date> + '_ {
        let start = self.window_start();
        let count = (self.today - start).whole_days();
        (0..count).map(move |i| start + Duration::days(i))
    }

    /// A moment on a day, `minutes` after midnight China time.
    pub fn at(date: Date, minutes: i64) -> OffsetDateTime {
        date.midnight().assume_offset(CHINA) + Duration::minutes(minutes)
    }

    /// `minutes` before now.
    pub fn ago(&self, minutes: i64) -> OffsetDateTime {
        self.now - Duration::minutes(minutes)
    }

    pub fn days_ago(&self, days: i64) -> Date {
        self.today - Duration::days(days)
    }
}

/// `date` plus whole months, the day clamped to the target month's length
/// (31 January + 1 month = 28/29 February).
pub(super) fn add_months(date: Date, months: i32) -> Date {
    let total = date.year() * 12 + i32::from(date.month() as u8) - 1 + months;
    let year = total.div_euclid(12);
    let month_index = total.rem_euclid(12) as u8 + 1;
    let month = time::Month::try_from(month_index).unwrap_or(time::Month::January);
    let day = date.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn twelve_billed_months_before_the_current_one() {
        // 2026-03-01 00:30 in China is still February 28 in UTC.
        let cal = Calendar::new(datetime!(2026-02-28 16:30 UTC));
        assert_eq!(cal.today, date!(2026 - 03 - 01));
        assert_eq!(cal.billed.len(), 12);
        assert_eq!(cal.billed[11].start, date!(2026 - 02 - 01));
        assert_eq!(cal.billed[11].days, 28);
        assert_eq!(cal.billed[0].start, date!(2025 - 03 - 01));
        assert_eq!(cal.usage_days().count(), 365);
    }

    #[test]
    fn months_add_with_clamping() {
        assert_eq!(add_months(date!(2026 - 01 - 31), 1), date!(2026 - 02 - 28));
        assert_eq!(
            add_months(date!(2026 - 01 - 15), -13),
            date!(2024 - 12 - 15)
        );
    }
}
