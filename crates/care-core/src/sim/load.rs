//! Loading a scenario: parse, check it against the pack it trains on, and
//! return either the scenario or every problem, located by line and field
//! (the same problems, in the same form, as the pack's).

use super::model::*;
use crate::facts::FactValue;
use crate::pack::{empty_texts, locate_all, parse, Path};
use crate::pack::{Kind, Pack, Problem, ProblemKind};
use crate::text::Text;
use std::collections::{BTreeMap, BTreeSet};

/// Reads and checks a scenario for `pack`. `file` names it in problems.
pub fn load(file: &str, source: &str, pack: &Pack) -> Result<Scenario, Vec<Problem>> {
    let (mut scenario, tree) = parse::<Scenario>(file, source)?;
    // The pack's weights, with the ones this scenario sets in its own place.
    let own: BTreeSet<String> = tree
        .get_ref()
        .iter()
        .filter(|(k, _)| k.get_ref().as_ref() == "rubric")
        .filter_map(|(_, v)| v.get_ref().as_table())
        .flat_map(|t| t.keys().map(|k| k.get_ref().to_string()))
        .collect();
    scenario.rubric = layered(&pack.training.rubric, &scenario.rubric, &own);
    let mut check = Check {
        pack,
        found: Vec::new(),
        first_seen: BTreeMap::new(),
    };
    check.scenario(&scenario);
    if check.found.is_empty() {
        Ok(scenario)
    } else {
        Err(locate_all(
            file,
            source,
            &tree,
            check.found,
            &check.first_seen,
        ))
    }
}

/// `base` with the keys in `own` taken from `over`.
fn layered(base: &Weights, over: &Weights, own: &BTreeSet<String>) -> Weights {
    let (Ok(serde_json::Value::Object(mut merged)), Ok(serde_json::Value::Object(over_map))) =
        (serde_json::to_value(base), serde_json::to_value(over))
    else {
        return over.clone();
    };
    for (k, v) in over_map {
        if own.contains(&k) {
            merged.insert(k, v);
        }
    }
    serde_json::from_value(serde_json::Value::Object(merged)).unwrap_or_else(|_| over.clone())
}

struct Check<'p> {
    pack: &'p Pack,
    found: Vec<(Path, ProblemKind)>,
    first_seen: BTreeMap<(Kind, String), Path>,
}

fn valid_id(id: &str) -> bool {
    let mut cs = id.chars();
    matches!(cs.next(), Some('a'..='z'))
        && cs.all(|c| matches!(c, 'a'..='z' | '0'..='9' | '_' | '-'))
}

