use crate::contexts::i18n::use_i18n;
use crate::format::date_time;
use crate::i18n::Msg;
use crate::platform::clock::local_offset;
use crate::ui::follow_up::follow_up_form::via_msg;
use care_core::case::FollowUp;
use leptos::prelude::*;

/// The follow-up as recorded.
#[component]
pub fn FollowUpSummary(follow_up: FollowUp) -> impl IntoView {
    let i18n = use_i18n();
    let f = follow_up;
    let solved = if f.solved {
        Msg::SolvedYes
    } else {
        Msg::SolvedNo
    };
    let satisfied = if f.satisfied {
        Msg::SatisfiedYes
    } else {
        Msg::SatisfiedNo
    };
    let at = date_time(f.at, local_offset());
    let score = |v: Option<u8>| v.map(|n| n.to_string());
    let (csat, nps) = (score(f.csat), score(f.nps));
    view! {
        <dl class="facts follow-up-summary">
            <dt>{move || i18n.t(Msg::AskSolved)}</dt>
            <dd class:ok=f.solved class:warn=!f.solved>{move || i18n.t(solved)}</dd>
            <dt>{move || i18n.t(Msg::AskSatisfied)}</dt>
            <dd class:ok=f.satisfied class:warn=!f.satisfied>{move || i18n.t(satisfied)}</dd>
            <dt>{move || i18n.t(Msg::CsatShort)}</dt>
            <dd>{move || csat.clone().unwrap_or_else(|| i18n.t(Msg::NotGiven).to_owned())}</dd>
            <dt>{move || i18n.t(Msg::NpsShort)}</dt>
            <dd>{move || nps.clone().unwrap_or_else(|| i18n.t(Msg::NotGiven).to_owned())}</dd>
            <dt>{move || i18n.t(Msg::CustomerComment)}</dt>
            <dd translate="no">{if f.comment.is_empty() { "—".to_owned() } else { f.comment.clone() }}</dd>
            <dt>{move || i18n.t(Msg::FeedbackVia)}</dt>
            <dd>{move || i18n.t(via_msg(f.via))}</dd>
            <dt>{move || i18n.t(Msg::RecordedAt)}</dt>
            <dd><time>{at}</time></dd>
        </dl>
    }
}
