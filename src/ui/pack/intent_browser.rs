use crate::contexts::i18n::use_i18n;
use crate::contexts::knowledge::Knowledge;
use crate::i18n::Msg;
use care_core::pack::Routing;
use leptos::prelude::*;
use std::sync::Arc;

/// The pack's intents: how each is routed, what it needs verified, its
/// prompts and the sentences it was trained on.
#[component]
pub fn IntentBrowser(
    /// The pack in force.
    knowledge: Arc<Knowledge>,
) -> impl IntoView {
    let i18n = use_i18n();
    let pack = &knowledge.pack;
    let rows = pack
        .intents
        .iter()
        .map(|it| {
            let name = it.name.clone();
            let routing = match it.routing {
                Routing::SelfService => Msg::RoutingSelfService,
                Routing::Handle => Msg::RoutingHandle,
                Routing::Specialist => Msg::RoutingSpecialist,
            };
            let level = pack.verification.levels.iter().find(|l| l.id == it.verification).map(|l| l.name.clone());
            let prompts: Vec<_> = it.prompts.iter().filter_map(|id| pack.prompts.iter().find(|p| &p.id == id)).map(|p| p.text.clone()).collect();
            let examples = it.examples.clone();
            let count = examples.zh_cn.len() + examples.en.len();
            view! {
                <li>
                    <details>
                        <summary>
                            <span class="intent-name">{let n = name.clone(); move || n.get(i18n.lang()).to_owned()}</span>
                            <span class="muted">{move || format!("{} · {} · {}", i18n.t(routing), level.as_ref().map(|l| l.get(i18n.lang()).to_owned()).unwrap_or_default(), count)}</span>
                        </summary>
                        <h3>{move || i18n.t(Msg::ListeningPrompts)}</h3>
                        <ul>{prompts.into_iter().map(|t| view! { <li>{move || t.get(i18n.lang()).to_owned()}</li> }).collect_view()}</ul>
                        <h3>{move || i18n.t(Msg::ExampleUtterances)}</h3>
                        // Customer sentences are shown as written, in either language.
                        <ul class="examples" translate="no">
                            {examples.zh_cn.into_iter().map(|e| view! { <li lang="zh-CN">{e}</li> }).collect_view()}
                            {examples.en.into_iter().map(|e| view! { <li lang="en">{e}</li> }).collect_view()}
                        </ul>
                    </details>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="intents-heading">
            <h2 id="intents-heading">{move || i18n.t(Msg::Intents)}</h2>
            <ul class="intent-list">{rows}</ul>
        </section>
    }
}
