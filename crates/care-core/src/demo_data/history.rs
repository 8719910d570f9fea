//! Handsets, SIM history, orders, subscriptions and earlier contacts.

use super::calendar::{add_months, Calendar};
use super::catalogue::{
    contact_reason, HandsetModel, CONTACT_REASONS, CURRENT_HANDSETS, LINK_SERVICES, OLD_HANDSETS,
    REPEAT_REASONS, WANTED_SERVICES,
};
use super::generate::{background_month, Plot};
use super::identity;
use super::rng::Rng;
use super::Scenario;
use crate::case::Channel;
use crate::records::{
    text, Area, Contact, ContactId, ContactOutcome, Fen, Handset, Order, OrderId, OrderKind,
    OrderStatus, OverQuota, PaymentMode, RealNameStatus, SalesChannel, Sim, SimChangeReason,
    SimKind, Subscription, SubscriptionChannel, SubscriptionId, ValueAddedService,
};
use crate::text::Text;
use time::{Date, Duration, OffsetDateTime};

/// A moment between 08:00 and 21:30 on a day `from`–`to` days ago, and
/// before now (on the evening of today, or just before a very early now).
fn business_hours_within(rng: &mut Rng, cal: &Calendar, from: i64, to: i64) -> OffsetDateTime {
    let at = Calendar::at(
        cal.days_ago(rng.between(from, to)),
        rng.between(8 * 60, 21 * 60 + 30),
    );
    if at < cal.now {
        at
    } else {
        cal.ago(rng.between(20, 90))
    }
}

/// An order with a placeholder id; ids are given once all orders are sorted.
fn order(
    placed: OffsetDateTime,
    kind: OrderKind,
    channel: SalesChannel,
    store: Option<Text>,
    minutes_to_complete: i64,
) -> Order {
    Order {
        id: OrderId::new(""),
        placed,
        completed: Some(placed + Duration::minutes(minutes_to_complete)),
        kind,
        status: OrderStatus::Completed,
        channel,
        store,
    }
}

fn store_in(area: &Area) -> Text {
    text(
        format!("{}{}营业厅", area.city.zh_cn, area.district.zh_cn),
        format!("{} store, {}", area.district.en, area.city.en),
    )
}

/// The customer's handsets, the current one last, and the order for the
/// current one if it was bought from the operator within the window.
pub(super) fn handsets(
    rng: &mut Rng,
    cal: &Calendar,
    plot: &Plot<'_>,
) -> (Vec<Handset>, Option<Order>) {
    let old = plot.scenario == Some(Scenario::OldHandset);
    let (purchased, model) = if old {
        let months = rng.between(38, 84) as i32;
        (
            add_months(cal.today, -months) - Duration::days(rng.between(0, 25)),
            rng.pick(OLD_HANDSETS),
        )
    } else {
        // At most 33 months old: ordinary customers never look like the
        // old-handset scenario.
        (
            cal.days_ago(rng.between(60, 1000)),
            rng.pick(CURRENT_HANDSETS),
        )
    };
    let from_operator = rng.chance(30);
    let mut list = Vec::new();
    if !old && rng.chance(40) {
        let before = add_months(purchased, -(rng.between(24, 48) as i32));
        let from_op = rng.chance(20);
        let model = rng.pick(OLD_HANDSETS);
        list.push(handset(rng, before, model, from_op));
    }
    let current = handset(rng, purchased, model, from_operator);
    let order = (from_operator && purchased >= cal.window_start()).then(|| {
        let (_, _, _, _, price) = *model;
        order(
            Calendar::at(purchased, rng.between(10 * 60, 20 * 60)),
            OrderKind::HandsetPurchase {
                imei: current.imei.clone(),
                model: current.model.clone(),
                price: Fen::yuan(price),
            },
            if rng.chance(70) {
                SalesChannel::Store
            } else {
                SalesChannel::App
            },
            None,
            30,
        )
    });
    list.push(current);
    (list, order)
}

fn handset(rng: &mut Rng, purchased: Date, model: &HandsetModel, from_operator: bool) -> Handset {
    let (zh, en, five_g, volte, _) = *model;
    Handset {
        imei: identity::imei(rng),
        model: text(zh, en),
        five_g,
        volte,
        purchased,
        // Operator sales carry a two-year warranty, shops the legal one year.
        warranty_end: add_months(purchased, if from_operator { 24 } else { 12 }),
        from_operator,
    }
}

