use crate::contexts::case_session::use_case_session;
use crate::contexts::drafts::Drafts;
use crate::contexts::i18n::use_i18n;
use crate::format::date_time;
use crate::i18n::{stage_name, Msg};
use crate::platform::clock::local_offset;
use care_core::{EventBody, NoteError, NOTE_MAX_CHARS};
use leptos::prelude::*;

/// The case's notes, oldest first, and a box to add one. The text stays in
/// the box until the note is durably saved.
#[component]
pub fn Notes() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_case_session();
    let draft = Drafts::of_case().field("note", String::new());
    let problem = RwSignal::new(None::<String>);
    let offset = local_offset();

    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if session.busy() {
            return;
        }
        match EventBody::note(&draft.get_untracked()) {
            Err(NoteError::Empty) => problem.set(Some(i18n.t(Msg::NoteEmpty).to_owned())),
            Err(NoteError::TooLong { chars }) => problem.set(Some(i18n.fill(
                Msg::NoteTooLong,
                &[
                    ("chars", &chars.to_string()),
                    ("max", &NOTE_MAX_CHARS.to_string()),
                ],
            ))),
            Ok(body) => {
                problem.set(None);
                leptos::task::spawn_local(async move {
                    if session.record(body).await.is_ok() {
                        draft.set(String::new());
                    }
                });
            }
        }
    };

    let notes = move || session.state.get().map(|s| s.notes).unwrap_or_default();

    view! {
        <section class="notes card" aria-labelledby="notes-heading">
            <h2 id="notes-heading">{move || i18n.t(Msg::Notes)}</h2>
            <Show when=move || notes().is_empty()>
                <p class="muted">{move || i18n.t(Msg::NoNotes)}</p>
            </Show>
            // Keyed: a new note adds one row instead of redrawing them all.
            <ol class="note-list">
                <For each=notes key=|n| n.id let:n>
                    {
                        let at = date_time(n.at, offset);
                        view! {
                            <li class="note">
                                <p class="note-meta">
                                    <time>{at}</time>" · "
                                    {move || i18n.fill(Msg::NoteInStage, &[("stage", i18n.t(stage_name(n.stage)))])}
                                </p>
                                <p class="note-text" translate="no">{n.text.clone()}</p>
                            </li>
                        }
                    }
                </For>
            </ol>
            <form class="note-form" on:submit=add>
                <label for="note-draft">{move || i18n.t(Msg::NoteLabel)}</label>
                <textarea
                    id="note-draft"
                    rows="3"
                    placeholder=move || i18n.t(Msg::NotePlaceholder)
                    prop:value=move || draft.get()
                    on:input=move |ev| draft.set(event_target_value(&ev))
                ></textarea>
                {move || problem.get().map(|p| view! { <p role="alert" class="error">{p}</p> })}
                <button type="submit" class="primary">{move || i18n.t(Msg::AddNote)}</button>
            </form>
        </section>
    }
}
