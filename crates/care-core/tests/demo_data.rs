//! The demo reference data: deterministic, fictional, and every planted
//! problem really visible in the records.

use care_core::demo_data::{self, profile_tags, DemoData, Scenario, TagKind, LOOKUP_LIMIT};
use care_core::records::{
    BillStatus, CustomerRecords, Fen, LineKind, NetworkEventKind, OrderKind, OrderStatus,
    OverQuota, PaymentOutcome, PaymentPurpose,
};
use care_core::{Customer, CustomerId};
use std::collections::BTreeSet;
use std::sync::OnceLock;
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

const SEED: u64 = 20_260_520;
/// A Wednesday morning, China time.
const NOW: OffsetDateTime = datetime!(2026-05-20 10:30 +8);

fn data() -> &'static DemoData {
    static DATA: OnceLock<DemoData> = OnceLock::new();
    DATA.get_or_init(|| demo_data::generate(SEED, NOW))
}

/// The data and the moment it was generated for; the signal checks take
/// one so they can run on other days of the month too.
struct At<'a> {
    d: &'a DemoData,
    now: OffsetDateTime,
}

impl<'a> At<'a> {
    fn customer(&self, id: &CustomerId) -> &'a Customer {
        self.d.customer(id).expect("scenario customer exists")
    }

    fn records(&self, id: &CustomerId) -> &'a CustomerRecords {
        self.d.records(id).expect("every customer has records")
    }

    fn ordinary(&self) -> impl Iterator<Item = &'a Customer> + '_ {
        self.d
            .customers
            .iter()
            .filter(|c| self.d.scenario_of(&c.id).is_none())
    }

    fn today(&self) -> time::Date {
        self.now.to_offset(demo_data::CHINA).date()
    }
}

fn at() -> At<'static> {
    At {
        d: data(),
        now: NOW,
    }
}

fn ordinary() -> impl Iterator<Item = &'static Customer> {
    data()
        .customers
        .iter()
        .filter(|c| data().scenario_of(&c.id).is_none())
}

fn median(mut totals: Vec<i64>) -> i64 {
    totals.sort_unstable();
    let mid = totals.len() / 2;
    if totals.len() % 2 == 0 {
        (totals[mid - 1] + totals[mid]) / 2
    } else {
        totals[mid]
    }
}

/// Latest bill total over the median of the earlier ones, in percent.
fn spike_percent(records: &CustomerRecords) -> Option<i64> {
    let (latest, earlier) = records.bills.split_last()?;
    let usual = median(earlier.iter().map(|b| b.total.0).collect());
    (usual > 0).then(|| latest.total.0 * 100 / usual)
}

#[test]
fn the_same_seed_and_time_give_the_same_data() {
    let again = demo_data::generate(SEED, NOW);
    assert_eq!(&again, data());
    assert_eq!(
        serde_json::to_string(&again).expect("serializes"),
        serde_json::to_string(data()).expect("serializes")
    );
    let other = demo_data::generate(SEED + 1, NOW);
    assert_ne!(
        other.customers[0].name.clone() + &other.customers[0].msisdn,
        data().customers[0].name.clone() + &data().customers[0].msisdn
    );
}

#[test]
fn the_same_people_come_back_on_another_day() {
    let later = demo_data::generate(SEED, NOW + Duration::days(40));
    for (a, b) in data().customers.iter().zip(&later.customers) {
        assert_eq!(
            (&a.id, &a.name, &a.msisdn, &a.account, &a.id_number),
            (&b.id, &b.name, &b.msisdn, &b.account, &b.id_number)
        );
    }
}

#[test]
fn there_are_at_least_500_customers_with_unique_numbers() {
    let d = data();
    assert!(d.customers.len() >= 500, "{}", d.customers.len());
    let ids: BTreeSet<_> = d.customers.iter().map(|c| &c.id).collect();
    let msisdns: BTreeSet<_> = d.customers.iter().map(|c| &c.msisdn).collect();
    let accounts: BTreeSet<_> = d.customers.iter().map(|c| &c.account).collect();
    let id_numbers: BTreeSet<_> = d.customers.iter().map(|c| &c.id_number).collect();
    assert_eq!(ids.len(), d.customers.len());
    assert_eq!(msisdns.len(), d.customers.len());
    assert_eq!(accounts.len(), d.customers.len());
    assert_eq!(id_numbers.len(), d.customers.len());
    for c in &d.customers {
        let profile = c
            .profile
            .as_ref()
            .expect("generated customers have a profile");
        assert!(d.records(&c.id).is_some());
        assert!(d.plan(&profile.plan).is_some());
        assert_eq!(c.plan, d.plan(&profile.plan).expect("plan").name);
        assert_eq!(c.segment, profile.tier.label());
        let area = d.area(&profile.home_area).expect("home area exists");
        assert!(profile
            .home_cells
            .iter()
            .all(|cell| area.cells.contains(cell)));
        assert_eq!(c.city, area.city);
    }
}

