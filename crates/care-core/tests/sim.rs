//! Training scenarios: the loader's checks against the pack, with located
//! problems, and the simulated customer's replies.

use care_core::pack::{self, Kind, Pack, Problem, ProblemKind};
use care_core::sim::{self, Conversation, Question, Reply, Scenario};
use care_core::Lang;

const EASY: &str = include_str!("../../../public/scenarios/bill-spike-easy.toml");

fn pack() -> Pack {
    pack::load(pack::DEMO_PACK_FILE, pack::DEMO_PACK).expect("the demo pack loads")
}

fn scenario() -> Scenario {
    sim::load("bill-spike-easy.toml", EASY, &pack()).expect("the scenario loads")
}

fn broken(from: &str, to: &str) -> Vec<Problem> {
    assert_eq!(EASY.matches(from).count(), 1, "{from:?} must occur once");
    sim::load("s.toml", &EASY.replacen(from, to, 1), &pack()).expect_err("refused")
}

fn line_of(needle: &str) -> usize {
    let at = EASY.find(needle).expect("in the file");
    EASY[..at].matches('\n').count() + 1
}

#[test]
fn the_library_scenario_loads_against_the_demo_pack() {
    let s = scenario();
    assert_eq!(s.id, "bill-spike-easy");
    assert_eq!(s.truth.intent, "bill_dispute");
    assert_eq!(s.answers.len(), 2);
}

