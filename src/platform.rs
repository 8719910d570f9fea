//! Browser adapters: durable storage, the clock and random source, device
//! identity, local settings and the service worker. The UI calls these
//! small APIs; care-core never sees the browser.

pub mod clock;
pub mod couch;
pub mod crypto;
pub mod download;
pub mod idb;
pub mod persistence;
pub mod settings;
