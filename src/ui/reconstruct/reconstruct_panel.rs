use crate::contexts::case_session::use_case_session;
use crate::contexts::demo::use_demo;
use crate::contexts::i18n::use_i18n;
use crate::contexts::knowledge::use_knowledge;
use crate::contexts::verification::use_verification;
use crate::format::date_time;
use crate::i18n::Msg;
use crate::platform::{clock, settings};
use crate::ui::reconstruct::record_detail::RecordDetail;
use crate::ui::reconstruct::timeline_chart::TimelineChart;
use care_core::audit;
use care_core::pack::calendar::parse_offset;
use care_core::pack::RecordKind;
use care_core::reconstruct::{detect, timeline, Entry, Finding, RecordRef, Window};
use care_core::{EventBody, Stage};
use leptos::prelude::*;

/// What the agent sees of the records for the case's intent.
#[derive(Clone, Debug, PartialEq)]
pub struct Reconstruction {
    pub kinds: Vec<RecordKind>,
    pub window: Window,
    pub entries: Vec<Entry>,
    pub findings: Vec<Finding>,
}

/// The audit name of the reveal of the whole timeline.
const RECORDS_REVEAL: &str = "records";

pub fn kind_msg(kind: RecordKind) -> Msg {
    match kind {
        RecordKind::Bills => Msg::KindBills,
        RecordKind::Usage => Msg::KindUsage,
        RecordKind::Orders => Msg::KindOrders,
        RecordKind::Subscriptions => Msg::KindSubscriptions,
        RecordKind::Contacts => Msg::KindContacts,
        RecordKind::NetworkEvents => Msg::KindNetworkEvents,
        RecordKind::Payments => Msg::KindPayments,
        RecordKind::Devices => Msg::KindDevices,
        RecordKind::Contracts => Msg::KindContracts,
        RecordKind::ScreenedCalls => Msg::KindScreenedCalls,
    }
}

/// The reconstruct stage: locked until verification; then, once the agent
/// asks (an audited reveal), the findings, the timeline and the records.
#[component]
pub fn ReconstructPanel() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_case_session();
    let knowledge = use_knowledge();
    let demo = use_demo();
    let v = use_verification();
    let open = RwSignal::new(None::<RecordRef>);

    let data = Memo::new(move |_| {
        let k = knowledge.get()?;
        let state = session.state.get()?;
        let intent = k.pack.intent(state.intent.as_deref()?)?;
        let subject = demo.data.subject(state.customer.as_ref()?)?;
        let offset = parse_offset(&k.pack.calendar.utc_offset).unwrap_or(time::UtcOffset::UTC);
        let window = Window::for_intent(intent, clock::now(), offset);
        Some(Reconstruction {
            kinds: intent.records.clone(),
            entries: timeline(&subject, &intent.records, &window),
            findings: detect(&k.pack, &subject, &window),
            window,
        })
    });
    let revealed = move || {
        session
            .state
            .get()
            .is_some_and(|s| s.reveals.iter().any(|r| r == RECORDS_REVEAL))
    };
    let reveal = move |what: String| {
        if session.busy() {
            return;
        }
        leptos::task::spawn_local(async move {
            let prev = session
                .log
                .with_untracked(|l| audit::next_link(l, session.id, settings::device_id()));
            let _ = session.record(EventBody::DataRevealed { what, prev }).await;
        });
    };
    let open_record = move |r: RecordRef| {
        let what = format!("{}:{}", r.kind.slug(), r.id);
        open.set(Some(r));
        reveal(what);
    };

    // Training only: the lock can be walked past, as a hurried agent might
    // on a system without one; the rubric then scores it as the fatal error.
    let training = crate::contexts::training::use_sim_customer().is_some();
    move || {
        if !(v.unlocked.get() || training && revealed()) {
            return view! {
                <div class="notice locked" role="status">
                    <p>{move || i18n.t(Msg::RecordsLocked)}</p>
                    <button type="button" on:click=move |_| session.move_to(Stage::Verify)>{move || i18n.t(Msg::GoToVerify)}</button>
                    {training.then(|| view! {
                        <button type="button" class="danger small" data-testid="open-unverified"
                            on:click=move |_| reveal(RECORDS_REVEAL.to_owned())>
                            {move || i18n.t(Msg::OpenUnverified)}
                        </button>
                    })}
                </div>
            }
            .into_any();
        }
        let Some(d) = data.get() else {
            return view! { <p class="notice">{move || i18n.t(Msg::NoCustomerRecords)}</p> }
                .into_any();
        };
        if !revealed() {
            return view! {
                <div class="reveal">
                    <button type="button" class="primary" on:click=move |_| reveal(RECORDS_REVEAL.to_owned())>
                        {move || i18n.t(Msg::ShowRecords)}
                    </button>
                    <p class="muted small">{move || i18n.t(Msg::ShowRecordsNote)}</p>
                </div>
            }
            .into_any();
        }
        let offset = d.window.offset;
        let from = date_time(d.window.from, offset);
        let to = date_time(d.window.to, offset);
        let findings = d.findings.clone();
        let entries = d.entries.clone();
        let chart = d.clone();
        view! {
            <div class="reconstruct">
                <section aria-labelledby="findings-heading">
                    <h3 id="findings-heading">{move || i18n.t(Msg::Findings)}</h3>
                    {findings.is_empty().then(|| view! { <p class="muted">{move || i18n.t(Msg::NoFindings)}</p> })}
                    <ul class="finding-list">
                        {findings.into_iter().map(|f| {
                            let (name, detail) = (f.name.clone(), f.detail.clone());
                            let first = f.evidence.first().cloned();
                            view! {
                                <li class="finding">
                                    <strong>{move || name.get(i18n.lang()).to_owned()}</strong>
                                    <span>{move || detail.get(i18n.lang()).to_owned()}</span>
                                    {first.map(|r| view! {
                                        <button type="button" class="small" on:click=move |_| open_record(r.clone())>{move || i18n.t(Msg::OpenRecord)}</button>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
                <section aria-labelledby="timeline-heading">
                    <h3 id="timeline-heading">{move || i18n.t(Msg::Timeline)}" "
                        <span class="muted small">{i18n.fill(Msg::TimelineWindow, &[("from", &from), ("to", &to)])}</span>
                    </h3>
                    <TimelineChart data=chart/>
                </section>
                {move || open.get().map(|r| view! { <RecordDetail record=r on_close=Callback::new(move |_| open.set(None))/> })}
                <section aria-labelledby="records-heading">
                    <h3 id="records-heading">{move || i18n.t(Msg::RecordsList)}</h3>
                    {entries.is_empty().then(|| view! { <p class="muted">{move || i18n.t(Msg::NoRecordsInWindow)}</p> })}
                    <table class="record-table">
                        <tbody>
                            {entries.into_iter().map(|e| {
                                let when = date_time(e.at, offset);
                                let (title, detail) = (e.title.clone(), e.detail.clone());
                                let kind = kind_msg(e.record.kind);
                                let r = e.record.clone();
                                view! {
                                    <tr>
                                        <td class="mono nowrap">{when}</td>
                                        <td><span class="badge">{move || i18n.t(kind)}</span></td>
                                        <td>{move || title.get(i18n.lang()).to_owned()}<br/><span class="muted small">{move || detail.get(i18n.lang()).to_owned()}</span></td>
                                        <td><button type="button" class="small" on:click=move |_| open_record(r.clone())>{move || i18n.t(Msg::OpenRecord)}</button></td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </section>
            </div>
        }
        .into_any()
    }
}
