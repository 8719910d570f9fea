//! An opened record as a person reads it: every field of every kind of
//! record labelled and valued in both languages, dates and money in words
//! and numbers a person reads, every record the timeline links to opens,
//! the service password never shows and a screened caller stays masked.

mod common;

use care_core::commit::format_date;
use care_core::demo_data::{Scenario, CHINA};
use care_core::pack::RecordKind;
use care_core::reconstruct::{timeline, Window};
use care_core::records::{describe, BillStatus, Field, OrderKind, PaymentOutcome};
use care_core::verify::mask_msisdn;
use care_core::CustomerId;
use common::{data, demo_pack, has_han, NOW};
use std::collections::BTreeSet;
use time::Duration;

const ALL_KINDS: [RecordKind; 10] = [
    RecordKind::Bills,
    RecordKind::Usage,
    RecordKind::Orders,
    RecordKind::Subscriptions,
    RecordKind::Contacts,
    RecordKind::NetworkEvents,
    RecordKind::Payments,
    RecordKind::Devices,
    RecordKind::Contracts,
    RecordKind::ScreenedCalls,
];

/// A planted customer whose records include each kind.
const PLANTED_FOR: [(RecordKind, Scenario); 10] = [
    (RecordKind::Bills, Scenario::BillSpike),
    (RecordKind::Usage, Scenario::Roaming),
    (RecordKind::Orders, Scenario::SimChange),
    (RecordKind::Subscriptions, Scenario::UnwantedSubscription),
    (RecordKind::Contacts, Scenario::RepeatContact),
    (RecordKind::NetworkEvents, Scenario::AreaOutage),
    (RecordKind::Payments, Scenario::FailedPayment),
    (RecordKind::Devices, Scenario::OldHandset),
    (RecordKind::Contracts, Scenario::ContractTerm),
    (RecordKind::ScreenedCalls, Scenario::ScamCalls),
];

fn open(customer: &CustomerId, kind: RecordKind, id: &str) -> Vec<Field> {
    describe(data(), demo_pack(), customer, kind, id)
        .unwrap_or_else(|| panic!("{customer:?}: {kind:?} {id} does not open"))
}

fn ymd(d: time::Date) -> String {
    format!("{}-{:02}-{:02}", d.year(), d.month() as u8, d.day())
}

/// The ids of every record of `kind` the customer has, as the timeline
/// names them.
fn ids_of(customer: &CustomerId, kind: RecordKind) -> Vec<String> {
    let r = data()
        .records(customer)
        .expect("demo customers have records");
    match kind {
        RecordKind::Bills => r.bills.iter().map(|b| b.id.to_string()).collect(),
        RecordKind::Usage => r.usage.iter().map(|u| ymd(u.date)).collect(),
        RecordKind::Orders => r.orders.iter().map(|o| o.id.to_string()).collect(),
        RecordKind::Subscriptions => r.subscriptions.iter().map(|s| s.id.to_string()).collect(),
        RecordKind::Contacts => r.contacts.iter().map(|c| c.id.to_string()).collect(),
        RecordKind::NetworkEvents => data()
            .network_events_for(customer)
            .iter()
            .map(|e| e.id.to_string())
            .collect(),
        RecordKind::Payments => r.payments.iter().map(|p| p.id.to_string()).collect(),
        RecordKind::Devices => r.handsets.iter().map(|h| h.imei.clone()).collect(),
        RecordKind::Contracts => data()
            .customer(customer)
            .and_then(|c| c.profile.as_ref())
            .and_then(|p| p.contract.as_ref())
            .map(|c| ymd(c.start))
            .into_iter()
            .collect(),
        RecordKind::ScreenedCalls => r
            .screened_calls
            .iter()
            .map(|c| c.at.unix_timestamp().to_string())
            .collect(),
    }
}

