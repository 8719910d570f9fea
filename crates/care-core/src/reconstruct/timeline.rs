//! The records of the window on one timeline, oldest first. Daily usage is
//! summarised into episodes (a trip abroad, a stretch of slowed data) so
//! the timeline shows what happened rather than ninety rows of numbers.

use super::{text, ymd, RecordRef, Subject, Window};
use crate::pack::RecordKind;
use crate::records::{DailyUsage, Fen, OrderKind, PaymentPurpose};
use crate::text::Text;
use crate::verify::mask_msisdn;
use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};

/// One thing on the timeline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// For things that last (an outage, a trip, a contract).
    #[serde(with = "time::serde::rfc3339::option")]
    pub end: Option<OffsetDateTime>,
    pub record: RecordRef,
    pub title: Text,
    pub detail: Text,
    /// Money the record moves, if any (a bill's total, a payment).
    pub amount: Option<Fen>,
}

/// The timeline of `kinds` in the window, oldest first; ties keep the
/// order of `kinds`.
pub fn timeline(s: &Subject<'_>, kinds: &[RecordKind], w: &Window) -> Vec<Entry> {
    let mut out = Vec::new();
    for kind in kinds {
        match kind {
            RecordKind::Bills => bills(s, w, &mut out),
            RecordKind::Usage => usage(s, w, &mut out),
            RecordKind::Orders => orders(s, w, &mut out),
            RecordKind::Subscriptions => subscriptions(s, w, &mut out),
            RecordKind::Contacts => contacts(s, w, &mut out),
            RecordKind::NetworkEvents => network(s, w, &mut out),
            RecordKind::Payments => payments(s, w, &mut out),
            RecordKind::Devices => devices(s, w, &mut out),
            RecordKind::Contracts => contracts(s, w, &mut out),
            RecordKind::ScreenedCalls => screened(s, w, &mut out),
        }
    }
    out.sort_by_key(|e| e.at);
    out
}

fn bills(s: &Subject<'_>, w: &Window, out: &mut Vec<Entry>) {
    for b in s.records.bills.iter().filter(|b| w.contains_date(b.issued)) {
        let month = format!(
            "{}-{:02}",
            b.period_start.year(),
            b.period_start.month() as u8
        );
        let st = b.status.label();
        out.push(Entry {
            at: w.day_start(b.issued),
            end: None,
            record: RecordRef::new(RecordKind::Bills, b.id.as_str()),
            title: text(format!("{month} 账单"), format!("{month} bill")),
            detail: text(
                format!("{}，{}，到期日 {}", b.total, st.zh_cn, ymd(b.due)),
                format!("{}, {}, due {}", b.total, st.en.to_lowercase(), ymd(b.due)),
            ),
            amount: Some(b.total),
        });
    }
}

