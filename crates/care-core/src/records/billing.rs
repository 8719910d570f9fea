//! Bills, their lines, and the payments and top-ups made against them.

use super::ids::{BillId, CountryCode, OrderId, PaymentId, PlanId, ServiceId};
use super::money::Fen;
use super::{text, ymd};
use crate::text::Text;
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

/// One month's bill of a postpaid customer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bill {
    pub id: BillId,
    /// The first day billed.
    #[serde(with = "ymd")]
    pub period_start: Date,
    /// The last day billed (inclusive).
    #[serde(with = "ymd")]
    pub period_end: Date,
    #[serde(with = "ymd")]
    pub issued: Date,
    #[serde(with = "ymd")]
    pub due: Date,
    pub lines: Vec<BillLine>,
    /// What the customer owes: the sum of the lines that add to the total.
    pub total: Fen,
    pub status: BillStatus,
}

impl Bill {
    /// The sum of the lines that add to the total; equals `total` in
    /// well-formed data.
    pub fn sum_of_lines(&self) -> Fen {
        self.lines
            .iter()
            .filter(|l| l.kind.adds_to_total())
            .map(|l| l.amount)
            .sum()
    }

    /// The lines of one kind, by a predicate on the kind.
    pub fn lines_where(&self, pred: impl Fn(&LineKind) -> bool) -> impl Iterator<Item = &BillLine> {
        self.lines.iter().filter(move |l| pred(&l.kind))
    }
}

/// One line of a bill.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BillLine {
    pub kind: LineKind,
    /// What the customer sees on the bill, e.g. "国际漫游 · 日本".
    pub label: Text,
    /// Negative for discounts.
    pub amount: Fen,
}

/// What a bill line charges for, with the quantities that explain the amount.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum LineKind {
    /// The plan's monthly fee, prorated by days when the plan changed mid-month.
    PlanFee {
        plan: PlanId,
        days: u8,
        of_days: u8,
    },
    /// Data past the quota, charged per started GB.
    ExtraData {
        mb: u32,
    },
    /// Minutes past the plan's voice allowance.
    VoiceOverage {
        minutes: u32,
    },
    /// Messages past the plan's SMS allowance.
    Sms {
        count: u32,
    },
    /// Use abroad in one country: data day passes plus per-minute calls.
    Roaming {
        country: CountryCode,
        days: u8,
        data_mb: u32,
        voice_min: u32,
    },
    /// A value-added service's monthly fee.
    ValueAdded {
        service: ServiceId,
    },
    /// A one-off add-on bought that month (a data booster).
    AddOn {
        order: OrderId,
    },
    Discount,
    /// The VAT already included in the prices above. Mainland bills show it
    /// but do not add it again, so it does not count towards the total.
    VatIncluded,
}

impl LineKind {
    pub fn adds_to_total(&self) -> bool {
        !matches!(self, LineKind::VatIncluded)
    }
}

/// Where a bill stands at the time the data was taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum BillStatus {
    Paid {
        #[serde(with = "ymd")]
        on: Date,
    },
    /// Issued, not paid, not yet due.
    Unpaid,
    /// Past its due date and not paid: arrears.
    Overdue,
}

impl BillStatus {
    pub fn label(self) -> Text {
        match self {
            BillStatus::Paid { .. } => text("已缴清", "Paid"),
            BillStatus::Unpaid => text("待缴费", "Unpaid"),
            BillStatus::Overdue => text("已逾期", "Overdue"),
        }
    }
}

/// A payment of a bill or a top-up of prepaid credit, successful or not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payment {
    pub id: PaymentId,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    pub amount: Fen,
    pub channel: PaymentChannel,
    pub purpose: PaymentPurpose,
    pub outcome: PaymentOutcome,
}

impl Payment {
    pub fn succeeded(&self) -> bool {
        matches!(self.outcome, PaymentOutcome::Succeeded)
    }
}

/// How the money came (or failed to come).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentChannel {
    WeChatPay,
    Alipay,
    BankCard,
    StoreCash,
    /// The bank debits the bill on its due date under a standing agreement.
    AutoDebit,
}

impl PaymentChannel {
    pub const ALL: [PaymentChannel; 5] = [
        PaymentChannel::WeChatPay,
        PaymentChannel::Alipay,
        PaymentChannel::BankCard,
        PaymentChannel::StoreCash,
        PaymentChannel::AutoDebit,
    ];

    pub fn label(self) -> Text {
        match self {
            PaymentChannel::WeChatPay => text("微信支付", "WeChat Pay"),
            PaymentChannel::Alipay => text("支付宝", "Alipay"),
            PaymentChannel::BankCard => text("银行卡", "Bank card"),
            PaymentChannel::StoreCash => text("营业厅现金", "Cash at a store"),
            PaymentChannel::AutoDebit => text("银行代扣", "Auto-debit"),
        }
    }
}

/// What the money was for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "for", rename_all = "snake_case")]
pub enum PaymentPurpose {
    Bill { bill: BillId },
    TopUp,
}

impl PaymentPurpose {
    pub fn label(&self) -> Text {
        match self {
            PaymentPurpose::Bill { .. } => text("缴费", "Bill payment"),
            PaymentPurpose::TopUp => text("充值", "Top-up"),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "result", rename_all = "snake_case")]
pub enum PaymentOutcome {
    Succeeded,
    Failed { reason: PaymentFailure },
}

/// Why a payment failed, as the payment provider reported it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentFailure {
    InsufficientFunds,
    CardExpired,
    BankDeclined,
    DailyLimitExceeded,
    /// The auto-debit agreement was cancelled at the bank.
    DebitAgreementCancelled,
    /// The provider did not answer in time; no money moved.
    Timeout,
}

impl PaymentFailure {
    pub const ALL: [PaymentFailure; 6] = [
        PaymentFailure::InsufficientFunds,
        PaymentFailure::CardExpired,
        PaymentFailure::BankDeclined,
        PaymentFailure::DailyLimitExceeded,
        PaymentFailure::DebitAgreementCancelled,
        PaymentFailure::Timeout,
    ];

    pub fn label(self) -> Text {
        match self {
            PaymentFailure::InsufficientFunds => text("余额不足", "Insufficient funds"),
            PaymentFailure::CardExpired => text("银行卡已过期", "Card expired"),
            PaymentFailure::BankDeclined => text("银行拒绝交易", "Declined by the bank"),
            PaymentFailure::DailyLimitExceeded => text("超出单日限额", "Daily limit exceeded"),
            PaymentFailure::DebitAgreementCancelled => {
                text("代扣协议已解约", "Auto-debit agreement cancelled")
            }
            PaymentFailure::Timeout => text("支付超时", "Payment timed out"),
        }
    }
}
