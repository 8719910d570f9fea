//! This device's settings: the interface language and the device id.
//! Neither is personal data.
//!
//! Both are kept in IndexedDB (the first database's `settings`), where the
//! data they belong to is, and mirrored in localStorage, which reads
//! synchronously: the language is needed for the first screen, before the
//! database is open. `adopt` makes the two agree once it is open.

use super::clock::new_device_id;
use super::idb::{DeviceSettings, IdbStore};
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

fn store_device_id(id: DeviceId) {
    if let Some(s) = storage() {
        let _ = s.set_item(DEVICE_KEY, &id.to_string());
    }
}

/// This device's id, made on first use.
pub fn device_id() -> DeviceId {
    let stored = storage()
        .and_then(|s| s.get_item(DEVICE_KEY).ok().flatten())
        .and_then(|text| text.parse().ok());
    stored.unwrap_or_else(|| {
        let id = new_device_id();
        store_device_id(id);
        id
    })
}

/// Once the database is open: what it keeps wins over localStorage (which
/// a browser may clear apart from it); what only localStorage has (an
/// older version kept it there) is moved in. Returns the language to show.
pub async fn adopt(home: &IdbStore) -> Lang {
    match home.device_settings().await {
        Ok(Some(kept)) => {
            if let Ok(id) = kept.device.parse::<DeviceId>() {
                store_device_id(id);
            }
            let lang = Lang::from_tag(&kept.lang);
            store_lang(lang);
            lang
        }
        _ => {
            let lang = stored_lang();
            keep(home, lang).await;
            lang
        }
    }
}

/// Keeps the device id and `lang` in IndexedDB. A failure leaves the
/// localStorage copy, which is read until the next try.
pub async fn keep(home: &IdbStore, lang: Lang) {
    let s = DeviceSettings::new(device_id().to_string(), lang.tag().to_owned());
    if let Err(e) = home.store_device_settings(&s).await {
        leptos::logging::warn!("device settings not kept: {e}");
    }
}
