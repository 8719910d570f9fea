//! Every validation rule of the pack loader, each on a copy of the minimal
//! pack broken in one place: the problem is found, named in words, and
//! located at the right line and field.

use care_core::pack::{load, Kind, Problem, ProblemKind};
use care_core::Lang;

const MINIMAL: &str = include_str!("packs/minimal.toml");

/// The minimal pack with `from` replaced by `to` (which must occur once).
fn broken(from: &str, to: &str) -> String {
    assert_eq!(
        MINIMAL.matches(from).count(),
        1,
        "the fixture must contain {from:?} exactly once"
    );
    MINIMAL.replacen(from, to, 1)
}

fn problems(source: &str) -> Vec<Problem> {
    load("test.toml", source).expect_err("the pack must be refused")
}

/// The line of the first occurrence of `needle` in `source`, 1-based.
fn line_of(source: &str, needle: &str) -> usize {
    let at = source
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in the source"));
    source[..at].matches('\n').count() + 1
}

/// Asserts exactly one problem, of the given kind, on the line of `marker`.
fn one(source: &str, marker: &str, field: &str, kind: ProblemKind) -> Problem {
    let found = problems(source);
    assert_eq!(found.len(), 1, "expected one problem, got {found:#?}");
    let p = found.into_iter().next().expect("one");
    assert_eq!(p.kind, kind);
    assert_eq!(p.field, field);
    assert_eq!(p.line, line_of(source, marker), "{}", p.render(Lang::En));
    assert_eq!(p.file, "test.toml");
    p
}

#[test]
fn the_minimal_pack_loads() {
    let pack = load("minimal.toml", MINIMAL).expect("valid");
    assert_eq!(pack.intents.len(), 2);
    assert_eq!(pack.solutions_for("overcharge").count(), 1);
}

#[test]
fn an_empty_file_is_refused() {
    let p = problems("  \n");
    assert_eq!(p[0].kind, ProblemKind::Empty);
}

#[test]
fn broken_toml_names_the_line() {
    let src = broken("sla_hours = 48", "sla_hours = = 48");
    let p = problems(&src);
    assert_eq!(p.len(), 1);
    assert!(matches!(p[0].kind, ProblemKind::Syntax { .. }));
    assert_eq!(p[0].line, line_of(&src, "sla_hours = = 48"));
}

#[test]
fn a_misspelt_field_is_refused_with_its_place() {
    let src = broken("sla_hours = 48", "sla_hours = 48\nsla_hrs = 12");
    let p = problems(&src);
    assert_eq!(p.len(), 1);
    assert!(
        matches!(&p[0].kind, ProblemKind::Shape { detail } if detail.contains("sla_hrs")),
        "{:?}",
        p[0]
    );
    assert!(p[0].field.starts_with("teams[0]"), "{}", p[0].field);
}

#[test]
fn a_wrong_type_is_refused_with_its_field() {
    let src = broken("refund_cap = 50", "refund_cap = \"fifty\"");
    let p = problems(&src);
    assert!(matches!(p[0].kind, ProblemKind::Shape { .. }));
    assert_eq!(p[0].field, "roles[0].refund_cap");
    assert_eq!(p[0].line, line_of(&src, "\"fifty\""));
}

#[test]
fn a_missing_field_is_refused() {
    let src = broken("severity = \"medium\"\n", "");
    let p = problems(&src);
    assert!(
        matches!(&p[0].kind, ProblemKind::Shape { detail } if detail.contains("severity")),
        "{:?}",
        p[0]
    );
}

#[test]
fn an_unknown_enum_value_is_refused() {
    let src = broken("detector = \"bill_ratio\"", "detector = \"horoscope\"");
    let p = problems(&src);
    assert!(matches!(p[0].kind, ProblemKind::Shape { .. }));
    assert_eq!(p[0].field, "features[0].detector");
}

#[test]
fn another_schema_version_is_refused() {
    let src = broken("schema = 1", "schema = 2");
    one(
        &src,
        "schema = 2",
        "schema",
        ProblemKind::UnsupportedSchema {
            found: 2,
            supported: 1,
        },
    );
}

