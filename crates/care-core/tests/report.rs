//! The printable case report, as a reader of it would check it: personal
//! data masked unless disclosed, one timeline line per event, the
//! verification audit and its chain, the promise judged against its
//! deadline, reopenings with both follow-up rounds, and every case of the
//! demo archive reported in both languages.

mod common;

use care_core::audit;
use care_core::case::{CaseLog, FactSource, FeedbackVia, TaskPlan};
use care_core::commit::BusinessCalendar;
use care_core::demo_data::archive::{generate_archive, ArchiveSpec};
use care_core::facts::FactValue;
use care_core::insight::{Casebook, Filter, GroupBy, Rate};
use care_core::report::{
    case_report, AuditChain, CaseReport, CaseStatus, CauseChoice, CommitmentVerdict, Disclosure,
    ReportError,
};
use care_core::{
    CaseId, CaseState, Channel, Customer, DeviceId, Event, EventBody, EventId, IdSource, Lang,
    Stage, Text, TrainingRef,
};
use common::{data, demo_pack, NOW};
use std::sync::OnceLock;
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

/// When the hand-built cases open: a Friday morning, China time.
const OPEN: OffsetDateTime = datetime!(2026-11-20 09:00 +8);

/// A case written by one device, with real ids and chained audit events,
/// the way the app writes them.
struct Case {
    ids: IdSource,
    id: CaseId,
    device: DeviceId,
    log: CaseLog,
    at: OffsetDateTime,
}

impl Case {
    fn open(customer: Option<&Customer>, training: bool) -> Case {
        let mut ids = IdSource::new();
        let id = CaseId::from_uuid(ids.next(1_763_000_000_000, 1));
        let device = DeviceId::from_uuid(ids.next(1_763_000_000_000, 2));
        let mut case = Case {
            ids,
            id,
            device,
            log: CaseLog::new(),
            at: OPEN,
        };
        case.push_at(
            OPEN,
            EventBody::CaseOpened {
                agent: None,
                channel: Channel::Hotline,
                customer: customer.map(|c| c.id.clone()),
                training: training.then(|| TrainingRef {
                    scenario: "bill-spike-easy".into(),
                    trainee: "p-1".into(),
                    lang: Lang::ZhCn,
                }),
            },
        );
        case
    }

    /// One minute after the last event.
    fn push(&mut self, body: EventBody) -> EventId {
        self.push_at(self.at + Duration::minutes(1), body)
    }

    fn push_at(&mut self, at: OffsetDateTime, body: EventBody) -> EventId {
        self.at = at;
        let ms = (at.unix_timestamp_nanos() / 1_000_000) as u64;
        let id = EventId::from_uuid(self.ids.next(ms, 7));
        self.log.merge([Event {
            id,
            case: self.id,
            device: self.device,
            at,
            body,
        }]);
        id
    }

    fn enter(&mut self, stage: Stage) {
        self.push(EventBody::StageEntered { stage });
    }

    fn attempt(&mut self, method: &str, passed: bool) -> EventId {
        let prev = audit::next_link(&self.log, self.id, self.device);
        self.push(EventBody::VerificationAttempted {
            method: method.into(),
            passed,
            prev,
        })
    }

    fn reveal(&mut self, what: &str) -> EventId {
        let prev = audit::next_link(&self.log, self.id, self.device);
        self.push(EventBody::DataRevealed {
            what: what.into(),
            prev,
        })
    }

    fn events(&self) -> Vec<Event> {
        self.log.events().cloned().collect()
    }

    fn report(&self, customer: Option<&Customer>, disclosure: Disclosure) -> CaseReport {
        case_report(
            &self.events(),
            demo_pack(),
            customer,
            Lang::En,
            disclosure,
            NOW,
        )
        .expect("reports")
    }
}

fn customer() -> &'static Customer {
    &data().customers[0]
}

