//! Team-lead metrics over hand-built case logs whose answers are worked
//! out by hand, and invariants over the demo archive.

mod common;

use care_core::case::TaskPlan;
use care_core::commit::BusinessCalendar;
use care_core::customer::CustomerId;
use care_core::demo_data::archive::{generate_archive, ArchiveSpec};
use care_core::insight::{
    funnel, metrics, metrics_csv, Casebook, Csat, Filter, GroupBy, HandleTime, Nps, Rate, Report,
    Row, ALL_KEY, HANDLED_STAGES,
};
use care_core::{
    CaseId, Channel, DeviceId, Event, EventBody, EventId, IdSource, Lang, Stage, Text, TrainingRef,
};
use common::{data, demo_pack, NOW};
use time::macros::{date, datetime};
use time::{Duration, OffsetDateTime, UtcOffset};
use uuid::Uuid;

// ---- building logs

fn min(n: i64) -> Duration {
    Duration::minutes(n)
}

/// Many cases, with ids from one source as one device would write them.
struct Book {
    ids: IdSource,
    n: u128,
    device: DeviceId,
    logs: Vec<Vec<Event>>,
}

impl Book {
    fn new() -> Book {
        let mut ids = IdSource::new();
        let device = DeviceId::from_uuid(ids.next(1_700_000_000_000, 0xD1));
        Book {
            ids,
            n: 0,
            device,
            logs: Vec::new(),
        }
    }

    fn id(&mut self, at: OffsetDateTime) -> Uuid {
        self.n += 1;
        let ms = (at.unix_timestamp_nanos() / 1_000_000) as u64;
        self.ids.next(ms, self.n * 7919)
    }

    /// A case opened at `at`, then `steps` in order (the fold's order).
    fn case(
        &mut self,
        at: OffsetDateTime,
        channel: Channel,
        customer: Option<&str>,
        training: bool,
        steps: Vec<(OffsetDateTime, EventBody)>,
    ) -> CaseId {
        let case = CaseId::from_uuid(self.id(at));
        let opening = EventBody::CaseOpened {
            agent: None,
            channel,
            customer: customer.map(CustomerId::new),
            training: training.then(|| TrainingRef {
                scenario: "bill_shock".into(),
                trainee: "p-1".into(),
                lang: Lang::ZhCn,
            }),
        };
        let mut log = Vec::new();
        for (t, body) in std::iter::once((at, opening)).chain(steps) {
            let id = EventId::from_uuid(self.id(t));
            log.push(Event {
                id,
                case,
                device: self.device,
                at: t,
                body,
            });
        }
        self.logs.push(log);
        case
    }
}

fn intent(id: &str) -> EventBody {
    EventBody::IntentConfirmed {
        intent: id.into(),
        overridden: false,
    }
}

fn enter(stage: Stage) -> EventBody {
    EventBody::StageEntered { stage }
}

fn quick() -> EventBody {
    EventBody::QuickAnswerGiven {
        answer: "answered".into(),
    }
}

fn cause() -> EventBody {
    EventBody::CauseConfirmed {
        cause: "some_cause".into(),
        suggested: None,
    }
}

fn solution(team: Option<&str>) -> EventBody {
    EventBody::SolutionChosen {
        solution: "some_solution".into(),
        escalated_to: team.map(str::to_owned),
    }
}

fn commitment(deadline: OffsetDateTime, tasks: usize) -> EventBody {
    EventBody::CommitmentMade {
        solution: "some_solution".into(),
        text: "we call you back".into(),
        lang: Lang::En,
        deadline,
        contact: "13800000000".into(),
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
    }
}

fn task(task: usize) -> EventBody {
    EventBody::TaskDone { task }
}

fn follow_up(solved: bool, csat: Option<u8>, nps: Option<u8>) -> EventBody {
    EventBody::FollowUpRecorded {
        solved,
        satisfied: solved,
        csat,
        nps,
        comment: String::new(),
        via: care_core::case::FeedbackVia::Callback,
    }
}

fn reopen() -> EventBody {
    EventBody::CaseReopened {
        reason: "still broken".into(),
    }
}

fn archived() -> EventBody {
    EventBody::CaseArchived
}

/// The demo pack's calendar: +08:00, with 2026-10-01 a public holiday.
fn calendar() -> BusinessCalendar {
    BusinessCalendar::from_pack(&demo_pack().calendar).expect("the demo calendar")
}

fn offset() -> UtcOffset {
    calendar().offset()
}

