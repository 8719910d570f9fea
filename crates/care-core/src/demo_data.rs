//! The demo telecom reference data: a seeded, deterministic generator of
//! fictional customers and a year of their records, with known problems
//! planted in some of them ([`Scenario`]).
//!
//! The app uses it as its default data, and the reconstruct and diagnose
//! stages are exercised on it. `generate(seed, now)` always yields the same
//! data for the same arguments: no clock, no OS randomness, no floats.
//! Identities (names, numbers) depend on the seed only, so the same people
//! come back on another day; their records are laid out relative to `now`.
//!
//! How the identities are made fictional is described in `identity.rs`:
//! numbers carry `0000` in digits 4–7, ID numbers use the unassigned region
//! `99` and a wrong check character.

pub mod archive;
mod billing;
mod calendar;
mod catalogue;
mod extras;
mod generate;
mod history;
mod identity;
mod lookup;
mod network;
mod quick;
mod rng;
mod scenario;
mod tags;
mod usage;

pub use calendar::CHINA;
pub use lookup::{normalize_query, LOOKUP_LIMIT, LOOKUP_MIN_CHARS};
pub use scenario::Scenario;
pub use tags::{profile_tags, profile_tags_with, Tag, TagKind, TagRules};

use crate::customer::{Customer, CustomerId};
use crate::records::{
    Area, AreaId, Country, CountryCode, CustomerRecords, NetworkEvent, Plan, PlanId,
    ValueAddedService,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use time::OffsetDateTime;

/// How many customers [`generate`] makes.
pub const CUSTOMER_COUNT: usize = 520;
/// How many customers carry each [`Scenario`].
pub const PER_SCENARIO: usize = 16;

/// The whole demo reference data set.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoData {
    pub seed: u64,
    /// The `now` it was generated for; records end there.
    #[serde(with = "time::serde::rfc3339")]
    pub generated_at: OffsetDateTime,
    pub plans: Vec<Plan>,
    pub services: Vec<ValueAddedService>,
    pub countries: Vec<Country>,
    pub areas: Vec<Area>,
    /// Sorted by id.
    pub customers: Vec<Customer>,
    pub records: BTreeMap<CustomerId, CustomerRecords>,
    /// Every outage, degradation and maintenance of the year, by start.
    pub network_events: Vec<NetworkEvent>,
    /// Which customers carry which planted problem.
    pub scenarios: BTreeMap<Scenario, Vec<CustomerId>>,
}

/// Generates the demo data for `seed` as of `now`: [`CUSTOMER_COUNT`]
/// customers, each with twelve billed months of records before the month of
/// `now` plus the current month so far, and the network events of that time.
pub fn generate(seed: u64, now: OffsetDateTime) -> DemoData {
    generate::generate(seed, now)
}

impl DemoData {
    pub fn customer(&self, id: &CustomerId) -> Option<&Customer> {
        self.customers
            .binary_search_by(|c| c.id.cmp(id))
            .ok()
            .and_then(|i| self.customers.get(i))
    }

    /// This data with one more customer (a training scenario's own), who
    /// has no records; a customer with the same id is replaced.
    pub fn with_customer(&self, customer: Customer) -> DemoData {
        let mut data = self.clone();
        data.records.entry(customer.id.clone()).or_default();
        match data.customers.binary_search_by(|c| c.id.cmp(&customer.id)) {
            Ok(i) => data.customers[i] = customer,
            Err(i) => data.customers.insert(i, customer),
        }
        data
    }

    pub fn records(&self, id: &CustomerId) -> Option<&CustomerRecords> {
        self.records.get(id)
    }

    pub fn plan(&self, id: &PlanId) -> Option<&Plan> {
        self.plans.iter().find(|p| &p.id == id)
    }

    pub fn country(&self, code: &CountryCode) -> Option<&Country> {
        self.countries.iter().find(|c| &c.code == code)
    }

    pub fn area(&self, id: &AreaId) -> Option<&Area> {
        self.areas.iter().find(|a| &a.id == id)
    }

    /// The customers who carry `scenario`, by id.
    pub fn scenario_customers(&self, scenario: Scenario) -> Vec<&CustomerId> {
        self.scenarios
            .get(&scenario)
            .map(|ids| ids.iter().collect())
            .unwrap_or_default()
    }

    /// The planted problem of a customer; `None` for ordinary customers.
    pub fn scenario_of(&self, id: &CustomerId) -> Option<Scenario> {
        self.scenarios
            .iter()
            .find(|(_, ids)| ids.contains(id))
            .map(|(s, _)| *s)
    }

    /// The network events in the customer's home area that touch one of
    /// their home cells, oldest first.
    pub fn network_events_for(&self, id: &CustomerId) -> Vec<&NetworkEvent> {
        let Some(profile) = self.customer(id).and_then(|c| c.profile.as_ref()) else {
            return Vec::new();
        };
        self.network_events
            .iter()
            .filter(|e| e.area == profile.home_area && e.touches_any(&profile.home_cells))
            .collect()
    }

    /// What the reconstruct stage reads about a customer.
    pub fn subject(&self, id: &CustomerId) -> Option<crate::reconstruct::Subject<'_>> {
        Some(crate::reconstruct::Subject {
            profile: self.customer(id)?.profile.as_ref()?,
            records: self.records(id)?,
            network_events: self.network_events_for(id),
            plans: &self.plans,
            countries: &self.countries,
        })
    }

    /// Customers by phone number, account number or ID number, typed whole
    /// or in part (at least [`LOOKUP_MIN_CHARS`] characters; spaces, dashes
    /// and a `+86` prefix ignored). Exact matches come first, then numbers
    /// ending with the query (the "last four digits" habit), then numbers
    /// starting with it, then any containing it; at most [`LOOKUP_LIMIT`].
    pub fn lookup(&self, query: &str) -> Vec<&Customer> {
        lookup::lookup(&self.customers, query)
    }
}
