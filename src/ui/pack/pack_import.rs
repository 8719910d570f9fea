use crate::contexts::i18n::use_i18n;
use crate::contexts::knowledge::{use_knowledge, Knowledge, PackOrigin};
use crate::contexts::store::use_db;
use crate::i18n::Msg;
use crate::platform::clock;
use crate::platform::idb::StoredPack;
use crate::ui::pack::import_result::{file_text, picked_file, ImportResult, ImportState};
use care_core::pack;
use leptos::prelude::*;
use std::sync::Arc;

/// Import a replacement pack: it is checked first; an invalid file is
/// listed problem by problem and the pack in force stays.
#[component]
pub fn PackImport() -> impl IntoView {
    let i18n = use_i18n();
    let knowledge = use_knowledge();
    let db = use_db();
    let state = RwSignal::new(ImportState::Idle);

    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = picked_file(&ev) else {
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
            match pack::load(&name, &source) {
                Err(problems) => state.set(ImportState::Refused(name, problems)),
                Ok(p) => {
                    let at = clock::now()
                        .format(&time::format_description::well_known::Rfc3339)
                        .unwrap_or_default();
                    let stored = StoredPack::new(name.clone(), source, at.clone());
                    // Saved first: the pack is in force only once it is durable.
                    if store.store_pack(&stored).await.is_err() {
                        state.set(ImportState::Failed(Msg::ImportNotSaved));
                        return;
                    }
                    let origin = PackOrigin::Imported {
                        file: name.clone(),
                        imported_at: at,
                    };
                    knowledge
                        .current
                        .set(Some(Arc::new(Knowledge::new(p, origin))));
                    knowledge.stored_problems.set(Vec::new());
                    state.set(ImportState::Done(name));
                }
            }
        });
    };

    view! {
        <section class="card" aria-labelledby="import-heading">
            <h2 id="import-heading">{move || i18n.t(Msg::ImportHeading)}</h2>
            <label class="file-pick">
                <span>{move || i18n.t(Msg::ImportPack)}</span>
                <input type="file" accept=".toml,text/plain" on:change=on_file/>
            </label>
            <ImportResult state=state done=Msg::ImportDone refused=Msg::ImportRefused/>
        </section>
    }
}
