use crate::contexts::i18n::use_i18n;
use crate::i18n::Msg;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// Writes `text` to the clipboard. Fails (rather than throwing) where the
/// browser offers no clipboard, e.g. outside a secure context.
async fn write_clipboard(text: String) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or(JsValue::NULL)?;
    let navigator = window.navigator();
    let has = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .map(|c| !c.is_undefined() && !c.is_null())
        .unwrap_or(false);
    if !has {
        return Err(JsValue::NULL);
    }
    let promise = navigator.clipboard().write_text(&text);
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
}

/// A Copy button for a text shown next to it, saying whether it worked.
#[component]
pub fn CopyButton(
    /// The text to copy, as shown.
    #[prop(into)]
    text: Signal<String>,
    /// Names what is copied, for screen readers ("Copy the handoff note").
    label: Msg,
) -> impl IntoView {
    let i18n = use_i18n();
    let result = RwSignal::new(None::<bool>);
    let copy = move |_| {
        let text = text.get_untracked();
        leptos::task::spawn_local(async move {
            result.set(Some(write_clipboard(text).await.is_ok()));
        });
    };
    view! {
        <button type="button" on:click=copy>
            {move || i18n.t(Msg::Copy)}
            <span class="visually-hidden">{move || format!(" {}", i18n.t(label))}</span>
        </button>
        <span class="copy-status" role="status">
            {move || match result.get() {
                None => None,
                Some(true) => Some(view! { <span class="ok">{move || i18n.t(Msg::Copied)}</span> }.into_any()),
                Some(false) => Some(view! { <span class="error">{move || i18n.t(Msg::CopyFailed)}</span> }.into_any()),
            }}
        </span>
    }
}
