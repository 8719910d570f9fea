//! The listen stage: what to ask next, what is already known, and the
//! facts the first statement already gives (offered to the agent for
//! confirmation, so the customer is never asked for them again).
//!
//! Extraction is by the fact's type and the pack's words: amounts of money,
//! months and days said the way people say them ("上个月", "昨天晚上"),
//! phone numbers, choices by their names and keywords, yes/no facts by the
//! pack's phrases. The agent confirms every offer; nothing extracted is
//! recorded on its own.

use crate::case::{CapturedFact, CaseState};
use crate::facts::{normalize_digits, FactValue};
use crate::pack::{Fact, FactType, Intent, Pack, Prompt, PromptKind};
use serde::{Deserialize, Serialize};
use time::{Date, Duration, Month, OffsetDateTime};

/// A value the statement gives for a fact, with the words that gave it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offer {
    pub fact: String,
    pub value: FactValue,
    pub quote: String,
}

/// One prompt of the intent with where it stands.
#[derive(Clone, Debug, PartialEq)]
pub struct PromptView<'a> {
    pub prompt: &'a Prompt,
    /// How many times it was asked (more than once is a repeat).
    pub asked: usize,
    /// Every fact it collects is already known: do not ask it.
    pub known: bool,
}

/// One fact of the intent with where it stands.
#[derive(Clone, Debug, PartialEq)]
pub struct FactView<'a> {
    pub fact: &'a Fact,
    pub required: bool,
    pub captured: Option<&'a CapturedFact>,
    /// What the statement seems to say, when not captured yet.
    pub offer: Option<Offer>,
}

/// The listen stage of a case.
#[derive(Clone, Debug, PartialEq)]
pub struct Listening<'a> {
    pub intent: &'a Intent,
    pub prompts: Vec<PromptView<'a>>,
    /// Required facts first, then optional ones, in pack order.
    pub facts: Vec<FactView<'a>>,
    pub required_captured: usize,
    pub required_total: usize,
    /// The question to ask next, if any is left.
    pub next: Option<&'a Prompt>,
}

impl Listening<'_> {
    pub fn complete(&self) -> bool {
        self.required_captured == self.required_total
    }
}

/// The listen stage for the case's confirmed intent, `None` before one is
/// confirmed (or if the pack no longer has it). `now` is in the operator's
/// time zone, for "yesterday" and "last month".
pub fn listening<'a>(
    pack: &'a Pack,
    state: &'a CaseState,
    now: OffsetDateTime,
) -> Option<Listening<'a>> {
    let intent = pack.intent(state.intent.as_deref()?)?;
    let offers = state
        .statement
        .as_deref()
        .map(|s| extract(pack, intent, s, now))
        .unwrap_or_default();
    let facts: Vec<FactView<'a>> = intent
        .facts
        .iter()
        .map(|id| (id, true))
        .chain(intent.optional_facts.iter().map(|id| (id, false)))
        .filter_map(|(id, required)| {
            let fact = pack.fact(id)?;
            let captured = state.facts.get(id);
            let offer = if captured.is_none() && !state.dismissed_offers.contains(id) {
                offers.iter().find(|o| &o.fact == id).cloned()
            } else {
                None
            };
            Some(FactView {
                fact,
                required,
                captured,
                offer,
            })
        })
        .collect();
    let known = |id: &String| state.facts.contains_key(id);
    let prompts: Vec<PromptView<'a>> = intent
        .prompts
        .iter()
        .filter_map(|id| pack.prompts.iter().find(|p| &p.id == id))
        .map(|p| PromptView {
            prompt: p,
            asked: state.times_asked(&p.id),
            known: !p.collects.is_empty() && p.collects.iter().all(known),
        })
        .collect();
    let required_total = facts.iter().filter(|f| f.required).count();
    let required_captured = facts
        .iter()
        .filter(|f| f.required && f.captured.is_some())
        .count();
    // Ask first for what is required and unknown, then for the rest; a
    // fact the statement seems to give is confirmed, not asked.
    let pending = |required_only: bool| {
        facts
            .iter()
            .filter(|f| f.captured.is_none() && f.offer.is_none())
            .filter(|f| f.required || !required_only)
            .map(|f| f.fact.id.as_str())
            .collect::<Vec<_>>()
    };
    let is_question =
        |p: &PromptView<'_>| matches!(p.prompt.kind, PromptKind::Open | PromptKind::Closed);
    let next = [true, false].into_iter().find_map(|required_only| {
        let wanted = pending(required_only);
        prompts
            .iter()
            .filter(|p| is_question(p) && p.asked == 0)
            .find(|p| {
                p.prompt
                    .collects
                    .iter()
                    .any(|c| wanted.contains(&c.as_str()))
            })
            .map(|p| p.prompt)
    });
    Some(Listening {
        intent,
        prompts,
        facts,
        required_captured,
        required_total,
        next,
    })
}