#[test]
fn demo_data_survives_a_json_round_trip() {
    let back: DemoData =
        serde_json::from_str(&serde_json::to_string(data()).expect("serializes")).expect("parses");
    assert_eq!(&back, data());
}

#[test]
fn every_scenario_has_a_reasonable_number_of_distinct_customers() {
    let mut seen = BTreeSet::new();
    for s in Scenario::ALL {
        let ids = data().scenario_customers(s);
        assert!((10..=30).contains(&ids.len()), "{s:?}: {}", ids.len());
        for id in ids {
            assert!(seen.insert(id.clone()), "{id:?} carries two scenarios");
            assert_eq!(data().scenario_of(id), Some(s));
        }
    }
    assert!(ordinary().count() > data().customers.len() / 2);
}

fn check_bill_spike(at: &At) {
    for id in at.d.scenario_customers(Scenario::BillSpike) {
        let r = at.records(id);
        assert_eq!(r.bills.len(), 12);
        let percent = spike_percent(r).expect("bills");
        assert!(percent >= 150, "{id:?}: latest bill is {percent}% of usual");
        let latest = r.bills.last().expect("bill");
        let overage: Fen = latest
            .lines_where(|k| {
                matches!(
                    k,
                    LineKind::ExtraData { .. } | LineKind::VoiceOverage { .. }
                )
            })
            .map(|l| l.amount)
            .sum();
        let usual = median(r.bills[..11].iter().map(|b| b.total.0).collect());
        assert!(
            overage.0 * 2 >= usual,
            "{id:?}: overage {overage} explains the spike over {usual}"
        );
        assert!(latest
            .lines_where(|k| matches!(k, LineKind::Roaming { .. }))
            .next()
            .is_none());
    }
}

fn check_ordinary_bills_do_not_spike(at: &At) {
    let postpaid: Vec<_> = at
        .ordinary()
        .filter(|c| !at.records(&c.id).bills.is_empty())
        .collect();
    let spiking = postpaid
        .iter()
        .filter(|c| spike_percent(at.records(&c.id)).is_some_and(|p| p >= 150))
        .count();
    assert!(postpaid.len() > 200);
    assert!(
        spiking * 100 <= postpaid.len() * 2,
        "{spiking} of {} ordinary bills spike",
        postpaid.len()
    );
}

fn check_roaming(at: &At) {
    let mut abroad_now = 0;
    for id in at.d.scenario_customers(Scenario::Roaming) {
        let r = at.records(id);
        let latest = r.bills.last().expect("postpaid");
        let roaming: Vec<_> = latest
            .lines_where(|k| matches!(k, LineKind::Roaming { .. }))
            .collect();
        assert!(!roaming.is_empty(), "{id:?}");
        for line in roaming {
            let LineKind::Roaming { country, days, .. } = &line.kind else {
                unreachable!()
            };
            let named = at.d.country(country).expect("country in the table");
            assert!(line.label.zh_cn.contains(&named.name.zh_cn));
            assert!(line.label.en.contains(&named.name.en));
            let used = r
                .usage
                .iter()
                .filter(|u| u.roaming.as_ref() == Some(country))
                .filter(|u| u.date >= latest.period_start && u.date <= latest.period_end)
                .count();
            assert_eq!(used, usize::from(*days));
            assert!(line.amount >= named.data_day_pass);
        }
        if profile_tags(at.d, id, at.now)
            .iter()
            .any(|t| t.kind == TagKind::RoamingNow)
        {
            abroad_now += 1;
        }
    }
    assert!(abroad_now > 0, "some roaming customers are abroad now");
    for c in at.ordinary() {
        assert!(!profile_tags(at.d, &c.id, at.now)
            .iter()
            .any(|t| t.kind == TagKind::RoamingNow));
    }
}

