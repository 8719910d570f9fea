//! The device lock: what a new PIN or passphrase must be, how many wrong
//! ones lock the device and for how long, when idleness locks it, and the
//! device's audit of all of it.
//!
//! The key itself is derived and held by the browser (WebCrypto, never
//! extractable, only in memory); this module decides, the adapter acts.

use serde::{Deserialize, Serialize};
use thiserror::Error;
use time::{Duration, OffsetDateTime};

/// PBKDF2-HMAC-SHA256 iterations for the key: OWASP's 2023 figure for
/// SHA-256. A stored vault keeps its own count, so raising this later
/// only applies to new vaults.
pub const PBKDF2_ITERATIONS: u32 = 600_000;

/// Bytes of random salt per vault.
pub const SALT_BYTES: usize = 16;

/// How many audit entries a vault keeps (the oldest go first).
pub const AUDIT_KEEP: usize = 200;

/// The idle times a user may choose, in minutes.
pub const IDLE_CHOICES: [u32; 6] = [1, 2, 5, 10, 15, 30];

/// The rules of the lock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LockPolicy {
    pub min_pin_chars: usize,
    /// Wrong PINs in a row that lock the device.
    pub max_wrong: u32,
    /// How long the device stays locked after that.
    pub lockout: Duration,
}

impl Default for LockPolicy {
    fn default() -> Self {
        Self {
            min_pin_chars: 6,
            max_wrong: 5,
            lockout: Duration::minutes(15),
        }
    }
}

/// Why a new PIN is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
pub enum PinError {
    #[error("the PIN is shorter than {min} characters")]
    TooShort { min: usize },
    #[error("the two entries differ")]
    Mismatch,
    /// One repeated character or a straight run of digits (123456, 654321):
    /// the first guesses anyone makes.
    #[error("the PIN is too easy to guess")]
    TooEasy,
}

/// Checks a new PIN or passphrase and its confirmation.
pub fn check_new_pin(pin: &str, confirm: &str, policy: &LockPolicy) -> Result<(), PinError> {
    let chars: Vec<char> = pin.chars().collect();
    if chars.len() < policy.min_pin_chars {
        return Err(PinError::TooShort {
            min: policy.min_pin_chars,
        });
    }
    if pin != confirm {
        return Err(PinError::Mismatch);
    }
    let same = chars.iter().all(|c| *c == chars[0]);
    let digits: Option<Vec<i32>> = chars
        .iter()
        .map(|c| c.to_digit(10).map(|d| d as i32))
        .collect();
    let run = digits.is_some_and(|d| {
        let step = d[1] - d[0];
        step.abs() == 1 && d.windows(2).all(|w| w[1] - w[0] == step)
    });
    if same || run {
        return Err(PinError::TooEasy);
    }
    Ok(())
}

/// One entry of the device's lock audit. No personal data: what happened,
/// when, and to which local user.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockEntry {
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    pub what: LockEvent,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LockEvent {
    /// The vault was made (the PIN chosen).
    Created,
    Unlocked,
    WrongPin {
        /// Wrong PINs in a row so far.
        count: u32,
    },
    /// Too many wrong PINs: no tries until `until`.
    LockedOut {
        #[serde(with = "time::serde::rfc3339")]
        until: OffsetDateTime,
    },
    /// Locked by the user or by idleness.
    Locked {
        idle: bool,
    },
}

/// The lock state kept beside a user's vault, in clear (it holds nothing
/// personal): wrong tries, the lockout and the audit.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockRecord {
    pub wrong_in_a_row: u32,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub locked_until: Option<OffsetDateTime>,
    pub audit: Vec<LockEntry>,
}

/// Whether a PIN may be tried now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TryState {
    Open {
        /// Wrong PINs left before the lockout.
        left: u32,
    },
    LockedOut {
        until: OffsetDateTime,
    },
}

impl LockRecord {
    pub fn created(now: OffsetDateTime) -> Self {
        let mut r = Self::default();
        r.log(now, LockEvent::Created);
        r
    }

    fn log(&mut self, at: OffsetDateTime, what: LockEvent) {
        self.audit.push(LockEntry { at, what });
        let extra = self.audit.len().saturating_sub(AUDIT_KEEP);
        self.audit.drain(..extra);
    }

    pub fn state(&self, now: OffsetDateTime, policy: &LockPolicy) -> TryState {
        match self.locked_until {
            Some(until) if now < until => TryState::LockedOut { until },
            _ => TryState::Open {
                left: policy.max_wrong.saturating_sub(self.wrong_in_a_row),
            },
        }
    }

