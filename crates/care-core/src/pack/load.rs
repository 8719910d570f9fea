//! Loading a pack: parse, check everything, and return either a whole pack
//! or every problem found, each located by line and field.

use super::model::*;
use super::problem::{Kind, Problem, ProblemKind};
use crate::text::Text;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::ops::Range;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// The placeholders a commitment template may use.
pub const COMMITMENT_PLACEHOLDERS: &[&str] =
    &["action", "deadline", "fee", "effect", "contact", "steps"];
/// The placeholders a quick answer may use.
pub const QUICK_ANSWER_PLACEHOLDERS: &[&str] = &[
    "customer.name",
    "customer.plan",
    "customer.balance",
    "customer.bill_total",
    "customer.bill_month",
    "customer.data_left",
    "customer.minutes_left",
];

/// Reads and checks a pack. `file` names it in problems.
pub fn load(file: &str, source: &str) -> Result<Pack, Vec<Problem>> {
    let (pack, tree) = parse::<Pack>(file, source)?;
    let mut check = Checker::default();
    check.pack(&pack);
    if check.found.is_empty() {
        return Ok(pack);
    }
    Err(locate_all(
        file,
        source,
        &tree,
        check.found,
        &check.first_seen,
    ))
}

/// Parses a TOML file of the pack's family (a pack, a scenario) into `T`:
/// an empty file, a syntax error or a wrong shape is one problem, located.
pub(crate) fn parse<'s, T: serde::de::DeserializeOwned>(
    file: &str,
    source: &'s str,
) -> Result<(T, Spanned<DeTable<'s>>), Vec<Problem>> {
    let locate = |span: Range<usize>, field: String, kind: ProblemKind| {
        let (line, column) = line_col(source, span.start);
        Problem {
            file: file.to_owned(),
            line,
            column,
            field,
            kind,
        }
    };
    if source.trim().is_empty() {
        return Err(vec![locate(0..0, String::new(), ProblemKind::Empty)]);
    }
    let tree = match DeTable::parse(source) {
        Ok(tree) => tree,
        Err(e) => {
            let span = e.span().unwrap_or(0..0);
            return Err(vec![locate(
                span,
                String::new(),
                ProblemKind::Syntax {
                    detail: first_line(e.message()),
                },
            )]);
        }
    };
    match toml::from_str(source) {
        Ok(value) => Ok((value, tree)),
        Err(e) => {
            let span = e.span().unwrap_or(0..0);
            let field = field_at(&tree, span.start);
            Err(vec![locate(
                span,
                field.to_string(),
                ProblemKind::Shape {
                    detail: first_line(e.message()),
                },
            )])
        }
    }
}

/// Locates the problems a checker found by their paths in the file, in
/// file order. `first_seen` gives where a duplicated id first appears.
pub(crate) fn locate_all(
    file: &str,
    source: &str,
    tree: &Spanned<DeTable<'_>>,
    found: Vec<(Path, ProblemKind)>,
    first_seen: &BTreeMap<(Kind, String), Path>,
) -> Vec<Problem> {
    let mut problems: Vec<Problem> = found
        .into_iter()
        .map(|(path, kind)| {
            let kind = match kind {
                ProblemKind::Duplicate {
                    kind,
                    id,
                    first_line: _,
                } => {
                    let first = first_seen
                        .get(&(kind, id.clone()))
                        .map(|p| span_of(tree, p).start)
                        .unwrap_or(0);
                    ProblemKind::Duplicate {
                        kind,
                        id,
                        first_line: line_col(source, first).0,
                    }
                }
                other => other,
            };
            let (line, column) = line_col(source, span_of(tree, &path).start);
            Problem {
                file: file.to_owned(),
                line,
                column,
                field: path.to_string(),
                kind,
            }
        })
        .collect();
    problems.sort_by_key(|p| (p.line, p.column));
    problems
}

/// A bilingual text's missing languages, as problems at `path`.
pub(crate) fn empty_texts(path: &Path, text: &Text) -> Vec<(Path, ProblemKind)> {
    [("zh-CN", &text.zh_cn), ("en", &text.en)]
        .into_iter()
        .filter(|(_, t)| t.trim().is_empty())
        .map(|(lang, _)| (path.key(lang), ProblemKind::EmptyText { lang: lang.into() }))
        .collect()
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or("").trim().to_owned()
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(source.len());
    let mut start = offset;
    while !source.is_char_boundary(start) {
        start -= 1;
    }
    let before = &source[..start];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    (line, before[line_start..].chars().count() + 1)
}

