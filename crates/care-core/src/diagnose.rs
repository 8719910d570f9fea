//! The diagnose stage: which of the intent's causes the evidence points to,
//! how strongly, and why, in the agent's language.
//!
//! Causes and the rules that point to them are pack data
//! ([`crate::pack::Cause`], [`crate::pack::Rule`]); this module only
//! evaluates them against the facts captured in the conversation and the
//! features reconstruction found in the customer's records.

mod explain;

pub(crate) use explain::fill_placeholders;
pub use explain::show_fact;

use crate::facts::{FactValue, Facts};
use crate::pack::{Cause, Condition, Op, Pack, Rule, Severity, Value};
use crate::reconstruct::Finding;
use crate::text::Text;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// One cause the evidence points to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Diagnosis {
    pub cause: String,
    pub name: Text,
    pub description: Option<Text>,
    pub severity: Severity,
    /// The fired rules' weights combined by noisy-OR, in `(0, 1]`.
    pub score: f64,
    /// The rules that fired, strongest first.
    pub reasons: Vec<Reason>,
}

/// A rule that fired, with its explanation filled in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reason {
    pub rule: String,
    pub weight: f64,
    pub text: Text,
}

/// A fact worth asking for: capturing it could fire at least one rule.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MissingFact {
    pub fact: String,
    pub name: Text,
    /// The most it could raise one cause's score.
    pub gain: f64,
    /// The causes it could support, the most helped first.
    pub supports: Vec<Support>,
}

/// A cause a missing fact could support, and by how much at most.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Support {
    pub cause: String,
    pub name: Text,
    pub gain: f64,
}

/// The intent's causes that at least one rule points to, most likely
/// first (score, then severity, then pack order).
pub fn diagnose(pack: &Pack, intent: &str, facts: &Facts, findings: &[Finding]) -> Vec<Diagnosis> {
    let mut out: Vec<(usize, Diagnosis)> = causes_of(pack, intent)
        .filter_map(|(order, cause)| {
            let mut fired: Vec<&Rule> = rules_of(pack, &cause.id)
                .filter(|r| fires(r, facts, findings))
                .collect();
            if fired.is_empty() {
                return None;
            }
            // Stable: equal weights keep pack order.
            fired.sort_by(|a, b| weight(b).total_cmp(&weight(a)));
            let reasons = fired
                .iter()
                .map(|r| Reason {
                    rule: r.id.clone(),
                    weight: weight(r),
                    text: explain::explain(pack, &r.explain, facts, findings),
                })
                .collect();
            Some((
                order,
                Diagnosis {
                    cause: cause.id.clone(),
                    name: cause.name.clone(),
                    description: cause.description.clone(),
                    severity: cause.severity,
                    score: noisy_or(fired.iter().map(|r| weight(r))),
                    reasons,
                },
            ))
        })
        .collect();
    out.sort_by(|(oa, a), (ob, b)| {
        b.score
            .total_cmp(&a.score)
            .then(b.severity.cmp(&a.severity))
            .then(oa.cmp(ob))
    });
    out.into_iter().map(|(_, d)| d).collect()
}

/// The facts the agent could ask for to be surer: each appears in a rule of
/// one of the intent's causes that has not fired, whose every other
/// condition already holds, and is not captured yet. Ordered by the most
/// it could raise a cause's score, then pack order.
pub fn missing_facts(
    pack: &Pack,
    intent: &str,
    facts: &Facts,
    findings: &[Finding],
) -> Vec<MissingFact> {
    let mut found: Vec<Candidate> = Vec::new();
    for (cause_order, cause) in causes_of(pack, intent) {
        let rules: Vec<&Rule> = rules_of(pack, &cause.id).collect();
        let current = noisy_or(
            rules
                .iter()
                .filter(|r| fires(r, facts, findings))
                .map(|r| weight(r)),
        );
        for rule in &rules {
            let Some(fact) = only_missing_fact(rule, facts, findings) else {
                continue;
            };
            let Some(fact_order) = pack.facts.iter().position(|f| f.id == fact) else {
                continue;
            };
            let at = match found.iter().position(|c| c.fact == fact) {
                Some(at) => at,
                None => {
                    found.push(Candidate {
                        fact_order,
                        fact,
                        causes: Vec::new(),
                    });
                    found.len() - 1
                }
            };
            let Some(candidate) = found.get_mut(at) else {
                continue;
            };
            match candidate.causes.iter_mut().find(|c| c.cause.id == cause.id) {
                Some(c) => c.miss *= 1.0 - weight(rule),
                None => candidate.causes.push(Helps {
                    cause_order,
                    cause,
                    current,
                    miss: 1.0 - weight(rule),
                }),
            }
        }
    }
    let mut out: Vec<(usize, MissingFact)> = found
        .into_iter()
        .filter_map(|candidate| {
            let mut supports: Vec<(usize, Support)> = candidate
                .causes
                .into_iter()
                .map(|h| {
                    (
                        h.cause_order,
                        Support {
                            cause: h.cause.id.clone(),
                            name: h.cause.name.clone(),
                            gain: (1.0 - h.current) * (1.0 - h.miss),
                        },
                    )
                })
                .filter(|(_, s)| s.gain > 0.0)
                .collect();
            supports.sort_by(|(oa, a), (ob, b)| b.gain.total_cmp(&a.gain).then(oa.cmp(ob)));
            let gain = supports.first().map(|(_, s)| s.gain)?;
            Some((
                candidate.fact_order,
                MissingFact {
                    fact: candidate.fact.to_owned(),
                    name: pack.fact(candidate.fact)?.name.clone(),
                    gain,
                    supports: supports.into_iter().map(|(_, s)| s).collect(),
                },
            ))
        })
        .collect();
    out.sort_by(|(oa, a), (ob, b)| b.gain.total_cmp(&a.gain).then(oa.cmp(ob)));
    out.into_iter().map(|(_, m)| m).collect()
}

