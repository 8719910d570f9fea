use crate::contexts::case_session::use_case_session;
use crate::contexts::demo::use_demo;
use crate::contexts::i18n::use_i18n;
use crate::contexts::knowledge::use_knowledge;
use crate::contexts::verification::use_verification;
use crate::i18n::Msg;
use crate::platform::clock;
use care_core::pack::placeholders;
use care_core::EventBody;
use leptos::prelude::*;

/// For a standard enquiry: the pack's answer, and one click to give it and
/// close the case as resolved on first contact. Customer figures stay
/// hidden until the customer is verified to the answer's level.
#[component]
pub fn QuickAnswerCard() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_case_session();
    let knowledge = use_knowledge();
    let data = StoredValue::new(use_demo().data);
    let v = use_verification();

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
        let level = qa.verification.clone();
        let pack = k.clone();
        let customer = state.customer.clone();
        // Verified far enough for this answer: its level reached, not locked.
        let allowed = Signal::derive(move || {
            v.status.get().is_some_and(|s| {
                !s.locked() && pack.pack.level_rank(&s.reached.id) >= pack.pack.level_rank(&level)
            })
        });
        let answer = Signal::derive(move || {
            let lang = i18n.lang();
            let values = match (&customer, allowed.get()) {
                (Some(id), true) => data.with_value(|d| d.quick_answer_values(id, clock::now())),
                _ => Vec::new(),
            };
            let mut text = qa.answer.get(lang).to_owned();
            for name in placeholders(qa.answer.get(lang)) {
                let value = values
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, t)| t.get(lang).to_owned())
                    .unwrap_or_else(|| i18n.t(Msg::AfterVerification).to_owned());
                text = text.replace(&format!("{{{name}}}"), &value);
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