/// A bill dispute worked up to the promise, with the customer's number,
/// name and ID number typed into a note, the statement and a fact.
fn worked_case(deadline: OffsetDateTime, tasks: usize) -> Case {
    let c = customer();
    let mut case = Case::open(Some(c), false);
    case.push(EventBody::StatementTaken {
        text: format!(
            "我是{}，号码 {}，身份证 {}，上个月话费多扣了 58 元",
            c.name, c.msisdn, c.id_number
        ),
    });
    case.push(EventBody::IntentConfirmed {
        intent: "bill_dispute".into(),
        overridden: false,
    });
    case.enter(Stage::Listen);
    case.push(EventBody::NoteAdded {
        text: format!("{} 来电，回拨 {}，账户 {}", c.name, c.msisdn, c.account),
    });
    case.push(EventBody::FactCaptured {
        fact: "disputed_amount".into(),
        value: FactValue::Money(5800),
        source: FactSource::Statement,
    });
    case.push(EventBody::FactCaptured {
        fact: "callback_number".into(),
        value: FactValue::Phone(c.msisdn.clone()),
        source: FactSource::Answer,
    });
    case.enter(Stage::Verify);
    case.attempt("service_password", false);
    case.attempt("id_digits", true);
    case.enter(Stage::Reconstruct);
    case.reveal("records");
    case.enter(Stage::Diagnose);
    case.push(EventBody::CauseConfirmed {
        cause: "vas_subscription".into(),
        suggested: Some("data_overage".into()),
    });
    case.enter(Stage::Resolve);
    case.push(EventBody::SolutionRejected {
        solution: "overage_one_time_credit".into(),
        reason: format!("客户 {} 不接受", c.name),
    });
    case.push(EventBody::SolutionChosen {
        solution: "overage_explain_and_alert".into(),
        escalated_to: Some("billing_back_office".into()),
    });
    case.enter(Stage::Commit);
    case.push(EventBody::CommitmentMade {
        solution: "overage_explain_and_alert".into(),
        text: format!("我们会在期限前回电 {}", c.msisdn),
        lang: Lang::ZhCn,
        deadline,
        contact: "电话".into(),
        tasks: (0..tasks)
            .map(|i| TaskPlan {
                title: Text {
                    zh_cn: format!("任务 {i}"),
                    en: format!("task {i}"),
                },
                owner: "billing_back_office".into(),
                due: deadline,
            })
            .collect(),
    });
    case
}

fn follow_up(solved: bool, comment: &str) -> EventBody {
    EventBody::FollowUpRecorded {
        solved,
        satisfied: solved,
        csat: Some(if solved { 5 } else { 2 }),
        nps: Some(if solved { 9 } else { 3 }),
        comment: comment.into(),
        via: FeedbackVia::Callback,
    }
}

#[test]
fn a_masked_report_names_no_customer_and_a_full_one_does() {
    let c = customer();
    let case = worked_case(OPEN + Duration::days(2), 1);

    let masked = case.report(Some(c), Disclosure::Masked);
    let json = serde_json::to_string(&masked).expect("serialises");
    for (what, value) in [
        ("number", &c.msisdn),
        ("ID number", &c.id_number),
        ("name", &c.name),
        ("account", &c.account),
    ] {
        assert!(!json.contains(value.as_str()), "the {what} leaked: {json}");
    }
    let who = masked.header.customer.as_ref().expect("a customer");
    assert_eq!(who.id, c.id);
    assert_eq!(who.msisdn, Some(care_core::verify::mask_msisdn(&c.msisdn)));
    assert_eq!(masked.header.disclosure, Disclosure::Masked);
    let statement = masked
        .timeline
        .iter()
        .find_map(|e| e.text.as_deref().filter(|t| t.contains("58 元")))
        .expect("the statement is in the timeline");
    assert!(statement.contains(&care_core::verify::mask_msisdn(&c.msisdn)));

    let full = case.report(Some(c), Disclosure::Full);
    let json = serde_json::to_string(&full).expect("serialises");
    for value in [&c.msisdn, &c.id_number, &c.name, &c.account] {
        assert!(json.contains(value.as_str()), "{value} not shown in full");
    }
    assert_eq!(
        full.header.customer.and_then(|x| x.msisdn),
        Some(c.msisdn.clone())
    );
    assert_eq!(full.header.disclosure, Disclosure::Full);
}