/// Both languages filled, English free of Chinese, Chinese labels Chinese,
/// no enum slug left in a value.
fn assert_readable(what: &str, fields: &[Field]) {
    assert!(!fields.is_empty(), "{what}: no fields");
    for f in fields {
        assert!(!f.label.zh_cn.trim().is_empty(), "{what}: {f:?}");
        assert!(!f.label.en.trim().is_empty(), "{what}: {f:?}");
        assert!(!f.value.zh_cn.trim().is_empty(), "{what}: {f:?}");
        assert!(!f.value.en.trim().is_empty(), "{what}: {f:?}");
        assert!(has_han(&f.label.zh_cn), "{what}: Chinese label {f:?}");
        assert!(!has_han(&f.label.en), "{what}: English label {f:?}");
        assert!(!has_han(&f.value.en), "{what}: English value {f:?}");
        // An old contact's intent the pack no longer has is shown as the
        // code it was filed under, and said to be one.
        let unknown_intent = f.value.en.ends_with(" (not in the current pack)");
        assert!(
            unknown_intent || (!f.value.zh_cn.contains('_') && !f.value.en.contains('_')),
            "{what}: a slug in {f:?}"
        );
    }
    let labels: BTreeSet<&str> = fields.iter().map(|f| f.label.en.as_str()).collect();
    assert_eq!(labels.len(), fields.len(), "{what}: a label twice");
}

fn value<'a>(fields: &'a [Field], label_en: &str) -> &'a Field {
    fields
        .iter()
        .find(|f| f.label.en == label_en)
        .unwrap_or_else(|| panic!("no {label_en} in {fields:?}"))
}

#[test]
fn every_record_of_a_planted_customer_of_each_kind_reads_in_both_languages() {
    for (kind, scenario) in PLANTED_FOR {
        let customers = data().scenario_customers(scenario);
        let mut described = 0;
        for customer in customers.iter().take(3) {
            for id in ids_of(customer, kind) {
                let fields = open(customer, kind, &id);
                assert_readable(&format!("{scenario:?} {kind:?} {id}"), &fields);
                described += 1;
            }
        }
        assert!(described > 0, "{kind:?}: {scenario:?} customers have none");
    }
}

