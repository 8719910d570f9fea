use crate::contexts::case_session::use_case_session;
use crate::contexts::i18n::use_i18n;
use crate::contexts::knowledge::use_knowledge;
use crate::i18n::Msg;
use crate::platform::clock;
use crate::ui::listen::fact_row::{FactLine, FactRow};
use crate::ui::listen::prompt_item::{PromptItem, PromptLine};
use care_core::listen::listening;
use care_core::pack::calendar::parse_offset;
use leptos::prelude::*;

/// What the listen stage shows, owned so it can live in signals.
#[derive(Clone, Debug, PartialEq)]
struct Snapshot {
    prompts: Vec<PromptLine>,
    facts: Vec<FactLine>,
    done: usize,
    total: usize,
    next: Option<String>,
}

/// The listen stage: the next question, the prompts with their status and
/// the facts checklist with progress.
#[component]
pub fn ListenPanel() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_case_session();
    let knowledge = use_knowledge();

    let snapshot = Memo::new(move |_| {
        let k = knowledge.get()?;
        let state = session.state.get()?;
        let offset = parse_offset(&k.pack.calendar.utc_offset).unwrap_or(time::UtcOffset::UTC);
        let l = listening(&k.pack, &state, clock::now().to_offset(offset))?;
        Some(Snapshot {
            prompts: l
                .prompts
                .iter()
                .map(|p| PromptLine {
                    prompt: p.prompt.clone(),
                    asked: p.asked,
                    known: p.known,
                })
                .collect(),
            facts: l
                .facts
                .iter()
                .map(|f| FactLine {
                    fact: f.fact.clone(),
                    required: f.required,
                    captured: f.captured.cloned(),
                    offer: f.offer.clone(),
                })
                .collect(),
            done: l.required_captured,
            total: l.required_total,
            next: l.next.map(|p| p.id.clone()),
        })
    });
    // The rows are keyed by id so a row keeps what is half typed in it
    // while other rows change.
    let prompt_ids = Memo::new(move |_| {
        snapshot
            .get()
            .map(|s| {
                s.prompts
                    .iter()
                    .map(|p| p.prompt.id.clone())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let fact_ids = Memo::new(move |_| {
        snapshot
            .get()
            .map(|s| {
                s.facts
                    .iter()
                    .map(|f| f.fact.id.clone())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let prompt = move |id: &str| {
        snapshot
            .get()
            .and_then(|s| s.prompts.into_iter().find(|p| p.prompt.id == id))
    };
    let fact = move |id: &str| {
        snapshot
            .get()
            .and_then(|s| s.facts.into_iter().find(|f| f.fact.id == id))
    };
    view! {
        {move || snapshot.get().is_none().then(|| view! {
            <p class="notice">{move || i18n.t(Msg::NoIntentYet)}</p>
        })}
        <Show when=move || snapshot.get().is_some()>
            <div class="listen">
                <div class="listen-progress" role="status">
                    {move || snapshot.get().map(|s| {
                        let label = i18n.fill(Msg::ListenProgress, &[("done", &s.done.to_string()), ("total", &s.total.to_string())]);
                        view! {
                            <progress max=s.total.max(1) value=s.done aria-label=label.clone()></progress>
                            <span>{label}</span>
                            {(s.done == s.total).then(|| view! { <span class="ok">{move || i18n.t(Msg::ListenComplete)}</span> })}
                        }
                    })}
                </div>
                <section aria-labelledby="prompts-heading">
                    <h3 id="prompts-heading">{move || i18n.t(Msg::Prompts)}</h3>
                    <ul class="prompt-list">
                        <For each=move || prompt_ids.get() key=|id| id.clone() let:id>
                            {
                                let id2 = id.clone();
                                let line = Memo::new(move |_| prompt(&id2));
                                let is_next = Memo::new(move |_| snapshot.get().and_then(|s| s.next).as_deref() == Some(id.as_str()));
                                view! { <PromptItem line=line.into() is_next=is_next.into()/> }
                            }
                        </For>
                    </ul>
                </section>
                <section aria-labelledby="facts-heading">
                    <h3 id="facts-heading">{move || i18n.t(Msg::FactsChecklist)}</h3>
                    <ul class="fact-list">
                        <For each=move || fact_ids.get() key=|id| id.clone() let:id>
                            {
                                let line = Memo::new(move |_| fact(&id));
                                view! { <FactRow line=line.into()/> }
                            }
                        </For>
                    </ul>
                </section>
            </div>
        </Show>
    }
}