fn check_outage(at: &At) {
    let from = at.now - Duration::days(3);
    let outage: BTreeSet<_> =
        at.d.scenario_customers(Scenario::AreaOutage)
            .into_iter()
            .collect();
    for c in &at.d.customers {
        let profile = c.profile.as_ref().expect("profile");
        let in_area =
            at.d.network_events.iter().any(|e| {
                e.area == profile.home_area && e.overlaps(from, at.now) && e.start <= at.now
            });
        assert_eq!(in_area, outage.contains(&c.id), "{:?}", c.id);
        if in_area {
            let mine = at.d.network_events_for(&c.id);
            let event = mine
                .iter()
                .find(|e| e.overlaps(from, at.now))
                .expect("in their cells");
            assert_eq!(event.kind, NetworkEventKind::Outage);
        }
    }
}

fn check_plan_change(at: &At) {
    for id in at.d.scenario_customers(Scenario::PlanChange) {
        let r = at.records(id);
        let latest = r.bills.last().expect("postpaid");
        let change = r
            .orders
            .iter()
            .find_map(|o| match &o.kind {
                OrderKind::PlanChange {
                    from,
                    to,
                    effective,
                } if o.status == OrderStatus::Completed => Some((from, to, *effective)),
                _ => None,
            })
            .expect("a plan change order");
        assert!(change.2 > latest.period_start && change.2 <= latest.period_end);
        let fees: Vec<_> = latest
            .lines
            .iter()
            .filter_map(|l| match &l.kind {
                LineKind::PlanFee {
                    plan,
                    days,
                    of_days,
                } => Some((plan, *days, *of_days)),
                _ => None,
            })
            .collect();
        assert_eq!(fees.len(), 2, "{id:?}");
        assert_eq!(fees[0].0, change.0);
        assert_eq!(fees[1].0, change.1);
        assert!(fees[0].1 < fees[0].2);
        assert_eq!(fees[0].1 + fees[1].1, fees[0].2);
        assert_eq!(
            &at.customer(id).profile.as_ref().expect("profile").plan,
            change.1
        );
    }
}

fn check_unwanted_subscription(at: &At) {
    for id in at.d.scenario_customers(Scenario::UnwantedSubscription) {
        let r = at.records(id);
        let latest = r.bills.last().expect("postpaid");
        let sub = r
            .subscriptions
            .iter()
            .find(|s| s.channel.is_link() && s.start >= latest.period_start && s.end.is_none())
            .expect("a recent subscription through a link");
        assert!(sub.monthly_fee > Fen::ZERO);
        assert!(latest
            .lines_where(
                |k| matches!(k, LineKind::ValueAdded { service } if *service == sub.service)
            )
            .any(|l| l.amount == sub.monthly_fee));
    }
    let since = at.today() - Duration::days(70);
    for c in at.ordinary() {
        assert!(!at
            .records(&c.id)
            .subscriptions
            .iter()
            .any(|s| s.channel.is_link() && s.start >= since));
    }
}

fn check_failed_payment(at: &At) {
    for id in at.d.scenario_customers(Scenario::FailedPayment) {
        let r = at.records(id);
        let profile = at.customer(id).profile.as_ref().expect("profile");
        let failure = r
            .payments
            .iter()
            .rev()
            .find(|p| matches!(p.outcome, PaymentOutcome::Failed { .. }))
            .expect("a failed payment");
        assert!(at.now - failure.at < Duration::days(45), "{id:?}");
        assert!(profile.balance < Fen::ZERO, "{id:?}");
        assert!(!profile.status.is_active(), "{id:?}");
        assert!(
            !r.payments
                .iter()
                .any(|p| p.succeeded() && p.at > failure.at),
            "{id:?}: nothing paid since"
        );
        if !r.bills.is_empty() {
            let overdue = r
                .bills
                .iter()
                .find(|b| b.status == BillStatus::Overdue)
                .expect("overdue bill");
            assert!(overdue.due < at.today());
            assert_eq!(profile.balance, -overdue.total);
            assert!(r.payments.iter().any(|p| !p.succeeded()
                && matches!(&p.purpose, PaymentPurpose::Bill { bill } if *bill == overdue.id)));
        }
        let since = profile.status.since().expect("barred");
        assert!(r
            .usage
            .iter()
            .filter(|u| u.date >= since)
            .all(|u| u.data_mb == 0));
        assert!(profile_tags(at.d, id, at.now)
            .iter()
            .any(|t| t.kind == TagKind::Arrears));
    }
    for c in at.ordinary() {
        let profile = c.profile.as_ref().expect("profile");
        assert!(
            profile.status.is_active() && profile.balance >= Fen::ZERO,
            "{:?}",
            c.id
        );
        assert!(!at
            .records(&c.id)
            .bills
            .iter()
            .any(|b| b.status == BillStatus::Overdue));
    }
}

