//! Verification on the demo pack and demo customers: the level reached by
//! passed methods, methods the channel or the intent rule out, the lockout
//! after too many failures, checks of answers, masking, and the
//! tamper-evident audit chain.

use care_core::audit;
use care_core::case::{CaseLog, Event, EventBody, IdSource};
use care_core::demo_data::{self, DemoData, Scenario};
use care_core::pack::{self, Pack};
use care_core::verify::{self, check, lock_after, CheckOutcome, Unavailable};
use care_core::{CaseId, CaseState, Channel, DeviceId, EventId};
use std::sync::OnceLock;
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

const NOW: OffsetDateTime = datetime!(2026-11-25 10:30 +8);

fn demo_pack() -> &'static Pack {
    static PACK: OnceLock<Pack> = OnceLock::new();
    PACK.get_or_init(|| pack::load("demo.toml", pack::DEMO_PACK).expect("the demo pack loads"))
}

fn data() -> &'static DemoData {
    static DATA: OnceLock<DemoData> = OnceLock::new();
    DATA.get_or_init(|| demo_data::generate(20_261_125, NOW))
}

/// A case being written by one device, with real ids and chained audit
/// events, the way the app writes them.
struct Case {
    ids: IdSource,
    id: CaseId,
    device: DeviceId,
    log: CaseLog,
    t: i64,
    /// The random part of this device's event ids.
    rand: u128,
}

impl Case {
    fn open(channel: Channel, intent: &str) -> Case {
        let mut ids = IdSource::new();
        let id = CaseId::from_uuid(ids.next(1_764_037_800_000, 1));
        let device = DeviceId::from_uuid(ids.next(1_764_037_800_000, 2));
        let mut case = Case {
            ids,
            id,
            device,
            log: CaseLog::new(),
            t: 0,
            rand: 3,
        };
        case.push(EventBody::CaseOpened {
            agent: None,
            channel,
            customer: None,
            training: None,
        });
        case.push(EventBody::IntentConfirmed {
            intent: intent.into(),
            overridden: false,
        });
        case
    }

    fn at(&self) -> OffsetDateTime {
        NOW + Duration::seconds(self.t)
    }

    fn push(&mut self, body: EventBody) {
        self.push_at(body, self.t + 1);
    }

    fn push_at(&mut self, body: EventBody, t: i64) {
        self.t = t;
        let ms = 1_764_037_800_000 + (t as u64) * 1000;
        let event = Event {
            id: EventId::from_uuid(self.ids.next(ms, self.rand)),
            case: self.id,
            device: self.device,
            at: self.at(),
            body,
        };
        self.log.merge([event]);
    }

    fn attempt(&mut self, method: &str, passed: bool) {
        let prev = audit::next_link(&self.log, self.id, self.device);
        self.push(EventBody::VerificationAttempted {
            method: method.into(),
            passed,
            prev,
        });
    }

    fn state(&self) -> CaseState {
        self.log.state().expect("folds")
    }

    fn status(&self, level: &str) -> verify::VerifyStatus {
        let c = &data().customers[0];
        let r = data().records(&c.id).expect("records");
        verify::status(demo_pack(), &self.state(), level, Some((c, r)), self.at())
            .expect("level exists")
    }
}

#[test]
fn passed_methods_add_up_to_a_level_each_counted_once() {
    let mut case = Case::open(Channel::Hotline, "bill_dispute");
    let s = case.status("basic");
    assert!(!s.met);
    assert_eq!(s.reached.id, "none");
    case.attempt("service_password", true);
    case.attempt("service_password", true);
    let s = case.status("strong");
    assert_eq!(s.strength, 2, "a method counts once");
    assert_eq!(s.reached.id, "basic");
    assert!(!s.met);
    case.attempt("id_digits", true);
    let s = case.status("strong");
    assert!(s.met);
    assert_eq!(s.reached.id, "strong");
}

