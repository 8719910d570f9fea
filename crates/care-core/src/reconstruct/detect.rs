//! The detectors behind the pack's features. Each reads the subject's
//! records in the window and, when its condition holds, says what it found
//! in both languages. Thresholds come from the pack; the defaults below
//! apply when a feature gives none, and are documented in
//! `docs/pack-format.md`.

use super::{join, text, ymd, Finding, RecordRef, Subject, Window};
use crate::pack::{Detector, Feature, Pack, RecordKind};
use crate::records::{
    BillStatus, ContactOutcome, Fen, NetworkEventKind, OrderKind, OrderStatus, PaymentPurpose,
    RealNameStatus, ServiceStatus, SubscriptionChannel,
};
use crate::text::Text;
use time::{Date, Duration, OffsetDateTime};

/// Every feature of the pack that fires for the subject, in pack order.
pub fn detect(pack: &Pack, subject: &Subject<'_>, window: &Window) -> Vec<Finding> {
    pack.features
        .iter()
        .filter_map(|f| detect_one(f, subject, window))
        .collect()
}

/// One feature, if it fires.
pub fn detect_one(feature: &Feature, s: &Subject<'_>, w: &Window) -> Option<Finding> {
    let t = feature.threshold;
    let (detail, at, evidence) = match feature.detector {
        Detector::BillRatio => bill_ratio(s, w, t.unwrap_or(1.5)),
        Detector::RoamingUsage => roaming(s, w),
        Detector::OutageOverlap => outage(s, w, t.unwrap_or(3.0)),
        Detector::PlanChange => plan_change(s, w),
        Detector::NewSubscription => new_subscription(s, w),
        Detector::FailedPayment => failed_payment(s, w),
        Detector::DataThrottled => throttled(s, w, t.unwrap_or(7.0)),
        Detector::SimChange => sim_change(s, w, t.unwrap_or(7.0)),
        Detector::RepeatContact => repeat_contact(s, w, t.unwrap_or(2.0)),
        Detector::DeviceAge => device_age(s, w, t.unwrap_or(36.0)),
        Detector::ContractTerm => contract_term(s, w),
        Detector::IdExpired => id_expired(s),
        Detector::ScamCalls => scam_calls(s, w, t.unwrap_or(1.0)),
        Detector::PoorContact => poor_contact(s, w, t.unwrap_or(2.0)),
    }?;
    Some(Finding {
        feature: feature.id.clone(),
        name: feature.name.clone(),
        detail,
        at,
        evidence,
    })
}

type Found = Option<(Text, Option<OffsetDateTime>, Vec<RecordRef>)>;

fn ym(d: Date) -> String {
    format!("{}-{:02}", d.year(), d.month() as u8)
}

fn whole(x: f64) -> i64 {
    x.ceil() as i64
}

/// The latest bill issued in the window against the median of the up to
/// six bills before it.
fn bill_ratio(s: &Subject<'_>, w: &Window, ratio: f64) -> Found {
    let bills = &s.records.bills;
    let (index, latest) = bills
        .iter()
        .enumerate()
        .filter(|(_, b)| w.contains_date(b.issued))
        .max_by_key(|(_, b)| b.issued)?;
    let mut before: Vec<Fen> = bills[..index]
        .iter()
        .rev()
        .take(6)
        .map(|b| b.total)
        .collect();
    if before.is_empty() {
        return None;
    }
    before.sort();
    let usual = before[before.len() / 2];
    if usual.0 <= 0 || (latest.total.0 as f64) < ratio * usual.0 as f64 {
        return None;
    }
    let times = latest.total.0 as f64 / usual.0 as f64;
    // The lines that account for the rise, largest first (plan fees are
    // the usual part of every bill).
    let mut extra: Vec<_> = latest
        .lines
        .iter()
        .filter(|l| {
            l.kind.adds_to_total()
                && l.amount.0 > 0
                && !matches!(l.kind, crate::records::LineKind::PlanFee { .. })
        })
        .collect();
    extra.sort_by_key(|l| std::cmp::Reverse(l.amount));
    let top: Vec<Text> = extra
        .iter()
        .take(3)
        .map(|l| {
            text(
                format!("{} {}", l.label.zh_cn, l.amount),
                format!("{} {}", l.label.en, l.amount),
            )
        })
        .collect();
    let lines = join(&top);
    let month = ym(latest.period_start);
    Some((
        text(
            format!(
                "{month} 账单 {}，是此前 {} 期中位数 {} 的 {times:.1} 倍；主要来自：{}",
                latest.total,
                before.len(),
                usual,
                lines.zh_cn
            ),
            format!(
                "The {month} bill is {}, {times:.1}× the median {} of the {} bills before; mostly: {}",
                latest.total,
                usual,
                before.len(),
                lines.en
            ),
        ),
        Some(w.day_start(latest.issued)),
        vec![RecordRef::new(RecordKind::Bills, latest.id.as_str())],
    ))
}