/// The first throttled day of the last ten, with the data used in its month before it.
fn recent_throttle(at: &At, r: &CustomerRecords) -> Option<(time::Date, u64)> {
    let first = r
        .usage
        .iter()
        .find(|u| u.throttled && u.date >= at.today() - Duration::days(10))?;
    let month_start = first.date.replace_day(1).expect("day 1");
    let before: u64 = r
        .usage
        .iter()
        .filter(|u| u.date >= month_start && u.date < first.date && u.roaming.is_none())
        .map(|u| u64::from(u.data_mb))
        .sum();
    Some((first.date, before))
}

fn check_throttled(at: &At) {
    for id in at.d.scenario_customers(Scenario::Throttled) {
        let plan =
            at.d.plan(&at.customer(id).profile.as_ref().expect("profile").plan)
                .expect("plan");
        assert!(matches!(plan.over_quota, OverQuota::Throttle { .. }));
        let (_, used) = recent_throttle(at, at.records(id)).expect("slowed recently");
        assert!(
            used >= u64::from(plan.data_mb),
            "{id:?}: {used} of {}",
            plan.data_mb
        );
    }
    for c in at.ordinary() {
        assert!(
            recent_throttle(at, at.records(&c.id)).is_none(),
            "{:?}",
            c.id
        );
    }
}

fn check_sim_change(at: &At) {
    for id in at.d.scenario_customers(Scenario::SimChange) {
        let sim = &at.customer(id).profile.as_ref().expect("profile").sim;
        let order = at
            .records(id)
            .orders
            .iter()
            .find(|o| matches!(o.kind, OrderKind::SimReplacement { .. }))
            .expect("a SIM replacement");
        assert!(at.now - order.placed <= Duration::days(7));
        assert!(order.placed < at.now);
        assert_eq!(order.status, OrderStatus::Completed);
        let OrderKind::SimReplacement {
            new_iccid,
            old_iccid,
            ..
        } = &order.kind
        else {
            unreachable!()
        };
        assert_eq!(&sim.iccid, new_iccid);
        assert_ne!(old_iccid, new_iccid);
        assert!(at.today() - sim.issued <= Duration::days(7));
    }
    for c in at.ordinary() {
        let sim = &c.profile.as_ref().expect("profile").sim;
        assert!(at.today() - sim.issued > Duration::days(30), "{:?}", c.id);
    }
}

fn check_old_handset(at: &At) {
    for id in at.d.scenario_customers(Scenario::OldHandset) {
        let profile = at.customer(id).profile.as_ref().expect("profile");
        let handset = at.records(id).handsets.last().expect("handset");
        assert_eq!(handset.imei, profile.handset_imei);
        assert!(handset.age_months(at.today()) > 36, "{id:?}");
        assert!(!handset.under_warranty(at.today()));
    }
    for c in at.ordinary() {
        let handset = at.records(&c.id).handsets.last().expect("handset");
        assert!(handset.age_months(at.today()) < 36, "{:?}", c.id);
    }
}

fn check_repeat_contact(at: &At) {
    let in_week = |r: &CustomerRecords| {
        r.contacts
            .iter()
            .filter(|c| c.at <= at.now && at.now - c.at < Duration::days(7))
            .count()
    };
    for id in at.d.scenario_customers(Scenario::RepeatContact) {
        let n = in_week(at.records(id));
        assert!(n >= 2, "{id:?}: {n}");
        let tag = profile_tags(at.d, id, at.now)
            .into_iter()
            .find(|t| t.kind == TagKind::RepeatContact)
            .expect("tagged");
        assert_eq!(tag.reason.zh_cn, format!("7 天内已来电 {n} 次"));
        assert_eq!(
            tag.reason.en,
            format!("repeat contact: {n} contacts in 7 days")
        );
    }
    for c in at.ordinary() {
        assert_eq!(in_week(at.records(&c.id)), 0, "{:?}", c.id);
    }
}

