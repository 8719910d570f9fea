//! The demo reference data: customers and their records, generated in the
//! browser from a fixed seed (the same customers on every device and every
//! day; their bills and usage lead up to today). No server is needed.

use crate::platform::clock;
use care_core::demo_data::{self, DemoData};
use care_core::{Customer, CustomerId};
use leptos::prelude::*;
use std::sync::Arc;

/// The seed of the demo data: changing it changes every customer.
pub const DEMO_SEED: u64 = 20_261_125;

/// Reference data: the customers this device knows.
#[derive(Clone)]
pub struct Demo {
    pub data: Arc<DemoData>,
}

impl Demo {
    pub fn customer(&self, id: &CustomerId) -> Option<&Customer> {
        self.data.customer(id)
    }

    /// Customers whose phone, account or ID number contains the query.
    pub fn lookup(&self, query: &str) -> Vec<&Customer> {
        self.data.lookup(query)
    }
}

pub fn provide_demo() {
    provide_context(Demo {
        data: Arc::new(demo_data::generate(DEMO_SEED, clock::now())),
    });
}

pub fn use_demo() -> Demo {
    expect_context::<Demo>()
}