/// Usage abroad on any day of the window, by country.
fn roaming(s: &Subject<'_>, w: &Window) -> Found {
    let days: Vec<_> = s
        .records
        .usage
        .iter()
        .filter(|u| u.roaming.is_some() && w.contains_date(u.date))
        .collect();
    let first = days.first()?;
    let last = days.last()?;
    let mut codes: Vec<_> = days.iter().filter_map(|u| u.roaming.clone()).collect();
    codes.dedup();
    let names: Vec<Text> = codes
        .iter()
        .map(|c| {
            s.countries
                .iter()
                .find(|k| &k.code == c)
                .map(|k| k.name.clone())
                .unwrap_or_else(|| text(c.as_str(), c.as_str()))
        })
        .collect();
    let places = join(&names);
    let mb: u32 = days.iter().map(|u| u.data_mb).sum();
    let min: u32 = days.iter().map(|u| u.voice_min).sum();
    let n = days.len();
    let (from, to) = (ymd(first.date), ymd(last.date));
    let mut evidence: Vec<RecordRef> = days
        .iter()
        .map(|u| RecordRef::new(RecordKind::Usage, ymd(u.date)))
        .collect();
    evidence.extend(
        s.records
            .bills
            .iter()
            .filter(|b| {
                b.lines
                    .iter()
                    .any(|l| matches!(l.kind, crate::records::LineKind::Roaming { .. }))
                    && b.period_end >= first.date
                    && b.period_start <= last.date
            })
            .map(|b| RecordRef::new(RecordKind::Bills, b.id.as_str())),
    );
    Some((
        text(
            format!(
                "在{}漫游 {n} 天（{from} 至 {to}），流量 {mb} MB，通话 {min} 分钟",
                places.zh_cn
            ),
            format!(
                "Roamed in {} on {n} days ({from} to {to}): {mb} MB of data, {min} call minutes",
                places.en
            ),
        ),
        Some(w.day_start(first.date)),
        evidence,
    ))
}

