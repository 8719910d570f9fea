use crate::contexts::case_session::use_case_session;
use crate::contexts::demo::use_demo;
use crate::contexts::i18n::use_i18n;
use crate::contexts::knowledge::use_knowledge;
use crate::i18n::Msg;
use care_core::pack::RecordKind;
use care_core::reconstruct::RecordRef;
use care_core::records::describe;
use leptos::prelude::*;

/// One record opened from the timeline or a finding: its fields, labelled in
/// the interface language, and for a bill its lines.
#[component]
pub fn RecordDetail(record: RecordRef, on_close: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_case_session();
    let knowledge = use_knowledge();
    let demo = use_demo();
    let customer = session.state.get_untracked().and_then(|s| s.customer);
    let kind = crate::ui::reconstruct::reconstruct_panel::kind_msg(record.kind);
    let id = record.id.clone();
    let heading = move || format!("{} · {}", i18n.t(kind), id);
    let lines = (record.kind == RecordKind::Bills)
        .then(|| customer.as_ref().and_then(|c| demo.data.records(c)))
        .flatten()
        .and_then(|r| r.bills.iter().find(|b| b.id.as_str() == record.id))
        .map(|b| b.lines.clone());
    let fields = knowledge
        .current
        .get_untracked()
        .zip(customer.as_ref())
        .and_then(|(k, c)| describe(&demo.data, &k.pack, c, record.kind, &record.id))
        .unwrap_or_default();

    view! {
        <section class="record-detail card" role="dialog" aria-labelledby="record-detail-heading">
            <h4 id="record-detail-heading" class="mono">{heading}</h4>
            {(!fields.is_empty()).then(|| view! {
                <dl class="record-fields">
                    {fields.into_iter().map(|f| {
                        let (label, value) = (f.label, f.value);
                        let translate = f.personal.then_some("no");
                        view! {
                            <dt>{move || label.get(i18n.lang()).to_owned()}</dt>
                            <dd translate=translate>{move || value.get(i18n.lang()).to_owned()}</dd>
                        }
                    }).collect_view()}
                </dl>
            })}
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
            <button type="button" on:click=move |_| on_close.run(())>{move || i18n.t(Msg::CloseRecord)}</button>
        </section>
    }
}
