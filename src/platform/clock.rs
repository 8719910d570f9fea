//! The clock and the random source, read here and handed to care-core.

use care_core::{CaseId, DeviceId, EventId, IdSource};
use std::cell::RefCell;
use time::OffsetDateTime;

/// Milliseconds since the Unix epoch, from the browser clock.
pub fn now_ms() -> u64 {
    js_sys::Date::now().max(0.0) as u64
}

/// The current time as a UTC timestamp.
pub fn now() -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(now_ms()) * 1_000_000)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

/// The browser's offset from UTC, for showing times as the agent reads them.
pub fn local_offset() -> time::UtcOffset {
    let minutes = -js_sys::Date::new_0().get_timezone_offset() as i32;
    time::UtcOffset::from_whole_seconds(minutes * 60).unwrap_or(time::UtcOffset::UTC)
}

/// 80 random bits from the WebCrypto source; zero only if it is missing,
/// in which case the monotonic id source still keeps ids unique here.
fn random_bits() -> u128 {
    let mut bytes = [0u8; 16];
    if let Some(crypto) = web_sys::window().and_then(|w| w.crypto().ok()) {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes[..10]);
    }
    u128::from_le_bytes(bytes)
}

thread_local! {
    static IDS: RefCell<IdSource> = RefCell::new(IdSource::new());
}

fn next_uuid() -> uuid::Uuid {
    IDS.with(|ids| ids.borrow_mut().next(now_ms(), random_bits()))
}

pub fn new_event_id() -> EventId {
    EventId::from_uuid(next_uuid())
}

pub fn new_case_id() -> CaseId {
    CaseId::from_uuid(next_uuid())
}

pub fn new_device_id() -> DeviceId {
    DeviceId::from_uuid(next_uuid())
}

/// A six-digit one-time code from the WebCrypto source.
pub fn one_time_code() -> String {
    let n = (random_bits() % 1_000_000) as u32;
    format!("{n:06}")
}
