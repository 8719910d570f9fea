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
use crate::csv::{field, text_field, BOM, CRLF};
use crate::customer::Customer;
use crate::intent::features;
use crate::pack::{Named, Pack};
use crate::text::Lang;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
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

impl Gaps {
    /// Masks in each statement the identifiers of its case's own customer
    /// (name, number, ID and account numbers), as an export does. The facts
    /// keep statements with long numbers masked only, because the customer
    /// is not known where they are made; `customer_of` finds a case's
    /// customer where the list is shown.
    pub fn mask_customers(&mut self, customer_of: impl Fn(CaseId) -> Option<Customer>) {
        for g in &mut self.statements {
            for (said, case) in g.statements.iter_mut().zip(&g.cases) {
                *said = crate::export::mask_text(said, customer_of(*case).as_ref());
            }
            if let Some(first) = g.statements.first() {
                g.example = first.clone();
            }
        }
    }
}

/// Single-linkage grouping of statements by cosine similarity, without
/// comparing every pair: each statement is a unit vector over interned
/// features, and an inverted index from feature to the statements holding
/// it means a new statement is scored only against those it shares a
/// feature with (the rest score 0). Comparing every pair took most of a
/// second over a 10 000-case archive in the browser.
#[derive(Default)]
struct Alike {
    vocabulary: HashMap<String, usize>,
    /// By feature: the statements holding it, with its weight in each.
    postings: Vec<Vec<(usize, f32)>>,
    /// By statement: its group.
    group_of: Vec<usize>,
    /// The statement being placed, until it joins a group.
    pending: Vec<(usize, f32)>,
    /// Scratch: the dot product with each earlier statement.
    dot: Vec<f32>,
}

impl Alike {
    /// The first group (in the order groups were made) holding a statement
    /// at least [`SIMILAR`] to this one; `join` must follow.
    fn first_group_alike(&mut self, statement: &str) -> Option<usize> {
        let f = features(statement);
        let norm = f.values().map(|x| x * x).sum::<f32>().sqrt();
        self.pending.clear();
        if norm == 0.0 {
            return None;
        }
        for (k, x) in f {
            let next = self.vocabulary.len();
            let t = *self.vocabulary.entry(k).or_insert(next);
            if t == self.postings.len() {
                self.postings.push(Vec::new());
            }
            self.pending.push((t, x / norm));
        }
        let mut touched = Vec::new();
        for &(t, x) in &self.pending {
            for &(m, y) in &self.postings[t] {
                // Weights are positive: a first product makes it non-zero.
                if self.dot[m] == 0.0 {
                    touched.push(m);
                }
                self.dot[m] += x * y;
            }
        }
        let mut at: Option<usize> = None;
        for m in touched {
            if self.dot[m] >= SIMILAR {
                let g = self.group_of[m];
                at = Some(at.map_or(g, |a| a.min(g)));
            }
            self.dot[m] = 0.0;
        }
        at
    }

    /// Adds the statement just placed to group `g`.
    fn join(&mut self, g: usize) {
        let m = self.group_of.len();
        self.group_of.push(g);
        self.dot.push(0.0);
        for &(t, x) in &self.pending {
            self.postings[t].push((m, x));
        }
    }
}

