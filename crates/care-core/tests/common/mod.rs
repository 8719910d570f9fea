//! What several test files share: the demo pack, the demo data of one
//! fixed day, and which planted problem each scenario stands for.
#![allow(dead_code)] // each test file uses part of it

use care_core::demo_data::{self, DemoData, Scenario};
use care_core::pack::{self, Pack};
use std::sync::OnceLock;
use time::macros::datetime;
use time::OffsetDateTime;

/// The app's seed.
pub const SEED: u64 = 20_261_125;
/// A Wednesday morning, China time.
pub const NOW: OffsetDateTime = datetime!(2026-11-25 10:30 +8);

pub fn demo_pack() -> &'static Pack {
    static PACK: OnceLock<Pack> = OnceLock::new();
    PACK.get_or_init(|| pack::load("demo.toml", pack::DEMO_PACK).expect("the demo pack loads"))
}

pub fn data() -> &'static DemoData {
    static DATA: OnceLock<DemoData> = OnceLock::new();
    DATA.get_or_init(|| demo_data::generate(SEED, NOW))
}

pub fn has_han(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// The planted problem, the intent a customer with it calls about, and the
/// feature that must show it.
pub const PLANTED: [(Scenario, &str, &str); 14] = [
    (Scenario::BillSpike, "bill_dispute", "bill_spike"),
    (Scenario::Roaming, "roaming_charges", "roaming_usage"),
    (Scenario::AreaOutage, "no_signal", "area_outage"),
    (Scenario::PlanChange, "bill_dispute", "recent_plan_change"),
    (Scenario::UnwantedSubscription, "unwanted_vas", "new_vas"),
    (Scenario::FailedPayment, "payment_failure", "payment_failed"),
    (Scenario::Throttled, "slow_data", "data_throttled"),
    (Scenario::SimChange, "sim_lost", "recent_sim_change"),
    (Scenario::OldHandset, "handset_fault", "old_device"),
    (
        Scenario::RepeatContact,
        "service_complaint",
        "repeat_contact",
    ),
    (Scenario::ContractTerm, "port_out", "under_contract"),
    (
        Scenario::ExpiredId,
        "real_name_update",
        "id_document_expired",
    ),
    (Scenario::ScamCalls, "fraud_report", "scam_calls_received"),
    (
        Scenario::PoorService,
        "service_complaint",
        "poor_service_contact",
    ),
];
