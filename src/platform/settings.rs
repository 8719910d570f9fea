//! Small per-device settings kept in localStorage: the language and the
//! device id. Neither is personal data.

use super::clock::new_device_id;
use care_core::{DeviceId, Lang};

const LANG_KEY: &str = "care-assist.lang";
const DEVICE_KEY: &str = "care-assist.device";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The language chosen on this device, zh-CN if none.
pub fn stored_lang() -> Lang {
    storage()
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten())
        .map(|tag| Lang::from_tag(&tag))
        .unwrap_or_default()
}

pub fn store_lang(lang: Lang) {
    if let Some(s) = storage() {
        // Losing the language choice is harmless; the default applies.
        let _ = s.set_item(LANG_KEY, lang.tag());
    }
}

/// This device's id, made on first use.
pub fn device_id() -> DeviceId {
    let stored = storage()
        .and_then(|s| s.get_item(DEVICE_KEY).ok().flatten())
        .and_then(|text| text.parse().ok());
    stored.unwrap_or_else(|| {
        let id = new_device_id();
        if let Some(s) = storage() {
            let _ = s.set_item(DEVICE_KEY, &id.to_string());
        }
        id
    })
}
