//! Ids are ULIDs: time-ordered and unique. The app supplies the clock and the
//! random bits; this module only keeps them monotonic per device.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use ulid::Ulid;

macro_rules! ulid_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(into = "String", try_from = "String")]
        pub struct $name(Ulid);

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0.to_string()
            }
        }

        impl TryFrom<String> for $name {
            type Error = ulid::DecodeError;
            fn try_from(s: String) -> Result<Self, Self::Error> {
                s.parse()
            }
        }

        impl $name {
            pub fn from_ulid(ulid: Ulid) -> Self {
                Self(ulid)
            }

            pub fn ulid(self) -> Ulid {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }

        impl FromStr for $name {
            type Err = ulid::DecodeError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Ulid::from_string(s).map(Self)
            }
        }
    };
}

ulid_id!(
    /// One event of a case log.
    EventId
);
ulid_id!(
    /// One case.
    CaseId
);
ulid_id!(
    /// The device (browser profile) that wrote an event; made once per device.
    DeviceId
);

/// Hands out ULIDs that strictly increase on one device, even when the clock
/// stands still or steps back (two events in the same millisecond, an NTP
/// correction).
#[derive(Clone, Debug, Default)]
pub struct IdSource {
    last: Option<Ulid>,
}

impl IdSource {
    pub fn new() -> Self {
        Self::default()
    }

    /// The next id from the device clock (`now_ms`, Unix milliseconds) and
    /// 80 random bits (`random`, higher bits are ignored).
    pub fn next(&mut self, now_ms: u64, random: u128) -> Ulid {
        let fresh = Ulid::from_parts(now_ms, random);
        let id = match self.last {
            Some(last) if fresh <= last => match last.increment() {
                Ok(next) => next,
                // The 80 random bits of this millisecond are exhausted:
                // borrow the next millisecond.
                Err(_) => Ulid::from_parts(last.timestamp_ms().saturating_add(1), random),
            },
            _ => fresh,
        };
        self.last = Some(id);
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_increase_within_one_millisecond() {
        let mut ids = IdSource::new();
        let a = ids.next(1_700_000_000_000, 5);
        let b = ids.next(1_700_000_000_000, 1);
        assert!(b > a);
    }

    #[test]
    fn ids_increase_when_the_clock_steps_back() {
        let mut ids = IdSource::new();
        let a = ids.next(1_700_000_000_500, 7);
        let b = ids.next(1_700_000_000_000, 9);
        assert!(b > a);
        assert_eq!(b.timestamp_ms(), a.timestamp_ms());
    }

    #[test]
    fn id_round_trips_through_its_text_form() {
        let mut ids = IdSource::new();
        let id = EventId::from_ulid(ids.next(1_700_000_000_000, 42));
        let parsed: EventId = id.to_string().parse().expect("parses");
        assert_eq!(parsed, id);
    }
}
