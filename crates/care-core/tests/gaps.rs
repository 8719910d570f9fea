//! Knowledge gaps on hand-built case logs whose right lists are known.

mod common;

use care_core::case::{FactSource, Suggestion};
use care_core::facts::FactValue;
use care_core::insight::gaps::{gaps, Gaps};
use care_core::{CaseId, Channel, DeviceId, Event, EventBody, EventId, IdSource, Lang};
use common::demo_pack;
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

const NOW: OffsetDateTime = datetime!(2026-11-30 10:00 +8);

/// Builds cases one event a minute, each case opened at its own start.
struct Cases {
    ids: IdSource,
    device: DeviceId,
    tick: u64,
}

impl Cases {
    fn new() -> Self {
        let mut ids = IdSource::new();
        let device = DeviceId::from_uuid(ids.next(1, 1));
        Cases {
            ids,
            device,
            tick: 10,
        }
    }

    fn case(&mut self, start: OffsetDateTime, bodies: Vec<EventBody>) -> Vec<Event> {
        self.tick += 1000;
        let case = CaseId::from_uuid(self.ids.next(self.tick, u128::from(self.tick)));
        let mut all = vec![EventBody::CaseOpened {
            agent: None,
            channel: Channel::Hotline,
            customer: None,
            training: None,
        }];
        all.extend(bodies);
        all.into_iter()
            .enumerate()
            .map(|(n, body)| {
                let t = self.tick + 1 + n as u64;
                Event {
                    id: EventId::from_uuid(self.ids.next(t, u128::from(t))),
                    case,
                    device: self.device,
                    at: start + Duration::minutes(n as i64),
                    body,
                }
            })
            .collect()
    }
}

fn statement(text: &str, unknown: bool, chosen: &str) -> Vec<EventBody> {
    vec![
        EventBody::StatementTaken { text: text.into() },
        EventBody::IntentsSuggested {
            ranked: vec![Suggestion {
                intent: "bill_dispute".into(),
                permille: if unknown { 200 } else { 700 },
            }],
            unknown,
        },
        EventBody::IntentConfirmed {
            intent: chosen.into(),
            overridden: !unknown && chosen != "bill_dispute",
        },
    ]
}

fn fact(id: &str, value: &str) -> EventBody {
    let f = demo_pack().fact(id).expect("a pack fact");
    EventBody::FactCaptured {
        fact: id.into(),
        value: FactValue::parse(f, value).expect("a valid value"),
        source: FactSource::Answer,
    }
}

fn cause(id: &str) -> EventBody {
    EventBody::CauseConfirmed {
        cause: id.into(),
        suggested: Some(id.into()),
    }
}

fn run(cases: &[Vec<Event>]) -> Gaps {
    gaps(cases, demo_pack(), NOW)
}

#[test]
fn unplaced_statements_are_grouped_by_how_alike_they_are() {
    let mut c = Cases::new();
    let day = NOW - Duration::days(2);
    let cases = vec![
        c.case(
            day,
            statement("我家宽带老是掉线怎么办", true, "broadband_fault"),
        ),
        c.case(
            day,
            statement("宽带老是掉线，怎么回事啊", true, "broadband_fault"),
        ),
        c.case(
            day,
            statement("我想把这个号码过户给我儿子", true, "plan_change"),
        ),
        // Recognised, but the agent chose otherwise: a gap too.
        c.case(day, statement("家里宽带又掉线了", false, "broadband_fault")),
        // Recognised and kept: not a gap.
        c.case(day, statement("这个月话费多扣了", false, "bill_dispute")),
    ];
    let g = run(&cases);
    let sizes: Vec<usize> = g.statements.iter().map(|x| x.cases.len()).collect();
    assert_eq!(sizes, vec![3, 1], "{:#?}", g.statements);
    let broadband = &g.statements[0];
    assert_eq!(broadband.example, "我家宽带老是掉线怎么办");
    assert_eq!(broadband.unknown, 2);
    assert_eq!(broadband.chosen, vec![("broadband_fault".to_owned(), 3)]);
    assert_eq!(
        broadband.cases,
        vec![cases[0][0].case, cases[1][0].case, cases[3][0].case]
    );
    assert_eq!(
        g.statements[1].statements,
        vec!["我想把这个号码过户给我儿子".to_owned()]
    );
}

#[test]
fn a_cause_left_without_a_solution_counts_once_closed_or_stalled() {
    let mut c = Cases::new();
    let closed = c.case(
        NOW - Duration::days(1),
        vec![cause("data_overage"), EventBody::CaseArchived],
    );
    let stalled = c.case(NOW - Duration::days(5), vec![cause("network_outage")]);
    let working = c.case(NOW - Duration::hours(5), vec![cause("network_outage")]);
    let solved = c.case(
        NOW - Duration::days(5),
        vec![
            cause("data_overage"),
            EventBody::SolutionChosen {
                solution: "overage_explain_and_alert".into(),
                escalated_to: None,
            },
        ],
    );
    let g = run(&[closed.clone(), stalled.clone(), working, solved]);
    let found: Vec<(&str, Vec<CaseId>)> = g
        .causes_without_solution
        .iter()
        .map(|x| (x.cause.as_str(), x.cases.clone()))
        .collect();
    assert_eq!(
        found,
        vec![
            ("data_overage", vec![closed[0].case]),
            ("network_outage", vec![stalled[0].case]),
        ]
    );
}