#[test]
fn a_text_without_english_is_refused() {
    let src = broken("en = \"Billing\" }", "en = \"\" }");
    one(
        &src,
        "en = \"\" }",
        "teams[0].name.en",
        ProblemKind::EmptyText { lang: "en".into() },
    );
}

#[test]
fn a_text_without_chinese_is_refused() {
    let src = broken("zh-CN = \"主管\"", "zh-CN = \" \"");
    one(
        &src,
        "zh-CN = \" \"",
        "roles[1].name.zh-CN",
        ProblemKind::EmptyText {
            lang: "zh-CN".into(),
        },
    );
}

#[test]
fn a_bad_id_is_refused() {
    let src = broken("id = \"billing\"", "id = \"Billing Team\"")
        .replace("escalation = \"billing\"", "escalation = \"Billing Team\"");
    one(
        &src,
        "id = \"Billing Team\"",
        "teams[0].id",
        ProblemKind::BadId {
            id: "Billing Team".into(),
        },
    );
}

#[test]
fn a_duplicate_id_names_the_first() {
    let src = broken("id = \"supervisor\"", "id = \"agent\"");
    let p = one(
        &src,
        "id = \"agent\"\nname = { zh-CN = \"主管\"",
        "roles[1].id",
        ProblemKind::Duplicate {
            kind: Kind::Role,
            id: "agent".into(),
            first_line: line_of(&src, "id = \"agent\""),
        },
    );
    assert!(p.kind.message(Lang::En).contains("defined twice"));
}

#[test]
fn an_unknown_fact_in_a_rule_is_refused() {
    let src = broken(
        "{ fact = \"disputed_amount\", op = \"gt\", value = 0 }",
        "{ fact = \"dispute_amount\", op = \"gt\", value = 0 }",
    );
    one(
        &src,
        "fact = \"dispute_amount\"",
        "rules[0].all[1].fact",
        ProblemKind::Unknown {
            kind: Kind::Fact,
            id: "dispute_amount".into(),
        },
    );
}

#[test]
fn a_missing_team_is_refused() {
    let src = broken("escalation = \"billing\"", "escalation = \"legal\"");
    one(
        &src,
        "escalation = \"legal\"",
        "solutions[0].escalation",
        ProblemKind::Unknown {
            kind: Kind::Team,
            id: "legal".into(),
        },
    );
}

#[test]
fn an_unknown_prompt_level_action_feature_and_commitment_are_refused() {
    for (from, to, field, kind, id) in [
        (
            "prompts = [\"ask_amount\"]\nrecords",
            "prompts = [\"ask_sum\"]\nrecords",
            "intents[0].prompts[0]",
            Kind::Prompt,
            "ask_sum",
        ),
        (
            "verification = \"basic\"\n\n[[features]]",
            "verification = \"top\"\n\n[[features]]",
            "actions[0].verification",
            Kind::Level,
            "top",
        ),
        (
            "action = \"view_bills\"",
            "action = \"fly\"",
            "solutions[0].action",
            Kind::Action,
            "fly",
        ),
        (
            "{ feature = \"bill_spike\" }",
            "{ feature = \"bill_jump\" }",
            "rules[0].all[0].feature",
            Kind::Feature,
            "bill_jump",
        ),
        (
            "commitment = \"refund\"",
            "commitment = \"promise\"",
            "solutions[0].commitment",
            Kind::Commitment,
            "promise",
        ),
        (
            "intent = \"balance_enquiry\"",
            "intent = \"balance\"",
            "quick_answers[0].intent",
            Kind::Intent,
            "balance",
        ),
        (
            "collects = [\"disputed_amount\"]",
            "collects = [\"amount\"]",
            "prompts[0].collects[0]",
            Kind::Fact,
            "amount",
        ),
    ] {
        let src = broken(from, to);
        let p = problems(&src);
        assert_eq!(p.len(), 1, "{to}: {p:#?}");
        assert_eq!(p[0].field, field);
        assert_eq!(
            p[0].kind,
            ProblemKind::Unknown {
                kind,
                id: id.into()
            }
        );
    }
}