/// Outages or degradations on the customer's cells since the problem was
/// reported to start, or in the last `days` days if they did not say.
fn outage(s: &Subject<'_>, w: &Window, days: f64) -> Found {
    let since = w
        .reported
        .map(|r| r.max(w.from))
        .unwrap_or(w.to - Duration::minutes(whole(days * 24.0 * 60.0)));
    let events: Vec<_> = s
        .network_events
        .iter()
        .filter(|e| e.overlaps(since, w.to))
        .collect();
    let first = events.first()?;
    let describe = |e: &&&crate::records::NetworkEvent| {
        let services = join(&e.affected.iter().map(|x| x.label()).collect::<Vec<Text>>());
        let start = e.start.to_offset(w.offset);
        let when = format!(
            "{} {:02}:{:02}",
            ymd(start.date()),
            start.hour(),
            start.minute()
        );
        let until_zh = e
            .end
            .map(|end| {
                let end = end.to_offset(w.offset);
                format!(
                    "至 {} {:02}:{:02}",
                    ymd(end.date()),
                    end.hour(),
                    end.minute()
                )
            })
            .unwrap_or_else(|| "，尚未恢复".to_owned());
        let until_en = e
            .end
            .map(|end| {
                let end = end.to_offset(w.offset);
                format!(
                    "until {} {:02}:{:02}",
                    ymd(end.date()),
                    end.hour(),
                    end.minute()
                )
            })
            .unwrap_or_else(|| "and still ongoing".to_owned());
        text(
            format!(
                "{}：{}，{when} 起{until_zh}，影响{}",
                e.kind.label().zh_cn,
                e.cause.zh_cn,
                services.zh_cn
            ),
            format!(
                "{}: {}, from {when} {until_en}, affecting {}",
                e.kind.label().en,
                e.cause.en,
                services.en
            ),
        )
    };
    let parts: Vec<Text> = events.iter().map(describe).collect();
    let ongoing = events
        .iter()
        .any(|e| e.end.is_none_or(|end| end >= w.to) && e.kind != NetworkEventKind::Degradation);
    let lead = if ongoing {
        text(
            "客户所在区域的基站现有故障。",
            "A fault is affecting the customer's cells now. ",
        )
    } else {
        text(
            "客户所在区域的基站在此期间有故障。",
            "The customer's cells had a fault in this period. ",
        )
    };
    let all = join(&parts);
    Some((
        text(
            format!("{}{}", lead.zh_cn, all.zh_cn),
            format!("{}{}", lead.en, all.en),
        ),
        Some(first.start),
        events
            .iter()
            .map(|e| RecordRef::new(RecordKind::NetworkEvents, e.id.as_str()))
            .collect(),
    ))
}

fn plan_name(s: &Subject<'_>, id: &crate::records::PlanId) -> Text {
    s.plans
        .iter()
        .find(|p| &p.id == id)
        .map(|p| p.name.clone())
        .unwrap_or_else(|| text(id.as_str(), id.as_str()))
}

/// A completed plan change placed or taking effect in the window.
fn plan_change(s: &Subject<'_>, w: &Window) -> Found {
    let order = s.records.orders.iter().rev().find(|o| {
        o.status == OrderStatus::Completed
            && matches!(&o.kind, OrderKind::PlanChange { effective, .. }
                if w.contains(o.placed) || w.contains_date(*effective))
    })?;
    let OrderKind::PlanChange {
        from,
        to,
        effective,
    } = &order.kind
    else {
        return None;
    };
    let (a, b) = (plan_name(s, from), plan_name(s, to));
    let (placed, eff) = (
        ymd(order.placed.to_offset(w.offset).date()),
        ymd(*effective),
    );
    let channel = order.channel.label();
    Some((
        text(
            format!(
                "{placed} 通过{}将套餐由「{}」改为「{}」，{eff} 生效；生效当月按天折算",
                channel.zh_cn, a.zh_cn, b.zh_cn
            ),
            format!(
                "On {placed}, by {}, the plan changed from {} to {}, effective {eff}; that month is prorated by day",
                channel.en, a.en, b.en
            ),
        ),
        Some(order.placed),
        vec![RecordRef::new(RecordKind::Orders, order.id.as_str())],
    ))
}

/// Value-added services taken out in the window (not bundled ones), those
/// taken through a link first: the usual way unwanted ones arrive.
fn new_subscription(s: &Subject<'_>, w: &Window) -> Found {
    let mut subs: Vec<_> = s
        .records
        .subscriptions
        .iter()
        .filter(|x| x.channel != SubscriptionChannel::Bundled && w.contains_date(x.start))
        .collect();
    if subs.is_empty() {
        return None;
    }
    subs.sort_by_key(|x| (!x.channel.is_link(), x.start));
    let parts: Vec<Text> = subs
        .iter()
        .map(|x| {
            let ch = x.channel.label();
            let state_zh = if x.end.is_some() { "，已退订" } else { "" };
            let state_en = if x.end.is_some() {
                ", since cancelled"
            } else {
                ""
            };
            text(
                format!(
                    "「{}」{} 经{}开通，月费 {}{state_zh}",
                    x.name.zh_cn,
                    ymd(x.start),
                    ch.zh_cn,
                    x.monthly_fee
                ),
                format!(
                    "{} taken out on {} via {}, {} a month{state_en}",
                    x.name.en,
                    ymd(x.start),
                    ch.en,
                    x.monthly_fee
                ),
            )
        })
        .collect();
    let all = join(&parts);
    let earliest = subs.iter().map(|x| x.start).min()?;
    Some((
        text(
            format!("新增增值业务：{}", all.zh_cn),
            format!("New value-added services: {}", all.en),
        ),
        Some(w.day_start(earliest)),
        subs.iter()
            .map(|x| RecordRef::new(RecordKind::Subscriptions, x.id.as_str()))
            .collect(),
    ))
}