fn check_bills_add_up(at: &At) {
    for c in &at.d.customers {
        let r = at.records(&c.id);
        for bill in &r.bills {
            assert_eq!(bill.total, bill.sum_of_lines(), "{:?}", bill.id);
            assert!(bill.total >= Fen::ZERO);
            assert!(bill.lines.iter().any(|l| l.kind == LineKind::VatIncluded));
            if let BillStatus::Paid { on } = bill.status {
                assert!(r.payments.iter().any(|p| p.succeeded()
                    && matches!(&p.purpose, PaymentPurpose::Bill { bill: b } if *b == bill.id)
                    && p.at.to_offset(demo_data::CHINA).date() == on));
            }
            for line in bill.lines_where(|k| matches!(k, LineKind::ExtraData { .. })) {
                let LineKind::ExtraData { mb } = line.kind else {
                    unreachable!()
                };
                let used: u64 = r
                    .usage
                    .iter()
                    .filter(|u| {
                        u.date >= bill.period_start
                            && u.date <= bill.period_end
                            && u.roaming.is_none()
                    })
                    .map(|u| u64::from(u.data_mb))
                    .sum();
                assert!(used > u64::from(mb));
            }
        }
        assert!(r.payments.iter().all(|p| p.at < at.now));
        assert!(r.orders.iter().all(|o| o.placed < at.now));
        assert!(r.contacts.iter().all(|k| k.at < at.now));
        assert!(r.usage.windows(2).all(|w| w[0].date < w[1].date));
        assert!(r.usage.last().is_none_or(|u| u.date < at.today()));
    }
}

/// Every check, for one generated data set.
fn check_all(at: &At) {
    check_bill_spike(at);
    check_ordinary_bills_do_not_spike(at);
    check_roaming(at);
    check_outage(at);
    check_plan_change(at);
    check_unwanted_subscription(at);
    check_failed_payment(at);
    check_throttled(at);
    check_sim_change(at);
    check_old_handset(at);
    check_repeat_contact(at);
    check_bills_add_up(at);
}

#[test]
fn a_bill_spike_shows_on_the_latest_bill_with_the_lines_that_explain_it() {
    check_bill_spike(&at());
}

#[test]
fn ordinary_customers_rarely_look_like_a_bill_spike() {
    check_ordinary_bills_do_not_spike(&at());
}

#[test]
fn roaming_customers_were_abroad_in_a_named_country_and_billed_for_it() {
    check_roaming(&at());
}

#[test]
fn outage_customers_have_an_outage_in_their_cells_within_three_days_and_nobody_else_does() {
    check_outage(&at());
}

#[test]
fn a_plan_change_has_its_order_and_a_prorated_bill() {
    check_plan_change(&at());
}

#[test]
fn an_unwanted_subscription_came_through_a_link_and_is_charged() {
    check_unwanted_subscription(&at());
}

#[test]
fn a_failed_payment_leaves_arrears_and_a_barred_line() {
    check_failed_payment(&at());
}

#[test]
fn throttled_customers_used_their_quota_and_were_slowed_in_the_last_days() {
    check_throttled(&at());
}

#[test]
fn a_sim_change_happened_within_the_week() {
    check_sim_change(&at());
}

#[test]
fn an_old_handset_is_over_three_years_old_and_out_of_warranty() {
    check_old_handset(&at());
}

#[test]
fn repeat_contacts_are_two_or_more_in_seven_days_and_tagged() {
    check_repeat_contact(&at());
}

#[test]
fn bills_add_up_and_follow_the_usage() {
    check_bills_add_up(&at());
}

/// Month ends, the 1st just after midnight, leap days, a `now` given in UTC:
/// the signals must not depend on the day the app is opened.
#[test]
fn the_signals_hold_whatever_the_day() {
    for (seed, now) in [
        (1, datetime!(2026-03-01 00:10 +8)),
        (2, datetime!(2026-02-28 16:20 UTC)),
        (3, datetime!(2028-02-29 23:50 +8)),
        (4, datetime!(2026-01-03 09:00 +8)),
        (5, datetime!(2025-12-21 18:00 +8)),
        (6, datetime!(2026-07-31 12:00 +8)),
    ] {
        let d = demo_data::generate(seed, now);
        check_all(&At { d: &d, now });
    }
}

