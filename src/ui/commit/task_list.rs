use crate::contexts::case_session::use_case_session;
use crate::contexts::i18n::use_i18n;
use crate::contexts::knowledge::use_knowledge;
use crate::i18n::Msg;
use care_core::case::TaskPlan;
use care_core::commit::format_deadline;
use care_core::EventBody;
use leptos::prelude::*;

/// The commitment's follow-up tasks, each with its owner and due time; a
/// task ticked done is recorded.
#[component]
pub fn TaskList(tasks: Vec<TaskPlan>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_case_session();
    let knowledge = use_knowledge();
    let done = Memo::new(move |_| {
        session
            .state
            .get()
            .map(|s| s.tasks_done)
            .unwrap_or_default()
    });
    let owner_name = move |id: &str| {
        let lang = i18n.lang();
        knowledge
            .get()
            .and_then(|k| {
                let pack = &k.pack;
                pack.roles
                    .iter()
                    .find(|r| r.id == id)
                    .map(|r| r.name.get(lang).to_owned())
                    .or_else(|| {
                        pack.teams
                            .iter()
                            .find(|t| t.id == id)
                            .map(|t| t.name.get(lang).to_owned())
                    })
            })
            .unwrap_or_else(|| id.to_owned())
    };
    // A box ticked while another write is under way, or whose write
    // failed, is unticked again: only a recorded task shows as done.
    let mark_done = move |task: usize, input: web_sys::HtmlInputElement| {
        if session.busy() {
            input.set_checked(false);
            return;
        }
        leptos::task::spawn_local(async move {
            if session.record(EventBody::TaskDone { task }).await.is_err() {
                input.set_checked(false);
            }
        });
    };

    view! {
        <section class="tasks" aria-labelledby="tasks-heading">
            <h3 id="tasks-heading">{move || i18n.t(Msg::Tasks)}</h3>
            <ul class="task-list">
                {tasks.into_iter().enumerate().map(|(i, t)| {
                    let input_id = format!("task-{i}");
                    let is_done = move || done.get().contains(&i);
                    let title = t.title.clone();
                    let owner = t.owner.clone();
                    let due = format_deadline(t.due);
                    view! {
                        <li class="task" class:done=is_done>
                            <input type="checkbox" id=input_id.clone()
                                prop:checked=is_done
                                disabled=is_done
                                on:change=move |ev| {
                                    let input = event_target::<web_sys::HtmlInputElement>(&ev);
                                    if input.checked() {
                                        mark_done(i, input);
                                    }
                                }/>
                            <label for=input_id>
                                <span class="task-title">{move || title.get(i18n.lang()).to_owned()}</span>
                                <span class="task-meta small">
                                    {move || i18n.fill(Msg::TaskOwner, &[("owner", &owner_name(&owner))])}
                                    " · "
                                    {move || i18n.fill(Msg::TaskDue, &[("due", due.get(i18n.lang()))])}
                                    {move || is_done().then(|| view! { " · "<span class="ok">{move || i18n.t(Msg::TaskDoneLabel)}</span> })}
                                </span>
                            </label>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