impl Check<'_> {
    fn problem(&mut self, path: Path, kind: ProblemKind) {
        self.found.push((path, kind));
    }

    fn text(&mut self, path: Path, text: &Text) {
        self.found.extend(empty_texts(&path, text));
    }

    /// A list of variants: at least one, each in both languages.
    fn variants(&mut self, path: Path, texts: &[Text]) {
        if texts.is_empty() {
            self.problem(path.clone(), ProblemKind::EmptyList);
        }
        for (i, t) in texts.iter().enumerate() {
            self.text(path.at(i), t);
        }
    }

    fn known(&mut self, path: Path, kind: Kind, id: &str, known: bool) {
        if !known {
            self.problem(
                path,
                ProblemKind::Unknown {
                    kind,
                    id: id.to_owned(),
                },
            );
        }
    }

    fn scenario(&mut self, s: &Scenario) {
        let pack = self.pack;
        if s.schema != SCENARIO_SCHEMA {
            self.problem(
                Path::root("schema"),
                ProblemKind::ScenarioSchema {
                    found: s.schema,
                    supported: SCENARIO_SCHEMA,
                },
            );
        }
        if !valid_id(&s.id) {
            self.problem(Path::root("id"), ProblemKind::BadId { id: s.id.clone() });
        }
        self.text(Path::root("title"), &s.title);
        if let Some(b) = &s.brief {
            self.text(Path::root("brief"), b);
        }
        self.text(Path::root("opening"), &s.opening);

        let persona = Path::root("persona");
        self.text(persona.key("name"), &s.persona.name);
        if !(1..=20).contains(&s.persona.patience) {
            self.problem(
                persona.key("patience"),
                ProblemKind::OutOfRange {
                    value: s.persona.patience.to_string(),
                    range: "1..=20".into(),
                },
            );
        }
        match (&s.persona.demo_customer, &s.persona.customer) {
            (Some(_), None) | (None, Some(_)) => {}
            _ => self.problem(
                persona.clone(),
                ProblemKind::OneOf {
                    a: "demo_customer".into(),
                    b: "customer".into(),
                },
            ),
        }

        let mut answer_ids = BTreeSet::new();
        for (i, a) in s.answers.iter().enumerate() {
            let path = Path::root("answers").at(i);
            if !valid_id(&a.id) {
                self.problem(path.key("id"), ProblemKind::BadId { id: a.id.clone() });
            }
            if !answer_ids.insert(a.id.as_str()) {
                self.problem(
                    path.key("id"),
                    ProblemKind::Duplicate {
                        kind: Kind::Answer,
                        id: a.id.clone(),
                        first_line: 0,
                    },
                );
            } else {
                self.first_seen
                    .insert((Kind::Answer, a.id.clone()), path.key("id"));
            }
            match &a.prompt {
                Some(p) => {
                    let known = pack.prompts.iter().any(|x| &x.id == p);
                    self.known(path.key("prompt"), Kind::Prompt, p, known);
                }
                None if a.questions.zh_cn.is_empty() || a.questions.en.is_empty() => self.problem(
                    path.key("questions"),
                    ProblemKind::TooFewExamples {
                        lang: if a.questions.zh_cn.is_empty() {
                            "zh-CN".into()
                        } else {
                            "en".into()
                        },
                        found: 0,
                        needed: 1,
                    },
                ),
                None => {}
            }
            self.variants(path.key("say"), &a.say);
            for (fact, value) in &a.facts {
                match pack.facts.iter().find(|f| &f.id == fact) {
                    None => self.known(path.key("facts").key(fact), Kind::Fact, fact, false),
                    // The value is what a trainee must capture: it must be
                    // one the fact can hold.
                    Some(f) => {
                        if let Err(e) = FactValue::parse(f, value) {
                            self.problem(
                                path.key("facts").key(fact),
                                ProblemKind::BadValue {
                                    value: value.clone(),
                                    detail: e.to_string(),
                                },
                            );
                        }
                    }
                }
            }
        }
        if s.answers.is_empty() {
            self.problem(Path::root("answers"), ProblemKind::EmptyList);
        }

        let r = Path::root("reactions");
        self.variants(r.key("repeat"), &s.reactions.repeat);
        self.variants(r.key("jargon"), &s.reactions.jargon);
        self.variants(r.key("unknown"), &s.reactions.unknown);
        self.variants(r.key("empathy"), &s.reactions.empathy);
        self.text(r.key("give_up"), &s.reactions.give_up);

        let methods: BTreeSet<&str> = pack
            .verification
            .methods
            .iter()
            .map(|m| m.id.as_str())
            .collect();
        for (i, v) in s.verification.iter().enumerate() {
            let known = methods.contains(v.method.as_str());
            self.known(
                Path::root("verification").at(i).key("method"),
                Kind::Method,
                &v.method,
                known,
            );
        }

        let t = Path::root("truth");
        let intent = pack.intents.iter().any(|i| i.id == s.truth.intent);
        self.known(t.key("intent"), Kind::Intent, &s.truth.intent, intent);
        if let Some(c) = &s.truth.cause {
            let known = pack.causes.iter().any(|x| &x.id == c);
            self.known(t.key("cause"), Kind::Cause, c, known);
        }
        for (i, sol) in s.truth.solutions.iter().enumerate() {
            let known = pack.solutions.iter().any(|x| &x.id == sol);
            self.known(t.key("solutions").at(i), Kind::Solution, sol, known);
        }
        if s.truth.impostor && s.verification.is_empty() {
            // An impostor is practised by failing them at verification:
            // they must have answers to give.
            self.problem(Path::root("verification"), ProblemKind::EmptyList);
        }
        if s.rubric.total() == 0 {
            self.problem(
                Path::root("rubric"),
                ProblemKind::OutOfRange {
                    value: "0".into(),
                    range: "a total above 0".into(),
                },
            );
        }
    }
}
