use crate::contexts::case_session::use_case_session;
use crate::contexts::i18n::use_i18n;
use crate::i18n::Msg;
use crate::ui::commit::countdown::DeadlineCountdown;
use crate::ui::follow_up::follow_up_form::FollowUpForm;
use crate::ui::follow_up::follow_up_summary::FollowUpSummary;
use crate::ui::follow_up::reopen_form::ReopenForm;
use care_core::case::Outcome;
use care_core::commit::format_deadline;
use care_core::{EventBody, Stage};
use leptos::prelude::*;

/// The follow-up stage: what was promised and by when; the customer's
/// answers (solved, satisfied, scores, comments); then archive, or reopen
/// back to diagnose when it is not solved after all.
#[component]
pub fn FollowUpPanel() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_case_session();
    let editing = RwSignal::new(false);

    let commitment = Memo::new(move |_| session.state.get().and_then(|s| s.commitment));
    let follow_up = Memo::new(move |_| session.state.get().and_then(|s| s.follow_up));
    let archived = Memo::new(move |_| {
        session.state.get().and_then(|s| match s.outcome {
            Some(Outcome::Archived { solved }) => Some(solved),
            _ => None,
        })
    });
    let archive = move |_| {
        if session.busy() {
            return;
        }
        leptos::task::spawn_local(async move {
            let _ = session.record(EventBody::CaseArchived).await;
        });
    };

    view! {
        <div class="flow follow-up">
            <div role="status">
                {move || archived.get().map(|solved| view! {
                    <p class="archived">
                        <span class="badge">{move || i18n.t(Msg::Closed)}</span>" "
                        {move || i18n.t(if solved { Msg::ArchivedSolved } else { Msg::ArchivedUnsolved })}
                    </p>
                })}
            </div>
            {move || match commitment.get() {
                Some(c) => {
                    let deadline = format_deadline(c.deadline);
                    view! {
                        <section class="promised" aria-labelledby="promised-heading">
                            <h3 id="promised-heading">{move || i18n.t(Msg::Promised)}</h3>
                            <blockquote class="commitment-text" lang=c.lang.tag()>{c.text.clone()}</blockquote>
                            <p>{move || i18n.fill(Msg::PromisedBy, &[("deadline", deadline.get(i18n.lang()))])}</p>
                            {archived.get_untracked().is_none().then(|| view! { <DeadlineCountdown deadline=c.deadline/> })}
                        </section>
                    }.into_any()
                }
                None => view! {
                    <div class="notice">
                        <p>{move || i18n.t(Msg::FollowUpNeedCommitment)}</p>
                        <button type="button" on:click=move |_| session.move_to(Stage::Commit)>{move || i18n.t(Msg::GoToCommit)}</button>
                    </div>
                }.into_any(),
            }}
            {move || {
                let is_archived = archived.get().is_some();
                match (follow_up.get(), editing.get(), commitment.get().is_some()) {
                    (Some(f), false, _) => {
                        let unsolved = !f.solved;
                        view! {
                            <section class="follow-up-result" aria-labelledby="result-heading">
                                <h3 id="result-heading">{move || i18n.t(Msg::FollowUpResult)}</h3>
                                <FollowUpSummary follow_up=f/>
                                {(unsolved && !is_archived).then(|| view! { <p class="notice">{move || i18n.t(Msg::NotSolvedHint)}</p> })}
                                {(!is_archived).then(|| view! {
                                    <div class="actions">
                                        <button type="button" on:click=move |_| editing.set(true)>{move || i18n.t(Msg::ChangeAnswers)}</button>
                                        <button type="button" class="primary" on:click=archive>{move || i18n.t(Msg::Archive)}</button>
                                    </div>
                                })}
                            </section>
                        }.into_any()
                    }
                    (_, _, true) if !is_archived => view! {
                        <section class="follow-up-record" aria-labelledby="record-heading">
                            <h3 id="record-heading">{move || i18n.t(Msg::RecordFollowUpHeading)}</h3>
                            <FollowUpForm on_done=Callback::new(move |_| editing.set(false))/>
                        </section>
                    }.into_any(),
                    _ => ().into_any(),
                }
            }}
            <ReopenForm/>
        </div>
    }
}
