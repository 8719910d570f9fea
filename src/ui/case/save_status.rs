use crate::contexts::case_session::{use_case_session, SaveStatus};
use crate::contexts::i18n::use_i18n;
use crate::i18n::Msg;
use crate::ui::case::save_message;
use leptos::prelude::*;

/// Says where the last write stands. "Saved" appears only after IndexedDB
/// has committed it.
#[component]
pub fn SaveStatusLine() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_case_session();
    let failure = move || match session.save.get() {
        SaveStatus::Failed(e) => Some(save_message(&e)),
        _ => None,
    };
    view! {
        <p class="save-status" role="status" aria-live="polite">
            {move || match session.save.get() {
                SaveStatus::Idle | SaveStatus::Failed(_) => view! { <span></span> }.into_any(),
                SaveStatus::Saving => view! { <span class="saving">{move || i18n.t(Msg::Saving)}</span> }.into_any(),
                SaveStatus::Saved => view! { <span class="saved">"✓ "{move || i18n.t(Msg::Saved)}</span> }.into_any(),
            }}
        </p>
        // A failed save interrupts: it is an alert, not a status.
        {move || failure().map(|m| view! { <p class="save-status error" role="alert">{move || i18n.t(m)}</p> })}
    }
}
