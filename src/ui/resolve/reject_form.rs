use crate::contexts::case_session::use_case_session;
use crate::contexts::drafts::Drafts;
use crate::contexts::i18n::use_i18n;
use crate::i18n::Msg;
use care_core::EventBody;
use leptos::prelude::*;

/// Turning a solution down: the reason is required, in the agent's words.
#[component]
pub fn RejectForm(
    solution: String,
    /// Tells the card the form is done (recorded or cancelled).
    on_close: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_case_session();
    let reason = Drafts::of_case().field(&format!("reject.{solution}"), String::new());
    let problem = RwSignal::new(false);
    let field_id = format!("reject-reason-{solution}");
    let error_id = format!("reject-error-{solution}");
    let error_ref = error_id.clone();

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
        let solution = solution.clone();
        leptos::task::spawn_local(async move {
            let body = EventBody::SolutionRejected {
                solution,
                reason: text,
            };
            if session.record(body).await.is_ok() {
                reason.set(String::new());
                on_close.run(());
            }
        });
    };

    view! {
        <form class="reject-form" on:submit=submit>
            <label for=field_id.clone()>{move || i18n.t(Msg::RejectReasonLabel)}</label>
            <textarea id=field_id rows="2" aria-required="true"
                aria-invalid=move || problem.get().to_string()
                aria-describedby=move || problem.get().then(|| error_ref.clone())
                prop:value=move || reason.get()
                on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
            {move || problem.get().then(|| view! {
                <p id=error_id.clone() role="alert" class="error">{move || i18n.t(Msg::RejectReasonRequired)}</p>
            })}
            <div class="actions">
                <button type="submit">{move || i18n.t(Msg::ConfirmReject)}</button>
                <button type="button" on:click=move |_| { reason.set(String::new()); on_close.run(()) }>{move || i18n.t(Msg::Cancel)}</button>
            </div>
        </form>
    }
}
