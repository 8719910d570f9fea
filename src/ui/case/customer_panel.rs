use crate::contexts::case_session::use_case_session;
use crate::contexts::demo::use_demo;
use crate::contexts::i18n::use_i18n;
use crate::i18n::Msg;
use crate::platform::clock;
use care_core::verify::{mask_id_number, mask_msisdn, mask_name};
use leptos::prelude::*;

/// Who the customer is. Personal data is masked: verification (a later
/// stage) is what unmasks it.
#[component]
pub fn CustomerPanel() -> impl IntoView {
    let i18n = use_i18n();
    let demo = use_demo();
    let session = use_case_session();
    let data = demo.data.clone();
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
                    let tags = care_core::demo_data::profile_tags(&data, &c.id, clock::now());
                    view! {
                        <dl class="facts">
                            <dt>{move || i18n.t(Msg::Name)}</dt>
                            <dd translate="no">{mask_name(&c.name)}</dd>
                            <dt>{move || i18n.t(Msg::Mobile)}</dt>
                            <dd translate="no" class="mono">{mask_msisdn(&c.msisdn)}</dd>
                            <dt>{move || i18n.t(Msg::Account)}</dt>
                            <dd translate="no" class="mono">{mask_id_number(&c.account)}</dd>
                            <dt>{move || i18n.t(Msg::IdNumber)}</dt>
                            <dd translate="no" class="mono">{mask_id_number(&c.id_number)}</dd>
                            <dt>{move || i18n.t(Msg::Plan)}</dt>
                            <dd>{move || plan.get(lang()).to_owned()}</dd>
                            <dt>{move || i18n.t(Msg::City)}</dt>
                            <dd>{move || city.get(lang()).to_owned()}</dd>
                            <dt>{move || i18n.t(Msg::Segment)}</dt>
                            <dd>{move || segment.get(lang()).to_owned()}</dd>
                            <dt>{move || i18n.t(Msg::Tenure)}</dt>
                            <dd>{move || i18n.fill(Msg::TenureMonths, &[("n", &tenure)])}</dd>
                        </dl>
                        <p class="muted small">{move || i18n.t(Msg::MaskedNotice)}</p>
                        {(!tags.is_empty()).then(|| view! {
                            <h3 class="small-heading">{move || i18n.t(Msg::ProfileTags)}</h3>
                            <ul class="tags">
                                {tags.into_iter().map(|t| view! { <li>{move || t.reason.get(i18n.lang()).to_owned()}</li> }).collect_view()}
                            </ul>
                        })}
                    }.into_any()
                }
            }}
        </aside>
    }
}
