//! Profile tags: what the agent should know about the customer at a glance
//! on the intake screen, each with the reason in numbers.

use super::calendar::CHINA;
use super::DemoData;
use crate::customer::CustomerId;
use crate::records::{
    months_between, text, Bill, BillStatus, ContactOutcome, CustomerRecords, Fen, OrderKind,
    OrderStatus, RealNameStatus,
};
use crate::text::Text;
use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};

/// What a tag is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TagKind {
    ValueTier,
    Tenure,
    RecentComplaints,
    RepeatContact,
    ChurnRisk,
    Arrears,
    RoamingNow,
    UnderContract,
    IdExpired,
    FraudAlert,
}

/// One tag, with its reason in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tag {
    pub kind: TagKind,
    pub reason: Text,
    /// The reason without figures from the account (spend, arrears, bill
    /// amounts), shown until the customer is verified; `None` when the
    /// reason has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub masked: Option<Text>,
}

impl Tag {
    /// What may be shown now: the full reason once verified.
    pub fn shown(&self, verified: bool) -> &Text {
        match (&self.masked, verified) {
            (Some(m), false) => m,
            _ => &self.reason,
        }
    }
}

/// The thresholds of the tags. The defaults follow common contact-centre
/// practice; an operator tunes them, so they are data, not constants.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagRules {
    /// The window of a repeat contact, in days (the usual FCR window is 7).
    pub repeat_window_days: i64,
    /// Contacts within the window that make a repeat contact.
    pub repeat_min_contacts: usize,
    /// How far back complaints count as recent, in days.
    pub complaint_window_days: i64,
    /// Below this tenure (months) the customer is new: still deciding whether to stay.
    pub new_customer_months: u32,
    /// From this tenure (months) the customer is long-standing.
    pub long_tenure_months: u32,
    /// The latest bill counts as a rise (a churn signal) at this percentage
    /// of the median of the earlier bills.
    pub bill_rise_percent: i64,
    /// A plan downgrade within this many days is a churn signal.
    pub downgrade_window_days: i64,
    /// How many churn signals make a churn risk.
    pub churn_min_signals: usize,
    /// Usage abroad on one of the last this-many days means roaming now
    /// (usage is recorded per finished day).
    pub roaming_recent_days: i64,
    /// Bills averaged for the value-tier reason.
    pub spend_months: usize,
    /// How far back flagged scam calls raise a fraud alert, in days.
    pub fraud_window_days: i64,
}

impl Default for TagRules {
    fn default() -> Self {
        TagRules {
            repeat_window_days: 7,
            repeat_min_contacts: 2,
            complaint_window_days: 90,
            new_customer_months: 6,
            long_tenure_months: 60,
            bill_rise_percent: 150,
            downgrade_window_days: 90,
            churn_min_signals: 2,
            roaming_recent_days: 2,
            spend_months: 6,
            fraud_window_days: 14,
        }
    }
}

/// The customer's tags as of `now` with the default [`TagRules`]; empty for
/// an unknown customer.
pub fn profile_tags(data: &DemoData, id: &CustomerId, now: OffsetDateTime) -> Vec<Tag> {
    profile_tags_with(data, id, now, &TagRules::default())
}

