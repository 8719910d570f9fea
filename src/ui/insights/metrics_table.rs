use crate::contexts::i18n::{use_i18n, I18n};
use crate::contexts::knowledge::use_knowledge;
use crate::i18n::{channel_name, Msg};
use care_core::insight::definitions::definition;
use care_core::insight::{GroupBy, Rate, Report, Row};
use care_core::Channel;
use leptos::prelude::*;

/// A column's tooltip: the one-sentence form of the metric's definition,
/// which the foot of the page gives in full.
fn gist(key: &str, i18n: I18n) -> &'static str {
    definition(key).map_or("", |d| d.gist(i18n.lang()))
}

/// "42% (21 of 50)", or "—" when there is nothing to count.
fn rate(r: Rate, i18n: I18n) -> String {
    match r.percent() {
        Some(p) => i18n.fill(
            Msg::RateOf,
            &[
                ("p", &p.to_string()),
                ("hits", &r.hits.to_string()),
                ("of", &r.of.to_string()),
            ],
        ),
        None => "—".to_owned(),
    }
}

fn minutes(secs: Option<u64>) -> String {
    secs.map(|s| format!("{}:{:02}", s / 60, s % 60))
        .unwrap_or_else(|| "—".into())
}

/// The metrics, a row per group (or the one total row), each figure with
/// what it counts. The definitions are in the app's help (`docs`) and in
/// `care_core::insight`.
#[component]
pub fn MetricsTable(report: Memo<Report>, total_only: bool) -> impl IntoView {
    let i18n = use_i18n();
    let knowledge = use_knowledge();
    let key_name = move |group: GroupBy, key: &str| -> String {
        if key.is_empty() {
            return i18n.t(Msg::NoneKey).to_owned();
        }
        match group {
            GroupBy::Intent => knowledge
                .get()
                .and_then(|k| {
                    k.pack
                        .intent(key)
                        .map(|i| i.name.get(i18n.lang()).to_owned())
                })
                .unwrap_or_else(|| key.to_owned()),
            GroupBy::Channel => Channel::from_slug(key)
                .map(|c| i18n.t(channel_name(c)).to_owned())
                .unwrap_or_else(|| key.to_owned()),
            GroupBy::EscalationTeam => knowledge
                .get()
                .and_then(|k| {
                    k.pack
                        .teams
                        .iter()
                        .find(|t| t.id == key)
                        .map(|t| t.name.get(i18n.lang()).to_owned())
                })
                .unwrap_or_else(|| key.to_owned()),
            _ => key.to_owned(),
        }
    };
    let cells = move |r: &Row| {
        let csat = r
            .csat
            .mean_tenths
            .map(|t| format!("{}.{}", t / 10, t % 10))
            .unwrap_or_else(|| "—".into());
        let nps = r
            .nps
            .score
            .map(|n| n.to_string())
            .unwrap_or_else(|| "—".into());
        view! {
            <td data-col="cases">{r.cases}</td>
            <td data-col="fcr">{rate(r.fcr, i18n)}</td>
            <td data-col="aht">{minutes(r.handle_time.mean_secs)}</td>
            <td data-col="csat">{csat}</td>
            <td data-col="nps">{nps}</td>
            <td data-col="repeat">{rate(r.repeat_contact, i18n)}</td>
            <td data-col="escalation">{rate(r.escalation, i18n)}</td>
            <td data-col="commitments">{rate(r.commitments_met, i18n)}</td>
            <td data-col="reopen">{rate(r.reopen, i18n)}</td>
        }
    };
    view! {
        // Focusable, so a keyboard can scroll a table wider than the screen.
        <div class="table-scroll" tabindex="0">
            <table class="metrics-table" data-testid=if total_only { "metrics-total" } else { "metrics-rows" }>
                <thead><tr>
                    <th scope="col">{move || if total_only { i18n.t(Msg::AllCases) } else { i18n.t(Msg::GroupKey) }}</th>
                    <th scope="col"><abbr title=move || gist("scope", i18n)>{move || i18n.t(Msg::MetricCases)}</abbr></th>
                    <th scope="col"><abbr title=move || gist("fcr", i18n)>{move || i18n.t(Msg::MetricFcr)}</abbr></th>
                    <th scope="col"><abbr title=move || gist("handle_time", i18n)>{move || i18n.t(Msg::MetricAht)}</abbr></th>
                    <th scope="col"><abbr title=move || gist("csat", i18n)>"CSAT"</abbr></th>
                    <th scope="col"><abbr title=move || gist("nps", i18n)>"NPS"</abbr></th>
                    <th scope="col"><abbr title=move || gist("repeat_contact", i18n)>{move || i18n.t(Msg::MetricRepeat)}</abbr></th>
                    <th scope="col"><abbr title=move || gist("escalation", i18n)>{move || i18n.t(Msg::MetricEscalation)}</abbr></th>
                    <th scope="col"><abbr title=move || gist("commitments_met", i18n)>{move || i18n.t(Msg::MetricCommitments)}</abbr></th>
                    <th scope="col"><abbr title=move || gist("reopen", i18n)>{move || i18n.t(Msg::MetricReopen)}</abbr></th>
                </tr></thead>
                <tbody>
                    {move || report.with(|r| {
                        let rows: Vec<Row> = if total_only { vec![r.total.clone()] } else { r.rows.clone() };
                        let group = r.group;
                        rows.into_iter().map(|row| {
                            let name = if total_only { i18n.t(Msg::AllCases).to_owned() } else { key_name(group, &row.key) };
                            view! { <tr data-key=row.key.clone()><th scope="row">{name}</th>{cells(&row)}</tr> }
                        }).collect_view()
                    })}
                </tbody>
            </table>
        </div>
    }
}
