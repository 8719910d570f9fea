//! This device's settings: the idle lock, storage, the lock audit and the
//! demo archive.

pub mod demo_archive;
pub mod lock_audit;
pub mod settings_page;
pub mod storage_status;
pub mod sync_log;
pub mod sync_settings;
