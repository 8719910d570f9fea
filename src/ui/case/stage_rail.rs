use crate::contexts::case_session::use_case_session;
use crate::contexts::i18n::use_i18n;
use crate::i18n::{stage_name, Msg};
use care_core::Stage;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The eight stages, in order: where the case is, what is done, what is not
/// reached yet. Up and down arrows move between them; Enter opens one.
#[component]
pub fn StageRail() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_case_session();

    // Arrow keys move the focus along the rail (wrapping), Home/End jump
    // to the ends; stages not reached yet are skipped (they are disabled).
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let Some(list) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let Ok(nodes) = list.query_selector_all("button:not([disabled])") else {
            return;
        };
        let buttons: Vec<web_sys::HtmlElement> = (0..nodes.length())
            .filter_map(|i| nodes.item(i)?.dyn_into().ok())
            .collect();
        let Some(last) = buttons.len().checked_sub(1) else {
            return;
        };
        let active = document().active_element();
        let at = buttons
            .iter()
            .position(|b| active.as_ref() == Some(b.as_ref()));
        let next = match (ev.key().as_str(), at) {
            ("ArrowDown" | "ArrowRight", Some(i)) => {
                if i == last {
                    0
                } else {
                    i + 1
                }
            }
            ("ArrowUp" | "ArrowLeft", Some(i)) => {
                if i == 0 {
                    last
                } else {
                    i - 1
                }
            }
            ("Home", _) => 0,
            ("End", _) => last,
            _ => return,
        };
        ev.prevent_default();
        let _ = buttons[next].focus();
    };

    view! {
        <nav class="stage-rail" aria-labelledby="stage-rail-heading">
            <h2 id="stage-rail-heading" class="visually-hidden">{move || i18n.t(Msg::Stages)}</h2>
            <ol on:keydown=on_keydown>
                {Stage::ALL.into_iter().map(|stage| {
                    let state = move || session.state.get();
                    let is_current = move || state().is_some_and(|s| s.stage == stage);
                    let reachable = move || state().is_some_and(|s| s.stage == stage || s.check_move(stage).is_ok());
                    let done = move || state().is_some_and(|s| stage < s.furthest && s.stage != stage);
                    let status = move || {
                        if is_current() { i18n.t(Msg::StageCurrent) }
                        else if !reachable() { i18n.t(Msg::StageLocked) }
                        else if done() { i18n.t(Msg::StageDone) }
                        else { "" }
                    };
                    view! {
                        <li>
                            <button
                                type="button"
                                class="stage-button"
                                class:current=is_current
                                class:done=done
                                aria-current=move || is_current().then_some("step")
                                disabled=move || !reachable()
                                on:click=move |_| session.move_to(stage)
                            >
                                <span class="stage-number" aria-hidden="true">{stage.index() + 1}</span>
                                <span class="stage-name">{move || i18n.t(stage_name(stage))}</span>
                                <span class="stage-status">{status}</span>
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <p class="hint">{move || i18n.t(Msg::KeyboardHint)}</p>
        </nav>
    }
}
