//! The customer's standing with the operator, the plan catalogue and the
//! countries they may roam in.

use super::ids::{AreaId, CellId, CountryCode, PlanId};
use super::money::Fen;
use super::{text, ymd};
use crate::text::Text;
use serde::{Deserialize, Serialize};
use time::Date;

/// The operator's value tier (星级), which decides priority queues and
/// retention offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueTier {
    Standard,
    Silver,
    Gold,
    Diamond,
}

impl ValueTier {
    pub const ALL: [ValueTier; 4] = [
        ValueTier::Standard,
        ValueTier::Silver,
        ValueTier::Gold,
        ValueTier::Diamond,
    ];

    pub fn label(self) -> Text {
        match self {
            ValueTier::Standard => text("普通", "Standard"),
            ValueTier::Silver => text("银卡", "Silver"),
            ValueTier::Gold => text("金卡", "Gold"),
            ValueTier::Diamond => text("钻石卡", "Diamond"),
        }
    }
}

/// How the customer pays.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentMode {
    /// Credit is topped up in advance and charges are deducted from it; no bills.
    Prepaid,
    /// A bill every month, paid by its due date.
    Postpaid,
}

impl PaymentMode {
    pub fn label(self) -> Text {
        match self {
            PaymentMode::Prepaid => text("预付费", "Prepaid"),
            PaymentMode::Postpaid => text("后付费", "Postpaid"),
        }
    }
}

/// Whether the line works. Suspension here is always for arrears (欠费停机).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum ServiceStatus {
    Active,
    /// Outgoing calls, SMS and data barred; incoming calls still ring (单向停机).
    OutgoingBarred {
        #[serde(with = "ymd")]
        since: Date,
    },
    /// Everything barred (双向停机).
    Suspended {
        #[serde(with = "ymd")]
        since: Date,
    },
}

impl ServiceStatus {
    pub fn is_active(self) -> bool {
        matches!(self, ServiceStatus::Active)
    }

    /// The day service stopped, if it has.
    pub fn since(self) -> Option<Date> {
        match self {
            ServiceStatus::Active => None,
            ServiceStatus::OutgoingBarred { since } | ServiceStatus::Suspended { since } => {
                Some(since)
            }
        }
    }

    pub fn label(self) -> Text {
        match self {
            ServiceStatus::Active => text("正常", "Active"),
            ServiceStatus::OutgoingBarred { .. } => text("单向停机", "Outgoing barred"),
            ServiceStatus::Suspended { .. } => text("双向停机", "Suspended"),
        }
    }
}

/// Real-name registration (实名制), required by law for every mainland line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RealNameStatus {
    Verified,
    /// Registered, waiting for the photo check.
    Pending,
    /// The ID document on file has expired; the customer must re-register.
    DocumentExpired,
}

impl RealNameStatus {
    pub fn label(self) -> Text {
        match self {
            RealNameStatus::Verified => text("已实名", "Verified"),
            RealNameStatus::Pending => text("实名审核中", "Pending check"),
            RealNameStatus::DocumentExpired => {
                text("证件过期，需重新登记", "ID expired, re-register")
            }
        }
    }
}

/// Physical card or eSIM.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SimKind {
    Physical,
    #[serde(rename = "esim")]
    ESim,
}

/// The SIM the number currently lives on. A recent `issued` date is what a
/// SIM-swap check looks at.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sim {
    /// 20 digits; in the demo set always `898699…`: issuer code 99, which
    /// no mainland operator has.
    pub iccid: String,
    pub kind: SimKind,
    #[serde(with = "ymd")]
    pub issued: Date,
}

/// What the customer has besides the identity fields of
/// [`Customer`](crate::Customer).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub tier: ValueTier,
    pub payment_mode: PaymentMode,
    /// Credit on the account when positive; arrears when negative (charges
    /// past their due date, or prepaid credit run below zero). A bill that is
    /// issued but not yet due does not count.
    pub balance: Fen,
    pub status: ServiceStatus,
    pub plan: PlanId,
    /// The day the line was opened; `tenure_months` counts from it.
    #[serde(with = "ymd")]
    pub opened: Date,
    pub home_area: AreaId,
    /// The cells that serve the customer's home, the main one first.
    pub home_cells: Vec<CellId>,
    /// IMEI of the handset registered on the network; its record is the last
    /// of [`CustomerRecords::handsets`](super::CustomerRecords::handsets).
    pub handset_imei: String,
    pub sim: Sim,
    pub real_name: RealNameStatus,
    /// The 6-digit service password (服务密码) the customer keys in to
    /// prove who they are. A secret: never shown, only compared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_password: Option<String>,
    /// A minimum-term agreement (合约), if the line is under one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract: Option<Contract>,
}

/// A minimum-term agreement: a subsidised handset or a discounted plan in
/// exchange for staying until `end`; leaving earlier costs a fee.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contract {
    pub name: Text,
    #[serde(with = "ymd")]
    pub start: Date,
    /// The last day of the minimum term.
    #[serde(with = "ymd")]
    pub end: Date,
    /// What leaving costs per remaining month (the subsidy paid back).
    pub exit_fee_per_month: Fen,
}

impl Contract {
    /// Whole months left on `on` (0 once the term is over).
    pub fn months_left(&self, on: Date) -> u32 {
        if on > self.end {
            0
        } else {
            crate::records::months_between(on, self.end) + 1
        }
    }

    /// What leaving on `on` costs.
    pub fn exit_fee(&self, on: Date) -> Fen {
        Fen(self.exit_fee_per_month.0 * i64::from(self.months_left(on)))
    }
}

/// What happens past the plan's data quota.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "policy", rename_all = "snake_case")]
pub enum OverQuota {
    /// Charged per started GB (套外流量).
    Charge { per_gb: Fen },
    /// Free but slowed to this speed until the month ends (达量限速).
    Throttle { kbps: u32 },
}

/// A tariff plan. Prices include VAT, as mainland prices do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub id: PlanId,
    pub name: Text,
    pub monthly_fee: Fen,
    /// Monthly data quota in MB.
    pub data_mb: u32,
    pub voice_min: u32,
    pub sms: u32,
    pub over_quota: OverQuota,
    pub voice_per_min: Fen,
    pub sms_each: Fen,
    pub five_g: bool,
}

/// A roaming destination and its tariff.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Country {
    pub code: CountryCode,
    pub name: Text,
    /// The data day pass, charged for each day with any data use.
    pub data_day_pass: Fen,
    pub voice_per_min: Fen,
}
