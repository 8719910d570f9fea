//! Facts captured in the conversation: typed values of the pack's facts,
//! as the listen stage records them and diagnosis rules read them.

use crate::pack::{Fact, FactType, Value};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use thiserror::Error;

/// One captured value. Money is in fen, so amounts compare exactly;
/// dates are ISO text (`2026-11-03`, `2026-11`, `2026-11-03T14:30`) so
/// they order as text and need no time zone to be compared.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum FactValue {
    Text(String),
    /// A number in thousandths (integers keep events exactly comparable).
    Number(i64),
    Money(i64),
    Date(String),
    Month(String),
    Datetime(String),
    Phone(String),
    Choice(String),
    Bool(bool),
}

/// The facts of a case by fact id: the latest value captured wins.
pub type Facts = BTreeMap<String, FactValue>;

/// Why a typed value does not fit its fact.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum FactError {
    #[error("empty")]
    Empty,
    #[error("not a number")]
    NotANumber,
    #[error("out of range")]
    OutOfRange,
    #[error("too long")]
    TooLong,
    #[error("not a date")]
    NotADate,
    #[error("not a phone number")]
    NotAPhone,
    #[error("not one of the choices")]
    UnknownChoice,
    #[error("the value is of another type than the fact")]
    WrongType,
}

impl FactValue {
    /// The value as a number, for numeric comparisons: money in yuan,
    /// numbers as entered.
    pub fn as_number(&self) -> Option<f64> {
        match self {
            FactValue::Number(n) => Some(*n as f64 / 1000.0),
            FactValue::Money(fen) => Some(*fen as f64 / 100.0),
            _ => None,
        }
    }

    /// The value as text, for equality with a rule literal and for display.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            FactValue::Text(s)
            | FactValue::Date(s)
            | FactValue::Month(s)
            | FactValue::Datetime(s)
            | FactValue::Phone(s)
            | FactValue::Choice(s) => Some(s),
            _ => None,
        }
    }

    /// Whether a rule literal equals this value: numbers numerically,
    /// booleans as booleans, everything else as text.
    pub fn equals(&self, literal: &Value) -> bool {
        match (self, literal) {
            (FactValue::Bool(a), Value::Bool(b)) => a == b,
            (_, Value::Number(b)) => self.as_number().is_some_and(|a| (a - b).abs() < 1e-9),
            (_, Value::Text(b)) => self.as_text() == Some(b.as_str()),
            _ => false,
        }
    }

    /// Parses what the agent typed (or picked) for `fact`, checking type,
    /// bounds, length and choices. Full-width digits and a `¥`/`元` are
    /// accepted for amounts.
    pub fn parse(fact: &Fact, input: &str) -> Result<FactValue, FactError> {
        let input = input.trim();
        if input.is_empty() {
            return Err(FactError::Empty);
        }
        let in_bounds =
            |x: f64| fact.min.is_none_or(|min| x >= min) && fact.max.is_none_or(|max| x <= max);
        match fact.kind {
            FactType::Text => {
                let max = fact.max_len.unwrap_or(500) as usize;
                if input.chars().count() > max {
                    Err(FactError::TooLong)
                } else {
                    Ok(FactValue::Text(input.to_owned()))
                }
            }
            FactType::Number => {
                let x = parse_number(input).ok_or(FactError::NotANumber)?;
                if !in_bounds(x) {
                    return Err(FactError::OutOfRange);
                }
                Ok(FactValue::Number((x * 1000.0).round() as i64))
            }
            FactType::Money => {
                let cleaned: String = input
                    .chars()
                    .filter(|c| !matches!(c, '¥' | '￥' | '元' | ',' | '，' | ' '))
                    .collect();
                let x = parse_number(&cleaned).ok_or(FactError::NotANumber)?;
                if !in_bounds(x) {
                    return Err(FactError::OutOfRange);
                }
                Ok(FactValue::Money((x * 100.0).round() as i64))
            }
            FactType::Date => iso_date(input)
                .map(FactValue::Date)
                .ok_or(FactError::NotADate),
            FactType::Month => iso_month(input)
                .map(FactValue::Month)
                .ok_or(FactError::NotADate),
            FactType::Datetime => iso_datetime(input)
                .map(FactValue::Datetime)
                .ok_or(FactError::NotADate),
            FactType::Phone => {
                let digits: String = normalize_digits(input)
                    .chars()
                    .filter(|c| c.is_ascii_digit())
                    .collect();
                if (5..=15).contains(&digits.len()) {
                    Ok(FactValue::Phone(digits))
                } else {
                    Err(FactError::NotAPhone)
                }
            }
            FactType::Choice => fact
                .choices
                .iter()
                .find(|c| c.id == input)
                .map(|c| FactValue::Choice(c.id.clone()))
                .ok_or(FactError::UnknownChoice),
            FactType::Bool => match input {
                "true" | "yes" | "是" => Ok(FactValue::Bool(true)),
                "false" | "no" | "否" => Ok(FactValue::Bool(false)),
                _ => Err(FactError::WrongType),
            },
        }
    }

    /// The value as the input field shows it for editing.
    pub fn input_text(&self) -> String {
        match self {
            FactValue::Money(fen) => {
                let f = crate::records::Fen(*fen);
                format!("{}.{:02}", f.0 / 100, (f.0 % 100).abs())
            }
            FactValue::Number(n) => {
                let s = format!("{:.3}", *n as f64 / 1000.0);
                s.trim_end_matches('0').trim_end_matches('.').to_owned()
            }
            FactValue::Bool(b) => b.to_string(),
            FactValue::Datetime(s) => s.replacen('T', " ", 1),
            FactValue::Text(s)
            | FactValue::Date(s)
            | FactValue::Month(s)
            | FactValue::Phone(s)
            | FactValue::Choice(s) => s.clone(),
        }
    }

    /// Whether the value is of the fact's type (a value from another device
    /// or an older pack may not be).
    pub fn fits(&self, fact: &Fact) -> bool {
        matches!(
            (self, fact.kind),
            (FactValue::Text(_), FactType::Text)
                | (FactValue::Number(_), FactType::Number)
                | (FactValue::Money(_), FactType::Money)
                | (FactValue::Date(_), FactType::Date)
                | (FactValue::Month(_), FactType::Month)
                | (FactValue::Datetime(_), FactType::Datetime)
                | (FactValue::Phone(_), FactType::Phone)
                | (FactValue::Choice(_), FactType::Choice)
                | (FactValue::Bool(_), FactType::Bool)
        )
    }
}

