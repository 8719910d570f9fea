use crate::contexts::i18n::use_i18n;
use crate::i18n::Msg;
use care_core::pack::Problem;
use leptos::prelude::*;

/// Every problem of a pack file: where (file, line, field) and what, in
/// the agent's language.
#[component]
pub fn ProblemList(
    /// The problems, in file order.
    problems: Vec<Problem>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ol class="problem-list">
            {problems.into_iter().map(|p| {
                let at = move || {
                    i18n.fill(Msg::ProblemAt, &[("line", &p.line.to_string()), ("column", &p.column.to_string())])
                };
                let kind = p.kind.clone();
                view! {
                    <li>
                        <span class="problem-where"><span translate="no" class="mono">{p.file.clone()}</span>" · "{at}
                            {(!p.field.is_empty()).then(|| view! { " · "<code translate="no">{p.field.clone()}</code> })}
                        </span>
                        <span class="problem-what">{move || kind.message(i18n.lang())}</span>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}