#[test]
fn an_unknown_prompt_fact_cause_or_method_is_named_and_located() {
    let p = broken(
        r#"prompt = "ask_which_bill""#,
        r#"prompt = "ask_which_bil""#,
    );
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].field, "answers[0].prompt");
    assert_eq!(p[0].line, line_of(r#"prompt = "ask_which_bill""#));
    assert_eq!(
        p[0].kind,
        ProblemKind::Unknown {
            kind: Kind::Prompt,
            id: "ask_which_bil".into()
        }
    );
    assert!(p[0]
        .render(Lang::ZhCn)
        .contains("没有名为“ask_which_bil”的提示"));

    let p = broken(r#"facts = { bill_month"#, r#"facts = { bill_monht"#);
    assert_eq!(p[0].field, "answers[0].facts.bill_monht");
    let p = broken(r#"cause = "data_overage""#, r#"cause = "data_overdose""#);
    assert_eq!(p[0].field, "truth.cause");
    let p = broken(r#"method = "id_digits""#, r#"method = "retina""#);
    assert_eq!(p[0].field, "verification[0].method");
    assert_eq!(p[0].line, line_of(r#"method = "id_digits""#));
    let p = broken(r#"intent = "bill_dispute""#, r#"intent = "bill""#);
    assert_eq!(p[0].field, "truth.intent");
}

#[test]
fn a_customer_is_a_demo_one_or_an_inline_one_never_both_or_neither() {
    let p = broken(r#"demo_customer = "C-20001""#, "");
    assert_eq!(p[0].field, "persona");
    assert!(matches!(p[0].kind, ProblemKind::OneOf { .. }));
    assert!(p[0].render(Lang::En).contains("demo_customer"));
}

#[test]
fn texts_need_both_languages_and_lists_need_a_variant() {
    let p = broken(
        r#"give_up = { zh-CN = "算了，我还是去营业厅问吧。", en = "Forget it, I'll ask at a store." }"#,
        r#"give_up = { zh-CN = "算了，我还是去营业厅问吧。", en = " " }"#,
    );
    assert_eq!(p[0].field, "reactions.give_up.en");
    let p = broken(
        r#"unknown = [{ zh-CN = "啊？您是问什么？", en = "Sorry, what do you mean?" }]"#,
        "unknown = []",
    );
    assert_eq!(p[0].field, "reactions.unknown");
    assert_eq!(p[0].kind, ProblemKind::EmptyList);
}

#[test]
fn bad_files_are_refused_with_their_line() {
    let p = sim::load("s.toml", "schema = 1\nid = [", &pack()).expect_err("refused");
    assert_eq!(p[0].line, 2);
    assert!(matches!(p[0].kind, ProblemKind::Syntax { .. }));
    let p = broken("schema = 1", "schema = 9");
    assert!(p[0].render(Lang::En).contains("scenario"));
    let p = broken(r#"level = "easy""#, r#"level = "trivial""#);
    assert_eq!(p[0].line, line_of(r#"level = "easy""#));
    let p = broken(
        r#"[[answers]]
id = "how_much""#,
        r#"[[answers]]
id = "which_bill""#,
    );
    assert!(matches!(
        p[0].kind,
        ProblemKind::Duplicate {
            kind: Kind::Answer,
            ..
        }
    ));
    let p = sim::load("s.toml", "", &pack()).expect_err("refused");
    assert_eq!(p[0].kind, ProblemKind::Empty);
}

#[test]
fn an_impostor_needs_answers_to_fail_verification_with() {
    let source = EASY
        .replace("must = [", "impostor = true\nmust = [")
        .replace(
            "[[verification]]\nmethod = \"id_digits\"\nanswer = \"1234\"\n",
            "",
        );
    let p = sim::load("s.toml", &source, &pack()).expect_err("refused");
    assert!(p
        .iter()
        .any(|p| p.field == "verification" && p.kind == ProblemKind::EmptyList));
}

#[test]
fn the_customer_answers_a_prompt_and_says_so_when_asked_twice() {
    let s = scenario();
    let pack = pack();
    let mut c = Conversation::new(&s, &pack, Lang::ZhCn);
    assert!(c.opening().contains("一百八"));
    let t = c.ask(Question::Prompt("ask_which_bill".into())).clone();
    assert_eq!(
        t.reply,
        Reply::Answer {
            answer: "which_bill".into(),
            facts: [("bill_month".to_owned(), "2026-11".to_owned())].into()
        }
    );
    assert_eq!(t.said, "就是这个月，十一月的。");
    // The same thing in the trainee's own words is the same answer.
    let t = c
        .ask(Question::Free("您说的是几月份的话费呢".into()))
        .clone();
    assert_eq!(
        t.reply,
        Reply::Repeat {
            answer: "which_bill".into()
        }
    );
    assert!(t.said.starts_with("我刚才已经说过了。"), "{}", t.said);
    assert_eq!(t.patience_left, 3);
}

#[test]
fn free_questions_are_matched_in_either_language() {
    let s = scenario();
    let pack = pack();
    let mut c = Conversation::new(&s, &pack, Lang::En);
    let t = c
        .ask(Question::Free("How much extra did they charge you?".into()))
        .clone();
    assert_eq!(
        t.reply,
        Reply::Answer {
            answer: "how_much".into(),
            facts: [("disputed_amount".to_owned(), "120".to_owned())].into()
        }
    );
    assert_eq!(t.said, "About 120 more.");
}

#[test]
fn jargon_and_unplaceable_questions_cost_patience_empathy_gives_it_back_and_at_zero_they_leave() {
    let s = scenario();
    let pack = pack();
    let mut c = Conversation::new(&s, &pack, Lang::ZhCn);
    let t = c.ask(Question::Free("请提供您的 msisdn".into())).clone();
    assert_eq!(
        t.reply,
        Reply::Jargon {
            words: vec!["MSISDN".into()]
        }
    );
    assert_eq!(t.said, "您说的这个我听不懂。");
    assert_eq!(c.patience_left(), 3);
    let t = c.ask(Question::Prompt("empathy_bill_shock".into())).clone();
    assert_eq!(t.reply, Reply::Calmer);
    assert_eq!(c.patience_left(), 4, "back, but never above the start");
    for _ in 0..3 {
        let t = c.ask(Question::Free("天气怎么样".into())).clone();
        assert_eq!(t.reply, Reply::Unknown);
    }
    let t = c.ask(Question::Free("APN 设置对吗".into())).clone();
    assert_eq!(t.reply, Reply::GaveUp);
    assert_eq!(t.said, "算了，我还是去营业厅问吧。");
    assert!(c.over());
    let t = c.ask(Question::Prompt("ask_which_bill".into())).clone();
    assert_eq!(
        t.reply,
        Reply::GaveUp,
        "a customer who left answers nothing"
    );
}