    /// A wrong PIN: counted, audited, and the lockout once there are too
    /// many. A try while locked out is refused before it gets here.
    pub fn wrong(&mut self, now: OffsetDateTime, policy: &LockPolicy) -> TryState {
        if let Some(until) = self.locked_until {
            if now >= until {
                // The lockout ran out: a fresh count starts.
                self.locked_until = None;
                self.wrong_in_a_row = 0;
            }
        }
        self.wrong_in_a_row += 1;
        self.log(
            now,
            LockEvent::WrongPin {
                count: self.wrong_in_a_row,
            },
        );
        if self.wrong_in_a_row >= policy.max_wrong {
            let until = now + policy.lockout;
            self.locked_until = Some(until);
            self.log(now, LockEvent::LockedOut { until });
        }
        self.state(now, policy)
    }

    pub fn unlocked(&mut self, now: OffsetDateTime) {
        self.wrong_in_a_row = 0;
        self.locked_until = None;
        self.log(now, LockEvent::Unlocked);
    }

    pub fn locked(&mut self, now: OffsetDateTime, idle: bool) {
        self.log(now, LockEvent::Locked { idle });
    }
}

/// Whether the app has been idle long enough to lock.
pub fn idle_expired(last_activity: OffsetDateTime, now: OffsetDateTime, idle_minutes: u32) -> bool {
    now - last_activity >= Duration::minutes(i64::from(idle_minutes.max(1)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    const NOW: OffsetDateTime = datetime!(2026-11-25 10:00 +8);

    #[test]
    fn new_pins_must_be_long_enough_match_and_not_be_the_first_guess() {
        let p = LockPolicy::default();
        assert_eq!(
            check_new_pin("24680", "24680", &p),
            Err(PinError::TooShort { min: 6 })
        );
        assert_eq!(
            check_new_pin("246801", "246810", &p),
            Err(PinError::Mismatch)
        );
        for easy in ["000000", "123456", "987654", "aaaaaaa"] {
            assert_eq!(
                check_new_pin(easy, easy, &p),
                Err(PinError::TooEasy),
                "{easy}"
            );
        }
        assert_eq!(check_new_pin("246810", "246810", &p), Ok(()));
        assert_eq!(
            check_new_pin("营业厅二号平板", "营业厅二号平板", &p),
            Ok(())
        );
    }

    #[test]
    fn too_many_wrong_pins_lock_the_device_for_the_policy_time_and_are_audited() {
        let p = LockPolicy::default();
        let mut r = LockRecord::created(NOW);
        for n in 1..p.max_wrong {
            assert_eq!(
                r.wrong(NOW, &p),
                TryState::Open {
                    left: p.max_wrong - n
                }
            );
        }
        let until = NOW + p.lockout;
        assert_eq!(r.wrong(NOW, &p), TryState::LockedOut { until });
        assert_eq!(
            r.state(until - Duration::seconds(1), &p),
            TryState::LockedOut { until }
        );
        assert_eq!(r.state(until, &p), TryState::Open { left: 0 });
        assert_eq!(
            r.audit.last().map(|e| e.what),
            Some(LockEvent::LockedOut { until })
        );
        // After the lockout a wrong PIN starts a fresh count.
        assert_eq!(
            r.wrong(until, &p),
            TryState::Open {
                left: p.max_wrong - 1
            }
        );
        // The right one clears it.
        r.unlocked(until);
        assert_eq!(r.state(until, &p), TryState::Open { left: p.max_wrong });
    }

    #[test]
    fn the_audit_keeps_the_latest_entries() {
        let mut r = LockRecord::created(NOW);
        for i in 0..(AUDIT_KEEP + 10) {
            r.locked(NOW + Duration::seconds(i as i64), true);
        }
        assert_eq!(r.audit.len(), AUDIT_KEEP);
        assert_eq!(
            r.audit.last().map(|e| e.at),
            Some(NOW + Duration::seconds((AUDIT_KEEP + 9) as i64))
        );
    }

    #[test]
    fn idleness_locks_after_the_chosen_minutes() {
        assert!(!idle_expired(NOW, NOW + Duration::seconds(299), 5));
        assert!(idle_expired(NOW, NOW + Duration::minutes(5), 5));
        // Zero is treated as one minute, never as "lock at once".
        assert!(!idle_expired(NOW, NOW + Duration::seconds(30), 0));
    }

    #[test]
    fn the_iteration_count_is_at_least_owasps() {
        const { assert!(PBKDF2_ITERATIONS >= 600_000) };
    }
}
