//! Orders and value-added subscriptions.

use super::ids::{OrderId, PlanId, ServiceId, SubscriptionId};
use super::money::Fen;
use super::{text, ymd};
use crate::text::Text;
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

/// Something the customer (or someone in their name) asked the operator to do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Order {
    pub id: OrderId,
    #[serde(with = "time::serde::rfc3339")]
    pub placed: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    pub completed: Option<OffsetDateTime>,
    pub kind: OrderKind,
    pub status: OrderStatus,
    pub channel: SalesChannel,
    /// The store, when the order was placed in one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub store: Option<Text>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum OrderKind {
    /// Takes effect on `effective`; that month's bill prorates both plans.
    PlanChange {
        from: PlanId,
        to: PlanId,
        #[serde(with = "ymd")]
        effective: Date,
    },
    /// The number moved to a new SIM. A recent one is the SIM-swap fraud signal.
    SimReplacement {
        old_iccid: String,
        new_iccid: String,
        reason: SimChangeReason,
    },
    /// A one-off data booster for the current month.
    AddOn {
        name: Text,
        price: Fen,
        data_mb: u32,
    },
    HandsetPurchase {
        imei: String,
        model: Text,
        price: Fen,
    },
}

impl OrderKind {
    /// What kind of order it is, without its details.
    pub fn label(&self) -> Text {
        match self {
            OrderKind::PlanChange { .. } => text("套餐变更", "Plan change"),
            OrderKind::SimReplacement { .. } => text("补换卡", "SIM replacement"),
            OrderKind::AddOn { .. } => text("加购流量包", "Data add-on"),
            OrderKind::HandsetPurchase { .. } => text("购机", "Handset purchase"),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderStatus {
    Pending,
    Completed,
    Cancelled,
    Failed,
}

impl OrderStatus {
    pub fn label(self) -> Text {
        match self {
            OrderStatus::Pending => text("处理中", "Pending"),
            OrderStatus::Completed => text("已完成", "Completed"),
            OrderStatus::Cancelled => text("已取消", "Cancelled"),
            OrderStatus::Failed => text("失败", "Failed"),
        }
    }
}

/// Where an order was placed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SalesChannel {
    Store,
    App,
    Hotline,
    Web,
}

impl SalesChannel {
    pub fn label(self) -> Text {
        match self {
            SalesChannel::Store => text("营业厅", "Store"),
            SalesChannel::App => text("手机营业厅 App", "App"),
            SalesChannel::Hotline => text("客服热线", "Hotline"),
            SalesChannel::Web => text("网上营业厅", "Website"),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SimChangeReason {
    Lost,
    Damaged,
    UpgradeTo5g,
    ToESim,
}

impl SimChangeReason {
    pub fn label(self) -> Text {
        match self {
            SimChangeReason::Lost => text("挂失补卡", "Lost SIM replaced"),
            SimChangeReason::Damaged => text("卡损坏换卡", "Damaged SIM replaced"),
            SimChangeReason::UpgradeTo5g => text("升级 5G 卡", "Upgrade to a 5G SIM"),
            SimChangeReason::ToESim => text("转为 eSIM", "Moved to eSIM"),
        }
    }
}

/// A value-added service in the catalogue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValueAddedService {
    pub id: ServiceId,
    pub name: Text,
    pub monthly_fee: Fen,
}

/// A value-added service the line is (or was) subscribed to. Each month it
/// is active in is charged in full, as mainland operators do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subscription {
    pub id: SubscriptionId,
    pub service: ServiceId,
    pub name: Text,
    pub monthly_fee: Fen,
    #[serde(with = "ymd")]
    pub start: Date,
    /// The last day; none while active.
    #[serde(default, with = "ymd::option")]
    pub end: Option<Date>,
    pub channel: SubscriptionChannel,
}

impl Subscription {
    /// Whether it was active on some day of `[from, to]`.
    pub fn active_between(&self, from: Date, to: Date) -> bool {
        self.start <= to && self.end.is_none_or(|end| end >= from)
    }
}

/// How the subscription was taken out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SubscriptionChannel {
    App,
    Store,
    Hotline,
    /// By replying to or tapping a link in an SMS.
    SmsLink,
    /// Through a link on a web page or in-app advert.
    WebLink,
    /// Included with the plan.
    Bundled,
}

impl SubscriptionChannel {
    /// Links are where unwanted subscriptions come from: one tap, often
    /// without the customer understanding they agreed to a monthly fee.
    pub fn is_link(self) -> bool {
        matches!(
            self,
            SubscriptionChannel::SmsLink | SubscriptionChannel::WebLink
        )
    }

    pub fn label(self) -> Text {
        match self {
            SubscriptionChannel::App => text("手机营业厅 App", "App"),
            SubscriptionChannel::Store => text("营业厅", "Store"),
            SubscriptionChannel::Hotline => text("客服热线", "Hotline"),
            SubscriptionChannel::SmsLink => text("短信链接", "SMS link"),
            SubscriptionChannel::WebLink => text("网页链接", "Web link"),
            SubscriptionChannel::Bundled => text("套餐内含", "Bundled with the plan"),
        }
    }
}
