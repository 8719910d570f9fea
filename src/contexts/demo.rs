//! The embedded demo customers: the app runs on them with no server.

use care_core::{Customer, CustomerId};
use leptos::prelude::*;
use std::sync::Arc;

const CUSTOMERS_JSON: &str = include_str!("../../public/demo/customers.json");

/// Reference data: the customers this device knows.
#[derive(Clone)]
pub struct Demo {
    pub customers: Arc<Vec<Customer>>,
    /// Why the data could not be read, if it could not.
    pub problem: Option<String>,
}

impl Demo {
    pub fn customer(&self, id: &CustomerId) -> Option<&Customer> {
        self.customers.iter().find(|c| &c.id == id)
    }
}

/// Reads the embedded data; a broken file leaves an empty list and a
/// message rather than a blank app.
pub fn load() -> Demo {
    match Customer::parse_list(CUSTOMERS_JSON) {
        Ok(list) => Demo {
            customers: Arc::new(list),
            problem: None,
        },
        Err(e) => Demo {
            customers: Arc::new(Vec::new()),
            problem: Some(e.to_string()),
        },
    }
}

pub fn provide_demo() {
    provide_context(load());
}

pub fn use_demo() -> Demo {
    expect_context::<Demo>()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_embedded_customers_load() {
        let demo = super::load();
        assert_eq!(demo.problem, None);
        assert!(demo.customers.len() >= 5);
    }
}
