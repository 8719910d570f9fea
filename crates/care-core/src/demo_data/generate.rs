//! One generation run: decides each customer's story (the plot), then has
//! the record builders write it down.

use super::calendar::{add_months, Calendar, Month};
use super::catalogue::{self, CHARGING_PLANS, PLAN_WEIGHTS, THROTTLING_PLANS};
use super::identity::{self, Taken};
use super::network::{self, Network};
use super::rng::{Rng, Stream};
use super::{billing, extras, history, usage, DemoData, Scenario, CUSTOMER_COUNT, PER_SCENARIO};
use crate::customer::{Customer, CustomerId};
use crate::records::{
    months_between, Area, CellId, Country, CustomerRecords, Fen, OrderId, PaymentChannel,
    PaymentMode, Plan, Profile, RealNameStatus, ServiceStatus, ValueAddedService, ValueTier,
};
use std::collections::BTreeMap;
use time::{Date, Duration, OffsetDateTime};

/// The plan in force on each day: the current one, and the one before it
/// until a change took effect.
pub(super) struct PlanTimeline<'a> {
    pub current: &'a Plan,
    pub change: Option<(&'a Plan, Date)>,
}

impl<'a> PlanTimeline<'a> {
    pub fn at(&self, date: Date) -> &'a Plan {
        match self.change {
            Some((before, effective)) if date < effective => before,
            _ => self.current,
        }
    }
}

/// What happens to one customer, decided before any record is written.
pub(super) struct Plot<'a> {
    pub id: CustomerId,
    pub scenario: Option<Scenario>,
    pub mode: PaymentMode,
    pub plans: PlanTimeline<'a>,
    pub area: &'a Area,
    pub home_cells: Vec<CellId>,
    pub opened: Date,
    pub tier: ValueTier,
    pub channel: PaymentChannel,
    /// The first day with records: the window start, or the day the line
    /// was opened if later.
    pub first_day: Date,
    /// For a failed payment: the day the line stopped working.
    pub barred_from: Option<Date>,
    /// For a postpaid failed payment: the index of the unpaid bill.
    pub unpaid_bill: Option<usize>,
}

pub(super) fn generate(seed: u64, now: OffsetDateTime) -> DemoData {
    let cal = Calendar::new(now);
    let plans = catalogue::plans();
    let services = catalogue::services();
    let countries = catalogue::countries();
    let (areas, area_weights) = catalogue::areas();
    let network = network::plan(seed, &cal, &areas);
    let scenarios = assign_scenarios(seed);

    let mut taken = Taken::default();
    let mut customers = Vec::with_capacity(CUSTOMER_COUNT);
    let mut records = BTreeMap::new();
    let mut by_scenario: BTreeMap<Scenario, Vec<CustomerId>> = BTreeMap::new();
    let mut outage_turn = 0;
    let ctx = Ctx {
        cal: &cal,
        network: &network,
        services: &services,
        countries: &countries,
        areas: &areas,
    };

    for (index, scenario) in scenarios.iter().copied().enumerate() {
        let mut id_rng = Rng::new(seed, Stream::Identity, index as u64);
        let identity = identity::identity(&mut id_rng, &mut taken);
        let mut rng = Rng::new(seed, Stream::Records, index as u64);
        let (area, home_cells) = if scenario == Some(Scenario::AreaOutage) {
            outage_turn += 1;
            network.outage_home(&mut rng, &areas, outage_turn - 1)
        } else {
            network.ordinary_home(&mut rng, &areas, &area_weights)
        };
        let id = CustomerId::new(format!("C-{}", 20001 + index));
        let plot = plot(&mut rng, &cal, &plans, id, scenario, area, home_cells);
        let mut extra = Rng::new(seed, Stream::Extras, index as u64);
        let (customer, recs) = write(&mut rng, &mut extra, &ctx, &plot, identity);
        if let Some(s) = scenario {
            by_scenario.entry(s).or_default().push(customer.id.clone());
        }
        records.insert(customer.id.clone(), recs);
        customers.push(customer);
    }
    customers.sort_by(|a, b| a.id.cmp(&b.id));

    DemoData {
        seed,
        generated_at: cal.now,
        plans,
        services,
        countries,
        areas,
        customers,
        records,
        network_events: network.events,
        scenarios: by_scenario,
    }
}

