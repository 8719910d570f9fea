//! Money as integer fen.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Neg, Sub};

/// An amount in fen (分, 1/100 yuan). Integer so that bill lines add up to
/// the total exactly; negative for discounts, refunds and arrears.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Fen(pub i64);

impl Fen {
    pub const ZERO: Fen = Fen(0);

    /// Whole yuan.
    pub const fn yuan(yuan: i64) -> Fen {
        Fen(yuan * 100)
    }

    /// The amount scaled by `num / den`, rounded half away from zero: used for
    /// proration by days and for the VAT share, where a fen must be decided.
    pub fn scaled(self, num: i64, den: i64) -> Fen {
        if den == 0 {
            return Fen::ZERO;
        }
        let n = self.0 * num;
        let half = den.abs() / 2;
        let rounded = if (n >= 0) == (den > 0) {
            (n.abs() + half) / den.abs()
        } else {
            -((n.abs() + half) / den.abs())
        };
        Fen(rounded)
    }
}

impl Add for Fen {
    type Output = Fen;
    fn add(self, rhs: Fen) -> Fen {
        Fen(self.0 + rhs.0)
    }
}

impl AddAssign for Fen {
    fn add_assign(&mut self, rhs: Fen) {
        self.0 += rhs.0;
    }
}

impl Sub for Fen {
    type Output = Fen;
    fn sub(self, rhs: Fen) -> Fen {
        Fen(self.0 - rhs.0)
    }
}

impl Neg for Fen {
    type Output = Fen;
    fn neg(self) -> Fen {
        Fen(-self.0)
    }
}

impl Sum for Fen {
    fn sum<I: Iterator<Item = Fen>>(iter: I) -> Fen {
        iter.fold(Fen::ZERO, Add::add)
    }
}

/// `¥129.00`, `-¥10.50`: the same in both languages.
impl fmt::Display for Fen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        write!(f, "{sign}¥{}.{:02}", abs / 100, abs % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_as_yuan() {
        assert_eq!(Fen(12900).to_string(), "¥129.00");
        assert_eq!(Fen(-1050).to_string(), "-¥10.50");
        assert_eq!(Fen(5).to_string(), "¥0.05");
    }

    #[test]
    fn scaling_rounds_half_away_from_zero() {
        assert_eq!(Fen(5900).scaled(10, 31), Fen(1903));
        assert_eq!(Fen(-5900).scaled(10, 31), Fen(-1903));
        assert_eq!(Fen(3).scaled(1, 2), Fen(2));
        assert_eq!(Fen(100).scaled(1, 0), Fen::ZERO);
    }
}
