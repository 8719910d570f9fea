use crate::contexts::demo::use_reference;
use crate::contexts::i18n::use_i18n;
use crate::contexts::knowledge::use_knowledge;
use crate::contexts::search::use_search;
use crate::contexts::store::use_db;
use crate::i18n::Msg;
use crate::platform::{clock, download};
use care_core::export::{bulk, Resource};
use care_core::search::Query;
use leptos::prelude::*;

/// What the last bulk export did.
#[derive(Clone, Copy, PartialEq)]
enum Outcome {
    Done { made: usize, skipped: usize },
    Failed,
}

/// Every case the search found (not just the rows shown), exported in one
/// JSON array: TMF683 PartyInteractions, or the TMF621 TroubleTickets of
/// those that have an escalation or a promise. Identifiers are masked.
#[component]
pub fn BulkExport(query: Memo<Query>, total: usize) -> impl IntoView {
    let i18n = use_i18n();
    let db = use_db();
    let search = use_search();
    let knowledge = use_knowledge();
    let reference = use_reference();
    // Cases done and to do while an export runs.
    let working = RwSignal::new(None::<(usize, usize)>);
    let outcome = RwSignal::new(None::<Outcome>);
    let run = move |tickets: bool| {
        if working.get_untracked().is_some() {
            return;
        }
        let Some(k) = knowledge.current.get_untracked() else {
            return;
        };
        let ids: Vec<_> = query.with_untracked(|q| {
            search
                .find(q, usize::MAX)
                .cases
                .iter()
                .map(|c| c.id)
                .collect()
        });
        let lang = i18n.lang();
        let store = db.get();
        let resource = if tickets {
            Resource::Ticket
        } else {
            Resource::Interaction
        };
        working.set(Some((0, ids.len())));
        outcome.set(None);
        leptos::task::spawn_local(async move {
            let of = ids.len();
            let made = bulk(
                &*store,
                &ids,
                &k.pack,
                |c| reference.customer(c),
                lang,
                resource,
                // A status line that moves every 100 cases is enough to see
                // a 10 000-case export is alive.
                |done| {
                    if done % 100 == 0 || done == of {
                        let _ = working.try_set(Some((done, of)));
                    }
                },
            )
            .await;
            let kind = match resource {
                Resource::Ticket => "tmf621-trouble-tickets",
                Resource::Interaction => "tmf683-party-interactions",
            };
            let name = format!("care-{kind}-{}-{}.json", clock::now().date(), made.made);
            let saved = download::save(&name, "application/json", &made.json);
            let _ = outcome.try_set(Some(match saved {
                Ok(()) => Outcome::Done {
                    made: made.made,
                    skipped: made.skipped,
                },
                Err(_) => Outcome::Failed,
            }));
            let _ = working.try_set(None);
        });
    };
    view! {
        <div class="export-buttons bulk-export" role="group" aria-label=move || i18n.t(Msg::BulkExportHeading)>
            <button type="button" data-testid="bulk-tmf683" on:click=move |_| run(false) disabled=move || working.get().is_some()>
                {move || i18n.fill(Msg::BulkExportInteractions, &[("n", &total.to_string())])}
            </button>
            <button type="button" data-testid="bulk-tmf621" on:click=move |_| run(true) disabled=move || working.get().is_some()>
                {move || i18n.t(Msg::BulkExportTickets)}
            </button>
            <p role="status" class="muted" data-testid="bulk-status">
                {move || match (working.get(), outcome.get()) {
                    (Some((done, of)), _) => i18n.fill(Msg::BulkExportWorking, &[("done", &done.to_string()), ("n", &of.to_string())]),
                    (None, Some(Outcome::Done { made, skipped })) => i18n.fill(Msg::BulkExported, &[("n", &made.to_string()), ("skipped", &skipped.to_string())]),
                    (None, Some(Outcome::Failed)) => i18n.t(Msg::ExportFailed).to_owned(),
                    (None, None) => String::new(),
                }}
            </p>
        </div>
    }
}
