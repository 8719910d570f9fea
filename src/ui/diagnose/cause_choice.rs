use crate::contexts::case_session::use_case_session;
use crate::contexts::i18n::use_i18n;
use crate::contexts::knowledge::use_knowledge;
use crate::i18n::Msg;
use crate::ui::diagnose::evidence::Evidence;
use care_core::{EventBody, Text};
use leptos::prelude::*;

/// Settling the cause: confirm the top suggestion, or choose another cause
/// of the intent. Either is recorded with what was suggested at the time.
#[component]
pub fn CauseChoice(#[prop(into)] evidence: Signal<Option<Evidence>>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_case_session();
    let knowledge = use_knowledge();
    let chosen = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Msg>);

    let top = Memo::new(move |_| {
        evidence
            .get()
            .and_then(|e| e.top().map(|d| (d.cause.clone(), d.name.clone())))
    });
    // Every cause the pack gives the intent, in pack order.
    let causes = Memo::new(move |_| {
        let k = knowledge.get()?;
        let intent = evidence.get()?.intent;
        Some(
            k.pack
                .causes
                .iter()
                .filter(|c| c.intents.contains(&intent))
                .map(|c| (c.id.clone(), c.name.clone()))
                .collect::<Vec<(String, Text)>>(),
        )
    });
    let confirmed = Memo::new(move |_| session.state.get().and_then(|s| s.cause));
    let has_solution = Memo::new(move |_| {
        session
            .state
            .get()
            .is_some_and(|s| s.solution.is_some() || s.commitment.is_some())
    });
    let cause_name = move |id: &str| {
        knowledge
            .get()
            .and_then(|k| {
                k.pack
                    .causes
                    .iter()
                    .find(|c| c.id == id)
                    .map(|c| c.name.get(i18n.lang()).to_owned())
            })
            .unwrap_or_else(|| i18n.fill(Msg::UnknownCause, &[("cause", id)]))
    };

    let confirm = move |cause: String| {
        if session.busy() {
            return;
        }
        if cause.is_empty() {
            problem.set(Some(Msg::ChooseCauseFirst));
            return;
        }
        problem.set(None);
        // Confirming the cause already confirmed would only clear the
        // solution and commitment that hang on it.
        if confirmed.get_untracked().is_some_and(|c| c.cause == cause) {
            return;
        }
        let suggested = top.get_untracked().map(|(id, _)| id);
        leptos::task::spawn_local(async move {
            let _ = session
                .record(EventBody::CauseConfirmed { cause, suggested })
                .await;
        });
    };

    view! {
        <section class="cause-choice" aria-labelledby="cause-choice-heading">
            <h3 id="cause-choice-heading">{move || i18n.t(Msg::ConfirmCauseHeading)}</h3>
            {move || has_solution.get().then(|| view! {
                <p class="notice small">{move || i18n.t(Msg::ChangeCauseWarning)}</p>
            })}
            {move || top.get().map(|(id, name)| {
                let label = move || i18n.fill(Msg::ConfirmTopCause, &[("cause", name.get(i18n.lang()))]);
                view! {
                    <p>
                        <button type="button" class="primary" on:click=move |_| confirm(id.clone())>
                            {label}
                        </button>
                    </p>
                }
            })}
            <form class="inline-form" on:submit=move |ev| {
                ev.prevent_default();
                confirm(chosen.get_untracked());
            }>
                <label>
                    <span>{move || i18n.t(Msg::OrChooseCause)}</span>
                    <select prop:value=move || chosen.get() on:change=move |ev| {
                        chosen.set(event_target_value(&ev));
                        problem.set(None);
                    }>
                        <option value="">{move || i18n.t(Msg::ChooseCausePlaceholder)}</option>
                        {move || causes.get().unwrap_or_default().into_iter().map(|(id, name)| {
                            let selected = chosen.get_untracked() == id;
                            view! { <option value=id selected=selected>{move || name.get(i18n.lang()).to_owned()}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <button type="submit">{move || i18n.t(Msg::ConfirmThisCause)}</button>
            </form>
            {move || problem.get().map(|m| view! { <p role="alert" class="error">{move || i18n.t(m)}</p> })}
            <div role="status">
                {move || confirmed.get().map(|c| {
                    let name = cause_name(&c.cause);
                    let note = match (&c.suggested, c.suggested.as_deref() == Some(c.cause.as_str())) {
                        (_, true) => None,
                        (Some(s), false) => Some(i18n.fill(Msg::CauseOverridden, &[("suggested", &cause_name(s))])),
                        (None, false) => Some(i18n.t(Msg::CauseChosenWithoutSuggestion).to_owned()),
                    };
                    view! {
                        <p class="confirmed-cause">
                            {i18n.fill(Msg::ConfirmedCause, &[("cause", &name)])}
                            {note.map(|n| view! { " "<span class="muted">{n}</span> })}
                        </p>
                    }
                })}
            </div>
        </section>
    }
}
