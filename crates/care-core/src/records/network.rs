//! The radio network: areas, cells, and what went wrong in them.

use super::ids::{AreaId, CellId, NetworkEventId};
use super::text;
use crate::text::Text;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// A district of a city and the cells that cover it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Area {
    pub id: AreaId,
    pub city: Text,
    pub district: Text,
    pub cells: Vec<CellId>,
}

/// An outage, degradation or planned maintenance in some cells of one area.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkEvent {
    pub id: NetworkEventId,
    pub kind: NetworkEventKind,
    pub area: AreaId,
    /// The cells affected; never empty.
    pub cells: Vec<CellId>,
    #[serde(with = "time::serde::rfc3339")]
    pub start: OffsetDateTime,
    /// None while it lasts.
    #[serde(with = "time::serde::rfc3339::option")]
    pub end: Option<OffsetDateTime>,
    pub cause: Text,
    pub affected: Vec<NetworkService>,
}

impl NetworkEvent {
    /// Whether the event was going on at some moment of `[from, to]`.
    pub fn overlaps(&self, from: OffsetDateTime, to: OffsetDateTime) -> bool {
        self.start <= to && self.end.is_none_or(|end| end >= from)
    }

    /// Whether it touches any of these cells.
    pub fn touches_any(&self, cells: &[CellId]) -> bool {
        self.cells.iter().any(|c| cells.contains(c))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NetworkEventKind {
    /// No service at all in the cells.
    Outage,
    /// Service works but badly: dropped calls, slow data.
    Degradation,
    /// Announced work, usually at night.
    PlannedMaintenance,
}

impl NetworkEventKind {
    pub fn label(self) -> Text {
        match self {
            NetworkEventKind::Outage => text("网络中断", "Outage"),
            NetworkEventKind::Degradation => text("网络质量下降", "Degradation"),
            NetworkEventKind::PlannedMaintenance => text("计划维护", "Planned maintenance"),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NetworkService {
    Voice,
    Sms,
    Data,
}

impl NetworkService {
    pub fn label(self) -> Text {
        match self {
            NetworkService::Voice => text("语音", "Voice"),
            NetworkService::Sms => text("短信", "SMS"),
            NetworkService::Data => text("数据", "Data"),
        }
    }
}
