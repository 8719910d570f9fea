use crate::contexts::demo::use_reference;
use crate::contexts::i18n::{use_i18n, I18n};
use crate::contexts::knowledge::use_knowledge;
use crate::contexts::search::use_search;
use crate::format::case_ref;
use crate::i18n::Msg;
use crate::platform::{clock, download};
use care_core::insight::gaps::{gaps_csv, Gaps};
use care_core::insight::{Casebook, Filter};
use care_core::pack::{Named, Pack};
use care_core::CaseId;
use leptos::prelude::*;

/// Entries shown per list; the rest are in the CSV.
const SHOWN: usize = 15;
/// Case links shown per entry before "all n".
const LINKS: usize = 8;

/// One entry of a gap list as the screen shows it.
struct Entry {
    title: String,
    /// The title is what a customer said (not interface text).
    said: bool,
    detail: String,
    /// Words agents or customers typed, after the detail.
    words: Option<String>,
    count: String,
    cases: Vec<CaseId>,
}

fn counted(items: &[(String, usize)], name: impl Fn(&str) -> String, i18n: I18n) -> String {
    items
        .iter()
        .map(|(x, n)| format!("{} ×{n}", name(x)))
        .collect::<Vec<_>>()
        .join(i18n.t(Msg::ListSeparator))
}

fn cases_text(n: usize, i18n: I18n) -> String {
    i18n.fill(Msg::GapCases, &[("n", &n.to_string())])
}

