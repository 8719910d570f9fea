//! Reconstruction on the demo data with the demo pack: every planted
//! problem is found by the pack's features and explained, every problem
//! intent of the pack has customers whose records point to one of its
//! causes, and the detectors keep quiet when their condition does not hold.

mod common;

use care_core::demo_data::{Scenario, CHINA};
use care_core::pack::{RecordKind, Routing};
use care_core::reconstruct::{detect, detect_one, timeline, Subject, Window};
use care_core::CustomerId;
use common::{data, demo_pack, has_han, NOW, PLANTED};
use std::collections::BTreeSet;
use time::Duration;

fn subject(id: &CustomerId) -> Subject<'static> {
    data().subject(id).expect("demo customers have a profile")
}

fn window(intent: &str) -> Window {
    let intent = demo_pack().intent(intent).expect("intent exists");
    Window::for_intent(intent, NOW, CHINA)
}

fn fired(id: &CustomerId, intent: &str) -> BTreeSet<String> {
    detect(demo_pack(), &subject(id), &window(intent))
        .into_iter()
        .map(|f| f.feature)
        .collect()
}

#[test]
fn every_planted_problem_is_found_and_explained_with_its_records() {
    assert_eq!(PLANTED.len(), Scenario::ALL.len());
    for (scenario, intent, feature) in PLANTED {
        let ids = data().scenario_customers(scenario);
        assert!(!ids.is_empty(), "{scenario:?}");
        for id in ids {
            let findings = detect(demo_pack(), &subject(id), &window(intent));
            let f = findings
                .iter()
                .find(|f| f.feature == feature)
                .unwrap_or_else(|| panic!("{scenario:?} {id:?}: {feature} did not fire"));
            assert!(f.detail.zh_cn.chars().count() > 8, "{f:?}");
            assert!(f.detail.en.len() > 8 && !has_han(&f.detail.en), "{f:?}");
            if feature != "id_document_expired" {
                assert!(!f.evidence.is_empty(), "{f:?}");
                assert!(f.at.is_some(), "{f:?}");
            }
        }
    }
}

/// A rule's feature conditions, which the records alone can satisfy.
fn rule_features(rule: &care_core::pack::Rule) -> Vec<&str> {
    rule.all
        .iter()
        .filter_map(|c| c.feature.as_deref())
        .collect()
}

#[test]
fn every_problem_intent_has_customers_whose_records_point_to_one_of_its_causes() {
    let pack = demo_pack();
    for intent in pack
        .intents
        .iter()
        .filter(|i| i.routing != Routing::SelfService)
    {
        let causes: Vec<&str> = pack
            .causes
            .iter()
            .filter(|c| c.intents.contains(&intent.id))
            .map(|c| c.id.as_str())
            .collect();
        // Rules of those causes that need at least one feature: a customer
        // "shows" the cause when every feature the rule needs fired.
        let rules: Vec<_> = pack
            .rules
            .iter()
            .filter(|r| causes.contains(&r.cause.as_str()) && !rule_features(r).is_empty())
            .collect();
        assert!(
            !rules.is_empty(),
            "{}: no rule reads the records",
            intent.id
        );
        let showing = data()
            .customers
            .iter()
            .filter(|c| {
                let fired = fired(&c.id, &intent.id);
                rules
                    .iter()
                    .any(|r| rule_features(r).iter().all(|f| fired.contains(*f)))
            })
            .count();
        assert!(
            showing >= 10,
            "{}: only {showing} customers' records show one of {causes:?}",
            intent.id
        );
    }
}

#[test]
fn ordinary_customers_rarely_trip_the_planted_detectors() {
    // The detectors are meant to point at real problems: on customers
    // without a planted one, each fires for a minority only.
    let ordinary: Vec<_> = data()
        .customers
        .iter()
        .filter(|c| data().scenario_of(&c.id).is_none())
        .collect();
    for (_, intent, feature) in PLANTED {
        let f = demo_pack()
            .features
            .iter()
            .find(|f| f.id == feature)
            .expect("feature in pack");
        let hits = ordinary
            .iter()
            .filter(|c| detect_one(f, &subject(&c.id), &window(intent)).is_some())
            .count();
        assert!(
            hits * 5 < ordinary.len(),
            "{feature}: {hits} of {} ordinary customers",
            ordinary.len()
        );
    }
}