/// What the statement says about the intent's facts, in the intent's
/// fact order; at most one offer per fact, and a number used for one fact
/// is not offered for another.
pub fn extract(pack: &Pack, intent: &Intent, statement: &str, now: OffsetDateTime) -> Vec<Offer> {
    let text = normalize_digits(statement);
    let lower = text.to_lowercase();
    let mut used_numbers: Vec<String> = Vec::new();
    let mut out = Vec::new();
    let ids = intent.facts.iter().chain(intent.optional_facts.iter());
    for id in ids {
        let Some(fact) = pack.fact(id) else {
            continue;
        };
        let found = match fact.kind {
            FactType::Money => money(&text)
                .into_iter()
                .find(|(n, _)| !used_numbers.contains(n))
                .and_then(|(n, quote)| {
                    let v = FactValue::parse(fact, &n).ok()?;
                    used_numbers.push(n);
                    Some((v, quote))
                }),
            FactType::Month => month(&lower, now.date()).map(|(m, q)| (FactValue::Month(m), q)),
            FactType::Date => day(&lower, now.date())
                .map(|(d, q)| (FactValue::Date(crate::reconstruct::ymd(d)), q)),
            FactType::Datetime => day(&lower, now.date()).map(|(d, q)| {
                let (h, tq) = hour(&lower).unwrap_or((0, String::new()));
                let quote = if tq.is_empty() {
                    q
                } else {
                    format!("{q}…{tq}")
                };
                (
                    FactValue::Datetime(format!("{}T{h:02}:00", crate::reconstruct::ymd(d))),
                    quote,
                )
            }),
            FactType::Phone => phone(&text)
                .into_iter()
                .find(|n| !used_numbers.contains(n))
                .map(|n| {
                    used_numbers.push(n.clone());
                    (FactValue::Phone(n.clone()), n)
                }),
            FactType::Choice => choice(fact, &lower),
            FactType::Bool => boolean(fact, &lower),
            FactType::Text | FactType::Number => None,
        };
        if let Some((value, quote)) = found {
            out.push(Offer {
                fact: id.clone(),
                value,
                quote,
            });
        }
    }
    out
}

/// Runs of digits (with one decimal point) and where they end.
fn numbers(text: &str) -> Vec<(String, usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            let mut seen_dot = false;
            while i < chars.len()
                && (chars[i].is_ascii_digit()
                    || (chars[i] == '.'
                        && !seen_dot
                        && chars.get(i + 1).is_some_and(|c| c.is_ascii_digit())))
            {
                seen_dot |= chars[i] == '.';
                i += 1;
            }
            out.push((chars[start..i].iter().collect(), start, i));
        } else {
            i += 1;
        }
    }
    out
}

/// Amounts: a number after ¥, or before 元/块/yuan/rmb/dollars.
fn money(text: &str) -> Vec<(String, String)> {
    let chars: Vec<char> = text.chars().collect();
    let lower: Vec<char> = text.to_lowercase().chars().collect();
    let after = |end: usize| -> Option<usize> {
        let mut j = end;
        while lower.get(j) == Some(&' ') {
            j += 1;
        }
        let rest: String = lower[j.min(lower.len())..].iter().take(7).collect();
        ["元", "块", "yuan", "rmb", "kuai", "dollars", "bucks"]
            .iter()
            .find(|u| rest.starts_with(*u))
            .map(|u| j + u.chars().count())
    };
    numbers(text)
        .into_iter()
        .filter_map(|(n, start, end)| {
            let before = start
                .checked_sub(1)
                .and_then(|i| chars.get(i))
                .is_some_and(|c| matches!(c, '¥' | '￥' | '$'));
            let quote_start = if before { start - 1 } else { start };
            let quote_end = after(end).or(before.then_some(end))?;
            Some((n, chars[quote_start..quote_end].iter().collect()))
        })
        .collect()
}