/// Failed payments in the window, overdue bills, and a barred line.
fn failed_payment(s: &Subject<'_>, w: &Window) -> Found {
    let failed: Vec<_> = s
        .records
        .payments
        .iter()
        .filter(|p| !p.succeeded() && w.contains(p.at))
        .collect();
    let overdue: Vec<_> = s
        .records
        .bills
        .iter()
        .filter(|b| b.status == BillStatus::Overdue)
        .collect();
    let barred = !s.profile.status.is_active();
    if failed.is_empty() && !barred {
        return None;
    }
    let mut parts: Vec<Text> = failed
        .iter()
        .map(|p| {
            let reason = match p.outcome {
                crate::records::PaymentOutcome::Failed { reason } => reason.label(),
                crate::records::PaymentOutcome::Succeeded => text("", ""),
            };
            let what = match p.purpose {
                PaymentPurpose::Bill { .. } => text("缴纳账单", "bill payment"),
                PaymentPurpose::TopUp => text("充值", "top-up"),
            };
            let ch = p.channel.label();
            let day = ymd(p.at.to_offset(w.offset).date());
            text(
                format!(
                    "{day} {}{} {} 失败（{}）",
                    ch.zh_cn, what.zh_cn, p.amount, reason.zh_cn
                ),
                format!(
                    "{day} {} {} of {} failed ({})",
                    ch.en, what.en, p.amount, reason.en
                ),
            )
        })
        .collect();
    for b in &overdue {
        parts.push(text(
            format!(
                "{} 账单 {} 已逾期（到期日 {}）",
                ym(b.period_start),
                b.total,
                ymd(b.due)
            ),
            format!(
                "the {} bill of {} is overdue (due {})",
                ym(b.period_start),
                b.total,
                ymd(b.due)
            ),
        ));
    }
    if let Some(since) = s.profile.status.since() {
        let label = s.profile.status.label();
        let what = match s.profile.status {
            ServiceStatus::Suspended { .. } => text("无法拨打和接听", "no calls in or out"),
            _ => text("只能接听，不能拨出", "incoming calls only"),
        };
        parts.push(text(
            format!("线路自 {} 起{}（{}）", ymd(since), label.zh_cn, what.zh_cn),
            format!(
                "the line is {} since {} ({})",
                label.en.to_lowercase(),
                ymd(since),
                what.en
            ),
        ));
    }
    let all = join(&parts);
    let at = failed
        .first()
        .map(|p| p.at)
        .or_else(|| s.profile.status.since().map(|d| w.day_start(d)));
    let mut evidence: Vec<RecordRef> = failed
        .iter()
        .map(|p| RecordRef::new(RecordKind::Payments, p.id.as_str()))
        .collect();
    evidence.extend(
        overdue
            .iter()
            .map(|b| RecordRef::new(RecordKind::Bills, b.id.as_str())),
    );
    Some((
        text(
            format!("缴费异常：{}", all.zh_cn),
            format!("Payment trouble: {}", all.en),
        ),
        at,
        evidence,
    ))
}

/// Days with data slowed past the quota among the last `days` days.
fn throttled(s: &Subject<'_>, w: &Window, days: f64) -> Found {
    let since = w.to_date() - Duration::days(whole(days));
    let slow: Vec<_> = s
        .records
        .usage
        .iter()
        .filter(|u| u.throttled && u.date >= since && w.contains_date(u.date))
        .collect();
    let first = slow.first()?;
    let n = slow.len();
    let day = ymd(first.date);
    let d = whole(days);
    Some((
        text(
            format!("最近 {d} 天中有 {n} 天流量已用完并被限速（自 {day} 起）"),
            format!("The data quota ran out and speed was capped on {n} of the last {d} days (from {day})"),
        ),
        Some(w.day_start(first.date)),
        slow.iter()
            .map(|u| RecordRef::new(RecordKind::Usage, ymd(u.date)))
            .collect(),
    ))
}

