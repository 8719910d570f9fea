//! Insights for team leads: the metrics of the archive by period, intent
//! or channel, the trend, the funnel of stages, and CSV exports.

pub mod funnel_chart;
pub mod insights_page;
pub mod knowledge_gaps;
pub mod metric_definitions;
pub mod metrics_table;
pub mod volume_chart;
