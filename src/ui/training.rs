//! Trainer mode: the scenario library and importing scenarios.

pub mod scenario_import;
pub mod scenario_list;
pub mod training_page;