/// The hand-built cases (local times are +08:00):
///
/// - A 11-02 09:00 hotline C1 balance_enquiry: quick answer after 2 min;
///   a repeat (E, 6 days later), so not first-contact.
/// - B 11-02 10:00 app C2 bill_dispute: promised after 19 min, two tasks
///   done in time while waiting at commit, solved at the follow-up three
///   days later (csat 5, nps 10); F comes 8 days later, not a repeat; the
///   training case G two days later does not count.
/// - C 11-03 09:00 hotline C3 no_signal: escalated, not solved (csat 2,
///   nps 3), reopened, solved the second time (csat 4, nps 8).
/// - D 10-01 23:50 (a holiday) WeChat C4 roaming_charges: quick answer
///   after midnight, 30 min.
/// - E 11-08 09:00 (a Sunday) hotline C1 balance_enquiry: quick answer in 1 min.
/// - F 11-10 10:00 store C2 bill_dispute: still open at diagnose.
/// - G 11-04 11:00 hotline C2 bill_dispute: a training session.
/// - H 11-05 14:00 web, no customer, slow_data: task done late, not
///   solved (csat 4, nps 7).
/// - I 11-24 09:00 hotline C5 bill_dispute: escalated, promised after 13
///   min and waiting at commit, its one task not done, deadline 11-27 18:00.
/// - J 11-04 06:30 (11-03 in UTC) SMS, no customer, no intent: quick answer in 3 min.
///
/// And two logs that do not fold.
fn book() -> Book {
    let mut b = Book::new();

    let t = datetime!(2026-11-02 09:00 +8);
    b.case(
        t,
        Channel::Hotline,
        Some("C1"),
        false,
        vec![
            (t + min(1), intent("balance_enquiry")),
            (t + min(2), quick()),
        ],
    );

    let t = datetime!(2026-11-02 10:00 +8);
    b.case(
        t,
        Channel::App,
        Some("C2"),
        false,
        vec![
            (t + min(1), intent("bill_dispute")),
            (t + min(2), enter(Stage::Listen)),
            (t + min(5), enter(Stage::Verify)),
            (t + min(7), enter(Stage::Reconstruct)),
            (t + min(10), enter(Stage::Diagnose)),
            (t + min(12), cause()),
            (t + min(14), enter(Stage::Resolve)),
            (t + min(15), solution(None)),
            (t + min(18), enter(Stage::Commit)),
            (t + min(19), commitment(datetime!(2026-11-04 18:00 +8), 2)),
            (datetime!(2026-11-03 10:00 +8), task(0)),
            (datetime!(2026-11-04 17:00 +8), task(1)),
            (datetime!(2026-11-05 09:58 +8), enter(Stage::FollowUp)),
            (
                datetime!(2026-11-05 10:00 +8),
                follow_up(true, Some(5), Some(10)),
            ),
            (datetime!(2026-11-05 10:05 +8), archived()),
        ],
    );

    let t = datetime!(2026-11-03 09:00 +8);
    b.case(
        t,
        Channel::Hotline,
        Some("C3"),
        false,
        vec![
            (t + min(1), intent("no_signal")),
            (t + min(1), enter(Stage::Listen)),
            (t + min(2), enter(Stage::Verify)),
            (t + min(3), enter(Stage::Reconstruct)),
            (t + min(4), enter(Stage::Diagnose)),
            (t + min(4), cause()),
            (t + min(5), enter(Stage::Resolve)),
            (t + min(5), solution(Some("network_ops"))),
            (t + min(6), enter(Stage::Commit)),
            (t + min(6), commitment(datetime!(2026-11-05 18:00 +8), 0)),
            (t + min(7), enter(Stage::FollowUp)),
            (
                datetime!(2026-11-04 10:00 +8),
                follow_up(false, Some(2), Some(3)),
            ),
            (datetime!(2026-11-04 10:05 +8), reopen()),
            (datetime!(2026-11-04 10:15 +8), cause()),
            (datetime!(2026-11-04 10:20 +8), enter(Stage::Resolve)),
            (
                datetime!(2026-11-04 10:20 +8),
                solution(Some("network_ops")),
            ),
            (datetime!(2026-11-04 10:25 +8), enter(Stage::Commit)),
            (
                datetime!(2026-11-04 10:25 +8),
                commitment(datetime!(2026-11-06 18:00 +8), 0),
            ),
            (datetime!(2026-11-04 10:30 +8), enter(Stage::FollowUp)),
            (
                datetime!(2026-11-06 09:00 +8),
                follow_up(true, Some(4), Some(8)),
            ),
            (datetime!(2026-11-06 09:05 +8), archived()),
        ],
    );

    let t = datetime!(2026-10-01 23:50 +8);
    b.case(
        t,
        Channel::WeChat,
        Some("C4"),
        false,
        vec![
            (t + min(1), intent("roaming_charges")),
            (datetime!(2026-10-02 00:20 +8), quick()),
        ],
    );

    let t = datetime!(2026-11-08 09:00 +8);
    b.case(
        t,
        Channel::Hotline,
        Some("C1"),
        false,
        vec![
            (t + Duration::seconds(30), intent("balance_enquiry")),
            (t + min(1), quick()),
        ],
    );

    let t = datetime!(2026-11-10 10:00 +8);
    b.case(
        t,
        Channel::Store,
        Some("C2"),
        false,
        vec![
            (t + min(1), intent("bill_dispute")),
            (t + min(3), enter(Stage::Listen)),
            (t + min(6), enter(Stage::Verify)),
            (t + min(10), enter(Stage::Reconstruct)),
            (t + min(15), enter(Stage::Diagnose)),
        ],
    );

    let t = datetime!(2026-11-04 11:00 +8);
    b.case(
        t,
        Channel::Hotline,
        Some("C2"),
        true,
        vec![
            (t + min(1), intent("bill_dispute")),
            (t + min(2), enter(Stage::Listen)),
            (t + min(3), enter(Stage::Verify)),
            (t + min(4), enter(Stage::Reconstruct)),
            (t + min(5), enter(Stage::Diagnose)),
            (t + min(6), enter(Stage::Resolve)),
            (t + min(6), solution(Some("billing_back_office"))),
            (t + min(7), enter(Stage::Commit)),
            (t + min(7), commitment(datetime!(2026-11-05 18:00 +8), 1)),
            (t + min(8), enter(Stage::FollowUp)),
            (t + min(9), follow_up(false, Some(1), Some(0))),
            (t + min(10), archived()),
        ],
    );

    let t = datetime!(2026-11-05 14:00 +8);
    b.case(
        t,
        Channel::Web,
        None,
        false,
        vec![
            (t + min(1), intent("slow_data")),
            (t + min(1), enter(Stage::Listen)),
            (t + min(2), enter(Stage::Verify)),
            (t + min(3), enter(Stage::Reconstruct)),
            (t + min(4), enter(Stage::Diagnose)),
            (t + min(5), enter(Stage::Resolve)),
            (t + min(5), solution(None)),
            (t + min(6), enter(Stage::Commit)),
            (t + min(6), commitment(datetime!(2026-11-06 18:00 +8), 1)),
            (t + min(7), enter(Stage::FollowUp)),
            (datetime!(2026-11-07 10:00 +8), task(0)),
            (
                datetime!(2026-11-09 10:00 +8),
                follow_up(false, Some(4), Some(7)),
            ),
            (datetime!(2026-11-09 10:01 +8), archived()),
        ],
    );

    let t = datetime!(2026-11-24 09:00 +8);
    b.case(
        t,
        Channel::Hotline,
        Some("C5"),
        false,
        vec![
            (t + min(1), intent("bill_dispute")),
            (t + min(2), enter(Stage::Listen)),
            (t + min(4), enter(Stage::Verify)),
            (t + min(6), enter(Stage::Reconstruct)),
            (t + min(8), enter(Stage::Diagnose)),
            (t + min(10), enter(Stage::Resolve)),
            (t + min(10), solution(Some("billing_back_office"))),
            (t + min(12), enter(Stage::Commit)),
            (t + min(13), commitment(datetime!(2026-11-27 18:00 +8), 1)),
        ],
    );

    let t = datetime!(2026-11-04 06:30 +8);
    b.case(t, Channel::Sms, None, false, vec![(t + min(3), quick())]);

    // Two logs that are no case: empty, and without an opening.
    b.logs.push(Vec::new());
    let stray = Event {
        id: EventId::from_uuid(b.id(t)),
        case: CaseId::from_uuid(b.id(t)),
        device: b.device,
        at: t,
        body: enter(Stage::Listen),
    };
    b.logs.push(vec![stray]);
    b
}

fn all(group: GroupBy) -> Report {
    metrics(&book().logs, &Filter::default(), group, offset(), NOW)
}

fn keys(report: &Report) -> Vec<(&str, usize)> {
    report
        .rows
        .iter()
        .map(|r| (r.key.as_str(), r.cases))
        .collect()
}

fn rate(hits: usize, of: usize) -> Rate {
    Rate { hits, of }
}

