use crate::contexts::case_session::use_case_session;
use crate::contexts::demo::use_demo;
use crate::contexts::i18n::use_i18n;
use crate::i18n::Msg;
use care_core::verify::{mask_msisdn, mask_name};
use care_core::{CustomerId, EventBody};
use leptos::prelude::*;

/// Finds the customer by phone, account or ID-number fragment; choosing
/// one records who the case is about.
#[component]
pub fn CustomerLookup() -> impl IntoView {
    let i18n = use_i18n();
    let demo = use_demo();
    let session = use_case_session();
    let query = RwSignal::new(String::new());
    let searched = RwSignal::new(None::<String>);

    let results = {
        let demo = demo.clone();
        move || {
            searched.get().map(|q| {
                demo.lookup(&q)
                    .into_iter()
                    .map(|c| {
                        (
                            c.id.clone(),
                            format!("{} · {}", mask_name(&c.name), mask_msisdn(&c.msisdn)),
                        )
                    })
                    .collect::<Vec<_>>()
            })
        }
    };
    let too_short = move || {
        searched.get().is_some_and(|q| {
            care_core::demo_data::normalize_query(&q)
                .is_none_or(|n| n.chars().count() < care_core::demo_data::LOOKUP_MIN_CHARS)
        })
    };
    let choose = move |id: CustomerId| {
        if session.busy() {
            return;
        }
        leptos::task::spawn_local(async move {
            let _ = session
                .record(EventBody::CustomerIdentified { customer: id })
                .await;
        });
    };

    view! {
        <section class="intake-block" aria-labelledby="lookup-heading">
            <h3 id="lookup-heading">{move || i18n.t(Msg::FindCustomer)}</h3>
            <form class="inline-form" on:submit=move |ev| {
                ev.prevent_default();
                searched.set(Some(query.get_untracked()));
            }>
                <label>
                    <span>{move || i18n.t(Msg::LookupLabel)}</span>
                    <input type="search" inputmode="numeric" autocomplete="off"
                        prop:value=move || query.get()
                        on:input=move |ev| query.set(event_target_value(&ev))/>
                </label>
                <button type="submit">{move || i18n.t(Msg::LookupButton)}</button>
            </form>
            {move || {
                if too_short() {
                    return view! { <p role="status" class="muted">{move || i18n.t(Msg::LookupTooShort)}</p> }.into_any();
                }
                match results() {
                    None => ().into_any(),
                    Some(list) if list.is_empty() => view! { <p role="status" class="muted">{move || i18n.t(Msg::LookupNone)}</p> }.into_any(),
                    Some(list) => view! {
                        <ul class="lookup-results">
                            {list.into_iter().map(|(id, who)| {
                                let label = who.clone();
                                let is_current = {
                                    let id = id.clone();
                                    Memo::new(move |_| session.state.get().and_then(|s| s.customer) == Some(id.clone()))
                                };
                                view! {
                                    <li class:current=is_current>
                                        <span translate="no" class="mono">{who}</span>
                                        <button type="button"
                                            aria-pressed=move || is_current.get().to_string()
                                            aria-label=move || i18n.fill(Msg::SelectCustomerNamed, &[("who", &label)])
                                            on:click=move |_| choose(id.clone())>
                                            {move || i18n.t(Msg::Select)}
                                        </button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                }
            }}
        </section>
    }
}
