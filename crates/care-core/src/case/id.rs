//! Ids are UUIDv7: time-ordered and unique. The app supplies the clock and
//! the random bits; this module only keeps them monotonic per device.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use uuid::{Builder, Uuid};

macro_rules! uuid_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(into = "String", try_from = "String")]
        pub struct $name(Uuid);

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0.to_string()
            }
        }

        impl TryFrom<String> for $name {
            type Error = uuid::Error;
            fn try_from(s: String) -> Result<Self, Self::Error> {
                s.parse()
            }
        }

        impl $name {
            pub fn from_uuid(uuid: Uuid) -> Self {
                Self(uuid)
            }

            pub fn uuid(self) -> Uuid {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self)
            }
        }
    };
}

uuid_id!(
    /// One event of a case log.
    EventId
);
uuid_id!(
    /// One case.
    CaseId
);
uuid_id!(
    /// The device (browser profile) that wrote an event; made once per device.
    DeviceId
);

/// Hands out UUIDv7s that strictly increase on one device, even when the
/// clock stands still or steps back (two events in the same millisecond,
/// an NTP correction).
#[derive(Clone, Debug, Default)]
pub struct IdSource {
    last: Option<Uuid>,
}

/// The random low bits of a UUIDv7 (below its variant bits).
const RAND_B: u128 = (1 << 62) - 1;

/// The milliseconds of a UUIDv7 (its first 48 bits).
fn millis(id: Uuid) -> u64 {
    (id.as_u128() >> 80) as u64
}

impl IdSource {
    pub fn new() -> Self {
        Self::default()
    }

    /// The next id from the device clock (`now_ms`, Unix milliseconds) and
    /// random bits (the low 80 of `random` are used).
    pub fn next(&mut self, now_ms: u64, random: u128) -> Uuid {
        let bytes = random.to_le_bytes();
        let mut rand = [0u8; 10];
        rand.copy_from_slice(&bytes[..10]);
        let fresh = Builder::from_unix_timestamp_millis(now_ms, &rand).into_uuid();
        let id = match self.last {
            Some(last) if fresh <= last => {
                // One more than the last id, within its millisecond. The low
                // 62 bits are random; only if they are all ones is the next
                // millisecond borrowed instead.
                if last.as_u128() & RAND_B != RAND_B {
                    Uuid::from_u128(last.as_u128() + 1)
                } else {
                    Builder::from_unix_timestamp_millis(millis(last).saturating_add(1), &rand)
                        .into_uuid()
                }
            }
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
    fn ids_are_uuid_v7() {
        let id = IdSource::new().next(1_700_000_000_000, 5);
        assert_eq!(id.get_version_num(), 7);
        assert_eq!(millis(id), 1_700_000_000_000);
    }

    #[test]
    fn ids_increase_within_one_millisecond() {
        let mut ids = IdSource::new();
        let a = ids.next(1_700_000_000_000, 5);
        let b = ids.next(1_700_000_000_000, 1);
        assert!(b > a);
        assert_eq!(b.get_version_num(), 7);
    }

    #[test]
    fn ids_increase_when_the_clock_steps_back() {
        let mut ids = IdSource::new();
        let a = ids.next(1_700_000_000_500, 7);
        let b = ids.next(1_700_000_000_000, 9);
        assert!(b > a);
        assert_eq!(millis(b), millis(a));
    }

    #[test]
    fn ids_stay_valid_when_the_random_bits_run_out() {
        let mut ids = IdSource::new();
        let a = ids.next(1_700_000_000_000, u128::MAX);
        let b = ids.next(1_700_000_000_000, 0);
        assert!(b > a);
        assert_eq!(b.get_version_num(), 7);
        assert_eq!(b.get_variant(), uuid::Variant::RFC4122);
    }

    #[test]
    fn id_round_trips_through_its_text_form() {
        let mut ids = IdSource::new();
        let id = EventId::from_uuid(ids.next(1_700_000_000_000, 42));
        let parsed: EventId = id.to_string().parse().expect("parses");
        assert_eq!(parsed, id);
    }
}
