use crate::contexts::i18n::use_i18n;
use crate::contexts::knowledge::use_knowledge;
use crate::contexts::search::use_search;
use crate::i18n::{channel_name, Msg};
use crate::platform::{clock, download};
use crate::ui::insights::funnel_chart::FunnelChart;
use crate::ui::insights::knowledge_gaps::KnowledgeGaps;
use crate::ui::insights::metric_definitions::MetricDefinitions;
use crate::ui::insights::metrics_table::MetricsTable;
use crate::ui::insights::volume_chart::VolumeChart;
use care_core::commit::BusinessCalendar;
use care_core::insight::{metrics_csv, Casebook, Filter, GroupBy};
use care_core::Channel;
use leptos::prelude::*;
use time::macros::format_description;
use time::Date;

const GROUPS: [(GroupBy, Msg); 8] = [
    (GroupBy::Day, Msg::GroupDay),
    (GroupBy::Week, Msg::GroupWeek),
    (GroupBy::Month, Msg::GroupMonth),
    (GroupBy::Intent, Msg::GroupIntent),
    (GroupBy::Channel, Msg::GroupChannel),
    (GroupBy::Agent, Msg::GroupAgent),
    (GroupBy::Team, Msg::GroupAgentTeam),
    (GroupBy::EscalationTeam, Msg::GroupTeam),
];

fn parse_day(text: &str) -> Option<Date> {
    Date::parse(text, format_description!("[year]-[month]-[day]")).ok()
}