/// Mobile numbers (11 digits from 1) and service numbers (5 digits), with
/// spaces and dashes inside allowed.
fn phone(text: &str) -> Vec<String> {
    let squeezed: String = text.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
    numbers(&squeezed)
        .into_iter()
        .map(|(n, _, _)| n)
        .filter(|n| {
            !n.contains('.')
                && ((n.len() == 11 && n.starts_with('1'))
                    || (n.len() == 13 && n.starts_with("861"))
                    || n.len() == 5)
        })
        .map(|n| {
            n.strip_prefix("86")
                .filter(|r| r.len() == 11)
                .map(str::to_owned)
                .unwrap_or(n)
        })
        .collect()
}

const ZH_MONTHS: [&str; 12] = [
    "一月",
    "二月",
    "三月",
    "四月",
    "五月",
    "六月",
    "七月",
    "八月",
    "九月",
    "十月",
    "十一月",
    "十二月",
];
const EN_MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn shift_month(today: Date, back: i32) -> (i32, u8) {
    let index = today.year() * 12 + i32::from(today.month() as u8) - 1 - back;
    (index.div_euclid(12), (index.rem_euclid(12) + 1) as u8)
}

/// The most recent past (or current) occurrence of a month number.
fn latest(today: Date, month: u8) -> (i32, u8) {
    let year = if month > today.month() as u8 {
        today.year() - 1
    } else {
        today.year()
    };
    (year, month)
}

/// "上个月", "这个月", "10月", "十月", "last month", "October".
fn month(lower: &str, today: Date) -> Option<(String, String)> {
    let relative = [
        ("上上个月", 2),
        ("上个月", 1),
        ("上月", 1),
        ("这个月", 0),
        ("本月", 0),
        ("this month", 0),
        ("last month", 1),
        ("previous month", 1),
    ];
    let found = relative
        .iter()
        .find(|(w, _)| lower.contains(w))
        .map(|(w, back)| (shift_month(today, *back), (*w).to_owned()))
        .or_else(|| {
            numbers(lower).into_iter().find_map(|(n, _, end)| {
                let rest: String = lower.chars().skip(end).take(2).collect();
                let m: u8 = n.parse().ok().filter(|m| (1..=12).contains(m))?;
                rest.starts_with('月')
                    .then(|| (latest(today, m), format!("{n}月")))
            })
        })
        .or_else(|| {
            // Longest names first, so 十一月 is not read as 一月.
            let mut zh: Vec<(usize, &str)> = ZH_MONTHS.iter().copied().enumerate().collect();
            zh.sort_by_key(|(_, w)| std::cmp::Reverse(w.chars().count()));
            zh.into_iter()
                .find(|(_, w)| lower.contains(w))
                .map(|(i, w)| (latest(today, i as u8 + 1), w.to_owned()))
        })
        .or_else(|| {
            EN_MONTHS
                .iter()
                .enumerate()
                .find(|(_, w)| lower.split(|c: char| !c.is_alphabetic()).any(|t| t == **w))
                .map(|(i, w)| (latest(today, i as u8 + 1), (*w).to_owned()))
        })?;
    let ((y, m), quote) = found;
    Some((format!("{y:04}-{m:02}"), quote))
}