#[test]
fn the_timeline_has_one_line_per_event_in_log_order() {
    let case = worked_case(OPEN + Duration::days(2), 1);
    let events = case.events();
    let report = case.report(Some(customer()), Disclosure::Masked);
    assert_eq!(report.timeline.len(), events.len());
    assert_eq!(report.header.event_count, events.len());
    let ids: Vec<EventId> = report.timeline.iter().map(|e| e.event).collect();
    let expected: Vec<EventId> = events.iter().map(|e| e.id).collect();
    assert_eq!(ids, expected);
    assert!(report.timeline.windows(2).all(|w| w[0].at <= w[1].at));
    // Each line knows its stage, and says what happened in words.
    assert_eq!(report.timeline[0].stage, Stage::Intake);
    assert_eq!(report.timeline[0].description, "Case opened (hotline)");
    let last = report.timeline.last().expect("lines");
    assert_eq!(
        (last.stage, last.description.as_str()),
        (Stage::Commit, "Commitment made")
    );

    // Events in another order, with a repeat, make the same report.
    let mut shuffled = events.clone();
    shuffled.reverse();
    shuffled.push(events[3].clone());
    let again = case_report(
        &shuffled,
        demo_pack(),
        Some(customer()),
        Lang::En,
        Disclosure::Masked,
        NOW,
    )
    .expect("reports");
    assert_eq!(again, report);
}

#[test]
fn the_header_and_the_diagnosis_say_what_the_case_says() {
    let case = worked_case(OPEN + Duration::days(2), 1);
    let r = case.report(Some(customer()), Disclosure::Masked);
    assert_eq!(r.header.status, CaseStatus::Open);
    assert_eq!(r.header.status_label, "Open at Commit");
    let intent = r.header.intent.as_ref().expect("an intent");
    assert_eq!(intent.label, "Bill dispute / unexpected charges");
    assert!(!intent.overridden);
    assert!(r.header.practice.is_none());

    let cause = r.diagnosis.cause.as_ref().expect("a cause");
    assert_eq!(cause.label, "Unwanted value-added service");
    assert_eq!(cause.choice, CauseChoice::OverSuggestion);
    assert_eq!(
        cause.suggested_label.as_deref(),
        Some("Usage beyond the plan allowance")
    );
    let amount = &r.diagnosis.facts[0];
    assert_eq!(
        (amount.label.as_str(), amount.value.as_str()),
        ("Disputed amount", "¥58.00")
    );
    assert_eq!(amount.source, FactSource::Statement);
    assert_eq!(r.diagnosis.rejected.len(), 1);
    assert!(!r.diagnosis.rejected[0].reason.contains(&customer().name));
    let solution = r.diagnosis.solution.as_ref().expect("a solution");
    let team = solution.escalated_to.as_ref().expect("escalated");
    assert_eq!(team.label, "Billing back office");

    // In Chinese, labels come from the pack's zh-CN names.
    let zh = case_report(
        &case.events(),
        demo_pack(),
        Some(customer()),
        Lang::ZhCn,
        Disclosure::Masked,
        NOW,
    )
    .expect("reports");
    assert_eq!(
        zh.header.intent.map(|i| i.label).as_deref(),
        Some("账单争议/费用异常")
    );
    assert_eq!(zh.header.status_label, "进行中：承诺");
}

#[test]
fn the_verification_audit_lists_attempts_reveals_and_the_chain() {
    let case = worked_case(OPEN + Duration::days(2), 1);
    let r = case.report(Some(customer()), Disclosure::Masked);
    let v = &r.verification;
    let passes: Vec<(&str, bool)> = v
        .attempts
        .iter()
        .map(|a| (a.method_label.as_str(), a.passed))
        .collect();
    assert_eq!(
        passes,
        [
            ("Service password", false),
            ("Last 6 digits of the holder's ID number", true)
        ]
    );
    assert_eq!(v.reveals.len(), 1);
    assert_eq!(v.reveals[0].level_needed, "basic");
    assert!(v.reveals[0].verified);
    assert_eq!(v.verified_before_reveals, Some(true));
    assert_eq!(v.chain, AuditChain::Intact { links: 3 });

    // A failed attempt turned into a pass afterwards breaks the chain at
    // the next audit event of that device.
    let mut events = case.events();
    let audited: Vec<usize> = (0..events.len())
        .filter(|&i| events[i].body.audit_prev().is_some())
        .collect();
    if let EventBody::VerificationAttempted { passed, .. } = &mut events[audited[0]].body {
        *passed = true;
    }
    let tampered = case_report(
        &events,
        demo_pack(),
        Some(customer()),
        Lang::En,
        Disclosure::Masked,
        NOW,
    )
    .expect("reports");
    assert_eq!(
        tampered.verification.chain,
        AuditChain::Broken {
            event: events[audited[1]].id,
            device: case.device,
        }
    );
    assert!(tampered
        .verification
        .chain_label
        .starts_with("Audit chain broken at event"));
}