fn stages(secs: [Option<u64>; 7]) -> Vec<(Stage, Option<u64>)> {
    HANDLED_STAGES.into_iter().zip(secs).collect()
}

// ---- the whole book

#[test]
fn every_metric_of_the_whole_book() {
    let r = all(GroupBy::None);
    assert_eq!(r.skipped, 2);
    assert_eq!(r.rows.len(), 1);
    assert_eq!(r.rows[0], r.total);
    let t = &r.total;
    assert_eq!(t.key, ALL_KEY);
    assert_eq!(t.cases, 9, "G, the training session, is not counted");
    // Closed at least once: A B C D E H J. First contact: B D E J (A has a
    // repeat, C was reopened, H was not solved).
    assert_eq!(t.fcr, rate(4, 7));
    assert_eq!(t.fcr.percent(), Some(57));
    assert_eq!(t.reopen, rate(1, 7));
    assert_eq!(t.reopen.percent(), Some(14));
    // With a customer and an intent: A B C D E F I; A has a repeat.
    assert_eq!(t.repeat_contact, rate(1, 7));
    // A solution chosen: B C H I; escalated: C I.
    assert_eq!(t.escalation, rate(2, 4));
    assert_eq!(t.escalation.percent(), Some(50));
    // B and C kept in time, H late, I not due yet.
    assert_eq!(t.commitments_met, rate(2, 3));
    assert_eq!(t.commitments_met.percent(), Some(67));
    assert_eq!(t.commitments_not_due, 1);
    // Handle times, up to the promise: A 120, B 1140, C 360 + 1200 after
    // the reopening, D 1800, E 60, H 360, I 780 (waiting on its promise),
    // J 180; F is still being worked. 6000 / 8.
    assert_eq!(
        t.handle_time,
        HandleTime {
            cases: 8,
            mean_secs: Some(750),
            // Intake 2520, listen 420 (52.5, rounded up), verify 360,
            // reconstruct 420, diagnose 1380, resolve 780, commit 120 (B and
            // I a minute each; C and H promised on entering), over 8.
            by_stage: stages([
                Some(315),
                Some(53),
                Some(45),
                Some(53),
                Some(173),
                Some(98),
                Some(15)
            ]),
        }
    );
    // 5, 2, 4 (C's two rounds), 4: 15 / 4 = 3.75, shown as 3.8.
    assert_eq!(
        t.csat,
        Csat {
            answers: 4,
            mean_tenths: Some(38),
            top_two: rate(3, 4),
        }
    );
    // 10, 3, 8, 7: one promoter, one detractor.
    assert_eq!(
        t.nps,
        Nps {
            answers: 4,
            promoters: 1,
            passives: 2,
            detractors: 1,
            score: Some(0),
        }
    );
}

#[test]
fn the_order_of_events_does_not_matter() {
    let mut logs = book().logs;
    for log in &mut logs {
        log.reverse();
    }
    let reversed = metrics(&logs, &Filter::default(), GroupBy::Day, offset(), NOW);
    assert_eq!(reversed, all(GroupBy::Day));
}

#[test]
fn a_commitment_is_judged_once_its_deadline_has_passed() {
    // After I's deadline, with its task still not done.
    let later = datetime!(2026-11-28 09:00 +8);
    let r = metrics(
        &book().logs,
        &Filter::default(),
        GroupBy::None,
        offset(),
        later,
    );
    assert_eq!(r.total.commitments_met, rate(2, 4));
    assert_eq!(r.total.commitments_not_due, 0);
}

#[test]
fn commitments_kept_late_early_or_set_aside() {
    let mut b = Book::new();
    let t = datetime!(2026-11-16 09:00 +8);
    let deadline = datetime!(2026-11-18 18:00 +8);
    let to_commit = |tasks: usize, deadline: OffsetDateTime| {
        vec![
            (t + min(1), enter(Stage::Listen)),
            (t + min(2), enter(Stage::Verify)),
            (t + min(3), enter(Stage::Reconstruct)),
            (t + min(4), enter(Stage::Diagnose)),
            (t + min(5), enter(Stage::Resolve)),
            (t + min(5), solution(None)),
            (t + min(6), enter(Stage::Commit)),
            (t + min(6), commitment(deadline, tasks)),
        ]
    };
    // Its one task done exactly at the deadline: met.
    let mut steps = to_commit(1, deadline);
    steps.push((deadline, task(0)));
    b.case(t, Channel::Hotline, None, false, steps);
    // No tasks, solved at the follow-up before the deadline: met, and
    // judged before the deadline.
    let far = datetime!(2026-12-31 18:00 +8);
    let mut steps = to_commit(0, far);
    steps.push((t + min(7), enter(Stage::FollowUp)));
    steps.push((t + min(60), follow_up(true, None, None)));
    b.case(t, Channel::Hotline, None, false, steps);
    // No tasks, the deadline passed without a follow-up: missed.
    b.case(t, Channel::Hotline, None, false, to_commit(0, deadline));
    // Two tasks, one done, the deadline to come: not due.
    let mut steps = to_commit(2, far);
    steps.push((t + min(30), task(1)));
    b.case(t, Channel::Hotline, None, false, steps);
    // Ticked in time, and again late from another device: the first counts.
    let mut steps = to_commit(1, deadline);
    steps.push((deadline - min(1), task(0)));
    steps.push((deadline + Duration::days(1), task(0)));
    b.case(t, Channel::Hotline, None, false, steps);
    // Promised, then another solution chosen: no commitment in force.
    let mut steps = to_commit(0, deadline);
    steps.push((t + min(8), enter(Stage::Resolve)));
    steps.push((t + min(9), solution(Some("retention"))));
    b.case(t, Channel::Hotline, None, false, steps);

    let now = datetime!(2026-11-20 09:00 +8);
    let r = metrics(&b.logs, &Filter::default(), GroupBy::None, offset(), now);
    assert_eq!(r.total.commitments_met, rate(3, 4));
    assert_eq!(r.total.commitments_not_due, 1);
    assert_eq!(r.total.escalation, rate(1, 6));
}

#[test]
fn a_promise_that_takes_effect_at_once_is_kept_during_the_contact() {
    let mut b = Book::new();
    let t = datetime!(2026-11-16 09:00 +8);
    // "The line is back on now": the deadline is the moment of the promise.
    let at_once = |b: &mut Book, done_after: Option<Duration>| {
        let made = t + min(6);
        let mut steps = vec![
            (t + min(5), solution(None)),
            (t + min(6), enter(Stage::Commit)),
            (made, commitment(made, 1)),
        ];
        steps.extend(done_after.map(|d| (made + d, task(0))));
        b.case(t, Channel::Hotline, None, false, steps);
    };
    // Ticked a minute later, while still on the call: met.
    at_once(&mut b, Some(min(1)));
    // Ticked at the end of the half hour: met.
    at_once(&mut b, Some(min(30)));
    // Ticked two hours later: late.
    at_once(&mut b, Some(Duration::hours(2)));
    // Not ticked, 20 minutes on: not due yet; 40 minutes on: missed.
    at_once(&mut b, None);
    let judged = |now| metrics(&b.logs, &Filter::default(), GroupBy::None, offset(), now).total;
    // The three kept are judged (two on time, one late); the one never
    // kept is not due until its half hour has passed.
    let r = judged(t + min(26));
    assert_eq!((r.commitments_met, r.commitments_not_due), (rate(2, 3), 1));
    let r = judged(t + Duration::hours(3));
    assert_eq!((r.commitments_met, r.commitments_not_due), (rate(2, 4), 0));
}

