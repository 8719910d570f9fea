use crate::contexts::case_session::use_case_session;
use crate::contexts::i18n::use_i18n;
use crate::contexts::knowledge::use_knowledge;
use crate::i18n::Msg;
use care_core::pack::PromptKind;
use care_core::EventBody;
use leptos::prelude::*;

/// The recogniser's ranked intents with their confidence; the agent
/// confirms one or picks another. Both are recorded.
#[component]
pub fn IntentSuggestions() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_case_session();
    let knowledge = use_knowledge();
    let chosen = RwSignal::new(String::new());

    let intent_name = move |id: &str| {
        knowledge
            .get()
            .and_then(|k| {
                k.pack
                    .intent(id)
                    .map(|i| i.name.get(i18n.lang()).to_owned())
            })
            .unwrap_or_else(|| id.to_owned())
    };
    let confirm = move |intent: String, overridden: bool| {
        if session.busy() || intent.is_empty() {
            return;
        }
        leptos::task::spawn_local(async move {
            let _ = session
                .record(EventBody::IntentConfirmed { intent, overridden })
                .await;
        });
    };
    // Open questions to suggest when the intent is unclear: the pack's open
    // prompts, the first few.
    let open_questions = move || {
        knowledge
            .get()
            .map(|k| {
                k.pack
                    .prompts
                    .iter()
                    .filter(|p| p.kind == PromptKind::Open)
                    .take(3)
                    .map(|p| p.text.get(i18n.lang()).to_owned())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };

    move || {
        let state = session.state.get()?;
        state.statement.as_ref()?;
        let suggestions = state.suggestions.clone();
        let confirmed = state.intent.clone();
        let overridden = state.intent_overridden;
        Some(view! {
            <section class="intake-block" aria-labelledby="suggestions-heading">
                <h3 id="suggestions-heading">{move || i18n.t(Msg::Suggestions)}</h3>
                {state.intent_unknown.then(|| view! {
                    <div class="notice" role="status">
                        <p>{move || i18n.t(Msg::IntentUnknown)}</p>
                        <ul>{open_questions().into_iter().map(|q| view! { <li>{q}</li> }).collect_view()}</ul>
                    </div>
                })}
                <ol class="suggestions">
                    {suggestions.into_iter().map(|s| {
                        let id = s.intent.clone();
                        let name = {
                            let id = id.clone();
                            move || intent_name(&id)
                        };
                        let percent = f32::from(s.permille) / 10.0;
                        let is_confirmed = confirmed.as_deref() == Some(id.as_str());
                        let label = name.clone();
                        view! {
                            <li class="suggestion" class:confirmed=is_confirmed>
                                <span class="suggestion-name">{name}</span>
                                <meter min="0" max="100" value=percent aria-hidden="true"></meter>
                                <span class="suggestion-confidence">{format!("{percent:.0}%")}</span>
                                <button type="button"
                                    aria-pressed=is_confirmed.to_string()
                                    on:click=move |_| confirm(id.clone(), false)>
                                    {move || i18n.t(Msg::UseThisIntent)}
                                    <span class="visually-hidden">{move || i18n.fill(Msg::IntentSuffix, &[("intent", &label())])}</span>
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ol>
                <form class="inline-form" on:submit=move |ev| {
                    ev.prevent_default();
                    confirm(chosen.get_untracked(), true);
                }>
                    <label>
                        <span>{move || i18n.t(Msg::ChooseIntent)}</span>
                        <select on:change=move |ev| chosen.set(event_target_value(&ev))>
                            <option value="">{move || i18n.t(Msg::ChooseIntentPlaceholder)}</option>
                            {move || knowledge.get().map(|k| k.pack.intents.iter().map(|it| {
                                let id = it.id.clone();
                                let name = it.name.get(i18n.lang()).to_owned();
                                view! { <option value=id>{name}</option> }
                            }).collect_view())}
                        </select>
                    </label>
                    <button type="submit">{move || i18n.t(Msg::UseThisIntent)}</button>
                </form>
                {confirmed.map(|id| {
                    let name = intent_name(&id);
                    view! {
                        <p class="confirmed-intent" role="status">
                            {move || i18n.fill(Msg::ConfirmedIntent, &[("intent", &name)])}
                            {overridden.then(|| view! { " "{move || i18n.t(Msg::Overridden)} })}
                        </p>
                    }
                })}
            </section>
        })
    }
}
