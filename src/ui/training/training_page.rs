use crate::contexts::i18n::use_i18n;
use crate::contexts::knowledge::use_knowledge;
use crate::contexts::store::use_db;
use crate::contexts::training::library;
use crate::i18n::Msg;
use crate::platform::idb::{Assignment, ImportedScenario};
use crate::ui::training::assigned_to_me::AssignedToMe;
use crate::ui::training::assignments::Assignments;
use crate::ui::training::cohort::Cohort;
use crate::ui::training::scenario_import::ScenarioImport;
use crate::ui::training::scenario_list::ScenarioList;
use leptos::prelude::*;

/// Trainer mode's home: what the person working was assigned, the
/// scenario library (built in and imported, each checked against the pack
/// in force) to practise from, and for trainers, assignments, the cohort's
/// results and importing scenario files.
#[component]
pub fn TrainingPage() -> impl IntoView {
    let i18n = use_i18n();
    let knowledge = use_knowledge();
    let db = use_db();
    let imported = RwSignal::new(None::<Vec<ImportedScenario>>);
    let assigned = RwSignal::new(Vec::<Assignment>::new());
    leptos::task::spawn_local(async move {
        let store = db.get();
        imported.set(Some(store.imported_scenarios().await.unwrap_or_default()));
        assigned.set(store.assignments().await.unwrap_or_default());
    });
    let entries = Memo::new(move |_| {
        let k = knowledge.get()?;
        Some(library(&k.pack, &imported.get().unwrap_or_default()))
    });
    view! {
        <main id="main" class="pack-page training-page" tabindex="-1">
            <h1>{move || i18n.t(Msg::TrainingHeading)}</h1>
            <p class="muted">{move || i18n.t(Msg::TrainingExplain)}</p>
            {move || entries.get().map(|list| view! {
                <AssignedToMe entries=list.clone() assigned=assigned/>
                <ScenarioList entries=list.clone()/>
                <Assignments entries=list.clone() assigned=assigned/>
                <Cohort entries=list/>
            })}
            <ScenarioImport imported=imported/>
        </main>
    }
}