// ---- edge cases

#[test]
fn a_reopened_case_is_not_first_contact_but_keeps_its_handle_time() {
    let mut b = Book::new();
    let t = datetime!(2026-11-03 09:00 +8);
    let steps = |b: &mut Book, extra: Vec<(OffsetDateTime, EventBody)>| {
        let mut steps = vec![
            (t + min(1), intent("no_signal")),
            (t + min(1), enter(Stage::Listen)),
            (t + min(2), enter(Stage::Verify)),
            (t + min(3), enter(Stage::Reconstruct)),
            (t + min(4), enter(Stage::Diagnose)),
            (t + min(5), enter(Stage::Resolve)),
            (t + min(6), enter(Stage::Commit)),
            (t + min(7), enter(Stage::FollowUp)),
            (t + min(60), follow_up(true, Some(5), None)),
            (t + min(61), archived()),
        ];
        steps.extend(extra);
        b.case(t, Channel::Hotline, None, false, steps);
    };
    // Reopened after the archive, worked again for 10 minutes, still open
    // at commit: no handle time, but first-contact and reopen count it.
    steps(
        &mut b,
        vec![
            (t + Duration::days(2), reopen()),
            (t + Duration::days(2) + min(10), enter(Stage::Resolve)),
            (t + Duration::days(2) + min(15), enter(Stage::Commit)),
        ],
    );
    let r = metrics(&b.logs, &Filter::default(), GroupBy::None, offset(), NOW);
    assert_eq!(r.total.fcr, rate(0, 1));
    assert_eq!(r.total.reopen, rate(1, 1));
    assert_eq!(r.total.handle_time.cases, 0);
    assert_eq!(r.total.csat.answers, 1, "the first round's answer counts");

    // Then back at follow-up: the handle time is the first 7 minutes plus
    // the 17 after the reopening; the two days closed are not counted.
    let mut b = Book::new();
    steps(
        &mut b,
        vec![
            (t + Duration::days(2), reopen()),
            (t + Duration::days(2) + min(10), enter(Stage::Resolve)),
            (t + Duration::days(2) + min(15), enter(Stage::Commit)),
            (t + Duration::days(2) + min(17), enter(Stage::FollowUp)),
        ],
    );
    let r = metrics(&b.logs, &Filter::default(), GroupBy::None, offset(), NOW);
    assert_eq!(r.total.fcr, rate(0, 1));
    assert_eq!(r.total.reopen, rate(1, 1));
    assert_eq!(r.total.handle_time.mean_secs, Some(24 * 60));
    assert_eq!(
        r.total.handle_time.by_stage,
        stages([
            Some(60),
            Some(60),
            Some(60),
            Some(60),
            Some(60 + 600),
            Some(60 + 300),
            Some(60 + 120)
        ])
    );
}

#[test]
fn the_time_a_case_lies_closed_is_not_handle_time() {
    // Archived from commit (no follow-up), reopened two days later, then
    // worked to follow-up: 7 minutes, then 17; never the two days.
    let mut b = Book::new();
    let t = datetime!(2026-11-03 09:00 +8);
    let back = t + Duration::days(2);
    b.case(
        t,
        Channel::Hotline,
        None,
        false,
        vec![
            (t + min(1), enter(Stage::Listen)),
            (t + min(2), enter(Stage::Verify)),
            (t + min(3), enter(Stage::Reconstruct)),
            (t + min(4), enter(Stage::Diagnose)),
            (t + min(5), enter(Stage::Resolve)),
            (t + min(6), enter(Stage::Commit)),
            (t + min(7), archived()),
            (back, reopen()),
            (back + min(10), enter(Stage::Resolve)),
            (back + min(15), enter(Stage::Commit)),
            (back + min(17), enter(Stage::FollowUp)),
        ],
    );
    let r = metrics(&b.logs, &Filter::default(), GroupBy::None, offset(), NOW);
    assert_eq!(r.total.handle_time.mean_secs, Some(24 * 60));
    assert_eq!(
        r.total.handle_time.by_stage,
        stages([
            Some(60),
            Some(60),
            Some(60),
            Some(60),
            Some(60 + 600),
            Some(60 + 300),
            Some(60 + 120)
        ])
    );
    // Archived without a follow-up: closed, not solved.
    assert_eq!(r.total.fcr, rate(0, 1));
    assert_eq!(r.total.reopen, rate(1, 1));
}

#[test]
fn a_promise_stops_the_clock_until_the_work_resumes() {
    let t = datetime!(2026-11-16 09:00 +8);
    let later = t + Duration::days(3);
    let deadline = datetime!(2026-11-30 18:00 +8);
    let to_commit = || {
        vec![
            (t + min(1), enter(Stage::Listen)),
            (t + min(2), enter(Stage::Verify)),
            (t + min(3), enter(Stage::Reconstruct)),
            (t + min(4), enter(Stage::Diagnose)),
            (t + min(5), enter(Stage::Resolve)),
            (t + min(5), solution(None)),
            (t + min(6), enter(Stage::Commit)),
            (t + min(8), commitment(deadline, 0)),
        ]
    };
    let handle = |steps: Vec<(OffsetDateTime, EventBody)>| {
        let mut b = Book::new();
        b.case(t, Channel::Hotline, None, false, steps);
        metrics(&b.logs, &Filter::default(), GroupBy::None, offset(), NOW)
            .total
            .handle_time
    };
    // Promised after 2 minutes at commit: handled, whatever the wait.
    assert_eq!(
        handle(to_commit()),
        HandleTime {
            cases: 1,
            mean_secs: Some(6 * 60 + 120),
            by_stage: stages([
                Some(60),
                Some(60),
                Some(60),
                Some(60),
                Some(60),
                Some(60),
                Some(120)
            ]),
        }
    );
    // Three days later another solution, at commit: the clock runs again
    // until the new promise 5 minutes later.
    let mut steps = to_commit();
    steps.push((later, solution(Some("retention"))));
    assert_eq!(handle(steps.clone()).cases, 0, "being worked again");
    steps.push((later + min(5), commitment(deadline, 0)));
    let h = handle(steps);
    assert_eq!(h.mean_secs, Some(6 * 60 + 120 + 300));
    assert_eq!(h.by_stage[6], (Stage::Commit, Some(420)));
    // Back from commit to resolve three days later, 4 minutes there, then
    // 2 more at commit before promising again.
    let mut steps = to_commit();
    steps.push((later, enter(Stage::Resolve)));
    steps.push((later + min(4), enter(Stage::Commit)));
    steps.push((later + min(6), commitment(deadline, 0)));
    let h = handle(steps);
    assert_eq!(h.by_stage[5], (Stage::Resolve, Some(60 + 240)));
    assert_eq!(h.by_stage[6], (Stage::Commit, Some(120 + 120)));
    assert_eq!(h.mean_secs, Some(5 * 60 + 300 + 240));
}

