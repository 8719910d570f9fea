//! Customers, as reference data (the demo set is embedded in the app).

use crate::text::Text;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A customer's id in the operator's systems.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CustomerId(String);

impl CustomerId {
    pub fn new(id: impl Into<String>) -> Self {
        Self(id.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A customer profile. `name`, `msisdn` and `id_number` are personal data:
/// shown masked until verification, never logged.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Customer {
    pub id: CustomerId,
    pub name: String,
    /// The mobile number (MSISDN), digits only.
    pub msisdn: String,
    pub account: String,
    pub id_number: String,
    pub plan: Text,
    pub city: Text,
    pub segment: Text,
    pub tenure_months: u32,
}

/// Why reference data cannot be read.
#[derive(Debug, Error)]
pub enum DemoDataError {
    #[error("the customer data is not valid JSON at line {line}, column {column}: {message}")]
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("customer id {0} appears twice")]
    DuplicateId(String),
}

impl Customer {
    /// Reads a JSON array of customers and checks the ids are unique.
    pub fn parse_list(json: &str) -> Result<Vec<Customer>, DemoDataError> {
        let list: Vec<Customer> = serde_json::from_str(json).map_err(|e| DemoDataError::Json {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?;
        let mut seen = std::collections::BTreeSet::new();
        for c in &list {
            if !seen.insert(c.id.as_str()) {
                return Err(DemoDataError::DuplicateId(c.id.as_str().to_owned()));
            }
        }
        Ok(list)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_customer_json_names_the_line() {
        let err = Customer::parse_list("[\n{\"id\": 3}\n]").expect_err("invalid");
        assert!(matches!(err, DemoDataError::Json { line: 2, .. }), "{err}");
    }

    #[test]
    fn duplicate_customer_ids_are_refused() {
        let one = r#"{"id":"C1","name":"张伟","msisdn":"13812345678","account":"A1","id_number":"110101199001011234","plan":{"zh-CN":"套餐","en":"Plan"},"city":{"zh-CN":"北京","en":"Beijing"},"segment":{"zh-CN":"金卡","en":"Gold"},"tenure_months":3}"#;
        let err = Customer::parse_list(&format!("[{one},{one}]")).expect_err("duplicate");
        assert!(matches!(err, DemoDataError::DuplicateId(id) if id == "C1"));
    }
}
