//! Knowledge gaps: where the knowledge pack fails agents, as lists a team
//! lead can act on, each entry with the cases it comes from.
//!
//! - **Unrecognised statements**: first statements the recogniser could not
//!   place (`unknown`) or whose suggestion the agent overrode, grouped by
//!   how alike they are (the recogniser's own features; a statement joins
//!   the first group holding a statement with cosine similarity at least
//!   [`SIMILAR`] to it). A group says which intents agents chose instead:
//!   examples to add to the pack, or an intent it lacks.
//! - **Causes left without a solution**: a cause confirmed, then no
//!   solution chosen in a case that was closed, or that has stood still
//!   for more than [`STALE_DAYS`] days.
//! - **Often rejected suggestions**: solutions turned down, with how often
//!   and the reasons given (the same words counted together).
//! - **Facts missing at diagnosis**: facts an intent requires that were not
//!   captured when the cause was confirmed.
//!
//! Training cases are left out, like everywhere in insight.

use crate::case::{CaseId, CaseState, Event};
use crate::intent::features;
use crate::pack::Pack;
use serde::Serialize;
use std::collections::BTreeMap;
use time::{Duration, OffsetDateTime};

/// How alike two statements must be to share a group. Short statements
/// in Chinese share few n-grams: "家里宽带又掉线了" and "宽带老是掉线，
/// 怎么回事啊" score 0.25, unrelated ones about 0.06.
pub const SIMILAR: f32 = 0.22;
/// An open case with a cause and no solution this many days after its last
/// event counts as left without one.
pub const STALE_DAYS: i64 = 3;

/// Statements alike, with the cases they come from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StatementGroup {
    /// The first statement of the group, as the customer said it.
    pub example: String,
    /// Every statement of the group, in case order.
    pub statements: Vec<String>,
    pub cases: Vec<CaseId>,
    /// How many were not recognised at all (the rest were overridden).
    pub unknown: usize,
    /// The intents agents confirmed for them, most often first.
    pub chosen: Vec<(String, usize)>,
}

/// A cause confirmed and no solution agreed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CauseWithoutSolution {
    pub cause: String,
    pub cases: Vec<CaseId>,
}

/// A solution turned down, how often, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RejectedSuggestion {
    pub solution: String,
    pub times: usize,
    /// The reasons given, the same words counted together, most often first.
    pub reasons: Vec<(String, usize)>,
    pub cases: Vec<CaseId>,
}

/// A required fact of an intent missing when the cause was confirmed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MissingFact {
    pub intent: String,
    pub fact: String,
    /// Cases of the intent diagnosed without it…
    pub cases: Vec<CaseId>,
    /// …out of the cases of the intent that were diagnosed.
    pub diagnosed: usize,
}

/// Every list, each longest first.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Gaps {
    pub statements: Vec<StatementGroup>,
    pub causes_without_solution: Vec<CauseWithoutSolution>,
    pub rejected: Vec<RejectedSuggestion>,
    pub missing_facts: Vec<MissingFact>,
    /// Cases that do not fold (left out).
    pub skipped: usize,
}

fn cosine(a: &BTreeMap<String, f32>, b: &BTreeMap<String, f32>) -> f32 {
    let dot: f32 = a.iter().filter_map(|(k, x)| b.get(k).map(|y| x * y)).sum();
    let norm = |m: &BTreeMap<String, f32>| m.values().map(|x| x * x).sum::<f32>().sqrt();
    let n = norm(a) * norm(b);
    if n == 0.0 {
        0.0
    } else {
        dot / n
    }
}