#[test]
fn a_case_belongs_to_its_opening_day_in_the_calendars_offset() {
    let cal = calendar();
    assert_eq!(cal.offset(), UtcOffset::from_hms(8, 0, 0).expect("+8"));
    assert!(!cal.is_working_day(date!(2026 - 10 - 01)), "a holiday");
    let r = all(GroupBy::Day);
    assert_eq!(
        keys(&r),
        vec![
            // D: opened 23:50 on the holiday, answered after midnight.
            ("2026-10-01", 1),
            ("2026-11-02", 2),
            ("2026-11-03", 1),
            // J: 06:30 local is still 11-03 in UTC.
            ("2026-11-04", 1),
            ("2026-11-05", 1),
            ("2026-11-08", 1),
            ("2026-11-10", 1),
            ("2026-11-24", 1),
        ]
    );
    let d = &r.rows[0];
    assert_eq!(d.handle_time.mean_secs, Some(1800));
    assert_eq!(d.fcr, rate(1, 1));
    // In UTC, J would fall on 11-03 with C.
    let utc = metrics(
        &book().logs,
        &Filter::default(),
        GroupBy::Day,
        UtcOffset::UTC,
        NOW,
    );
    assert!(keys(&utc).contains(&("2026-11-03", 2)));
}

#[test]
fn one_day_row_in_full() {
    let r = all(GroupBy::Day);
    let row = r.rows.iter().find(|r| r.key == "2026-11-02").expect("A, B");
    assert_eq!(
        row,
        &Row {
            key: "2026-11-02".into(),
            cases: 2,
            fcr: rate(1, 2),
            handle_time: HandleTime {
                cases: 2,
                mean_secs: Some(630),
                by_stage: stages([
                    Some(120),
                    Some(90),
                    Some(60),
                    Some(90),
                    Some(120),
                    Some(120),
                    Some(30)
                ]),
            },
            csat: Csat {
                answers: 1,
                mean_tenths: Some(50),
                top_two: rate(1, 1),
            },
            nps: Nps {
                answers: 1,
                promoters: 1,
                passives: 0,
                detractors: 0,
                score: Some(100),
            },
            // A's repeat, E, is on another day: it still counts.
            repeat_contact: rate(1, 2),
            escalation: rate(0, 1),
            commitments_met: rate(1, 1),
            commitments_not_due: 0,
            reopen: rate(0, 2),
        }
    );
}

#[test]
fn a_repeat_within_seven_days_counts_and_after_it_does_not() {
    let mut b = Book::new();
    let t = datetime!(2026-11-02 09:00 +8);
    let quick_case = |b: &mut Book, at: OffsetDateTime, customer: &str, i: &str| {
        b.case(
            at,
            Channel::Hotline,
            Some(customer),
            false,
            vec![(at + min(1), intent(i)), (at + min(2), quick())],
        );
    };
    // C1: again on day 6, and on day 14 (8 days after the second).
    quick_case(&mut b, t, "C1", "balance_enquiry");
    quick_case(&mut b, t + Duration::days(6), "C1", "balance_enquiry");
    quick_case(&mut b, t + Duration::days(14), "C1", "balance_enquiry");
    // C2: again on day 8 only.
    quick_case(&mut b, t, "C2", "balance_enquiry");
    quick_case(&mut b, t + Duration::days(8), "C2", "balance_enquiry");
    // C3: again on day 2, with another intent: not a repeat.
    quick_case(&mut b, t, "C3", "balance_enquiry");
    quick_case(&mut b, t + Duration::days(2), "C3", "bill_dispute");
    // C4: again exactly 7 days later: a repeat.
    quick_case(&mut b, t, "C4", "balance_enquiry");
    quick_case(&mut b, t + Duration::days(7), "C4", "balance_enquiry");
    let r = metrics(&b.logs, &Filter::default(), GroupBy::None, offset(), NOW);
    assert_eq!(r.total.repeat_contact, rate(2, 9));
    assert_eq!(r.total.fcr, rate(7, 9));
}

#[test]
fn training_sessions_count_nowhere() {
    let mut b = Book::new();
    let t = datetime!(2026-11-02 09:00 +8);
    b.case(
        t,
        Channel::Hotline,
        Some("C1"),
        true,
        vec![
            (t + min(1), intent("balance_enquiry")),
            (t + min(2), quick()),
        ],
    );
    let book = Casebook::new(&b.logs, offset());
    assert_eq!((book.len(), book.skipped()), (0, 0));
    let r = book.metrics(&Filter::default(), GroupBy::None, NOW);
    assert_eq!(r.total.cases, 0);
    assert_eq!(r.total.fcr, rate(0, 0));
    assert_eq!(r.total.fcr.percent(), None);
    assert_eq!(r.total.handle_time.mean_secs, None);
    assert_eq!(r.total.nps.score, None);
    assert!(book
        .metrics(&Filter::default(), GroupBy::Day, NOW)
        .rows
        .is_empty());
    assert!(book.funnel(&Filter::default()).iter().all(|(_, n)| *n == 0));

    // In the big book, G would have made B a repeat and added a csat of 1,
    // an escalation and a missed commitment: every_metric_of_the_whole_book.
    let full = all(GroupBy::EscalationTeam);
    assert_eq!(
        keys(&full),
        vec![("", 7), ("billing_back_office", 1), ("network_ops", 1)]
    );
}

#[test]
fn an_open_case_has_no_handle_time() {
    let r = all(GroupBy::Day);
    let f = r.rows.iter().find(|r| r.key == "2026-11-10").expect("F");
    assert_eq!(f.cases, 1);
    assert_eq!(
        f.handle_time,
        HandleTime {
            cases: 0,
            mean_secs: None,
            by_stage: stages([None; 7]),
        }
    );
    assert_eq!(f.fcr, rate(0, 0));
    assert_eq!(f.repeat_contact, rate(0, 1));
    // I waits at commit on its promise: its handling is done.
    let i = r.rows.iter().find(|r| r.key == "2026-11-24").expect("I");
    assert_eq!(i.handle_time.mean_secs, Some(780));
}

