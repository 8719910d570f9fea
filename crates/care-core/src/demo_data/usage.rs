//! Daily usage: an ordinary rhythm per customer (weekends a little heavier),
//! shaped by trips abroad, outages, a spike or a throttled week.

use super::calendar::{Calendar, Month};
use super::generate::{background_month, PlanTimeline, Plot};
use super::rng::Rng;
use super::Scenario;
use crate::records::{Country, CountryCode, DailyUsage, OverQuota};
use time::{Date, Duration, Weekday};

/// Days abroad in one country.
pub(super) struct Trip {
    pub start: Date,
    pub days: i64,
    pub country: CountryCode,
}

impl Trip {
    fn contains(&self, day: Date) -> bool {
        self.start <= day && day < self.start + Duration::days(self.days)
    }
}

/// The customer's trips abroad: an old holiday for some; for the roaming
/// scenario a trip in the latest billed month and, for half of them, another
/// going on now.
pub(super) fn trips(
    rng: &mut Rng,
    cal: &Calendar,
    plot: &Plot<'_>,
    countries: &[Country],
) -> Vec<Trip> {
    let mut trips = Vec::new();
    if rng.chance(8) {
        let month = background_month(rng, cal, 8);
        let days = rng.between(3, 7);
        let start = month.day(rng.between(1, i64::from(month.days) - days) as u8);
        if start >= plot.first_day {
            trips.push(Trip {
                start,
                days,
                country: rng.pick(countries).code.clone(),
            });
        }
    }
    if plot.scenario == Some(Scenario::Roaming) {
        let month = cal.last_billed();
        let days = rng.between(4, 8);
        // Ends at least four days before the month does, clear of a trip now.
        let start = month.day(rng.between(1, i64::from(month.days) - 4 - days) as u8);
        trips.push(Trip {
            start,
            days,
            country: rng.pick(countries).code.clone(),
        });
        if rng.chance(50) {
            let days = rng.between(2, 4);
            trips.push(Trip {
                start: cal.days_ago(days),
                days,
                country: rng.pick(countries).code.clone(),
            });
        }
    }
    trips
}

/// A heavy data month for the bill-spike scenario.
struct Spike {
    month: Month,
    data_mb: u64,
    voice_min: u64,
}

/// Data used up early in `month`, slowed from `from` on.
struct Throttle {
    month: Month,
    from: Date,
}

/// The window of a throttled customer: the last days of the current month
/// when it is old enough, else the last days of the previous month.
fn throttle_window(rng: &mut Rng, cal: &Calendar) -> Throttle {
    let full_days = i64::from(cal.today.day()) - 1;
    if full_days >= 5 {
        let slowed = rng.between(2, (full_days - 2).min(6));
        Throttle {
            month: cal.current,
            from: cal.days_ago(slowed),
        }
    } else {
        let month = cal.last_billed();
        let slowed = rng.between(3, 6);
        Throttle {
            month,
            from: month.end() - Duration::days(slowed - 1),
        }
    }
}

