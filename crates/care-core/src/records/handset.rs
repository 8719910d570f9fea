//! The customer's handsets.

use super::ymd;
use crate::text::Text;
use serde::{Deserialize, Serialize};
use time::Date;

/// A handset registered to the customer's line. Named `Handset` rather than
/// `Device` because [`DeviceId`](crate::DeviceId) is the agent's device.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Handset {
    /// 15 digits; fictional in the demo set (the Luhn check digit is wrong).
    pub imei: String,
    pub model: Text,
    pub five_g: bool,
    /// Supports voice over LTE; 2G/3G switch-offs leave handsets without it mute.
    pub volte: bool,
    #[serde(with = "ymd")]
    pub purchased: Date,
    #[serde(with = "ymd")]
    pub warranty_end: Date,
    /// Bought from the operator (there is an order for it if recent enough).
    pub from_operator: bool,
}

impl Handset {
    /// Whole months from purchase to `on`.
    pub fn age_months(&self, on: Date) -> u32 {
        crate::records::months_between(self.purchased, on)
    }

    pub fn under_warranty(&self, on: Date) -> bool {
        on <= self.warranty_end
    }
}