fn valid_mainland_id(id: &str) -> bool {
    const W: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const C: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];
    let chars: Vec<char> = id.chars().collect();
    if chars.len() != 18 || !chars[..17].iter().all(char::is_ascii_digit) {
        return false;
    }
    let sum: u32 = chars[..17]
        .iter()
        .zip(W)
        .map(|(c, w)| c.to_digit(10).unwrap_or(0) * w)
        .sum();
    C[(sum % 11) as usize] == chars[17]
}

#[test]
fn no_id_number_passes_the_mainland_checksum_and_numbers_are_marked_fictional() {
    assert!(valid_mainland_id("11010519491231002X"), "the checker works");
    for c in &data().customers {
        assert!(!valid_mainland_id(&c.id_number), "{}", c.id_number);
        assert!(c.id_number.starts_with("99"));
        assert_eq!(c.msisdn.len(), 11);
        assert!(c.msisdn.starts_with('1') && c.msisdn.chars().all(|d| d.is_ascii_digit()));
        assert_eq!(&c.msisdn[3..7], "0000");
        assert!(c
            .profile
            .as_ref()
            .expect("profile")
            .sim
            .iccid
            .starts_with("898699"));
    }
}

#[test]
fn lookup_finds_by_phone_account_and_id_fragments() {
    let d = data();
    let c = &d.customers[123];
    let first = |q: &str| d.lookup(q).first().map(|c| c.id.clone());
    assert_eq!(first(&c.msisdn), Some(c.id.clone()));
    let spaced = format!("{} {} {}", &c.msisdn[..3], &c.msisdn[3..7], &c.msisdn[7..]);
    assert_eq!(first(&spaced), Some(c.id.clone()));
    assert_eq!(first(&format!("+86 {spaced}")), Some(c.id.clone()));
    assert_eq!(
        first(&c.msisdn.replace("0000", "-0000-")),
        Some(c.id.clone())
    );
    assert!(
        d.lookup(&c.msisdn[7..]).iter().any(|x| x.id == c.id),
        "last four digits"
    );
    assert_eq!(first(&c.account), Some(c.id.clone()));
    let fragment = &c.id_number[6..14];
    let spaced_fragment = format!("{} {}", &fragment[..4], &fragment[4..]);
    assert!(
        d.lookup(&spaced_fragment).iter().any(|x| x.id == c.id),
        "ID fragment with a space"
    );
    assert_eq!(first(&c.id_number.to_lowercase()), Some(c.id.clone()));
}

#[test]
fn lookup_puts_exact_matches_first_and_is_bounded() {
    let d = data();
    assert!(d.lookup("138").is_empty(), "too short");
    assert!(d.lookup("").is_empty());
    assert!(d.lookup("张伟").is_empty());
    // "0000" is in every number.
    assert_eq!(d.lookup("0000").len(), LOOKUP_LIMIT);
    let c = &d.customers[7];
    let hits = d.lookup(&c.account);
    assert_eq!(hits[0].id, c.id);
    assert!(hits.len() <= LOOKUP_LIMIT);
}

/// Every `{"zh-CN": …, "en": …}` object in the value.
fn texts<'a>(value: &'a serde_json::Value, out: &mut Vec<(&'a str, &'a str)>) {
    match value {
        serde_json::Value::Object(map) => {
            if let (Some(zh), Some(en)) = (map.get("zh-CN"), map.get("en")) {
                out.push((zh.as_str().unwrap_or(""), en.as_str().unwrap_or("")));
            }
            map.values().for_each(|v| texts(v, out));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| texts(v, out)),
        _ => {}
    }
}

