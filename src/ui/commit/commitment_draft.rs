use crate::contexts::case_session::use_case_session;
use crate::contexts::drafts::Drafts;
use crate::contexts::i18n::use_i18n;
use crate::contexts::knowledge::use_knowledge;
use crate::i18n::Msg;
use care_core::case::FactSource;
use care_core::commit::{format_deadline, unfilled, CommitmentPlan};
use care_core::diagnose::show_fact;
use care_core::facts::FactValue;
use care_core::pack::{Choice, FactType};
use care_core::resolve::Authority;
use care_core::{EventBody, Lang, Text};
use leptos::prelude::*;

/// The pack fact that says how the customer wants to hear back (named in
/// the pack format's conventions; a pack without it gets a text field).
pub const CONTACT_FACT: &str = "contact_preference";

/// The form's fields kept as drafts: language, way to reply (picked or
/// typed) and steps.
const DRAFT_FIELDS: [&str; 4] = [
    "commit.lang",
    "commit.contact",
    "commit.contact_text",
    "commit.steps",
];

/// A planned commitment, or why there is none.
pub type Planned = Option<Result<CommitmentPlan, (Msg, String)>>;

fn same(s: &str) -> Text {
    Text {
        zh_cn: s.to_owned(),
        en: s.to_owned(),
    }
}

/// The agent's words for a placeholder still empty.
fn placeholder_msg(name: &str) -> Msg {
    match name {
        "contact" => Msg::PlaceholderContact,
        "steps" => Msg::PlaceholderSteps,
        _ => Msg::PlaceholderOther,
    }
}

