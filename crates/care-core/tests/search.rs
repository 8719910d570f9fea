//! Archive search: what an agent finds by phone, name, reference, intent,
//! status, channel, day and words, and what they do not.

use care_core::case::{CaseId, CaseLog, Channel, DeviceId, Event, EventBody, EventId, IdSource};
use care_core::search::{CaseStatus, MatchedIn, Query, SearchIndex};
use care_core::{CaseSummary, Customer, CustomerId, Text};
use time::macros::{date, datetime, offset};
use time::OffsetDateTime;

fn text(s: &str) -> Text {
    Text {
        zh_cn: s.into(),
        en: s.into(),
    }
}

fn customer(id: &str, name: &str, msisdn: &str, account: &str) -> Customer {
    Customer {
        id: CustomerId::new(id),
        name: name.into(),
        msisdn: msisdn.into(),
        account: account.into(),
        id_number: "110101199001011234".into(),
        plan: text("plan"),
        city: text("city"),
        segment: text("segment"),
        tenure_months: 12,
        profile: None,
    }
}

/// Writes cases as the app would, one event at a time, and returns their
/// summaries.
struct Cases {
    ids: IdSource,
    device: DeviceId,
    /// Stands in for the random bits of ids, so references differ.
    random: u128,
}

impl Cases {
    fn new() -> Self {
        let mut ids = IdSource::new();
        let device = DeviceId::from_uuid(ids.next(1_700_000_000_000, 7));
        Self {
            ids,
            device,
            random: 0x5eed,
        }
    }

    fn case(&mut self, at: OffsetDateTime, customer: &str, bodies: Vec<EventBody>) -> CaseSummary {
        let ms = (at.unix_timestamp() * 1000) as u64;
        self.random = self
            .random
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1);
        let case = CaseId::from_uuid(self.ids.next(ms, self.random));
        let mut log = CaseLog::new();
        let open = EventBody::CaseOpened {
            agent: None,
            channel: Channel::Hotline,
            customer: Some(CustomerId::new(customer)),
            training: None,
        };
        for (i, body) in std::iter::once(open).chain(bodies).enumerate() {
            let ms = ms + i as u64 * 60_000;
            log.merge([Event {
                id: EventId::from_uuid(self.ids.next(ms, 2)),
                case,
                device: self.device,
                at: OffsetDateTime::from_unix_timestamp((ms / 1000) as i64).expect("time"),
                body,
            }]);
        }
        log.state().expect("folds").summary()
    }
}

fn note(t: &str) -> EventBody {
    EventBody::NoteAdded { text: t.into() }
}

fn archive() -> (SearchIndex, Vec<CaseSummary>) {
    let customers = [
        customer("C-1", "张伟", "13800138000", "8800123401"),
        customer("C-2", "李娜", "13912345678", "8800123402"),
        customer("C-3", "John Smith", "18611112222", "8800123403"),
    ];
    let mut w = Cases::new();
    let cases = vec![
        w.case(
            datetime!(2026-11-02 09:00 UTC),
            "C-1",
            vec![note("客户说上月账单多扣了流量费 ２ＧＢ")],
        ),
        w.case(
            datetime!(2026-11-10 15:59 UTC),
            "C-2",
            vec![note("漫游套餐没生效")],
        ),
        w.case(
            datetime!(2026-11-20 03:00 UTC),
            "C-3",
            vec![note("No signal at home since Monday")],
        ),
    ];
    let mut index = SearchIndex::new();
    for c in &cases {
        let who = customers
            .iter()
            .find(|cu| Some(&cu.id) == c.customer.as_ref());
        index.upsert(c.clone(), who);
    }
    (index, cases)
}

fn found(index: &SearchIndex, q: &Query) -> Vec<CaseId> {
    index
        .search(q, 50)
        .hits
        .iter()
        .map(|h| h.summary.id)
        .collect()
}

fn words(t: &str) -> Query {
    Query {
        text: t.into(),
        ..Query::default()
    }
}

#[test]
fn a_phone_fragment_finds_the_case_however_it_is_typed() {
    let (index, cases) = archive();
    for typed in [
        "0013",
        "138 0013 8000",
        "138-0013-8000",
        "１３８００１３８０００",
    ] {
        assert_eq!(
            found(&index, &words(typed)),
            vec![cases[0].id],
            "typed {typed}"
        );
    }
    let hit = &index.search(&words("13800138000"), 10).hits[0];
    assert_eq!(hit.matched, vec![MatchedIn::Phone]);
}

#[test]
fn part_of_a_name_finds_the_case_in_any_case() {
    let (index, cases) = archive();
    assert_eq!(found(&index, &words("李")), vec![cases[1].id]);
    assert_eq!(found(&index, &words("smith")), vec![cases[2].id]);
    assert_eq!(found(&index, &words("JOHN")), vec![cases[2].id]);
}

