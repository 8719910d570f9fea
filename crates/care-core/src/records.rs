//! A customer's records in the operator's systems: profile, bills, usage,
//! orders, subscriptions, payments, earlier contacts, handsets, plus the
//! network events of the areas they live in.
//!
//! Plain serde data, so the same types carry the embedded demo set today and
//! the reference data pulled from the server later. Conventions:
//!
//! - money is [`Fen`] (分, integer hundredths of a yuan): sums never drift;
//! - instants are `OffsetDateTime` in RFC 3339 (China Standard Time, +08:00,
//!   in the demo set); calendar days are `time::Date` as `YYYY-MM-DD`;
//! - what a person reads and varies with the data (plan, service, country,
//!   bill line, cause) is a bilingual [`Text`](crate::Text); fixed categories
//!   are enums whose `label()` gives the text, which keeps the data small.

mod billing;
mod contact;
mod describe;
mod handset;
mod ids;
mod money;
mod network;
mod order;
mod profile;
mod screened;
mod usage;

pub use billing::{
    Bill, BillLine, BillStatus, LineKind, Payment, PaymentChannel, PaymentFailure, PaymentOutcome,
    PaymentPurpose,
};
pub use contact::{Contact, ContactOutcome};
pub use describe::{describe, Field};
pub use handset::Handset;
pub use ids::{
    AreaId, BillId, CellId, ContactId, CountryCode, NetworkEventId, OrderId, PaymentId, PlanId,
    ServiceId, SubscriptionId,
};
pub use money::Fen;
pub use network::{Area, NetworkEvent, NetworkEventKind, NetworkService};
pub use order::{
    Order, OrderKind, OrderStatus, SalesChannel, SimChangeReason, Subscription,
    SubscriptionChannel, ValueAddedService,
};
pub use profile::{
    Contract, Country, OverQuota, PaymentMode, Plan, Profile, RealNameStatus, ServiceStatus, Sim,
    SimKind, ValueTier,
};
pub use screened::{ScamKind, ScreenedCall};
pub use usage::DailyUsage;

use serde::{Deserialize, Serialize};

/// Everything the operator holds about one customer besides the profile,
/// each list oldest first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerRecords {
    /// Monthly bills; postpaid customers only (prepaid credit is deducted as used).
    pub bills: Vec<Bill>,
    /// One record per day, every day of the covered window.
    pub usage: Vec<DailyUsage>,
    pub orders: Vec<Order>,
    pub subscriptions: Vec<Subscription>,
    /// Bill payments and top-ups, failed attempts included.
    pub payments: Vec<Payment>,
    /// Earlier contacts with customer care.
    pub contacts: Vec<Contact>,
    /// Handsets the customer has registered, the current one last.
    pub handsets: Vec<Handset>,
    /// Calls to the customer that the network's anti-fraud screening
    /// flagged, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub screened_calls: Vec<ScreenedCall>,
}

/// Serde for `time::Date` as `YYYY-MM-DD` (the workspace's `time` has no
/// human-readable serde feature, and compact tuples would be unreadable JSON).
pub(crate) mod date_format {
    time::serde::format_description!(pub(crate) ymd, Date, "[year]-[month]-[day]");
}
pub(crate) use date_format::ymd;

/// Builds a [`Text`](crate::Text) from its two languages.
pub(crate) fn text(zh_cn: impl Into<String>, en: impl Into<String>) -> crate::Text {
    crate::Text {
        zh_cn: zh_cn.into(),
        en: en.into(),
    }
}

/// Whole calendar months from `from` to `to` (0 if `to` is earlier): the
/// way tenure and handset age are counted.
pub fn months_between(from: time::Date, to: time::Date) -> u32 {
    let months = (to.year() - from.year()) * 12 + i32::from(to.month() as u8)
        - i32::from(from.month() as u8)
        - i32::from(to.day() < from.day());
    u32::try_from(months).unwrap_or(0)
}