/// A SIM replacement in the last `days` days.
fn sim_change(s: &Subject<'_>, w: &Window, days: f64) -> Found {
    let since = w.to - Duration::minutes(whole(days * 24.0 * 60.0));
    let order = s.records.orders.iter().rev().find(|o| {
        matches!(o.kind, OrderKind::SimReplacement { .. })
            && o.placed >= since
            && o.placed <= w.to
            && o.status != OrderStatus::Cancelled
    })?;
    let OrderKind::SimReplacement { reason, .. } = &order.kind else {
        return None;
    };
    let r = reason.label();
    let at = order.placed.to_offset(w.offset);
    let when = format!("{} {:02}:{:02}", ymd(at.date()), at.hour(), at.minute());
    let place = order.store.clone().unwrap_or_else(|| order.channel.label());
    Some((
        text(
            format!(
                "{when} 在{}办理了补换卡（{}）；旧卡已失效",
                place.zh_cn, r.zh_cn
            ),
            format!(
                "The SIM was replaced on {when} at {} ({}); the old card no longer works",
                place.en, r.en
            ),
        ),
        Some(order.placed),
        vec![RecordRef::new(RecordKind::Orders, order.id.as_str())],
    ))
}

/// At least `count` contacts in the seven days before now.
fn repeat_contact(s: &Subject<'_>, w: &Window, count: f64) -> Found {
    let since = w.to - Duration::days(7);
    let recent: Vec<_> = s
        .records
        .contacts
        .iter()
        .filter(|c| c.at >= since && c.at <= w.to)
        .collect();
    if recent.is_empty() || (recent.len() as f64) < count {
        return None;
    }
    let last = recent.last()?;
    let n = recent.len();
    let open = recent
        .iter()
        .filter(|c| c.outcome != ContactOutcome::Resolved)
        .count();
    let outcome = last.outcome.label();
    let summary = &last.summary;
    Some((
        text(
            format!(
                "7 天内已联系 {n} 次，其中 {open} 次未解决；最近一次：{}（{}）",
                summary.zh_cn, outcome.zh_cn
            ),
            format!(
                "{n} contacts in 7 days, {open} not resolved; the latest: {} ({})",
                summary.en,
                outcome.en.to_lowercase()
            ),
        ),
        recent.first().map(|c| c.at),
        recent
            .iter()
            .map(|c| RecordRef::new(RecordKind::Contacts, c.id.as_str()))
            .collect(),
    ))
}

/// The handset in use is at least `months` old.
fn device_age(s: &Subject<'_>, w: &Window, months: f64) -> Found {
    let today = w.to_date();
    let handset = s
        .records
        .handsets
        .iter()
        .find(|h| h.imei == s.profile.handset_imei)
        .or_else(|| s.records.handsets.last())?;
    let age = handset.age_months(today);
    if f64::from(age) < months {
        return None;
    }
    let (wz, we) = if handset.under_warranty(today) {
        ("，仍在保修期内", ", still under warranty")
    } else {
        ("，已过保修期", ", out of warranty")
    };
    Some((
        text(
            format!("正在使用的「{}」已用 {age} 个月{wz}", handset.model.zh_cn),
            format!("The {} in use is {age} months old{we}", handset.model.en),
        ),
        Some(w.day_start(handset.purchased)),
        vec![RecordRef::new(RecordKind::Devices, handset.imei.as_str())],
    ))
}