#[test]
fn rejected_suggestions_come_with_their_reasons() {
    let mut c = Cases::new();
    let reject = |reason: &str| EventBody::SolutionRejected {
        solution: "overage_one_time_credit".into(),
        reason: reason.into(),
    };
    let a = c.case(
        NOW - Duration::days(1),
        vec![reject("超出权限"), reject(" 超出权限 ")],
    );
    let b = c.case(NOW - Duration::days(1), vec![reject("客户不接受")]);
    let g = run(&[a.clone(), b.clone()]);
    assert_eq!(g.rejected.len(), 1);
    let r = &g.rejected[0];
    assert_eq!(r.times, 3);
    assert_eq!(
        r.reasons,
        vec![("超出权限".to_owned(), 2), ("客户不接受".to_owned(), 1)]
    );
    assert_eq!(r.cases, vec![a[0].case, b[0].case]);
}

#[test]
fn facts_missing_when_the_cause_was_confirmed_are_counted_per_intent() {
    let mut c = Cases::new();
    let intent = EventBody::IntentConfirmed {
        intent: "bill_dispute".into(),
        overridden: false,
    };
    let both = c.case(
        NOW,
        vec![
            intent.clone(),
            fact("bill_month", "2026-10"),
            fact("disputed_amount", "140"),
            cause("data_overage"),
        ],
    );
    let one = c.case(
        NOW,
        vec![
            intent.clone(),
            fact("bill_month", "2026-10"),
            cause("data_overage"),
        ],
    );
    // Captured only after the diagnosis: it did not inform it.
    let late = c.case(
        NOW,
        vec![
            intent,
            fact("bill_month", "2026-10"),
            cause("data_overage"),
            fact("disputed_amount", "90"),
        ],
    );
    let g = run(&[both, one.clone(), late.clone()]);
    assert_eq!(g.missing_facts.len(), 1, "{:#?}", g.missing_facts);
    let m = &g.missing_facts[0];
    assert_eq!(
        (m.intent.as_str(), m.fact.as_str()),
        ("bill_dispute", "disputed_amount")
    );
    assert_eq!(m.cases, vec![one[0].case, late[0].case]);
    assert_eq!(m.diagnosed, 3);
}

#[test]
fn training_cases_and_unreadable_logs_are_left_out() {
    let mut c = Cases::new();
    let mut practice = c.case(NOW, statement("宽带老是掉线", true, "broadband_fault"));
    practice[0].body = EventBody::CaseOpened {
        agent: None,
        channel: Channel::Hotline,
        customer: None,
        training: Some(care_core::TrainingRef {
            scenario: "x".into(),
            trainee: "p".into(),
            lang: Lang::ZhCn,
        }),
    };
    let mut broken = c.case(NOW, vec![]);
    broken[0].body = EventBody::CaseArchived;
    let g = run(&[practice, broken]);
    assert!(g.statements.is_empty());
    assert_eq!(g.skipped, 1);
}

#[test]
fn the_gap_lists_go_to_a_spreadsheet_one_line_per_entry_with_their_case_ids() {
    let mut c = Cases::new();
    let day = NOW - Duration::days(2);
    let hostile = c.case(
        day,
        statement(
            "=HYPERLINK(\"http://x\")，宽带掉线",
            true,
            "broadband_fault",
        ),
    );
    let id = hostile[0].case;
    let rejecting = c.case(
        day,
        vec![
            cause("billing_error"),
            EventBody::SolutionRejected {
                solution: "refund_credit".into(),
                reason: "客户要现金, 不要抵扣".into(),
            },
        ],
    );
    let g = run(&[hostile, rejecting.clone()]);
    let csv = care_core::insight::gaps::gaps_csv(&g, demo_pack(), Lang::ZhCn);
    let lines: Vec<&str> = csv
        .trim_start_matches('\u{feff}')
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .collect();
    let entries = g.statements.len()
        + g.causes_without_solution.len()
        + g.rejected.len()
        + g.missing_facts.len();
    assert_eq!(lines.len(), 1 + entries, "{csv}");
    assert!(lines[0].starts_with("清单,条目"));
    // The customer's words cannot run as a formula in the spreadsheet.
    let statement_line = lines
        .iter()
        .find(|l| l.contains("HYPERLINK"))
        .expect("the statement");
    assert!(
        statement_line.contains(",\"'=HYPERLINK("),
        "{statement_line}"
    );
    assert!(
        statement_line.ends_with(&id.to_string()),
        "{statement_line}"
    );
    // Names from the pack, reasons with their counts, quoted for the comma.
    let rejection = lines
        .iter()
        .find(|l| l.contains("常被拒绝"))
        .expect("the rejection");
    assert!(
        rejection.contains("\"客户要现金, 不要抵扣 ×1\""),
        "{rejection}"
    );
    assert!(rejection.ends_with(&rejecting[0].case.to_string()));
    let en = care_core::insight::gaps::gaps_csv(&g, demo_pack(), Lang::En);
    assert!(en.contains("Often rejected suggestions"));
}

