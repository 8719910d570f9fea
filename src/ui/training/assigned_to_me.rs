use crate::contexts::i18n::use_i18n;
use crate::contexts::lock::use_lock;
use crate::contexts::training::LibraryEntry;
use crate::i18n::Msg;
use crate::platform::idb::Assignment;
use crate::ui::training::start_button::StartButton;
use leptos::prelude::*;

/// The scenarios a trainer assigned to the person working, first on the
/// page, each ready to start.
#[component]
pub fn AssignedToMe(
    entries: Vec<LibraryEntry>,
    assigned: RwSignal<Vec<Assignment>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lock = use_lock();
    let mine = move || {
        let me = lock.current.get();
        assigned.with(|list| {
            let mut ids: Vec<String> = list
                .iter()
                .filter(|a| a.trainee == me)
                .map(|a| a.scenario.clone())
                .collect();
            ids.dedup();
            ids.into_iter()
                .filter_map(|id| entries.iter().find(|e| e.scenario.id == id).cloned())
                .collect::<Vec<_>>()
        })
    };
    move || {
        let list = mine();
        (!list.is_empty()).then(|| view! {
            <section class="card assigned" aria-labelledby="assigned-heading" data-testid="assigned-to-me">
                <h2 id="assigned-heading">{move || i18n.t(Msg::AssignedToYou)}</h2>
                <ul class="plain">
                    {list.into_iter().map(|e| {
                        let title = e.scenario.title.clone();
                        view! {
                            <li class="assigned-item">
                                <span>{move || title.get(i18n.lang()).to_owned()}</span>" "
                                <StartButton scenario=e.scenario.id.clone()/>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })
    }
}
