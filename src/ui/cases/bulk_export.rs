use crate::contexts::demo::use_reference;
use crate::contexts::i18n::use_i18n;
use crate::contexts::knowledge::use_knowledge;
use crate::contexts::search::use_search;
use crate::contexts::store::use_db;
use crate::i18n::Msg;
use crate::platform::{clock, download};
use crate::ui::report::tmf_export::json_text;
use care_core::export::{party_interaction, trouble_ticket};
use care_core::search::Query;
use care_core::store::EventStore;
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
    let working = RwSignal::new(false);
    let outcome = RwSignal::new(None::<Outcome>);
    let run = move |tickets: bool| {
        if working.get_untracked() {
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
        working.set(true);
        outcome.set(None);
        leptos::task::spawn_local(async move {
            let mut out = Vec::with_capacity(ids.len());
            let mut skipped = 0;
            for id in ids {
                let Ok(events) = store.load_case(id).await else {
                    skipped += 1;
                    continue;
                };
                let customer = care_core::CaseState::fold(&events)
                    .ok()
                    .and_then(|s| s.customer)
                    .and_then(|c| reference.customer(&c));
                let made = if tickets {
                    trouble_ticket(&events, &k.pack, customer.as_ref(), lang)
                } else {
                    party_interaction(&events, &k.pack, customer.as_ref(), lang)
                };
                match made {
                    Ok(v) => out.push(v),
                    Err(_) => skipped += 1,
                }
            }
            let kind = if tickets {
                "tmf621-trouble-tickets"
            } else {
                "tmf683-party-interactions"
            };
            let name = format!("care-{kind}-{}-{}.json", clock::now().date(), out.len());
            let saved = download::save(
                &name,
                "application/json",
                &json_text(&serde_json::Value::Array(out.clone())),
            );
            let _ = outcome.try_set(Some(match saved {
                Ok(()) => Outcome::Done {
                    made: out.len(),
                    skipped,
                },
                Err(_) => Outcome::Failed,
            }));
            let _ = working.try_set(false);
        });
    };
    view! {
        <div class="export-buttons bulk-export" role="group" aria-label=move || i18n.t(Msg::BulkExportHeading)>
            <button type="button" data-testid="bulk-tmf683" on:click=move |_| run(false) disabled=move || working.get()>
                {move || i18n.fill(Msg::BulkExportInteractions, &[("n", &total.to_string())])}
            </button>
            <button type="button" data-testid="bulk-tmf621" on:click=move |_| run(true) disabled=move || working.get()>
                {move || i18n.t(Msg::BulkExportTickets)}
            </button>
            <p role="status" class="muted" data-testid="bulk-status">
                {move || match (working.get(), outcome.get()) {
                    (true, _) => i18n.t(Msg::BulkExportWorking).to_owned(),
                    (false, Some(Outcome::Done { made, skipped })) => i18n.fill(Msg::BulkExported, &[("n", &made.to_string()), ("skipped", &skipped.to_string())]),
                    (false, Some(Outcome::Failed)) => i18n.t(Msg::ExportFailed).to_owned(),
                    (false, None) => String::new(),
                }}
            </p>
        </div>
    }
}