/// The four lists in the interface language, each longest first.
fn entries(g: &Gaps, pack: &Pack, i18n: I18n) -> [(Msg, Msg, &'static str, Vec<Entry>); 4] {
    let lang = i18n.lang();
    let name = |kind: Named| move |id: &str| pack.name_of(kind, id, lang);
    let statements = g
        .statements
        .iter()
        .map(|s| Entry {
            title: s.example.clone(),
            said: true,
            words: None,
            detail: if s.chosen.is_empty() {
                String::new()
            } else {
                i18n.fill(
                    Msg::GapChosenInstead,
                    &[("intents", &counted(&s.chosen, name(Named::Intent), i18n))],
                )
            },
            count: cases_text(s.cases.len(), i18n),
            cases: s.cases.clone(),
        })
        .collect();
    let causes = g
        .causes_without_solution
        .iter()
        .map(|c| Entry {
            title: name(Named::Cause)(&c.cause),
            said: false,
            words: None,
            detail: String::new(),
            count: cases_text(c.cases.len(), i18n),
            cases: c.cases.clone(),
        })
        .collect();
    let rejected = g
        .rejected
        .iter()
        .map(|r| Entry {
            title: name(Named::Solution)(&r.solution),
            said: false,
            detail: i18n.t(Msg::GapReasons).to_owned(),
            words: Some(counted(&r.reasons, str::to_owned, i18n)),
            count: i18n.fill(
                Msg::GapTimes,
                &[
                    ("times", &r.times.to_string()),
                    ("n", &r.cases.len().to_string()),
                ],
            ),
            cases: r.cases.clone(),
        })
        .collect();
    let missing = g
        .missing_facts
        .iter()
        .map(|m| Entry {
            title: name(Named::Fact)(&m.fact),
            said: false,
            words: None,
            detail: i18n.fill(
                Msg::GapForIntent,
                &[("intent", &name(Named::Intent)(&m.intent))],
            ),
            count: i18n.fill(
                Msg::GapMissingOf,
                &[
                    ("n", &m.cases.len().to_string()),
                    ("of", &m.diagnosed.to_string()),
                ],
            ),
            cases: m.cases.clone(),
        })
        .collect();
    [
        (
            Msg::GapStatements,
            Msg::GapStatementsHelp,
            "gap-statements",
            statements,
        ),
        (Msg::GapCauses, Msg::GapCausesHelp, "gap-causes", causes),
        (
            Msg::GapRejected,
            Msg::GapRejectedHelp,
            "gap-rejected",
            rejected,
        ),
        (Msg::GapMissing, Msg::GapMissingHelp, "gap-missing", missing),
    ]
}

fn case_link(id: CaseId, i18n: I18n) -> impl IntoView {
    let reference = case_ref(id);
    let label = reference.clone();
    view! {
        <li>
            <a href=format!("/cases/{id}") translate="no" class="mono"
                aria-label=move || i18n.fill(Msg::OpenCaseNamed, &[("id", &label)])>{reference}</a>
        </li>
    }
}

fn entry_view(e: Entry, i18n: I18n) -> impl IntoView {
    let mut cases = e.cases.into_iter();
    let first: Vec<CaseId> = cases.by_ref().take(LINKS).collect();
    let rest: Vec<CaseId> = cases.collect();
    let more = rest.len();
    view! {
        <li class="gap-entry">
            <p class="gap-title"><strong translate=e.said.then_some("no")>{e.title}</strong>" "<span class="muted">{e.count}</span></p>
            {(!e.detail.is_empty()).then(|| view! {
                <p class="muted gap-detail">{e.detail}{e.words.map(|w| view! { " "<span translate="no">{w}</span> })}</p>
            })}
            <ul class="case-links">
                {first.into_iter().map(|id| case_link(id, i18n)).collect_view()}
            </ul>
            {(more > 0).then(|| view! {
                <details class="more-cases">
                    <summary>{move || i18n.fill(Msg::GapMoreCases, &[("n", &more.to_string())])}</summary>
                    <ul class="case-links">
                        {rest.iter().map(|id| case_link(*id, i18n)).collect_view()}
                    </ul>
                </details>
            })}
        </li>
    }
}

/// Where the knowledge pack fails agents, from the cases the filters keep:
/// statements it could not place, causes left without a solution,
/// suggestions turned down and facts missing at diagnosis. Every entry
/// links to its cases; the lists export as one CSV.
#[component]
pub fn KnowledgeGaps(book: Memo<Casebook>, filter: Memo<Filter>) -> impl IntoView {
    let i18n = use_i18n();
    let knowledge = use_knowledge();
    let search = use_search();
    let reference = use_reference();
    let gaps = Memo::new(move |_| {
        let k = knowledge.get()?;
        let mut g = book.with(|b| b.gaps(&filter.get(), &k.pack, clock::now()));
        g.mask_customers(|case| {
            search
                .customer_of(case)
                .and_then(|c| reference.customer(&c))
        });
        Some(g)
    });
    let failed = RwSignal::new(false);
    let export = move |_| {
        let (Some(g), Some(k)) = (gaps.get_untracked(), knowledge.current.get_untracked()) else {
            return;
        };
        let csv = gaps_csv(&g, &k.pack, i18n.lang());
        let name = format!("care-knowledge-gaps-{}.csv", clock::now().date());
        failed.set(download::save(&name, "text/csv;charset=utf-8", &csv).is_err());
    };
    let lists = move || {
        let (Some(g), Some(k)) = (gaps.get(), knowledge.get()) else {
            return ().into_any();
        };
        entries(&g, &k.pack, i18n)
            .into_iter()
            .map(|(heading, help, testid, list)| {
                let total = list.len();
                let hidden = total.saturating_sub(SHOWN);
                view! {
                    <section class="gap-list" data-testid=testid>
                        <h3>{move || i18n.t(heading)}</h3>
                        <p class="muted">{move || i18n.t(help)}</p>
                        {if total == 0 {
                            view! { <p class="empty">{move || i18n.t(Msg::GapNone)}</p> }.into_any()
                        } else {
                            view! {
                                <ol>{list.into_iter().take(SHOWN).map(|e| entry_view(e, i18n)).collect_view()}</ol>
                                {(hidden > 0).then(|| view! {
                                    <p class="muted">{move || i18n.fill(Msg::GapMoreInCsv, &[("n", &hidden.to_string())])}</p>
                                })}
                            }.into_any()
                        }}
                    </section>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <div class="export-buttons">
            <button type="button" on:click=export data-testid="gaps-csv">{move || i18n.t(Msg::ExportCsv)}</button>
            {move || failed.get().then(|| view! { <p role="alert" class="error">{move || i18n.t(Msg::ExportFailed)}</p> })}
        </div>
        <div class="gap-lists">{lists}</div>
    }
}
