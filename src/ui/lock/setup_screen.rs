use crate::contexts::i18n::use_i18n;
use crate::contexts::lock::{use_lock, LockError};
use crate::i18n::Msg;
use crate::ui::lock::unlock_screen::error_text;
use leptos::prelude::*;

/// The first start on a device, or a person added to a shared one: choose
/// the PIN the data is encrypted under, told plainly that a forgotten PIN
/// means unreadable data.
#[component]
pub fn SetupScreen() -> impl IntoView {
    let i18n = use_i18n();
    let lock = use_lock();
    let adding = lock.adding.get_untracked();
    let name = RwSignal::new(String::new());
    let pin = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<LockError>);
    let min = lock.policy.min_pin_chars.to_string();

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if lock.busy.get_untracked() {
            return;
        }
        let (n, p, c) = (
            name.get_untracked(),
            pin.get_untracked(),
            confirm.get_untracked(),
        );
        leptos::task::spawn_local(async move {
            let done = if adding {
                lock.add_user(n, p, c).await
            } else {
                lock.set_up(n, p, c).await
            };
            match done {
                Ok(()) => problem.set(None),
                Err(e) => problem.set(Some(e)),
            }
        });
    };

    view! {
        <main id="main" class="page-message lock-screen" tabindex="-1">
            <h1>{move || i18n.t(if adding { Msg::AddUserHeading } else { Msg::SetupHeading })}</h1>
            {adding.then(|| view! { <p>{move || i18n.t(Msg::AddUserExplain)}</p> })}
            <p>{move || i18n.t(Msg::SetupExplain)}</p>
            <p class="warn" role="note"><strong>{move || i18n.t(Msg::SetupForgetWarning)}</strong></p>
            <form class="lock-form" on:submit=submit>
                <label for="user-name">{move || i18n.t(if adding { Msg::AddUserNameLabel } else { Msg::SetupNameLabel })}</label>
                <input id="user-name" type="text" autocomplete="name" maxlength="40"
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
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
                    {move || if lock.busy.get() {
                        i18n.t(Msg::Unlocking)
                    } else if adding {
                        i18n.t(Msg::AddUserButton)
                    } else {
                        i18n.t(Msg::SetupButton)
                    }}
                </button>
            </form>
            {adding.then(|| view! {
                <button type="button" class="link-button" on:click=move |_| lock.adding.set(false)>
                    {move || i18n.t(Msg::CancelAddUser)}
                </button>
            })}
        </main>
    }
}
