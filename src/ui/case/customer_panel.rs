use crate::contexts::case_session::use_case_session;
use crate::contexts::demo::use_demo;
use crate::contexts::i18n::use_i18n;
use crate::contexts::verification::use_verification;
use crate::i18n::Msg;
use crate::platform::{clock, settings};
use care_core::audit;
use care_core::verify::{mask_id_number, mask_msisdn, mask_name};
use care_core::EventBody;
use leptos::prelude::*;

/// Who the customer is. Personal data is masked; once the customer is
/// verified the agent may show it in full, which is an audited reveal.
/// Tags hide amounts and places until verification.
#[component]
pub fn CustomerPanel() -> impl IntoView {
    let i18n = use_i18n();
    let demo = use_demo();
    let session = use_case_session();
    let data = demo.data.clone();
    let v = use_verification();
    let shown_full = move || {
        v.unlocked.get()
            && session
                .state
                .get()
                .is_some_and(|s| s.reveals.iter().any(|r| r == PERSONAL_REVEAL))
    };
    let reveal = move |_| {
        if session.busy() || !v.unlocked.get_untracked() {
            return;
        }
        leptos::task::spawn_local(async move {
            let prev = session
                .log
                .with_untracked(|l| audit::next_link(l, session.id, settings::device_id()));
            let _ = session
                .record(EventBody::DataRevealed {
                    what: PERSONAL_REVEAL.to_owned(),
                    prev,
                })
                .await;
        });
    };
    let customer = move || {
        session
            .state
            .get()
            .and_then(|s| s.customer)
            .and_then(|id| demo.customer(&id).cloned())
    };

    view! {
        <aside class="customer-panel card" aria-labelledby="customer-heading">
            <h2 id="customer-heading">{move || i18n.t(Msg::CustomerPanel)}</h2>
            {move || match customer() {
                None => view! { <p class="muted">{move || i18n.t(Msg::NoCustomer)}</p> }.into_any(),
                Some(c) => {
                    let lang = move || i18n.lang();
                    let (plan, city, segment) = (c.plan.clone(), c.city.clone(), c.segment.clone());
                    let tenure = c.tenure_months.to_string();
                    let (name, msisdn, account, id_number) =
                        (c.name.clone(), c.msisdn.clone(), c.account.clone(), c.id_number.clone());
                    let tags = care_core::demo_data::profile_tags(&data, &c.id, clock::now());
                    view! {
                        <dl class="facts">
                            <dt>{move || i18n.t(Msg::Name)}</dt>
                            <dd translate="no">{move || if shown_full() { name.clone() } else { mask_name(&name) }}</dd>
                            <dt>{move || i18n.t(Msg::Mobile)}</dt>
                            <dd translate="no" class="mono">{move || if shown_full() { msisdn.clone() } else { mask_msisdn(&msisdn) }}</dd>
                            <dt>{move || i18n.t(Msg::Account)}</dt>
                            <dd translate="no" class="mono">{move || if shown_full() { account.clone() } else { mask_id_number(&account) }}</dd>
                            <dt>{move || i18n.t(Msg::IdNumber)}</dt>
                            <dd translate="no" class="mono">{move || if shown_full() { id_number.clone() } else { mask_id_number(&id_number) }}</dd>
                            <dt>{move || i18n.t(Msg::Plan)}</dt>
                            <dd>{move || plan.get(lang()).to_owned()}</dd>
                            <dt>{move || i18n.t(Msg::City)}</dt>
                            <dd>{move || city.get(lang()).to_owned()}</dd>
                            <dt>{move || i18n.t(Msg::Segment)}</dt>
                            <dd>{move || segment.get(lang()).to_owned()}</dd>
                            <dt>{move || i18n.t(Msg::Tenure)}</dt>
                            <dd>{move || i18n.fill(Msg::TenureMonths, &[("n", &tenure)])}</dd>
                        </dl>
                        {move || match (v.unlocked.get(), shown_full()) {
                            (false, _) => view! { <p class="muted small">{move || i18n.t(Msg::MaskedNotice)}</p> }.into_any(),
                            (true, false) => view! {
                                <button type="button" class="small" on:click=reveal>{move || i18n.t(Msg::RevealPersonal)}</button>
                            }.into_any(),
                            (true, true) => ().into_any(),
                        }}
                        {(!tags.is_empty()).then(|| view! {
                            <h3 class="small-heading">{move || i18n.t(Msg::ProfileTags)}</h3>
                            <ul class="tags">
                                {tags.into_iter().map(|t| view! { <li>{move || t.shown(v.unlocked.get()).get(i18n.lang()).to_owned()}</li> }).collect_view()}
                            </ul>
                        })}
                    }.into_any()
                }
            }}
        </aside>
    }
}

/// The audit name of showing the customer's personal data in full.
const PERSONAL_REVEAL: &str = "personal_data";
