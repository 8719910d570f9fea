//! Calls the network's anti-fraud screening flagged (反诈预警): the operator
//! sees the caller and the pattern, and the customer may have answered.

use super::text;
use crate::text::Text;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScreenedCall {
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// The calling number as the network saw it (often spoofed).
    pub caller: String,
    pub kind: ScamKind,
    /// Whether the customer picked up, and for how long.
    pub answered_seconds: u32,
}

/// The scam pattern the screening matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScamKind {
    ImpersonatePolice,
    ImpersonateService,
    Investment,
    Loan,
    Prize,
}

impl ScamKind {
    pub const ALL: [ScamKind; 5] = [
        ScamKind::ImpersonatePolice,
        ScamKind::ImpersonateService,
        ScamKind::Investment,
        ScamKind::Loan,
        ScamKind::Prize,
    ];

    pub fn label(self) -> Text {
        match self {
            ScamKind::ImpersonatePolice => text("冒充公检法", "Posing as police"),
            ScamKind::ImpersonateService => text("冒充客服/电商", "Posing as customer service"),
            ScamKind::Investment => text("虚假投资理财", "Fake investment"),
            ScamKind::Loan => text("虚假贷款", "Fake loan"),
            ScamKind::Prize => text("中奖诈骗", "Prize scam"),
        }
    }
}
