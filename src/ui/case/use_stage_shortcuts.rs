use crate::contexts::case_session::CaseSession;
use care_core::Stage;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Focuses the first element matching `selector`, if any.
fn focus(selector: &str) -> bool {
    document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .map(|e| e.focus().is_ok())
        .unwrap_or(false)
}

/// Whether the key press is typing into a field.
fn typing(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

/// Alt+→ / Alt+← move to the next / previous stage, Alt+1…8 to a stage
/// reached, Alt+N to the suggested next step, Alt+S to the stage's first
/// control, Alt+M to the note box; `?` (when not typing) toggles the help,
/// Esc closes it. Alt keeps them clear of typing.
pub fn use_stage_shortcuts(session: CaseSession, help: RwSignal<bool>) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && help.get_untracked() {
            help.set(false);
            return;
        }
        if ev.key() == "?" && !ev.alt_key() && !ev.ctrl_key() && !typing(&ev) {
            ev.prevent_default();
            help.update(|h| *h = !*h);
            if help.get_untracked() {
                request_animation_frame(|| {
                    focus("#shortcuts-close");
                });
            }
            return;
        }
        if !ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
            return;
        }
        match ev.code().as_str() {
            "KeyN" => {
                ev.prevent_default();
                if !focus(".next-action button") {
                    focus(".stage-panel .next-step-target, .stage-panel button.primary");
                }
                return;
            }
            "KeyS" => {
                ev.prevent_default();
                focus(".stage-panel .purpose ~ * input, .stage-panel .purpose ~ * select, .stage-panel .purpose ~ * textarea, .stage-panel .purpose ~ * button");
                return;
            }
            "KeyM" => {
                ev.prevent_default();
                focus("#note-draft");
                return;
            }
            _ => {}
        }
        let Some(current) = session.state.get_untracked().map(|s| s.stage) else {
            return;
        };
        let target = match ev.code().as_str() {
            "ArrowRight" => current.next(),
            "ArrowLeft" => current.prev(),
            code => code
                .strip_prefix("Digit")
                .and_then(|d| d.parse::<usize>().ok())
                .and_then(|d| d.checked_sub(1))
                .and_then(|i| Stage::ALL.get(i).copied()),
        };
        if let Some(stage) = target {
            ev.prevent_default();
            session.move_to(stage);
        }
    });
    on_cleanup(move || handle.remove());
}