/// A fact that could fire rules, while [`missing_facts`] collects them.
struct Candidate<'a> {
    fact_order: usize,
    fact: &'a str,
    causes: Vec<Helps<'a>>,
}

/// What capturing a fact could do for one cause.
struct Helps<'a> {
    cause_order: usize,
    cause: &'a Cause,
    /// The cause's score now.
    current: f64,
    /// Π(1 − w) over the rules the fact could fire.
    miss: f64,
}

/// Combines independent pieces of evidence: 1 − Π(1 − w). Weights are
/// multiplied largest first so that the same evidence gives the same score
/// whatever the rules' order in the pack.
fn noisy_or(weights: impl Iterator<Item = f64>) -> f64 {
    let mut ws: Vec<f64> = weights.collect();
    ws.sort_by(|a, b| b.total_cmp(a));
    1.0 - ws.iter().fold(1.0, |miss, w| miss * (1.0 - w))
}

/// A rule's weight kept in `[0, 1]` (a pack that was not loaded through
/// the checks could hold anything).
fn weight(rule: &Rule) -> f64 {
    if rule.weight.is_nan() {
        0.0
    } else {
        rule.weight.clamp(0.0, 1.0)
    }
}

fn causes_of<'a>(pack: &'a Pack, intent: &'a str) -> impl Iterator<Item = (usize, &'a Cause)> {
    pack.causes
        .iter()
        .enumerate()
        .filter(move |(_, c)| c.intents.iter().any(|i| i == intent))
}

fn rules_of<'a>(pack: &'a Pack, cause: &'a str) -> impl Iterator<Item = &'a Rule> {
    pack.rules.iter().filter(move |r| r.cause == cause)
}

/// A rule fires when every condition holds. A rule with no condition tests
/// nothing and so is no evidence: it never fires.
fn fires(rule: &Rule, facts: &Facts, findings: &[Finding]) -> bool {
    !rule.all.is_empty() && rule.all.iter().all(|c| holds(c, facts, findings))
}

/// The one uncaptured fact whose capture could make `rule` fire, when every
/// condition on anything else already holds.
fn only_missing_fact<'a>(rule: &'a Rule, facts: &Facts, findings: &[Finding]) -> Option<&'a str> {
    if fires(rule, facts, findings) {
        return None;
    }
    let mut missing: Option<&str> = None;
    for c in rule.all.iter().filter(|c| !holds(c, facts, findings)) {
        match (&c.feature, &c.fact) {
            (None, Some(fact)) if !facts.contains_key(fact) && satisfiable(c) => {
                if missing.is_some_and(|m| m != fact) {
                    return None;
                }
                missing = Some(fact);
            }
            _ => return None,
        }
    }
    missing
}

/// Whether some captured value could meet the condition at all.
fn satisfiable(c: &Condition) -> bool {
    match (c.op, &c.value) {
        (Some(Op::Present), _) => true,
        (Some(Op::In), Some(Value::List(items))) => !items.is_empty(),
        (Some(Op::In), _) | (None, _) => false,
        (Some(_), value) => value.is_some(),
    }
}

