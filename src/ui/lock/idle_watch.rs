use crate::contexts::lock::use_lock;
use crate::platform::clock;
use care_core::lock::idle_expired;
use leptos::prelude::*;
use std::time::Duration;

/// Locks the app after the chosen minutes without a key, a touch or a
/// click. Draws nothing.
#[component]
pub fn IdleWatch() -> impl IntoView {
    let lock = use_lock();
    let last = StoredValue::new(clock::now());
    let touch = move || last.set_value(clock::now());
    let handles = [
        window_event_listener(leptos::ev::keydown, move |_| touch()),
        window_event_listener(leptos::ev::pointerdown, move |_| touch()),
        window_event_listener(leptos::ev::wheel, move |_| touch()),
        window_event_listener(leptos::ev::input, move |_| touch()),
    ];
    let timer = set_interval_with_handle(
        move || {
            if idle_expired(last.get_value(), clock::now(), lock.idle_minutes()) {
                lock.lock(true);
            }
        },
        Duration::from_secs(5),
    )
    .ok();
    on_cleanup(move || {
        for h in handles {
            h.remove();
        }
        if let Some(t) = timer {
            t.clear();
        }
    });
}
