use crate::contexts::demo::use_demo;
use crate::contexts::i18n::use_i18n;
use crate::contexts::knowledge::use_knowledge;
use crate::format::{case_ref, date_time};
use crate::i18n::{channel_name, stage_name, Msg};
use crate::platform::clock::local_offset;
use care_core::verify::{mask_msisdn, mask_name};
use care_core::CaseSummary;
use leptos::prelude::*;

/// The cases on this device, most recently updated first.
#[component]
pub fn CaseTable(
    /// The summaries to show, already sorted.
    cases: Vec<CaseSummary>,
) -> impl IntoView {
    let i18n = use_i18n();
    let demo = use_demo();
    let knowledge = use_knowledge();
    let offset = local_offset();
    let rows = cases
        .into_iter()
        .map(|c| {
            let reference = case_ref(c.id);
            let href = format!("/cases/{}", c.id);
            let customer = c
                .customer
                .as_ref()
                .and_then(|id| demo.customer(id))
                .map(|cu| format!("{} {}", mask_name(&cu.name), mask_msisdn(&cu.msisdn)));
            let intent = c.intent.clone();
            let intent_name = move || {
                let id = intent.clone()?;
                let k = knowledge.get()?;
                Some(k.pack.intent(&id).map_or(id, |i| i.name.get(i18n.lang()).to_owned()))
            };
            let opened = date_time(c.opened_at, offset);
            let updated = date_time(c.updated_at, offset);
            let label_ref = reference.clone();
            view! {
                <tr>
                    <td translate="no" class="mono">{reference}</td>
                    <td class="nowrap">{move || i18n.t(channel_name(c.channel))}</td>
                    <td>{match customer {
                        Some(text) => view! { <span translate="no">{text}</span> }.into_any(),
                        None => view! { <span>{move || i18n.t(Msg::NoCustomer)}</span> }.into_any(),
                    }}</td>
                    <td>{intent_name}</td>
                    <td class="nowrap">{move || if c.closed { i18n.t(Msg::Closed) } else { i18n.t(stage_name(c.stage)) }}</td>
                    <td class="num narrow-hide">{c.note_count}</td>
                    <td class="narrow-hide"><time>{opened}</time></td>
                    <td><time>{updated}</time></td>
                    <td>
                        <a class="button-link" href=href
                            aria-label=move || i18n.fill(Msg::OpenCaseNamed, &[("id", &label_ref)])>
                            {move || i18n.t(Msg::OpenCase)}
                        </a>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="case-table">
                <thead>
                    <tr>
                        <th scope="col">"#"</th>
                        <th scope="col">{move || i18n.t(Msg::Channel)}</th>
                        <th scope="col">{move || i18n.t(Msg::Customer)}</th>
                        <th scope="col">{move || i18n.t(Msg::Intent)}</th>
                        <th scope="col">{move || i18n.t(Msg::CurrentStage)}</th>
                        <th scope="col" class="narrow-hide">{move || i18n.t(Msg::NotesCount)}</th>
                        <th scope="col" class="narrow-hide">{move || i18n.t(Msg::OpenedAt)}</th>
                        <th scope="col">{move || i18n.t(Msg::UpdatedAt)}</th>
                        <th scope="col"><span class="visually-hidden">{move || i18n.t(Msg::OpenCase)}</span></th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
