//! Reconstruct: the customer's records in the intent's window on one
//! timeline, with what stands out flagged and explained.

pub mod reconstruct_panel;
pub mod record_detail;
pub mod timeline_chart;
