use crate::contexts::case_session::{use_case_session, STAGE_HEADING_ID};
use crate::contexts::i18n::use_i18n;
use crate::i18n::{stage_name, stage_purpose, Msg};
use crate::ui::case::next_action::NextAction;
use crate::ui::commit::commit_panel::CommitPanel;
use crate::ui::diagnose::diagnose_panel::DiagnosePanel;
use crate::ui::follow_up::follow_up_panel::FollowUpPanel;
use crate::ui::intake::intake_panel::IntakePanel;
use crate::ui::listen::listen_panel::ListenPanel;
use crate::ui::reconstruct::reconstruct_panel::ReconstructPanel;
use crate::ui::resolve::resolve_panel::ResolvePanel;
use crate::ui::verify::verify_panel::VerifyPanel;
use care_core::Stage;
use leptos::prelude::*;

/// The current stage: what it is for, and the way to the next and previous
/// stages. The stage areas (ui/listen, ui/verify, …) fill it as the flow
/// is built.
#[component]
pub fn StagePanel() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_case_session();
    // A memo, so the stage's own panel is rebuilt only when the stage
    // changes, not on every event (it keeps half-typed inputs).
    let stage = Memo::new(move |_| {
        session
            .state
            .get()
            .map(|s| s.stage)
            .unwrap_or(Stage::Intake)
    });
    let stage = move || stage.get();
    let next = move || stage().next();
    let prev = move || stage().prev();

    view! {
        <section class="stage-panel card" aria-labelledby=STAGE_HEADING_ID>
            <p class="eyebrow">{move || i18n.fill(Msg::StageN, &[("n", &(stage().index() + 1).to_string())])}</p>
            <h2 id=STAGE_HEADING_ID tabindex="-1">{move || i18n.t(stage_name(stage()))}</h2>
            <p class="purpose">{move || i18n.t(stage_purpose(stage()))}</p>
            <NextAction/>
            {move || match stage() {
                Stage::Intake => view! { <IntakePanel/> }.into_any(),
                Stage::Listen => view! { <ListenPanel/> }.into_any(),
                Stage::Verify => view! { <VerifyPanel/> }.into_any(),
                Stage::Reconstruct => view! { <ReconstructPanel/> }.into_any(),
                Stage::Diagnose => view! { <DiagnosePanel/> }.into_any(),
                Stage::Resolve => view! { <ResolvePanel/> }.into_any(),
                Stage::Commit => view! { <CommitPanel/> }.into_any(),
                Stage::FollowUp => view! { <FollowUpPanel/> }.into_any(),
            }}
            {move || session.notice.get().map(|m| view! { <p role="alert" class="error">{move || i18n.t(m)}</p> })}
            <div class="stage-moves">
                {move || prev().map(|p| view! {
                    <button type="button" on:click=move |_| session.move_to(p)>
                        {move || format!("← {}", i18n.fill(Msg::PrevStage, &[("stage", i18n.t(stage_name(p)))]))}
                    </button>
                })}
                {move || next().map(|n| view! {
                    <button type="button" class="primary" on:click=move |_| session.move_to(n)>
                        {move || format!("{} →", i18n.fill(Msg::NextStage, &[("stage", i18n.t(stage_name(n)))]))}
                    </button>
                })}
            </div>
        </section>
    }
}
