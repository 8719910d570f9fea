//! Daily usage.

use super::ids::CountryCode;
use super::ymd;
use serde::{Deserialize, Serialize};
use time::Date;

/// What the line used on one calendar day (China Standard Time). Daily
/// rather than per session: enough to see a spike, a trip or an outage, and
/// small enough to keep a year of it for every customer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DailyUsage {
    #[serde(with = "ymd")]
    pub date: Date,
    /// Outgoing voice minutes, rounded up per call.
    pub voice_min: u32,
    /// Outgoing messages.
    pub sms: u32,
    pub data_mb: u32,
    /// Where the line was roaming that day; none at home.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roaming: Option<CountryCode>,
    /// Data was slowed that day because the month's quota was used up.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub throttled: bool,
}
