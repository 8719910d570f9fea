//! One record as labelled fields a person reads, in both languages: what
//! the agent sees when they open a record from the timeline or a finding.
//!
//! Dates read `2026年11月3日` / `3 Nov 2026`, instants add the weekday and
//! time, money is [`Fen`]'s `¥12.30`, yes/no is 是/否, categories by their
//! bilingual labels. The service password is never described, and a
//! screened call's caller (a third party) is masked.

use super::{
    text, Bill, BillStatus, Contact, Contract, DailyUsage, Fen, Handset, NetworkEvent, Order,
    OrderKind, Payment, PaymentOutcome, PaymentPurpose, ScreenedCall, Subscription,
};
use crate::commit::{format_date, format_deadline};
use crate::customer::CustomerId;
use crate::demo_data::DemoData;
use crate::pack::{Pack, RecordKind};
use crate::reconstruct::ymd;
use crate::text::Text;
use crate::verify::mask_msisdn;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// One labelled value of a record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Field {
    pub label: Text,
    pub value: Text,
    /// Personal data or someone's own words (an IMEI, a SIM number, a
    /// caller, a contact summary): kept out of machine translation
    /// (`translate="no"`).
    pub personal: bool,
}

/// The record of `kind` named `id`, as the timeline and findings name it
/// ([`RecordRef`](crate::reconstruct::RecordRef)): bills, orders,
/// subscriptions, payments, contacts and network events by their id,
/// handsets by IMEI, usage days by `YYYY-MM-DD`, screened calls by their
/// Unix time, the contract by its start date. `None` if there is no such
/// record (or no such customer). The pack names the intents of earlier
/// contacts.
///
/// A bill's lines are left out: they are a table of their own.
pub fn describe(
    data: &DemoData,
    pack: &Pack,
    customer: &CustomerId,
    kind: RecordKind,
    id: &str,
) -> Option<Vec<Field>> {
    if kind == RecordKind::NetworkEvents {
        return data
            .network_events
            .iter()
            .find(|e| e.id.as_str() == id)
            .map(|e| network_event(data, e));
    }
    let records = data.records(customer)?;
    match kind {
        RecordKind::Bills => records.bills.iter().find(|b| b.id.as_str() == id).map(bill),
        RecordKind::Orders => records
            .orders
            .iter()
            .find(|o| o.id.as_str() == id)
            .map(|o| order(data, o)),
        RecordKind::Subscriptions => records
            .subscriptions
            .iter()
            .find(|s| s.id.as_str() == id)
            .map(subscription),
        RecordKind::Payments => records
            .payments
            .iter()
            .find(|p| p.id.as_str() == id)
            .map(payment),
        RecordKind::Contacts => records
            .contacts
            .iter()
            .find(|c| c.id.as_str() == id)
            .map(|c| contact(pack, c)),
        RecordKind::Devices => records
            .handsets
            .iter()
            .find(|h| h.imei == id)
            .map(|h| handset(data, customer, h)),
        RecordKind::Usage => records
            .usage
            .iter()
            .find(|u| ymd(u.date) == id)
            .map(|u| usage(data, u)),
        RecordKind::ScreenedCalls => records
            .screened_calls
            .iter()
            .find(|c| c.at.unix_timestamp().to_string() == id)
            .map(screened_call),
        RecordKind::Contracts => data
            .customer(customer)?
            .profile
            .as_ref()?
            .contract
            .as_ref()
            .filter(|c| ymd(c.start) == id)
            .map(contract),
        RecordKind::NetworkEvents => None,
    }
}

