use crate::contexts::i18n::use_i18n;
use crate::contexts::search::Results;
use crate::i18n::Msg;
use crate::ui::cases::bulk_export::BulkExport;
use crate::ui::cases::case_table::CaseTable;
use care_core::search::Query;
use care_core::Lang;
use leptos::prelude::*;

/// The count and the table of what a search found.
#[component]
pub fn SearchResults(
    /// What the index found.
    results: Memo<Results>,
    /// What was asked: with nothing asked, an empty archive says so.
    query: Memo<Query>,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let found = results.get();
        let total = found.total;
        if total == 0 {
            let msg = if query.with(Query::is_empty) {
                Msg::NoCases
            } else {
                Msg::SearchNone
            };
            return view! { <p class="muted" role="status">{move || i18n.t(msg)}</p> }.into_any();
        }
        let shown = found.cases.len();
        view! {
            <p class="search-count" role="status">
                {move || {
                    let mut line = if total == 1 {
                        i18n.t(Msg::SearchFoundOne).to_owned()
                    } else {
                        i18n.fill(Msg::SearchFound, &[("total", &total.to_string())])
                    };
                    if shown < total {
                        // Chinese runs sentences together; English spaces them.
                        if i18n.lang() == Lang::En {
                            line.push(' ');
                        }
                        line.push_str(&i18n.fill(Msg::SearchShowing, &[("shown", &shown.to_string())]));
                    }
                    line
                }}
            </p>
            <BulkExport query=query total=total/>
            <CaseTable cases=found.cases/>
        }
        .into_any()
    }
}
