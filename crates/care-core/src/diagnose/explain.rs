//! Filling a rule's `explain` template with what was found and captured,
//! and showing captured facts the way people read them.

use crate::commit::{format_date, month_name};
use crate::facts::{FactValue, Facts};
use crate::pack::calendar::{parse_date, parse_time};
use crate::pack::Pack;
use crate::reconstruct::Finding;
use crate::records::Fen;
use crate::text::{Lang, Text};

/// `{feature.<id>}` becomes that finding's detail and `{fact.<id>}` the
/// captured value, each in the template's language; anything else (or a
/// feature that did not fire, a fact not captured) stays as written.
pub(super) fn explain(pack: &Pack, template: &Text, facts: &Facts, findings: &[Finding]) -> Text {
    let one = |lang: Lang| {
        fill_placeholders(template.get(lang), |name, _| {
            match name.split_once('.')? {
                ("feature", id) => findings
                    .iter()
                    .find(|f| f.feature == id)
                    .map(|f| f.detail.get(lang).to_owned()),
                ("fact", id) => facts
                    .get(id)
                    .map(|v| show_fact(pack, id, v).get(lang).to_owned()),
                _ => None,
            }
        })
    };
    Text {
        zh_cn: one(Lang::ZhCn),
        en: one(Lang::En),
    }
}

/// Replaces each `{name}` for which `value(name, text_so_far)` gives
/// something; other placeholders, and a `{` never closed, stay as written.
pub(crate) fn fill_placeholders(
    template: &str,
    mut value: impl FnMut(&str, &str) -> Option<String>,
) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        // The name ends at the first `}`; a `{` before it means this one
        // was not a placeholder.
        match after.find(['}', '{']) {
            Some(close) if after[close..].starts_with('}') => {
                let name = &after[..close];
                match value(name.trim(), &out) {
                    Some(v) => out.push_str(&v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A captured value as people read it: a choice by its name in the pack,
/// a yes/no in words, money as `¥30.00`, a number plainly, dates spelt out.
pub fn show_fact(pack: &Pack, fact: &str, value: &FactValue) -> Text {
    let same = |s: &str| Text {
        zh_cn: s.to_owned(),
        en: s.to_owned(),
    };
    match value {
        FactValue::Choice(id) => pack
            .fact(fact)
            .and_then(|f| f.choices.iter().find(|c| &c.id == id))
            .map(|c| c.name.clone())
            .unwrap_or_else(|| same(id)),
        FactValue::Bool(b) => Text {
            zh_cn: if *b { "是" } else { "否" }.into(),
            en: if *b { "yes" } else { "no" }.into(),
        },
        FactValue::Money(fen) => same(&Fen(*fen).to_string()),
        FactValue::Number(thousandths) => same(&plain_number(*thousandths)),
        FactValue::Date(s) => parse_date(s).map(format_date).unwrap_or_else(|| same(s)),
        FactValue::Month(s) => show_month(s).unwrap_or_else(|| same(s)),
        FactValue::Datetime(s) => show_datetime(s).unwrap_or_else(|| same(s)),
        FactValue::Text(s) | FactValue::Phone(s) => same(s),
    }
}

/// Thousandths as a plain decimal: `12`, `12.5`, `-0.25`.
fn plain_number(thousandths: i64) -> String {
    let sign = if thousandths < 0 { "-" } else { "" };
    let abs = thousandths.unsigned_abs();
    let (whole, frac) = (abs / 1000, abs % 1000);
    if frac == 0 {
        format!("{sign}{whole}")
    } else {
        let frac = format!("{frac:03}");
        format!("{sign}{whole}.{}", frac.trim_end_matches('0'))
    }
}

/// `2026-11` → 2026年11月 / Nov 2026.
fn show_month(s: &str) -> Option<Text> {
    let date = parse_date(&format!("{s}-01"))?;
    Some(Text {
        zh_cn: format!("{}年{}月", date.year(), u8::from(date.month())),
        en: format!("{} {}", month_name(date.month()), date.year()),
    })
}

/// `2026-11-03T14:30` → 2026年11月3日 14:30 / 3 Nov 2026, 14:30.
fn show_datetime(s: &str) -> Option<Text> {
    let (d, t) = s.split_once('T')?;
    let date = format_date(parse_date(d)?);
    let time = parse_time(t)?;
    let hm = format!("{:02}:{:02}", time.hour(), time.minute());
    Some(Text {
        zh_cn: format!("{} {hm}", date.zh_cn),
        en: format!("{}, {hm}", date.en),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn upper(name: &str, _: &str) -> Option<String> {
        (name == "a").then(|| "A".to_owned())
    }

    #[test]
    fn placeholders_fill_and_unknown_ones_stay() {
        assert_eq!(fill_placeholders("x{a}y{b}z", upper), "xAy{b}z");
        assert_eq!(fill_placeholders("{a}{a}", upper), "AA");
        assert_eq!(fill_placeholders("open {a", upper), "open {a");
        assert_eq!(fill_placeholders("{{a}}", upper), "{A}");
        assert_eq!(fill_placeholders("}{", upper), "}{");
        assert_eq!(fill_placeholders("中文{a}。", upper), "中文A。");
        assert_eq!(fill_placeholders("", upper), "");
    }

    #[test]
    fn numbers_are_shown_plainly() {
        assert_eq!(plain_number(12_000), "12");
        assert_eq!(plain_number(12_500), "12.5");
        assert_eq!(plain_number(-250), "-0.25");
        assert_eq!(plain_number(1), "0.001");
    }

    #[test]
    fn months_and_times_are_spelt_out() {
        let m = show_month("2026-11").expect("month");
        assert_eq!(
            (m.zh_cn.as_str(), m.en.as_str()),
            ("2026年11月", "Nov 2026")
        );
        let t = show_datetime("2026-11-03T09:05").expect("datetime");
        assert_eq!(t.zh_cn, "2026年11月3日 09:05");
        assert_eq!(t.en, "3 Nov 2026, 09:05");
        assert_eq!(show_month("2026-13"), None);
    }
}
