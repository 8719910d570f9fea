use crate::contexts::i18n::use_i18n;
use crate::contexts::knowledge::use_knowledge;
use crate::contexts::training::LibraryEntry;
use crate::i18n::Msg;
use crate::ui::training::start_button::StartButton;
use crate::ui::training::words::level_name;
use leptos::prelude::*;

/// The library as a table: title and brief, the intent, the level,
/// whether it is built in or imported here, and a way to start practising.
#[component]
pub fn ScenarioList(entries: Vec<LibraryEntry>) -> impl IntoView {
    let i18n = use_i18n();
    let knowledge = use_knowledge();
    let count = entries.len().to_string();
    let intent_name = move |id: &str| {
        knowledge
            .get()
            .and_then(|k| {
                k.pack
                    .intents
                    .iter()
                    .find(|i| i.id == id)
                    .map(|i| i.name.get(i18n.lang()).to_owned())
            })
            .unwrap_or_else(|| id.to_owned())
    };
    view! {
        <section class="card" aria-labelledby="library-heading">
            <h2 id="library-heading">{move || i18n.t(Msg::LibraryHeading)}</h2>
            <p role="status" data-testid="scenario-count">{move || i18n.fill(Msg::ScenarioCount, &[("n", &count)])}</p>
            <table class="scenario-table">
                <thead><tr>
                    <th scope="col">{move || i18n.t(Msg::ScenarioTitle)}</th>
                    <th scope="col">{move || i18n.t(Msg::ScenarioIntent)}</th>
                    <th scope="col">{move || i18n.t(Msg::ScenarioLevel)}</th>
                    <th scope="col">{move || i18n.t(Msg::ScenarioSource)}</th>
                    <th scope="col"><span class="visually-hidden">{move || i18n.t(Msg::StartPractice)}</span></th>
                </tr></thead>
                <tbody>
                    {entries.into_iter().map(|e| {
                        let s = e.scenario;
                        let title = s.title.clone();
                        let brief = s.brief.clone();
                        let intent = s.truth.intent.clone();
                        let level = level_name(s.level);
                        let file = e.file.clone();
                        let id = s.id.clone();
                        view! {
                            <tr data-scenario=s.id.clone()>
                                <td>
                                    <strong>{move || title.get(i18n.lang()).to_owned()}</strong>
                                    {brief.map(|b| view! { <p class="small muted">{move || b.get(i18n.lang()).to_owned()}</p> })}
                                </td>
                                <td>{move || intent_name(&intent)}</td>
                                <td>{move || i18n.t(level)}</td>
                                <td>{move || match &file {
                                    None => i18n.t(Msg::ScenarioBuiltIn).to_owned(),
                                    Some(f) => i18n.fill(Msg::ScenarioImportedFrom, &[("file", f)]),
                                }}</td>
                                <td><StartButton scenario=id/></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
