//! Bills from usage, and the payments and top-ups that settle them.
//!
//! Every amount on a bill is computed from the usage, orders and
//! subscriptions of that month, so the lines explain the total.

use super::calendar::{Calendar, Month};
use super::generate::Plot;
use super::rng::Rng;
use crate::records::{
    text, Bill, BillId, BillLine, BillStatus, Country, DailyUsage, Fen, LineKind, Order, OrderKind,
    OrderStatus, OverQuota, Payment, PaymentChannel, PaymentFailure, PaymentId, PaymentMode,
    PaymentOutcome, PaymentPurpose, Subscription, ValueTier,
};
use time::{Date, Duration, OffsetDateTime};

/// Bills are issued on the 1st and due on the 20th of the next month.
pub(super) fn due_date(month: Month) -> Date {
    month.next_start() + Duration::days(19)
}

/// VAT rates (percent) folded into the prices: basic telecom services 9 %,
/// value-added ones (data, subscriptions) 6 %.
fn vat_rate(kind: &LineKind) -> i64 {
    match kind {
        LineKind::ExtraData { .. } | LineKind::ValueAdded { .. } | LineKind::AddOn { .. } => 6,
        _ => 9,
    }
}

fn gb(mb: u64) -> String {
    let tenths = mb * 10 / 1024;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// The twelve bills of a postpaid customer, status `Unpaid` until
/// [`payments`] settles them.
pub(super) fn bills(
    cal: &Calendar,
    plot: &Plot<'_>,
    usage: &[DailyUsage],
    subscriptions: &[Subscription],
    orders: &[Order],
    countries: &[Country],
) -> Vec<Bill> {
    cal.billed
        .iter()
        .map(|&month| bill(month, plot, usage, subscriptions, orders, countries))
        .collect()
}

fn bill(
    month: Month,
    plot: &Plot<'_>,
    usage: &[DailyUsage],
    subscriptions: &[Subscription],
    orders: &[Order],
    countries: &[Country],
) -> Bill {
    let mut lines = Vec::new();
    let days = month.days;

    // Plan fee, prorated by days around a change.
    let plan = plot.plans.at(month.end());
    match plot.plans.change {
        Some((before, effective)) if month.contains(effective) && effective > month.start => {
            let old_days = (effective - month.start).whole_days() as u8;
            for (p, d) in [(before, old_days), (plan, days - old_days)] {
                lines.push(BillLine {
                    kind: LineKind::PlanFee {
                        plan: p.id.clone(),
                        days: d,
                        of_days: days,
                    },
                    label: text(
                        format!("套餐月费 · {}（按 {d}/{days} 天折算）", p.name.zh_cn),
                        format!("Monthly fee · {} (prorated, {d} of {days} days)", p.name.en),
                    ),
                    amount: p.monthly_fee.scaled(i64::from(d), i64::from(days)),
                });
            }
        }
        _ => lines.push(BillLine {
            kind: LineKind::PlanFee {
                plan: plan.id.clone(),
                days,
                of_days: days,
            },
            label: text(
                format!("套餐月费 · {}", plan.name.zh_cn),
                format!("Monthly fee · {}", plan.name.en),
            ),
            amount: plan.monthly_fee,
        }),
    }

    // Add-ons bought this month raise the month's data quota.
    let mut quota = u64::from(plan.data_mb);
    for order in orders.iter().filter(|o| {
        o.status == OrderStatus::Completed
            && month.contains(o.placed.to_offset(super::CHINA).date())
    }) {
        if let OrderKind::AddOn {
            name,
            price,
            data_mb,
        } = &order.kind
        {
            quota += u64::from(*data_mb);
            lines.push(BillLine {
                kind: LineKind::AddOn {
                    order: order.id.clone(),
                },
                label: name.clone(),
                amount: *price,
            });
        }
    }

    let days_used: Vec<&DailyUsage> = usage.iter().filter(|u| month.contains(u.date)).collect();
    let home: Vec<&&DailyUsage> = days_used.iter().filter(|u| u.roaming.is_none()).collect();
    let data: u64 = home.iter().map(|u| u64::from(u.data_mb)).sum();
    let voice: u64 = home.iter().map(|u| u64::from(u.voice_min)).sum();
    let sms: u64 = home.iter().map(|u| u64::from(u.sms)).sum();

    if let OverQuota::Charge { per_gb } = plan.over_quota {
        if data > quota {
            let over = data - quota;
            lines.push(BillLine {
                kind: LineKind::ExtraData {
                    mb: u32::try_from(over).unwrap_or(u32::MAX),
                },
                label: text(
                    format!("套餐外流量（超出 {}GB，按 {per_gb}/GB）", gb(over)),
                    format!("Data past quota ({} GB over, {per_gb}/GB)", gb(over)),
                ),
                amount: Fen(per_gb.0 * over.div_ceil(1024) as i64),
            });
        }
    }
    if voice > u64::from(plan.voice_min) {
        let over = voice - u64::from(plan.voice_min);
        lines.push(BillLine {
            kind: LineKind::VoiceOverage {
                minutes: u32::try_from(over).unwrap_or(u32::MAX),
            },
            label: text(
                format!("套餐外通话 {over} 分钟"),
                format!("Calls past allowance: {over} min"),
            ),
            amount: Fen(plan.voice_per_min.0 * over as i64),
        });
    }
    if sms > u64::from(plan.sms) {
        let over = sms - u64::from(plan.sms);
        lines.push(BillLine {
            kind: LineKind::Sms {
                count: u32::try_from(over).unwrap_or(u32::MAX),
            },
            label: text(format!("短信 {over} 条"), format!("SMS: {over} messages")),
            amount: Fen(plan.sms_each.0 * over as i64),
        });
    }

    // Roaming, one line per country in order of arrival.
    let mut visited: Vec<&crate::records::CountryCode> = Vec::new();
    for code in days_used.iter().filter_map(|u| u.roaming.as_ref()) {
        if !visited.contains(&code) {
            visited.push(code);
        }
    }
    for code in visited {
        let abroad: Vec<&&DailyUsage> = days_used
            .iter()
            .filter(|u| u.roaming.as_ref() == Some(code))
            .collect();
        let Some(country) = countries.iter().find(|c| &c.code == code) else {
            continue;
        };
        let n = abroad.len();
        let pass_days = abroad.iter().filter(|u| u.data_mb > 0).count() as i64;
        let minutes: u64 = abroad.iter().map(|u| u64::from(u.voice_min)).sum();
        let mb: u64 = abroad.iter().map(|u| u64::from(u.data_mb)).sum();
        lines.push(BillLine {
            kind: LineKind::Roaming {
                country: code.clone(),
                days: n as u8,
                data_mb: u32::try_from(mb).unwrap_or(u32::MAX),
                voice_min: u32::try_from(minutes).unwrap_or(u32::MAX),
            },
            label: text(
                format!(
                    "国际及港澳台漫游 · {}（{n} 天，流量日包 {} 天，通话 {minutes} 分钟）",
                    country.name.zh_cn, pass_days
                ),
                format!(
                    "Roaming · {} ({n} days, {pass_days} data day passes, {minutes} min of calls)",
                    country.name.en
                ),
            ),
            amount: Fen(
                country.data_day_pass.0 * pass_days + country.voice_per_min.0 * minutes as i64
            ),
        });
    }

    for sub in subscriptions
        .iter()
        .filter(|s| s.active_between(month.start, month.end()))
    {
        lines.push(BillLine {
            kind: LineKind::ValueAdded {
                service: sub.service.clone(),
            },
            label: text(
                format!("增值业务 · {}", sub.name.zh_cn),
                format!("Value-added service · {}", sub.name.en),
            ),
            amount: sub.monthly_fee,
        });
    }

    let subtotal: Fen = lines.iter().map(|l| l.amount).sum();
    let discount = match plot.tier {
        ValueTier::Gold => Some((
            Fen::yuan(10),
            text("金卡客户专享优惠", "Gold-tier discount"),
        )),
        ValueTier::Diamond => Some((
            Fen::yuan(20),
            text("钻石卡客户专享优惠", "Diamond-tier discount"),
        )),
        _ => None,
    };
    if let Some((amount, label)) = discount.filter(|(amount, _)| subtotal > *amount) {
        lines.push(BillLine {
            kind: LineKind::Discount,
            label,
            amount: -amount,
        });
    }

    let vat: Fen = lines
        .iter()
        .map(|l| {
            let rate = vat_rate(&l.kind);
            l.amount.scaled(rate, 100 + rate)
        })
        .sum();
    let total: Fen = lines.iter().map(|l| l.amount).sum();
    lines.push(BillLine {
        kind: LineKind::VatIncluded,
        label: text(
            "其中增值税（已含在以上金额中）",
            "Of which VAT (included above)",
        ),
        amount: vat,
    });

    Bill {
        id: BillId::new(format!("{}-B{}", plot.id.as_str(), month.tag())),
        period_start: month.start,
        period_end: month.end(),
        issued: month.next_start(),
        due: due_date(month),
        lines,
        total,
        status: BillStatus::Unpaid,
    }
}

const AUTO_DEBIT_FAILURES: &[PaymentFailure] = &[
    PaymentFailure::InsufficientFunds,
    PaymentFailure::CardExpired,
    PaymentFailure::DebitAgreementCancelled,
    PaymentFailure::BankDeclined,
];
const ONLINE_FAILURES: &[PaymentFailure] = &[
    PaymentFailure::InsufficientFunds,
    PaymentFailure::BankDeclined,
    PaymentFailure::DailyLimitExceeded,
    PaymentFailure::Timeout,
];

/// A payment before ids are given.
struct Draft {
    at: OffsetDateTime,
    amount: Fen,
    channel: PaymentChannel,
    purpose: PaymentPurpose,
    failure: Option<PaymentFailure>,
}

/// Settles the bills (postpaid) or records top-ups (prepaid). Returns the
/// payments, oldest first, and the account balance.
pub(super) fn payments(
    rng: &mut Rng,
    cal: &Calendar,
    plot: &Plot<'_>,
    bills: &mut [Bill],
) -> (Vec<Payment>, Fen) {
    let mut drafts = Vec::new();
    let balance = match plot.mode {
        PaymentMode::Postpaid => settle_bills(rng, cal, plot, bills, &mut drafts),
        PaymentMode::Prepaid => top_ups(rng, cal, plot, &mut drafts),
    };
    drafts.retain(|d| d.at < cal.now);
    drafts.sort_by_key(|d| d.at);
    let payments = drafts
        .into_iter()
        .enumerate()
        .map(|(n, d)| Payment {
            id: PaymentId::new(format!("{}-P{:03}", plot.id.as_str(), n + 1)),
            at: d.at,
            amount: d.amount,
            channel: d.channel,
            purpose: d.purpose,
            outcome: match d.failure {
                Some(reason) => PaymentOutcome::Failed { reason },
                None => PaymentOutcome::Succeeded,
            },
        })
        .collect();
    (payments, balance)
}

fn settle_bills(
    rng: &mut Rng,
    cal: &Calendar,
    plot: &Plot<'_>,
    bills: &mut [Bill],
    drafts: &mut Vec<Draft>,
) -> Fen {
    let mut balance = Fen::ZERO;
    let online = [PaymentChannel::WeChatPay, PaymentChannel::Alipay];
    for (index, bill) in bills.iter_mut().enumerate() {
        let purpose = PaymentPurpose::Bill {
            bill: bill.id.clone(),
        };
        let draft = |at, channel, failure| Draft {
            at,
            amount: bill.total,
            channel,
            purpose: purpose.clone(),
            failure,
        };
        if plot.unpaid_bill == Some(index) {
            // The debit fails on the due date, and so do the retries.
            let due = bill.due;
            if plot.channel == PaymentChannel::AutoDebit {
                let reason = *rng.pick(AUTO_DEBIT_FAILURES);
                drafts.push(draft(
                    Calendar::at(due, rng.between(120, 360)),
                    plot.channel,
                    Some(reason),
                ));
                if rng.chance(60) {
                    let at = Calendar::at(due + Duration::days(1), rng.between(120, 360));
                    drafts.push(draft(at, plot.channel, Some(reason)));
                }
            } else {
                let at = Calendar::at(due, rng.between(9 * 60, 22 * 60));
                drafts.push(draft(at, plot.channel, Some(*rng.pick(ONLINE_FAILURES))));
            }
            if rng.chance(70) {
                let at = cal
                    .ago(rng.between(30, (cal.now - Calendar::at(due, 0)).whole_minutes().max(31)));
                drafts.push(draft(
                    at.max(Calendar::at(due, 23 * 60)),
                    *rng.pick(&online),
                    Some(*rng.pick(ONLINE_FAILURES)),
                ));
            }
            bill.status = BillStatus::Overdue;
            balance = -bill.total;
            continue;
        }
        if plot.unpaid_bill.is_some_and(|u| index > u) {
            // Not due yet; the customer has stopped paying.
            continue;
        }
        let at = if plot.channel == PaymentChannel::AutoDebit {
            Calendar::at(bill.due, rng.between(120, 360))
        } else {
            let day = bill.issued + Duration::days(rng.between(0, 18));
            Calendar::at(day, rng.between(8 * 60, 23 * 60))
        };
        // Past due: paid. Not yet due: paid if the customer already did it
        // by hand; the auto-debit waits for the due date.
        let paid_early = at < cal.now && plot.channel != PaymentChannel::AutoDebit;
        if bill.due < cal.today || paid_early {
            if at < cal.ago(60 * 24 * 60) && rng.chance(4) {
                let reason = *rng.pick(ONLINE_FAILURES);
                drafts.push(draft(
                    at - Duration::minutes(rng.between(5, 600)),
                    plot.channel,
                    Some(reason),
                ));
            }
            drafts.push(draft(at, plot.channel, None));
            bill.status = BillStatus::Paid {
                on: at.to_offset(super::CHINA).date(),
            };
        }
    }
    balance
}

fn top_ups(rng: &mut Rng, cal: &Calendar, plot: &Plot<'_>, drafts: &mut Vec<Draft>) -> Fen {
    let stop = match plot.barred_from {
        Some(from) => from - Duration::days(12),
        None => cal.today,
    };
    let mut day = plot.first_day + Duration::days(rng.between(0, 20));
    while day < stop {
        let amount = Fen::yuan([30, 50, 100, 200][rng.weighted(&[15, 40, 35, 10])]);
        let at = Calendar::at(day, rng.between(8 * 60, 23 * 60));
        let channel = if rng.chance(85) {
            plot.channel
        } else {
            PaymentChannel::ALL[rng.below(4) as usize]
        };
        if at < cal.ago(30 * 24 * 60) && rng.chance(4) {
            drafts.push(Draft {
                at: at - Duration::minutes(rng.between(3, 30)),
                amount,
                channel,
                purpose: PaymentPurpose::TopUp,
                failure: Some(PaymentFailure::Timeout),
            });
        }
        drafts.push(Draft {
            at,
            amount,
            channel,
            purpose: PaymentPurpose::TopUp,
            failure: None,
        });
        day += Duration::days(rng.between(25, 70));
    }
    match plot.barred_from {
        Some(from) => {
            // Credit ran out; every top-up since has failed.
            let since = (cal.now - Calendar::at(from, 0)).whole_minutes().max(31);
            for _ in 0..rng.between(1, 3) {
                let channel = if rng.chance(70) {
                    plot.channel
                } else {
                    PaymentChannel::BankCard
                };
                drafts.push(Draft {
                    at: cal.ago(rng.between(10, since)),
                    amount: Fen::yuan([50, 100][rng.below(2) as usize]),
                    channel,
                    purpose: PaymentPurpose::TopUp,
                    failure: Some(*rng.pick(ONLINE_FAILURES)),
                });
            }
            let fee = plot.plans.current.monthly_fee.0;
            -Fen(rng.between(100, fee.max(200)))
        }
        None => Fen(rng.between(500, 15_000)),
    }
}
