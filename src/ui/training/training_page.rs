use crate::contexts::i18n::use_i18n;
use crate::contexts::knowledge::use_knowledge;
use crate::contexts::store::use_db;
use crate::i18n::Msg;
use crate::platform::idb::ImportedScenario;
use crate::ui::training::scenario_import::ScenarioImport;
use crate::ui::training::scenario_list::{LibraryEntry, ScenarioList};
use care_core::sim;
use leptos::prelude::*;

/// The training scenarios: the built-in library and those imported on
/// this device, each checked against the pack in force.
#[component]
pub fn TrainingPage() -> impl IntoView {
    let i18n = use_i18n();
    let knowledge = use_knowledge();
    let db = use_db();
    let imported = RwSignal::new(None::<Vec<ImportedScenario>>);
    leptos::task::spawn_local(async move {
        imported.set(Some(
            db.get().imported_scenarios().await.unwrap_or_default(),
        ));
    });
    let entries = Memo::new(move |_| {
        let k = knowledge.get()?;
        let (built_in, _) = sim::library(&k.pack);
        let mut list: Vec<LibraryEntry> = built_in
            .into_iter()
            .map(|s| LibraryEntry {
                scenario: s,
                file: None,
            })
            .collect();
        for f in imported.get().unwrap_or_default() {
            // One that no longer fits the pack in force is left out (the
            // import said why when it was refused).
            if let Ok(s) = sim::load(&f.file, &f.source, &k.pack) {
                list.push(LibraryEntry {
                    scenario: s,
                    file: Some(f.file),
                });
            }
        }
        // Easiest first, so a new trainee finds where to start.
        list.sort_by(|a, b| {
            (a.scenario.level, &a.scenario.id).cmp(&(b.scenario.level, &b.scenario.id))
        });
        Some(list)
    });
    view! {
        <main id="main" class="pack-page training-page" tabindex="-1">
            <h1>{move || i18n.t(Msg::TrainingHeading)}</h1>
            <p class="muted">{move || i18n.t(Msg::TrainingExplain)}</p>
            {move || entries.get().map(|list| view! { <ScenarioList entries=list/> })}
            <ScenarioImport imported=imported/>
        </main>
    }
}
