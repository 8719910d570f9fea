//! The note that goes with an escalated case to the receiving team: plain
//! text in both languages, to paste into their ticket as it is.

use crate::text::{Lang, Text};
use crate::verify::{mask_id_number, mask_msisdn};
use serde::{Deserialize, Serialize};

/// What the receiving team needs to take the case over without calling the
/// customer again to ask the same questions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Handoff {
    pub case_id: String,
    /// Where the customer contacted us.
    pub channel: Text,
    /// The customer as shown, already masked by the caller.
    pub customer: String,
    pub intent: Text,
    /// The customer's own words.
    pub statement: String,
    /// Captured facts, already formatted for people.
    pub facts: Vec<Labelled>,
    /// What the records showed (findings' details).
    pub findings: Vec<Text>,
    pub cause: Text,
    /// Why the cause was confirmed (the fired rules' explanations).
    pub reasons: Vec<Text>,
    pub solution: Text,
    /// The team it goes to.
    pub team: Text,
    /// Why the agent could not grant it.
    pub escalation_reason: Text,
    /// The verification level the customer reached.
    pub verification: Text,
    pub notes: Vec<String>,
}

/// A label and its value, both already worded for people.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Labelled {
    pub label: Text,
    pub value: Text,
}

/// The handoff note in both languages. Every long run of digits in it is
/// masked (a number the customer read out in their statement, or one an
/// agent typed into a note), since tickets travel further than the case.
pub fn handoff_summary(h: &Handoff) -> Text {
    Text {
        zh_cn: summary(h, Lang::ZhCn),
        en: summary(h, Lang::En),
    }
}

/// The heading words of one language.
struct Words {
    title: &'static str,
    case: &'static str,
    channel: &'static str,
    customer: &'static str,
    intent: &'static str,
    verification: &'static str,
    statement: &'static str,
    facts: &'static str,
    findings: &'static str,
    cause: &'static str,
    solution: &'static str,
    escalation: &'static str,
    notes: &'static str,
    none: &'static str,
    colon: &'static str,
    quote: (&'static str, &'static str),
    heading: (&'static str, &'static str),
}

const ZH: Words = Words {
    title: "转交说明",
    case: "案件编号",
    channel: "渠道",
    customer: "客户",
    intent: "诉求",
    verification: "已完成的核验",
    statement: "客户原话",
    facts: "已确认的信息",
    findings: "记录中的发现",
    cause: "确认的原因及依据",
    solution: "选定的方案",
    escalation: "转交原因",
    notes: "坐席备注",
    none: "（无）",
    colon: "：",
    quote: ("“", "”"),
    heading: ("【", "】"),
};

const EN: Words = Words {
    title: "Handoff to",
    case: "Case",
    channel: "Channel",
    customer: "Customer",
    intent: "Request",
    verification: "Verification reached",
    statement: "Customer's words",
    facts: "Facts confirmed",
    findings: "Found in the records",
    cause: "Confirmed cause and why",
    solution: "Chosen solution",
    escalation: "Why it is escalated",
    notes: "Agent's notes",
    none: "(none)",
    colon: ": ",
    quote: ("\"", "\""),
    heading: ("[", "]"),
};

fn summary(h: &Handoff, lang: Lang) -> String {
    let w = match lang {
        Lang::ZhCn => &ZH,
        Lang::En => &EN,
    };
    let t = |text: &Text| mask_numbers(text.get(lang));
    let field = |label: &str, value: &str| format!("{label}{}{value}", w.colon);
    let mut s = vec![
        field(w.title, &t(&h.team)),
        field(w.case, &h.case_id),
        field(w.channel, &t(&h.channel)),
        field(w.customer, &mask_numbers(&h.customer)),
        field(w.intent, &t(&h.intent)),
        field(w.verification, &t(&h.verification)),
    ];

    let mut section = |heading: &str, body: Vec<String>| {
        s.push(String::new());
        s.push(format!("{}{heading}{}", w.heading.0, w.heading.1));
        if body.iter().all(|l| l.trim().is_empty()) {
            s.push(w.none.to_owned());
        } else {
            s.extend(body);
        }
    };
    let statement = h.statement.trim();
    section(
        w.statement,
        if statement.is_empty() {
            Vec::new()
        } else {
            vec![format!(
                "{}{}{}",
                w.quote.0,
                mask_numbers(statement),
                w.quote.1
            )]
        },
    );
    section(
        w.facts,
        h.facts
            .iter()
            .map(|f| bullet(&field(&t(&f.label), &t(&f.value))))
            .collect(),
    );
    section(
        w.findings,
        h.findings.iter().map(|f| bullet(&t(f))).collect(),
    );
    let mut cause = vec![t(&h.cause)];
    cause.extend(h.reasons.iter().map(|r| bullet(&t(r))));
    section(w.cause, cause);
    section(w.solution, vec![t(&h.solution)]);
    section(w.escalation, vec![t(&h.escalation_reason)]);
    section(
        w.notes,
        h.notes
            .iter()
            .filter(|n| !n.trim().is_empty())
            .map(|n| bullet(&mask_numbers(n.trim())))
            .collect(),
    );
    s.join("\n")
}

/// A list item; the lines of a several-line item are indented under it.
fn bullet(item: &str) -> String {
    format!("- {}", item.lines().collect::<Vec<_>>().join("\n  "))
}

/// Masks what looks like a phone, ID, card or account number: a run of
/// eleven digits or more (spaces and dashes between groups allowed, an ID
/// number's final `X` included), or seven or more written together.
/// Dates, times, amounts and short numbers stay readable.
pub fn mask_numbers(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let ascii = |c: char| match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        _ => c,
    };
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if !digit(c) {
            out.push(c);
            i += 1;
            continue;
        }
        let start = i;
        let mut digits = String::new();
        let mut separated = false;
        while let Some(&c) = chars.get(i) {
            if digit(c) {
                digits.push(ascii(c));
                i += 1;
            } else if matches!(c, ' ' | '-') && chars.get(i + 1).is_some_and(|&n| digit(n)) {
                separated = true;
                i += 1;
            } else {
                break;
            }
        }
        if digits.len() == 17 && chars.get(i).is_some_and(|c| matches!(c, 'X' | 'x')) {
            digits.push('X');
            i += 1;
        }
        if digits.len() >= 11 || (!separated && digits.len() >= 7) {
            if digits.len() == 11 {
                out.push_str(&mask_msisdn(&digits));
            } else {
                out.push_str(&mask_id_number(&digits));
            }
        } else {
            out.extend(&chars[start..i]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_numbers_are_masked_and_ordinary_ones_kept() {
        assert_eq!(
            mask_numbers("我的号码13812345678没信号"),
            "我的号码138****5678没信号"
        );
        assert_eq!(
            mask_numbers("call 138 1234 5678 now"),
            "call 138****5678 now"
        );
        assert_eq!(mask_numbers("号码 138-1234-5678。"), "号码 138****5678。");
        assert_eq!(mask_numbers("１３８１２３４５６７８"), "138****5678");
        assert_eq!(
            mask_numbers("ID 99010119900101123X."),
            "ID **************123X."
        );
        assert_eq!(mask_numbers("acct 88001234"), "acct ****1234");
        for kept in [
            "2026-11-25 14:30",
            "¥1,280.50",
            "110 and 96110",
            "48 working hours",
            "138****5678",
            "",
        ] {
            assert_eq!(mask_numbers(kept), kept);
        }
    }
}
