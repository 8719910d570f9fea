//! Customers, as reference data (the demo set is embedded in the app).

use crate::records::Profile;
use crate::text::Text;
use serde::{Deserialize, Serialize};

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
    /// Tier, balance, plan id, home cells, handset, SIM, real-name status.
    /// Absent in older reference data that has only the fields above.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<Profile>,
}