#[test]
fn survey_arithmetic_rounds_to_the_nearest() {
    let mut b = Book::new();
    let t = datetime!(2026-11-02 09:00 +8);
    let answers = [
        (Some(4), Some(10)),
        (Some(5), Some(0)),
        (Some(5), Some(0)),
        (None, Some(7)),
        (None, Some(7)),
        (None, Some(8)),
        (None, Some(8)),
        (None, Some(7)),
        // Not written by this app: ignored.
        (Some(0), Some(11)),
        (Some(6), None),
    ];
    for (csat, nps) in answers {
        let steps = vec![
            (t + min(1), enter(Stage::Listen)),
            (t + min(2), enter(Stage::Verify)),
            (t + min(3), enter(Stage::Reconstruct)),
            (t + min(4), enter(Stage::Diagnose)),
            (t + min(5), enter(Stage::Resolve)),
            (t + min(6), enter(Stage::Commit)),
            (t + min(7), enter(Stage::FollowUp)),
            (t + min(8), follow_up(true, csat, nps)),
        ];
        b.case(t, Channel::Hotline, None, false, steps);
    }
    let r = metrics(&b.logs, &Filter::default(), GroupBy::None, offset(), NOW);
    // 14 / 3 = 4.67: 4.7.
    assert_eq!(
        r.total.csat,
        Csat {
            answers: 3,
            mean_tenths: Some(47),
            top_two: rate(3, 3),
        }
    );
    // 1 promoter, 2 detractors of 8: 12.5 − 25 = −12.5, away from zero.
    assert_eq!(
        r.total.nps,
        Nps {
            answers: 8,
            promoters: 1,
            passives: 5,
            detractors: 2,
            score: Some(-13),
        }
    );
    assert_eq!(rate(1, 8).percent(), Some(13));
    assert_eq!(rate(1, 8).percent_tenths(), Some(125));
    assert_eq!(rate(2, 3).percent(), Some(67));
    assert_eq!(rate(1, 3).percent(), Some(33));
    assert_eq!(rate(0, 0).percent(), None);
}

// ---- grouping and filters

#[test]
fn grouping_by_week_month_intent_and_channel() {
    // ISO weeks start on Monday: E (Sunday 11-08) is in A's week, F
    // (Tuesday 11-10) in the next.
    assert_eq!(
        keys(&all(GroupBy::Week)),
        vec![
            ("2026-W40", 1),
            ("2026-W45", 6),
            ("2026-W46", 1),
            ("2026-W48", 1)
        ]
    );
    assert_eq!(
        keys(&all(GroupBy::Month)),
        vec![("2026-10", 1), ("2026-11", 8)]
    );
    let by_intent = all(GroupBy::Intent);
    assert_eq!(
        keys(&by_intent),
        vec![
            ("", 1),
            ("balance_enquiry", 2),
            ("bill_dispute", 3),
            ("no_signal", 1),
            ("roaming_charges", 1),
            ("slow_data", 1),
        ]
    );
    let bills = &by_intent.rows[2];
    // B, F, I: B closed first-contact; I's escalation; B met, I not due.
    assert_eq!(bills.fcr, rate(1, 1));
    assert_eq!(bills.escalation, rate(1, 2));
    assert_eq!(bills.commitments_met, rate(1, 1));
    assert_eq!(bills.commitments_not_due, 1);
    assert_eq!(bills.handle_time.mean_secs, Some((1140 + 780) / 2));
    let by_channel = all(GroupBy::Channel);
    assert_eq!(
        keys(&by_channel),
        vec![
            ("app", 1),
            ("hotline", 4),
            ("sms", 1),
            ("store", 1),
            ("we_chat", 1),
            ("web", 1),
        ]
    );
    // A, C, E, I.
    let hotline = &by_channel.rows[1];
    assert_eq!(hotline.fcr, rate(1, 3));
    assert_eq!(
        hotline.handle_time.mean_secs,
        Some((120 + 1560 + 60 + 780) / 4)
    );
    let devices = all(GroupBy::Device);
    assert_eq!(devices.rows.len(), 1);
    assert_eq!(devices.rows[0].key, book().device.to_string());
    assert_eq!(devices.rows[0].cases, 9);
    // These cases name no agent: one row with the empty key.
    let agents = all(GroupBy::Agent);
    assert_eq!(agents.rows.len(), 1);
    assert_eq!((agents.rows[0].key.as_str(), agents.rows[0].cases), ("", 9));
    for g in GroupBy::ALL {
        assert_eq!(GroupBy::from_slug(g.slug()), Some(g));
        let r = all(g);
        assert_eq!(r.rows.iter().map(|r| r.cases).sum::<usize>(), 9);
        assert!(r.rows.windows(2).all(|w| w[0].key < w[1].key));
    }
}

#[test]
fn the_filter_keeps_opening_days_intents_and_channels() {
    let logs = book().logs;
    let run = |filter: Filter| metrics(&logs, &filter, GroupBy::Day, offset(), NOW);
    // By local day: J (11-03 in UTC) is in, C (11-03) is not.
    let days = run(Filter {
        from: Some(date!(2026 - 11 - 04)),
        to: Some(date!(2026 - 11 - 05)),
        ..Filter::default()
    });
    assert_eq!(keys(&days), vec![("2026-11-04", 1), ("2026-11-05", 1)]);
    assert_eq!(days.total.cases, 2);
    assert_eq!(days.skipped, 2);
    // One day: A and B; A's repeat (E) is outside the filter but counts.
    let one = run(Filter {
        from: Some(date!(2026 - 11 - 02)),
        to: Some(date!(2026 - 11 - 02)),
        ..Filter::default()
    });
    assert_eq!(one.total.cases, 2);
    assert_eq!(one.total.repeat_contact, rate(1, 2));
    assert_eq!(one.total.fcr, rate(1, 2));
    let bills = run(Filter {
        intent: Some("bill_dispute".into()),
        ..Filter::default()
    });
    assert_eq!(bills.total.cases, 3);
    let hotline = run(Filter {
        channel: Some(Channel::Hotline),
        ..Filter::default()
    });
    assert_eq!(hotline.total.cases, 4);
    let both = run(Filter {
        intent: Some("bill_dispute".into()),
        channel: Some(Channel::Hotline),
        ..Filter::default()
    });
    assert_eq!(keys(&both), vec![("2026-11-24", 1)]);
    let none = run(Filter {
        from: Some(date!(2026 - 12 - 01)),
        ..Filter::default()
    });
    assert!(none.rows.is_empty());
    assert_eq!(none.total.cases, 0);
}

