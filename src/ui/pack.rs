//! The knowledge pack page: what is in force, browse it, import another.

pub mod import_result;
pub mod intent_browser;
pub mod pack_import;
pub mod pack_page;
pub mod problem_list;
