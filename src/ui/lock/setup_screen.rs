use crate::contexts::i18n::use_i18n;
use crate::contexts::lock::{use_lock, LockError};
use crate::i18n::Msg;
use crate::ui::lock::unlock_screen::error_text;
use leptos::prelude::*;

/// The first start on a device: choose the PIN the data is encrypted
/// under, told plainly that a forgotten PIN means unreadable data.
#[component]
pub fn SetupScreen() -> impl IntoView {
    let i18n = use_i18n();
    let lock = use_lock();
    let pin = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<LockError>);
    let min = lock.policy.min_pin_chars.to_string();

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if lock.busy.get_untracked() {
            return;
        }
        let (p, c) = (pin.get_untracked(), confirm.get_untracked());
        leptos::task::spawn_local(async move {
            match lock.set_up(p, c).await {
                Ok(()) => problem.set(None),
                Err(e) => problem.set(Some(e)),
            }
        });
    };

    view! {
        <main id="main" class="page-message lock-screen" tabindex="-1">
            <h1>{move || i18n.t(Msg::SetupHeading)}</h1>
            <p>{move || i18n.t(Msg::SetupExplain)}</p>
            <p class="warn" role="note"><strong>{move || i18n.t(Msg::SetupForgetWarning)}</strong></p>
            <form class="lock-form" on:submit=submit>
                <label for="pin-new">{
                    let min = min.clone();
                    move || i18n.fill(Msg::PinLabel, &[("min", &min)])
                }</label>
                <input id="pin-new" type="password" autocomplete="new-password" required
                    prop:value=move || pin.get() on:input=move |ev| pin.set(event_target_value(&ev))/>
                <label for="pin-confirm">{move || i18n.t(Msg::PinConfirmLabel)}</label>
                <input id="pin-confirm" type="password" autocomplete="new-password" required
                    prop:value=move || confirm.get() on:input=move |ev| confirm.set(event_target_value(&ev))/>
                {move || problem.get().map(|e| view! { <p role="alert" class="error">{move || error_text(i18n, &e)}</p> })}
                <button type="submit" class="primary" disabled=move || lock.busy.get()>
                    {move || if lock.busy.get() { i18n.t(Msg::Unlocking) } else { i18n.t(Msg::SetupButton) }}
                </button>
            </form>
        </main>
    }
}