#[test]
fn the_funnel_counts_cases_by_their_furthest_stage() {
    let logs = book().logs;
    // Intake only: A D E J; diagnose: F; commit: I; follow-up: B C H.
    assert_eq!(
        funnel(&logs, &Filter::default(), offset()),
        vec![
            (Stage::Intake, 9),
            (Stage::Listen, 5),
            (Stage::Verify, 5),
            (Stage::Reconstruct, 5),
            (Stage::Diagnose, 5),
            (Stage::Resolve, 4),
            (Stage::Commit, 4),
            (Stage::FollowUp, 3),
        ]
    );
    let hotline = Filter {
        channel: Some(Channel::Hotline),
        ..Filter::default()
    };
    let counts: Vec<usize> = funnel(&logs, &hotline, offset())
        .into_iter()
        .map(|(_, n)| n)
        .collect();
    assert_eq!(counts, vec![4, 2, 2, 2, 2, 2, 2, 1]);
}

// ---- CSV

const EN_HEADER: &str = "Scope,Cases,FCR,FCR of,FCR %,Cases with handle time,\
Avg handle time (s),Intake (s),Listen (s),Verify (s),Reconstruct (s),Diagnose (s),\
Resolve (s),Commit (s),CSAT answers,CSAT mean,CSAT top-2 box,CSAT top-2 box %,\
NPS answers,Promoters,Passives,Detractors,NPS,Repeat contacts,Repeat of,Repeat %,\
Escalated,Escalation of,Escalation %,Commitments met,Commitments due,\
Commitments met %,Commitments not yet due,Reopened,Reopen of,Reopen %";

#[test]
fn the_csv_has_a_bom_a_header_in_each_language_and_crlf_lines() {
    let csv = metrics_csv(&all(GroupBy::None), Lang::En);
    assert!(csv.starts_with('\u{feff}'));
    let lines: Vec<&str> = csv['\u{feff}'.len_utf8()..].split("\r\n").collect();
    assert_eq!(lines.len(), 3, "header, one row, and the final CRLF");
    assert_eq!(lines[0], EN_HEADER);
    assert_eq!(
        lines[1],
        "all,9,4,7,57,8,750,315,53,45,53,173,98,15,4,3.8,3,75,4,1,2,1,0,\
         1,7,14,2,4,50,2,3,67,1,1,7,14"
    );
    assert_eq!(lines[2], "");
    assert!(!csv.replace("\r\n", "").contains('\n'));

    let zh = metrics_csv(&all(GroupBy::Day), Lang::ZhCn);
    let header = zh.trim_start_matches('\u{feff}').split("\r\n").next();
    let header = header.expect("a header");
    assert!(header.starts_with("日期,案件数,首次解决,首次解决基数,首次解决率%,"));
    assert!(header.contains(",受理(秒),倾听(秒),身份核验(秒),"));
    assert!(header.ends_with(",重开,重开基数,重开率%"));
    assert_eq!(header.split(',').count(), EN_HEADER.split(',').count());
    // F's day: nothing to count is an empty cell, not 0 %.
    let f = zh
        .split("\r\n")
        .find(|l| l.starts_with("2026-11-10,"))
        .expect("F's row");
    assert!(f.starts_with("2026-11-10,1,0,0,,0,,,,,,,,,0,,0,,0,0,0,0,,0,1,0,"));
    for line in zh.split("\r\n").filter(|l| !l.is_empty()) {
        assert_eq!(line.split(',').count(), EN_HEADER.split(',').count());
    }
}

#[test]
fn csv_keys_are_quoted_and_guarded_against_formulas() {
    let base = all(GroupBy::None).total;
    let row = |key: &str| Row {
        key: key.into(),
        ..base.clone()
    };
    let report = Report {
        group: GroupBy::Intent,
        rows: vec![
            row(""),
            row("=HYPERLINK(\"x\")"),
            row("+1"),
            row("-1"),
            row("@sum"),
            row("\tx"),
            row("a,b"),
            row("say \"hi\""),
            row("two\nlines"),
        ],
        total: base,
        skipped: 0,
    };
    let csv = metrics_csv(&report, Lang::En);
    let body = csv.trim_start_matches('\u{feff}');
    let first_cells: Vec<&str> = body
        .split(",9,4,7,")
        .map(|chunk| chunk.rsplit("\r\n").next().unwrap_or(chunk))
        .collect();
    assert!(body.starts_with("Intent,Cases,"));
    assert_eq!(first_cells.len(), 10, "nine rows, then the last one's end");
    assert_eq!(
        &first_cells[..9],
        [
            "(none)",
            "\"'=HYPERLINK(\"\"x\"\")\"",
            "'+1",
            "'-1",
            "'@sum",
            "'\tx",
            "\"a,b\"",
            "\"say \"\"hi\"\"\"",
            "\"two\nlines\"",
        ]
    );
    let zh = metrics_csv(&report, Lang::ZhCn);
    assert!(zh.starts_with("\u{feff}来意,案件数,"));
    assert!(zh.contains("\r\n（无）,9,"));
}

// ---- the demo archive

#[test]
fn the_demo_archive_keeps_every_invariant() {
    let spec = ArchiveSpec {
        seed: 5,
        cases: 3000,
        now: NOW,
        days: 90,
        device: DeviceId::from_uuid(IdSource::new().next(1_764_000_000_000, 0xD5)),
    };
    let logs = generate_archive(&spec, demo_pack(), data());
    assert_eq!(logs.len(), 3000);
    let book = Casebook::new(&logs, offset());
    assert_eq!((book.len(), book.skipped()), (3000, 0));
    let filter = Filter::default();
    let total = book.metrics(&filter, GroupBy::None, NOW).total;
    assert_eq!(total.cases, 3000);
    for group in GroupBy::ALL {
        let r = book.metrics(&filter, group, NOW);
        assert_eq!(r.total, total);
        assert_eq!(r.rows.iter().map(|r| r.cases).sum::<usize>(), 3000);
        assert!(r.rows.windows(2).all(|w| w[0].key < w[1].key));
        for row in r.rows.iter().chain([&r.total]) {
            check(row);
        }
    }
    // Something to show in every metric.
    for rate in [
        total.fcr,
        total.reopen,
        total.repeat_contact,
        total.escalation,
        total.commitments_met,
    ] {
        assert!(rate.hits > 0 && rate.hits < rate.of, "{rate:?}");
    }
    assert!(total.handle_time.cases > 2000);
    assert!(total.csat.answers > 1000 && total.nps.answers > 1000);
    let funnel = book.funnel(&filter);
    assert_eq!(funnel[0], (Stage::Intake, 3000));
    assert!(funnel.windows(2).all(|w| w[0].1 >= w[1].1));
    // The last 30 days.
    let recent = book.metrics(
        &Filter {
            from: Some(date!(2026 - 10 - 26)),
            to: Some(date!(2026 - 11 - 25)),
            ..Filter::default()
        },
        GroupBy::Day,
        NOW,
    );
    assert!(recent.rows.len() >= 28 && recent.rows.len() <= 31);
    assert!(recent.total.cases > 500 && recent.total.cases < 3000);
    assert!(!metrics_csv(&recent, Lang::ZhCn).is_empty());
}

