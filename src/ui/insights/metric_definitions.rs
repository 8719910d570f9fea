use crate::contexts::i18n::use_i18n;
use crate::i18n::Msg;
use care_core::insight::definitions::DEFINITIONS;
use leptos::prelude::*;

/// How every figure on the screen is counted, in the team lead's words:
/// the help the column tooltips point to, folded away until asked for.
#[component]
pub fn MetricDefinitions() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <details class="card metric-definitions" id="metric-definitions" data-testid="metric-definitions">
            <summary><h2>{move || i18n.t(Msg::DefinitionsHeading)}</h2></summary>
            <dl>
                {DEFINITIONS.iter().map(|d| view! {
                    <dt id=format!("def-{}", d.key)>{move || d.name(i18n.lang())}</dt>
                    <dd>{move || d.body(i18n.lang())}</dd>
                }).collect_view()}
            </dl>
        </details>
    }
}