/// Which customer index carries which scenario: a seeded shuffle, so the
/// scenario customers are spread over the id range.
fn assign_scenarios(seed: u64) -> Vec<Option<Scenario>> {
    let mut rng = Rng::new(seed, Stream::Scenarios, 0);
    let mut order: Vec<usize> = (0..CUSTOMER_COUNT).collect();
    rng.shuffle(&mut order);
    let mut out = vec![None; CUSTOMER_COUNT];
    for (pos, &index) in order
        .iter()
        .take(PER_SCENARIO * Scenario::ALL.len())
        .enumerate()
    {
        out[index] = Some(Scenario::ALL[pos / PER_SCENARIO]);
    }
    out
}

fn plan_by_id<'a>(plans: &'a [Plan], ids: &[&str], rng: &mut Rng) -> &'a Plan {
    let id = rng.pick(ids);
    plans
        .iter()
        .find(|p| p.id.as_str() == *id)
        .unwrap_or(&plans[0])
}

fn plot<'a>(
    rng: &mut Rng,
    cal: &Calendar,
    plans: &'a [Plan],
    id: CustomerId,
    scenario: Option<Scenario>,
    area: &'a Area,
    home_cells: Vec<CellId>,
) -> Plot<'a> {
    let prepaid_percent = match scenario {
        Some(s) if s.needs_bills() => 0,
        Some(Scenario::FailedPayment) => 35,
        Some(Scenario::Throttled) => 50,
        _ => 25,
    };
    let mode = if rng.chance(prepaid_percent) {
        PaymentMode::Prepaid
    } else {
        PaymentMode::Postpaid
    };

    // Postpaid lines are older than the window, so every bill of it exists.
    // The lower of two draws: more short tenures than long ones.
    let tenure = match mode {
        PaymentMode::Postpaid => rng.between(13, 180).min(rng.between(13, 180)),
        PaymentMode::Prepaid if rng.chance(15) => rng.between(1, 5),
        PaymentMode::Prepaid => rng.between(6, 120).min(rng.between(6, 120)),
    };
    let opened = add_months(cal.today, -(tenure as i32)) - Duration::days(rng.between(0, 27));

    let current = match scenario {
        Some(Scenario::BillSpike) => plan_by_id(plans, CHARGING_PLANS, rng),
        Some(Scenario::Throttled) => plan_by_id(plans, THROTTLING_PLANS, rng),
        _ => &plans[rng.weighted(PLAN_WEIGHTS).min(plans.len() - 1)],
    };
    let change_month = match scenario {
        Some(Scenario::PlanChange) => Some(cal.last_billed()),
        // Old enough that the usual bill already reflects the new plan.
        None if mode == PaymentMode::Postpaid && rng.chance(15) => {
            Some(cal.billed[rng.between(0, 4) as usize])
        }
        _ => None,
    };
    let change = change_month.map(|month| {
        let mut before = &plans[rng.below(plans.len() as u64) as usize];
        while before.id == current.id {
            before = &plans[rng.below(plans.len() as u64) as usize];
        }
        let effective = month.day(rng.between(5, i64::from(month.days) - 3) as u8);
        (before, effective)
    });

    let tier = tier(current.monthly_fee, months_between(opened, cal.today));
    let channel = match mode {
        PaymentMode::Postpaid => PaymentChannel::ALL[rng.weighted(&[30, 25, 5, 5, 35])],
        PaymentMode::Prepaid => PaymentChannel::ALL[rng.weighted(&[45, 40, 5, 10, 0])],
    };

    let (barred_from, unpaid_bill) = match (scenario, mode) {
        (Some(Scenario::FailedPayment), PaymentMode::Postpaid) => {
            // The latest bill already past its due date.
            let index = cal
                .billed
                .iter()
                .rposition(|m| billing::due_date(*m) < cal.today)
                .unwrap_or(0);
            let due = billing::due_date(cal.billed[index]);
            (Some(due + Duration::days(1)), Some(index))
        }
        (Some(Scenario::FailedPayment), PaymentMode::Prepaid) => {
            (Some(cal.days_ago(rng.between(1, 4))), None)
        }
        _ => (None, None),
    };

    Plot {
        id,
        scenario,
        mode,
        plans: PlanTimeline { current, change },
        area,
        home_cells,
        opened,
        tier,
        channel,
        first_day: opened.max(cal.window_start()),
        barred_from,
        unpaid_bill,
    }
}

