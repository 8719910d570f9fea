//! Network events: a year of ordinary incidents everywhere, and a few
//! outages in the last three days in areas where only the outage scenario's
//! customers live, so nobody else shows the signal by accident.

use super::calendar::Calendar;
use super::catalogue::{DEGRADATION_CAUSES, MAINTENANCE_CAUSES, OUTAGE_CAUSES};
use super::rng::{Rng, Stream};
use crate::records::{
    text, Area, CellId, NetworkEvent, NetworkEventId, NetworkEventKind, NetworkService,
};
use std::collections::{BTreeMap, BTreeSet};
use time::{Date, Duration, OffsetDateTime};

/// How many recent outages the outage scenario's customers share.
const RECENT_OUTAGES: usize = 3;
/// Incidents of the past year, none in the last 12 days.
const BACKGROUND_EVENTS: usize = 60;

/// An outage of the last three days.
pub(super) struct RecentOutage {
    area: usize,
    cells: Vec<CellId>,
    start: OffsetDateTime,
    end: Option<OffsetDateTime>,
}

pub(super) struct Network {
    pub events: Vec<NetworkEvent>,
    recent: Vec<RecentOutage>,
    /// Areas of the recent outages: only outage-scenario customers live there.
    reserved: BTreeSet<usize>,
}

/// Lays out the year's network events.
pub(super) fn plan(seed: u64, cal: &Calendar, areas: &[Area]) -> Network {
    let mut rng = Rng::new(seed, Stream::Network, 0);
    let mut events = Vec::new();

    // Recent outages in areas of different cities.
    let mut order: Vec<usize> = (0..areas.len()).collect();
    rng.shuffle(&mut order);
    let mut recent = Vec::new();
    let mut cities = BTreeSet::new();
    for &area in &order {
        if recent.len() == RECENT_OUTAGES {
            break;
        }
        if !cities.insert(areas[area].city.en.clone()) {
            continue;
        }
        let cells = pick_cells(&mut rng, &areas[area], 2);
        let (start, end) = if recent.is_empty() {
            // Still going on, since yesterday.
            (cal.ago(rng.between(20 * 60, 44 * 60)), None)
        } else {
            let minutes = rng.between(3 * 60, 16 * 60);
            let start = cal.ago(rng.between(minutes + 60, 70 * 60));
            (start, Some(start + Duration::minutes(minutes)))
        };
        recent.push(RecentOutage {
            area,
            cells,
            start,
            end,
        });
    }
    for outage in &recent {
        let (zh, en) = *rng.pick(OUTAGE_CAUSES);
        events.push(NetworkEvent {
            id: NetworkEventId::new(""),
            kind: NetworkEventKind::Outage,
            area: areas[outage.area].id.clone(),
            cells: outage.cells.clone(),
            start: outage.start,
            end: outage.end,
            cause: text(zh, en),
            affected: vec![
                NetworkService::Voice,
                NetworkService::Sms,
                NetworkService::Data,
            ],
        });
    }

    // A year of ordinary incidents, ended at least twelve days ago.
    let first = cal.window_start();
    let span = (cal.days_ago(12) - first).whole_days();
    for _ in 0..BACKGROUND_EVENTS {
        let area = &areas[rng.below(areas.len() as u64) as usize];
        let day = first + Duration::days(rng.between(0, span));
        let kind = [
            NetworkEventKind::Outage,
            NetworkEventKind::Degradation,
            NetworkEventKind::PlannedMaintenance,
        ][rng.weighted(&[40, 40, 20])];
        let (causes, start_min, minutes, affected) = match kind {
            NetworkEventKind::Outage => (
                OUTAGE_CAUSES,
                rng.between(0, 23 * 60),
                rng.between(30, 600),
                vec![
                    NetworkService::Voice,
                    NetworkService::Sms,
                    NetworkService::Data,
                ],
            ),
            NetworkEventKind::Degradation => (
                DEGRADATION_CAUSES,
                rng.between(0, 23 * 60),
                rng.between(60, 1440),
                if rng.chance(50) {
                    vec![NetworkService::Data]
                } else {
                    vec![NetworkService::Voice, NetworkService::Data]
                },
            ),
            NetworkEventKind::PlannedMaintenance => (
                MAINTENANCE_CAUSES,
                rng.between(30, 120),
                rng.between(120, 300),
                vec![
                    NetworkService::Voice,
                    NetworkService::Sms,
                    NetworkService::Data,
                ],
            ),
        };
        let (zh, en) = *rng.pick(causes);
        let start = Calendar::at(day, start_min);
        let cell_count = rng.between(1, 4) as usize;
        events.push(NetworkEvent {
            id: NetworkEventId::new(""),
            kind,
            area: area.id.clone(),
            cells: pick_cells(&mut rng, area, cell_count),
            start,
            end: Some(start + Duration::minutes(minutes)),
            cause: text(zh, en),
            affected,
        });
    }

    events.sort_by(|a, b| a.start.cmp(&b.start).then_with(|| a.area.cmp(&b.area)));
    for (n, event) in events.iter_mut().enumerate() {
        let day = event.start.date();
        event.id = NetworkEventId::new(format!(
            "NE-{:04}{:02}{:02}-{:03}",
            day.year(),
            day.month() as u8,
            day.day(),
            n + 1
        ));
    }
    let reserved = recent.iter().map(|o| o.area).collect();
    Network {
        events,
        recent,
        reserved,
    }
}

