use crate::contexts::i18n::use_i18n;
use crate::contexts::lock::use_lock;
use crate::contexts::search::use_search;
use crate::contexts::store::use_db;
use crate::contexts::training::LibraryEntry;
use crate::i18n::Msg;
use crate::platform::clock;
use crate::platform::idb::{Assignment, StoreError};
use leptos::prelude::*;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// For trainers: give a person of this device a scenario to practise, and
/// see who has practised what since.
#[component]
pub fn Assignments(
    entries: Vec<LibraryEntry>,
    assigned: RwSignal<Vec<Assignment>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lock = use_lock();
    let db = use_db();
    let search = use_search();
    let entries = StoredValue::new(entries);
    let scenario = RwSignal::new(
        entries.with_value(|e| e.first().map(|e| e.scenario.id.clone()).unwrap_or_default()),
    );
    let trainee = RwSignal::new(lock.current.get_untracked());
    let failed = RwSignal::new(None::<StoreError>);
    let busy = RwSignal::new(false);

    // Nothing is shown as assigned before it is kept.
    let save = move |list: Vec<Assignment>| {
        busy.set(true);
        failed.set(None);
        leptos::task::spawn_local(async move {
            match db.get().store_assignments(&list).await {
                Ok(()) => assigned.set(list),
                Err(e) => failed.set(Some(e)),
            }
            busy.set(false);
        });
    };
    let assign = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() || scenario.get_untracked().is_empty() {
            return;
        }
        let mut list = assigned.get_untracked();
        list.push(Assignment {
            scenario: scenario.get_untracked(),
            trainee: trainee.get_untracked(),
            by: lock.current.get_untracked(),
            at: clock::now().format(&Rfc3339).unwrap_or_default(),
        });
        save(list);
    };
    let name_of = move |id: &str| {
        lock.users
            .with(|u| u.iter().find(|x| x.id == id).map(|x| x.name.clone()))
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| id.to_owned())
    };
    let title_of = move |id: &str| {
        entries.with_value(|e| {
            e.iter()
                .find(|e| e.scenario.id == id)
                .map(|e| e.scenario.title.get(i18n.lang()).to_owned())
                .unwrap_or_else(|| id.to_owned())
        })
    };
    // Sessions of this trainee on this scenario since it was assigned.
    let practised = move |a: &Assignment| {
        let since = OffsetDateTime::parse(&a.at, &Rfc3339).ok();
        search
            .training_sessions()
            .iter()
            .filter(|s| {
                s.training
                    .as_ref()
                    .is_some_and(|t| t.trainee == a.trainee && t.scenario == a.scenario)
                    && since.is_none_or(|at| s.opened_at >= at)
            })
            .count()
    };
    view! {
        <section class="card" aria-labelledby="assign-heading">
            <h2 id="assign-heading">{move || i18n.t(Msg::AssignHeading)}</h2>
            <form class="inline-form" on:submit=assign>
                <label>
                    <span>{move || i18n.t(Msg::AssignScenario)}</span>
                    <select id="assign-scenario" on:change=move |ev| scenario.set(event_target_value(&ev))>
                        {move || entries.with_value(|list| list.iter().map(|e| {
                            let id = e.scenario.id.clone();
                            let title = e.scenario.title.get(i18n.lang()).to_owned();
                            let selected = scenario.get_untracked() == id;
                            view! { <option value=id selected=selected>{title}</option> }
                        }).collect_view())}
                    </select>
                </label>
                <label>
                    <span>{move || i18n.t(Msg::AssignTrainee)}</span>
                    <select id="assign-trainee" on:change=move |ev| trainee.set(event_target_value(&ev))>
                        {move || lock.users.get().into_iter().map(|u| {
                            let selected = trainee.get_untracked() == u.id;
                            let label = if u.name.is_empty() { u.id.clone() } else { u.name.clone() };
                            view! { <option value=u.id selected=selected>{label}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <button type="submit" class="primary" disabled=move || busy.get()>{move || i18n.t(Msg::AssignButton)}</button>
            </form>
            {move || failed.get().map(|e| view! { <p role="alert" class="error">{move || i18n.t(crate::ui::case::save_message(&e))}</p> })}
            {move || {
                let list = assigned.get();
                if list.is_empty() {
                    return view! { <p class="muted">{move || i18n.t(Msg::NoAssignments)}</p> }.into_any();
                }
                view! {
                    <table class="assignment-table" data-testid="assignments">
                        <thead><tr>
                            <th scope="col">{move || i18n.t(Msg::AssignTrainee)}</th>
                            <th scope="col">{move || i18n.t(Msg::AssignScenario)}</th>
                            <th scope="col">{move || i18n.t(Msg::AssignedOn)}</th>
                            <th scope="col">{move || i18n.t(Msg::PractisedSince)}</th>
                            <th scope="col"><span class="visually-hidden">{move || i18n.t(Msg::RemoveAssignment)}</span></th>
                        </tr></thead>
                        <tbody>
                            {list.iter().enumerate().map(|(n, a)| {
                                let who = name_of(&a.trainee);
                                let what = title_of(&a.scenario);
                                let when = a.at.get(..10).unwrap_or_default().to_owned();
                                let a2 = a.clone();
                                view! {
                                    <tr>
                                        <td>{who}</td>
                                        <td>{what}</td>
                                        <td class="mono">{when}</td>
                                        <td>{move || practised(&a2).to_string()}</td>
                                        <td><button type="button" class="small" disabled=move || busy.get() on:click=move |_| {
                                            let mut list = assigned.get_untracked();
                                            if n < list.len() { list.remove(n); }
                                            save(list);
                                        }>{move || i18n.t(Msg::RemoveAssignment)}</button></td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
        </section>
    }
}
