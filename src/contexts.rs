//! The app's shared state, one `provide_x` per file, read with `use_x`.

pub mod case_session;
pub mod demo;
pub mod drafts;
pub mod i18n;
pub mod knowledge;
pub mod lock;
pub mod search;
pub mod store;
pub mod sync;
pub mod training;
pub mod verification;
