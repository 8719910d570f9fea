use crate::contexts::i18n::use_i18n;
use crate::contexts::knowledge::{use_knowledge, Knowledge, PackOrigin};
use crate::contexts::store::use_db;
use crate::i18n::Msg;
use crate::platform::clock;
use crate::platform::idb::StoredPack;
use crate::ui::pack::problem_list::ProblemList;
use care_core::pack::{self, Problem};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

enum ImportState {
    Idle,
    Checking,
    Done(String),
    Refused(String, Vec<Problem>),
    Failed(Msg),
}

/// Import a replacement pack: it is checked first; an invalid file is
/// listed problem by problem and the pack in force stays.
#[component]
pub fn PackImport() -> impl IntoView {
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
            {move || state.with(|s| match s {
                ImportState::Idle => ().into_any(),
                ImportState::Checking => view! { <p role="status">{move || i18n.t(Msg::ImportChecking)}</p> }.into_any(),
                ImportState::Done(file) => {
                    let file = file.clone();
                    view! { <p role="status" class="saved">{move || i18n.fill(Msg::ImportDone, &[("file", &file)])}</p> }.into_any()
                }
                ImportState::Failed(m) => {
                    let m = *m;
                    view! { <p role="alert" class="error">{move || i18n.t(m)}</p> }.into_any()
                }
                ImportState::Refused(file, problems) => {
                    let (file, n) = (file.clone(), problems.len().to_string());
                    view! {
                        <div role="alert" class="import-refused">
                            <p class="error">{move || i18n.fill(Msg::ImportRefused, &[("file", &file), ("n", &n)])}</p>
                            <ProblemList problems=problems.clone()/>
                        </div>
                    }.into_any()
                }
            })}
        </section>
    }
}
