use crate::contexts::demo::use_demo;
use crate::contexts::i18n::use_i18n;
use crate::contexts::knowledge::use_knowledge;
use crate::contexts::search::use_search;
use crate::format::case_ref;
use crate::i18n::Msg;
use crate::platform::clock;
use care_core::commit::{format_deadline, remaining, BusinessCalendar};
use care_core::verify::{mask_msisdn, mask_name};
use leptos::prelude::*;

/// How many follow-ups the list shows; the archive search finds the rest.
const SHOWN: usize = 5;

/// "Follow-ups due" on the case list: cases promised and not yet followed
/// up, soonest deadline first, overdue marked, each linking to its case.
#[component]
pub fn FollowUpDue() -> impl IntoView {
    let i18n = use_i18n();
    let search = use_search();
    let demo = use_demo();
    let knowledge = use_knowledge();
    let now = RwSignal::new(clock::now());
    if let Ok(handle) = set_interval_with_handle(
        move || now.set(clock::now()),
        std::time::Duration::from_secs(30),
    ) {
        on_cleanup(move || handle.clear());
    }
    let calendar = Memo::new(move |_| {
        knowledge
            .get()
            .and_then(|k| BusinessCalendar::from_pack(&k.pack.calendar).ok())
    });

    move || {
        let due = search.awaiting_follow_up();
        if due.is_empty() {
            return None;
        }
        let more = due.len().saturating_sub(SHOWN);
        let rows = due
            .into_iter()
            .take(SHOWN)
            .filter_map(|d| d.follow_up_by.map(|deadline| (d, deadline)))
            .map(|(d, deadline)| {
                let reference = case_ref(d.id);
                let label_ref = reference.clone();
                let href = format!("/cases/{}", d.id);
                let customer = d
                    .customer
                    .as_ref()
                    .and_then(|id| demo.customer(id))
                    .map(|c| format!("{} {}", mask_name(&c.name), mask_msisdn(&c.msisdn)));
                let intent = d.intent.clone();
                let intent_name = move || {
                    let id = intent.clone()?;
                    let k = knowledge.get()?;
                    k.pack.intent(&id).map(|i| i.name.get(i18n.lang()).to_owned())
                };
                let shown_deadline = format_deadline(deadline);
                let overdue = move || now.get() > deadline;
                let left = move || {
                    calendar
                        .get()
                        .map(|cal| remaining(now.get(), deadline, &cal).text().get(i18n.lang()).to_owned())
                };
                view! {
                    <tr class:overdue=overdue>
                        <td translate="no" class="mono">{reference}</td>
                        <td>{match customer {
                            Some(text) => view! { <span translate="no">{text}</span> }.into_any(),
                            None => view! { <span>{move || i18n.t(Msg::NoCustomer)}</span> }.into_any(),
                        }}</td>
                        <td>{intent_name}</td>
                        <td><time>{move || shown_deadline.get(i18n.lang()).to_owned()}</time></td>
                        <td>
                            <span class="small" class:overdue-text=overdue>{move || left().unwrap_or_else(|| {
                                if overdue() { i18n.t(Msg::OverdueBadge).to_owned() } else { String::new() }
                            })}</span>
                        </td>
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
        Some(view! {
            <section class="card follow-up-due" aria-labelledby="follow-up-due-heading">
                <h2 id="follow-up-due-heading">{move || i18n.t(Msg::FollowUpDueHeading)}</h2>
                <p class="muted small">{move || i18n.t(Msg::FollowUpDueIntro)}</p>
                <div class="table-scroll">
                    <table class="case-table">
                        <thead>
                            <tr>
                                <th scope="col">"#"</th>
                                <th scope="col">{move || i18n.t(Msg::Customer)}</th>
                                <th scope="col">{move || i18n.t(Msg::Intent)}</th>
                                <th scope="col">{move || i18n.t(Msg::Deadline)}</th>
                                <th scope="col">{move || i18n.t(Msg::TimeLeft)}</th>
                                <th scope="col"><span class="visually-hidden">{move || i18n.t(Msg::OpenCase)}</span></th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                {(more > 0).then(|| view! {
                    <p class="muted small">{move || i18n.fill(Msg::FollowUpDueMore, &[("n", &more.to_string())])}</p>
                })}
            </section>
        })
    }
}
