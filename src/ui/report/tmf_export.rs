use crate::contexts::i18n::use_i18n;
use crate::i18n::Msg;
use crate::platform::download;
use care_core::export::{party_interaction, ticket_refusal, trouble_ticket, ExportError};
use care_core::pack::Pack;
use care_core::{CaseId, Customer, Event};
use leptos::prelude::*;
use std::sync::Arc;

/// What one case's export buttons need.
#[derive(Clone)]
pub struct ExportSource {
    pub case: CaseId,
    pub events: Arc<Vec<Event>>,
    pub customer: Option<Customer>,
    pub pack: Arc<Pack>,
}

/// A resource as the operator's systems read it: pretty JSON.
pub fn json_text(value: &serde_json::Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|_| value.to_string())
}

/// Why an export was not made, in the user's words.
pub fn export_problem(e: &ExportError) -> Msg {
    match e {
        ExportError::Training => Msg::ExportTraining,
        ExportError::NoTicket => Msg::ExportNoTicket,
        ExportError::Damaged(_) | ExportError::Time(_) => Msg::CaseDamaged,
    }
}

/// The case as a TMF683 PartyInteraction, and its escalation or promise as
/// a TMF621 TroubleTicket, each downloaded as a JSON file. Identifiers are
/// masked whoever exports: the export leaves this device.
#[component]
pub fn TmfExport(source: ExportSource) -> impl IntoView {
    let i18n = use_i18n();
    let problem = RwSignal::new(None::<Msg>);
    let source = StoredValue::new(source);
    let lang = move || i18n.lang();
    let run = move |ticket: bool| {
        let Some(s) = source.try_get_value() else {
            return;
        };
        let made = if ticket {
            trouble_ticket(&s.events, &s.pack, s.customer.as_ref(), lang())
        } else {
            party_interaction(&s.events, &s.pack, s.customer.as_ref(), lang())
        };
        let kind = if ticket {
            "tmf621-trouble-ticket"
        } else {
            "tmf683-party-interaction"
        };
        problem.set(match made {
            Ok(v) => {
                let name = format!("care-{kind}-{}.json", s.case);
                download::save(&name, "application/json", &json_text(&v))
                    .err()
                    .map(|_| Msg::ExportFailed)
            }
            Err(e) => Some(export_problem(&e)),
        });
    };
    // The case does not change while its report is open: ask once.
    let ticket_refused = source
        .try_with_value(|s| ticket_refusal(&s.events))
        .flatten()
        .map(|e| export_problem(&e));
    view! {
        <div class="export-buttons">
            <button type="button" data-testid="export-tmf683" on:click=move |_| run(false)>
                {move || i18n.t(Msg::ExportInteraction)}
            </button>
            <button type="button" data-testid="export-tmf621" on:click=move |_| run(true)
                disabled=ticket_refused.is_some()
                title=move || ticket_refused.map(|m| i18n.t(m)).unwrap_or_default()>
                {move || i18n.t(Msg::ExportTicket)}
            </button>
            {move || problem.get().map(|m| view! { <p role="alert" class="error">{move || i18n.t(m)}</p> })}
        </div>
    }
}