#[test]
fn records_shown_before_verification_are_flagged() {
    let mut case = Case::open(Some(customer()), false);
    case.push(EventBody::IntentConfirmed {
        intent: "bill_dispute".into(),
        overridden: false,
    });
    case.enter(Stage::Listen);
    case.enter(Stage::Verify);
    case.attempt("service_password", false);
    case.reveal("bills:B-1");
    case.attempt("service_password", true);
    case.reveal("records");
    let v = case
        .report(Some(customer()), Disclosure::Masked)
        .verification;
    let verified: Vec<bool> = v.reveals.iter().map(|r| r.verified).collect();
    assert_eq!(verified, [false, true]);
    assert_eq!(v.verified_before_reveals, Some(false));
    assert_eq!(v.chain, AuditChain::Intact { links: 4 });
}

#[test]
fn a_promise_is_kept_on_time_kept_late_missed_or_not_yet_due() {
    let deadline = OPEN + Duration::days(2);
    let verdict = |case: &Case, now: OffsetDateTime| {
        case_report(
            &case.events(),
            demo_pack(),
            Some(customer()),
            Lang::En,
            Disclosure::Masked,
            now,
        )
        .expect("reports")
        .commitment
        .expect("a promise")
    };

    // Both tasks done before the deadline.
    let mut on_time = worked_case(deadline, 2);
    on_time.push_at(
        deadline - Duration::hours(5),
        EventBody::TaskDone { task: 1 },
    );
    let last = deadline - Duration::hours(1);
    on_time.push_at(last, EventBody::TaskDone { task: 0 });
    let c = verdict(&on_time, NOW);
    assert_eq!(c.verdict, CommitmentVerdict::KeptOnTime);
    assert_eq!(c.kept_at, Some(last));
    assert_eq!(c.tasks[0].done_at, Some(last));
    assert_eq!(c.deadline, deadline);
    assert!(!c.text.contains(&customer().msisdn), "{}", c.text);

    // The last task done after the deadline.
    let mut late = worked_case(deadline, 2);
    late.push_at(
        deadline - Duration::hours(5),
        EventBody::TaskDone { task: 0 },
    );
    let after = deadline + Duration::hours(3);
    late.push_at(after, EventBody::TaskDone { task: 1 });
    let c = verdict(&late, NOW);
    assert_eq!(c.verdict, CommitmentVerdict::KeptLate);
    assert_eq!(c.kept_at, Some(after));

    // One task still open: not due before the deadline, missed after it.
    let mut open = worked_case(deadline, 2);
    open.push_at(
        deadline - Duration::hours(5),
        EventBody::TaskDone { task: 0 },
    );
    let c = verdict(&open, deadline - Duration::hours(1));
    assert_eq!(c.verdict, CommitmentVerdict::NotYetDue);
    assert_eq!(c.kept_at, None);
    assert_eq!(c.tasks[1].done_at, None);
    assert_eq!(
        verdict(&open, deadline + Duration::minutes(1)).verdict,
        CommitmentVerdict::Missed
    );

    // A promise with no tasks is kept by a follow-up that found it solved.
    let mut no_tasks = worked_case(deadline, 0);
    no_tasks.enter(Stage::FollowUp);
    let called = deadline - Duration::hours(2);
    no_tasks.push_at(called, follow_up(true, "好了"));
    let c = verdict(&no_tasks, NOW);
    assert_eq!(
        (c.verdict, c.kept_at),
        (CommitmentVerdict::KeptOnTime, Some(called))
    );
}

