use crate::contexts::i18n::use_i18n;
use crate::i18n::Msg;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Whether index.html's script has seen a new version waiting.
fn update_ready() -> bool {
    js_sys::Reflect::get(&window(), &"careAssistUpdateReady".into())
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Calls one of index.html's update functions, if the page has it.
fn call(name: &str) {
    if let Some(f) = js_sys::Reflect::get(&window(), &name.into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    {
        let _ = f.call0(&window());
    }
}

/// Asks the waiting version to take over; the page reloads when it has.
fn apply_update() {
    call("careAssistApplyUpdate");
}

/// "A new version is ready": shown on the case list only, and applied only
/// when the user presses the button, so no case changes version halfway.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let i18n = use_i18n();
    let ready = RwSignal::new(update_ready());
    let handle = window_event_listener_untyped("care-assist-update", move |_| ready.set(true));
    on_cleanup(move || handle.remove());
    // An update that finished installing unheard is announced now.
    call("careAssistCheckUpdate");
    move || {
        ready.get().then(|| {
            view! {
                <section class="update-banner" role="status">
                    <p>{move || i18n.t(Msg::UpdateReady)}</p>
                    <button type="button" class="primary" on:click=move |_| apply_update()>
                        {move || i18n.t(Msg::ApplyUpdate)}
                    </button>
                </section>
            }
        })
    }
}