fn has_han(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn every_text_has_both_languages() {
    let json = serde_json::to_value(data()).expect("serializes");
    let mut all = Vec::new();
    texts(&json, &mut all);
    assert!(all.len() > 10_000);
    for (zh, en) in &all {
        assert!(
            !zh.trim().is_empty() && !en.trim().is_empty(),
            "{zh:?} / {en:?}"
        );
        assert!(!has_han(en), "Chinese in English: {en}");
    }
    let han = all.iter().filter(|(zh, _)| has_han(zh)).count();
    assert!(han * 100 >= all.len() * 95, "zh-CN is Chinese");
    let some = &data().customers[0].id;
    let tags: Vec<_> = data()
        .customers
        .iter()
        .flat_map(|c| profile_tags(data(), &c.id, NOW))
        .collect();
    assert!(tags.len() >= data().customers.len() * 2);
    for tag in &tags {
        assert!(
            has_han(&tag.reason.zh_cn) && !has_han(&tag.reason.en),
            "{tag:?}"
        );
    }
    for s in Scenario::ALL {
        assert!(has_han(&s.label().zh_cn) && !has_han(&s.label().en));
    }
    assert!(!profile_tags(data(), some, NOW).is_empty());
}

#[test]
fn tags_say_tier_and_tenure_for_everyone_and_churn_only_with_reasons() {
    for c in &data().customers {
        let tags = profile_tags(data(), &c.id, NOW);
        assert_eq!(tags[0].kind, TagKind::ValueTier);
        assert!(tags[0].reason.en.starts_with(&c.segment.en));
        assert_eq!(tags[1].kind, TagKind::Tenure);
        if let Some(churn) = tags.iter().find(|t| t.kind == TagKind::ChurnRisk) {
            assert!(churn.reason.zh_cn.contains('、'), "{:?}", churn.reason);
        }
    }
    assert!(profile_tags(data(), &CustomerId::new("nobody"), NOW).is_empty());
}

/// Not an assertion: how long generation takes and how big the JSON is.
/// `cargo test --release -p care-core --test demo_data -- measure --nocapture`
#[test]
fn measure_generation_time_and_size() {
    let runs = 5;
    let start = std::time::Instant::now();
    for seed in 0..runs {
        std::hint::black_box(demo_data::generate(seed, NOW));
    }
    let per_run = start.elapsed() / runs as u32;
    let json = serde_json::to_string(data()).expect("serializes");
    let customers = serde_json::to_string(&data().customers).expect("serializes");
    let usage: usize = data().records.values().map(|r| r.usage.len()).sum();
    println!(
        "demo data: {} customers, {} usage days, {} network events; generate {:?} per run ({} runs); JSON {} bytes ({:.1} MiB), customers only {} bytes",
        data().customers.len(),
        usage,
        data().network_events.len(),
        per_run,
        runs,
        json.len(),
        json.len() as f64 / 1_048_576.0,
        customers.len()
    );
    for s in Scenario::ALL {
        println!("  {:<22} {}", s.slug(), data().scenario_customers(s).len());
    }
}

#[test]
fn contract_expired_id_and_fraud_tags_come_with_their_scenarios() {
    for (scenario, kind) in [
        (Scenario::ContractTerm, TagKind::UnderContract),
        (Scenario::ExpiredId, TagKind::IdExpired),
        (Scenario::ScamCalls, TagKind::FraudAlert),
    ] {
        for id in data().scenario_customers(scenario) {
            let tags = profile_tags(data(), id, NOW);
            let tag = tags
                .iter()
                .find(|t| t.kind == kind)
                .unwrap_or_else(|| panic!("{scenario:?} {id:?}: no {kind:?} in {tags:?}"));
            assert!(has_han(&tag.reason.zh_cn) && !has_han(&tag.reason.en));
        }
    }
    // Without a running contract there is no contract tag.
    for c in ordinary() {
        let running = c
            .profile
            .as_ref()
            .and_then(|p| p.contract.as_ref())
            .is_some_and(|k| k.end >= NOW.to_offset(demo_data::CHINA).date());
        let tagged = profile_tags(data(), &c.id, NOW)
            .iter()
            .any(|t| t.kind == TagKind::UnderContract);
        assert_eq!(running, tagged, "{:?}", c.id);
    }
}

#[test]
fn before_verification_tags_show_no_amounts_and_no_place() {
    let money = |s: &str| s.contains('¥');
    let mut masked = 0;
    for c in &data().customers {
        for t in profile_tags(data(), &c.id, NOW) {
            let shown = t.shown(false);
            assert!(!money(&shown.zh_cn) && !money(&shown.en), "{t:?}");
            if let Some(m) = &t.masked {
                masked += 1;
                assert_ne!(m, &t.reason);
                assert_eq!(t.shown(true), &t.reason);
            }
            if t.kind == TagKind::RoamingNow {
                assert!(
                    t.masked.is_some(),
                    "where the customer is abroad is personal"
                );
            }
        }
    }
    assert!(masked > data().customers.len() / 2, "{masked}");
}
