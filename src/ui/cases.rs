//! The case list: open a new case, find and reopen one.

pub mod bulk_export;
pub mod case_list_page;
pub mod case_search;
pub mod case_table;
pub mod follow_up_due;
pub mod new_case_form;
pub mod search_results;
pub mod update_banner;
