use crate::contexts::i18n::use_i18n;
use crate::contexts::knowledge::use_knowledge;
use crate::contexts::store::use_db;
use crate::i18n::Msg;
use crate::platform::clock;
use crate::platform::idb::ImportedScenario;
use crate::ui::pack::problem_list::ProblemList;
use care_core::pack::Problem;
use care_core::sim;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

enum ImportState {
    Idle,
    Checking,
    Done(String),
    Refused(String, Vec<Problem>),
    Failed(Msg),
}

/// A trainer imports a scenario file: checked against the pack in force
/// first; a broken file is listed problem by problem and the library
/// stays as it was. A file whose scenario id is already imported
/// replaces that one; a built-in id is refused.
#[component]
pub fn ScenarioImport(imported: RwSignal<Option<Vec<ImportedScenario>>>) -> impl IntoView {
    let i18n = use_i18n();
    let knowledge = use_knowledge();
    let db = use_db();
    let state = RwSignal::new(ImportState::Idle);

    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        let Some(k) = knowledge.current.get_untracked() else {
            return;
        };
        state.set(ImportState::Checking);
        let name = file.name();
        let store = db.get();
        leptos::task::spawn_local(async move {
            let Some(source): Option<String> = JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string())
            else {
                state.set(ImportState::Failed(Msg::ImportUnreadable));
                return;
            };
            let scenario = match sim::load(&name, &source, &k.pack) {
                Ok(s) => s,
                Err(problems) => {
                    state.set(ImportState::Refused(name, problems));
                    return;
                }
            };
            if sim::library(&k.pack).0.iter().any(|s| s.id == scenario.id) {
                state.set(ImportState::Failed(Msg::ScenarioIdBuiltIn));
                return;
            }
            let mut files = imported.get_untracked().unwrap_or_default();
            files.retain(|f| {
                sim::load(&f.file, &f.source, &k.pack).map_or(true, |s| s.id != scenario.id)
            });
            files.push(ImportedScenario {
                file: name.clone(),
                source,
                imported_at: clock::now()
                    .format(&time::format_description::well_known::Rfc3339)
                    .unwrap_or_default(),
            });
            // In the library only once it is durable.
            if store.store_imported_scenarios(&files).await.is_err() {
                state.set(ImportState::Failed(Msg::ImportNotSaved));
                return;
            }
            imported.set(Some(files));
            state.set(ImportState::Done(name));
        });
    };

    view! {
        <section class="card" aria-labelledby="scenario-import-heading">
            <h2 id="scenario-import-heading">{move || i18n.t(Msg::ScenarioImportHeading)}</h2>
            <label class="file-pick">
                <span>{move || i18n.t(Msg::ScenarioImportButton)}</span>
                <input type="file" accept=".toml,text/plain" on:change=on_file/>
            </label>
            {move || state.with(|s| match s {
                ImportState::Idle => ().into_any(),
                ImportState::Checking => view! { <p role="status">{move || i18n.t(Msg::ImportChecking)}</p> }.into_any(),
                ImportState::Done(file) => {
                    let file = file.clone();
                    view! { <p role="status" class="saved">{move || i18n.fill(Msg::ScenarioImportDone, &[("file", &file)])}</p> }.into_any()
                }
                ImportState::Failed(m) => {
                    let m = *m;
                    view! { <p role="alert" class="error">{move || i18n.t(m)}</p> }.into_any()
                }
                ImportState::Refused(file, problems) => {
                    let (file, n) = (file.clone(), problems.len().to_string());
                    view! {
                        <div role="alert" class="import-refused">
                            <p class="error">{move || i18n.fill(Msg::ScenarioImportRefused, &[("file", &file), ("n", &n)])}</p>
                            <ProblemList problems=problems.clone()/>
                        </div>
                    }.into_any()
                }
            })}
        </section>
    }
}