/// [`profile_tags`] with explicit rules. Tags come in a fixed order: tier,
/// tenure, arrears, roaming, contract, expired ID, fraud alert, repeat
/// contact, complaints, churn risk.
pub fn profile_tags_with(
    data: &DemoData,
    id: &CustomerId,
    now: OffsetDateTime,
    rules: &TagRules,
) -> Vec<Tag> {
    let Some(customer) = data.customer(id) else {
        return Vec::new();
    };
    let empty = CustomerRecords::default();
    let records = data.records(id).unwrap_or(&empty);
    let today = now.to_offset(CHINA).date();
    let mut tags = Vec::new();
    let tag = |kind, zh: String, en: String| Tag {
        kind,
        reason: text(zh, en),
        masked: None,
    };
    let with_masked = |mut t: Tag, zh: String, en: String| {
        t.masked = Some(text(zh, en));
        t
    };

    // Value tier, with the average spend behind it.
    let tier = customer
        .profile
        .as_ref()
        .map_or(customer.segment.clone(), |p| p.tier.label());
    let recent: Vec<&Bill> = records
        .bills
        .iter()
        .rev()
        .take(rules.spend_months)
        .collect();
    if recent.is_empty() {
        tags.push(tag(
            TagKind::ValueTier,
            format!("{}客户", tier.zh_cn),
            format!("{} tier", tier.en),
        ));
    } else {
        let n = recent.len();
        let avg = Fen(recent.iter().map(|b| b.total.0).sum::<i64>() / n as i64);
        tags.push(with_masked(
            tag(
                TagKind::ValueTier,
                format!("{}客户，近 {n} 个月月均消费 {avg}", tier.zh_cn),
                format!("{} tier, average {avg} a month over {n} months", tier.en),
            ),
            format!("{}客户", tier.zh_cn),
            format!("{} tier", tier.en),
        ));
    }

    // Tenure.
    let months = customer
        .profile
        .as_ref()
        .map_or(customer.tenure_months, |p| months_between(p.opened, today));
    let (zh, en) = duration(months);
    let (zh, en) = if months < rules.new_customer_months {
        (
            format!("新入网客户：在网 {zh}"),
            format!("new customer: {en}"),
        )
    } else if months >= rules.long_tenure_months {
        (
            format!("老客户：在网 {zh}"),
            format!("long-standing customer: {en}"),
        )
    } else {
        (format!("在网 {zh}"), format!("customer for {en}"))
    };
    tags.push(tag(TagKind::Tenure, zh, en));

    // Arrears.
    let arrears = arrears(data, id, records, today);
    if let Some(a) = &arrears {
        tags.push(with_masked(
            tag(TagKind::Arrears, a.zh.clone(), a.en.clone()),
            String::from("有欠费（金额核验后显示）"),
            String::from("in arrears (amount shown after verification)"),
        ));
    }

    // Roaming now.
    if let Some(last) = records.usage.last().filter(|u| {
        u.roaming.is_some() && (today - u.date) <= Duration::days(rules.roaming_recent_days)
    }) {
        let days = records
            .usage
            .iter()
            .rev()
            .take_while(|u| u.roaming == last.roaming)
            .count();
        let (zh, en) = last
            .roaming
            .as_ref()
            .and_then(|c| data.country(c))
            .map_or_else(
                || (String::from("境外"), String::from("abroad")),
                |c| (c.name.zh_cn.clone(), c.name.en.clone()),
            );
        tags.push(with_masked(
            tag(
                TagKind::RoamingNow,
                format!("正在{zh}漫游（已 {days} 天）"),
                format!(
                    "roaming in {en} now ({days} {} so far)",
                    plural(days, "day", "days")
                ),
            ),
            String::from("正在境外漫游"),
            String::from("roaming abroad now"),
        ));
    }

    // Under contract: port-out, cancellation and downgrades cost a fee.
    if let Some(c) = customer
        .profile
        .as_ref()
        .and_then(|p| p.contract.as_ref())
        .filter(|c| c.end >= today)
    {
        let left = c.months_left(today);
        tags.push(tag(
            TagKind::UnderContract,
            format!("合约期内：还剩 {left} 个月（至 {}）", c.end),
            format!(
                "under contract: {left} {} left (until {})",
                plural(left as usize, "month", "months"),
                c.end
            ),
        ));
    }

    // The registered ID expired: some services wait for re-registration.
    if customer
        .profile
        .as_ref()
        .is_some_and(|p| p.real_name == RealNameStatus::DocumentExpired)
    {
        tags.push(tag(
            TagKind::IdExpired,
            String::from("实名证件已过期，需重新登记"),
            String::from("registered ID expired: re-registration needed"),
        ));
    }

    // Calls flagged by anti-fraud screening lately: be alert to a scam in
    // progress (or to an impostor on the line).
    let flagged = records
        .screened_calls
        .iter()
        .filter(|c| c.at <= now && now - c.at < Duration::days(rules.fraud_window_days))
        .count();
    if flagged > 0 {
        let fw = rules.fraud_window_days;
        tags.push(tag(
            TagKind::FraudAlert,
            format!("反诈预警：{fw} 天内 {flagged} 通可疑来电"),
            format!(
                "fraud alert: {flagged} flagged {} in {fw} days",
                plural(flagged, "call", "calls")
            ),
        ));
    }

    // Repeat contact.
    let window = rules.repeat_window_days;
    let repeat = records
        .contacts
        .iter()
        .filter(|c| c.at <= now && now - c.at < Duration::days(window))
        .count();
    let is_repeat = repeat >= rules.repeat_min_contacts;
    if is_repeat {
        tags.push(tag(
            TagKind::RepeatContact,
            format!("{window} 天内已来电 {repeat} 次"),
            format!("repeat contact: {repeat} contacts in {window} days"),
        ));
    }

    // Complaints.
    let cwindow = rules.complaint_window_days;
    let complaints = records
        .contacts
        .iter()
        .filter(|c| c.complaint && c.at <= now && now - c.at < Duration::days(cwindow))
        .count();
    if complaints > 0 {
        tags.push(tag(
            TagKind::RecentComplaints,
            format!("近 {cwindow} 天投诉 {complaints} 次"),
            format!(
                "{complaints} {} in the last {cwindow} days",
                plural(complaints, "complaint", "complaints")
            ),
        ));
    }

    // Churn risk: enough of the signals at once.
    let mut signals: Vec<(String, String)> = Vec::new();
    if complaints > 0 {
        signals.push((
            format!("近 {cwindow} 天投诉 {complaints} 次"),
            format!(
                "{complaints} {} in {cwindow} days",
                plural(complaints, "complaint", "complaints")
            ),
        ));
    }
    if is_repeat {
        signals.push((
            format!("{window} 天内来电 {repeat} 次"),
            format!("{repeat} contacts in {window} days"),
        ));
    }
    let unresolved = records
        .contacts
        .last()
        .filter(|c| now - c.at < Duration::days(30))
        .is_some_and(|c| {
            matches!(
                c.outcome,
                ContactOutcome::Unresolved | ContactOutcome::Escalated
            )
        });
    if unresolved && !is_repeat {
        signals.push((
            String::from("最近一次来电未解决"),
            String::from("last contact unresolved"),
        ));
    }
    if let Some((latest, usual)) = latest_and_usual_bill(&records.bills) {
        if usual.0 > 0 && latest.0 * 100 >= usual.0 * rules.bill_rise_percent {
            let tenths = latest.0 * 10 / usual.0;
            let ratio = format!("{}.{}", tenths / 10, tenths % 10);
            signals.push((
                format!("最新账单 {latest} 为平时 {usual} 的 {ratio} 倍"),
                format!("latest bill {latest} is {ratio}× the usual {usual}"),
            ));
        }
    }
    if let Some(a) = &arrears {
        signals.push((
            format!("欠费 {}", a.amount),
            format!("arrears of {}", a.amount),
        ));
    }
    for order in &records.orders {
        let OrderKind::PlanChange { from, to, .. } = &order.kind else {
            continue;
        };
        let recent = order.status == OrderStatus::Completed
            && now - order.placed < Duration::days(rules.downgrade_window_days);
        let fees = data
            .plan(from)
            .zip(data.plan(to))
            .map(|(f, t)| (f.monthly_fee, t.monthly_fee));
        if let Some((before, after)) = fees.filter(|(b, a)| recent && a < b) {
            signals.push((
                format!("近期降档套餐 {before} → {after}"),
                format!("recent downgrade {before} → {after}"),
            ));
        }
    }
    if signals.len() >= rules.churn_min_signals {
        let zh: Vec<&str> = signals.iter().map(|(z, _)| z.as_str()).collect();
        let en: Vec<&str> = signals.iter().map(|(_, e)| e.as_str()).collect();
        tags.push(with_masked(
            tag(
                TagKind::ChurnRisk,
                format!("流失风险：{}", zh.join("、")),
                format!("churn risk: {}", en.join(", ")),
            ),
            String::from("流失风险（原因核验后显示）"),
            String::from("churn risk (reasons shown after verification)"),
        ));
    }
    tags
}