/// Consecutive days abroad in one country, and consecutive slowed days.
fn usage(s: &Subject<'_>, w: &Window, out: &mut Vec<Entry>) {
    let days: Vec<&DailyUsage> = s
        .records
        .usage
        .iter()
        .filter(|u| w.contains_date(u.date))
        .collect();
    let mut i = 0;
    while i < days.len() {
        let Some(code) = days[i].roaming.clone() else {
            i += 1;
            continue;
        };
        let mut j = i;
        while j + 1 < days.len()
            && days[j + 1].roaming.as_ref() == Some(&code)
            && days[j + 1].date == days[j].date + Duration::days(1)
        {
            j += 1;
        }
        let trip = &days[i..=j];
        let name = s
            .countries
            .iter()
            .find(|c| c.code == code)
            .map(|c| c.name.clone())
            .unwrap_or_else(|| text(code.as_str(), code.as_str()));
        let mb: u32 = trip.iter().map(|u| u.data_mb).sum();
        let min: u32 = trip.iter().map(|u| u.voice_min).sum();
        let n = trip.len();
        out.push(Entry {
            at: w.day_start(trip[0].date),
            end: Some(w.day_start(trip[n - 1].date + Duration::days(1))),
            record: RecordRef::new(RecordKind::Usage, ymd(trip[0].date)),
            title: text(
                format!("在{}漫游", name.zh_cn),
                format!("Roaming in {}", name.en),
            ),
            detail: text(
                format!("{n} 天，流量 {mb} MB，通话 {min} 分钟"),
                format!("{n} days, {mb} MB of data, {min} call minutes"),
            ),
            amount: None,
        });
        i = j + 1;
    }
    let mut i = 0;
    while i < days.len() {
        if !days[i].throttled {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < days.len() && days[j + 1].throttled {
            j += 1;
        }
        let n = j - i + 1;
        out.push(Entry {
            at: w.day_start(days[i].date),
            end: Some(w.day_start(days[j].date + Duration::days(1))),
            record: RecordRef::new(RecordKind::Usage, ymd(days[i].date)),
            title: text("流量达量限速", "Data speed capped"),
            detail: text(
                format!("连续 {n} 天套餐流量用完后限速"),
                format!("{n} days slowed after the data quota ran out"),
            ),
            amount: None,
        });
        i = j + 1;
    }
}

fn orders(s: &Subject<'_>, w: &Window, out: &mut Vec<Entry>) {
    for o in s.records.orders.iter().filter(|o| w.contains(o.placed)) {
        let (title, amount) = match &o.kind {
            OrderKind::PlanChange { to, effective, .. } => {
                let name = s
                    .plans
                    .iter()
                    .find(|p| &p.id == to)
                    .map(|p| p.name.clone())
                    .unwrap_or_else(|| text(to.as_str(), to.as_str()));
                (
                    text(
                        format!("变更套餐为「{}」（{} 生效）", name.zh_cn, ymd(*effective)),
                        format!("Plan changed to {} (from {})", name.en, ymd(*effective)),
                    ),
                    None,
                )
            }
            OrderKind::SimReplacement { reason, .. } => {
                let r = reason.label();
                (
                    text(
                        format!("补换卡：{}", r.zh_cn),
                        format!("SIM replaced: {}", r.en),
                    ),
                    None,
                )
            }
            OrderKind::AddOn { name, price, .. } => (
                text(
                    format!("加购：{}", name.zh_cn),
                    format!("Add-on: {}", name.en),
                ),
                Some(*price),
            ),
            OrderKind::HandsetPurchase { model, price, .. } => (
                text(
                    format!("购机：{}", model.zh_cn),
                    format!("Handset: {}", model.en),
                ),
                Some(*price),
            ),
        };
        let ch = o.channel.label();
        let st = o.status.label();
        out.push(Entry {
            at: o.placed,
            end: None,
            record: RecordRef::new(RecordKind::Orders, o.id.as_str()),
            title,
            detail: text(
                format!("{}，{}", ch.zh_cn, st.zh_cn),
                format!("{}, {}", ch.en, st.en.to_lowercase()),
            ),
            amount,
        });
    }
}

fn subscriptions(s: &Subject<'_>, w: &Window, out: &mut Vec<Entry>) {
    let (from, to) = (w.from_date(), w.to_date());
    for x in s
        .records
        .subscriptions
        .iter()
        .filter(|x| x.active_between(from, to))
    {
        let ch = x.channel.label();
        out.push(Entry {
            at: w.day_start(x.start),
            end: x.end.map(|e| w.day_start(e + Duration::days(1))),
            record: RecordRef::new(RecordKind::Subscriptions, x.id.as_str()),
            title: text(
                format!("订购「{}」", x.name.zh_cn),
                format!("Subscribed to {}", x.name.en),
            ),
            detail: text(
                format!("经{}，月费 {}", ch.zh_cn, x.monthly_fee),
                format!("via {}, {} a month", ch.en, x.monthly_fee),
            ),
            amount: Some(x.monthly_fee),
        });
    }
}

fn contacts(s: &Subject<'_>, w: &Window, out: &mut Vec<Entry>) {
    for c in s.records.contacts.iter().filter(|c| w.contains(c.at)) {
        let ch = c.channel.label();
        let o = c.outcome.label();
        let (kz, ke) = if c.complaint {
            ("投诉", "Complaint")
        } else {
            ("联系", "Contact")
        };
        let (rz, re) = match c.rating {
            Some(r) => (format!("，评分 {r}/5"), format!(", rated {r}/5")),
            None => (String::new(), String::new()),
        };
        out.push(Entry {
            at: c.at,
            end: None,
            record: RecordRef::new(RecordKind::Contacts, c.id.as_str()),
            title: text(
                format!("{}{kz}：{}", ch.zh_cn, c.summary.zh_cn),
                format!("{ke} by {}: {}", ch.en, c.summary.en),
            ),
            detail: text(format!("{}{rz}", o.zh_cn), format!("{}{re}", o.en)),
            amount: None,
        });
    }
}

fn network(s: &Subject<'_>, w: &Window, out: &mut Vec<Entry>) {
    for e in s.network_events.iter().filter(|e| e.overlaps(w.from, w.to)) {
        let k = e.kind.label();
        out.push(Entry {
            at: e.start,
            end: e.end,
            record: RecordRef::new(RecordKind::NetworkEvents, e.id.as_str()),
            title: k,
            detail: e.cause.clone(),
            amount: None,
        });
    }
}

fn payments(s: &Subject<'_>, w: &Window, out: &mut Vec<Entry>) {
    for p in s.records.payments.iter().filter(|p| w.contains(p.at)) {
        let what = match p.purpose {
            PaymentPurpose::Bill { .. } => text("缴费", "Bill payment"),
            PaymentPurpose::TopUp => text("充值", "Top-up"),
        };
        let result = match p.outcome {
            crate::records::PaymentOutcome::Succeeded => text("成功", "succeeded"),
            crate::records::PaymentOutcome::Failed { reason } => {
                let r = reason.label();
                text(format!("失败：{}", r.zh_cn), format!("failed: {}", r.en))
            }
        };
        let ch = p.channel.label();
        out.push(Entry {
            at: p.at,
            end: None,
            record: RecordRef::new(RecordKind::Payments, p.id.as_str()),
            title: text(
                format!("{} {}", what.zh_cn, p.amount),
                format!("{} of {}", what.en, p.amount),
            ),
            detail: text(
                format!("{}，{}", ch.zh_cn, result.zh_cn),
                format!("{}, {}", ch.en, result.en),
            ),
            amount: Some(p.amount),
        });
    }
}

fn devices(s: &Subject<'_>, w: &Window, out: &mut Vec<Entry>) {
    // The handset in use is context whenever it was bought.
    for h in &s.records.handsets {
        let current = h.imei == s.profile.handset_imei;
        if !current && !w.contains_date(h.purchased) {
            continue;
        }
        let months = h.age_months(w.to_date());
        let (wz, we) = if h.under_warranty(w.to_date()) {
            ("在保", "under warranty")
        } else {
            ("已过保", "out of warranty")
        };
        out.push(Entry {
            at: w.day_start(h.purchased),
            end: None,
            record: RecordRef::new(RecordKind::Devices, h.imei.as_str()),
            title: text(
                format!("手机：{}", h.model.zh_cn),
                format!("Handset: {}", h.model.en),
            ),
            detail: text(
                format!("使用 {months} 个月，{wz}"),
                format!("{months} months old, {we}"),
            ),
            amount: None,
        });
    }
}

fn contracts(s: &Subject<'_>, w: &Window, out: &mut Vec<Entry>) {
    let Some(c) = &s.profile.contract else {
        return;
    };
    let today = w.to_date();
    let (dz, de) = if c.end >= today {
        (
            format!(
                "至 {}，剩余 {} 个月，提前解约约 {}",
                ymd(c.end),
                c.months_left(today),
                c.exit_fee(today)
            ),
            format!(
                "until {}, {} months left, about {} to leave early",
                ymd(c.end),
                c.months_left(today),
                c.exit_fee(today)
            ),
        )
    } else {
        (
            format!("已于 {} 到期", ymd(c.end)),
            format!("ended on {}", ymd(c.end)),
        )
    };
    out.push(Entry {
        at: w.day_start(c.start),
        end: Some(w.day_start(c.end + Duration::days(1))),
        record: RecordRef::new(RecordKind::Contracts, ymd(c.start)),
        title: c.name.clone(),
        detail: text(dz, de),
        amount: None,
    });
}

fn screened(s: &Subject<'_>, w: &Window, out: &mut Vec<Entry>) {
    for c in s.records.screened_calls.iter().filter(|c| w.contains(c.at)) {
        let k = c.kind.label();
        let (az, ae) = if c.answered_seconds > 0 {
            (
                format!("已接听 {} 秒", c.answered_seconds),
                format!("answered, {} s", c.answered_seconds),
            )
        } else {
            ("未接听".to_owned(), "not answered".to_owned())
        };
        out.push(Entry {
            at: c.at,
            end: None,
            record: RecordRef::new(RecordKind::ScreenedCalls, c.at.unix_timestamp().to_string()),
            title: text(
                format!("反诈预警来电：{}", k.zh_cn),
                format!("Flagged call: {}", k.en),
            ),
            detail: text(
                // A third party's number: masked, as in the record detail.
                format!("来电号码 {}，{az}", mask_msisdn(&c.caller)),
                format!("from {}, {ae}", mask_msisdn(&c.caller)),
            ),
            amount: None,
        });
    }
}
