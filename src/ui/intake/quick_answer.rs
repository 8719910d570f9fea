use crate::contexts::case_session::use_case_session;
use crate::contexts::i18n::use_i18n;
use crate::contexts::knowledge::use_knowledge;
use crate::i18n::Msg;
use care_core::pack::placeholders;
use care_core::EventBody;
use leptos::prelude::*;

/// For a standard enquiry: the pack's answer, and one click to give it and
/// close the case as resolved on first contact. Customer figures stay
/// hidden until verification, like every other piece of personal data.
#[component]
pub fn QuickAnswerCard() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_case_session();
    let knowledge = use_knowledge();

    move || {
        let state = session.state.get()?;
        let intent = state.intent.clone()?;
        let k = knowledge.get()?;
        let qa = k
            .pack
            .quick_answers
            .iter()
            .find(|q| q.intent == intent)?
            .clone();
        let closed = state.outcome.is_some();
        let answer = Signal::derive(move || {
            let mut text = qa.answer.get(i18n.lang()).to_owned();
            for name in placeholders(qa.answer.get(i18n.lang())) {
                text = text.replace(&format!("{{{name}}}"), i18n.t(Msg::AfterVerification));
            }
            text
        });
        let give = move |_| {
            if session.busy() {
                return;
            }
            let said = answer.get_untracked();
            leptos::task::spawn_local(async move {
                let _ = session
                    .record(EventBody::QuickAnswerGiven { answer: said })
                    .await;
            });
        };
        let title = qa.title.clone();
        Some(view! {
            <section class="intake-block quick-answer" aria-labelledby="quick-answer-heading">
                <h3 id="quick-answer-heading">{move || i18n.fill(Msg::QuickAnswerTitle, &[("title", title.get(i18n.lang()))])}</h3>
                <p class="answer">{answer}</p>
                {if closed {
                    view! { <p role="status" class="saved">{move || i18n.t(Msg::CaseClosedQuick)}</p> }.into_any()
                } else {
                    view! { <button type="button" class="primary" on:click=give>{move || i18n.t(Msg::GiveQuickAnswer)}</button> }.into_any()
                }}
            </section>
        })
    }
}