struct Arrears {
    amount: Fen,
    zh: String,
    en: String,
}

/// Overdue bills or credit below zero, with how long and what it did to the line.
fn arrears(
    data: &DemoData,
    id: &CustomerId,
    records: &CustomerRecords,
    today: time::Date,
) -> Option<Arrears> {
    let overdue: Vec<&Bill> = records
        .bills
        .iter()
        .filter(|b| b.status == BillStatus::Overdue)
        .collect();
    let overdue_sum = Fen(overdue.iter().map(|b| b.total.0).sum());
    let profile = data.customer(id).and_then(|c| c.profile.as_ref());
    let negative = profile.map_or(Fen::ZERO, |p| -p.balance);
    let amount = overdue_sum.max(negative);
    if amount <= Fen::ZERO {
        return None;
    }
    let mut zh = format!("欠费 {amount}");
    let mut en = format!("arrears: {amount}");
    if let Some(first) = overdue.first() {
        let days = (today - first.due).whole_days();
        zh.push_str(&format!("（账单逾期 {days} 天）"));
        en.push_str(&format!(
            " (bill {days} {} overdue)",
            plural(days as usize, "day", "days")
        ));
    }
    if let Some(status) = profile.map(|p| p.status).filter(|s| !s.is_active()) {
        let label = status.label();
        zh.push_str(&format!("，{}", label.zh_cn));
        en.push_str(&format!(", {}", label.en.to_lowercase()));
    }
    Some(Arrears { amount, zh, en })
}

/// The latest bill's total and the median of the earlier ones (at least three).
pub(super) fn latest_and_usual_bill(bills: &[Bill]) -> Option<(Fen, Fen)> {
    let (latest, earlier) = bills.split_last()?;
    if earlier.len() < 3 {
        return None;
    }
    let mut totals: Vec<i64> = earlier.iter().map(|b| b.total.0).collect();
    totals.sort_unstable();
    let mid = totals.len() / 2;
    let median = if totals.len() % 2 == 0 {
        (totals[mid - 1] + totals[mid]) / 2
    } else {
        totals[mid]
    };
    Some((latest.total, Fen(median)))
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// A tenure in years and months, in both languages.
fn duration(months: u32) -> (String, String) {
    let (years, rest) = (months / 12, months % 12);
    let en_months = format!("{rest} {}", plural(rest as usize, "month", "months"));
    let en_years = format!("{years} {}", plural(years as usize, "year", "years"));
    match (years, rest) {
        (0, _) => (
            format!("{months} 个月"),
            format!("{months} {}", plural(months as usize, "month", "months")),
        ),
        (_, 0) => (format!("{years} 年"), en_years),
        _ => (
            format!("{years} 年 {rest} 个月"),
            format!("{en_years} {en_months}"),
        ),
    }
}