pub(super) fn daily(
    rng: &mut Rng,
    cal: &Calendar,
    plot: &Plot<'_>,
    trips: &[Trip],
    outage_minutes: &[(Date, i64)],
) -> Vec<DailyUsage> {
    let data_fill = rng.between(25, 80) as u64;
    let voice_fill = rng.between(10, 70) as u64;
    let sms_percent = rng.between(5, 40) as u64;
    let heavy = rng.chance(15).then(|| background_month(rng, cal, 9));
    let spike = (plot.scenario == Some(Scenario::BillSpike)).then(|| {
        let month = cal.last_billed();
        let plan = plot.plans.at(month.end());
        // Extra data worth one to two times the plan fee at ¥5/GB: the bill
        // at least doubles.
        let fee_yuan = plan.monthly_fee.0 as u64 / 100;
        let extra_gb = (fee_yuan * rng.between(100, 200) as u64 / 100 / 5).max(8);
        Spike {
            month,
            data_mb: u64::from(plan.data_mb) + extra_gb * 1024,
            voice_min: u64::from(plan.voice_min) + rng.between(150, 400) as u64,
        }
    });
    let throttle = (plot.scenario == Some(Scenario::Throttled)).then(|| throttle_window(rng, cal));

    let mut out = Vec::new();
    for day in cal.usage_days().filter(|d| *d >= plot.first_day) {
        let plan = plot.plans.at(day);
        let month = Month::of(day);
        let weekend = if matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday) {
            115
        } else {
            100
        };
        let fill = if heavy == Some(month) { 120 } else { data_fill };
        let noise = rng.between(60, 140) as u64;
        let mut data = u64::from(plan.data_mb) * fill * noise * weekend / (100 * 30 * 100 * 100);
        let noise = rng.between(60, 140) as u64;
        // In tenths of a minute, rounded at random so light callers still call.
        let tenths = u64::from(plan.voice_min) * voice_fill * noise / (30 * 100 * 10);
        let mut voice = tenths / 10 + u64::from(rng.below(10) < tenths % 10);
        let mut sms = if rng.chance(sms_percent) {
            rng.between(1, 3) as u64
        } else {
            0
        };
        let mut roaming = None;

        if let Some(spike) = spike.as_ref().filter(|s| s.month.contains(day)) {
            let days = u64::from(spike.month.days);
            data = spike.data_mb / days * rng.between(85, 115) as u64 / 100;
            voice = spike.voice_min / days * rng.between(85, 115) as u64 / 100;
        }
        if let Some(t) = throttle
            .as_ref()
            .filter(|t| t.month.contains(day) && day < t.from)
        {
            // Heavy use that passes the quota by the eve of the window: 112 %
            // of it, ±8 % a day, is at least 103 % in all.
            let begin = t.month.start.max(plot.first_day);
            let before = (t.from - begin).whole_days().max(1) as u64;
            let even = (u64::from(plan.data_mb) * 112 / 100).div_ceil(before);
            data = even * rng.between(92, 108) as u64 / 100;
        }
        if let Some(trip) = trips.iter().find(|t| t.contains(day)) {
            data = rng.between(150, 1200) as u64;
            voice = rng.between(2, 25) as u64;
            sms = rng.between(0, 2) as u64;
            roaming = Some(trip.country.clone());
        }
        if let Some((_, minutes)) = outage_minutes.iter().find(|(d, _)| *d == day) {
            // Nothing goes through while the cells are down.
            let up = (24 * 60 - minutes).max(0) as u64;
            data = data * up / (24 * 60);
            voice = voice * up / (24 * 60);
            sms = sms * up / (24 * 60);
        }
        if plot.barred_from.is_some_and(|from| day >= from) {
            (data, voice, sms) = (0, 0, 0);
        }
        out.push(DailyUsage {
            date: day,
            voice_min: clamp(voice),
            sms: clamp(sms),
            data_mb: clamp(data),
            roaming,
            throttled: false,
        });
    }
    throttle_past_quota(&mut out, &plot.plans);
    out
}

fn clamp(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Marks the days after the month's quota ran out on a throttling plan, and
/// caps their data at what the slowed speed allows (about four busy hours).
fn throttle_past_quota(days: &mut [DailyUsage], plans: &PlanTimeline<'_>) {
    let mut month = None;
    let mut used: u64 = 0;
    for usage in days.iter_mut() {
        let this = Month::of(usage.date);
        if month != Some(this) {
            month = Some(this);
            used = 0;
        }
        if usage.roaming.is_some() {
            continue;
        }
        let plan = plans.at(usage.date);
        if let OverQuota::Throttle { kbps } = plan.over_quota {
            if used >= u64::from(plan.data_mb) {
                usage.throttled = true;
                usage.data_mb = usage.data_mb.min(kbps * 18 / 10);
            }
        }
        used += u64::from(usage.data_mb);
    }
}
