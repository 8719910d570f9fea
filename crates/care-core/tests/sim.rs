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
fn every_scenario_of_the_library_loads_and_the_library_covers_what_trainers_need() {
    let pack = pack();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/scenarios");
    let mut loaded = Vec::new();
    for entry in std::fs::read_dir(dir).expect("the library folder") {
        let path = entry.expect("an entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("toml") {
            continue;
        }
        let source = std::fs::read_to_string(&path).expect("readable");
        let name = path.display().to_string();
        match sim::load(&name, &source, &pack) {
            Ok(s) => loaded.push(s),
            Err(problems) => panic!(
                "{}",
                problems
                    .iter()
                    .map(|p| p.render(Lang::En))
                    .collect::<Vec<_>>()
                    .join("\n")
            ),
        }
    }
    assert!(loaded.len() >= 12, "{} scenarios", loaded.len());
    // The library the app embeds is the whole folder.
    let (embedded, problems) = sim::library(&pack);
    assert!(problems.is_empty());
    assert_eq!(
        embedded.len(),
        loaded.len(),
        "a scenario file is not in sim::LIBRARY"
    );
    let intents: std::collections::BTreeSet<_> =
        loaded.iter().map(|s| s.truth.intent.as_str()).collect();
    assert!(intents.len() >= 10, "{intents:?}");
    for level in [sim::Level::Easy, sim::Level::Medium, sim::Level::Hard] {
        assert!(
            loaded.iter().filter(|s| s.level == level).count() >= 3,
            "{level:?}"
        );
    }
    assert!(loaded.iter().any(|s| s.truth.impostor), "an impostor");
    assert!(
        loaded
            .iter()
            .any(|s| s.truth.must.contains(&sim::MustDo::Escalate)),
        "an escalation"
    );
    assert!(
        loaded
            .iter()
            .any(|s| s.persona.temperament == sim::Temperament::Angry),
        "an angry caller"
    );
    // Every prompt-linked answer is reachable by its prompt's own words.
    for s in &loaded {
        for a in s.answers.iter().filter(|a| a.prompt.is_some()) {
            let mut talk = Conversation::new(s, &pack, Lang::ZhCn);
            let t = talk
                .ask(Question::Prompt(a.prompt.clone().expect("filtered")))
                .clone();
            assert!(
                matches!(&t.reply, Reply::Answer { answer, .. } if *answer == a.id)
                    || t.reply == Reply::Calmer,
                "{}: {} -> {:?}",
                s.id,
                a.id,
                t.reply
            );
        }
    }
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
    // A value the fact cannot hold could never be captured.
    let p = broken(r#"bill_month = "2026-10""#, r#"bill_month = "November""#);
    assert_eq!(p[0].field, "answers[0].facts.bill_month");
    assert!(matches!(&p[0].kind, ProblemKind::BadValue { value, .. } if value == "November"));
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
    let p = broken(r#"demo_customer = "C-20016""#, "");
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
            "[[verification]]\nmethod = \"id_digits\"\nanswer = \"272899\"\n",
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
    assert!(c.opening().contains("两百"));
    let t = c.ask(Question::Prompt("ask_which_bill".into())).clone();
    assert_eq!(
        t.reply,
        Reply::Answer {
            answer: "which_bill".into(),
            facts: [("bill_month".to_owned(), "2026-10".to_owned())].into()
        }
    );
    assert_eq!(t.said, "就是这个月收到的，十月份的账单。");
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
            facts: [("disputed_amount".to_owned(), "140".to_owned())].into()
        }
    );
    assert_eq!(t.said, "About 140 more.");
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

#[test]
fn the_pack_weights_the_rubric_and_a_scenario_overrides_it_key_by_key() {
    let source = format!(
        "{}\n[training.rubric]\nverification = 50\ntime = 10\ntarget_minutes = 6\n",
        pack::DEMO_PACK
    );
    let p = pack::load("team.toml", &source).expect("a pack with training weights loads");
    assert_eq!(p.training.rubric.verification, 50);
    // Keys the pack leaves out keep the built-in weights.
    assert_eq!(p.training.rubric.facts, sim::Weights::default().facts);
    let s = sim::load("bill-spike-easy.toml", EASY, &p).expect("loads");
    assert_eq!(
        (
            s.rubric.verification,
            s.rubric.time,
            s.rubric.target_minutes
        ),
        (50, 10, 6)
    );
    let own = EASY.to_owned() + "\n[rubric]\nverification = 30\n";
    let s = sim::load("s.toml", &own, &p).expect("loads");
    assert_eq!(s.rubric.verification, 30, "the scenario's own weight wins");
    assert_eq!(s.rubric.time, 10, "the rest come from the pack");

    let zero = format!(
        "{}\n[training.rubric]\nfacts = 0\nno_repeats = 0\nverification = 0\ncause = 0\nsolution = 0\ncommitment = 0\nempathy = 0\njargon = 0\ntime = 0\n",
        pack::DEMO_PACK
    );
    let problems = pack::load("zero.toml", &zero).expect_err("a rubric worth nothing is refused");
    assert!(
        problems.iter().any(|p| p.field == "training.rubric"),
        "{problems:?}"
    );
}

#[test]
fn jargon_in_latin_letters_counts_as_a_whole_word_only() {
    let (p, mut s) = (pack(), scenario());
    s.reactions.jargon_words = vec!["SP".into(), "APN".into(), "出账".into()];
    let c = Conversation::new(&s, &p, Lang::En);
    assert!(
        c.jargon_in("how much did you spend").is_empty(),
        "\"SP\" is not in \"spend\""
    );
    assert_eq!(c.jargon_in("is it an SP charge?"), vec!["SP".to_owned()]);
    assert_eq!(
        c.jargon_in("检查APN设置"),
        vec!["APN".to_owned()],
        "glued to Chinese is still a word"
    );
    assert_eq!(c.jargon_in("什么时候出账的"), vec!["出账".to_owned()]);
}

mod scoring {
    use super::{pack, scenario};
    use care_core::case::{Event, EventBody, FactSource};
    use care_core::facts::FactValue;
    use care_core::pack::Pack;
    use care_core::sim::{
        score, Conversation, Finding, Moment, Question, Reply, Rule, Scenario, Score,
    };
    use care_core::{CaseId, Channel, DeviceId, EventId, IdSource, Lang};
    use time::macros::datetime;
    use time::Duration;

    /// A training case of these events, one minute apart.
    fn case(bodies: Vec<EventBody>) -> Vec<Event> {
        let mut ids = IdSource::new();
        let start = datetime!(2026-11-30 09:00 UTC);
        let device = DeviceId::from_uuid(ids.next(1, 1));
        let case = CaseId::from_uuid(ids.next(2, 2));
        bodies
            .into_iter()
            .enumerate()
            .map(|(n, body)| Event {
                id: EventId::from_uuid(ids.next(10 + n as u64, 10 + n as u128)),
                case,
                device,
                at: start + Duration::minutes(n as i64),
                body,
            })
            .collect()
    }

    fn fact(pack: &Pack, id: &str, value: &str) -> EventBody {
        let f = pack.facts.iter().find(|f| f.id == id).expect("a pack fact");
        EventBody::FactCaptured {
            fact: id.into(),
            value: FactValue::parse(f, value).expect("a valid value"),
            source: FactSource::Answer,
        }
    }

    fn verified(passed: bool) -> EventBody {
        EventBody::VerificationAttempted {
            method: "id_digits".into(),
            passed,
            prev: String::new(),
        }
    }

    fn reveal() -> EventBody {
        EventBody::DataRevealed {
            what: "bills".into(),
            prev: String::new(),
        }
    }

    /// Everything right, in order.
    fn perfect(pack: &Pack) -> Vec<EventBody> {
        vec![
            EventBody::CaseOpened {
                agent: None,
                channel: Channel::Hotline,
                customer: None,
                training: None,
            },
            EventBody::PromptAsked {
                prompt: "empathy_bill_shock".into(),
            },
            fact(pack, "bill_month", "2026-10"),
            fact(pack, "disputed_amount", "140"),
            verified(true),
            reveal(),
            EventBody::CauseConfirmed {
                cause: "data_overage".into(),
                suggested: Some("data_overage".into()),
            },
            EventBody::SolutionChosen {
                solution: "overage_explain_and_alert".into(),
                escalated_to: None,
            },
            EventBody::CommitmentMade {
                solution: "overage_explain_and_alert".into(),
                text: "两个工作日内回电".into(),
                lang: Lang::ZhCn,
                deadline: datetime!(2026-12-02 18:00 UTC),
                contact: "13800000000".into(),
                tasks: Vec::new(),
            },
        ]
    }

    fn scored(
        s: &Scenario,
        pack: &Pack,
        bodies: Vec<EventBody>,
        questions: &[Question],
    ) -> (Score, Vec<Event>) {
        let events = case(bodies);
        let mut talk = Conversation::new(s, pack, Lang::ZhCn);
        for q in questions {
            talk.ask(q.clone());
        }
        (score(s, pack, &events, talk.turns()), events)
    }

    fn item(score: &Score, rule: Rule) -> &care_core::sim::Item {
        score
            .items
            .iter()
            .find(|i| i.rule == rule)
            .expect("the rule is scored")
    }

    #[test]
    fn a_perfect_session_gets_full_marks_and_nothing_to_practise() {
        let (s, p) = (scenario(), pack());
        let (score, _) = scored(
            &s,
            &p,
            perfect(&p),
            &[Question::Prompt("ask_which_bill".into())],
        );
        assert_eq!(score.fatal, None);
        assert_eq!(score.earned, score.max, "{score:#?}");
        assert_eq!(score.max, s.rubric.total());
        assert!(score.practise.is_empty());
    }

    #[test]
    fn revealing_the_bill_before_verifying_is_fatal_and_points_at_the_reveal() {
        let (s, p) = (scenario(), pack());
        let mut bodies = perfect(&p);
        // The reveal moved before the verification.
        bodies.swap(4, 5);
        let (score, events) = scored(&s, &p, bodies, &[]);
        assert_eq!(score.earned, 0);
        assert_eq!(score.fatal, Some(Moment::Event(events[4].id)));
        let v = item(&score, Rule::Verification);
        assert_eq!(v.finding, Finding::RevealedTooEarly);
        assert_eq!(v.moment, Some(Moment::Event(events[4].id)));
        assert_eq!(score.practise[0], Rule::Verification);
    }

    #[test]
    fn an_impostor_must_not_pass_nor_see_anything() {
        let p = pack();
        let mut s = scenario();
        s.truth.impostor = true;
        let opened = EventBody::CaseOpened {
            agent: None,
            channel: Channel::Hotline,
            customer: None,
            training: None,
        };
        // Refused at verification, nothing shown: full marks for it.
        let (score, _) = scored(
            &s,
            &p,
            vec![opened.clone(), verified(false), verified(false)],
            &[],
        );
        let v = item(&score, Rule::Verification);
        assert_eq!(
            (v.earned, &v.finding),
            (s.rubric.verification, &Finding::ImpostorRefused)
        );
        assert_eq!(score.fatal, None);
        // Passed (a lax check): no points.
        let (score, events) = scored(&s, &p, vec![opened.clone(), verified(true)], &[]);
        let v = item(&score, Rule::Verification);
        assert_eq!((v.earned, &v.finding), (0, &Finding::ImpostorPassed));
        assert_eq!(v.moment, Some(Moment::Event(events[1].id)));
        // Anything revealed to them is fatal, even after a "pass".
        let (score, events) = scored(&s, &p, vec![opened, verified(true), reveal()], &[]);
        assert_eq!(score.fatal, Some(Moment::Event(events[2].id)));
        assert_eq!(score.earned, 0);
    }

    #[test]
    fn repeated_questions_and_jargon_lose_points_at_their_turns() {
        let (s, p) = (scenario(), pack());
        let (score, _) = scored(
            &s,
            &p,
            perfect(&p),
            &[
                Question::Prompt("ask_which_bill".into()),
                Question::Free("请问您的 APN 是什么".into()),
                Question::Prompt("ask_which_bill".into()),
            ],
        );
        let r = item(&score, Rule::NoRepeats);
        assert_eq!(r.finding, Finding::Repeats { count: 1 });
        assert_eq!(r.moment, Some(Moment::Turn(2)));
        assert!(r.earned < r.max);
        let j = item(&score, Rule::Jargon);
        assert_eq!(j.earned, 0);
        assert_eq!(
            j.finding,
            Finding::Jargon {
                words: vec!["APN".into()]
            }
        );
        assert_eq!(j.moment, Some(Moment::Turn(1)));
        assert_eq!(score.earned, score.max - r.max + r.earned - j.max);
    }

    #[test]
    fn facts_count_only_when_captured_right_and_not_withdrawn() {
        let (s, p) = (scenario(), pack());
        let mut bodies = perfect(&p);
        bodies[3] = fact(&p, "disputed_amount", "60");
        let (score, _) = scored(&s, &p, bodies.clone(), &[]);
        let f = item(&score, Rule::Facts);
        assert_eq!(
            f.finding,
            Finding::Facts {
                captured: 1,
                expected: 2,
                missed: vec!["disputed_amount".into()]
            }
        );
        assert_eq!(f.earned, s.rubric.facts / 2);
        bodies[3] = EventBody::FactCleared {
            fact: "bill_month".into(),
        };
        let (score, _) = scored(&s, &p, bodies, &[]);
        assert_eq!(item(&score, Rule::Facts).earned, 0);
    }

    #[test]
    fn the_wrong_cause_or_solution_and_a_missing_commitment_or_escalation_cost_their_points() {
        let p = pack();
        let mut s = scenario();
        let mut bodies = perfect(&p);
        bodies[6] = EventBody::CauseConfirmed {
            cause: "billing_error".into(),
            suggested: None,
        };
        bodies[7] = EventBody::SolutionChosen {
            solution: "vas_cancel_and_refund".into(),
            escalated_to: None,
        };
        bodies.pop();
        let (score, _) = scored(&s, &p, bodies, &[]);
        assert_eq!(
            item(&score, Rule::Cause).finding,
            Finding::WrongCause {
                chosen: Some("billing_error".into())
            }
        );
        assert_eq!(item(&score, Rule::Solution).earned, 0);
        assert_eq!(
            item(&score, Rule::Commitment).finding,
            Finding::NoCommitment
        );

        s.truth.must.push(care_core::sim::MustDo::Escalate);
        let (score, _) = scored(&s, &p, perfect(&p), &[]);
        let sol = item(&score, Rule::Solution);
        assert_eq!(sol.finding, Finding::NotEscalated);
        assert!(sol.earned < sol.max);
    }

    #[test]
    fn empathy_counts_from_the_case_or_the_conversation_and_time_is_weighed_when_asked() {
        let p = pack();
        let mut s = scenario();
        let mut bodies = perfect(&p);
        bodies.remove(1);
        let (score, _) = scored(&s, &p, bodies.clone(), &[]);
        assert_eq!(item(&score, Rule::Empathy).finding, Finding::NoEmpathy);
        let (score, _) = scored(
            &s,
            &p,
            bodies.clone(),
            &[Question::Prompt("empathy_bill_shock".into())],
        );
        assert_eq!(item(&score, Rule::Empathy).moment, Some(Moment::Turn(0)));

        s.rubric.time = 10;
        s.rubric.target_minutes = 4;
        // Seven minutes from the first event to the last: 3 over a 4-minute
        // target, a quarter of the way to nothing left.
        let (score, _) = scored(&s, &p, bodies, &[]);
        let t = item(&score, Rule::Time);
        assert_eq!(
            t.finding,
            Finding::Time {
                minutes: 7,
                target: 4
            }
        );
        assert_eq!(t.earned, 2);
    }

    fn training() -> EventBody {
        EventBody::CaseOpened {
            agent: None,
            channel: Channel::Hotline,
            customer: None,
            training: Some(care_core::TrainingRef {
                scenario: "bill-spike-easy".into(),
                trainee: "p-1".into(),
                lang: Lang::ZhCn,
            }),
        }
    }

    /// The conversation's turns as events of the case, after its opening.
    fn with_turns(
        s: &Scenario,
        pack: &Pack,
        mut bodies: Vec<EventBody>,
        asked: &[Question],
    ) -> Vec<EventBody> {
        let mut talk = Conversation::new(s, pack, Lang::ZhCn);
        let turns: Vec<EventBody> = asked
            .iter()
            .map(|q| EventBody::SimTurn {
                turn: talk.ask(q.clone()).clone(),
            })
            .collect();
        bodies.splice(1..1, turns);
        bodies
    }

    #[test]
    fn a_real_case_opens_with_the_json_it_always_had_and_a_training_case_says_what_it_is() {
        let real = serde_json::to_value(EventBody::CaseOpened {
            agent: None,
            channel: Channel::Hotline,
            customer: None,
            training: None,
        })
        .expect("json");
        // The sync revision hashes this JSON: no new key on old events.
        assert_eq!(
            real,
            serde_json::json!({"kind": "case_opened", "channel": "hotline", "customer": null})
        );
        let old: EventBody = serde_json::from_value(real).expect("an event of before reads");
        assert!(matches!(old, EventBody::CaseOpened { training: None, .. }));
        let t = serde_json::to_value(training()).expect("json");
        assert_eq!(t["training"]["scenario"], "bill-spike-easy");
        assert_eq!(t["training"]["trainee"], "p-1");
    }

    #[test]
    fn a_training_case_folds_with_its_conversation_and_its_summary_is_kept_out_of_search() {
        let (s, p) = (scenario(), pack());
        let mut bodies = with_turns(
            &s,
            &p,
            vec![training()],
            &[Question::Prompt("ask_which_bill".into())],
        );
        bodies.push(EventBody::CaseArchived);
        // A turn after the close is kept (the customer's words stand).
        bodies.push(EventBody::SimTurn {
            turn: Conversation::new(&s, &p, Lang::ZhCn)
                .ask(Question::Free("还有别的问题吗".into()))
                .clone(),
        });
        let events = case(bodies);
        let state = care_core::CaseState::fold(&events).expect("folds");
        assert_eq!(
            state.training.as_ref().map(|t| t.scenario.as_str()),
            Some("bill-spike-easy")
        );
        assert_eq!(state.turns.len(), 2);
        assert_eq!(state.turns[0].0, events[1].id);
        assert!(state.ignored.is_empty(), "{:?}", state.ignored);
        let summary = state.summary();
        assert!(summary.training.is_some());

        let mut index = care_core::search::SearchIndex::new();
        index.upsert(summary, None);
        let found = index.search(&care_core::search::Query::default(), 10);
        assert_eq!(found.total, 0, "practice never shows in the archive");
        assert_eq!(index.training().count(), 1);
    }

    #[test]
    fn the_customer_gives_the_verification_answers_they_know_right_or_wrong() {
        let (s, p) = (scenario(), pack());
        let mut talk = Conversation::new(&s, &p, Lang::ZhCn);
        let t = talk.ask(Question::Verify("id_digits".into())).clone();
        assert_eq!(
            t.reply,
            Reply::Verification {
                method: "id_digits".into(),
                known: true
            }
        );
        assert_eq!(t.said, "272899");
        let t = talk
            .ask(Question::Verify("service_password".into()))
            .clone();
        assert_eq!(
            t.reply,
            Reply::Verification {
                method: "service_password".into(),
                known: false
            }
        );
        assert_eq!(
            t.said, "啊？您是问什么？",
            "what they say when they cannot answer"
        );
        assert_eq!(
            t.patience_left, s.persona.patience,
            "being asked to verify costs no patience"
        );
    }

    #[test]
    fn a_conversation_kept_as_questions_comes_back_exactly() {
        let (s, p) = (scenario(), pack());
        let asked = [
            Question::Prompt("ask_which_bill".into()),
            Question::Free("APN 是什么".into()),
            Question::Prompt("ask_which_bill".into()),
            Question::Verify("id_digits".into()),
        ];
        let mut live = Conversation::new(&s, &p, Lang::En);
        for q in &asked {
            live.ask(q.clone());
        }
        let again = Conversation::resume(&s, &p, Lang::En, asked.iter().cloned());
        assert_eq!(again.turns(), live.turns());
        assert_eq!(again.patience_left(), live.patience_left());
    }

    #[test]
    fn scoring_a_case_alone_points_every_moment_at_an_event() {
        let (s, p) = (scenario(), pack());
        let asked = [
            Question::Prompt("ask_which_bill".into()),
            Question::Prompt("ask_which_bill".into()),
        ];
        let mut bodies = perfect(&p);
        bodies[0] = training();
        let events = case(with_turns(&s, &p, bodies, &asked));
        let score = care_core::sim::score_case(&s, &p, &events);
        let repeats = item(&score, Rule::NoRepeats);
        assert!(repeats.earned < repeats.max);
        // The second turn is the third event.
        assert_eq!(repeats.moment, Some(Moment::Event(events[2].id)));
        assert!(score
            .items
            .iter()
            .all(|i| !matches!(i.moment, Some(Moment::Turn(_)))));
    }

    #[test]
    fn the_expected_path_is_met_step_by_step_and_not_by_a_reveal_before_verifying() {
        use care_core::sim::{expected_path, Step};
        let (s, p) = (scenario(), pack());
        let mut bodies = perfect(&p);
        bodies.insert(
            1,
            EventBody::IntentConfirmed {
                intent: "bill_dispute".into(),
                overridden: false,
            },
        );
        let events = case(bodies.clone());
        let path = expected_path(&s, &p, &events);
        let steps: Vec<&Step> = path.iter().map(|x| &x.step).collect();
        assert_eq!(
            steps,
            vec![
                &Step::Intent("bill_dispute".into()),
                &Step::Fact("bill_month".into()),
                &Step::Fact("disputed_amount".into()),
                &Step::Empathy,
                &Step::Verify,
                &Step::Cause("data_overage".into()),
                &Step::Solution(s.truth.solutions.clone()),
                &Step::Commit,
            ]
        );
        assert!(path.iter().all(|x| x.met.is_some()), "{path:#?}");
        let verify = path
            .iter()
            .find(|x| x.step == Step::Verify)
            .expect("a verify step");
        assert_eq!(verify.met, Some(events[5].id));

        // The reveal before the verification: the step is not met.
        bodies.swap(5, 6);
        let events = case(bodies);
        let path = expected_path(&s, &p, &events);
        let verify = path
            .iter()
            .find(|x| x.step == Step::Verify)
            .expect("a verify step");
        assert_eq!(verify.met, None);

        // An impostor refused: the refusal is met at the last failed try.
        let mut s = scenario();
        s.truth.impostor = true;
        let events = case(vec![training(), verified(false), verified(false)]);
        let path = expected_path(&s, &p, &events);
        let refuse = path
            .iter()
            .find(|x| x.step == Step::Refuse)
            .expect("a refuse step");
        assert_eq!(refuse.met, Some(events[2].id));
        assert!(path.iter().all(|x| x.step != Step::Verify));
    }

    #[test]
    fn an_inline_customer_joins_the_reference_data_under_an_id_of_its_own() {
        let p = pack();
        let source = include_str!("../../../public/scenarios/roaming-no-pack-medium.toml");
        let s = care_core::sim::load("roaming-no-pack-medium.toml", source, &p).expect("loads");
        let c = s.inline_customer().expect("an inline customer");
        assert_eq!(c.id.as_str(), "T-roaming-no-pack-medium");
        assert_eq!(s.customer_id(), Some(c.id.clone()));
        let data = care_core::demo_data::generate(7, datetime!(2026-11-30 09:00 UTC));
        let before = data.customers.len();
        let with = data.with_customer(c.clone());
        assert_eq!(with.customers.len(), before + 1);
        assert_eq!(
            with.customer(&c.id).map(|x| x.msisdn.as_str()),
            Some(c.msisdn.as_str())
        );
        assert_eq!(with.lookup(&c.msisdn).first().map(|x| &x.id), Some(&c.id));
        assert!(with.records(&c.id).is_some_and(|r| r.bills.is_empty()));
        // Sorted still, so every other customer is found as before.
        assert!(with.customers.windows(2).all(|w| w[0].id < w[1].id));
        assert_eq!(
            scenario().customer_id().map(|c| c.as_str().to_owned()),
            Some("C-20016".into())
        );
    }
}
