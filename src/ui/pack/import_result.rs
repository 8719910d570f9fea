use crate::contexts::i18n::use_i18n;
use crate::i18n::Msg;
use crate::ui::pack::problem_list::ProblemList;
use care_core::pack::Problem;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Where importing a file (a pack, a scenario) stands.
pub enum ImportState {
    Idle,
    Checking,
    Done(String),
    Refused(String, Vec<Problem>),
    Failed(Msg),
}

/// The file picked in a file input (the input is cleared, so picking the
/// same file again fires again), if one was.
pub fn picked_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    let input = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())?;
    let file = input.files().and_then(|f| f.get(0))?;
    input.set_value("");
    Some(file)
}

/// A picked file's text; `None` if the browser cannot read it as text.
pub async fn file_text(file: &web_sys::File) -> Option<String> {
    JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|v| v.as_string())
}

/// What an import came to: checking, done (`done` with `{file}`), refused
/// with every problem (`refused` with `{file}` and `{n}`), or failed.
#[component]
pub fn ImportResult(state: RwSignal<ImportState>, done: Msg, refused: Msg) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        state.with(|s| match s {
            ImportState::Idle => ().into_any(),
            ImportState::Checking => {
                view! { <p role="status">{move || i18n.t(Msg::ImportChecking)}</p> }.into_any()
            }
            ImportState::Done(file) => {
                let file = file.clone();
                view! { <p role="status" class="saved">{move || i18n.fill(done, &[("file", &file)])}</p> }
                    .into_any()
            }
            ImportState::Failed(m) => {
                let m = *m;
                view! { <p role="alert" class="error">{move || i18n.t(m)}</p> }.into_any()
            }
            ImportState::Refused(file, problems) => {
                let (file, n) = (file.clone(), problems.len().to_string());
                view! {
                    <div role="alert" class="import-refused">
                        <p class="error">{move || i18n.fill(refused, &[("file", &file), ("n", &n)])}</p>
                        <ProblemList problems=problems.clone()/>
                    </div>
                }
                .into_any()
            }
        })
    }
}