#[test]
fn an_outage_counts_only_from_when_the_customer_says_the_problem_began() {
    let id = data().scenario_customers(Scenario::AreaOutage)[0];
    let s = subject(id);
    let feature = demo_pack()
        .features
        .iter()
        .find(|f| f.id == "area_outage")
        .expect("feature");
    let mut w = window("no_signal");
    assert!(detect_one(feature, &s, &w).is_some());
    // Reported to start after every event on their cells ended.
    let last_end = s
        .network_events
        .iter()
        .map(|e| e.end.unwrap_or(NOW))
        .max()
        .expect("events");
    if last_end < NOW {
        w.reported = Some(last_end + Duration::minutes(1));
        assert!(detect_one(feature, &s, &w).is_none());
    }
    // Reported far in the past: clipped to the window, still found.
    w.reported = Some(NOW - Duration::days(400));
    assert!(detect_one(feature, &s, &w).is_some());
}

#[test]
fn a_threshold_from_the_pack_changes_what_fires() {
    let id = data().scenario_customers(Scenario::BillSpike)[0];
    let s = subject(id);
    let mut feature = demo_pack()
        .features
        .iter()
        .find(|f| f.id == "bill_spike")
        .expect("feature")
        .clone();
    let w = window("bill_dispute");
    assert!(detect_one(&feature, &s, &w).is_some());
    feature.threshold = Some(50.0);
    assert!(detect_one(&feature, &s, &w).is_none());
}

#[test]
fn a_contract_that_ended_does_not_lock_the_customer() {
    let id = data().scenario_customers(Scenario::ContractTerm)[0];
    let s = subject(id);
    let feature = demo_pack()
        .features
        .iter()
        .find(|f| f.id == "under_contract")
        .expect("feature");
    let found = detect_one(feature, &s, &window("port_out")).expect("under contract now");
    assert!(found.detail.zh_cn.contains("违约金"), "{:?}", found.detail);
    let end = s.profile.contract.as_ref().expect("contract").end;
    let later = Window::for_intent(
        demo_pack().intent("port_out").expect("intent"),
        end.next_day()
            .expect("date")
            .midnight()
            .assume_offset(CHINA)
            + Duration::days(1),
        CHINA,
    );
    assert!(detect_one(feature, &s, &later).is_none());
}

#[test]
fn the_timeline_holds_only_the_asked_records_of_the_window_in_order() {
    for (scenario, intent, _) in PLANTED {
        let id = data().scenario_customers(scenario)[0];
        let i = demo_pack().intent(intent).expect("intent");
        let w = window(intent);
        let entries = timeline(&subject(id), &i.records, &w);
        assert!(!entries.is_empty(), "{scenario:?}");
        assert!(entries.windows(2).all(|p| p[0].at <= p[1].at));
        for e in &entries {
            assert!(i.records.contains(&e.record.kind), "{e:?}");
            // Things that last may have begun before the window.
            let lasts = e.end.is_some()
                || matches!(
                    e.record.kind,
                    RecordKind::Devices | RecordKind::Subscriptions
                );
            assert!(lasts || w.contains(e.at), "{e:?} outside {w:?}");
            assert!(!e.title.zh_cn.is_empty() && !has_han(&e.title.en), "{e:?}");
        }
    }
}

#[test]
fn every_finding_can_be_opened_on_the_timeline() {
    // The flag on the timeline and the record list must agree: every
    // record a finding names is on the intent's timeline (or, for a
    // usage day, inside a usage episode that starts on or before it).
    for (scenario, intent, feature) in PLANTED {
        let i = demo_pack().intent(intent).expect("intent");
        for id in data().scenario_customers(scenario).into_iter().take(4) {
            let s = subject(id);
            let w = window(intent);
            let entries = timeline(&s, &i.records, &w);
            let findings = detect(demo_pack(), &s, &w);
            let f = findings
                .iter()
                .find(|f| f.feature == feature)
                .expect("fires");
            for r in f.evidence.iter().filter(|r| i.records.contains(&r.kind)) {
                let shown = entries.iter().any(|e| &e.record == r)
                    || (r.kind == RecordKind::Usage
                        && entries.iter().any(|e| {
                            e.record.kind == RecordKind::Usage
                                && e.record.id.as_str() <= r.id.as_str()
                        }));
                assert!(shown, "{scenario:?} {id:?}: {r:?} not on the timeline");
            }
        }
    }
}