/// The SIM the number lives on, and the replacement orders that put it there.
pub(super) fn sim(
    rng: &mut Rng,
    cal: &Calendar,
    plot: &Plot<'_>,
    areas: &[Area],
) -> (Sim, Vec<Order>) {
    let first = identity::iccid(rng);
    let esim_first = rng.chance(5);
    let original = Sim {
        iccid: first.clone(),
        kind: if esim_first {
            SimKind::ESim
        } else {
            SimKind::Physical
        },
        issued: plot.opened,
    };
    let replacement = if plot.scenario == Some(Scenario::SimChange) {
        // Within the last week; half of the store visits are in another city.
        let placed = business_hours_within(rng, cal, 1, 6);
        let far = rng.chance(50);
        let area = if far {
            let others: Vec<&Area> = areas.iter().filter(|a| a.city != plot.area.city).collect();
            others
                .get(rng.below(others.len() as u64) as usize)
                .copied()
                .unwrap_or(plot.area)
        } else {
            plot.area
        };
        Some((placed, area))
    } else if rng.chance(8) {
        let day = add_months(cal.today, -(rng.between(4, 11) as i32));
        (day >= plot.first_day)
            .then(|| (Calendar::at(day, rng.between(10 * 60, 19 * 60)), plot.area))
    } else {
        None
    };
    let Some((placed, area)) = replacement else {
        return (original, Vec::new());
    };
    let reason = [
        SimChangeReason::Lost,
        SimChangeReason::Damaged,
        SimChangeReason::ToESim,
        SimChangeReason::UpgradeTo5g,
    ][rng.weighted(&[50, 20, 15, 15])];
    let new = identity::iccid(rng);
    let (channel, store) = if reason == SimChangeReason::ToESim {
        (SalesChannel::App, None)
    } else {
        (SalesChannel::Store, Some(store_in(area)))
    };
    let order = order(
        placed,
        OrderKind::SimReplacement {
            old_iccid: first,
            new_iccid: new.clone(),
            reason,
        },
        channel,
        store,
        rng.between(10, 40),
    );
    let sim = Sim {
        iccid: new,
        kind: if reason == SimChangeReason::ToESim {
            SimKind::ESim
        } else {
            SimKind::Physical
        },
        issued: order
            .completed
            .unwrap_or(placed)
            .to_offset(super::CHINA)
            .date(),
    };
    (sim, vec![order])
}

/// The order of the plan change in the plot, if any.
pub(super) fn plan_change(rng: &mut Rng, plot: &Plot<'_>) -> Option<Order> {
    let (before, effective) = plot.plans.change?;
    let channel = [
        SalesChannel::App,
        SalesChannel::Hotline,
        SalesChannel::Store,
    ][rng.weighted(&[50, 30, 20])];
    let store = (channel == SalesChannel::Store).then(|| store_in(plot.area));
    Some(order(
        Calendar::at(effective, rng.between(9 * 60, 20 * 60)),
        OrderKind::PlanChange {
            from: before.id.clone(),
            to: plot.plans.current.id.clone(),
            effective,
        },
        channel,
        store,
        5,
    ))
}

/// A data booster in an older month for some postpaid customers on
/// charging plans.
pub(super) fn add_ons(rng: &mut Rng, cal: &Calendar, plot: &Plot<'_>) -> Vec<Order> {
    let charging = matches!(plot.plans.current.over_quota, OverQuota::Charge { .. });
    if plot.mode != PaymentMode::Postpaid || !charging || !rng.chance(10) {
        return Vec::new();
    }
    let month = background_month(rng, cal, 9);
    let day = month.day(rng.between(10, i64::from(month.days)) as u8);
    let (name, price, gb) = if rng.chance(50) {
        (
            text(
                "5GB 流量加油包（当月有效）",
                "5 GB data booster (this month)",
            ),
            20,
            5,
        )
    } else {
        (
            text(
                "10GB 流量加油包（当月有效）",
                "10 GB data booster (this month)",
            ),
            30,
            10,
        )
    };
    vec![order(
        Calendar::at(day, rng.between(8 * 60, 22 * 60)),
        OrderKind::AddOn {
            name,
            price: Fen::yuan(price),
            data_mb: gb * 1024,
        },
        SalesChannel::App,
        None,
        1,
    )]
}