/// Whether one condition holds. An uncaptured fact makes every test on it
/// false, `ne` included: unknown is not "different".
fn holds(c: &Condition, facts: &Facts, findings: &[Finding]) -> bool {
    match (&c.feature, &c.fact) {
        (Some(feature), None) => findings.iter().any(|f| &f.feature == feature),
        (None, Some(fact)) => facts
            .get(fact)
            .is_some_and(|v| test(v, c.op, c.value.as_ref())),
        _ => false,
    }
}

fn test(v: &FactValue, op: Option<Op>, literal: Option<&Value>) -> bool {
    let is_in = |items: &[Value]| items.iter().any(|i| v.equals(i));
    let compare = |want: fn(Ordering) -> bool| match (v.as_number(), literal) {
        (Some(x), Some(Value::Number(n))) => x.partial_cmp(n).is_some_and(want),
        _ => false,
    };
    match (op, literal) {
        (Some(Op::Present), _) => true,
        // A list after `eq`/`ne` reads as "one of" / "none of".
        (Some(Op::Eq), Some(Value::List(items))) | (Some(Op::In), Some(Value::List(items))) => {
            is_in(items)
        }
        (Some(Op::Ne), Some(Value::List(items))) => !is_in(items),
        (Some(Op::Eq), Some(l)) => v.equals(l),
        (Some(Op::Ne), Some(l)) => !v.equals(l),
        (Some(Op::Gt), _) => compare(|o| o == Ordering::Greater),
        (Some(Op::Ge), _) => compare(|o| o != Ordering::Less),
        (Some(Op::Lt), _) => compare(|o| o == Ordering::Less),
        (Some(Op::Le), _) => compare(|o| o != Ordering::Greater),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cond(fact: &str, op: Op, value: Option<Value>) -> Condition {
        Condition {
            feature: None,
            fact: Some(fact.into()),
            op: Some(op),
            value,
        }
    }

    fn facts(v: FactValue) -> Facts {
        Facts::from([("f".to_owned(), v)])
    }

    #[test]
    fn numeric_tests_compare_money_in_yuan() {
        let thirty = facts(FactValue::Money(3000));
        let n = |x| Some(Value::Number(x));
        assert!(holds(&cond("f", Op::Gt, n(29.99)), &thirty, &[]));
        assert!(!holds(&cond("f", Op::Gt, n(30.0)), &thirty, &[]));
        assert!(holds(&cond("f", Op::Ge, n(30.0)), &thirty, &[]));
        assert!(holds(&cond("f", Op::Le, n(30.0)), &thirty, &[]));
        assert!(!holds(&cond("f", Op::Lt, n(30.0)), &thirty, &[]));
        // A number test on text is false, not a panic.
        let text = facts(FactValue::Text("30".into()));
        assert!(!holds(&cond("f", Op::Gt, n(1.0)), &text, &[]));
    }

    #[test]
    fn lists_mean_one_of_and_none_of() {
        let list = Some(Value::List(vec![
            Value::Text("a".into()),
            Value::Text("b".into()),
        ]));
        let b = facts(FactValue::Choice("b".into()));
        let c = facts(FactValue::Choice("c".into()));
        assert!(holds(&cond("f", Op::In, list.clone()), &b, &[]));
        assert!(!holds(&cond("f", Op::In, list.clone()), &c, &[]));
        assert!(holds(&cond("f", Op::Ne, list.clone()), &c, &[]));
        assert!(!holds(&cond("f", Op::Ne, list), &b, &[]));
    }

    #[test]
    fn a_condition_naming_both_or_neither_never_holds() {
        let both = Condition {
            feature: Some("x".into()),
            fact: Some("f".into()),
            op: Some(Op::Present),
            value: None,
        };
        let f = facts(FactValue::Bool(true));
        assert!(!holds(&both, &f, &[]));
        let neither = Condition {
            feature: None,
            fact: None,
            op: None,
            value: None,
        };
        assert!(!holds(&neither, &f, &[]));
    }

    #[test]
    fn noisy_or_grows_with_evidence_but_stays_within_one() {
        assert_eq!(noisy_or([].into_iter()), 0.0);
        assert!((noisy_or([0.6].into_iter()) - 0.6).abs() < 1e-12);
        assert!((noisy_or([0.6, 0.5].into_iter()) - 0.8).abs() < 1e-12);
        assert_eq!(noisy_or([1.0, 0.9, 0.9].into_iter()), 1.0);
        let a = noisy_or([0.3, 0.7, 0.55, 0.9].into_iter());
        let b = noisy_or([0.9, 0.55, 0.3, 0.7].into_iter());
        assert_eq!(a.to_bits(), b.to_bits(), "order must not change the score");
    }
}
