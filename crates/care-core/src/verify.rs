//! Identity verification: the policy (which level is needed, which
//! methods reach it, attempts left, the lock), the checks of an answer
//! against the customer's records, and the masking of personal data,
//! which stays masked until the level is met.

mod check;
mod policy;

pub use check::{check, CheckOutcome};
pub(crate) use policy::checkable;
pub use policy::{lock_after, status, MethodStatus, Unavailable, VerifyError, VerifyStatus};

/// Masks a mobile number, keeping the operator prefix and the last four
/// digits: `13812345678` → `138****5678`. Short numbers keep only the last
/// two characters visible.
pub fn mask_msisdn(msisdn: &str) -> String {
    let chars: Vec<char> = msisdn.chars().collect();
    let n = chars.len();
    if n >= 11 {
        let head: String = chars[..3].iter().collect();
        let tail: String = chars[n - 4..].iter().collect();
        format!("{head}{}{tail}", "*".repeat(n - 7))
    } else {
        mask_keep_tail(&chars, 2)
    }
}

/// Masks a name, keeping the first character of each word: `张伟` → `张*`,
/// `Zhang Wei` → `Z**** W**`.
pub fn mask_name(name: &str) -> String {
    name.split(' ')
        .map(|word| match word.chars().next() {
            // One star at least, so a one-letter name is not shown whole.
            Some(first) => format!(
                "{first}{}",
                "*".repeat(word.chars().count().saturating_sub(1).max(1))
            ),
            None => String::new(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Masks an id document number, keeping the last four characters.
pub fn mask_id_number(id: &str) -> String {
    let chars: Vec<char> = id.chars().collect();
    mask_keep_tail(&chars, 4)
}

fn mask_keep_tail(chars: &[char], keep: usize) -> String {
    let n = chars.len();
    let keep = keep.min(n / 2);
    let tail: String = chars[n - keep..].iter().collect();
    format!("{}{tail}", "*".repeat(n - keep))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mobile_number_shows_prefix_and_last_four() {
        assert_eq!(mask_msisdn("13812345678"), "138****5678");
    }

    #[test]
    fn a_short_number_hides_most_digits() {
        assert_eq!(mask_msisdn("10086"), "***86");
        assert_eq!(mask_msisdn(""), "");
    }

    #[test]
    fn a_name_keeps_only_initials() {
        assert_eq!(mask_name("张伟"), "张*");
        assert_eq!(mask_name("欧阳娜娜"), "欧***");
        assert_eq!(mask_name("Zhang Wei"), "Z**** W**");
        assert_eq!(mask_name("李"), "李*");
    }

    #[test]
    fn an_id_number_keeps_the_last_four() {
        assert_eq!(mask_id_number("110101199001011234"), "**************1234");
    }
}
