use crate::contexts::i18n::{use_i18n, I18n};
use crate::contexts::lock::{use_lock, LockError};
use crate::format::date_time;
use crate::i18n::Msg;
use crate::platform::clock;
use crate::ui::lock::user_picker::UserPicker;
use care_core::lock::PinError;
use leptos::prelude::*;

/// What went wrong, in the user's language.
pub fn error_text(i18n: I18n, e: &LockError) -> String {
    match e {
        LockError::Pin(PinError::TooShort { min }) => {
            i18n.fill(Msg::PinTooShort, &[("min", &min.to_string())])
        }
        LockError::Pin(PinError::Mismatch) => i18n.t(Msg::PinMismatch).to_owned(),
        LockError::Pin(PinError::TooEasy) => i18n.t(Msg::PinTooEasy).to_owned(),
        LockError::Wrong { left } => {
            let minutes = use_lock().policy.lockout.whole_minutes().to_string();
            i18n.fill(
                Msg::WrongPin,
                &[("n", &left.to_string()), ("minutes", &minutes)],
            )
        }
        LockError::LockedOut { until } => i18n.fill(
            Msg::LockedOut,
            &[("time", &date_time(*until, clock::local_offset()))],
        ),
        LockError::Crypto => i18n.t(Msg::CryptoUnavailable).to_owned(),
        LockError::NameMissing => i18n.t(Msg::NameMissing).to_owned(),
        LockError::Store(e) => match e {
            crate::platform::idb::StoreError::Full(_) => i18n.t(Msg::DiskFull).to_owned(),
            _ => i18n.t(Msg::StoreUnavailable).to_owned(),
        },
    }
}

/// The locked app: who is working (on a shared device), and one field for
/// their PIN. Wrong tries are counted on the device, so a reload does not
/// reset them.
#[component]
pub fn UnlockScreen() -> impl IntoView {
    let i18n = use_i18n();
    let lock = use_lock();
    let pin = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<LockError>);
    let input = NodeRef::<leptos::html::Input>::new();

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if lock.busy.get_untracked() {
            return;
        }
        let p = pin.get_untracked();
        leptos::task::spawn_local(async move {
            match lock.unlock(p).await {
                Ok(()) => problem.set(None),
                Err(e) => {
                    pin.set(String::new());
                    problem.set(Some(e));
                    if let Some(el) = input.get_untracked() {
                        let _ = el.focus();
                    }
                }
            }
        });
    };
    Effect::new(move |_| {
        if let Some(el) = input.get() {
            let _ = el.focus();
        }
    });

    view! {
        <main id="main" class="page-message lock-screen" tabindex="-1">
            <h1>{move || i18n.t(Msg::UnlockHeading)}</h1>
            <UserPicker on_pick=move || {
                pin.set(String::new());
                problem.set(None);
                if let Some(el) = input.get_untracked() {
                    let _ = el.focus();
                }
            }/>
            <form class="lock-form" on:submit=submit>
                <label for="pin">{move || i18n.t(Msg::UnlockExplain)}</label>
                <input id="pin" node_ref=input type="password" autocomplete="current-password" required
                    prop:value=move || pin.get() on:input=move |ev| pin.set(event_target_value(&ev))/>
                {move || problem.get().map(|e| view! { <p role="alert" class="error">{move || error_text(i18n, &e)}</p> })}
                <button type="submit" class="primary" disabled=move || lock.busy.get()>
                    {move || if lock.busy.get() { i18n.t(Msg::Unlocking) } else { i18n.t(Msg::UnlockButton) }}
                </button>
            </form>
            <button type="button" class="link-button add-user" on:click=move |_| lock.adding.set(true)>
                {move || i18n.t(Msg::AddUser)}
            </button>
        </main>
    }
}
