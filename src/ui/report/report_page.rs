use crate::contexts::case_session::CaseSession;
use crate::contexts::demo::use_reference;
use crate::contexts::i18n::use_i18n;
use crate::contexts::knowledge::use_knowledge;
use crate::contexts::store::{use_db, use_route_case};
use crate::contexts::sync::use_sync;
use crate::format::case_ref;
use crate::i18n::Msg;
use crate::platform::clock::{self, local_offset};
use crate::platform::settings;
use crate::ui::report::report_body::ReportBody;
use crate::ui::report::tmf_export::{ExportSource, TmfExport};
use care_core::audit;
use care_core::report::{case_report, Disclosure, FULL_REPORT_REVEAL};
use care_core::{CaseLog, EventBody};
use leptos::prelude::*;
use std::sync::Arc;

/// The printable report of one case, with its standard exports. Personal
/// data is masked; a team lead (a role the team's server grants) may show
/// it in full for a complaint escalation, and that disclosure is written
/// to the case's audit trail before anything is shown.
#[component]
pub fn ReportPage() -> impl IntoView {
    let i18n = use_i18n();
    let db = use_db();
    let knowledge = use_knowledge();
    let reference = use_reference();
    let sync = use_sync();
    let loaded = use_route_case();
    let disclosure = RwSignal::new(Disclosure::Masked);
    let disclosing = RwSignal::new(false);
    let refused = RwSignal::new(false);
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            // A browser without a print dialog (some kiosks) just returns.
            let _ = w.print();
        }
    };
    move || {
        let problem = |msg: Msg| {
            view! {
                <main id="main" class="page-message" tabindex="-1">
                    <p role="alert">{move || i18n.t(msg)}</p>
                    <a href="/">{move || i18n.t(Msg::BackToCases)}</a>
                </main>
            }
            .into_any()
        };
        let Some(result) = loaded.get() else {
            return view! { <main id="main" class="page-message" tabindex="-1"><p role="status">{move || i18n.t(Msg::Loading)}</p></main> }.into_any();
        };
        let (id, events, _) = match result {
            Ok(Some(found)) if !found.1.is_empty() => found,
            Ok(_) => return problem(Msg::CaseNotFound),
            Err(_) => return problem(Msg::StoreUnavailable),
        };
        let Some(k) = knowledge.get() else {
            return problem(Msg::NoPack);
        };
        let mut log = CaseLog::new();
        log.merge(events.iter().cloned());
        let Ok(state) = log.state() else {
            return problem(Msg::CaseDamaged);
        };
        reference.version.track();
        let customer = state.customer.as_ref().and_then(|c| reference.customer(c));
        let training = state.training.is_some();
        let may_disclose = sync.role().may_disclose_in_full() && !training;
        let shown = if may_disclose {
            disclosure.get()
        } else {
            Disclosure::Masked
        };
        let report = match case_report(
            &events,
            &k.pack,
            customer.as_ref(),
            i18n.lang(),
            shown,
            clock::now(),
        ) {
            Ok(r) => r,
            Err(_) => return problem(Msg::CaseDamaged),
        };
        // Full disclosure is an audit event of the case, durable before the
        // data shows; if it cannot be kept the report stays masked. The
        // session is made here, where the page's contexts are.
        let session = CaseSession::new(db, id, log);
        let disclose = move |_| {
            if disclosing.get_untracked() {
                return;
            }
            disclosing.set(true);
            refused.set(false);
            leptos::task::spawn_local(async move {
                let Some(prev) = session
                    .log
                    .try_with_untracked(|l| audit::next_link(l, id, settings::device_id()))
                else {
                    return;
                };
                let kept = session
                    .record(EventBody::DataRevealed {
                        what: FULL_REPORT_REVEAL.to_owned(),
                        prev,
                    })
                    .await
                    .is_ok();
                if kept {
                    let _ = disclosure.try_set(Disclosure::Full);
                    loaded.refetch();
                } else {
                    let _ = refused.try_set(true);
                }
                let _ = disclosing.try_set(false);
            });
        };
        let source = ExportSource {
            case: id,
            events: Arc::new(events),
            customer: customer.clone(),
            pack: Arc::new(k.pack.clone()),
        };
        let reference_text = case_ref(id);
        view! {
            <main id="main" class="report-page" tabindex="-1">
                <div class="report-actions no-print">
                    <a href=format!("/cases/{id}")>{move || i18n.fill(Msg::BackToCase, &[("id", &reference_text)])}</a>
                    <button type="button" class="primary" on:click=print data-testid="report-print">{move || i18n.t(Msg::ReportPrint)}</button>
                    {if shown == Disclosure::Full {
                        view! { <button type="button" on:click=move |_| disclosure.set(Disclosure::Masked)>{move || i18n.t(Msg::ReportMaskAgain)}</button> }.into_any()
                    } else if may_disclose {
                        view! {
                            <button type="button" on:click=disclose disabled=move || disclosing.get() data-testid="report-disclose">
                                {move || i18n.t(Msg::ReportShowFull)}
                            </button>
                        }.into_any()
                    } else {
                        view! { <p class="muted" data-testid="report-masked-note">{move || i18n.t(if training { Msg::ReportTrainingMasked } else { Msg::ReportMaskedForRole })}</p> }.into_any()
                    }}
                    {move || refused.get().then(|| view! { <p role="alert" class="error">{move || i18n.t(Msg::ReportDiscloseFailed)}</p> })}
                    <TmfExport source=source/>
                </div>
                <ReportBody report=report offset=local_offset()/>
            </main>
        }
        .into_any()
    }
}