/// The operator's tier rule: monthly spend first, loyalty lifts a tier.
fn tier(fee: Fen, tenure_months: u32) -> ValueTier {
    let at_least = |yuan| fee >= Fen::yuan(yuan);
    if at_least(299) || (at_least(199) && tenure_months >= 60) {
        ValueTier::Diamond
    } else if at_least(199)
        || (at_least(129) && tenure_months >= 36)
        || (at_least(99) && tenure_months >= 120)
    {
        ValueTier::Gold
    } else if at_least(99) || (at_least(59) && tenure_months >= 36) {
        ValueTier::Silver
    } else {
        ValueTier::Standard
    }
}

/// What every customer's records are written against.
struct Ctx<'a> {
    cal: &'a Calendar,
    network: &'a Network,
    services: &'a [ValueAddedService],
    countries: &'a [Country],
    areas: &'a [Area],
}

/// Writes the plot down as a customer and their records.
fn write(
    rng: &mut Rng,
    extra: &mut Rng,
    ctx: &Ctx<'_>,
    plot: &Plot<'_>,
    identity: identity::Identity,
) -> (Customer, CustomerRecords) {
    let (cal, countries) = (ctx.cal, ctx.countries);
    let (handsets, handset_order) = history::handsets(rng, cal, plot);
    let (sim, mut orders) = history::sim(rng, cal, plot, ctx.areas);
    orders.extend(handset_order);
    orders.extend(history::plan_change(rng, plot));
    orders.extend(history::add_ons(rng, cal, plot));
    orders.sort_by_key(|o| o.placed);
    for (n, order) in orders.iter_mut().enumerate() {
        order.id = OrderId::new(format!("{}-O{:02}", plot.id.as_str(), n + 1));
    }
    let subscriptions = history::subscriptions(rng, cal, plot, ctx.services);

    let trips = usage::trips(rng, cal, plot, countries);
    let outage_minutes = ctx.network.outage_minutes(&plot.home_cells, cal);
    let usage = usage::daily(rng, cal, plot, &trips, &outage_minutes);

    let mut bills = match plot.mode {
        PaymentMode::Postpaid => {
            billing::bills(cal, plot, &usage, &subscriptions, &orders, countries)
        }
        PaymentMode::Prepaid => Vec::new(),
    };
    let (payments, balance) = billing::payments(rng, cal, plot, &mut bills);
    let mut contacts = history::contacts(rng, cal, plot);
    extras::rate_and_add_contacts(extra, cal, plot, &mut contacts);
    let screened_calls = extras::screened_calls(extra, cal, plot);
    let contract = extras::contract(extra, cal, plot);

    let status = match plot.barred_from {
        // Ten days of one-way barring before everything stops.
        Some(from) if cal.today - from >= Duration::days(10) => ServiceStatus::Suspended {
            since: from + Duration::days(10),
        },
        Some(from) => ServiceStatus::OutgoingBarred { since: from },
        None => ServiceStatus::Active,
    };
    let real_name = match plot.scenario {
        Some(Scenario::ExpiredId) => RealNameStatus::DocumentExpired,
        _ => history::real_name(rng, plot),
    };
    let handset_imei = handsets.last().map(|h| h.imei.clone()).unwrap_or_default();

    let customer = Customer {
        id: plot.id.clone(),
        name: identity.name,
        msisdn: identity.msisdn,
        account: identity.account,
        id_number: identity.id_number,
        plan: plot.plans.current.name.clone(),
        city: plot.area.city.clone(),
        segment: plot.tier.label(),
        tenure_months: months_between(plot.opened, cal.today),
        profile: Some(Profile {
            tier: plot.tier,
            payment_mode: plot.mode,
            balance,
            status,
            plan: plot.plans.current.id.clone(),
            opened: plot.opened,
            home_area: plot.area.id.clone(),
            home_cells: plot.home_cells.clone(),
            handset_imei,
            sim,
            real_name,
            service_password: Some(extra.digits(6)),
            contract,
        }),
    };
    let records = CustomerRecords {
        bills,
        usage,
        orders,
        subscriptions,
        payments,
        contacts,
        handsets,
        screened_calls,
    };
    (customer, records)
}

/// Months of the window a background event (a heavy month, an old trip)
/// may fall in: old enough not to disturb the latest bill's comparison.
pub(super) fn background_month(rng: &mut Rng, cal: &Calendar, newest: usize) -> Month {
    cal.billed[rng.between(0, newest as i64) as usize]
}
