//! Checking what the customer answered against their records. The answer
//! itself is never stored or logged: only whether it passed.

use crate::customer::Customer;
use crate::facts::normalize_digits;
use crate::pack::{CheckKind, Method};
use crate::records::{CustomerRecords, Fen};

/// The result of one check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckOutcome {
    Passed,
    Failed,
    /// The records hold nothing to check against (a prepaid line has no
    /// bills; no code was sent). Not an attempt: nothing is recorded.
    Unavailable,
}

/// How close a stated bill amount must be to a real one.
const BILL_TOLERANCE: Fen = Fen(100);

/// Checks `answer` for `method`. `code_sent` is the one-time code the app
/// sent for this case, if any. For an in-person document check the answer
/// is the agent's attestation, `yes`.
pub fn check(
    method: &Method,
    answer: &str,
    customer: &Customer,
    records: &CustomerRecords,
    code_sent: Option<&str>,
) -> CheckOutcome {
    let answer = normalize_digits(answer.trim());
    let pass = |ok: bool| {
        if ok {
            CheckOutcome::Passed
        } else {
            CheckOutcome::Failed
        }
    };
    match method.check {
        CheckKind::ServicePassword => {
            match customer
                .profile
                .as_ref()
                .and_then(|p| p.service_password.as_deref())
            {
                Some(pw) => pass(!answer.is_empty() && answer == pw),
                None => CheckOutcome::Unavailable,
            }
        }
        CheckKind::IdDigits => {
            let n = method.digits.unwrap_or(6) as usize;
            let id: Vec<char> = customer.id_number.chars().collect();
            if id.len() < n {
                return CheckOutcome::Unavailable;
            }
            let tail: String = id[id.len() - n..].iter().collect();
            pass(answer.chars().count() == n && answer.eq_ignore_ascii_case(&tail))
        }
        CheckKind::BillAmount => {
            let recent: Vec<Fen> = records
                .bills
                .iter()
                .rev()
                .take(3)
                .map(|b| b.total)
                .collect();
            if recent.is_empty() {
                return CheckOutcome::Unavailable;
            }
            let cleaned: String = answer
                .chars()
                .filter(|c| !matches!(c, '¥' | '￥' | '元' | ',' | ' '))
                .collect();
            match cleaned.parse::<f64>() {
                Ok(yuan) if yuan.is_finite() => {
                    let fen = (yuan * 100.0).round() as i64;
                    pass(recent.iter().any(|t| (t.0 - fen).abs() <= BILL_TOLERANCE.0))
                }
                _ => CheckOutcome::Failed,
            }
        }
        CheckKind::OneTimeCode => match code_sent {
            Some(code) => pass(!answer.is_empty() && answer == code),
            None => CheckOutcome::Unavailable,
        },
        CheckKind::DocumentInPerson => pass(answer == "yes"),
    }
}