#[test]
fn a_reopened_case_shows_the_reopening_and_both_follow_up_rounds() {
    let c = customer();
    let mut case = worked_case(OPEN + Duration::days(2), 0);
    case.enter(Stage::FollowUp);
    case.push(follow_up(false, &format!("{} 说还是多扣", c.name)));
    case.push(EventBody::CaseReopened {
        reason: format!("回拨 {} 时客户说问题还在", c.msisdn),
    });
    case.push(EventBody::CauseConfirmed {
        cause: "vas_subscription".into(),
        suggested: Some("vas_subscription".into()),
    });
    case.enter(Stage::Resolve);
    case.push(EventBody::SolutionChosen {
        solution: "overage_explain_and_alert".into(),
        escalated_to: None,
    });
    case.enter(Stage::Commit);
    case.enter(Stage::FollowUp);
    case.push(follow_up(true, "解决了"));
    case.push(EventBody::CaseArchived);

    let r = case.report(Some(c), Disclosure::Masked);
    assert_eq!(r.header.status, CaseStatus::Archived { solved: true });
    assert_eq!(r.header.reopened, 1);
    assert_eq!(r.header.status_label, "Archived (solved); reopened once");
    assert_eq!(r.follow_up.reopenings.len(), 1);
    assert!(r.follow_up.reopenings[0].reason.contains("问题还在"));
    assert!(!r.follow_up.reopenings[0].reason.contains(&c.msisdn));
    let rounds: Vec<(usize, bool, Option<u8>)> = r
        .follow_up
        .rounds
        .iter()
        .map(|f| (f.round, f.solved, f.csat))
        .collect();
    assert_eq!(rounds, [(1, false, Some(2)), (2, true, Some(5))]);
    assert!(!r.follow_up.rounds[0].comment.contains(&c.name));
    assert_eq!(r.follow_up.rounds[1].via_label, "Callback");
    // The cause in force is the second one, this time the top suggestion;
    // the promise was set aside by the reopening.
    let cause = r.diagnosis.cause.expect("a cause");
    assert_eq!(cause.choice, CauseChoice::TopSuggestion);
    assert!(r.commitment.is_none());
    // The reopening is in the timeline, back at diagnose.
    let line = r
        .timeline
        .iter()
        .find(|e| e.description == "Reopened")
        .expect("the reopening");
    assert_eq!(line.stage, Stage::Diagnose);
}

#[test]
fn a_training_case_says_it_is_practice() {
    let mut case = Case::open(Some(customer()), true);
    case.enter(Stage::Listen);
    let r = case.report(Some(customer()), Disclosure::Masked);
    let practice = r.header.practice.expect("practice");
    assert_eq!(practice.scenario, "bill-spike-easy");
    assert!(practice.notice.contains("Practice"));
}

#[test]
fn another_customers_data_is_refused() {
    let case = worked_case(OPEN + Duration::days(2), 1);
    let other = &data().customers[1];
    assert!(matches!(
        case_report(
            &case.events(),
            demo_pack(),
            Some(other),
            Lang::En,
            Disclosure::Full,
            NOW
        ),
        Err(ReportError::WrongCustomer { .. })
    ));
}

#[test]
fn a_log_that_does_not_fold_is_damaged() {
    let report = |events: &[Event]| {
        case_report(
            events,
            demo_pack(),
            None,
            Lang::ZhCn,
            Disclosure::Masked,
            NOW,
        )
    };
    assert!(matches!(report(&[]), Err(ReportError::Damaged(_))));
    let case = worked_case(OPEN + Duration::days(2), 1);
    let headless: Vec<Event> = case.events().into_iter().skip(1).collect();
    assert!(matches!(report(&headless), Err(ReportError::Damaged(_))));
}

fn archive() -> &'static Vec<Vec<Event>> {
    static CASES: OnceLock<Vec<Vec<Event>>> = OnceLock::new();
    CASES.get_or_init(|| {
        let device = DeviceId::from_uuid(IdSource::new().next(1_764_000_000_000, 0xE7));
        generate_archive(
            &ArchiveSpec {
                seed: 43,
                cases: 800,
                now: NOW,
                days: 60,
                device,
            },
            demo_pack(),
            data(),
        )
    })
}