#[test]
fn answers_over_the_phone_never_add_up_to_in_person() {
    let mut phone = Case::open(Channel::Hotline, "bill_dispute");
    for m in ["service_password", "id_digits", "recent_bill_amount"] {
        phone.attempt(m, true);
    }
    let s = phone.status("in_person");
    assert_eq!(s.strength, 5, "enough strength by the sum");
    assert!(!s.met, "but nothing was seen in person");
    assert_eq!(s.reached.id, "strong");

    let mut store = Case::open(Channel::Store, "bill_dispute");
    store.attempt("id_card_in_store", true);
    let s = store.status("in_person");
    assert!(s.met);
    assert_eq!(s.reached.id, "in_person");
    // In person also meets every lower level.
    assert!(store.status("basic").met);
}

#[test]
fn a_level_that_requires_an_unknown_method_is_a_pack_problem() {
    let source = care_core::pack::DEMO_PACK.replace(
        r#"requires_any = ["id_card_in_store"]"#,
        r#"requires_any = ["face_scan"]"#,
    );
    let problems = care_core::pack::load("demo.toml", &source).expect_err("refused");
    assert!(
        problems.iter().any(|p| p.to_string().contains("face_scan")),
        "{problems:?}"
    );
}

#[test]
fn the_case_locks_after_the_packs_number_of_failures_and_unlocks_after_the_time() {
    let mut case = Case::open(Channel::Hotline, "bill_dispute");
    let max = demo_pack().verification.max_attempts;
    for n in 1..=max {
        case.attempt("service_password", false);
        let s = case.status("basic");
        assert_eq!(s.failures, n);
        assert_eq!(s.attempts_left, max - n);
        let lock = lock_after(demo_pack(), s.failures, case.at());
        assert_eq!(lock.is_some(), n == max, "after {n} failures");
        if let Some(until) = lock {
            let prev = audit::next_link(&case.log, case.id, case.device);
            case.push(EventBody::VerificationLocked { until, prev });
        }
    }
    let s = case.status("basic");
    assert!(s.locked(), "{s:?}");
    assert_eq!(s.attempts_left, 0);
    let minutes = i64::from(demo_pack().verification.lock_minutes);
    case.t += minutes * 60 + 1;
    let s = case.status("basic");
    assert!(!s.locked(), "the lock ends after {minutes} minutes");
    assert_eq!(s.attempts_left, max, "attempts start again after the lock");
    assert_eq!(audit::verify(&case.log), Ok(max as usize + 1));
}

#[test]
fn the_channel_and_the_intent_rule_methods_out() {
    let case = Case::open(Channel::Hotline, "sim_lost");
    let s = case.status("basic");
    let by_id = |id: &str| s.methods.iter().find(|m| m.id == id).expect("method");
    assert_eq!(
        by_id("id_card_in_store").unavailable,
        Some(Unavailable::Channel)
    );
    assert_eq!(
        by_id("one_time_code").unavailable,
        Some(Unavailable::Intent)
    );
    assert_eq!(by_id("service_password").unavailable, None);
    let store = Case::open(Channel::Store, "bill_dispute");
    let s = store.status("in_person");
    assert_eq!(
        s.methods
            .iter()
            .find(|m| m.id == "id_card_in_store")
            .and_then(|m| m.unavailable),
        None
    );
    assert!(!Unavailable::Intent.explain().zh_cn.is_empty());
}

#[test]
fn a_pass_by_a_method_the_intent_rules_out_does_not_count() {
    let mut case = Case::open(Channel::Hotline, "bill_dispute");
    case.attempt("one_time_code", true);
    assert!(case.status("basic").met);
    // The agent realises it is a lost SIM: whoever has the SIM got the code.
    case.push(EventBody::IntentConfirmed {
        intent: "sim_lost".into(),
        overridden: true,
    });
    assert!(!case.status("basic").met);
}

