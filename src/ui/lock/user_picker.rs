use crate::contexts::i18n::use_i18n;
use crate::contexts::lock::use_lock;
use crate::i18n::Msg;
use crate::ui::lock::unlock_screen::error_text;
use leptos::prelude::*;

/// "Who is working?" on a shared device: one button per person, the one
/// whose PIN is asked for pressed. Hidden while the device has one person.
#[component]
pub fn UserPicker(
    /// Called once another person is picked (to clear and focus the PIN).
    on_pick: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let lock = use_lock();
    let problem = RwSignal::new(None);
    move || {
        let users = lock.users.get();
        (users.len() > 1).then(|| {
            let buttons = users
                .into_iter()
                .enumerate()
                .map(|(i, u)| {
                    let id = u.id.clone();
                    let pressed = {
                        let id = id.clone();
                        move || lock.current.get() == id
                    };
                    let label = move || {
                        if u.name.is_empty() {
                            i18n.fill(Msg::UnnamedUser, &[("n", &(i + 1).to_string())])
                        } else {
                            u.name.clone()
                        }
                    };
                    view! {
                        <li>
                            <button type="button" class="user-choice" aria-pressed=move || pressed().to_string()
                                on:click=move |_| {
                                    let id = id.clone();
                                    leptos::task::spawn_local(async move {
                                        match lock.switch_to(id).await {
                                            Ok(()) => {
                                                problem.set(None);
                                                on_pick();
                                            }
                                            Err(e) => problem.set(Some(e)),
                                        }
                                    });
                                }>
                                <span translate="no">{label}</span>
                            </button>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="user-picker" aria-labelledby="user-picker-heading">
                    <h2 id="user-picker-heading">{move || i18n.t(Msg::WhoIsWorking)}</h2>
                    <ul class="user-list">{buttons}</ul>
                    {move || problem.get().map(|e| view! { <p role="alert" class="error">{move || error_text(i18n, &e)}</p> })}
                </section>
            }
        })
    }
}
