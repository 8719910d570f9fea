use crate::contexts::i18n::use_i18n;
use crate::contexts::knowledge::use_knowledge;
use crate::contexts::store::use_db;
use crate::i18n::Msg;
use crate::platform::clock;
use crate::platform::idb::ImportedScenario;
use crate::ui::pack::import_result::{file_text, picked_file, ImportResult, ImportState};
use care_core::sim;
use leptos::prelude::*;

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
        let Some(file) = picked_file(&ev) else {
            return;
        };
        let Some(k) = knowledge.current.get_untracked() else {
            return;
        };
        state.set(ImportState::Checking);
        let name = file.name();
        let store = db.get();
        leptos::task::spawn_local(async move {
            let Some(source) = file_text(&file).await else {
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
            <ImportResult state=state done=Msg::ScenarioImportDone refused=Msg::ScenarioImportRefused/>
        </section>
    }
}
