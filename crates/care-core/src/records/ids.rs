//! Identifiers of records: opaque strings, each its own type so a bill id
//! cannot be passed where an order id is meant.

use serde::{Deserialize, Serialize};

macro_rules! string_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

string_id!(
    /// A tariff plan in the catalogue, e.g. `P59`.
    PlanId
);
string_id!(
    /// A district-sized area of the radio network, e.g. `BJ-CY`.
    AreaId
);
string_id!(
    /// One radio cell inside an area, e.g. `BJ-CY-C03`.
    CellId
);
string_id!(
    /// An ISO 3166-1 alpha-2 code (Hong Kong and Macao have their own: `HK`, `MO`).
    CountryCode
);
string_id!(
    /// A value-added service in the catalogue, e.g. `VAS-VIDEO`.
    ServiceId
);
string_id!(
    /// A monthly bill.
    BillId
);
string_id!(
    /// An order (plan change, SIM replacement, add-on, handset).
    OrderId
);
string_id!(
    /// A payment or top-up attempt.
    PaymentId
);
string_id!(
    /// A subscription to a value-added service.
    SubscriptionId
);
string_id!(
    /// An earlier contact with customer care.
    ContactId
);
string_id!(
    /// An outage, degradation or maintenance of the radio network.
    NetworkEventId
);
