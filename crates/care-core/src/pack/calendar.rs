//! Parsing the calendar's text values (the business-day arithmetic comes
//! with commitments).

use time::{Date, Month, Time, UtcOffset};

/// `+08:00` / `-05:30`.
pub fn parse_offset(s: &str) -> Option<UtcOffset> {
    let (sign, rest) = match s.as_bytes().first()? {
        b'+' => (1, &s[1..]),
        b'-' => (-1, &s[1..]),
        _ => return None,
    };
    let (h, m) = rest.split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    let (h, m): (i8, i8) = (h.parse().ok()?, m.parse().ok()?);
    UtcOffset::from_hms(sign * h, sign * m, 0).ok()
}

/// `09:00`.
pub fn parse_time(s: &str) -> Option<Time> {
    let (h, m) = s.split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    Time::from_hms(h.parse().ok()?, m.parse().ok()?, 0).ok()
}

/// `2026-10-01`.
pub fn parse_date(s: &str) -> Option<Date> {
    let mut parts = s.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let month = Month::try_from(m.parse::<u8>().ok()?).ok()?;
    Date::from_calendar_date(y.parse().ok()?, month, d.parse().ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_times_and_dates_parse_strictly() {
        assert_eq!(parse_offset("+08:00").map(|o| o.whole_hours()), Some(8));
        assert_eq!(
            parse_offset("-05:30").map(|o| o.whole_minutes()),
            Some(-330)
        );
        assert_eq!(parse_offset("08:00"), None);
        assert!(parse_time("09:00").is_some());
        assert_eq!(parse_time("24:00"), None);
        assert_eq!(parse_time("9:00"), None);
        assert!(parse_date("2026-02-29").is_none());
        assert!(parse_date("2028-02-29").is_some());
        assert!(parse_date("2026-1-01").is_none());
    }
}