#[test]
fn every_case_of_the_demo_archive_is_reported_in_both_languages() {
    let (mut reopened, mut judged, mut reveals) = (0, 0, 0);
    for (n, case) in archive().iter().enumerate() {
        let state = CaseState::fold(case.iter()).expect("folds");
        let customer = state.customer.as_ref().and_then(|id| data().customer(id));
        for lang in [Lang::ZhCn, Lang::En] {
            let r = case_report(case, demo_pack(), customer, lang, Disclosure::Masked, NOW)
                .unwrap_or_else(|e| panic!("case {n}: {e}"));
            assert_eq!(r.timeline.len(), case.len(), "case {n}");
            assert!(
                matches!(r.verification.chain, AuditChain::Intact { .. }),
                "case {n}"
            );
            if let Some(c) = customer {
                let json = serde_json::to_string(&r).expect("serialises");
                assert!(!json.contains(&c.msisdn), "case {n}: the number leaked");
                assert!(!json.contains(&c.id_number), "case {n}: the ID leaked");
            }
            if lang == Lang::ZhCn {
                reopened += usize::from(r.header.reopened > 0);
                judged += usize::from(r.commitment.is_some());
                reveals += r.verification.reveals.len();
            }
        }
    }
    // The archive exercises the sections, not only the header.
    assert!(
        reopened > 0 && judged > 100 && reveals > 100,
        "{reopened} {judged} {reveals}"
    );
}

#[test]
fn the_promise_verdicts_add_up_to_the_commitments_met_metric() {
    let (mut met, mut judged, mut not_due) = (0, 0, 0);
    for case in archive() {
        let r = case_report(case, demo_pack(), None, Lang::En, Disclosure::Masked, NOW)
            .expect("reports");
        match r.commitment.map(|c| c.verdict) {
            Some(CommitmentVerdict::KeptOnTime) => (met, judged) = (met + 1, judged + 1),
            Some(CommitmentVerdict::KeptLate | CommitmentVerdict::Missed) => judged += 1,
            Some(CommitmentVerdict::NotYetDue) => not_due += 1,
            None => {}
        }
    }
    let offset = BusinessCalendar::from_pack(&demo_pack().calendar)
        .expect("the demo calendar")
        .offset();
    let total = Casebook::new(archive(), offset)
        .metrics(&Filter::default(), GroupBy::None, NOW)
        .total;
    assert_eq!(
        (total.commitments_met, total.commitments_not_due),
        (
            Rate {
                hits: met,
                of: judged
            },
            not_due
        )
    );
    assert!(met > 100 && judged > met, "{met} of {judged}");
}

#[test]
fn a_full_report_shown_later_is_audited_apart_from_the_conversations_reveals() {
    // A quick case never verified: nothing was revealed during the call.
    let mut case = Case::open(Some(customer()), false);
    case.push(EventBody::IntentConfirmed {
        intent: "bill_dispute".into(),
        overridden: false,
    });
    case.push(EventBody::CaseArchived);
    // Days later a team lead shows the report in full.
    let shown = case.reveal(care_core::report::FULL_REPORT_REVEAL);
    let report = case.report(Some(customer()), Disclosure::Masked);
    let v = &report.verification;
    assert!(v.reveals.is_empty(), "{:?}", v.reveals);
    assert_eq!(v.verified_before_reveals, None);
    assert_eq!(v.full_reports.len(), 1);
    assert_eq!(v.full_reports[0].event, shown);
    assert_eq!(v.chain, AuditChain::Intact { links: 1 });
    // The timeline names it in words.
    let line = report
        .timeline
        .iter()
        .find(|e| e.event == shown)
        .expect("on the timeline");
    assert_eq!(
        line.description,
        "Opened the case report with personal data in full"
    );
}

#[test]
fn a_promise_taking_effect_at_once_is_on_time_when_kept_during_the_contact() {
    let judge = |case: &Case| {
        case_report(
            &case.events(),
            demo_pack(),
            Some(customer()),
            Lang::En,
            Disclosure::Masked,
            NOW,
        )
        .expect("reports")
        .commitment
        .expect("a promise")
        .verdict
    };
    // Its deadline is before the promise was made: "at once".
    let mut during = worked_case(OPEN, 1);
    during.push(EventBody::TaskDone { task: 0 });
    assert_eq!(judge(&during), CommitmentVerdict::KeptOnTime);
    let mut after = worked_case(OPEN, 1);
    let at = after.at + Duration::hours(2);
    after.push_at(at, EventBody::TaskDone { task: 0 });
    assert_eq!(judge(&after), CommitmentVerdict::KeptLate);
}