#[test]
fn every_variant_of_every_record_is_described() {
    // Orders, payments and bills come in shapes with their own fields: find
    // each shape somewhere in the data and check it reads.
    let mut seen = BTreeSet::new();
    for c in &data().customers {
        let r = data().records(&c.id).expect("records");
        for o in &r.orders {
            let fields = open(&c.id, RecordKind::Orders, o.id.as_str());
            assert_readable(o.id.as_str(), &fields);
            let shape = match &o.kind {
                OrderKind::PlanChange { to, .. } => {
                    let plan = data().plan(to).expect("plans in the catalogue");
                    assert_eq!(value(&fields, "To plan").value, plan.name);
                    "plan change"
                }
                OrderKind::SimReplacement { new_iccid, .. } => {
                    assert_eq!(&value(&fields, "New SIM (ICCID)").value.en, new_iccid);
                    assert!(value(&fields, "New SIM (ICCID)").personal);
                    "sim"
                }
                OrderKind::AddOn { price, .. } => {
                    assert_eq!(value(&fields, "Price").value.en, price.to_string());
                    "add-on"
                }
                OrderKind::HandsetPurchase { imei, .. } => {
                    assert_eq!(&value(&fields, "IMEI").value.en, imei);
                    "handset"
                }
            };
            seen.insert(shape);
        }
        for p in &r.payments {
            let fields = open(&c.id, RecordKind::Payments, p.id.as_str());
            assert_readable(p.id.as_str(), &fields);
            assert_eq!(value(&fields, "Amount").value.zh_cn, p.amount.to_string());
            seen.insert(match p.outcome {
                PaymentOutcome::Succeeded => "paid",
                PaymentOutcome::Failed { reason } => {
                    assert!(value(&fields, "Outcome")
                        .value
                        .zh_cn
                        .contains(&reason.label().zh_cn));
                    "payment failed"
                }
            });
        }
        for b in &r.bills {
            let fields = open(&c.id, RecordKind::Bills, b.id.as_str());
            assert_readable(b.id.as_str(), &fields);
            seen.insert(match b.status {
                BillStatus::Paid { on } => {
                    assert_eq!(value(&fields, "Paid on").value, format_date(on));
                    "bill paid"
                }
                BillStatus::Unpaid => "bill unpaid",
                BillStatus::Overdue => "bill overdue",
            });
        }
        for s in &r.subscriptions {
            let fields = open(&c.id, RecordKind::Subscriptions, s.id.as_str());
            assert_readable(s.id.as_str(), &fields);
            seen.insert(if s.end.is_some() {
                "sub ended"
            } else {
                "sub on"
            });
        }
        for x in &r.contacts {
            let fields = open(&c.id, RecordKind::Contacts, x.id.as_str());
            assert_readable(x.id.as_str(), &fields);
            // The intent is named from the pack, not by its id.
            let filed = &value(&fields, "Filed under").value;
            match demo_pack().intent(&x.intent) {
                Some(intent) => assert_eq!(filed, &intent.name),
                None => assert!(filed.zh_cn.contains("当前知识包无此诉求"), "{filed:?}"),
            }
            seen.insert(if demo_pack().intent(&x.intent).is_some() {
                "intent named"
            } else {
                "intent unknown"
            });
            seen.insert(if x.rating.is_some() {
                "rated"
            } else {
                "unrated"
            });
        }
        for h in &r.handsets {
            assert_readable(&h.imei, &open(&c.id, RecordKind::Devices, &h.imei));
        }
    }
    for e in &data().network_events {
        // Network events open whoever the customer is, as before.
        let any = &data().customers[0].id;
        let fields = open(any, RecordKind::NetworkEvents, e.id.as_str());
        assert_readable(e.id.as_str(), &fields);
        seen.insert(if e.end.is_some() {
            "event over"
        } else {
            "event on"
        });
    }
    for shape in [
        "plan change",
        "sim",
        "add-on",
        "handset",
        "paid",
        "payment failed",
        "bill paid",
        "sub ended",
        "sub on",
        "rated",
        "unrated",
        "intent named",
        "intent unknown",
        "event over",
    ] {
        assert!(
            seen.contains(shape),
            "no {shape} in the demo data: {seen:?}"
        );
    }
}

#[test]
fn every_record_the_timeline_links_to_opens() {
    let window = Window {
        from: NOW - Duration::days(400),
        to: NOW,
        reported: None,
        offset: CHINA,
    };
    let mut kinds = BTreeSet::new();
    for scenario in Scenario::ALL {
        for customer in data().scenario_customers(scenario).into_iter().take(2) {
            let subject = data().subject(customer).expect("subject");
            for entry in timeline(&subject, &ALL_KINDS, &window) {
                let r = &entry.record;
                let fields = open(customer, r.kind, &r.id);
                assert_readable(&format!("{customer:?} {r:?}"), &fields);
                kinds.insert(r.kind);
            }
        }
    }
    assert_eq!(kinds.len(), ALL_KINDS.len(), "{kinds:?}");
}

#[test]
fn a_bill_shows_its_total_and_dates_as_people_write_them() {
    let customer = data().scenario_customers(Scenario::BillSpike)[0];
    let bill = data()
        .records(customer)
        .expect("records")
        .bills
        .last()
        .expect("a bill");
    let fields = open(customer, RecordKind::Bills, bill.id.as_str());
    let total = value(&fields, "Total");
    assert_eq!(total.label.zh_cn, "合计");
    assert_eq!(total.value.zh_cn, bill.total.to_string());
    assert_eq!(total.value.en, bill.total.to_string());
    assert!(total.value.en.starts_with('¥'), "{total:?}");

    let due = value(&fields, "Due");
    assert_eq!(due.label.zh_cn, "应缴日期");
    assert_eq!(
        due.value.zh_cn,
        format!(
            "{}年{}月{}日",
            bill.due.year(),
            bill.due.month() as u8,
            bill.due.day()
        )
    );
    assert_eq!(due.value, format_date(bill.due));
    let period = value(&fields, "Billing period");
    assert!(period.value.en.contains(&format_date(bill.period_start).en));
    assert!(period
        .value
        .zh_cn
        .contains(&format_date(bill.period_end).zh_cn));
    assert_eq!(value(&fields, "Status").value, bill.status.label());
}

