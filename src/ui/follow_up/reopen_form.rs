use crate::contexts::case_session::{focus_stage_heading, use_case_session};
use crate::contexts::drafts::Drafts;
use crate::contexts::i18n::use_i18n;
use crate::i18n::Msg;
use care_core::EventBody;
use leptos::prelude::*;

/// Reopening: not solved after all. The reason is required; the case goes
/// back to diagnose with its history kept.
#[component]
pub fn ReopenForm() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_case_session();
    let drafts = Drafts::of_case();
    let open = drafts.field("reopen.open", false);
    let reason = drafts.field("reopen.reason", String::new());
    let problem = RwSignal::new(false);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = reason.get_untracked().trim().to_owned();
        if text.is_empty() {
            problem.set(true);
            return;
        }
        if session.busy() {
            return;
        }
        problem.set(false);
        leptos::task::spawn_local(async move {
            if session
                .record(EventBody::CaseReopened { reason: text })
                .await
                .is_ok()
            {
                drafts.forget(&["reopen.open", "reopen.reason"]);
                focus_stage_heading();
            }
        });
    };

    view! {
        <section class="reopen" aria-labelledby="reopen-heading">
            <h3 id="reopen-heading">{move || i18n.t(Msg::ReopenHeading)}</h3>
            {move || if open.get() {
                view! {
                    <form class="reject-form" on:submit=submit>
                        <label for="reopen-reason">{move || i18n.t(Msg::ReopenReason)}</label>
                        <textarea id="reopen-reason" rows="2" aria-required="true"
                            aria-invalid=move || problem.get().to_string()
                            aria-describedby=move || problem.get().then_some("reopen-error")
                            prop:value=move || reason.get()
                            on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                        {move || problem.get().then(|| view! {
                            <p id="reopen-error" role="alert" class="error">{move || i18n.t(Msg::ReopenReasonRequired)}</p>
                        })}
                        <div class="actions">
                            <button type="submit" class="primary">{move || i18n.t(Msg::ConfirmReopen)}</button>
                            <button type="button" on:click=move |_| { reason.set(String::new()); open.set(false) }>{move || i18n.t(Msg::Cancel)}</button>
                        </div>
                    </form>
                }.into_any()
            } else {
                view! {
                    <p class="muted small">{move || i18n.t(Msg::ReopenExplain)}</p>
                    <button type="button" on:click=move |_| open.set(true)>{move || i18n.t(Msg::Reopen)}</button>
                }.into_any()
            }}
        </section>
    }
}
