//! The values a quick answer reads out ({customer.balance} and the rest),
//! from the customer's profile, plan, bills and this month's usage.

use super::calendar::CHINA;
use super::DemoData;
use crate::customer::CustomerId;
use crate::records::text;
use crate::text::Text;
use time::OffsetDateTime;

impl DemoData {
    /// Every quick-answer placeholder with its value for the customer as of
    /// `now`; a value the records cannot give is left out (the answer then
    /// keeps its placeholder visible rather than saying something wrong).
    pub fn quick_answer_values(
        &self,
        id: &CustomerId,
        now: OffsetDateTime,
    ) -> Vec<(&'static str, Text)> {
        let Some(c) = self.customer(id) else {
            return Vec::new();
        };
        let mut out = vec![
            ("customer.name", text(c.name.clone(), c.name.clone())),
            ("customer.plan", c.plan.clone()),
        ];
        let Some(p) = c.profile.as_ref() else {
            return out;
        };
        let same = |s: String| text(s.clone(), s);
        out.push(("customer.balance", same(p.balance.to_string())));
        let records = self.records(id);
        if let Some(b) = records.and_then(|r| r.bills.last()) {
            let month = b.period_start;
            out.push(("customer.bill_total", same(b.total.to_string())));
            out.push((
                "customer.bill_month",
                text(
                    format!("{}年{}月", month.year(), month.month() as u8),
                    format!("{} {}", month.month(), month.year()),
                ),
            ));
        }
        if let (Some(plan), Some(r)) = (self.plan(&p.plan), records) {
            let today = now.to_offset(CHINA).date();
            let this_month = r
                .usage
                .iter()
                .filter(|u| u.date.year() == today.year() && u.date.month() == today.month());
            let (mb, min) = this_month.fold((0u32, 0u32), |(mb, min), u| {
                (mb + u.data_mb, min + u.voice_min)
            });
            let data_left = plan.data_mb.saturating_sub(mb);
            let minutes_left = plan.voice_min.saturating_sub(min);
            let gb = format!("{}.{} GB", data_left / 1024, (data_left % 1024) * 10 / 1024);
            out.push(("customer.data_left", same(gb)));
            out.push((
                "customer.minutes_left",
                text(
                    format!("{minutes_left} 分钟"),
                    format!("{minutes_left} min"),
                ),
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::demo_data::generate;
    use crate::pack::QUICK_ANSWER_PLACEHOLDERS;
    use time::macros::datetime;

    #[test]
    fn a_postpaid_customer_has_every_placeholder() {
        let now = datetime!(2026-11-25 10:30 +8);
        let d = generate(7, now);
        let c = d
            .customers
            .iter()
            .find(|c| d.records(&c.id).is_some_and(|r| !r.bills.is_empty()))
            .expect("a postpaid customer");
        let values = d.quick_answer_values(&c.id, now);
        for p in QUICK_ANSWER_PLACEHOLDERS {
            assert!(values.iter().any(|(k, _)| k == p), "{p} missing");
        }
        let balance = values
            .iter()
            .find(|(k, _)| *k == "customer.balance")
            .expect("balance");
        assert!(balance.1.zh_cn.starts_with('¥') || balance.1.zh_cn.starts_with("-¥"));
    }
}