#[test]
fn answers_are_checked_against_the_customers_records() {
    let pack = demo_pack();
    let method = |id: &str| {
        pack.verification
            .methods
            .iter()
            .find(|m| m.id == id)
            .expect("method")
    };
    let postpaid = data()
        .scenario_customers(Scenario::BillSpike)
        .first()
        .and_then(|id| data().customer(id))
        .expect("a postpaid customer");
    let r = data().records(&postpaid.id).expect("records");
    let pw = postpaid
        .profile
        .as_ref()
        .and_then(|p| p.service_password.clone())
        .expect("password");
    let pw_method = method("service_password");
    assert_eq!(
        check(pw_method, &pw, postpaid, r, None),
        CheckOutcome::Passed
    );
    assert_eq!(
        check(pw_method, "000000", postpaid, r, None),
        CheckOutcome::Failed
    );
    assert_eq!(
        check(pw_method, "", postpaid, r, None),
        CheckOutcome::Failed
    );

    let id = &postpaid.id_number;
    let tail: String = id.chars().skip(id.chars().count() - 6).collect();
    let digits = method("id_digits");
    assert_eq!(
        check(digits, &tail, postpaid, r, None),
        CheckOutcome::Passed
    );
    assert_eq!(
        check(digits, &tail.to_lowercase(), postpaid, r, None),
        CheckOutcome::Passed,
        "an X check character may be typed in lower case"
    );
    assert_eq!(
        check(digits, &tail[1..], postpaid, r, None),
        CheckOutcome::Failed
    );

    let bill = r.bills.last().expect("a bill").total;
    let amount = method("recent_bill_amount");
    let said = format!("{}.{:02}元", bill.0 / 100, bill.0 % 100);
    assert_eq!(
        check(amount, &said, postpaid, r, None),
        CheckOutcome::Passed
    );
    let off = format!("{}", bill.0 / 100 + 5);
    assert_eq!(check(amount, &off, postpaid, r, None), CheckOutcome::Failed);
    assert_eq!(
        check(amount, "很多", postpaid, r, None),
        CheckOutcome::Failed
    );

    let otp = method("one_time_code");
    assert_eq!(
        check(otp, "123456", postpaid, r, None),
        CheckOutcome::Unavailable
    );
    assert_eq!(
        check(otp, "１２３４５６", postpaid, r, Some("123456")),
        CheckOutcome::Passed,
        "full-width digits as typed on a Chinese keyboard"
    );
    assert_eq!(
        check(otp, "654321", postpaid, r, Some("123456")),
        CheckOutcome::Failed
    );

    let prepaid = data()
        .customers
        .iter()
        .find(|c| data().records(&c.id).is_some_and(|r| r.bills.is_empty()))
        .expect("a prepaid customer");
    let pr = data().records(&prepaid.id).expect("records");
    assert_eq!(
        check(amount, "50", prepaid, pr, None),
        CheckOutcome::Unavailable
    );
}

#[test]
fn masking_hides_the_middle_of_numbers() {
    for c in data().customers.iter().take(50) {
        let m = verify::mask_msisdn(&c.msisdn);
        assert_eq!(m.len(), c.msisdn.len());
        assert!(m.contains("****"));
        assert_ne!(m, c.msisdn);
        let id = verify::mask_id_number(&c.id_number);
        assert!(!id.contains(&c.id_number[..6]));
    }
}

#[test]
fn the_audit_chain_detects_a_changed_removed_or_inserted_event() {
    let mut case = Case::open(Channel::Hotline, "bill_dispute");
    case.attempt("service_password", false);
    case.attempt("service_password", true);
    let prev = audit::next_link(&case.log, case.id, case.device);
    case.push(EventBody::DataRevealed {
        what: "bills".into(),
        prev,
    });
    case.push(EventBody::NoteAdded {
        text: "not audited".into(),
    });
    case.attempt("id_digits", true);
    assert_eq!(audit::verify(&case.log), Ok(4));

    let events: Vec<Event> = case.log.events().cloned().collect();
    let audited: Vec<usize> = events
        .iter()
        .enumerate()
        .filter(|(_, e)| e.body.audit_prev().is_some())
        .map(|(i, _)| i)
        .collect();

    // A failed attempt turned into a pass.
    let mut changed = events.clone();
    if let EventBody::VerificationAttempted { passed, .. } = &mut changed[audited[0]].body {
        *passed = true;
    }
    let mut log = CaseLog::new();
    log.merge(changed);
    let broken = audit::verify(&log).expect_err("a changed attempt is detected");
    assert_eq!(broken.event, events[audited[1]].id);

    // An attempt removed.
    let mut log = CaseLog::new();
    log.merge(
        events
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != audited[1])
            .map(|(_, e)| e.clone()),
    );
    assert!(audit::verify(&log).is_err());

    // A forged pass inserted with a made-up link.
    let mut log = CaseLog::new();
    log.merge(events.clone());
    let mut forged = events[audited[2]].clone();
    forged.id = EventId::from_uuid(IdSource::new().next(1_764_037_800_000 + 3500, 9));
    forged.body = EventBody::VerificationAttempted {
        method: "one_time_code".into(),
        passed: true,
        prev: "0".repeat(64),
    };
    log.merge([forged]);
    assert!(audit::verify(&log).is_err());
}

