use crate::contexts::i18n::use_i18n;
use crate::i18n::{stage_name, Msg};
use crate::ui::training::words::{event_text, step_text};
use care_core::pack::Pack;
use care_core::sim::PathStep;
use care_core::{Event, EventBody, Stage};
use leptos::prelude::*;
use std::time::Duration;

/// How long the replay dwells on each event while playing.
const STEP: Duration = Duration::from_millis(900);

/// Scrolls the replay to its `n`th event and puts the focus there.
pub fn focus_event(n: usize) {
    request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        if let Some(el) = document()
            .get_element_by_id(&format!("replay-event-{n}"))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            el.scroll_into_view();
            let _ = el.focus();
        }
    });
}

/// The session played back event by event, with the scenario's expected
/// path beside it: each step is ticked once the replay passes the event
/// that met it.
#[component]
pub fn Replay(
    events: Vec<Event>,
    path: Vec<PathStep>,
    pack: Pack,
    at: RwSignal<usize>,
) -> impl IntoView {
    let i18n = use_i18n();
    let last = events.len().saturating_sub(1);
    let ids: Vec<_> = events.iter().map(|e| e.id).collect();
    let start = events.first().map(|e| e.at);
    let playing = RwSignal::new(false);
    let timer = StoredValue::new(None::<IntervalHandle>);
    let stop = move || {
        playing.set(false);
        // Also run at cleanup, when the stored handle may be gone already.
        if let Some(Some(h)) = timer.try_get_value() {
            h.clear();
        }
        timer.try_set_value(None);
    };
    let play = move |_| {
        if playing.get_untracked() {
            stop();
            return;
        }
        if at.get_untracked() >= last {
            at.set(0);
        }
        playing.set(true);
        if let Ok(h) = set_interval_with_handle(
            move || {
                if at.get_untracked() >= last {
                    stop();
                } else {
                    at.update(|n| *n += 1);
                }
            },
            STEP,
        ) {
            timer.set_value(Some(h));
        }
    };
    on_cleanup(stop);
    let pack_steps = pack.clone();
    let position = |id| ids.iter().position(|x| *x == id);
    let mut stages: Vec<(Stage, Vec<PathStep>)> = Vec::new();
    for step in path {
        match stages.last_mut() {
            Some((s, list)) if *s == step.stage => list.push(step),
            _ => stages.push((step.stage, vec![step])),
        }
    }
    view! {
            <section class="card replay" aria-labelledby="replay-heading">
                <h2 id="replay-heading">{move || i18n.t(Msg::ReplayHeading)}</h2>
                <div class="replay-controls">
                    <button type="button" on:click=move |_| { stop(); at.update(|n| *n = n.saturating_sub(1)); }
    >{move || i18n.t(Msg::ReplayBack)}</button>
                    <button type="button" class="primary" on:click=play data-testid="replay-play">
                        {move || if playing.get() { i18n.t(Msg::ReplayPause) } else { i18n.t(Msg::ReplayPlay) }}
                    </button>
                    <button type="button" on:click=move |_| { stop(); at.update(|n| *n = (*n + 1).min(last)); }
    >{move || i18n.t(Msg::ReplayForward)}</button>
                    <input type="range" min="0" max=last.to_string() prop:value=move || at.get().to_string()
                        aria-label=move || i18n.t(Msg::ReplayPosition)
                        on:input=move |ev| { stop(); if let Ok(n) = event_target_value(&ev).parse::<usize>() { at.set(n.min(last)); } }/>
                    <span role="status" data-testid="replay-position">{move || i18n.fill(Msg::ReplayAt, &[("n", &(at.get() + 1).to_string()), ("of", &(last + 1).to_string())])}</span>
                </div>
                <div class="replay-columns">
                    <div>
                        <h3>{move || i18n.t(Msg::ReplayTrainee)}</h3>
                        <ol class="replay-events">
                            {events.into_iter().enumerate().map(|(n, e)| {
                                let offset = start.map(|s| (e.at - s).whole_seconds().max(0)).unwrap_or(0);
                                let clock = format!("{:02}:{:02}", offset / 60, offset % 60);
                                let body = e.body.clone();
                                let pack = pack.clone();
                                let fatal_kind = matches!(e.body, EventBody::DataRevealed { .. });
                                view! {
                                    <li id=format!("replay-event-{n}") tabindex="-1" data-event=e.id.to_string()
                                        class:current=move || at.get() == n
                                        class:future=move || at.get() < n
                                        class:reveal=fatal_kind
                                        aria-current=move || (at.get() == n).then_some("step")>
                                        <span class="mono muted">{clock}</span>" "
                                        <span>{move || event_text(&body, &pack, i18n)}</span>
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                    </div>
                    <div>
                        <h3>{move || i18n.t(Msg::ReplayExpected)}</h3>
                        <ol class="expected-path" data-testid="expected-path">
                            {stages.into_iter().map(|(stage, steps)| {
                                let pack = pack_steps.clone();
                                view! {
                                    <li>
                                        <strong>{move || i18n.t(stage_name(stage))}</strong>
                                        <ul class="plain">
                                            {steps.into_iter().map(|s| {
                                                let met_at = s.met.and_then(position);
                                                let done = move || met_at.is_some_and(|m| m <= at.get());
                                                let step = s.step.clone();
                                                let pack = pack.clone();
                                                view! {
                                                    <li class:met=done data-met=move || done().to_string()>
                                                        <span aria-hidden="true">{move || if done() { "✓ " } else { "○ " }}</span>
                                                        <span class="visually-hidden">{move || if done() { i18n.t(Msg::StepMet) } else { i18n.t(Msg::StepNotMet) }}</span>
                                                        {move || step_text(&step, &pack, i18n)}
                                                        {met_at.map(|m| view! {
                                                            " "<button type="button" class="link-button" on:click=move |_| { stop(); at.set(m); focus_event(m); }>
                                                                {move || i18n.t(Msg::ShowMoment)}
                                                            </button>
                                                        })}
                                                    </li>
                                                }
                                            }).collect_view()}
                                        </ul>
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                    </div>
                </div>
            </section>
        }
}