#[test]
fn the_contract_reads_its_name_term_and_exit_fee() {
    let customer = data().scenario_customers(Scenario::ContractTerm)[0];
    let contract = data()
        .customer(customer)
        .and_then(|c| c.profile.as_ref())
        .and_then(|p| p.contract.clone())
        .expect("a contract");
    let fields = open(customer, RecordKind::Contracts, &ymd(contract.start));
    assert_readable("contract", &fields);
    assert_eq!(value(&fields, "Contract").value, contract.name);
    assert_eq!(value(&fields, "Ends").value, format_date(contract.end));
    assert!(value(&fields, "Early exit fee")
        .value
        .en
        .contains(&contract.exit_fee_per_month.to_string()));
}

#[test]
fn an_unknown_record_or_customer_opens_nothing() {
    let customer = data().scenario_customers(Scenario::ContractTerm)[0];
    for kind in ALL_KINDS {
        assert_eq!(
            describe(data(), demo_pack(), customer, kind, "no-such-record"),
            None,
            "{kind:?}"
        );
    }
    // A contract opens only by its own start date.
    assert_eq!(
        describe(
            data(),
            demo_pack(),
            customer,
            RecordKind::Contracts,
            "1999-01-01"
        ),
        None
    );
    let nobody = CustomerId::new("nobody");
    let bill = data().records(customer).expect("records").bills[0]
        .id
        .clone();
    assert_eq!(
        describe(
            data(),
            demo_pack(),
            &nobody,
            RecordKind::Bills,
            bill.as_str()
        ),
        None
    );
}

#[test]
fn a_screened_call_never_shows_the_whole_caller_number() {
    let mut checked = 0;
    for customer in data().scenario_customers(Scenario::ScamCalls) {
        let calls = &data().records(customer).expect("records").screened_calls;
        for call in calls {
            let fields = open(
                customer,
                RecordKind::ScreenedCalls,
                &call.at.unix_timestamp().to_string(),
            );
            for f in &fields {
                assert!(
                    !f.value.zh_cn.contains(&call.caller) && !f.value.en.contains(&call.caller),
                    "{f:?} shows {}",
                    call.caller
                );
            }
            let caller = value(&fields, "Caller");
            assert_eq!(caller.value.en, mask_msisdn(&call.caller));
            assert!(caller.personal);
            checked += 1;
        }
    }
    assert!(checked > 0);
}

#[test]
fn no_field_anywhere_shows_the_service_password() {
    let mut checked = 0;
    for c in &data().customers {
        let Some(password) = c.profile.as_ref().and_then(|p| p.service_password.clone()) else {
            continue;
        };
        for kind in ALL_KINDS {
            // Every usage day would be slow and says nothing of passwords.
            let ids = ids_of(&c.id, kind);
            let ids = if kind == RecordKind::Usage {
                ids.into_iter().rev().take(3).collect()
            } else {
                ids
            };
            for id in ids {
                for f in open(&c.id, kind, &id) {
                    for s in [&f.label.zh_cn, &f.label.en, &f.value.zh_cn, &f.value.en] {
                        assert!(!s.contains(&password), "{:?} {kind:?} {id}: {f:?}", c.id);
                        assert!(!s.contains("密码") && !s.to_lowercase().contains("password"));
                    }
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 1000, "{checked}");
}