#[test]
fn two_devices_offline_each_keep_a_valid_chain_after_merging() {
    let mut a = Case::open(Channel::Store, "bill_dispute");
    let mut b = Case {
        ids: IdSource::new(),
        id: a.id,
        device: DeviceId::from_uuid(IdSource::new().next(1_764_037_800_000, 77)),
        log: a.log.clone(),
        t: a.t,
        rand: 5,
    };
    a.attempt("service_password", false);
    b.attempt("id_digits", true);
    a.attempt("service_password", true);
    b.attempt("recent_bill_amount", true);
    let mut merged = a.log.clone();
    merged.merge(b.log.events().cloned());
    assert_eq!(audit::verify(&merged), Ok(4));
}

#[test]
fn a_pass_between_failures_does_not_reset_the_count() {
    let mut case = Case::open(Channel::Hotline, "bill_dispute");
    case.attempt("service_password", false);
    case.attempt("id_digits", true);
    case.attempt("service_password", false);
    let s = case.status("strong");
    assert_eq!(s.failures, 2);
    assert_eq!(s.attempts_left, demo_pack().verification.max_attempts - 2);
}

#[test]
fn the_guide_names_the_strongest_usable_method_then_the_lock_then_the_next_stage() {
    use care_core::guide::{next_step, ListenSummary, Step};
    use care_core::Stage;
    let mut case = Case::open(Channel::Hotline, "bill_dispute");
    case.push(EventBody::StageEntered {
        stage: Stage::Listen,
    });
    case.push(EventBody::StageEntered {
        stage: Stage::Verify,
    });
    let listen = ListenSummary::default();
    let s = case.status("basic");
    assert_eq!(
        next_step(&case.state(), &listen, Some(&s), false),
        Step::VerifyWith("one_time_code".into()),
        "the strongest method usable on the hotline"
    );
    for _ in 0..demo_pack().verification.max_attempts {
        case.attempt("service_password", false);
    }
    let until = case.at() + Duration::minutes(30);
    let prev = audit::next_link(&case.log, case.id, case.device);
    case.push(EventBody::VerificationLocked { until, prev });
    let s = case.status("basic");
    assert_eq!(
        next_step(&case.state(), &listen, Some(&s), false),
        Step::Locked(until)
    );

    let mut ok = Case::open(Channel::Hotline, "bill_dispute");
    ok.push(EventBody::StageEntered {
        stage: Stage::Listen,
    });
    ok.push(EventBody::StageEntered {
        stage: Stage::Verify,
    });
    ok.attempt("service_password", true);
    let s = ok.status("basic");
    assert_eq!(
        next_step(&ok.state(), &listen, Some(&s), false),
        Step::GoTo(Stage::Reconstruct)
    );
    ok.push(EventBody::StageEntered {
        stage: Stage::Reconstruct,
    });
    assert_eq!(
        next_step(&ok.state(), &listen, Some(&s), false),
        Step::ShowRecords
    );
    assert_eq!(
        next_step(&ok.state(), &listen, Some(&s), true),
        Step::GoTo(Stage::Diagnose)
    );
}
