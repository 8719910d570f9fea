//! Earlier contacts with customer care.

use super::ids::ContactId;
use super::text;
use crate::case::Channel;
use crate::text::Text;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// One earlier contact, as the care history shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub id: ContactId,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    pub channel: Channel,
    /// The intent id the contact was filed under, e.g. `bill_dispute`. Free
    /// text here: old contacts may name intents a newer pack no longer has.
    pub intent: String,
    /// The customer lodged a complaint (投诉), not just an enquiry.
    pub complaint: bool,
    pub outcome: ContactOutcome,
    /// The agent's one-line summary.
    pub summary: Text,
    /// The satisfaction score the customer gave afterwards, 1 (very
    /// dissatisfied) to 5, if they answered the survey.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<u8>,
}

/// How the contact ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactOutcome {
    Resolved,
    Unresolved,
    Escalated,
    CallbackPromised,
    /// The customer hung up or left before the end.
    Abandoned,
}

impl ContactOutcome {
    pub const ALL: [ContactOutcome; 5] = [
        ContactOutcome::Resolved,
        ContactOutcome::Unresolved,
        ContactOutcome::Escalated,
        ContactOutcome::CallbackPromised,
        ContactOutcome::Abandoned,
    ];

    pub fn label(self) -> Text {
        match self {
            ContactOutcome::Resolved => text("已解决", "Resolved"),
            ContactOutcome::Unresolved => text("未解决", "Unresolved"),
            ContactOutcome::Escalated => text("已升级", "Escalated"),
            ContactOutcome::CallbackPromised => text("承诺回电", "Callback promised"),
            ContactOutcome::Abandoned => text("客户中途挂断", "Abandoned"),
        }
    }
}