#[test]
fn numbers_a_customer_said_are_masked_in_the_gap_lists() {
    let mut c = Cases::new();
    let day = NOW - Duration::days(1);
    let cases = vec![c.case(
        day,
        statement("帮我查下13812345678这个号为什么停机了", true, "no_signal"),
    )];
    let g = run(&cases);
    assert_eq!(
        g.statements[0].example,
        "帮我查下138****5678这个号为什么停机了"
    );
    assert!(
        !care_core::insight::gaps::gaps_csv(&g, demo_pack(), Lang::ZhCn).contains("13812345678")
    );
}

/// Where the list is shown the customers are known: each statement's own
/// customer's name and numbers are masked, and only that customer's.
#[test]
fn the_customer_named_in_a_statement_is_masked_where_the_list_is_shown() {
    let mut c = Cases::new();
    let day = NOW - Duration::days(1);
    let who = common::data().customers[0].clone();
    let other = common::data().customers[1].clone();
    let said = format!("我是{}，帮我查下为什么停机了，不是{}", who.name, other.name);
    let cases = vec![
        c.case(day, statement(&said, true, "no_signal")),
        c.case(day, statement(&said, true, "no_signal")),
    ];
    let (first, second) = (cases[0][0].case, cases[1][0].case);
    let mut g = run(&cases);
    assert_eq!(g.statements.len(), 1, "the same words group together");
    assert!(g.statements[0].example.contains(&who.name));
    g.mask_customers(|case| (case == first).then(|| who.clone()));
    let group = &g.statements[0];
    let masked = care_core::verify::mask_name(&who.name);
    assert_ne!(masked, who.name);
    assert_eq!(group.cases, vec![first, second]);
    assert!(
        !group.statements[0].contains(&who.name),
        "{}",
        group.statements[0]
    );
    assert!(group.statements[0].contains(&masked) && group.statements[0].contains(&other.name));
    assert_eq!(group.example, group.statements[0]);
    // The second case has no known customer: its words stay as kept.
    assert_eq!(group.statements[1], said);
    let csv = care_core::insight::gaps::gaps_csv(&g, demo_pack(), Lang::ZhCn);
    assert!(csv.contains(&masked));
}

/// The grouping scores a statement only against those sharing a feature
/// with it: it must group a generated archive exactly as comparing every
/// pair does (single linkage, first group alike).
#[test]
fn grouping_by_shared_features_equals_comparing_every_pair() {
    use care_core::demo_data::archive::{generate_archive, ArchiveSpec};
    use care_core::insight::gaps::SIMILAR;
    use care_core::intent::features;
    use std::collections::BTreeMap;
    let spec = ArchiveSpec {
        seed: 5,
        cases: 4000,
        now: NOW,
        days: 90,
        device: DeviceId::from_uuid(IdSource::new().next(1, 2)),
    };
    let logs = generate_archive(&spec, demo_pack(), common::data());
    let found = gaps(&logs, demo_pack(), NOW);
    // The gap statements in case order, as the grouping takes them.
    let mut said: Vec<(CaseId, String)> = found
        .statements
        .iter()
        .flat_map(|g| g.cases.iter().copied().zip(g.statements.iter().cloned()))
        .collect();
    said.sort();
    assert!(said.len() > 300, "{} statements", said.len());

    let cosine = |a: &BTreeMap<String, f32>, b: &BTreeMap<String, f32>| {
        let dot: f32 = a.iter().filter_map(|(k, x)| b.get(k).map(|y| x * y)).sum();
        let norm = |m: &BTreeMap<String, f32>| m.values().map(|x| x * x).sum::<f32>().sqrt();
        dot / (norm(a) * norm(b))
    };
    let mut groups: Vec<Vec<(BTreeMap<String, f32>, CaseId)>> = Vec::new();
    for (case, text) in &said {
        let f = features(text);
        match groups
            .iter()
            .position(|g| g.iter().any(|(m, _)| cosine(m, &f) >= SIMILAR))
        {
            Some(n) => groups[n].push((f, *case)),
            None => groups.push(vec![(f, *case)]),
        }
    }
    let mut pairwise: Vec<Vec<CaseId>> = groups
        .into_iter()
        .map(|g| g.into_iter().map(|(_, c)| c).collect())
        .collect();
    let mut ours: Vec<Vec<CaseId>> = found.statements.iter().map(|g| g.cases.clone()).collect();
    pairwise.sort();
    ours.sort();
    assert!(
        ours.len() > 10 && ours.len() < said.len(),
        "{} groups",
        ours.len()
    );
    assert_eq!(ours, pairwise);
}