/// Value-added subscriptions: a few long-standing ones the customer chose;
/// for the unwanted-subscription scenario one more, taken through a link in
/// the latest billed month.
pub(super) fn subscriptions(
    rng: &mut Rng,
    cal: &Calendar,
    plot: &Plot<'_>,
    services: &[ValueAddedService],
) -> Vec<Subscription> {
    let find = |id: &str| services.iter().find(|s| s.id.as_str() == id);
    let mut wanted: Vec<&str> = WANTED_SERVICES.to_vec();
    rng.shuffle(&mut wanted);
    wanted.truncate([0, 1, 2][rng.weighted(&[50, 35, 15])]);

    let mut subs = Vec::new();
    for id in &wanted {
        let Some(service) = find(id) else { continue };
        // Nine months or more: the usual bill already includes it.
        let start = add_months(cal.today, -(rng.between(9, 60) as i32)).max(plot.opened);
        let lo = start.max(cal.window_start());
        let hi = cal.days_ago(30);
        let end = (rng.chance(20) && lo < hi)
            .then(|| lo + Duration::days(rng.between(0, (hi - lo).whole_days())));
        let channel = [
            SubscriptionChannel::App,
            SubscriptionChannel::Store,
            SubscriptionChannel::Hotline,
            SubscriptionChannel::Bundled,
        ][rng.weighted(&[40, 25, 15, 20])];
        subs.push((service, start, end, channel));
    }
    if plot.scenario == Some(Scenario::UnwantedSubscription) {
        let candidates: Vec<&str> = LINK_SERVICES
            .iter()
            .copied()
            .filter(|id| !wanted.contains(id))
            .collect();
        if let Some(service) = candidates
            .get(rng.below(candidates.len() as u64) as usize)
            .and_then(|id| find(id))
        {
            let month = cal.last_billed();
            let start = month.day(rng.between(1, 20.min(i64::from(month.days))) as u8);
            let channel = if rng.chance(60) {
                SubscriptionChannel::SmsLink
            } else {
                SubscriptionChannel::WebLink
            };
            subs.push((service, start, None, channel));
        }
    }
    subs.sort_by_key(|s| s.1);
    subs.into_iter()
        .enumerate()
        .map(|(n, (service, start, end, channel))| Subscription {
            id: SubscriptionId::new(format!("{}-S{:02}", plot.id.as_str(), n + 1)),
            service: service.id.clone(),
            name: service.name.clone(),
            monthly_fee: service.monthly_fee,
            start,
            end,
            channel,
        })
        .collect()
}

/// Earlier contacts: a few older ones for anyone, none in the last two
/// weeks; for the repeat-contact scenario two to four in the last week.
pub(super) fn contacts(rng: &mut Rng, cal: &Calendar, plot: &Plot<'_>) -> Vec<Contact> {
    let channels = [
        Channel::Hotline,
        Channel::App,
        Channel::WeChat,
        Channel::Store,
        Channel::Web,
        Channel::Sms,
        Channel::Social,
        Channel::Email,
    ];
    let mut list = Vec::new();
    let lo = plot.first_day;
    let hi = cal.days_ago(15);
    if lo < hi {
        for _ in 0..[0, 1, 2, 3][rng.weighted(&[45, 30, 15, 10])] {
            let day = lo + Duration::days(rng.between(0, (hi - lo).whole_days()));
            let (intent, _, _) = *rng.pick(CONTACT_REASONS);
            list.push(Contact {
                id: ContactId::new(""),
                at: Calendar::at(day, rng.between(8 * 60, 21 * 60)),
                channel: channels[rng.weighted(&[50, 15, 15, 10, 5, 3, 1, 1])],
                intent: intent.to_owned(),
                complaint: rng.chance(15),
                outcome: ContactOutcome::ALL[rng.weighted(&[70, 8, 7, 10, 5])],
                summary: contact_reason(intent),
                rating: None,
            });
        }
    }
    if plot.scenario == Some(Scenario::RepeatContact) {
        let intent = *rng.pick(REPEAT_REASONS);
        let count = rng.between(2, 4);
        let mut times: Vec<OffsetDateTime> = (0..count)
            .map(|_| business_hours_within(rng, cal, 0, 6))
            .collect();
        times.sort();
        for (n, at) in times.into_iter().enumerate() {
            let last = n as i64 == count - 1;
            let outcome = if last {
                [
                    ContactOutcome::Unresolved,
                    ContactOutcome::Escalated,
                    ContactOutcome::CallbackPromised,
                ][rng.weighted(&[40, 30, 30])]
            } else {
                [ContactOutcome::Unresolved, ContactOutcome::CallbackPromised]
                    [rng.weighted(&[50, 50])]
            };
            list.push(Contact {
                id: ContactId::new(""),
                at,
                channel: channels[rng.weighted(&[60, 15, 15, 10, 0, 0, 0, 0])],
                intent: intent.to_owned(),
                complaint: last || rng.chance(30),
                outcome,
                summary: contact_reason(intent),
                rating: None,
            });
        }
    }
    list.sort_by_key(|c| c.at);
    for (n, contact) in list.iter_mut().enumerate() {
        contact.id = ContactId::new(format!("{}-K{:02}", plot.id.as_str(), n + 1));
    }
    list
}

/// Real-name status: nearly everyone is verified.
pub(super) fn real_name(rng: &mut Rng, plot: &Plot<'_>) -> RealNameStatus {
    if plot.scenario.is_some() {
        return RealNameStatus::Verified;
    }
    [
        RealNameStatus::Verified,
        RealNameStatus::Pending,
        RealNameStatus::DocumentExpired,
    ][rng.weighted(&[95, 3, 2])]
}