fn bill(b: &Bill) -> Vec<Field> {
    let start = format_date(b.period_start);
    let end = format_date(b.period_end);
    let mut out = vec![
        field(("账单编号", "Bill number"), same(b.id.as_str())),
        field(
            ("账单周期", "Billing period"),
            text(
                format!("{} 至 {}", start.zh_cn, end.zh_cn),
                format!("{} to {}", start.en, end.en),
            ),
        ),
        field(("出账日期", "Issued"), format_date(b.issued)),
        field(("应缴日期", "Due"), format_date(b.due)),
        field(("合计", "Total"), money(b.total)),
        field(("状态", "Status"), b.status.label()),
    ];
    if let BillStatus::Paid { on } = b.status {
        out.push(field(("缴清日期", "Paid on"), format_date(on)));
    }
    out
}

fn order(data: &DemoData, o: &Order) -> Vec<Field> {
    let mut out = vec![
        field(("订单编号", "Order number"), same(o.id.as_str())),
        field(("订单类型", "Type"), o.kind.label()),
        field(("下单时间", "Placed"), instant(o.placed)),
        field(
            ("完成时间", "Completed"),
            o.completed
                .map(instant)
                .unwrap_or_else(|| text("未完成", "Not completed")),
        ),
    ];
    match &o.kind {
        OrderKind::PlanChange {
            from,
            to,
            effective,
        } => {
            let plan = |id: &super::PlanId| {
                data.plan(id)
                    .map(|p| p.name.clone())
                    .unwrap_or_else(|| same(id.as_str()))
            };
            out.push(field(("原套餐", "From plan"), plan(from)));
            out.push(field(("新套餐", "To plan"), plan(to)));
            out.push(field(("生效日期", "Takes effect"), format_date(*effective)));
        }
        OrderKind::SimReplacement {
            old_iccid,
            new_iccid,
            reason,
        } => {
            out.push(personal(
                ("原 SIM 卡号（ICCID）", "Old SIM (ICCID)"),
                same(old_iccid),
            ));
            out.push(personal(
                ("新 SIM 卡号（ICCID）", "New SIM (ICCID)"),
                same(new_iccid),
            ));
            out.push(field(("换卡原因", "Reason"), reason.label()));
        }
        OrderKind::AddOn {
            name,
            price,
            data_mb,
        } => {
            out.push(field(("流量包", "Add-on"), name.clone()));
            out.push(field(("价格", "Price"), money(*price)));
            out.push(field(("流量", "Data"), same(data_amount(*data_mb))));
        }
        OrderKind::HandsetPurchase { imei, model, price } => {
            out.push(field(("机型", "Model"), model.clone()));
            out.push(personal(("手机串号（IMEI）", "IMEI"), same(imei)));
            out.push(field(("价格", "Price"), money(*price)));
        }
    }
    out.push(field(("状态", "Status"), o.status.label()));
    out.push(field(("办理渠道", "Channel"), o.channel.label()));
    if let Some(store) = &o.store {
        out.push(field(("办理门店", "Store"), store.clone()));
    }
    out
}

fn subscription(s: &Subscription) -> Vec<Field> {
    vec![
        field(("订购编号", "Subscription number"), same(s.id.as_str())),
        field(("业务名称", "Service"), s.name.clone()),
        field(("业务代码", "Service code"), same(s.service.as_str())),
        field(("月费", "Monthly fee"), money(s.monthly_fee)),
        field(("开通日期", "Started"), format_date(s.start)),
        field(
            ("结束日期", "Ended"),
            s.end
                .map(format_date)
                .unwrap_or_else(|| text("仍在订购", "Still active")),
        ),
        field(("订购渠道", "Taken out via"), s.channel.label()),
    ]
}

fn payment(p: &Payment) -> Vec<Field> {
    let purpose = p.purpose.label();
    let purpose = match &p.purpose {
        PaymentPurpose::Bill { bill } => text(
            format!("{}（账单 {bill}）", purpose.zh_cn),
            format!("{} (bill {bill})", purpose.en),
        ),
        PaymentPurpose::TopUp => purpose,
    };
    let outcome = match p.outcome {
        PaymentOutcome::Succeeded => text("成功", "Succeeded"),
        PaymentOutcome::Failed { reason } => {
            let r = reason.label();
            text(format!("失败：{}", r.zh_cn), format!("Failed: {}", r.en))
        }
    };
    vec![
        field(("支付编号", "Payment number"), same(p.id.as_str())),
        field(("时间", "Time"), instant(p.at)),
        field(("金额", "Amount"), money(p.amount)),
        field(("用途", "For"), purpose),
        field(("支付方式", "Paid with"), p.channel.label()),
        field(("结果", "Outcome"), outcome),
    ]
}

