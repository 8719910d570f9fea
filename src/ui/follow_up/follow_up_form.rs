use crate::contexts::case_session::use_case_session;
use crate::contexts::drafts::Drafts;
use crate::contexts::i18n::use_i18n;
use crate::i18n::Msg;
use crate::ui::follow_up::score_scale::ScoreScale;
use crate::ui::follow_up::yes_no::YesNo;
use care_core::case::FeedbackVia;
use care_core::EventBody;
use leptos::prelude::*;

pub fn via_msg(v: FeedbackVia) -> Msg {
    match v {
        FeedbackVia::Callback => Msg::ViaCallback,
        FeedbackVia::OnlineSurvey => Msg::ViaOnlineSurvey,
        FeedbackVia::AppPopUp => Msg::ViaAppPopUp,
    }
}

/// The form's fields kept as drafts until the follow-up is recorded.
const DRAFT_FIELDS: [&str; 6] = [
    "follow_up.solved",
    "follow_up.satisfied",
    "follow_up.csat",
    "follow_up.nps",
    "follow_up.comment",
    "follow_up.via",
];

/// Recording the follow-up: solved, satisfied, the two scores, the
/// customer's comments and how the answers came.
#[component]
pub fn FollowUpForm(
    /// Called once the answers are recorded.
    on_done: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_case_session();
    let drafts = Drafts::of_case();
    let solved = drafts.field(DRAFT_FIELDS[0], None::<bool>);
    let satisfied = drafts.field(DRAFT_FIELDS[1], None::<bool>);
    let csat = drafts.field(DRAFT_FIELDS[2], None::<u8>);
    let nps = drafts.field(DRAFT_FIELDS[3], None::<u8>);
    let comment = drafts.field(DRAFT_FIELDS[4], String::new());
    let via = drafts.field(DRAFT_FIELDS[5], FeedbackVia::Callback);
    let problem = RwSignal::new(false);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Some(solved), Some(satisfied)) = (solved.get_untracked(), satisfied.get_untracked())
        else {
            problem.set(true);
            return;
        };
        if session.busy() {
            return;
        }
        problem.set(false);
        let body = EventBody::FollowUpRecorded {
            solved,
            satisfied,
            csat: csat.get_untracked(),
            nps: nps.get_untracked(),
            comment: comment.get_untracked().trim().to_owned(),
            via: via.get_untracked(),
        };
        leptos::task::spawn_local(async move {
            if session.record(body).await.is_ok() {
                drafts.forget(&DRAFT_FIELDS);
                on_done.run(());
            }
        });
    };

    view! {
        <form class="follow-up-form" on:submit=submit>
            <YesNo name="fu-solved" legend=Msg::AskSolved value=solved/>
            <YesNo name="fu-satisfied" legend=Msg::AskSatisfied value=satisfied/>
            <ScoreScale name="fu-csat" legend=Msg::Csat from=1 to=5 value=csat/>
            <ScoreScale name="fu-nps" legend=Msg::Nps from=0 to=10 value=nps/>
            <label class="field">
                <span>{move || i18n.t(Msg::CustomerComment)}</span>
                <textarea rows="3" prop:value=move || comment.get()
                    on:input=move |ev| comment.set(event_target_value(&ev))></textarea>
            </label>
            <fieldset class="choice-group">
                <legend>{move || i18n.t(Msg::FeedbackVia)}</legend>
                {FeedbackVia::ALL.into_iter().map(|v| view! {
                    <label class="choice">
                        <input type="radio" name="fu-via" value=v.slug()
                            prop:checked=move || via.get() == v
                            on:change=move |_| via.set(v)/>
                        {move || i18n.t(via_msg(v))}
                    </label>
                }).collect_view()}
            </fieldset>
            {move || problem.get().then(|| view! { <p role="alert" class="error">{move || i18n.t(Msg::AnswerSolvedSatisfied)}</p> })}
            <div class="actions">
                <button type="submit" class="primary">{move || i18n.t(Msg::RecordFollowUp)}</button>
            </div>
        </form>
    }
}
