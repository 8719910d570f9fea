//! Trainer mode: the scenario library, sessions against a simulated
//! customer on the real case screen, the debrief, assignments and the
//! cohort's results.

pub mod assigned_to_me;
pub mod assignments;
pub mod cohort;
pub mod debrief_page;
pub mod live_score;
pub mod replay;
pub mod scenario_import;
pub mod scenario_list;
pub mod sim_chat;
pub mod start_button;
pub mod training_band;
pub mod training_page;
pub mod trend_chart;
pub mod words;
