use crate::contexts::demo::use_demo;
use crate::contexts::i18n::use_i18n;
use crate::contexts::knowledge::use_knowledge;
use crate::contexts::store::use_db;
use crate::format::case_ref;
use crate::i18n::Msg;
use crate::platform::clock;
use crate::platform::idb::StoreError;
use care_core::commit::{format_deadline, remaining, BusinessCalendar};
use care_core::store::EventStore;
use care_core::verify::{mask_msisdn, mask_name};
use care_core::{CaseId, CaseState, CustomerId};
use leptos::prelude::*;
use time::OffsetDateTime;

/// A case waiting for its follow-up.
#[derive(Clone, Debug, PartialEq)]
struct Due {
    id: CaseId,
    customer: Option<CustomerId>,
    intent: Option<String>,
    deadline: OffsetDateTime,
}

/// The open cases with a commitment and no follow-up yet, soonest
/// deadline first; and how many cases could not be read.
async fn due_cases(
    store: std::rc::Rc<crate::platform::idb::IdbStore>,
) -> Result<(Vec<Due>, usize), StoreError> {
    let mut due = Vec::new();
    let mut unreadable = 0;
    // The summaries do not say whether a commitment was made: only open
    // cases past intake can have one, and those are read in full.
    for summary in store
        .list_cases()
        .await?
        .into_iter()
        .filter(|c| !c.closed && c.intent.is_some())
    {
        let state = match store.load_case(summary.id).await {
            Ok(events) => CaseState::fold(&events).ok(),
            Err(_) => None,
        };
        let Some(state) = state else {
            unreadable += 1;
            continue;
        };
        if let (Some(c), None, None) = (&state.commitment, &state.follow_up, &state.outcome) {
            due.push(Due {
                id: state.id,
                customer: state.customer.clone(),
                intent: state.intent.clone(),
                deadline: c.deadline,
            });
        }
    }
    due.sort_by_key(|d| (d.deadline, d.id));
    Ok((due, unreadable))
}

/// "Follow-ups due" on the case list: cases promised and not yet followed
/// up, soonest deadline first, overdue marked, each linking to its case.
#[component]
pub fn FollowUpDue() -> impl IntoView {
    let i18n = use_i18n();
    let db = use_db();
    let demo = use_demo();
    let knowledge = use_knowledge();
    let now = RwSignal::new(clock::now());
    if let Ok(handle) = set_interval_with_handle(
        move || now.set(clock::now()),
        std::time::Duration::from_secs(30),
    ) {
        on_cleanup(move || handle.clear());
    }
    let loaded = LocalResource::new(move || due_cases(db.get()));
    let calendar = Memo::new(move |_| {
        knowledge
            .get()
            .and_then(|k| BusinessCalendar::from_pack(&k.pack.calendar).ok())
    });

    move || {
        let (due, unreadable) = loaded.get()?.ok()?;
        if due.is_empty() && unreadable == 0 {
            return None;
        }
        let rows = due
            .into_iter()
            .map(|d| {
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
                let deadline = format_deadline(d.deadline);
                let overdue = move || now.get() > d.deadline;
                let left = move || {
                    calendar
                        .get()
                        .map(|cal| remaining(now.get(), d.deadline, &cal).text().get(i18n.lang()).to_owned())
                };
                view! {
                    <tr class:overdue=overdue>
                        <td translate="no" class="mono">{reference}</td>
                        <td>{match customer {
                            Some(text) => view! { <span translate="no">{text}</span> }.into_any(),
                            None => view! { <span>{move || i18n.t(Msg::NoCustomer)}</span> }.into_any(),
                        }}</td>
                        <td>{intent_name}</td>
                        <td><time>{move || deadline.get(i18n.lang()).to_owned()}</time></td>
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
                {(unreadable > 0).then(|| view! {
                    <p class="error">{move || i18n.fill(Msg::CasesUnreadable, &[("n", &unreadable.to_string())])}</p>
                })}
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
            </section>
        })
    }
}