/// `n` distinct cells of the area, in cell order.
fn pick_cells(rng: &mut Rng, area: &Area, n: usize) -> Vec<CellId> {
    let mut cells = area.cells.clone();
    rng.shuffle(&mut cells);
    cells.truncate(n.max(1));
    cells.sort();
    cells
}

impl Network {
    /// A home in the cells of recent outage number `turn` (round robin).
    pub fn outage_home<'a>(
        &self,
        rng: &mut Rng,
        areas: &'a [Area],
        turn: usize,
    ) -> (&'a Area, Vec<CellId>) {
        let Some(outage) = self.recent.get(turn % self.recent.len().max(1)) else {
            return (&areas[0], vec![areas[0].cells[0].clone()]);
        };
        let area = &areas[outage.area];
        let mut cells = vec![rng.pick(&outage.cells).clone()];
        if rng.chance(50) {
            let other = rng.pick(&area.cells).clone();
            if !cells.contains(&other) {
                cells.push(other);
            }
        }
        (area, cells)
    }

    /// A home anywhere but the areas of the recent outages.
    pub fn ordinary_home<'a>(
        &self,
        rng: &mut Rng,
        areas: &'a [Area],
        weights: &[u32],
    ) -> (&'a Area, Vec<CellId>) {
        let weights: Vec<u32> = weights
            .iter()
            .enumerate()
            .map(|(i, &w)| if self.reserved.contains(&i) { 0 } else { w })
            .collect();
        let area = &areas[rng.weighted(&weights)];
        let count = rng.between(1, 2) as usize;
        let mut cells = pick_cells(rng, area, count);
        rng.shuffle(&mut cells);
        (area, cells)
    }

    /// The minutes of each day (China time) during which a recent outage
    /// cut off one of these cells.
    pub fn outage_minutes(&self, cells: &[CellId], cal: &Calendar) -> Vec<(Date, i64)> {
        let mut days: BTreeMap<Date, i64> = BTreeMap::new();
        for outage in self
            .recent
            .iter()
            .filter(|o| o.cells.iter().any(|c| cells.contains(c)))
        {
            let end = outage.end.unwrap_or(cal.now);
            let mut day = outage.start.to_offset(super::CHINA).date();
            while Calendar::at(day, 0) < end {
                let from = outage.start.max(Calendar::at(day, 0));
                let to = end.min(Calendar::at(day, 24 * 60));
                *days.entry(day).or_default() += (to - from).whole_minutes().max(0);
                day += Duration::days(1);
            }
        }
        days.into_iter().collect()
    }
}
