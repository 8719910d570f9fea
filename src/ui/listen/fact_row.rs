use crate::contexts::case_session::use_case_session;
use crate::contexts::drafts::Drafts;
use crate::contexts::i18n::use_i18n;
use crate::contexts::knowledge::use_knowledge;
use crate::i18n::Msg;
use care_core::case::{CapturedFact, FactSource};
use care_core::diagnose::show_fact;
use care_core::facts::{FactError, FactValue};
use care_core::listen::Offer;
use care_core::pack::{Fact, FactType};
use care_core::EventBody;
use leptos::prelude::*;

/// A fact as the checklist shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct FactLine {
    pub fact: Fact,
    pub required: bool,
    pub captured: Option<CapturedFact>,
    pub offer: Option<Offer>,
}

fn error_msg(e: &FactError) -> Msg {
    match e {
        FactError::Empty => Msg::FactEmpty,
        FactError::NotANumber => Msg::FactNotANumber,
        FactError::OutOfRange => Msg::FactOutOfRange,
        FactError::TooLong => Msg::FactTooLong,
        FactError::NotADate => Msg::FactNotADate,
        FactError::NotAPhone => Msg::FactNotAPhone,
        FactError::UnknownChoice | FactError::WrongType => Msg::FactUnknownChoice,
    }
}

/// One fact: captured (with where from, change, withdraw), offered from
/// the statement (confirm or "not right"), or an input of its type.
#[component]
pub fn FactRow(line: Signal<Option<FactLine>>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_case_session();
    let knowledge = use_knowledge();
    let fact_id = line.get_untracked().map(|l| l.fact.id).unwrap_or_default();
    let drafts = Drafts::of_case();
    let draft = drafts.field(&format!("fact.{fact_id}"), String::new());
    let editing = drafts.field(&format!("fact.{fact_id}.editing"), false);
    let problem = RwSignal::new(None::<Msg>);

    let record = move |body: EventBody| {
        if session.busy() {
            return;
        }
        leptos::task::spawn_local(async move {
            if session.record(body).await.is_ok() {
                editing.set(false);
                draft.set(String::new());
            }
        });
    };
    let save = move |source: FactSource| {
        let Some(l) = line.get_untracked() else {
            return;
        };
        match FactValue::parse(&l.fact, &draft.get_untracked()) {
            Ok(value) => {
                problem.set(None);
                record(EventBody::FactCaptured {
                    fact: l.fact.id.clone(),
                    value,
                    source,
                });
            }
            Err(e) => problem.set(Some(error_msg(&e))),
        }
    };
    let shown = move |fact: &str, v: &FactValue| {
        knowledge
            .get()
            .map(|k| show_fact(&k.pack, fact, v).get(i18n.lang()).to_owned())
            .unwrap_or_default()
    };

    move || {
        let l = line.get()?;
        let id = l.fact.id.clone();
        let input_id = format!("fact-{id}");
        let name = l.fact.name.clone();
        let badge = if l.required {
            Msg::Required
        } else {
            Msg::Optional
        };
        let state_view = match (&l.captured, &l.offer, editing.get()) {
            (Some(c), _, false) => {
                let value = shown(&id, &c.value);
                let source = match c.source {
                    FactSource::Statement => Msg::FromStatement,
                    FactSource::Answer => Msg::FromAnswer,
                    FactSource::Records => Msg::FromRecords,
                };
                let current = c.value.input_text();
                let withdraw_id = id.clone();
                view! {
                    <span class="fact-value">{value}" "<span class="muted small">{move || i18n.t(source)}</span></span>
                    <span class="fact-actions">
                        <button type="button" class="small" on:click=move |_| { draft.set(current.clone()); editing.set(true); }>
                            {move || i18n.t(Msg::ChangeFact)}
                        </button>
                        <button type="button" class="small" on:click=move |_| record(EventBody::FactCleared { fact: withdraw_id.clone() })>
                            {move || i18n.t(Msg::WithdrawFact)}
                        </button>
                    </span>
                }
                .into_any()
            }
            (None, Some(o), false) => {
                let value = shown(&id, &o.value);
                let quote = o.quote.clone();
                let (confirm_id, confirm_value) = (id.clone(), o.value.clone());
                let dismiss_id = id.clone();
                view! {
                    <span class="fact-offer">{move || i18n.fill(Msg::CustomerSaid, &[("quote", &quote)])}</span>
                    <span class="fact-actions">
                        <button type="button" class="small primary" on:click=move |_| record(EventBody::FactCaptured {
                            fact: confirm_id.clone(),
                            value: confirm_value.clone(),
                            source: FactSource::Statement,
                        })>
                            {move || i18n.fill(Msg::ConfirmOffer, &[("value", &value)])}
                        </button>
                        <button type="button" class="small" on:click=move |_| record(EventBody::FactCleared { fact: dismiss_id.clone() })>
                            {move || i18n.t(Msg::NotRight)}
                        </button>
                    </span>
                }
                .into_any()
            }
            _ => {
                let input = match l.fact.kind {
                    FactType::Choice => {
                        let choices = l.fact.choices.clone();
                        view! {
                            <select id=input_id.clone() prop:value=move || draft.get() on:change=move |ev| draft.set(event_target_value(&ev))>
                                <option value="">{move || i18n.t(Msg::ChoosePlaceholder)}</option>
                                {choices.into_iter().map(|c| {
                                    let label = c.name.clone();
                                    view! { <option value=c.id.clone()>{move || label.get(i18n.lang()).to_owned()}</option> }
                                }).collect_view()}
                            </select>
                        }
                        .into_any()
                    }
                    FactType::Bool => view! {
                        <select id=input_id.clone() prop:value=move || draft.get() on:change=move |ev| draft.set(event_target_value(&ev))>
                            <option value="">{move || i18n.t(Msg::ChoosePlaceholder)}</option>
                            <option value="true">{move || i18n.t(Msg::Yes)}</option>
                            <option value="false">{move || i18n.t(Msg::No)}</option>
                        </select>
                    }
                    .into_any(),
                    kind => {
                        let hint = match kind {
                            FactType::Month => Some(Msg::HintMonth),
                            FactType::Date => Some(Msg::HintDate),
                            FactType::Datetime => Some(Msg::HintDatetime),
                            FactType::Money => Some(Msg::HintMoney),
                            _ => None,
                        };
                        let mode = match kind {
                            FactType::Money | FactType::Number => "decimal",
                            FactType::Phone => "tel",
                            _ => "text",
                        };
                        view! {
                            <input id=input_id.clone() type="text" inputmode=mode
                                placeholder=move || hint.map(|h| i18n.t(h)).unwrap_or_default()
                                prop:value=move || draft.get()
                                on:input=move |ev| draft.set(event_target_value(&ev))/>
                        }
                        .into_any()
                    }
                };
                view! {
                    <form class="fact-form" on:submit=move |ev| { ev.prevent_default(); save(FactSource::Answer); }>
                        {input}
                        <button type="submit" class="small">{move || i18n.t(Msg::SaveFact)}</button>
                    </form>
                    {move || problem.get().map(|m| view! { <p role="alert" class="error small">{move || i18n.t(m)}</p> })}
                }
                .into_any()
            }
        };
        let captured = l.captured.is_some();
        Some(view! {
            <li class="fact-row" class:captured=captured>
                <label for=input_id class="fact-name">
                    {move || name.get(i18n.lang()).to_owned()}
                    " "<span class="badge" class:required=l.required>{move || i18n.t(badge)}</span>
                </label>
                {state_view}
            </li>
        })
    }
}
