use crate::contexts::case_session::use_case_session;
use crate::contexts::drafts::Drafts;
use crate::contexts::i18n::use_i18n;
use crate::contexts::knowledge::use_knowledge;
use crate::i18n::Msg;
use care_core::EventBody;
use leptos::prelude::*;

/// How many ranked intents are recorded and shown.
const SHOWN: usize = 5;

/// The customer's first words, and the button that asks the recogniser.
#[component]
pub fn StatementForm() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_case_session();
    let knowledge = use_knowledge();
    let drafts = Drafts::of_case();
    let draft = drafts.field(
        "intake.statement",
        session
            .state
            .get_untracked()
            .and_then(|s| s.statement)
            .unwrap_or_default(),
    );
    let problem = RwSignal::new(None::<Msg>);
    // In training, the customer's opening words are in the chat pane.
    let opening = crate::contexts::training::use_sim_customer().map(|s| s.opening());

    let recognise = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if session.busy() {
            return;
        }
        let text = draft.get_untracked().trim().to_owned();
        if text.is_empty() {
            problem.set(Some(Msg::StatementEmpty));
            return;
        }
        let Some(k) = knowledge.get() else {
            problem.set(Some(Msg::NoPack));
            return;
        };
        problem.set(None);
        let recognition = k.recogniser.recognise(&text);
        leptos::task::spawn_local(async move {
            if session
                .record(EventBody::StatementTaken { text })
                .await
                .is_ok()
            {
                drafts.forget(&["intake.statement"]);
                let _ = session
                    .record(EventBody::IntentsSuggested {
                        ranked: recognition.suggestions(SHOWN),
                        unknown: recognition.unknown,
                    })
                    .await;
            }
        });
    };

    view! {
        <section class="intake-block" aria-labelledby="statement-heading">
            <h3 id="statement-heading">{move || i18n.t(Msg::FirstStatement)}</h3>
            <form class="note-form" on:submit=recognise>
                <label for="statement">{move || i18n.t(Msg::FirstStatementHint)}</label>
                <textarea id="statement" rows="2"
                    prop:value=move || draft.get()
                    on:input=move |ev| draft.set(event_target_value(&ev))></textarea>
                {move || problem.get().map(|m| view! { <p role="alert" class="error">{move || i18n.t(m)}</p> })}
                <div class="inline-form">
                    <button type="submit" class="primary">{move || i18n.t(Msg::Recognise)}</button>
                    {opening.map(|words| view! {
                        <button type="button" class="small" on:click=move |_| draft.set(words.clone())>
                            {move || i18n.t(Msg::UseCustomerWords)}
                        </button>
                    })}
                </div>
            </form>
        </section>
    }
}
