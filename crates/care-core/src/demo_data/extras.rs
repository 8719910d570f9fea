//! Contracts, anti-fraud screened calls and contact ratings: the records
//! behind port-out and cancellation (a contract lock), fraud reports (calls
//! the network flagged) and service complaints (a contact rated badly).
//! Drawn from their own random stream (see `rng.rs`).

use super::calendar::{add_months, Calendar};
use super::catalogue::contact_reason;
use super::generate::Plot;
use super::rng::Rng;
use super::Scenario;
use crate::case::Channel;
use crate::records::{
    text, Contact, ContactId, ContactOutcome, Contract, Fen, PaymentMode, ScamKind, ScreenedCall,
};
use time::{Date, Duration};

/// A minimum-term contract: every contract-term customer has one with at
/// least three months left; one postpaid customer in eight has one too,
/// running or already over.
pub(super) fn contract(rng: &mut Rng, cal: &Calendar, plot: &Plot<'_>) -> Option<Contract> {
    let term: i64 = if rng.chance(70) { 24 } else { 12 };
    let start = match plot.scenario {
        // At least three months left.
        Some(Scenario::ContractTerm) => add_months(cal.today, -(rng.between(0, term - 4) as i32)),
        _ if plot.mode == PaymentMode::Postpaid && rng.chance(12) => {
            add_months(cal.today, -(rng.between(1, 40) as i32))
        }
        _ => return None,
    };
    let start = start.max(plot.opened);
    let end = add_months(start, term as i32) - Duration::days(1);
    let (name, per_month) = if term == 24 {
        (
            text("合约购机 · 24 个月", "Handset on contract, 24 months"),
            rng.between(25, 80),
        )
    } else {
        (
            text("承诺消费优惠 · 12 个月", "Discounted plan, 12-month term"),
            rng.between(10, 30),
        )
    };
    Some(Contract {
        name,
        start,
        end,
        exit_fee_per_month: Fen::yuan(per_month),
    })
}

/// Obviously fictional callers: digits 4–7 are `0000`, like our customers'.
fn caller(rng: &mut Rng) -> String {
    let prefix = *rng.pick(&["170", "171", "165", "167"]);
    format!("{prefix}0000{}", rng.digits(4))
}

/// Calls flagged by the screening: two to five in the last ten days for the
/// scam-calls scenario; an odd one months ago for a few others.
pub(super) fn screened_calls(rng: &mut Rng, cal: &Calendar, plot: &Plot<'_>) -> Vec<ScreenedCall> {
    let (count, from, to) = match plot.scenario {
        Some(Scenario::ScamCalls) => (rng.between(2, 5), 0, 10),
        _ if rng.chance(4) => (1, 40, 150),
        _ => return Vec::new(),
    };
    let mut calls: Vec<ScreenedCall> = (0..count)
        .map(|_| {
            let day = cal.days_ago(rng.between(from, to));
            let at = Calendar::at(day, rng.between(9 * 60, 21 * 60));
            let at = if at < cal.now {
                at
            } else {
                cal.ago(rng.between(30, 300))
            };
            ScreenedCall {
                at,
                caller: caller(rng),
                kind: *rng.pick(&ScamKind::ALL),
                answered_seconds: if rng.chance(55) {
                    rng.between(15, 900) as u32
                } else {
                    0
                },
            }
        })
        .collect();
    calls.sort_by_key(|c| c.at);
    calls
}

/// Gives contacts the survey score customers leave (about half answer),
/// and for the poor-service scenario adds the recent contact that went
/// badly. Ids are given again, in time order.
pub(super) fn rate_and_add_contacts(
    rng: &mut Rng,
    cal: &Calendar,
    plot: &Plot<'_>,
    contacts: &mut Vec<Contact>,
) {
    for contact in contacts.iter_mut() {
        if rng.chance(50) {
            contact.rating = Some(match contact.outcome {
                ContactOutcome::Resolved => [5, 4, 3][rng.weighted(&[60, 30, 10])],
                _ => [4, 3, 2, 1][rng.weighted(&[10, 30, 35, 25])],
            });
        }
    }
    if plot.scenario == Some(Scenario::PoorService) {
        let day: Date = cal.days_ago(rng.between(2, 20));
        let at = Calendar::at(day, rng.between(9 * 60, 20 * 60));
        let (intent, channel) = *rng.pick(&[
            ("plan_change", Channel::Store),
            ("bill_dispute", Channel::Hotline),
            ("sim_replacement", Channel::Store),
            ("payment_issue", Channel::Hotline),
        ]);
        contacts.push(Contact {
            id: ContactId::new(""),
            at,
            channel,
            intent: intent.to_owned(),
            complaint: false,
            outcome: [ContactOutcome::Unresolved, ContactOutcome::CallbackPromised]
                [rng.weighted(&[50, 50])],
            summary: contact_reason(intent),
            rating: Some(if rng.chance(70) { 1 } else { 2 }),
        });
        contacts.sort_by_key(|c| c.at);
        for (n, contact) in contacts.iter_mut().enumerate() {
            contact.id = ContactId::new(format!("{}-K{:02}", plot.id.as_str(), n + 1));
        }
    }
}