fn ranked(counts: BTreeMap<String, usize>) -> Vec<(String, usize)> {
    let mut v: Vec<(String, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v
}

/// The knowledge gaps in `cases` (each a case's events, any order). `now`
/// tells a case standing still from one still being worked.
pub fn gaps(cases: &[Vec<Event>], pack: &Pack, now: OffsetDateTime) -> Gaps {
    let mut out = Gaps::default();
    let mut states: Vec<CaseState> = Vec::with_capacity(cases.len());
    for events in cases {
        match CaseState::fold(events) {
            Ok(s) if s.training.is_none() => states.push(s),
            Ok(_) => {}
            Err(_) => out.skipped += 1,
        }
    }
    states.sort_by_key(|s| s.id);

    // Unrecognised or overridden first statements, grouped.
    struct Group {
        members: Vec<BTreeMap<String, f32>>,
        found: StatementGroup,
        chosen: BTreeMap<String, usize>,
    }
    let mut groups: Vec<Group> = Vec::new();
    for s in &states {
        let (Some(statement), true) = (
            s.statement.as_ref(),
            s.intent_unknown || s.intent_overridden,
        ) else {
            continue;
        };
        let f = features(statement);
        // Single linkage: alike enough to any statement of a group.
        let at = groups
            .iter()
            .position(|g| g.members.iter().any(|m| cosine(m, &f) >= SIMILAR));
        let g = match at {
            Some(n) => &mut groups[n],
            None => {
                groups.push(Group {
                    members: Vec::new(),
                    found: StatementGroup {
                        example: statement.clone(),
                        statements: Vec::new(),
                        cases: Vec::new(),
                        unknown: 0,
                        chosen: Vec::new(),
                    },
                    chosen: BTreeMap::new(),
                });
                let last = groups.len() - 1;
                &mut groups[last]
            }
        };
        g.members.push(f);
        g.found.statements.push(statement.clone());
        g.found.cases.push(s.id);
        if s.intent_unknown {
            g.found.unknown += 1;
        }
        if let Some(i) = &s.intent {
            *g.chosen.entry(i.clone()).or_default() += 1;
        }
    }
    out.statements = groups
        .into_iter()
        .map(|g| StatementGroup {
            chosen: ranked(g.chosen),
            ..g.found
        })
        .collect();
    out.statements.sort_by(|a, b| {
        b.cases
            .len()
            .cmp(&a.cases.len())
            .then(a.cases.cmp(&b.cases))
    });

    // Causes left without a solution.
    let mut without: BTreeMap<String, Vec<CaseId>> = BTreeMap::new();
    for s in &states {
        let Some(c) = &s.cause else { continue };
        let stalled = s.outcome.is_some() || now - s.updated_at > Duration::days(STALE_DAYS);
        if s.solution.is_none() && stalled {
            without.entry(c.cause.clone()).or_default().push(s.id);
        }
    }
    out.causes_without_solution = without
        .into_iter()
        .map(|(cause, cases)| CauseWithoutSolution { cause, cases })
        .collect();
    out.causes_without_solution.sort_by(|a, b| {
        b.cases
            .len()
            .cmp(&a.cases.len())
            .then(a.cause.cmp(&b.cause))
    });

    // Suggestions turned down.
    struct Rejected {
        times: usize,
        reasons: BTreeMap<String, usize>,
        cases: Vec<CaseId>,
    }
    let mut rejected: BTreeMap<String, Rejected> = BTreeMap::new();
    for s in &states {
        for r in &s.rejected {
            let e = rejected.entry(r.solution.clone()).or_insert(Rejected {
                times: 0,
                reasons: BTreeMap::new(),
                cases: Vec::new(),
            });
            e.times += 1;
            *e.reasons.entry(r.reason.trim().to_owned()).or_default() += 1;
            if e.cases.last() != Some(&s.id) {
                e.cases.push(s.id);
            }
        }
    }
    out.rejected = rejected
        .into_iter()
        .map(|(solution, r)| RejectedSuggestion {
            solution,
            times: r.times,
            reasons: ranked(r.reasons),
            cases: r.cases,
        })
        .collect();
    out.rejected
        .sort_by(|a, b| b.times.cmp(&a.times).then(a.solution.cmp(&b.solution)));

    // Required facts missing when the cause was confirmed.
    let mut diagnosed: BTreeMap<&str, usize> = BTreeMap::new();
    let mut missing: BTreeMap<(String, String), Vec<CaseId>> = BTreeMap::new();
    for s in &states {
        let (Some(intent), Some(cause)) = (s.intent.as_deref(), &s.cause) else {
            continue;
        };
        let Some(i) = pack.intent(intent) else {
            continue;
        };
        *diagnosed.entry(&i.id).or_default() += 1;
        for fact in &i.facts {
            // Captured by the time of the diagnosis (a later capture does
            // not help the diagnosis that was made).
            let known = s.facts.get(fact).is_some_and(|f| f.at <= cause.at);
            if !known {
                missing
                    .entry((intent.to_owned(), fact.clone()))
                    .or_default()
                    .push(s.id);
            }
        }
    }
    out.missing_facts = missing
        .into_iter()
        .map(|((intent, fact), cases)| MissingFact {
            diagnosed: diagnosed.get(intent.as_str()).copied().unwrap_or(0),
            intent,
            fact,
            cases,
        })
        .collect();
    out.missing_facts.sort_by(|a, b| {
        b.cases
            .len()
            .cmp(&a.cases.len())
            .then((&a.intent, &a.fact).cmp(&(&b.intent, &b.fact)))
    });
    out
}