fn ranked(counts: BTreeMap<String, usize>) -> Vec<(String, usize)> {
    let mut v: Vec<(String, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v
}

/// What the gap lists need of one case, read once from its log and kept
/// in its summary (with the metrics' facts), so the lists of a large
/// archive need no log read. The statement is kept only when it is a gap
/// (not recognised, or overridden); required facts are judged against the
/// pack in force when the lists are made, so only what was captured is
/// kept.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GapFacts {
    id: CaseId,
    #[serde(with = "time::serde::rfc3339")]
    updated_at: OffsetDateTime,
    /// The first statement, when it was not recognised or was overridden.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    statement: Option<String>,
    unknown: bool,
    intent: Option<String>,
    /// The confirmed cause and the facts captured by then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    diagnosis: Option<Diagnosis>,
    solution_chosen: bool,
    closed: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    rejected: Vec<(String, String)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Diagnosis {
    cause: String,
    /// Facts captured at or before the cause was confirmed (a later
    /// capture does not help the diagnosis that was made).
    known: Vec<String>,
}

impl GapFacts {
    /// A real case's gap facts; `None` for a training session.
    pub fn of(s: &CaseState) -> Option<GapFacts> {
        if s.training.is_some() {
            return None;
        }
        Some(GapFacts {
            id: s.id,
            updated_at: s.updated_at,
            // A team lead reads these for wording, not numbers: identifiers
            // the customer said are masked (the customer is not known here;
            // `Gaps::mask_customers` masks their name where it is).
            statement: s
                .statement
                .as_deref()
                .filter(|_| s.intent_unknown || s.intent_overridden)
                .map(crate::verify::mask_numbers),
            unknown: s.intent_unknown,
            intent: s.intent.clone(),
            diagnosis: s.cause.as_ref().map(|c| Diagnosis {
                cause: c.cause.clone(),
                known: s
                    .facts
                    .iter()
                    .filter(|(_, f)| f.at <= c.at)
                    .map(|(k, _)| k.clone())
                    .collect(),
            }),
            solution_chosen: s.solution.is_some(),
            closed: s.outcome.is_some(),
            rejected: s
                .rejected
                .iter()
                .map(|r| (r.solution.clone(), r.reason.clone()))
                .collect(),
        })
    }

    pub fn id(&self) -> CaseId {
        self.id
    }
}

/// The knowledge gaps in `cases` (each a case's events, any order). `now`
/// tells a case standing still from one still being worked.
pub fn gaps(cases: &[Vec<Event>], pack: &Pack, now: OffsetDateTime) -> Gaps {
    let mut facts = Vec::with_capacity(cases.len());
    let mut skipped = 0;
    for events in cases {
        match CaseState::fold(events) {
            Ok(s) => facts.extend(GapFacts::of(&s)),
            Err(_) => skipped += 1,
        }
    }
    let mut out = gaps_of(facts.iter(), pack, now);
    out.skipped = skipped;
    out
}

/// The knowledge gaps of cases' facts already read (from their summaries).
pub fn gaps_of<'a>(
    cases: impl IntoIterator<Item = &'a GapFacts>,
    pack: &Pack,
    now: OffsetDateTime,
) -> Gaps {
    let mut out = Gaps::default();
    let mut states: Vec<&GapFacts> = cases.into_iter().collect();
    states.sort_by_key(|s| s.id);

    // Unrecognised or overridden first statements, grouped.
    struct Group {
        found: StatementGroup,
        chosen: BTreeMap<String, usize>,
    }
    let mut groups: Vec<Group> = Vec::new();
    let mut alike = Alike::default();
    for s in &states {
        let Some(statement) = s.statement.as_ref() else {
            continue;
        };
        let at = alike.first_group_alike(statement);
        let n = match at {
            Some(n) => n,
            None => {
                groups.push(Group {
                    found: StatementGroup {
                        example: statement.clone(),
                        statements: Vec::new(),
                        cases: Vec::new(),
                        unknown: 0,
                        chosen: Vec::new(),
                    },
                    chosen: BTreeMap::new(),
                });
                groups.len() - 1
            }
        };
        alike.join(n);
        let g = &mut groups[n];
        g.found.statements.push(statement.clone());
        g.found.cases.push(s.id);
        if s.unknown {
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
        let Some(d) = &s.diagnosis else { continue };
        let stalled = s.closed || now - s.updated_at > Duration::days(STALE_DAYS);
        if !s.solution_chosen && stalled {
            without.entry(d.cause.clone()).or_default().push(s.id);
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
        for (solution, reason) in &s.rejected {
            let e = rejected.entry(solution.clone()).or_insert(Rejected {
                times: 0,
                reasons: BTreeMap::new(),
                cases: Vec::new(),
            });
            e.times += 1;
            *e.reasons.entry(reason.trim().to_owned()).or_default() += 1;
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
        let (Some(intent), Some(d)) = (s.intent.as_deref(), &s.diagnosis) else {
            continue;
        };
        let Some(i) = pack.intent(intent) else {
            continue;
        };
        *diagnosed.entry(&i.id).or_default() += 1;
        for fact in &i.facts {
            if !d.known.contains(fact) {
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

/// The gap lists as one CSV table for a spreadsheet: a line per entry,
/// saying which list it is on, what it is about (in `lang`, from the pack),
/// the detail (alike statements, the intents chosen, the reasons), how
/// many cases, out of how many where that means something, and their ids.
pub fn gaps_csv(gaps: &Gaps, pack: &Pack, lang: Lang) -> String {
    let zh = lang == Lang::ZhCn;
    let pick = |z: &'static str, e: &'static str| if zh { z } else { e };
    let name = |kind: Named, id: &str| pack.name_of(kind, id, lang);
    let counted = |items: &[(String, usize)], kind: Option<Named>| {
        items
            .iter()
            .map(|(x, n)| {
                let x = kind.map_or_else(|| x.clone(), |k| name(k, x));
                format!("{x} ×{n}")
            })
            .collect::<Vec<_>>()
            .join(pick("；", "; "))
    };
    let ids = |cases: &[CaseId]| {
        cases
            .iter()
            .map(|c| c.to_string())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut out = String::from(BOM);
    let header = [
        pick("清单", "List"),
        pick("条目", "Item"),
        pick("详情", "Detail"),
        pick("案例数", "Cases"),
        pick("总数", "Out of"),
        pick("案例编号", "Case ids"),
    ];
    out.push_str(&header.join(","));
    out.push_str(CRLF);
    let mut line =
        |list: &str, item: String, detail: String, n: usize, of: String, cases: &[CaseId]| {
            let cells = [
                text_field(list),
                text_field(&item),
                text_field(&detail),
                n.to_string(),
                of,
                field(&ids(cases)),
            ];
            out.push_str(&cells.join(","));
            out.push_str(CRLF);
        };
    for g in &gaps.statements {
        line(
            pick(
                "未识别或被改判的第一句话",
                "Statements not recognised or overridden",
            ),
            g.example.clone(),
            counted(&g.chosen, Some(Named::Intent)),
            g.cases.len(),
            String::new(),
            &g.cases,
        );
    }
    for c in &gaps.causes_without_solution {
        line(
            pick("没有采纳方案的原因", "Causes without an accepted solution"),
            name(Named::Cause, &c.cause),
            String::new(),
            c.cases.len(),
            String::new(),
            &c.cases,
        );
    }
    for r in &gaps.rejected {
        line(
            pick("常被拒绝的建议", "Often rejected suggestions"),
            name(Named::Solution, &r.solution),
            counted(&r.reasons, None),
            r.times,
            String::new(),
            &r.cases,
        );
    }
    for m in &gaps.missing_facts {
        line(
            pick("诊断时缺少的事实", "Facts missing at diagnosis"),
            name(Named::Fact, &m.fact),
            name(Named::Intent, &m.intent),
            m.cases.len(),
            m.diagnosed.to_string(),
            &m.cases,
        );
    }
    out
}