fn contact(pack: &Pack, c: &Contact) -> Vec<Field> {
    // Old contacts may be filed under intents the pack in force no longer
    // has: then the filing code, said to be one.
    let intent = pack
        .intent(&c.intent)
        .map(|i| i.name.clone())
        .unwrap_or_else(|| {
            text(
                format!("{}（当前知识包无此诉求）", c.intent),
                format!("{} (not in the current pack)", c.intent),
            )
        });
    vec![
        field(("联系编号", "Contact number"), same(c.id.as_str())),
        field(("时间", "Time"), instant(c.at)),
        field(("渠道", "Channel"), capitalised(c.channel.label())),
        field(("归档诉求", "Filed under"), intent),
        field(("投诉", "Complaint"), yes_no(c.complaint)),
        field(("结果", "Outcome"), c.outcome.label()),
        personal(("摘要", "Summary"), c.summary.clone()),
        field(
            ("满意度评分", "Satisfaction"),
            c.rating
                .map(|r| same(format!("{r}/5")))
                .unwrap_or_else(|| text("未评价", "Not rated")),
        ),
    ]
}

fn handset(data: &DemoData, customer: &CustomerId, h: &Handset) -> Vec<Field> {
    let mut out = vec![
        field(("机型", "Model"), h.model.clone()),
        personal(("手机串号（IMEI）", "IMEI"), same(&h.imei)),
        field(("支持 5G", "5G"), yes_no(h.five_g)),
        field(("支持 VoLTE 高清通话", "VoLTE calls"), yes_no(h.volte)),
        field(("购买日期", "Bought"), format_date(h.purchased)),
        field(("保修截止", "Warranty ends"), format_date(h.warranty_end)),
        field(
            ("在本运营商购买", "Bought from us"),
            yes_no(h.from_operator),
        ),
    ];
    if let Some(profile) = data.customer(customer).and_then(|c| c.profile.as_ref()) {
        out.push(field(
            ("当前在用", "In use now"),
            yes_no(profile.handset_imei == h.imei),
        ));
    }
    out
}

fn usage(data: &DemoData, u: &DailyUsage) -> Vec<Field> {
    let roaming = match &u.roaming {
        Some(code) => data
            .country(code)
            .map(|c| c.name.clone())
            .unwrap_or_else(|| same(code.as_str())),
        None => text("未漫游", "Not roaming"),
    };
    vec![
        field(("日期", "Date"), format_date(u.date)),
        field(
            ("通话", "Calls"),
            text(
                format!("{} 分钟", u.voice_min),
                format!("{} min", u.voice_min),
            ),
        ),
        field(
            ("短信", "Text messages"),
            text(format!("{} 条", u.sms), u.sms.to_string()),
        ),
        field(("流量", "Data"), same(data_amount(u.data_mb))),
        field(("漫游", "Roaming"), roaming),
        field(("达量限速", "Data slowed"), yes_no(u.throttled)),
    ]
}

fn screened_call(c: &ScreenedCall) -> Vec<Field> {
    let answered = if c.answered_seconds > 0 {
        text(
            format!("已接听 {} 秒", c.answered_seconds),
            format!("Yes, {} s", c.answered_seconds),
        )
    } else {
        text("未接听", "No")
    };
    vec![
        field(("来电时间", "Time"), instant(c.at)),
        personal(("来电号码", "Caller"), same(mask_msisdn(&c.caller))),
        field(("诈骗类型", "Scam pattern"), c.kind.label()),
        field(("是否接听", "Answered"), answered),
    ]
}

