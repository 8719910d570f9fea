//! Fictional identities: names, numbers and document ids that look real
//! enough to exercise the app but cannot belong to anyone.
//!
//! - Names combine a common surname with one or two common given-name
//!   characters at random; they describe no particular person.
//! - Mobile numbers use real operator prefixes but always carry `0000` in
//!   digits 4–7 (`138 0000 1234`). The mainland has no reserved fiction
//!   range, so this is our convention: any number of that shape in the app
//!   is demo data, and the demo data is never used to call or text anyone.
//! - ID numbers (居民身份证号) have region code `99xxxx`, a province code
//!   that GB/T 2260 does not assign, and a check character that is
//!   deliberately wrong (ISO 7064 MOD 11-2), so no validator accepts them.
//! - ICCIDs use issuer `898699`, which no mainland operator has; IMEIs
//!   carry a wrong Luhn digit.

use super::catalogue::{GIVEN_FEMALE, GIVEN_MALE, MSISDN_PREFIXES, SURNAMES};
use super::rng::Rng;
use std::collections::BTreeSet;
use time::{Date, Month};

pub(super) struct Identity {
    pub name: String,
    pub msisdn: String,
    pub account: String,
    pub id_number: String,
}

/// Keeps drawn numbers unique across customers.
#[derive(Default)]
pub(super) struct Taken {
    msisdns: BTreeSet<String>,
    accounts: BTreeSet<String>,
    id_numbers: BTreeSet<String>,
}

/// Draws an identity. It depends on the stream only (not on `now`), so the
/// same seed brings back the same people on any day: births fall in
/// 1955–2005 whatever the date.
pub(super) fn identity(rng: &mut Rng, taken: &mut Taken) -> Identity {
    let male = rng.chance(50);
    let surname = rng.pick(SURNAMES);
    let pool = if male { GIVEN_MALE } else { GIVEN_FEMALE };
    let mut name = String::from(*surname);
    let given: &&str = rng.pick(pool);
    name.push_str(given);
    if rng.chance(65) {
        let given: &&str = rng.pick(pool);
        name.push_str(given);
    }

    let msisdn = unique(&mut taken.msisdns, || {
        format!("{}0000{}", rng.pick(MSISDN_PREFIXES), rng.digits(4))
    });
    let account = unique(&mut taken.accounts, || format!("8866{}", rng.digits(6)));

    let region = rng.below(10_000);
    let birth = Date::from_calendar_date(
        rng.between(1955, 2005) as i32,
        Month::try_from(rng.between(1, 12) as u8).unwrap_or(Month::January),
        rng.between(1, 28) as u8,
    )
    .unwrap_or(Date::MIN);
    let id_number = unique(&mut taken.id_numbers, || {
        // The 17th digit is odd for men, even for women, as on real cards.
        let order = rng.below(50) * 10 + rng.below(5) * 2 + u64::from(male);
        let body = format!(
            "99{:04}{:04}{:02}{:02}{:03}",
            region,
            birth.year(),
            birth.month() as u8,
            birth.day(),
            order % 1000
        );
        let wrong = wrong_check_char(&body, rng.below(10) as usize);
        format!("{body}{wrong}")
    });

    Identity {
        name,
        msisdn,
        account,
        id_number,
    }
}

fn unique(set: &mut BTreeSet<String>, mut draw: impl FnMut() -> String) -> String {
    loop {
        let candidate = draw();
        if set.insert(candidate.clone()) {
            return candidate;
        }
    }
}

const CHECK_CHARS: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/// The correct check character (ISO 7064 MOD 11-2) of the first 17 digits of
/// a mainland ID number.
pub(super) fn id_check_char(first17: &str) -> char {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = first17
        .chars()
        .zip(WEIGHTS)
        .map(|(c, w)| c.to_digit(10).unwrap_or(0) * w)
        .sum();
    CHECK_CHARS[(sum % 11) as usize]
}

/// One of the ten check characters that are not the right one.
fn wrong_check_char(first17: &str, pick: usize) -> char {
    let right = id_check_char(first17);
    let wrong: Vec<char> = CHECK_CHARS
        .iter()
        .copied()
        .filter(|&c| c != right)
        .collect();
    wrong[pick % wrong.len()]
}

/// A 20-digit ICCID with the unassigned issuer code `898699`.
pub(super) fn iccid(rng: &mut Rng) -> String {
    format!("898699{}", rng.digits(14))
}

/// A 15-digit IMEI whose last digit fails the Luhn check.
pub(super) fn imei(rng: &mut Rng) -> String {
    let body = format!("86{}", rng.digits(12));
    let right = luhn_digit(&body);
    let wrong = (right + 1 + rng.below(9) as u32) % 10;
    format!("{body}{wrong}")
}

fn luhn_digit(body: &str) -> u32 {
    let sum: u32 = body
        .chars()
        .rev()
        .filter_map(|c| c.to_digit(10))
        .enumerate()
        .map(|(i, d)| {
            if i % 2 == 0 {
                let doubled = d * 2;
                if doubled > 9 {
                    doubled - 9
                } else {
                    doubled
                }
            } else {
                d
            }
        })
        .sum();
    (10 - sum % 10) % 10
}

#[cfg(test)]
mod tests {
    use super::super::rng::Stream;
    use super::*;

    #[test]
    fn a_published_example_id_checks() {
        // The worked example of GB 11643-1999.
        assert_eq!(id_check_char("11010519491231002"), 'X');
    }

    #[test]
    fn identities_are_fictional_by_construction() {
        let mut rng = Rng::new(1, Stream::Identity, 0);
        let mut taken = Taken::default();
        for _ in 0..50 {
            let id = identity(&mut rng, &mut taken);
            assert_eq!(&id.msisdn[3..7], "0000");
            assert_eq!(id.msisdn.len(), 11);
            assert_eq!(id.id_number.len(), 18);
            assert!(id.id_number.starts_with("99"));
            let (body, check) = id.id_number.split_at(17);
            assert_ne!(check.chars().next(), Some(id_check_char(body)));
            let imei = imei(&mut rng);
            let (body, check) = imei.split_at(14);
            assert_ne!(
                check.chars().next().and_then(|c| c.to_digit(10)),
                Some(luhn_digit(body))
            );
        }
    }
}