/// The metrics of the real cases on this device (training left out), from
/// the facts kept in each case's summary: filters, the key figures, the
/// volume by day with its first-contact resolution, the funnel of stages,
/// and a table by the chosen grouping, exported as CSV.
#[component]
pub fn InsightsPage() -> impl IntoView {
    let i18n = use_i18n();
    let search = use_search();
    let knowledge = use_knowledge();
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let intent = RwSignal::new(String::new());
    let channel = RwSignal::new(String::new());
    let agent = RwSignal::new(String::new());
    let team = RwSignal::new(String::new());
    let group = RwSignal::new(GroupBy::Intent);
    let offset = Memo::new(move |_| {
        knowledge
            .get()
            .and_then(|k| BusinessCalendar::from_pack(&k.pack.calendar).ok())
            .map(|c| c.offset())
            .unwrap_or(time::UtcOffset::UTC)
    });
    let book = Memo::new(move |_| Casebook::from_facts(search.insight_facts(), offset.get(), 0));
    let filter = Memo::new(move |_| Filter {
        from: parse_day(&from.get()),
        to: parse_day(&to.get()),
        intent: Some(intent.get()).filter(|i| !i.is_empty()),
        channel: Channel::from_slug(&channel.get()),
        agent: Some(agent.get()).filter(|a| !a.is_empty()),
        team: Some(team.get()).filter(|t| !t.is_empty()),
    });
    let people = Memo::new(move |_| book.with(|b| b.agents_and_teams()));
    let report =
        Memo::new(move |_| book.with(|b| b.metrics(&filter.get(), group.get(), clock::now())));
    // By day, or by week when days would be too thin to read.
    let by_day = Memo::new(move |_| {
        book.with(|b| {
            let days = b.metrics(&filter.get(), GroupBy::Day, clock::now());
            if days.rows.len() > 120 {
                b.metrics(&filter.get(), GroupBy::Week, clock::now())
            } else {
                days
            }
        })
    });
    let funnel = Memo::new(move |_| book.with(|b| b.funnel(&filter.get())));
    let failed = RwSignal::new(false);
    let export = move |_| {
        let csv = report.with_untracked(|r| metrics_csv(r, i18n.lang()));
        let name = format!(
            "care-metrics-{}-{}.csv",
            group.get_untracked().slug(),
            clock::now().date()
        );
        failed.set(download::save(&name, "text/csv;charset=utf-8", &csv).is_err());
    };
    let intents = move || {
        knowledge
            .get()
            .map(|k| {
                k.pack
                    .intents
                    .iter()
                    .map(|i| (i.id.clone(), i.name.get(i18n.lang()).to_owned()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    view! {
        <main id="main" class="pack-page insights-page" tabindex="-1">
            <h1>{move || i18n.t(Msg::InsightsHeading)}</h1>
            <p class="muted">{move || i18n.t(Msg::InsightsExplain)}</p>
            <form class="card filters" on:submit=|ev| ev.prevent_default() aria-label=move || i18n.t(Msg::Filters)>
                <label for="insights-from"><span>{move || i18n.t(Msg::FilterFrom)}</span>
                    <input id="insights-from" type="date" prop:value=move || from.get() on:change=move |ev| from.set(event_target_value(&ev))/></label>
                <label for="insights-to"><span>{move || i18n.t(Msg::FilterTo)}</span>
                    <input id="insights-to" type="date" prop:value=move || to.get() on:change=move |ev| to.set(event_target_value(&ev))/></label>
                <label for="insights-intent"><span>{move || i18n.t(Msg::ScenarioIntent)}</span>
                    <select id="insights-intent" on:change=move |ev| intent.set(event_target_value(&ev))>
                        <option value="">{move || i18n.t(Msg::FilterAll)}</option>
                        {move || intents().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                    </select></label>
                <label for="insights-channel"><span>{move || i18n.t(Msg::Channel)}</span>
                    <select id="insights-channel" on:change=move |ev| channel.set(event_target_value(&ev))>
                        <option value="">{move || i18n.t(Msg::FilterAll)}</option>
                        {Channel::ALL.into_iter().map(|c| view! { <option value=c.slug()>{move || i18n.t(channel_name(c))}</option> }).collect_view()}
                    </select></label>
                <label for="insights-agent"><span>{move || i18n.t(Msg::FilterAgent)}</span>
                    <select id="insights-agent" on:change=move |ev| agent.set(event_target_value(&ev))>
                        <option value="">{move || i18n.t(Msg::FilterAll)}</option>
                        {move || people.with(|(names, _)| names.iter().map(|n| view! { <option value=n.clone() translate="no">{n.clone()}</option> }).collect_view())}
                    </select></label>
                <label for="insights-team"><span>{move || i18n.t(Msg::FilterAgentTeam)}</span>
                    <select id="insights-team" on:change=move |ev| team.set(event_target_value(&ev))>
                        <option value="">{move || i18n.t(Msg::FilterAll)}</option>
                        {move || people.with(|(_, teams)| teams.iter().map(|t| view! { <option value=t.clone() translate="no">{t.clone()}</option> }).collect_view())}
                    </select></label>
                <label for="insights-group"><span>{move || i18n.t(Msg::GroupBy)}</span>
                    <select id="insights-group" on:change=move |ev| if let Some(g) = GroupBy::from_slug(&event_target_value(&ev)) { group.set(g) }>
                        {GROUPS.into_iter().map(|(g, m)| view! { <option value=g.slug() selected=move || group.get() == g>{move || i18n.t(m)}</option> }).collect_view()}
                    </select></label>
            </form>
            <section class="card" aria-labelledby="key-figures">
                <h2 id="key-figures">{move || i18n.t(Msg::KeyFigures)}</h2>
                <MetricsTable report=report total_only=true/>
            </section>
            <section class="card" aria-labelledby="volume-heading">
                <h2 id="volume-heading">{move || if by_day.with(|r| r.group == GroupBy::Week) { i18n.t(Msg::VolumeHeadingWeeks) } else { i18n.t(Msg::VolumeHeading) }}</h2>
                <VolumeChart report=by_day/>
            </section>
            <section class="card" aria-labelledby="funnel-heading">
                <h2 id="funnel-heading">{move || i18n.t(Msg::FunnelHeading)}</h2>
                <FunnelChart funnel=funnel/>
            </section>
            <section class="card" aria-labelledby="breakdown-heading">
                <h2 id="breakdown-heading">{move || i18n.t(Msg::BreakdownHeading)}</h2>
                <div class="export-buttons">
                    <button type="button" on:click=export data-testid="metrics-csv">{move || i18n.t(Msg::ExportCsv)}</button>
                    {move || failed.get().then(|| view! { <p role="alert" class="error">{move || i18n.t(Msg::ExportFailed)}</p> })}
                </div>
                <MetricsTable report=report total_only=false/>
            </section>
            <section class="card" aria-labelledby="gaps-heading">
                <h2 id="gaps-heading">{move || i18n.t(Msg::GapsHeading)}</h2>
                <p class="muted">{move || i18n.t(Msg::GapsExplain)}</p>
                <KnowledgeGaps book=book filter=filter/>
            </section>
            <MetricDefinitions/>
        </main>
    }
}