fn network_event(data: &DemoData, e: &NetworkEvent) -> Vec<Field> {
    let area = data
        .area(&e.area)
        .map(|a| {
            text(
                format!("{}{}", a.city.zh_cn, a.district.zh_cn),
                format!("{}, {}", a.district.en, a.city.en),
            )
        })
        .unwrap_or_else(|| same(e.area.as_str()));
    let cells = e
        .cells
        .iter()
        .map(|c| c.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let services: Vec<Text> = e.affected.iter().map(|s| s.label()).collect();
    vec![
        field(("事件编号", "Event number"), same(e.id.as_str())),
        field(("类型", "Type"), e.kind.label()),
        field(("区域", "Area"), area),
        field(("受影响小区", "Cells affected"), same(cells)),
        field(("开始时间", "Started"), instant(e.start)),
        field(
            ("结束时间", "Ended"),
            e.end
                .map(instant)
                .unwrap_or_else(|| text("仍在持续", "Still going on")),
        ),
        field(("原因", "Cause"), e.cause.clone()),
        field(
            ("受影响业务", "Services affected"),
            crate::reconstruct::join(&services),
        ),
    ]
}

fn contract(c: &Contract) -> Vec<Field> {
    vec![
        field(("合约名称", "Contract"), c.name.clone()),
        field(("开始日期", "Started"), format_date(c.start)),
        field(("到期日期", "Ends"), format_date(c.end)),
        field(
            ("提前解约费", "Early exit fee"),
            text(
                format!("每剩余 1 个月 {}", c.exit_fee_per_month),
                format!("{} per month left", c.exit_fee_per_month),
            ),
        ),
    ]
}

fn field((zh_cn, en): (&str, &str), value: Text) -> Field {
    Field {
        label: text(zh_cn, en),
        value,
        personal: false,
    }
}

fn personal(label: (&str, &str), value: Text) -> Field {
    Field {
        personal: true,
        ..field(label, value)
    }
}

/// A value that reads the same in both languages: numbers, codes, money.
fn same(s: impl Into<String>) -> Text {
    let s = s.into();
    text(s.clone(), s)
}

fn money(f: Fen) -> Text {
    same(f.to_string())
}

/// `2026年11月3日（周二）14:05` / `Tue 3 Nov 2026, 14:05`, in the record's
/// own offset (China time in the operator's systems).
fn instant(at: OffsetDateTime) -> Text {
    format_deadline(at)
}

fn yes_no(b: bool) -> Text {
    if b {
        text("是", "Yes")
    } else {
        text("否", "No")
    }
}

/// `850 MB`, `2 GB`, `1.5 GB` (1 GB = 1024 MB, as operators count).
fn data_amount(mb: u32) -> String {
    if mb < 1024 {
        return format!("{mb} MB");
    }
    let tenths = (u64::from(mb) * 10 + 512) / 1024;
    match tenths % 10 {
        0 => format!("{} GB", tenths / 10),
        t => format!("{}.{t} GB", tenths / 10),
    }
}

/// The English of some labels is written for the middle of a sentence
/// (`hotline`); as a value on its own it starts with a capital.
fn capitalised(t: Text) -> Text {
    let mut chars = t.en.chars();
    let en = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    };
    Text { en, ..t }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_amounts_read_in_mb_or_gb() {
        assert_eq!(data_amount(0), "0 MB");
        assert_eq!(data_amount(850), "850 MB");
        assert_eq!(data_amount(2048), "2 GB");
        assert_eq!(data_amount(1536), "1.5 GB");
        assert_eq!(data_amount(1023), "1023 MB");
    }

    #[test]
    fn channel_labels_start_with_a_capital() {
        assert_eq!(capitalised(text("客服热线", "hotline")).en, "Hotline");
        assert_eq!(capitalised(text("微信", "WeChat")).en, "WeChat");
    }
}