#[test]
fn the_case_reference_read_to_the_customer_finds_it() {
    let (index, cases) = archive();
    let id = cases[1].id.to_string().to_uppercase();
    let tail = &id[id.len() - 8..];
    let reference = format!("{}-{}", &tail[..4], &tail[4..]);
    let found = index.search(&words(&reference), 10);
    assert_eq!(found.total, 1);
    assert_eq!(found.hits[0].summary.id, cases[1].id);
    assert_eq!(found.hits[0].matched, vec![MatchedIn::Reference]);
}

#[test]
fn words_from_the_notes_match_without_segmentation_and_all_must_match() {
    let (index, cases) = archive();
    assert_eq!(found(&index, &words("流量")), vec![cases[0].id]);
    assert_eq!(found(&index, &words("2gb 账单")), vec![cases[0].id]);
    assert!(found(&index, &words("流量 漫游")).is_empty());
    assert_eq!(found(&index, &words("signal")), vec![cases[2].id]);
}

#[test]
fn nothing_matches_a_word_that_is_nowhere() {
    let (index, _) = archive();
    let none = index.search(&words("宽带"), 10);
    assert_eq!(none.total, 0);
    assert!(none.hits.is_empty());
}

#[test]
fn an_empty_query_lists_every_case_most_recent_first() {
    let (index, cases) = archive();
    assert_eq!(
        found(&index, &Query::default()),
        vec![cases[2].id, cases[1].id, cases[0].id]
    );
}

#[test]
fn days_are_the_agents_days_and_both_ends_are_included() {
    let (index, cases) = archive();
    // 15:59 UTC on the 10th is 23:59 in Beijing: still the 10th there.
    let q = Query {
        from: Some(date!(2026 - 11 - 10)),
        to: Some(date!(2026 - 11 - 10)),
        offset: Some(offset!(+8)),
        ..Query::default()
    };
    assert_eq!(found(&index, &q), vec![cases[1].id]);
    // 03:00 UTC on the 20th is the 19th in New York.
    let q = Query {
        to: Some(date!(2026 - 11 - 19)),
        offset: Some(offset!(-5)),
        ..Query::default()
    };
    assert_eq!(
        found(&index, &q),
        vec![cases[2].id, cases[1].id, cases[0].id]
    );
    let q = Query {
        from: Some(date!(2026 - 11 - 20)),
        offset: Some(offset!(+8)),
        ..Query::default()
    };
    assert_eq!(found(&index, &q), vec![cases[2].id]);
}

#[test]
fn status_intent_and_channel_filter_the_words() {
    let mut w = Cases::new();
    let open = w.case(datetime!(2026-11-01 09:00 UTC), "C-1", vec![]);
    let answered = w.case(
        datetime!(2026-11-01 10:00 UTC),
        "C-1",
        vec![
            EventBody::IntentConfirmed {
                intent: "balance_enquiry".into(),
                overridden: false,
            },
            EventBody::QuickAnswerGiven {
                answer: "balance".into(),
            },
        ],
    );
    let mut index = SearchIndex::new();
    index.upsert(open.clone(), None);
    index.upsert(answered.clone(), None);
    let by_status = |s| Query {
        status: Some(s),
        ..Query::default()
    };
    assert_eq!(found(&index, &by_status(CaseStatus::Open)), vec![open.id]);
    assert_eq!(
        found(&index, &by_status(CaseStatus::Closed)),
        vec![answered.id]
    );
    assert!(found(&index, &by_status(CaseStatus::AwaitingFollowUp)).is_empty());
    let by_intent = Query {
        intent: Some("balance_enquiry".into()),
        ..Query::default()
    };
    assert_eq!(found(&index, &by_intent), vec![answered.id]);
    let by_channel = Query {
        channel: Some(Channel::Store),
        ..Query::default()
    };
    assert!(found(&index, &by_channel).is_empty());
}

#[test]
fn a_newer_summary_replaces_the_case_and_an_older_one_does_not() {
    let mut w = Cases::new();
    let before = w.case(datetime!(2026-11-01 09:00 UTC), "C-1", vec![]);
    let mut after = before.clone();
    // The same case after a note about a lost SIM.
    let mut ids = IdSource::new();
    after.last_event = EventId::from_uuid(ids.next(1_900_000_000_000, 3));
    after.search_text = "SIM 卡丢了".into();
    let mut index = SearchIndex::new();
    index.upsert(after.clone(), None);
    index.upsert(before.clone(), None);
    assert_eq!(index.len(), 1);
    assert_eq!(found(&index, &words("sim")), vec![after.id]);
}

#[test]
fn the_total_counts_every_match_while_the_hits_are_limited() {
    let mut w = Cases::new();
    let mut index = SearchIndex::new();
    for day in 0..120 {
        let at = datetime!(2026-06-01 09:00 UTC) + time::Duration::days(day);
        index.upsert(w.case(at, "C-1", vec![note("账单有误")]), None);
    }
    let found = index.search(&words("账单"), 25);
    assert_eq!(found.total, 120);
    assert_eq!(found.hits.len(), 25);
    assert!(found
        .hits
        .windows(2)
        .all(|w| w[0].summary.updated_at >= w[1].summary.updated_at));
}