/// Full-width digits and punctuation to ASCII.
pub fn normalize_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' => '.',
            '－' => '-',
            '：' => ':',
            _ => c,
        })
        .collect()
}

fn parse_number(s: &str) -> Option<f64> {
    let s = normalize_digits(s);
    let x: f64 = s.trim().parse().ok()?;
    x.is_finite().then_some(x)
}

fn two(s: &str) -> Option<u8> {
    (s.len() <= 2).then(|| s.parse().ok()).flatten()
}

/// `2026-11-03`, `2026/11/3`, `2026年11月3日` → `2026-11-03`.
fn iso_date(s: &str) -> Option<String> {
    let s = normalize_digits(s);
    let parts: Vec<&str> = s
        .split(['-', '/', '年', '月', '日', '.'])
        .filter(|p| !p.is_empty())
        .collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    let year: i32 = y.parse().ok().filter(|_| y.len() == 4)?;
    let month = time::Month::try_from(two(m)?).ok()?;
    let date = time::Date::from_calendar_date(year, month, two(d)?).ok()?;
    Some(format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        date.month() as u8,
        date.day()
    ))
}

/// `2026-11`, `2026/11`, `2026年11月` → `2026-11`.
fn iso_month(s: &str) -> Option<String> {
    let s = normalize_digits(s);
    let parts: Vec<&str> = s
        .split(['-', '/', '年', '月', '.'])
        .filter(|p| !p.is_empty())
        .collect();
    let [y, m] = parts.as_slice() else {
        return None;
    };
    let year: i32 = y.parse().ok().filter(|_| y.len() == 4)?;
    let month = two(m).filter(|m| (1..=12).contains(m))?;
    Some(format!("{year:04}-{month:02}"))
}

