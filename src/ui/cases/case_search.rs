use crate::contexts::i18n::use_i18n;
use crate::contexts::knowledge::use_knowledge;
use crate::contexts::search::{use_search, IndexState};
use crate::i18n::{channel_name, status_name, Msg};
use crate::platform::clock::local_offset;
use crate::ui::cases::search_results::SearchResults;
use care_core::search::{CaseStatus, Query};
use care_core::Channel;
use leptos::prelude::*;
use time::macros::format_description;
use time::Date;

/// How many cases a search shows at once.
const SHOWN: usize = 50;

/// The archive search on the case list: words (phone, name, reference,
/// anything typed in a case) and filters, answered as they are typed from
/// the index in memory. With nothing asked it lists the latest cases.
#[component]
pub fn CaseSearch() -> impl IntoView {
    let i18n = use_i18n();
    let search = use_search();
    let knowledge = use_knowledge();
    let words = RwSignal::new(String::new());
    let intent = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<CaseStatus>);
    let channel = RwSignal::new(None::<Channel>);
    let from = RwSignal::new(None::<Date>);
    let to = RwSignal::new(None::<Date>);

    let query = Memo::new(move |_| Query {
        text: words.get(),
        intent: intent.get(),
        status: status.get(),
        channel: channel.get(),
        from: from.get(),
        to: to.get(),
        offset: Some(local_offset()),
    });
    let results = Memo::new(move |_| search.find(&query.get(), SHOWN));
    let clear = move |_| {
        words.set(String::new());
        intent.set(None);
        status.set(None);
        channel.set(None);
        from.set(None);
        to.set(None);
    };
    let intents = move || {
        let lang = i18n.lang();
        knowledge
            .get()
            .map(|k| {
                k.pack
                    .intents
                    .iter()
                    .map(|i| (i.id.clone(), i.name.get(lang).to_owned()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };

    view! {
        <section class="card case-search" aria-labelledby="case-search-heading">
            <h2 id="case-search-heading">{move || i18n.t(Msg::SearchHeading)}</h2>
            <form class="search-form" role="search" on:submit=|ev| ev.prevent_default()>
                <label class="search-words">
                    <span>{move || i18n.t(Msg::SearchWords)}</span>
                    <input type="search" autocomplete="off" spellcheck="false"
                        aria-describedby="search-words-hint"
                        prop:value=move || words.get()
                        on:input=move |ev| words.set(event_target_value(&ev))/>
                    <small id="search-words-hint" class="muted">{move || i18n.t(Msg::SearchWordsHint)}</small>
                </label>
                <label>
                    <span>{move || i18n.t(Msg::Intent)}</span>
                    <select on:change=move |ev| {
                        let v = event_target_value(&ev);
                        intent.set((!v.is_empty()).then_some(v));
                    }>
                        <option value="" selected=move || intent.get().is_none()>{move || i18n.t(Msg::SearchAny)}</option>
                        {move || intents().into_iter().map(|(id, name)| {
                            let selected_id = id.clone();
                            view! { <option value=id selected=move || intent.get().as_deref() == Some(selected_id.as_str())>{name}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <label>
                    <span>{move || i18n.t(Msg::SearchStatus)}</span>
                    <select on:change=move |ev| status.set(CaseStatus::from_slug(&event_target_value(&ev)))>
                        <option value="" selected=move || status.get().is_none()>{move || i18n.t(Msg::SearchAny)}</option>
                        {CaseStatus::ALL.into_iter().map(|s| view! {
                            <option value=s.slug() selected=move || status.get() == Some(s)>{move || i18n.t(status_name(s))}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label>
                    <span>{move || i18n.t(Msg::SearchChannel)}</span>
                    <select on:change=move |ev| channel.set(Channel::from_slug(&event_target_value(&ev)))>
                        <option value="" selected=move || channel.get().is_none()>{move || i18n.t(Msg::SearchAny)}</option>
                        {Channel::ALL.into_iter().map(|c| view! {
                            <option value=c.slug() selected=move || channel.get() == Some(c)>{move || i18n.t(channel_name(c))}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label>
                    <span>{move || i18n.t(Msg::SearchFrom)}</span>
                    <input type="date" prop:value=move || from.get().map(iso).unwrap_or_default()
                        on:change=move |ev| from.set(parse_day(&event_target_value(&ev)))/>
                </label>
                <label>
                    <span>{move || i18n.t(Msg::SearchTo)}</span>
                    <input type="date" prop:value=move || to.get().map(iso).unwrap_or_default()
                        on:change=move |ev| to.set(parse_day(&event_target_value(&ev)))/>
                </label>
                <button type="button" on:click=clear>{move || i18n.t(Msg::SearchClear)}</button>
            </form>
            {move || match search.state.get() {
                IndexState::Idle | IndexState::Loading => view! {
                    <p role="status">{move || i18n.t(Msg::SearchIndexLoading)}</p>
                }.into_any(),
                IndexState::Failed(_) => view! {
                    <p role="alert" class="error">{move || i18n.t(Msg::SearchIndexFailed)}</p>
                    <button type="button" on:click=move |_| leptos::task::spawn_local(search.load())>
                        {move || i18n.t(Msg::Retry)}
                    </button>
                }.into_any(),
                IndexState::Ready => view! { <SearchResults results=results query=query/> }.into_any(),
            }}
        </section>
    }
}

fn iso(day: Date) -> String {
    day.format(format_description!("[year]-[month]-[day]"))
        .unwrap_or_default()
}

fn parse_day(text: &str) -> Option<Date> {
    Date::parse(text, format_description!("[year]-[month]-[day]")).ok()
}