/// "今天", "昨天", "前天", "3号", "11月3日", "today", "yesterday".
fn day(lower: &str, today: Date) -> Option<(Date, String)> {
    let relative = [
        ("大前天", 3),
        ("前天", 2),
        ("昨天", 1),
        ("昨晚", 1),
        ("今天", 0),
        ("今早", 0),
        ("day before yesterday", 2),
        ("yesterday", 1),
        ("last night", 1),
        ("today", 0),
        ("this morning", 0),
    ];
    if let Some((w, back)) = relative.iter().find(|(w, _)| lower.contains(w)) {
        return Some((today - Duration::days(*back), (*w).to_owned()));
    }
    let nums = numbers(lower);
    for (k, (n, _, end)) in nums.iter().enumerate() {
        let rest: String = lower.chars().skip(*end).take(1).collect();
        if rest == "月" {
            if let Some((d, _, dend)) = nums.get(k + 1) {
                let unit: String = lower.chars().skip(*dend).take(1).collect();
                if unit == "日" || unit == "号" {
                    let m: u8 = n.parse().ok()?;
                    let (y, m) = latest(today, m);
                    let date =
                        Date::from_calendar_date(y, Month::try_from(m).ok()?, d.parse().ok()?)
                            .ok()?;
                    return Some((date, format!("{n}月{d}{unit}")));
                }
            }
        }
        if rest == "号" || rest == "日" {
            let d: u8 = n.parse().ok()?;
            // The latest such day on or before today.
            let this = Date::from_calendar_date(today.year(), today.month(), d).ok();
            let date = match this {
                Some(date) if date <= today => date,
                _ => {
                    let (y, m) = shift_month(today, 1);
                    Date::from_calendar_date(y, Month::try_from(m).ok()?, d).ok()?
                }
            };
            return Some((date, format!("{n}{rest}")));
        }
    }
    None
}

/// "下午3点", "晚上八点" (digits only), "3pm", or a part of the day.
fn hour(lower: &str) -> Option<(u8, String)> {
    let pm = ["下午", "晚上", "傍晚", "pm", "evening", "tonight", "night"]
        .iter()
        .any(|w| lower.contains(w));
    for (n, _, end) in numbers(lower) {
        let rest: String = lower.chars().skip(end).take(2).collect();
        let rest = rest.trim_start().to_owned();
        if rest.starts_with('点')
            || rest.starts_with("pm")
            || rest.starts_with("am")
            || rest.starts_with(':')
        {
            let h: u8 = n.parse().ok().filter(|h| *h < 24)?;
            let h = if pm && h < 12 { h + 12 } else { h };
            return Some((h, format!("{n}{}", rest.chars().next().unwrap_or(' '))));
        }
    }
    [
        ("凌晨", 3),
        ("早上", 8),
        ("上午", 10),
        ("中午", 12),
        ("下午", 15),
        ("傍晚", 18),
        ("晚上", 20),
        ("morning", 9),
        ("afternoon", 15),
        ("evening", 19),
        ("night", 21),
    ]
    .iter()
    .find(|(w, _)| lower.contains(w))
    .map(|(w, h)| (*h, (*w).to_owned()))
}

/// Splits a choice's name into the alternatives people say ("遗失/丢了").
fn alternatives(name: &str) -> impl Iterator<Item = String> + '_ {
    name.split(['/', '、', '，', ',', '(', ')', '（', '）'])
        .map(|s| s.trim().to_lowercase())
        .filter(|s| s.chars().count() >= 2)
}

/// The choice whose name or keyword appears, preferring the longest match.
fn choice(fact: &Fact, lower: &str) -> Option<(FactValue, String)> {
    fact.choices
        .iter()
        .flat_map(|c| {
            alternatives(&c.name.zh_cn)
                .chain(alternatives(&c.name.en))
                .chain(c.keywords.zh_cn.iter().map(|k| k.to_lowercase()))
                .chain(c.keywords.en.iter().map(|k| k.to_lowercase()))
                .filter(|k| !k.is_empty() && lower.contains(k.as_str()))
                .map(move |k| (c, k))
                .collect::<Vec<_>>()
        })
        .max_by_key(|(_, k)| k.chars().count())
        .map(|(c, k)| (FactValue::Choice(c.id.clone()), k))
}

/// Yes or no by the pack's phrases; the longest match decides, so "没办"
/// (no) wins over "办" (yes) inside it.
fn boolean(fact: &Fact, lower: &str) -> Option<(FactValue, String)> {
    let phrases = |e: &crate::pack::Examples, v: bool| {
        e.zh_cn
            .iter()
            .chain(e.en.iter())
            .map(|p| p.to_lowercase())
            .filter(|p| !p.is_empty() && lower.contains(p.as_str()))
            .map(|p| (v, p))
            .collect::<Vec<_>>()
    };
    phrases(&fact.when_true, true)
        .into_iter()
        .chain(phrases(&fact.when_false, false))
        .max_by_key(|(v, p)| (p.chars().count(), !*v))
        .map(|(v, p)| (FactValue::Bool(v), p))
}