#[test]
fn a_cause_with_no_solution_is_refused() {
    let src = broken(
        "cause = \"overcharge\"\nname = { zh-CN = \"退还差额\"",
        "cause = \"nothing\"\nname = { zh-CN = \"退还差额\"",
    );
    let p = problems(&src);
    assert!(p.iter().any(|p| p.kind
        == ProblemKind::CauseWithoutSolution {
            cause: "overcharge".into()
        }));
    assert!(p.iter().any(|p| p.kind
        == ProblemKind::Unknown {
            kind: Kind::Cause,
            id: "nothing".into()
        }));
}

#[test]
fn a_cause_no_rule_reaches_is_refused() {
    let src = broken(
        "cause = \"overcharge\"\nweight",
        "cause = \"nothing\"\nweight",
    );
    let p = problems(&src);
    assert!(p.iter().any(|p| p.kind
        == ProblemKind::CauseWithoutRule {
            cause: "overcharge".into()
        }));
}

#[test]
fn an_intent_without_prompts_or_examples_is_refused() {
    let src = broken(
        "prompts = [\"ask_amount\"]\nexamples.zh-CN = [\"我还剩多少钱\"]",
        "prompts = []\nexamples.zh-CN = []",
    );
    let p = problems(&src);
    assert!(p
        .iter()
        .any(|p| p.kind == ProblemKind::NoPrompts && p.field == "intents[1].prompts"));
    assert!(p
        .iter()
        .any(|p| matches!(&p.kind, ProblemKind::TooFewExamples { lang, .. } if lang == "zh-CN")));
}

#[test]
fn a_repeated_example_is_refused() {
    let src = broken(
        "\"账单多扣钱了\"]",
        "\"账单多扣钱了\", \"这个月话费怎么这么多\"]",
    );
    one(
        &src,
        "examples.zh-CN = [\"这个月",
        "intents[0].examples.zh-CN[2]",
        ProblemKind::DuplicateExample {
            text: "这个月话费怎么这么多".into(),
        },
    );
}

#[test]
fn weights_strengths_and_caps_are_range_checked() {
    for (from, to, field) in [
        ("weight = 0.7", "weight = 1.5", "rules[0].weight"),
        (
            "strength = 2\nchannels",
            "strength = 9\nchannels",
            "verification.methods[0].strength",
        ),
        ("refund = 30", "refund = 80", "solutions[0].refund"),
        ("threshold = 1.5", "threshold = -1", "features[0].threshold"),
        ("max = 100000", "max = -5", "facts[0].max"),
        ("sla_hours = 48", "sla_hours = 0", "teams[0].sla_hours"),
        (
            "check = \"service_password\"",
            "check = \"id_digits\"\ndigits = 30",
            "verification.methods[0].digits",
        ),
    ] {
        let p = problems(&broken(from, to));
        assert_eq!(p.len(), 1, "{to}: {p:#?}");
        assert_eq!(p[0].field, field);
        assert!(matches!(p[0].kind, ProblemKind::OutOfRange { .. }));
    }
}

#[test]
fn levels_and_roles_must_be_ordered() {
    let src = broken("min_strength = 2", "min_strength = 0");
    assert!(problems(&src)
        .iter()
        .any(|p| p.kind == ProblemKind::NotOrdered { kind: Kind::Level }));
    let src = broken("min_strength = 0", "min_strength = 1");
    assert!(problems(&src)
        .iter()
        .any(|p| p.kind == ProblemKind::FirstLevelNotZero));
    let src = broken("refund_cap = 1000", "refund_cap = 10");
    let p = problems(&src);
    assert!(p
        .iter()
        .any(|p| p.kind == ProblemKind::NotOrdered { kind: Kind::Role }));
}