/// A field's place in the pack: `intents[2].facts[0]`.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Path(Vec<Seg>);

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Seg {
    Key(String),
    Index(usize),
}

impl Path {
    pub(crate) fn key(&self, k: &str) -> Path {
        let mut p = self.clone();
        p.0.push(Seg::Key(k.to_owned()));
        p
    }

    pub(crate) fn at(&self, i: usize) -> Path {
        let mut p = self.clone();
        p.0.push(Seg::Index(i));
        p
    }

    pub(crate) fn root(k: &str) -> Path {
        Path::default().key(k)
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Key(k) if i == 0 => write!(f, "{k}")?,
                Seg::Key(k) => write!(f, ".{k}")?,
                Seg::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

fn entry<'a, 'i>(table: &'a DeTable<'i>, key: &str) -> Option<&'a Spanned<DeValue<'i>>> {
    table
        .iter()
        .find(|(k, _)| k.get_ref().as_ref() == key)
        .map(|(_, v)| v)
}

/// The span of the deepest part of `path` present in the file.
fn span_of(tree: &Spanned<DeTable<'_>>, path: &Path) -> Range<usize> {
    let mut span = tree.span();
    let mut value: Option<&DeValue<'_>> = None;
    let mut table = Some(tree.get_ref());
    for seg in &path.0 {
        let next = match (seg, table, value) {
            (Seg::Key(k), Some(t), _) => entry(t, k),
            (Seg::Index(i), _, Some(DeValue::Array(a))) => a.get(*i),
            _ => None,
        };
        let Some(next) = next else { break };
        span = next.span();
        value = Some(next.get_ref());
        table = next.get_ref().as_table();
    }
    span
}

/// The path of the field nearest before `offset`: the parser reports type
/// errors at a key or value, and tables of an array only carry the span of
/// their `[[header]]`, so "the last thing that starts before" is the field.
fn field_at(tree: &Spanned<DeTable<'_>>, offset: usize) -> Path {
    // The latest start at or before `offset` of anything under this value.
    fn latest_start(v: &Spanned<DeValue<'_>>, offset: usize) -> Option<usize> {
        let own = Some(v.span().start).filter(|s| *s <= offset);
        let inner = match v.get_ref() {
            DeValue::Array(a) => a.iter().filter_map(|e| latest_start(e, offset)).max(),
            DeValue::Table(t) => t
                .iter()
                .filter_map(|(k, v)| {
                    let key = Some(k.span().start).filter(|s| *s <= offset);
                    key.max(latest_start(v, offset))
                })
                .max(),
            _ => None,
        };
        own.max(inner)
    }
    fn walk(table: &DeTable<'_>, offset: usize, path: &mut Path) {
        let best = table
            .iter()
            .filter_map(|(k, v)| {
                let key = Some(k.span().start).filter(|s| *s <= offset);
                key.max(latest_start(v, offset)).map(|start| (start, k, v))
            })
            .max_by_key(|(start, _, _)| *start);
        let Some((_, key, value)) = best else { return };
        path.0.push(Seg::Key(key.get_ref().to_string()));
        descend(value, offset, path);
    }
    fn descend(value: &Spanned<DeValue<'_>>, offset: usize, path: &mut Path) {
        match value.get_ref() {
            DeValue::Table(t) => walk(t, offset, path),
            DeValue::Array(a) => {
                let best = a
                    .iter()
                    .enumerate()
                    .filter_map(|(i, e)| latest_start(e, offset).map(|s| (s, i, e)))
                    .max_by_key(|(s, _, _)| *s);
                if let Some((_, i, e)) = best {
                    path.0.push(Seg::Index(i));
                    descend(e, offset, path);
                }
            }
            _ => {}
        }
    }
    let mut path = Path::default();
    walk(tree.get_ref(), offset, &mut path);
    path
}

/// Collects problems as paths; `load` turns them into lines.
#[derive(Default)]
struct Checker {
    found: Vec<(Path, ProblemKind)>,
    first_seen: BTreeMap<(Kind, String), Path>,
    ids: BTreeMap<Kind, BTreeSet<String>>,
}

fn valid_id(id: &str) -> bool {
    let mut cs = id.chars();
    matches!(cs.next(), Some('a'..='z')) && cs.all(|c| matches!(c, 'a'..='z' | '0'..='9' | '_'))
}

/// The `{name}` placeholders in a template.
pub fn placeholders(template: &str) -> Vec<&str> {
    template
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.trim()))
        .collect()
}