/// A minimum-term contract still running.
fn contract_term(s: &Subject<'_>, w: &Window) -> Found {
    let c = s.profile.contract.as_ref()?;
    let today = w.to_date();
    if c.end < today {
        return None;
    }
    let left = c.months_left(today);
    let fee = c.exit_fee(today);
    Some((
        text(
            format!(
                "「{}」合约期至 {}，还剩 {left} 个月；现在解约需支付违约金约 {fee}",
                c.name.zh_cn,
                ymd(c.end)
            ),
            format!(
                "{} runs until {}, {left} months left; leaving now costs about {fee}",
                c.name.en,
                ymd(c.end)
            ),
        ),
        Some(w.day_start(c.start)),
        vec![RecordRef::new(RecordKind::Contracts, ymd(c.start))],
    ))
}

/// The ID document registered for the number has expired.
fn id_expired(s: &Subject<'_>) -> Found {
    if s.profile.real_name != RealNameStatus::DocumentExpired {
        return None;
    }
    Some((
        text(
            "实名登记所用证件已过期，需持有效证件重新登记，否则可能被限制业务",
            "The ID registered for the number has expired; it must be re-registered with a valid ID or services may be restricted",
        ),
        None,
        Vec::new(),
    ))
}

/// Calls to the customer flagged by anti-fraud screening in the window.
fn scam_calls(s: &Subject<'_>, w: &Window, count: f64) -> Found {
    let calls: Vec<_> = s
        .records
        .screened_calls
        .iter()
        .filter(|c| w.contains(c.at))
        .collect();
    if calls.is_empty() || (calls.len() as f64) < count {
        return None;
    }
    let n = calls.len();
    let answered: Vec<_> = calls.iter().filter(|c| c.answered_seconds > 0).collect();
    let longest = answered
        .iter()
        .map(|c| c.answered_seconds)
        .max()
        .unwrap_or(0);
    let mut kinds: Vec<_> = calls.iter().map(|c| c.kind).collect();
    kinds.sort_by_key(|k| *k as u8);
    kinds.dedup();
    let kinds = join(&kinds.iter().map(|k| k.label()).collect::<Vec<_>>());
    let a = answered.len();
    let (m, sec) = (longest / 60, longest % 60);
    Some((
        text(
            format!(
                "{n} 通来电被反诈系统标记（{}），客户接听了 {a} 通，最长 {m} 分 {sec} 秒",
                kinds.zh_cn
            ),
            format!(
                "{n} calls flagged by anti-fraud screening ({}); the customer answered {a}, the longest for {m} min {sec} s",
                kinds.en
            ),
        ),
        calls.first().map(|c| c.at),
        calls
            .iter()
            .map(|c| RecordRef::new(RecordKind::ScreenedCalls, c.at.unix_timestamp().to_string()))
            .collect(),
    ))
}

/// Earlier contacts in the window rated at most `rating` out of 5, or
/// complaints left unresolved.
fn poor_contact(s: &Subject<'_>, w: &Window, rating: f64) -> Found {
    let poor: Vec<_> = s
        .records
        .contacts
        .iter()
        .filter(|c| w.contains(c.at))
        .filter(|c| {
            c.rating.is_some_and(|r| f64::from(r) <= rating)
                || (c.complaint && c.outcome != ContactOutcome::Resolved)
        })
        .collect();
    let last = poor.last()?;
    let parts: Vec<Text> = poor
        .iter()
        .map(|c| {
            let day = ymd(c.at.to_offset(w.offset).date());
            let ch = c.channel.label();
            let o = c.outcome.label();
            let (rz, re) = match c.rating {
                Some(r) => (format!("，评分 {r}/5"), format!(", rated {r}/5")),
                None => (String::new(), String::new()),
            };
            text(
                format!("{day} {}：{}（{}{rz}）", ch.zh_cn, c.summary.zh_cn, o.zh_cn),
                format!(
                    "{day} {}: {} ({}{re})",
                    ch.en,
                    c.summary.en,
                    o.en.to_lowercase()
                ),
            )
        })
        .collect();
    let all = join(&parts);
    Some((
        text(
            format!("近期服务体验差：{}", all.zh_cn),
            format!("Recent poor service: {}", all.en),
        ),
        Some(last.at),
        poor.iter()
            .map(|c| RecordRef::new(RecordKind::Contacts, c.id.as_str()))
            .collect(),
    ))
}
