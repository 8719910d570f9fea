//! How values are shown to the agent.

use care_core::CaseId;
use time::macros::format_description;
use time::{OffsetDateTime, UtcOffset};

/// `2026-11-25 09:12` in the given offset (the browser's).
pub fn date_time(at: OffsetDateTime, offset: UtcOffset) -> String {
    at.to_offset(offset)
        .format(format_description!("[year]-[month]-[day] [hour]:[minute]"))
        .unwrap_or_default()
}

/// `09:12:05` in the given offset.
pub fn time_of_day(at: OffsetDateTime, offset: UtcOffset) -> String {
    at.to_offset(offset)
        .format(format_description!("[hour]:[minute]:[second]"))
        .unwrap_or_default()
}

/// The short reference agents read out to customers: the last eight hex
/// digits of the case id (its random part), grouped in fours.
pub fn case_ref(id: CaseId) -> String {
    let s = id.to_string().to_uppercase();
    let tail = &s[s.len().saturating_sub(8)..];
    format!("{}-{}", &tail[..4], &tail[4..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{datetime, offset};

    #[test]
    fn times_are_shown_in_the_agents_offset() {
        assert_eq!(
            date_time(datetime!(2026-11-25 01:05 UTC), offset!(+8)),
            "2026-11-25 09:05"
        );
    }

    #[test]
    fn a_case_reference_is_short_and_grouped() {
        let id: CaseId = "019abf1c-8a2e-7c3d-9e4f-00abcd12ef34"
            .parse()
            .expect("valid uuid");
        assert_eq!(case_ref(id), "CD12-EF34");
    }
}
