use crate::contexts::case_session::use_case_session;
use crate::contexts::i18n::use_i18n;
use crate::contexts::knowledge::use_knowledge;
use crate::contexts::verification::use_verification;
use crate::i18n::Msg;
use crate::ui::commit::commitment_draft::{CommitmentDraft, Planned};
use crate::ui::commit::commitment_view::CommitmentView;
use crate::ui::resolve::authority::{acting_role, resolve_problem};
use care_core::commit::{plan, CommitError};
use care_core::Stage;
use leptos::prelude::*;

/// A planning error as a message and the id it names.
fn commit_problem(e: &CommitError) -> (Msg, String) {
    match e {
        CommitError::UnknownSolution(id) => (Msg::UnknownSolution, id.clone()),
        CommitError::UnknownCommitment(id) => (Msg::PackFault, id.clone()),
        CommitError::Resolve(e) => resolve_problem(e),
        CommitError::Calendar(_) => (Msg::CalendarBroken, String::new()),
        CommitError::OutOfRange => (Msg::DeadlineOutOfRange, String::new()),
    }
}

/// The commit stage: draft the commitment for the chosen solution and make
/// it; once made, the words, the deadline's countdown and the tasks.
#[component]
pub fn CommitPanel() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_case_session();
    let knowledge = use_knowledge();
    let v = use_verification();

    let solution = Memo::new(move |_| {
        session
            .state
            .get()
            .and_then(|s| s.solution.map(|c| c.solution))
    });
    let made = Memo::new(move |_| session.state.get().and_then(|s| s.commitment));
    // Planned afresh each minute, so the deadline offered is the one that
    // holds when the agent makes the commitment.
    let minute = Memo::new(move |_| v.now.get().unix_timestamp() / 60);
    let planned = Memo::new(move |_| -> Planned {
        minute.track();
        let k = knowledge.get()?;
        let solution = solution.get()?;
        let Some(role) = acting_role(&k.pack) else {
            return Some(Err((Msg::NoRoles, String::new())));
        };
        Some(
            plan(&k.pack, &solution, &role.id, v.now.get_untracked())
                .map_err(|e| commit_problem(&e)),
        )
    });

    view! {
        <div class="flow commit">
            {move || match (made.get(), solution.get().is_some()) {
                (Some(record), _) => view! { <CommitmentView record=record/> }.into_any(),
                (None, false) => view! {
                    <div class="notice">
                        <p>{move || i18n.t(Msg::CommitNeedSolution)}</p>
                        <button type="button" on:click=move |_| session.move_to(Stage::Resolve)>{move || i18n.t(Msg::GoToResolve)}</button>
                    </div>
                }.into_any(),
                (None, true) => view! { <CommitmentDraft plan=planned/> }.into_any(),
            }}
        </div>
    }
}
