//! The listen stage on the demo pack: facts the first statement gives are
//! offered, what is known is never asked again, and progress counts the
//! required facts.

use care_core::case::{CaseLog, Event, EventBody, FactSource, IdSource};
use care_core::facts::FactValue;
use care_core::listen::{extract, listening, Offer};
use care_core::pack::{self, Pack};
use care_core::{CaseId, Channel, DeviceId, EventId};
use std::sync::OnceLock;
use time::macros::datetime;
use time::OffsetDateTime;

/// A Wednesday in November, China time.
const NOW: OffsetDateTime = datetime!(2026-11-25 10:30 +8);

fn demo_pack() -> &'static Pack {
    static PACK: OnceLock<Pack> = OnceLock::new();
    PACK.get_or_init(|| pack::load("demo.toml", pack::DEMO_PACK).expect("the demo pack loads"))
}

fn offers(intent: &str, said: &str) -> Vec<Offer> {
    let intent = demo_pack().intent(intent).expect("intent");
    extract(demo_pack(), intent, said, NOW)
}

fn offered(intent: &str, said: &str, fact: &str) -> Option<FactValue> {
    offers(intent, said)
        .into_iter()
        .find(|o| o.fact == fact)
        .map(|o| o.value)
}

#[test]
fn a_bill_complaint_gives_the_month_and_the_amount() {
    let said = "这个月话费怎么多扣了30块？";
    assert_eq!(
        offered("bill_dispute", said, "bill_month"),
        Some(FactValue::Month("2026-11".into()))
    );
    assert_eq!(
        offered("bill_dispute", said, "disputed_amount"),
        Some(FactValue::Money(3000))
    );
    assert_eq!(
        offered("bill_dispute", "上个月账单莫名其妙多了¥58.5", "bill_month"),
        Some(FactValue::Month("2026-10".into()))
    );
    assert_eq!(
        offered(
            "bill_dispute",
            "上个月账单莫名其妙多了¥58.5",
            "disputed_amount"
        ),
        Some(FactValue::Money(5850))
    );
    assert_eq!(
        offered(
            "bill_dispute",
            "My December bill is 120 yuan more than usual",
            "bill_month"
        ),
        Some(FactValue::Month("2025-12".into())),
        "a month later in the year than now is last year's"
    );
    assert_eq!(
        offered("bill_dispute", "１２月的账单多了２０元", "disputed_amount"),
        Some(FactValue::Money(2000)),
        "full-width digits"
    );
}

#[test]
fn a_network_complaint_gives_when_where_and_what() {
    let said = "从昨天晚上开始家里一点信号都没有，打不出去也打不进来";
    assert_eq!(
        offered("no_signal", said, "problem_start"),
        Some(FactValue::Datetime("2026-11-24T20:00".into()))
    );
    assert_eq!(
        offered("no_signal", said, "indoor_outdoor"),
        Some(FactValue::Choice("indoor".into()))
    );
    assert_eq!(
        offered(
            "slow_data",
            "the internet is super slow since yesterday 3pm, only me, others are fine",
            "problem_start"
        ),
        Some(FactValue::Datetime("2026-11-24T15:00".into()))
    );
}

#[test]
fn a_lost_phone_and_a_scam_give_their_kind_and_yes_or_no() {
    assert_eq!(
        offered("sim_lost", "我手机昨天在地铁上被偷了", "loss_type"),
        Some(FactValue::Choice("stolen".into()))
    );
    assert_eq!(
        offered(
            "fraud_report",
            "有人冒充公安给我打电话，我没转钱",
            "money_lost"
        ),
        Some(FactValue::Bool(false)),
        "没转钱 is a no, though 转钱 alone would be a yes"
    );
    assert_eq!(
        offered(
            "fraud_report",
            "有人冒充公安给我打电话，我没转钱",
            "fraud_type"
        ),
        Some(FactValue::Choice("impersonate_police".into()))
    );
    assert_eq!(
        offered(
            "fraud_report",
            "骗子 17100001234 让我转了钱",
            "fraud_number"
        ),
        Some(FactValue::Phone("17100001234".into()))
    );
}