/// `2026-11-03T14:30` or `2026-11-03 14:30` → `2026-11-03T14:30`.
fn iso_datetime(s: &str) -> Option<String> {
    let s = normalize_digits(s);
    let (d, t) = s.trim().split_once(['T', ' '])?;
    let date = iso_date(d)?;
    let (h, m) = t.trim().split_once(':')?;
    let (h, m) = (two(h)?, two(m.get(..2).unwrap_or(m))?);
    (h < 24 && m < 60).then(|| format!("{date}T{h:02}:{m:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::Choice;
    use crate::text::Text;

    fn fact(kind: FactType) -> Fact {
        Fact {
            id: "f".into(),
            name: Text {
                zh_cn: "事实".into(),
                en: "Fact".into(),
            },
            kind,
            min: Some(0.0),
            max: Some(10_000.0),
            max_len: Some(10),
            choices: vec![Choice {
                id: "store".into(),
                name: Text {
                    zh_cn: "营业厅".into(),
                    en: "Store".into(),
                },
                keywords: Default::default(),
            }],
            when_true: Default::default(),
            when_false: Default::default(),
        }
    }

    #[test]
    fn money_accepts_how_people_write_amounts() {
        let f = fact(FactType::Money);
        assert_eq!(
            FactValue::parse(&f, "¥1,280.5"),
            Ok(FactValue::Money(128_050))
        );
        assert_eq!(FactValue::parse(&f, "３０元"), Ok(FactValue::Money(3000)));
        assert_eq!(FactValue::parse(&f, "-5"), Err(FactError::OutOfRange));
        assert_eq!(FactValue::parse(&f, "很多"), Err(FactError::NotANumber));
        assert_eq!(FactValue::parse(&f, "NaN"), Err(FactError::NotANumber));
        assert_eq!(FactValue::parse(&f, "  "), Err(FactError::Empty));
    }

    #[test]
    fn dates_months_and_times_become_iso() {
        assert_eq!(
            FactValue::parse(&fact(FactType::Date), "2026年11月3日"),
            Ok(FactValue::Date("2026-11-03".into()))
        );
        assert_eq!(
            FactValue::parse(&fact(FactType::Date), "2026-02-30"),
            Err(FactError::NotADate)
        );
        assert_eq!(
            FactValue::parse(&fact(FactType::Month), "2026/9"),
            Ok(FactValue::Month("2026-09".into()))
        );
        assert_eq!(
            FactValue::parse(&fact(FactType::Datetime), "2026-11-03 9:05"),
            Ok(FactValue::Datetime("2026-11-03T09:05".into()))
        );
        assert_eq!(
            FactValue::parse(&fact(FactType::Datetime), "2026-11-03 25:00"),
            Err(FactError::NotADate)
        );
    }

    #[test]
    fn text_choice_phone_and_bool_are_checked() {
        assert_eq!(
            FactValue::parse(&fact(FactType::Text), "一二三四五六七八九十一"),
            Err(FactError::TooLong)
        );
        assert_eq!(
            FactValue::parse(&fact(FactType::Choice), "store"),
            Ok(FactValue::Choice("store".into()))
        );
        assert_eq!(
            FactValue::parse(&fact(FactType::Choice), "<script>"),
            Err(FactError::UnknownChoice)
        );
        assert_eq!(
            FactValue::parse(&fact(FactType::Phone), "+86 138-0000-1234"),
            Ok(FactValue::Phone("8613800001234".into()))
        );
        assert_eq!(
            FactValue::parse(&fact(FactType::Bool), "是"),
            Ok(FactValue::Bool(true))
        );
    }

    #[test]
    fn rule_literals_compare_by_type() {
        assert!(FactValue::Money(3000).equals(&Value::Number(30.0)));
        assert!(!FactValue::Money(3000).equals(&Value::Text("30".into())));
        assert!(FactValue::Choice("store".into()).equals(&Value::Text("store".into())));
        assert!(FactValue::Bool(false).equals(&Value::Bool(false)));
        assert!(!FactValue::Bool(false).equals(&Value::Number(0.0)));
    }
}
