use crate::contexts::case_session::use_case_session;
use crate::contexts::i18n::use_i18n;
use crate::contexts::knowledge::use_knowledge;
use crate::i18n::Msg;
use crate::ui::diagnose::cause_card::percent;
use care_core::diagnose::MissingFact;
use care_core::Stage;
use leptos::prelude::*;

/// "What to ask to be sure": the facts whose answer could raise a cause,
/// the most telling first, each with the pack's question for it.
#[component]
pub fn QuestionsToAsk(
    missing: Vec<MissingFact>,
    /// The case's intent, to prefer its own questions.
    intent: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_case_session();
    let knowledge = use_knowledge();
    let empty = missing.is_empty();

    // The pack's question that collects a fact: one of the intent's own
    // prompts first, else any prompt that collects it.
    let question = move |fact: &str| {
        let k = knowledge.get()?;
        let pack = &k.pack;
        let collects = |id: &str| {
            pack.prompts
                .iter()
                .find(|p| p.id == id && p.collects.iter().any(|c| c == fact))
        };
        let own = pack
            .intent(&intent)
            .and_then(|i| i.prompts.iter().find_map(|id| collects(id)));
        own.or_else(|| {
            pack.prompts
                .iter()
                .find(|p| p.collects.iter().any(|c| c == fact))
        })
        .map(|p| p.text.get(i18n.lang()).to_owned())
    };

    view! {
        <section class="questions" aria-labelledby="questions-heading">
            <h3 id="questions-heading">{move || i18n.t(Msg::AskToBeSure)}</h3>
            {empty.then(|| view! { <p class="muted">{move || i18n.t(Msg::NothingToAsk)}</p> })}
            <ol class="question-list">
                {missing.into_iter().map(|m| {
                    let fact = m.fact.clone();
                    let q = question.clone();
                    let gain = percent(m.gain).max(1).to_string();
                    let supports = m.supports.clone();
                    let name = m.name.clone();
                    view! {
                        <li class="question">
                            <strong>{move || name.get(i18n.lang()).to_owned()}</strong>
                            " "<span class="badge">{move || i18n.fill(Msg::GainUpTo, &[("n", &gain)])}</span>
                            {move || q(&fact).map(|text| view! {
                                <p class="ask"><span class="muted">{move || i18n.t(Msg::YouCouldAsk)}</span><q>{text}</q></p>
                            })}
                            <p class="muted small">{move || {
                                let lang = i18n.lang();
                                let sep = match lang { care_core::Lang::ZhCn => "、", care_core::Lang::En => ", " };
                                let names = supports.iter().map(|s| s.name.get(lang)).collect::<Vec<_>>().join(sep);
                                i18n.fill(Msg::CouldSupport, &[("causes", &names)])
                            }}</p>
                        </li>
                    }
                }).collect_view()}
            </ol>
            {(!empty).then(|| view! {
                <button type="button" on:click=move |_| session.move_to(Stage::Listen)>
                    {move || i18n.t(Msg::RecordAtListen)}
                </button>
            })}
        </section>
    }
}