impl Checker {
    fn problem(&mut self, path: Path, kind: ProblemKind) {
        self.found.push((path, kind));
    }

    fn text(&mut self, path: Path, text: &Text) {
        self.found.extend(empty_texts(&path, text));
    }

    /// Registers the ids of one kind, reporting bad and repeated ones.
    fn declare<'a>(&mut self, kind: Kind, list: &str, ids: impl IntoIterator<Item = &'a str>) {
        for (i, id) in ids.into_iter().enumerate() {
            let path = Path::root(list).at(i).key("id");
            self.declare_one(kind, path, id);
        }
    }

    fn declare_one(&mut self, kind: Kind, path: Path, id: &str) {
        if !valid_id(id) {
            self.problem(path.clone(), ProblemKind::BadId { id: id.to_owned() });
        }
        if self.ids.entry(kind).or_default().insert(id.to_owned()) {
            self.first_seen.insert((kind, id.to_owned()), path);
        } else {
            self.problem(
                path,
                ProblemKind::Duplicate {
                    kind,
                    id: id.to_owned(),
                    first_line: 0,
                },
            );
        }
    }

    fn refers(&mut self, kind: Kind, path: Path, id: &str) {
        if !self.ids.get(&kind).is_some_and(|s| s.contains(id)) {
            self.problem(
                path,
                ProblemKind::Unknown {
                    kind,
                    id: id.to_owned(),
                },
            );
        }
    }

    fn refers_all(&mut self, kind: Kind, path: Path, ids: &[String]) {
        for (i, id) in ids.iter().enumerate() {
            self.refers(kind, path.at(i), id);
        }
    }

    fn range(&mut self, path: Path, value: f64, ok: bool, range: &str) {
        if !ok || !value.is_finite() {
            self.problem(
                path,
                ProblemKind::OutOfRange {
                    value: value.to_string(),
                    range: range.to_owned(),
                },
            );
        }
    }

    fn template(&mut self, path: Path, text: &Text, allowed: &dyn Fn(&str) -> bool) {
        for (lang, s) in [("zh-CN", &text.zh_cn), ("en", &text.en)] {
            for name in placeholders(s) {
                if !allowed(name) {
                    self.problem(
                        path.key(lang),
                        ProblemKind::UnknownPlaceholder {
                            name: name.to_owned(),
                        },
                    );
                }
            }
        }
    }

    fn pack(&mut self, p: &Pack) {
        if p.schema != SCHEMA_VERSION {
            self.problem(
                Path::root("schema"),
                ProblemKind::UnsupportedSchema {
                    found: p.schema,
                    supported: SCHEMA_VERSION,
                },
            );
        }
        if !valid_id(&p.id) {
            self.problem(Path::root("id"), ProblemKind::BadId { id: p.id.clone() });
        }
        self.text(Path::root("name"), &p.name);

        // Declare every id first, so references can be checked in any order.
        let v = Path::root("verification");
        for (i, m) in p.verification.methods.iter().enumerate() {
            self.declare_one(Kind::Method, v.key("methods").at(i).key("id"), &m.id);
        }
        for (i, l) in p.verification.levels.iter().enumerate() {
            self.declare_one(Kind::Level, v.key("levels").at(i).key("id"), &l.id);
        }
        self.declare(Kind::Fact, "facts", p.facts.iter().map(|x| x.id.as_str()));
        self.declare(
            Kind::Prompt,
            "prompts",
            p.prompts.iter().map(|x| x.id.as_str()),
        );
        self.declare(
            Kind::Action,
            "actions",
            p.actions.iter().map(|x| x.id.as_str()),
        );
        self.declare(
            Kind::Feature,
            "features",
            p.features.iter().map(|x| x.id.as_str()),
        );
        self.declare(Kind::Team, "teams", p.teams.iter().map(|x| x.id.as_str()));
        self.declare(Kind::Role, "roles", p.roles.iter().map(|x| x.id.as_str()));
        self.declare(
            Kind::Intent,
            "intents",
            p.intents.iter().map(|x| x.id.as_str()),
        );
        self.declare(
            Kind::Cause,
            "causes",
            p.causes.iter().map(|x| x.id.as_str()),
        );
        self.declare(Kind::Rule, "rules", p.rules.iter().map(|x| x.id.as_str()));
        self.declare(
            Kind::Solution,
            "solutions",
            p.solutions.iter().map(|x| x.id.as_str()),
        );
        self.declare(
            Kind::Commitment,
            "commitments",
            p.commitments.iter().map(|x| x.id.as_str()),
        );
        self.declare(
            Kind::QuickAnswer,
            "quick_answers",
            p.quick_answers.iter().map(|x| x.id.as_str()),
        );

        self.verification(&p.verification);
        self.facts(p);
        for (i, pr) in p.prompts.iter().enumerate() {
            let path = Path::root("prompts").at(i);
            self.text(path.key("text"), &pr.text);
            self.refers_all(Kind::Fact, path.key("collects"), &pr.collects);
        }
        for (i, a) in p.actions.iter().enumerate() {
            let path = Path::root("actions").at(i);
            self.text(path.key("name"), &a.name);
            self.refers(Kind::Level, path.key("verification"), &a.verification);
        }
        for (i, f) in p.features.iter().enumerate() {
            let path = Path::root("features").at(i);
            self.text(path.key("name"), &f.name);
            if let Some(t) = f.threshold {
                self.range(path.key("threshold"), t, t > 0.0, "> 0");
            }
        }
        for (i, t) in p.teams.iter().enumerate() {
            let path = Path::root("teams").at(i);
            self.text(path.key("name"), &t.name);
            self.range(
                path.key("sla_hours"),
                f64::from(t.sla_hours),
                t.sla_hours > 0,
                "> 0",
            );
        }
        let mut last_cap = -1.0;
        for (i, r) in p.roles.iter().enumerate() {
            let path = Path::root("roles").at(i);
            self.text(path.key("name"), &r.name);
            self.range(
                path.key("refund_cap"),
                r.refund_cap,
                r.refund_cap >= 0.0,
                ">= 0",
            );
            if r.refund_cap < last_cap {
                self.problem(
                    path.key("refund_cap"),
                    ProblemKind::NotOrdered { kind: Kind::Role },
                );
            }
            last_cap = r.refund_cap;
        }
        self.intents(p);
        self.causes_and_rules(p);
        self.solutions(p);
        for (i, c) in p.commitments.iter().enumerate() {
            let path = Path::root("commitments").at(i);
            self.text(path.key("text"), &c.text);
            self.template(path.key("text"), &c.text, &|n| {
                COMMITMENT_PLACEHOLDERS.contains(&n)
            });
        }
        self.calendar(&p.calendar);
        if p.training.rubric.total() == 0 {
            self.problem(
                Path::root("training").key("rubric"),
                ProblemKind::OutOfRange {
                    value: "0".into(),
                    range: "a total above 0".into(),
                },
            );
        }
        for (i, q) in p.quick_answers.iter().enumerate() {
            let path = Path::root("quick_answers").at(i);
            self.refers(Kind::Intent, path.key("intent"), &q.intent);
            self.refers(Kind::Level, path.key("verification"), &q.verification);
            self.text(path.key("title"), &q.title);
            self.text(path.key("answer"), &q.answer);
            self.template(path.key("answer"), &q.answer, &|n| {
                QUICK_ANSWER_PLACEHOLDERS.contains(&n)
            });
        }
    }

    fn verification(&mut self, v: &Verification) {
        let path = Path::root("verification");
        self.range(
            path.key("max_attempts"),
            f64::from(v.max_attempts),
            (1..=10).contains(&v.max_attempts),
            "1..=10",
        );
        for (i, m) in v.methods.iter().enumerate() {
            let mp = path.key("methods").at(i);
            self.text(mp.key("name"), &m.name);
            if let Some(d) = &m.description {
                self.text(mp.key("description"), d);
            }
            self.range(
                mp.key("strength"),
                f64::from(m.strength),
                (1..=5).contains(&m.strength),
                "1..=5",
            );
            if let Some(d) = m.digits {
                self.range(
                    mp.key("digits"),
                    f64::from(d),
                    (2..=8).contains(&d),
                    "2..=8",
                );
            }
            self.refers_all(Kind::Intent, mp.key("not_for_intents"), &m.not_for_intents);
        }
        self.refers(Kind::Level, path.key("records_level"), &v.records_level);
        let mut last = None;
        for (i, l) in v.levels.iter().enumerate() {
            let lp = path.key("levels").at(i);
            self.text(lp.key("name"), &l.name);
            if i == 0 && l.min_strength != 0 {
                self.problem(lp.key("min_strength"), ProblemKind::FirstLevelNotZero);
            }
            if last.is_some_and(|prev| l.min_strength <= prev) {
                self.problem(
                    lp.key("min_strength"),
                    ProblemKind::NotOrdered { kind: Kind::Level },
                );
            }
            last = Some(l.min_strength);
            self.refers_all(Kind::Method, lp.key("requires_any"), &l.requires_any);
        }
    }

    fn facts(&mut self, p: &Pack) {
        for (i, f) in p.facts.iter().enumerate() {
            let path = Path::root("facts").at(i);
            self.text(path.key("name"), &f.name);
            if f.kind == FactType::Choice && f.choices.is_empty() {
                self.problem(path.key("type"), ProblemKind::ChoiceWithoutChoices);
            }
            let mut seen = BTreeSet::new();
            for (j, c) in f.choices.iter().enumerate() {
                let cp = path.key("choices").at(j);
                if !valid_id(&c.id) {
                    self.problem(cp.key("id"), ProblemKind::BadId { id: c.id.clone() });
                }
                if !seen.insert(c.id.as_str()) {
                    self.problem(
                        cp.key("id"),
                        ProblemKind::Duplicate {
                            kind: Kind::Choice,
                            id: c.id.clone(),
                            first_line: 0,
                        },
                    );
                }
                self.text(cp.key("name"), &c.name);
            }
            if let (Some(min), Some(max)) = (f.min, f.max) {
                self.range(path.key("max"), max, max >= min, &format!(">= {min}"));
            }
        }
    }

    fn intents(&mut self, p: &Pack) {
        for (i, it) in p.intents.iter().enumerate() {
            let path = Path::root("intents").at(i);
            self.text(path.key("name"), &it.name);
            if let Some(d) = &it.description {
                self.text(path.key("description"), d);
            }
            self.refers(Kind::Level, path.key("verification"), &it.verification);
            self.refers_all(Kind::Fact, path.key("facts"), &it.facts);
            self.refers_all(Kind::Fact, path.key("optional_facts"), &it.optional_facts);
            self.refers_all(Kind::Prompt, path.key("prompts"), &it.prompts);
            if it.prompts.is_empty() {
                self.problem(path.key("prompts"), ProblemKind::NoPrompts);
            }
            self.range(
                path.key("window_days"),
                f64::from(it.window_days),
                it.window_days <= 3660,
                "0..=3660",
            );
            for (lang, list) in [("zh-CN", &it.examples.zh_cn), ("en", &it.examples.en)] {
                let ep = path.key("examples").key(lang);
                if list.is_empty() {
                    self.problem(
                        ep.clone(),
                        ProblemKind::TooFewExamples {
                            lang: lang.into(),
                            found: 0,
                            needed: 1,
                        },
                    );
                }
                let mut seen = BTreeSet::new();
                for (j, e) in list.iter().enumerate() {
                    if e.trim().is_empty() {
                        self.problem(ep.at(j), ProblemKind::EmptyText { lang: lang.into() });
                    } else if !seen.insert(e.trim()) {
                        self.problem(ep.at(j), ProblemKind::DuplicateExample { text: e.clone() });
                    }
                }
            }
        }
    }

    fn causes_and_rules(&mut self, p: &Pack) {
        for (i, c) in p.causes.iter().enumerate() {
            let path = Path::root("causes").at(i);
            self.text(path.key("name"), &c.name);
            if let Some(d) = &c.description {
                self.text(path.key("description"), d);
            }
            self.refers_all(Kind::Intent, path.key("intents"), &c.intents);
            if !p.solutions.iter().any(|s| s.cause == c.id) {
                self.problem(
                    path.key("id"),
                    ProblemKind::CauseWithoutSolution {
                        cause: c.id.clone(),
                    },
                );
            }
            if !p.rules.iter().any(|r| r.cause == c.id) {
                self.problem(
                    path.key("id"),
                    ProblemKind::CauseWithoutRule {
                        cause: c.id.clone(),
                    },
                );
            }
        }
        for (i, r) in p.rules.iter().enumerate() {
            let path = Path::root("rules").at(i);
            self.refers(Kind::Cause, path.key("cause"), &r.cause);
            self.range(
                path.key("weight"),
                r.weight,
                r.weight > 0.0 && r.weight <= 1.0,
                "(0, 1]",
            );
            self.text(path.key("explain"), &r.explain);
            let facts: BTreeSet<&str> = p.facts.iter().map(|f| f.id.as_str()).collect();
            let features: BTreeSet<&str> = p.features.iter().map(|f| f.id.as_str()).collect();
            self.template(
                path.key("explain"),
                &r.explain,
                &|n| match n.split_once('.') {
                    Some(("fact", id)) => facts.contains(id),
                    Some(("feature", id)) => features.contains(id),
                    _ => false,
                },
            );
            for (j, c) in r.all.iter().enumerate() {
                self.condition(p, path.key("all").at(j), c);
            }
        }
    }

    fn condition(&mut self, p: &Pack, path: Path, c: &Condition) {
        match (&c.feature, &c.fact) {
            (Some(feature), None) => self.refers(Kind::Feature, path.key("feature"), feature),
            (None, Some(fact)) => {
                self.refers(Kind::Fact, path.key("fact"), fact);
                let Some(op) = c.op else {
                    self.problem(path, ProblemKind::OpNeedsValue);
                    return;
                };
                if op != Op::Present && c.value.is_none() {
                    self.problem(path.key("op"), ProblemKind::OpNeedsValue);
                    return;
                }
                let Some(kind) = p.fact(fact).map(|f| f.kind) else {
                    return;
                };
                let numeric = matches!(kind, FactType::Number | FactType::Money);
                let fits = match op {
                    Op::Gt | Op::Ge | Op::Lt | Op::Le => {
                        numeric && matches!(c.value, Some(Value::Number(_)))
                    }
                    Op::In => matches!(c.value, Some(Value::List(_))),
                    Op::Eq | Op::Ne | Op::Present => true,
                };
                if !fits {
                    let op = format!("{op:?}").to_lowercase();
                    self.problem(
                        path.key("op"),
                        ProblemKind::OpDoesNotFit {
                            op,
                            fact_type: format!("{kind:?}").to_lowercase(),
                        },
                    );
                }
            }
            _ => self.problem(path, ProblemKind::ConditionNeedsOne),
        }
    }

    fn solutions(&mut self, p: &Pack) {
        for (i, s) in p.solutions.iter().enumerate() {
            let path = Path::root("solutions").at(i);
            self.refers(Kind::Cause, path.key("cause"), &s.cause);
            self.refers(Kind::Role, path.key("role"), &s.role);
            self.refers(Kind::Team, path.key("escalation"), &s.escalation);
            self.refers(Kind::Action, path.key("action"), &s.action);
            self.refers(Kind::Commitment, path.key("commitment"), &s.commitment);
            self.text(path.key("name"), &s.name);
            if let Some(d) = &s.description {
                self.text(path.key("description"), d);
            }
            for (key, list) in [("pros", &s.pros), ("cons", &s.cons)] {
                if list.is_empty() {
                    self.problem(
                        path.key(key),
                        ProblemKind::TooFewExamples {
                            lang: key.into(),
                            found: 0,
                            needed: 1,
                        },
                    );
                }
                for (j, t) in list.iter().enumerate() {
                    self.text(path.key(key).at(j), t);
                }
            }
            for (j, t) in s.customer_steps.iter().enumerate() {
                self.text(path.key("customer_steps").at(j), t);
            }
            self.range(path.key("fee"), s.fee, s.fee >= 0.0, ">= 0");
            self.range(path.key("refund"), s.refund, s.refund >= 0.0, ">= 0");
            if let Some(role) = p.roles.iter().find(|r| r.id == s.role) {
                self.range(
                    path.key("refund"),
                    s.refund,
                    s.refund <= role.refund_cap,
                    &format!("<= {} ({})", role.refund_cap, role.id),
                );
            }
        }
    }

    fn calendar(&mut self, c: &Calendar) {
        let path = Path::root("calendar");
        if crate::pack::calendar::parse_offset(&c.utc_offset).is_none() {
            self.problem(
                path.key("utc_offset"),
                ProblemKind::BadOffset {
                    value: c.utc_offset.clone(),
                },
            );
        }
        for (key, v) in [("work_start", &c.work_start), ("work_end", &c.work_end)] {
            if crate::pack::calendar::parse_time(v).is_none() {
                self.problem(path.key(key), ProblemKind::BadTime { value: v.clone() });
            }
        }
        for (key, list) in [("holidays", &c.holidays), ("make_up_days", &c.make_up_days)] {
            for (i, d) in list.iter().enumerate() {
                if crate::pack::calendar::parse_date(d).is_none() {
                    self.problem(
                        path.key(key).at(i),
                        ProblemKind::BadDate { value: d.clone() },
                    );
                }
            }
        }
    }
}
