//! Saving a file the app made (an export) through the browser's download.

use thiserror::Error;
use wasm_bindgen::JsCast;

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum DownloadError {
    #[error("the browser refused to make the file: {0}")]
    Browser(String),
}

fn js(e: wasm_bindgen::JsValue) -> DownloadError {
    DownloadError::Browser(format!("{e:?}"))
}

/// Offers `content` as a file named `name` of type `mime`.
pub fn save(name: &str, mime: &str, content: &str) -> Result<(), DownloadError> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(js)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(js)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| DownloadError::Browser("no document".into()))?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(js)?
        .dyn_into()
        .map_err(|_| DownloadError::Browser("not an anchor".into()))?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // Some browsers read the blob after the click returns: let the URL go
    // a little later.
    gloo_timers::callback::Timeout::new(30_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}
