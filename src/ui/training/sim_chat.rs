use crate::contexts::case_session::use_case_session;
use crate::contexts::demo::use_demo;
use crate::contexts::i18n::use_i18n;
use crate::contexts::training::{can_speak, speak, use_sim_customer};
use crate::i18n::Msg;
use crate::ui::training::live_score::LiveScore;
use crate::ui::training::words::question_text;
use care_core::sim::Question;
use care_core::{EventBody, EventId};
use leptos::prelude::*;

/// The simulated customer's side of a training case: what they said, a
/// box for the trainee's own questions, their patience and the score so
/// far. A listen-stage prompt asked in the case is put to the customer too.
#[component]
pub fn SimChat() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_case_session();
    let Some(sim) = use_sim_customer() else {
        return ().into_any();
    };
    let demo = use_demo();
    let caller = sim
        .scenario
        .customer_id()
        .and_then(|id| demo.customer(&id).map(|c| c.msisdn.clone()));
    let persona = sim.scenario.persona.name.clone();
    let patience_max = sim.scenario.persona.patience;
    let opening = sim.opening();
    let sim = StoredValue::new(sim);
    let question = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Msg>);

    // The prompt the agent just asked, put to the customer once.
    let answered = StoredValue::new(None::<EventId>);
    Effect::new(move |_| {
        let last = session.log.with(|l| l.events().last().cloned());
        let Some(e) = last else { return };
        let EventBody::PromptAsked { prompt } = e.body else {
            return;
        };
        if answered.get_value() == Some(e.id) {
            return;
        }
        answered.set_value(Some(e.id));
        let sim = sim.get_value();
        leptos::task::spawn_local(async move {
            let _ = sim.ask(session, Question::Prompt(prompt)).await;
        });
    });

    let turns = Memo::new(move |_| session.state.get().map(|s| s.turns).unwrap_or_default());
    let patience = move || {
        turns.with(|t| {
            t.last()
                .map(|(_, t)| t.patience_left)
                .unwrap_or(patience_max)
        })
    };
    let over = move || turns.with(|t| t.last().is_some_and(|(_, t)| t.patience_left == 0));

    let ask = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = question.get_untracked().trim().to_owned();
        if text.is_empty() {
            problem.set(Some(Msg::QuestionEmpty));
            return;
        }
        if session.busy() || sim.with_value(|s| s.asking.get_untracked()) {
            return;
        }
        problem.set(None);
        let sim = sim.get_value();
        leptos::task::spawn_local(async move {
            if sim.ask(session, Question::Free(text)).await.is_ok() {
                question.set(String::new());
            }
        });
    };

    let asked_text =
        move |q: &Question| sim.with_value(|s| question_text(q, &s.knowledge.pack, i18n));
    let speaking = sim.with_value(|s| s.speak);
    let toggle_speech = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        speaking.set(on);
        if on {
            // Say the last thing the customer said, so the trainee hears
            // the voice straight away.
            let last = turns
                .with_untracked(|t| t.last().map(|(_, t)| t.said.clone()))
                .unwrap_or_else(|| sim.with_value(|s| s.opening()));
            speak(&last, sim.with_value(|s| s.lang));
        }
    };

    view! {
        <section class="card sim-chat" aria-labelledby="sim-heading">
            <h2 id="sim-heading">{move || i18n.fill(Msg::SimCustomerHeading, &[("name", persona.get(i18n.lang()))])}</h2>
            <p class="small muted">
                {caller.map(|n| view! { <span>{move || i18n.t(Msg::CallerNumber)}" "<span class="mono" translate="no" data-testid="caller-number">{n.clone()}</span>" · "</span> })}
                <span data-testid="patience">{move || i18n.fill(Msg::PatienceLeft, &[("n", &patience().to_string()), ("max", &patience_max.to_string())])}</span>
            </p>
            <div class="chat-log" role="log" aria-live="polite" aria-label=move || i18n.t(Msg::ConversationLabel)>
            <ol>
                <li class="from-customer" lang=move || sim.with_value(|s| s.lang.tag())>
                    <span class="who">{move || i18n.t(Msg::CustomerSays)}</span>
                    <p>{opening}</p>
                </li>
                <For each=move || turns.get() key=|(id, _)| *id let:((id, turn))>
                    <li class="from-trainee" data-turn=id.to_string()>
                        <span class="who">{move || i18n.t(Msg::TraineeAsks)}</span>
                        <p>{let q = turn.question.clone(); move || asked_text(&q)}</p>
                    </li>
                    <li class="from-customer" data-reply=id.to_string() lang=move || sim.with_value(|s| s.lang.tag())>
                        <span class="who">{move || i18n.t(Msg::CustomerSays)}</span>
                        <p>{turn.said.clone()}</p>
                    </li>
                </For>
            </ol>
            </div>
            {move || over().then(|| view! { <p role="alert" class="error">{move || i18n.t(Msg::CustomerGaveUp)}</p> })}
            <form class="chat-form" on:submit=ask>
                <label for="sim-question">{move || i18n.t(Msg::AskCustomer)}</label>
                <div class="inline-form">
                    <input id="sim-question" type="text" autocomplete="off" maxlength="300"
                        prop:value=move || question.get()
                        on:input=move |ev| question.set(event_target_value(&ev))/>
                    <button type="submit" class="primary" disabled=move || sim.with_value(|s| s.asking.get())>
                        {move || i18n.t(Msg::AskButton)}
                    </button>
                </div>
                {move || problem.get().map(|m| view! { <p role="alert" class="error">{move || i18n.t(m)}</p> })}
            </form>
            {can_speak().then(|| view! {
                <label class="check">
                    <input type="checkbox" prop:checked=move || speaking.get() on:change=toggle_speech/>
                    {move || i18n.t(Msg::ReadAloud)}
                </label>
            })}
            <LiveScore/>
        </section>
    }
    .into_any()
}
