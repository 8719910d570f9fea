use crate::contexts::case_session::use_case_session;
use crate::contexts::i18n::use_i18n;
use crate::contexts::training::use_sim_customer;
use crate::i18n::Msg;
use care_core::EventBody;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// The band that marks a training case on screen: practice, not a real
/// customer, with the scenario, and the way out to the debrief (ending the
/// session closes the case, so its result counts in the cohort).
#[component]
pub fn TrainingBand() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_case_session();
    let sim = use_sim_customer();
    let navigate = use_navigate();
    let title = sim.as_ref().map(|s| s.scenario.title.clone());
    let debrief = format!("/training/sessions/{}", session.id);
    let closed = move || {
        session
            .state
            .with(|s| s.as_ref().is_some_and(|s| s.outcome.is_some()))
    };
    let end = move |_| {
        if session.busy() {
            return;
        }
        let navigate = navigate.clone();
        let debrief = debrief.clone();
        leptos::task::spawn_local(async move {
            let done = if closed() {
                true
            } else {
                session.record(EventBody::CaseArchived).await.is_ok()
            };
            if done {
                navigate(&debrief, Default::default());
            }
        });
    };
    view! {
        <div class="training-band" role="note" data-testid="training-band">
            <strong>{move || i18n.t(Msg::TrainingBand)}</strong>
            {match title {
                Some(t) => view! { <span>{move || t.get(i18n.lang()).to_owned()}</span> }.into_any(),
                None => view! { <span role="alert">{move || i18n.t(Msg::ScenarioMissing)}</span> }.into_any(),
            }}
            <button type="button" class="small" on:click=end>
                {move || if closed() { i18n.t(Msg::SeeDebrief) } else { i18n.t(Msg::EndAndDebrief) }}
            </button>
        </div>
    }
}
