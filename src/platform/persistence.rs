//! Persistent storage: asking the browser not to clear this site's data
//! under storage pressure, and how much room is used.

use wasm_bindgen_futures::JsFuture;

/// The browser's answer to `navigator.storage.persist()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Persistence {
    Granted,
    /// The browser may clear the data when the device runs short of space.
    Refused,
    Unsupported,
}

fn manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // Older browsers have no `navigator.storage`; the binding would throw.
    let has = js_sys::Reflect::has(&navigator, &"storage".into()).unwrap_or(false);
    has.then(|| navigator.storage())
}

/// Asks for persistent storage (granted at once if it already is).
pub async fn request() -> Persistence {
    let Some(m) = manager() else {
        return Persistence::Unsupported;
    };
    let Ok(promise) = m.persist() else {
        return Persistence::Unsupported;
    };
    match JsFuture::from(promise).await.map(|v| v.as_bool()) {
        Ok(Some(true)) => Persistence::Granted,
        Ok(Some(false)) => Persistence::Refused,
        _ => Persistence::Unsupported,
    }
}

/// Bytes used and the quota the browser gives this site, if it says.
pub async fn estimate() -> Option<(f64, f64)> {
    let promise = manager()?.estimate().ok()?;
    let e = JsFuture::from(promise).await.ok()?;
    let get = |k: &str| js_sys::Reflect::get(&e, &k.into()).ok()?.as_f64();
    Some((get("usage")?, get("quota")?))
}
