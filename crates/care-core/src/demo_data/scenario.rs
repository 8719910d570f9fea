//! The problems planted in the demo data.

use crate::records::text;
use crate::text::Text;
use serde::{Deserialize, Serialize};

/// A cause of contact that some demo customers' records clearly show. Each
/// scenario customer has exactly one, so the reconstruct and diagnose stages
/// (and their tests) know the right answer; everyone else is ordinary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scenario {
    /// The latest bill is at least twice the usual, from data past the quota
    /// and voice overage, itemised.
    BillSpike,
    /// A trip abroad in the latest billed month, with roaming lines; half of
    /// these customers are abroad again now.
    Roaming,
    /// An outage in the cells of their home area that started within the
    /// last three days.
    AreaOutage,
    /// A plan change in the latest billed month, prorated on the bill.
    PlanChange,
    /// A value-added service taken out through an SMS or web link in the
    /// latest billed month and charged since.
    UnwantedSubscription,
    /// A bill payment or top-up that failed, leaving arrears and the line
    /// barred or suspended.
    FailedPayment,
    /// Data slowed within the last days after the monthly quota ran out.
    Throttled,
    /// The SIM was replaced within the last week (a SIM-swap signal).
    SimChange,
    /// The handset is more than three years old and out of warranty.
    OldHandset,
    /// Two or more contacts in the last seven days.
    RepeatContact,
    /// Under a minimum-term contract with months left: leaving now costs
    /// an exit fee (port-out, cancellation, downgrades).
    ContractTerm,
    /// The ID document on file has expired; the real-name registration
    /// must be renewed.
    ExpiredId,
    /// Calls flagged by the network's anti-fraud screening in the last
    /// ten days, some of them answered.
    ScamCalls,
    /// A contact in the last three weeks that left the customer very
    /// dissatisfied (rated 1 or 2), not resolved.
    PoorService,
}

impl Scenario {
    pub const ALL: [Scenario; 14] = [
        Scenario::BillSpike,
        Scenario::Roaming,
        Scenario::AreaOutage,
        Scenario::PlanChange,
        Scenario::UnwantedSubscription,
        Scenario::FailedPayment,
        Scenario::Throttled,
        Scenario::SimChange,
        Scenario::OldHandset,
        Scenario::RepeatContact,
        Scenario::ContractTerm,
        Scenario::ExpiredId,
        Scenario::ScamCalls,
        Scenario::PoorService,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Scenario::BillSpike => "bill_spike",
            Scenario::Roaming => "roaming",
            Scenario::AreaOutage => "area_outage",
            Scenario::PlanChange => "plan_change",
            Scenario::UnwantedSubscription => "unwanted_subscription",
            Scenario::FailedPayment => "failed_payment",
            Scenario::Throttled => "throttled",
            Scenario::SimChange => "sim_change",
            Scenario::OldHandset => "old_handset",
            Scenario::RepeatContact => "repeat_contact",
            Scenario::ContractTerm => "contract_term",
            Scenario::ExpiredId => "expired_id",
            Scenario::ScamCalls => "scam_calls",
            Scenario::PoorService => "poor_service",
        }
    }

    pub fn label(self) -> Text {
        match self {
            Scenario::BillSpike => text("账单突增", "Bill spike"),
            Scenario::Roaming => text("国际漫游费用", "Roaming charges"),
            Scenario::AreaOutage => text("所在区域网络中断", "Outage where they live"),
            Scenario::PlanChange => text("近期变更套餐", "Recent plan change"),
            Scenario::UnwantedSubscription => {
                text("新增非本人意愿的增值业务", "Unwanted value-added service")
            }
            Scenario::FailedPayment => text("缴费失败，欠费停机", "Failed payment, line barred"),
            Scenario::Throttled => text("流量超出后限速", "Data slowed past quota"),
            Scenario::SimChange => text("近期补换卡", "Recent SIM replacement"),
            Scenario::OldHandset => text("手机老旧，已过保修", "Old handset out of warranty"),
            Scenario::RepeatContact => text("7 天内重复来电", "Repeat contacts within 7 days"),
            Scenario::ContractTerm => text("合约期内", "Within a contract term"),
            Scenario::ExpiredId => text("实名证件已过期", "ID on file expired"),
            Scenario::ScamCalls => text("近期接到诈骗预警来电", "Recent calls flagged as scams"),
            Scenario::PoorService => text("近期服务体验差", "A recent poor service contact"),
        }
    }

    /// Whether the scenario needs monthly bills to show (postpaid only).
    pub(super) fn needs_bills(self) -> bool {
        matches!(
            self,
            Scenario::BillSpike
                | Scenario::Roaming
                | Scenario::PlanChange
                | Scenario::UnwantedSubscription
        )
    }
}