/// Drafting the commitment: the customer's language, how they will hear
/// back, the steps if the wording needs them, and the words to say, from
/// the pack's template; "Make this commitment" records it as said.
#[component]
pub fn CommitmentDraft(#[prop(into)] plan: Signal<Planned>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_case_session();
    let knowledge = use_knowledge();
    let drafts = Drafts::of_case();
    let lang = drafts.field(DRAFT_FIELDS[0], i18n.lang());
    let picked = drafts.field(DRAFT_FIELDS[1], None::<String>);
    let typed = drafts.field(DRAFT_FIELDS[2], String::new());
    let steps_text = drafts.field(DRAFT_FIELDS[3], String::new());
    let tried = RwSignal::new(false);

    // The pack's ways to reply, if it has them as a choice fact.
    let choices = Memo::new(move |_| {
        knowledge.get().and_then(|k| {
            k.pack
                .fact(CONTACT_FACT)
                .filter(|f| f.kind == FactType::Choice && !f.choices.is_empty())
                .map(|f| f.choices.clone())
        })
    });
    let captured = Memo::new(move |_| {
        session
            .state
            .get()
            .and_then(|s| s.facts.get(CONTACT_FACT).map(|c| c.value.clone()))
    });
    let choice_id = move || {
        picked.get().or_else(|| match captured.get() {
            Some(FactValue::Choice(id)) => Some(id),
            _ => None,
        })
    };
    let contact = Signal::derive(move || -> Option<Text> {
        match (choices.get(), captured.get()) {
            (Some(list), _) => {
                let id = choice_id()?;
                list.into_iter().find(|c| c.id == id).map(|c| c.name)
            }
            (None, Some(v)) => knowledge
                .get()
                .map(|k| show_fact(&k.pack, CONTACT_FACT, &v)),
            (None, None) => {
                let t = typed.get();
                let t = t.trim();
                (!t.is_empty()).then(|| same(t))
            }
        }
    });
    let steps = Signal::derive(move || {
        steps_text
            .get()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(same)
            .collect::<Vec<_>>()
    });
    let ready = move || plan.get().and_then(|p| p.ok());
    // What the template leaves to the agent, and what of it is still empty.
    let agent_fills = Memo::new(move |_| {
        ready()
            .map(|p| unfilled(&p.template, &p.fill))
            .unwrap_or_default()
    });
    let missing = Memo::new(move |_| {
        ready()
            .map(|p| unfilled(&p.template, &p.filled(contact.get(), steps.get())))
            .unwrap_or_default()
    });
    let needs = move |name: &str| agent_fills.get().contains(&name);

    let make = move |_| {
        tried.set(true);
        let Some(p) = plan.get_untracked().and_then(|p| p.ok()) else {
            return;
        };
        if !missing.get_untracked().is_empty() || session.busy() {
            return;
        }
        let l = lang.get_untracked();
        let contact = contact.get_untracked();
        let text = p
            .text(contact.clone(), steps.get_untracked())
            .get(l)
            .to_owned();
        let tasks = p.task_plans();
        // A way to reply picked here is the customer's preference: it goes
        // into the facts as well, so no one asks again.
        let preference = picked
            .get_untracked()
            .filter(|id| captured.get_untracked() != Some(FactValue::Choice(id.clone())));
        let commitment = EventBody::CommitmentMade {
            solution: p.solution.clone(),
            text,
            lang: l,
            deadline: p.deadline,
            contact: contact.map(|c| c.get(l).to_owned()).unwrap_or_default(),
            tasks,
        };
        leptos::task::spawn_local(async move {
            if let Some(id) = preference {
                let fact = EventBody::FactCaptured {
                    fact: CONTACT_FACT.to_owned(),
                    value: FactValue::Choice(id),
                    source: FactSource::Answer,
                };
                if session.record(fact).await.is_err() {
                    return;
                }
            }
            if session.record(commitment).await.is_ok() {
                drafts.forget(&DRAFT_FIELDS);
            }
        });
    };

    let lang_option = move |l: Lang, label: &'static str| {
        view! {
            <label class="choice" lang=l.tag()>
                <input type="radio" name="commit-lang" value=l.tag()
                    prop:checked=move || lang.get() == l
                    on:change=move |_| lang.set(l)/>
                {label}
            </label>
        }
    };

    // The form is rebuilt only when the solution changes, not when the
    // deadline moves with the clock (it keeps focus and what is typed).
    let shape = Memo::new(move |_| match plan.get() {
        None => None,
        Some(Err(e)) => Some(Err(e)),
        Some(Ok(p)) => Some(Ok(p.solution)),
    });
    let preview = Signal::derive(move || {
        ready()
            .map(|p| {
                p.text(contact.get(), steps.get())
                    .get(lang.get())
                    .to_owned()
            })
            .unwrap_or_default()
    });
    let shown = move |f: fn(&CommitmentPlan, Lang) -> String| {
        move || ready().map(|p| f(&p, i18n.lang())).unwrap_or_default()
    };

    move || {
        match shape.get() {
        None => view! { <p class="notice">{move || i18n.t(Msg::PackUnavailable)}</p> }.into_any(),
        Some(Err((m, id))) => view! {
            <p class="notice" role="alert">{move || i18n.fill(m, &[("solution", &id), ("cause", &id), ("what", &id)])}</p>
        }
        .into_any(),
        Some(Ok(_)) => {
            let escalated = move || {
                ready().and_then(|p| match p.authority {
                    Authority::Within => None,
                    Authority::Escalate { team_name, .. } => Some(team_name),
                })
            };
            view! {
                <section class="commit-draft" aria-labelledby="draft-heading">
                    <h3 id="draft-heading">{move || {
                        let name = shown(|p, l| p.name.get(l).to_owned())();
                        i18n.fill(Msg::CommitFor, &[("solution", &name)])
                    }}</h3>
                    <dl class="facts terms">
                        <dt>{move || i18n.t(Msg::Deadline)}</dt>
                        <dd>{shown(|p, l| format_deadline(p.deadline).get(l).to_owned())}</dd>
                        <dt>{move || i18n.t(Msg::Fee)}</dt>
                        <dd class="mono">{shown(|p, _| p.fee.to_string())}</dd>
                        <dt>{move || i18n.t(Msg::Refund)}</dt>
                        <dd class="mono">{shown(|p, _| p.refund.to_string())}</dd>
                    </dl>
                    {move || escalated().map(|team| view! {
                        <p class="muted small">{move || i18n.fill(Msg::EscalatedPlanNote, &[("team", team.get(i18n.lang()))])}</p>
                    })}
                    <fieldset class="choice-group">
                        <legend>{move || i18n.t(Msg::CustomerLanguage)}</legend>
                        {lang_option(Lang::ZhCn, "中文")}
                        {lang_option(Lang::En, "English")}
                    </fieldset>
                    {move || match (choices.get(), captured.get()) {
                        (Some(list), _) => view! {
                            <fieldset class="choice-group">
                                <legend>
                                    {move || i18n.t(Msg::HowToReply)}
                                    {move || needs("contact").then(|| view! { " "<span class="badge required">{move || i18n.t(Msg::Required)}</span> })}
                                </legend>
                                {list.into_iter().map(|c: Choice| {
                                    let id = c.id.clone();
                                    let id2 = c.id.clone();
                                    view! {
                                        <label class="choice">
                                            <input type="radio" name="commit-contact" value=c.id.clone()
                                                prop:checked=move || choice_id().as_deref() == Some(id.as_str())
                                                on:change=move |_| picked.set(Some(id2.clone()))/>
                                            {move || c.name.get(i18n.lang()).to_owned()}
                                        </label>
                                    }
                                }).collect_view()}
                            </fieldset>
                        }.into_any(),
                        (None, Some(_)) => view! {
                            <p>{move || i18n.t(Msg::HowToReply)}": "{move || contact.get().map(|c| c.get(i18n.lang()).to_owned())}</p>
                        }.into_any(),
                        (None, None) => view! {
                            <label class="field">
                                <span>{move || i18n.t(Msg::ContactOther)}</span>
                                <input type="text" prop:value=move || typed.get()
                                    on:input=move |ev| typed.set(event_target_value(&ev))/>
                            </label>
                        }.into_any(),
                    }}
                    {move || needs("steps").then(|| view! {
                        <label class="field">
                            <span>{move || i18n.t(Msg::StepsLabel)}</span>
                            <textarea rows="3" prop:value=move || steps_text.get()
                                on:input=move |ev| steps_text.set(event_target_value(&ev))></textarea>
                        </label>
                    })}
                    <h4 class="preview-heading">{move || i18n.t(Msg::Preview)}</h4>
                    <blockquote class="commitment-text" lang=move || lang.get().tag()>{move || preview.get()}</blockquote>
                    {move || {
                        let m = missing.get();
                        (!m.is_empty()).then(|| {
                            let list = move || {
                                m.iter().map(|n| i18n.t(placeholder_msg(n))).collect::<Vec<_>>().join(match i18n.lang() { Lang::ZhCn => "、", Lang::En => ", " })
                            };
                            let class = if tried.get() { "error" } else { "muted" };
                            view! { <p class=class role=if tried.get() { "alert" } else { "note" }>{move || i18n.fill(Msg::StillToFill, &[("what", &list())])}</p> }
                        })
                    }}
                    <div class="actions">
                        <button type="button" class="primary" on:click=make>{move || i18n.t(Msg::MakeCommitment)}</button>
                    </div>
                </section>
            }
            .into_any()
        }
    }
    }
}
