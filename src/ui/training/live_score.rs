use crate::contexts::case_session::use_case_session;
use crate::contexts::i18n::use_i18n;
use crate::contexts::training::use_sim_customer;
use crate::i18n::Msg;
use crate::ui::training::words::rule_name;
use care_core::sim::score_case;
use leptos::prelude::*;

/// The score so far, refreshed with every event: the trainee sees points
/// come and go as they work.
#[component]
pub fn LiveScore() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_case_session();
    let Some(sim) = use_sim_customer() else {
        return ().into_any();
    };
    let score = Memo::new(move |_| {
        session.log.with(|log| {
            let events: Vec<_> = log.events().cloned().collect();
            score_case(&sim.scenario, &sim.knowledge.pack, &events)
        })
    });
    view! {
        <details class="live-score">
            <summary data-testid="live-score">
                {move || score.with(|s| i18n.fill(Msg::ScoreSoFar, &[("earned", &s.earned.to_string()), ("max", &s.max.to_string())]))}
                {move || score.with(|s| s.fatal.is_some()).then(|| view! { <strong class="error">" "{move || i18n.t(Msg::FatalShort)}</strong> })}
            </summary>
            <ul class="plain">
                {move || score.with(|s| s.items.iter().map(|item| {
                    let rule = rule_name(item.rule);
                    let points = format!("{} / {}", item.earned, item.max);
                    view! { <li><span>{move || i18n.t(rule)}</span>" "<span class="mono">{points}</span></li> }
                }).collect_view())}
            </ul>
        </details>
    }
    .into_any()
}
