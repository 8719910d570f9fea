//! This device's settings: the idle lock and the lock audit.

pub mod lock_audit;
pub mod settings_page;
pub mod storage_status;
