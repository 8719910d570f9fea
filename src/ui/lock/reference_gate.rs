use crate::contexts::demo::{provide_demo, use_reference, ReferenceState};
use crate::contexts::i18n::use_i18n;
use crate::contexts::search::use_search;
use crate::i18n::Msg;
use leptos::prelude::*;

/// Shows the screens once the reference data is out of IndexedDB (made
/// and kept first, on a device's first unlock), and gives it to them.
#[component]
pub fn ReferenceGate(children: ChildrenFn) -> impl IntoView {
    let i18n = use_i18n();
    let reference = use_reference();
    let search = use_search();
    let state = Memo::new(move |_| reference.state.get());
    move || {
        // New reference data from a sync is given to the screens again.
        reference.version.track();
        let current = state.get();
        match current {
            ReferenceState::Ready => match reference.data.get_untracked() {
                Some(data) => {
                    // Provided here, below the lock: the screens never hold
                    // customers' data while the app is locked.
                    provide_demo(data);
                    children().into_any()
                }
                None => ().into_any(),
            },
            ReferenceState::Failed(_) => view! {
                <main id="main" class="page-message" tabindex="-1">
                    <h1>{move || i18n.t(Msg::AppName)}</h1>
                    <p role="alert">{move || i18n.t(Msg::ReferenceFailed)}</p>
                    <button type="button" on:click=move |_| {
                        leptos::task::spawn_local(async move {
                            reference.load().await;
                            search.load().await;
                        });
                    }>{move || i18n.t(Msg::Retry)}</button>
                </main>
            }
            .into_any(),
            ReferenceState::Idle | ReferenceState::Loading => view! {
                <main id="main" class="page-message" tabindex="-1">
                    <h1>{move || i18n.t(Msg::AppName)}</h1>
                    <p role="status">{move || i18n.t(Msg::ReferencePreparing)}</p>
                </main>
            }
            .into_any(),
        }
    }
}
