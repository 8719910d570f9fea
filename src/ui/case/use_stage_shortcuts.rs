use crate::contexts::case_session::CaseSession;
use care_core::Stage;
use leptos::prelude::*;

/// Alt+→ / Alt+← move to the next / previous stage, Alt+1…8 to a stage
/// reached. Alt keeps them clear of typing in the note box.
pub fn use_stage_shortcuts(session: CaseSession) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if !ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
            return;
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
