//! Reference data as documents: what the app keeps of the operator's data
//! (customers and their records, plans, countries, areas, network events)
//! split the way it is stored and, later, synchronised: one document per
//! customer with their records, and one for everything shared.

use crate::customer::Customer;
use crate::demo_data::{DemoData, Scenario};
use crate::records::{Area, Country, CustomerRecords, NetworkEvent, Plan, ValueAddedService};
use crate::CustomerId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use time::OffsetDateTime;

/// What every customer shares: the catalogue, the network's year, and
/// which demo customers carry a planted problem.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedDoc {
    pub seed: u64,
    #[serde(with = "time::serde::rfc3339")]
    pub generated_at: OffsetDateTime,
    pub plans: Vec<Plan>,
    pub services: Vec<ValueAddedService>,
    pub countries: Vec<Country>,
    pub areas: Vec<Area>,
    pub network_events: Vec<NetworkEvent>,
    pub scenarios: BTreeMap<Scenario, Vec<CustomerId>>,
}

/// One customer and their records: personal data, kept sealed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerDoc {
    pub customer: Customer,
    pub records: Option<CustomerRecords>,
}

/// Splits a data set into its documents.
pub fn split(data: DemoData) -> (SharedDoc, Vec<CustomerDoc>) {
    let DemoData {
        seed,
        generated_at,
        plans,
        services,
        countries,
        areas,
        customers,
        mut records,
        network_events,
        scenarios,
    } = data;
    let docs = customers
        .into_iter()
        .map(|customer| CustomerDoc {
            records: records.remove(&customer.id),
            customer,
        })
        .collect();
    let shared = SharedDoc {
        seed,
        generated_at,
        plans,
        services,
        countries,
        areas,
        network_events,
        scenarios,
    };
    (shared, docs)
}

/// Puts the documents back together (customers sorted by id, as the data
/// set keeps them).
pub fn join(shared: SharedDoc, docs: Vec<CustomerDoc>) -> DemoData {
    let mut customers = Vec::with_capacity(docs.len());
    let mut records = BTreeMap::new();
    for doc in docs {
        if let Some(r) = doc.records {
            records.insert(doc.customer.id.clone(), r);
        }
        customers.push(doc.customer);
    }
    customers.sort_by(|a, b| a.id.cmp(&b.id));
    DemoData {
        seed: shared.seed,
        generated_at: shared.generated_at,
        plans: shared.plans,
        services: shared.services,
        countries: shared.countries,
        areas: shared.areas,
        customers,
        records,
        network_events: shared.network_events,
        scenarios: shared.scenarios,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn the_documents_join_back_into_the_same_data_set() {
        let data = crate::demo_data::generate(7, datetime!(2026-11-30 09:00 +8));
        let (shared, mut docs) = split(data.clone());
        assert_eq!(docs.len(), data.customers.len());
        // Stored documents come back in any order.
        docs.reverse();
        assert_eq!(join(shared, docs), data);
    }
}
