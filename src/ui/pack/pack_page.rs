use crate::contexts::i18n::use_i18n;
use crate::contexts::knowledge::{use_knowledge, Knowledge, PackOrigin};
use crate::contexts::store::use_db;
use crate::i18n::Msg;
use crate::ui::pack::intent_browser::IntentBrowser;
use crate::ui::pack::pack_import::PackImport;
use crate::ui::pack::problem_list::ProblemList;
use care_core::pack;
use leptos::prelude::*;
use std::sync::Arc;

/// For team leads: the pack in force, its contents, and importing another.
#[component]
pub fn PackPage() -> impl IntoView {
    let i18n = use_i18n();
    let knowledge = use_knowledge();
    let db = use_db();

    let restore = move |_| {
        let store = db.get();
        leptos::task::spawn_local(async move {
            if store.forget_pack().await.is_ok() {
                if let Ok(p) = pack::load(pack::DEMO_PACK_FILE, pack::DEMO_PACK) {
                    knowledge
                        .current
                        .set(Some(Arc::new(Knowledge::new(p, PackOrigin::Embedded))));
                }
            }
        });
    };

    view! {
        <main id="main" class="pack-page" tabindex="-1">
            <h1>{move || i18n.t(Msg::KnowledgePack)}</h1>
            {move || {
                let broken = knowledge.embedded_problems.get();
                (!broken.is_empty()).then(|| view! {
                    <div role="alert"><p class="error">{move || i18n.t(Msg::EmbeddedBroken)}</p><ProblemList problems=broken.clone()/></div>
                })
            }}
            {move || {
                let refused = knowledge.server_problems.get();
                (!refused.is_empty()).then(|| view! {
                    <div role="alert"><p class="error">{move || i18n.t(Msg::ServerPackBroken)}</p><ProblemList problems=refused.clone()/></div>
                })
            }}
            {move || {
                let stale = knowledge.stored_problems.get();
                (!stale.is_empty()).then(|| view! {
                    <div role="alert"><p class="error">{move || i18n.t(Msg::StoredBroken)}</p><ProblemList problems=stale.clone()/></div>
                })
            }}
            {move || knowledge.get().map(|k| {
                let p = &k.pack;
                let name = p.name.clone();
                let version = p.version.clone();
                let counts = p.counts();
                let count = move |key: &str| counts.get(key).copied().unwrap_or(0).to_string();
                let summary = {
                    let (a, b, c, d) = (count("intents"), count("examples"), count("causes"), count("solutions"));
                    move || i18n.fill(Msg::PackCounts, &[("intents", &a), ("examples", &b), ("causes", &c), ("solutions", &d)])
                };
                let origin = k.origin.clone();
                let imported = matches!(origin, PackOrigin::Imported { .. });
                view! {
                    <section class="card" aria-labelledby="pack-heading">
                        <h2 id="pack-heading">{move || name.get(i18n.lang()).to_owned()}</h2>
                        <dl class="facts">
                            <dt>{move || i18n.t(Msg::PackVersion)}</dt><dd translate="no">{version}</dd>
                            <dt>{move || i18n.t(Msg::PackSource)}</dt>
                            <dd>{move || match &origin {
                                PackOrigin::Embedded => i18n.t(Msg::PackEmbedded).to_owned(),
                                PackOrigin::Imported { file, imported_at } => i18n.fill(Msg::PackImportedFrom, &[("file", file), ("at", imported_at)]),
                                PackOrigin::Server { id } => i18n.fill(Msg::PackFromServer, &[("id", id)]),
                            }}</dd>
                        </dl>
                        <p>{summary}</p>
                        {imported.then(|| view! { <button type="button" on:click=restore>{move || i18n.t(Msg::RestoreEmbedded)}</button> })}
                    </section>
                    <IntentBrowser knowledge=k.clone()/>
                }
            })}
            <PackImport/>
        </main>
    }
}
