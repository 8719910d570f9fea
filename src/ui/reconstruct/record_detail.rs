use crate::contexts::case_session::use_case_session;
use crate::contexts::demo::use_demo;
use crate::contexts::i18n::use_i18n;
use crate::i18n::Msg;
use care_core::pack::RecordKind;
use care_core::reconstruct::RecordRef;
use leptos::prelude::*;

/// One record opened from the timeline or a finding: for a bill its lines,
/// for anything else what the timeline says of it, in full.
#[component]
pub fn RecordDetail(record: RecordRef, on_close: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_case_session();
    let demo = use_demo();
    let data = demo.data.clone();
    let records = move || {
        session
            .state
            .get_untracked()
            .and_then(|s| s.customer)
            .and_then(|id| demo.data.records(&id).cloned())
    };
    let kind = crate::ui::reconstruct::reconstruct_panel::kind_msg(record.kind);
    let id = record.id.clone();
    let heading = move || format!("{} · {}", i18n.t(kind), id);
    let lines = (record.kind == RecordKind::Bills)
        .then(&records)
        .flatten()
        .and_then(|r| r.bills.into_iter().find(|b| b.id.as_str() == record.id))
        .map(|b| b.lines);
    let body = serde_json::to_string_pretty(&{
        let r = records();
        match record.kind {
            RecordKind::Bills => r
                .and_then(|r| r.bills.into_iter().find(|b| b.id.as_str() == record.id))
                .and_then(|b| serde_json::to_value(b).ok()),
            RecordKind::Orders => r
                .and_then(|r| r.orders.into_iter().find(|o| o.id.as_str() == record.id))
                .and_then(|o| serde_json::to_value(o).ok()),
            RecordKind::Subscriptions => r
                .and_then(|r| {
                    r.subscriptions
                        .into_iter()
                        .find(|o| o.id.as_str() == record.id)
                })
                .and_then(|o| serde_json::to_value(o).ok()),
            RecordKind::Payments => r
                .and_then(|r| r.payments.into_iter().find(|o| o.id.as_str() == record.id))
                .and_then(|o| serde_json::to_value(o).ok()),
            RecordKind::Contacts => r
                .and_then(|r| r.contacts.into_iter().find(|o| o.id.as_str() == record.id))
                .and_then(|o| serde_json::to_value(o).ok()),
            RecordKind::Devices => r
                .and_then(|r| r.handsets.into_iter().find(|o| o.imei == record.id))
                .and_then(|o| serde_json::to_value(o).ok()),
            RecordKind::Usage => r
                .and_then(|r| {
                    r.usage.into_iter().find(|u| {
                        format!(
                            "{}-{:02}-{:02}",
                            u.date.year(),
                            u.date.month() as u8,
                            u.date.day()
                        ) == record.id
                    })
                })
                .and_then(|o| serde_json::to_value(o).ok()),
            RecordKind::ScreenedCalls => r
                .and_then(|r| {
                    r.screened_calls
                        .into_iter()
                        .find(|c| c.at.unix_timestamp().to_string() == record.id)
                })
                .and_then(|o| serde_json::to_value(o).ok()),
            RecordKind::NetworkEvents => data
                .network_events
                .iter()
                .find(|e| e.id.as_str() == record.id)
                .and_then(|o| serde_json::to_value(o).ok()),
            RecordKind::Contracts => None,
        }
    })
    .unwrap_or_default();

    view! {
        <section class="record-detail card" role="dialog" aria-labelledby="record-detail-heading">
            <h4 id="record-detail-heading" class="mono">{heading}</h4>
            {lines.map(|lines| view! {
                <table class="bill-lines">
                    <tbody>
                        {lines.into_iter().map(|l| {
                            let label = l.label.clone();
                            view! { <tr><td>{move || label.get(i18n.lang()).to_owned()}</td><td class="num">{l.amount.to_string()}</td></tr> }
                        }).collect_view()}
                    </tbody>
                </table>
            })}
            <details>
                <summary>{move || i18n.t(Msg::RecordsList)}</summary>
                <pre class="record-json">{body}</pre>
            </details>
            <button type="button" on:click=move |_| on_close.run(())>{move || i18n.t(Msg::CloseRecord)}</button>
        </section>
    }
}
