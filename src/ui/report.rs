//! The printable case report, and a case's standard exports: what a team
//! lead takes to a complaint escalation or hands to the operator's other
//! systems.

pub mod report_body;
pub mod report_page;
pub mod tmf_export;