fn check(row: &Row) {
    for rate in [
        row.fcr,
        row.reopen,
        row.repeat_contact,
        row.escalation,
        row.commitments_met,
        row.csat.top_two,
    ] {
        assert!(rate.hits <= rate.of, "{} {rate:?}", row.key);
        assert!(rate.percent().is_none_or(|p| p <= 100));
    }
    assert_eq!(row.fcr.of, row.reopen.of);
    assert!(row.fcr.of <= row.cases && row.repeat_contact.of <= row.cases);
    assert!(row.escalation.of <= row.cases);
    assert!(row.commitments_met.of + row.commitments_not_due <= row.cases);
    assert!(row.handle_time.cases <= row.cases);
    assert_eq!(row.csat.top_two.of, row.csat.answers);
    assert!(row.csat.mean_tenths.is_none_or(|m| (10..=50).contains(&m)));
    let n = &row.nps;
    assert_eq!(n.promoters + n.passives + n.detractors, n.answers);
    assert!(n.score.is_none_or(|s| (-100..=100).contains(&s)));
    if let Some(mean) = row.handle_time.mean_secs {
        let parts: u64 = row
            .handle_time
            .by_stage
            .iter()
            .map(|(_, s)| s.unwrap_or(0))
            .sum();
        assert!(parts.abs_diff(mean) <= 4, "{} {parts} {mean}", row.key);
    }
}

/// `cargo test --release -p care-core --test insight -- --ignored --nocapture`
#[test]
#[ignore = "a timing, for release builds"]
fn ten_thousand_cases_timing() {
    let spec = ArchiveSpec {
        seed: 9,
        cases: 10_000,
        now: NOW,
        days: 365,
        device: DeviceId::from_uuid(IdSource::new().next(1_764_000_000_000, 0xD5)),
    };
    let logs = generate_archive(&spec, demo_pack(), data());
    let start = std::time::Instant::now();
    let book = Casebook::new(&logs, offset());
    let folded = start.elapsed();
    let by_day = book.metrics(&Filter::default(), GroupBy::Day, NOW);
    let grouped = start.elapsed() - folded;
    let start = std::time::Instant::now();
    let all = metrics(&logs, &Filter::default(), GroupBy::Intent, offset(), NOW);
    eprintln!(
        "10 000 cases: folded in {folded:?}, then by day in {grouped:?}; \
         fold and by intent in {:?}",
        start.elapsed()
    );
    eprintln!("{:#?}", by_day.total);
    assert_eq!(all.total.cases, 10_000);
}

#[test]
fn the_facts_kept_in_summaries_give_the_same_report_as_the_logs() {
    let spec = ArchiveSpec {
        seed: 9,
        cases: 800,
        now: NOW,
        days: 60,
        device: DeviceId::from_uuid(IdSource::new().next(1_764_000_000_000, 0xD6)),
    };
    let logs = generate_archive(&spec, demo_pack(), data());
    // As the app keeps them: in each summary, sealed as JSON and read back.
    let facts: Vec<care_core::insight::CaseFacts> = logs
        .iter()
        .map(|events| {
            let mut log = care_core::CaseLog::new();
            log.merge(events.iter().cloned());
            let state = log.state().expect("folds");
            let summary = care_core::insight::summary(&log, &state);
            let json = serde_json::to_string(&summary).expect("serialises");
            let back: care_core::CaseSummary = serde_json::from_str(&json).expect("reads back");
            back.insight.expect("a real case has facts")
        })
        .collect();
    let from_logs = Casebook::new(&logs, offset());
    let from_summaries = Casebook::from_facts(facts, offset(), 0);
    let filter = Filter::default();
    for group in GroupBy::ALL {
        assert_eq!(
            from_summaries.metrics(&filter, group, NOW),
            from_logs.metrics(&filter, group, NOW),
            "{group:?}"
        );
    }
    assert_eq!(from_summaries.funnel(&filter), from_logs.funnel(&filter));
    // The knowledge-gap lists too, and they are the lists made from logs.
    let listed = from_summaries.gaps(&filter, demo_pack(), NOW);
    assert_eq!(
        listed,
        care_core::insight::gaps::gaps(&logs, demo_pack(), NOW)
    );
    assert!(!listed.statements.is_empty() && !listed.rejected.is_empty());
}

#[test]
fn cases_group_by_the_agent_who_took_them_and_by_their_team() {
    let spec = ArchiveSpec {
        seed: 4,
        cases: 600,
        now: NOW,
        days: 30,
        device: DeviceId::from_uuid(IdSource::new().next(1_764_000_000_000, 0xD4)),
    };
    let logs = generate_archive(&spec, demo_pack(), data());
    let book = Casebook::new(&logs, offset());
    let filter = Filter::default();
    let agents = book.metrics(&filter, GroupBy::Agent, NOW);
    let names: Vec<&str> = agents.rows.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(
        names,
        [
            "chen.jing",
            "li.qiang",
            "liu.yang",
            "wang.fang",
            "yang.lei",
            "zhang.min"
        ]
    );
    assert_eq!(agents.rows.iter().map(|r| r.cases).sum::<usize>(), 600);
    let teams = book.metrics(&filter, GroupBy::Team, NOW);
    let keys: Vec<&str> = teams.rows.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(keys, ["north", "south"]);
    // A team is its agents: north's cases are wang.fang's, li.qiang's and
    // zhang.min's.
    let of = |k: &str| {
        agents
            .rows
            .iter()
            .find(|r| r.key == k)
            .map_or(0, |r| r.cases)
    };
    assert_eq!(
        teams.rows[0].cases,
        of("wang.fang") + of("li.qiang") + of("zhang.min")
    );
    // Filtering on an agent or a team keeps exactly that row's cases.
    let (names, team_names) = book.agents_and_teams();
    assert_eq!(names.len(), 6);
    assert_eq!(team_names, ["north", "south"]);
    let one = book.metrics(
        &Filter {
            agent: Some("li.qiang".into()),
            ..Filter::default()
        },
        GroupBy::None,
        NOW,
    );
    assert_eq!(
        Row {
            key: agents.rows[1].key.clone(),
            ..one.total
        },
        agents.rows[1]
    );
    let south = book.metrics(
        &Filter {
            team: Some("south".into()),
            ..Filter::default()
        },
        GroupBy::None,
        NOW,
    );
    assert_eq!(south.total.cases, teams.rows[1].cases);
}
