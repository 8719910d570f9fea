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

/// Masks every run of 7 or more digits (or an id number's final `X`) in
/// free text whose customer is not known: a mobile number keeps its prefix
/// and last four (`138****5678`), a longer number its last four. Short
/// numbers (amounts, dates, `10086`) stay readable.
pub fn mask_numbers(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        // An id number may end in X.
        if i - start == 17 && i < chars.len() && matches!(chars[i], 'X' | 'x') {
            i += 1;
        }
        let run: String = chars[start..i].iter().collect();
        match i - start {
            0..=6 => out.push_str(&run),
            11 => out.push_str(&mask_msisdn(&run)),
            _ => out.push_str(&mask_id_number(&run)),
        }
    }
    out
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
    fn long_numbers_in_free_text_are_masked_and_short_ones_kept() {
        assert_eq!(
            mask_numbers("我的号码13812345678，身份证11010519491231002X，多扣了130元，10086说的"),
            "我的号码138****5678，身份证**************002X，多扣了130元，10086说的"
        );
        assert_eq!(
            mask_numbers("账户 6222020200112233"),
            "账户 ************2233"
        );
        assert_eq!(mask_numbers("1234567"), "****567");
        assert_eq!(mask_numbers(""), "");
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