#[test]
fn conditions_must_be_well_formed() {
    let src = broken(
        "{ feature = \"bill_spike\" }",
        "{ feature = \"bill_spike\", fact = \"symptom\" }",
    );
    assert_eq!(problems(&src)[0].kind, ProblemKind::ConditionNeedsOne);
    let src = broken("op = \"gt\", value = 0 }", "op = \"gt\" }");
    assert_eq!(problems(&src)[0].kind, ProblemKind::OpNeedsValue);
    let src = broken(
        "{ fact = \"disputed_amount\", op = \"gt\", value = 0 }",
        "{ fact = \"symptom\", op = \"gt\", value = 0 }",
    );
    assert!(matches!(
        problems(&src)[0].kind,
        ProblemKind::OpDoesNotFit { .. }
    ));
    let src = broken("op = \"gt\", value = 0 }", "op = \"in\", value = 0 }");
    assert!(matches!(
        problems(&src)[0].kind,
        ProblemKind::OpDoesNotFit { .. }
    ));
}

#[test]
fn unknown_placeholders_are_refused() {
    let src = broken("预计{deadline}前完成", "预计{due}前完成");
    one(
        &src,
        "{due}",
        "commitments[0].text.zh-CN",
        ProblemKind::UnknownPlaceholder { name: "due".into() },
    );
    let src = broken("{fact.disputed_amount} 元", "{fact.amount} 元");
    assert_eq!(
        problems(&src)[0].kind,
        ProblemKind::UnknownPlaceholder {
            name: "fact.amount".into()
        }
    );
    let src = broken("is {customer.balance} yuan", "is {customer.password} yuan");
    assert_eq!(
        problems(&src)[0].kind,
        ProblemKind::UnknownPlaceholder {
            name: "customer.password".into()
        }
    );
}

#[test]
fn a_choice_fact_needs_choices() {
    let src = broken(
        "choices = [\n  { id = \"no_service\", name = { zh-CN = \"无服务\", en = \"No service\" } },\n  { id = \"slow\", name = { zh-CN = \"很慢\", en = \"Slow\" } },\n]",
        "",
    );
    one(
        &src,
        "type = \"choice\"",
        "facts[1].type",
        ProblemKind::ChoiceWithoutChoices,
    );
}

#[test]
fn calendar_values_are_checked() {
    let src = broken("work_start = \"09:00\"", "work_start = \"9am\"");
    one(
        &src,
        "9am",
        "calendar.work_start",
        ProblemKind::BadTime {
            value: "9am".into(),
        },
    );
    let src = broken("holidays = [\"2026-10-01\"]", "holidays = [\"2026-13-01\"]");
    one(
        &src,
        "2026-13-01",
        "calendar.holidays[0]",
        ProblemKind::BadDate {
            value: "2026-13-01".into(),
        },
    );
    let src = broken("utc_offset = \"+08:00\"", "utc_offset = \"CST\"");
    one(
        &src,
        "CST",
        "calendar.utc_offset",
        ProblemKind::BadOffset {
            value: "CST".into(),
        },
    );
}

#[test]
fn every_problem_is_found_at_once() {
    let src = broken("escalation = \"billing\"", "escalation = \"legal\"")
        .replace("sla_hours = 48", "sla_hours = 0");
    assert_eq!(problems(&src).len(), 2);
}

#[test]
fn problems_read_in_both_languages() {
    let src = broken("escalation = \"billing\"", "escalation = \"legal\"");
    let p = &problems(&src)[0];
    assert_eq!(p.kind.message(Lang::En), "there is no team named \"legal\"");
    assert_eq!(p.kind.message(Lang::ZhCn), "没有名为“legal”的团队");
    assert!(p
        .render(Lang::En)
        .starts_with(&format!("test.toml:{}:", p.line)));
}

#[test]
fn a_method_excluded_for_an_unknown_intent_is_named() {
    let src = broken(
        "check = \"service_password\"",
        "check = \"service_password\"\nnot_for_intents = [\"sim_lots\"]",
    );
    let p = one(
        &src,
        "not_for_intents",
        "verification.methods[0].not_for_intents[0]",
        ProblemKind::Unknown {
            kind: Kind::Intent,
            id: "sim_lots".into(),
        },
    );
    assert!(p.render(Lang::ZhCn).contains("sim_lots"));
}

#[test]
fn a_method_with_an_unknown_check_is_refused() {
    let src = broken("check = \"service_password\"", "check = \"palm_reading\"");
    let p = problems(&src);
    assert_eq!(p.len(), 1, "{p:#?}");
    assert!(p[0].field.ends_with("check"), "{p:#?}");
}
