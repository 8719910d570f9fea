use crate::contexts::i18n::use_i18n;
use crate::contexts::lock::use_lock;
use crate::i18n::Msg;
use crate::ui::lock::idle_watch::IdleWatch;
use crate::ui::lock::reference_gate::ReferenceGate;
use crate::ui::lock::setup_screen::SetupScreen;
use crate::ui::lock::unlock_screen::UnlockScreen;
use leptos::prelude::*;

/// Shows the app only while the key is in memory: the first PIN on a new
/// device, the unlock screen while locked, the children otherwise.
#[component]
pub fn LockGate(children: ChildrenFn) -> impl IntoView {
    let i18n = use_i18n();
    let lock = use_lock();
    // A memo, so a vault update (an audit line, the idle time) does not
    // rebuild the screens below.
    let state = Memo::new(move |_| {
        (
            lock.vault.with(|v| v.as_ref().map(|v| v.is_some())),
            lock.unlocked.get(),
            lock.adding.get(),
        )
    });
    move || match state.get() {
        (Some(true), false, true) => view! { <SetupScreen/> }.into_any(),
        (None, _, _) => view! {
            <main id="main" class="page-message" tabindex="-1">
                <p role="status">{move || i18n.t(Msg::OpeningStore)}</p>
            </main>
        }
        .into_any(),
        (Some(false), _, _) => view! { <SetupScreen/> }.into_any(),
        (Some(true), false, false) => view! { <UnlockScreen/> }.into_any(),
        (Some(true), true, _) => {
            // Once there is data worth keeping, ask the browser to keep it.
            leptos::task::spawn_local(async {
                crate::platform::persistence::request().await;
            });
            view! { <IdleWatch/><ReferenceGate children=children.clone()/> }.into_any()
        }
    }
}