#[test]
fn nothing_is_made_up_from_a_vague_statement() {
    for intent in ["bill_dispute", "no_signal", "sim_lost", "roaming_charges"] {
        assert!(
            offers(intent, "你好，我想问一下").is_empty(),
            "{intent}: {:?}",
            offers(intent, "你好，我想问一下")
        );
    }
    // A number that is not money is not an amount.
    assert_eq!(
        offered(
            "bill_dispute",
            "我的号码是13800001234，账单不对",
            "disputed_amount"
        ),
        None
    );
}

struct Case {
    ids: IdSource,
    id: CaseId,
    device: DeviceId,
    log: CaseLog,
    t: u64,
}

impl Case {
    fn new(intent: &str, statement: &str) -> Case {
        let mut ids = IdSource::new();
        let id = CaseId::from_uuid(ids.next(1_764_037_800_000, 1));
        let device = DeviceId::from_uuid(ids.next(1_764_037_800_000, 2));
        let mut case = Case {
            ids,
            id,
            device,
            log: CaseLog::new(),
            t: 0,
        };
        case.push(EventBody::CaseOpened {
            agent: None,
            channel: Channel::Hotline,
            customer: None,
            training: None,
        });
        case.push(EventBody::StatementTaken {
            text: statement.into(),
        });
        case.push(EventBody::IntentConfirmed {
            intent: intent.into(),
            overridden: false,
        });
        case
    }

    fn push(&mut self, body: EventBody) {
        self.t += 1;
        let event = Event {
            id: EventId::from_uuid(self.ids.next(1_764_037_800_000 + self.t * 1000, 3)),
            case: self.id,
            device: self.device,
            at: NOW,
            body,
        };
        self.log.merge([event]);
    }
}

#[test]
fn what_the_statement_gave_is_offered_not_asked_and_progress_counts_required_facts() {
    let mut case = Case::new("bill_dispute", "这个月话费多扣了30块");
    let state = case.log.state().expect("folds");
    let l = listening(demo_pack(), &state, NOW).expect("intent known");
    assert_eq!(l.required_total, 2);
    assert_eq!(l.required_captured, 0);
    let month = l
        .facts
        .iter()
        .find(|f| f.fact.id == "bill_month")
        .expect("fact");
    assert!(month.offer.is_some());
    // The next question is not about the month or the amount.
    let next = l.next.expect("something left to ask");
    assert!(
        !next
            .collects
            .iter()
            .any(|c| c == "bill_month" || c == "disputed_amount"),
        "{next:?}"
    );

    // The agent confirms both offers: the required facts are complete.
    for o in extract(demo_pack(), l.intent, "这个月话费多扣了30块", NOW) {
        case.push(EventBody::FactCaptured {
            fact: o.fact,
            value: o.value,
            source: FactSource::Statement,
        });
    }
    let state = case.log.state().expect("folds");
    let l = listening(demo_pack(), &state, NOW).expect("intent known");
    assert!(l.complete());
    let which_bill = l
        .prompts
        .iter()
        .find(|p| p.prompt.id == "ask_which_bill")
        .expect("prompt");
    assert!(which_bill.known, "a prompt whose facts are known is marked");
}

#[test]
fn an_asked_prompt_is_not_suggested_again_and_a_dismissed_offer_stays_dismissed() {
    let mut case = Case::new("no_signal", "家里没信号");
    let state = case.log.state().expect("folds");
    let first = listening(demo_pack(), &state, NOW)
        .and_then(|l| l.next.map(|p| p.id.clone()))
        .expect("a question");
    case.push(EventBody::PromptAsked {
        prompt: first.clone(),
    });
    let state = case.log.state().expect("folds");
    let l = listening(demo_pack(), &state, NOW).expect("listening");
    assert_ne!(l.next.map(|p| p.id.clone()), Some(first.clone()));
    assert_eq!(
        l.prompts
            .iter()
            .find(|p| p.prompt.id == first)
            .map(|p| p.asked),
        Some(1)
    );

    assert!(l
        .facts
        .iter()
        .any(|f| f.fact.id == "indoor_outdoor" && f.offer.is_some()));
    case.push(EventBody::FactCleared {
        fact: "indoor_outdoor".into(),
    });
    let state = case.log.state().expect("folds");
    let l = listening(demo_pack(), &state, NOW).expect("listening");
    assert!(l
        .facts
        .iter()
        .any(|f| f.fact.id == "indoor_outdoor" && f.offer.is_none() && f.captured.is_none()));
}
