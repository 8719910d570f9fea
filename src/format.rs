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

/// The short reference agents read out to customers: the last eight
/// characters of the case ULID (its random part), grouped in fours.
pub fn case_ref(id: CaseId) -> String {
    let s = id.to_string();
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
        let id: CaseId = "01KAWZ3F7Q0000000000ABCD12".parse().expect("valid ulid");
        assert_eq!(case_ref(id), "00AB-CD12");
    }
}
