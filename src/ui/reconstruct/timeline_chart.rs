use crate::contexts::i18n::use_i18n;
use crate::format::date_time;
use crate::i18n::Msg;
use crate::ui::reconstruct::reconstruct_panel::{kind_msg, Reconstruction};
use leptos::prelude::*;
use time::OffsetDateTime;

// Drawn at about the size it is shown on a desktop, so the text stays
// readable; on a tablet it scales down a little.
const WIDTH: f64 = 760.0;
const LABEL: f64 = 110.0;
const LANE: f64 = 40.0;
const TOP: f64 = 26.0;

/// The records on one SVG timeline: a lane per kind of record, dots for
/// moments, bars for things that last, and a red flag where something
/// stands out. The table below it is the accessible way to the same data;
/// the chart is a picture of it.
#[component]
pub fn TimelineChart(data: Reconstruction) -> impl IntoView {
    let i18n = use_i18n();
    let (from, to) = (data.window.from, data.window.to);
    let span = (to - from).whole_seconds().max(1) as f64;
    let x = move |at: OffsetDateTime| {
        let t = ((at - from).whole_seconds() as f64 / span).clamp(0.0, 1.0);
        LABEL + t * (WIDTH - LABEL - 10.0)
    };
    let kinds: Vec<_> = data
        .kinds
        .iter()
        .copied()
        .filter(|k| data.entries.iter().any(|e| e.record.kind == *k))
        .collect();
    let lane_of = |k| kinds.iter().position(|x| *x == k).unwrap_or(0) as f64;
    let height = TOP + LANE * kinds.len().max(1) as f64 + 24.0;
    let offset = data.window.offset;
    // The end ticks' labels hang inwards so neither is cut off.
    let ticks: Vec<(f64, String, &str)> = (0..=4)
        .map(|i| {
            let at = from + (to - from) * (i as f64 / 4.0);
            let anchor = match i {
                0 => "start",
                4 => "end",
                _ => "middle",
            };
            (x(at), date_time(at, offset)[..10].to_owned(), anchor)
        })
        .collect();
    let lanes = kinds.clone();
    let marks = data.entries.clone();
    let flags = data.findings.clone();
    let count = data.entries.len().to_string();
    let flagged = data.findings.len().to_string();

    view! {
        <svg class="timeline" viewBox=format!("0 0 {WIDTH} {height}") role="img"
            aria-label=move || format!("{} · {} / {}", i18n.t(Msg::Timeline), count, flagged)>
            {ticks.into_iter().map(|(tx, label, anchor)| view! {
                <line x1=tx x2=tx y1=TOP - 6.0 y2=height - 20.0 class="tick"/>
                <text x=tx y=height - 6.0 class="tick-label" text-anchor=anchor>{label}</text>
            }).collect_view()}
            {lanes.into_iter().enumerate().map(|(i, k)| {
                let y = TOP + LANE * i as f64 + LANE / 2.0;
                view! {
                    <line x1=LABEL x2=WIDTH - 10.0 y1=y y2=y class="lane"/>
                    <text x=LABEL - 8.0 y=y + 4.0 text-anchor="end" class="lane-label">{move || i18n.t(kind_msg(k))}</text>
                }
            }).collect_view()}
            {marks.into_iter().map(|e| {
                let y = TOP + LANE * lane_of(e.record.kind) + LANE / 2.0;
                let x0 = x(e.at);
                let title = e.title.clone();
                let tip = move || format!("{} · {}", date_time(e.at, offset), title.get(i18n.lang()));
                match e.end {
                    Some(end) => {
                        let w = (x(end) - x0).max(4.0);
                        view! { <rect x=x0 y=y - 6.0 width=w height=12.0 rx=3.0 class="span"><title>{tip}</title></rect> }.into_any()
                    }
                    None => view! { <circle cx=x0 cy=y r=6.0 class="dot"><title>{tip}</title></circle> }.into_any(),
                }
            }).collect_view()}
            {flags.into_iter().filter_map(|f| {
                let at = f.at?;
                let fx = x(at);
                let name = f.name.clone();
                Some(view! {
                    <g class="flag">
                        <line x1=fx x2=fx y1=8.0 y2=height - 20.0/>
                        <path d=format!("M{fx},6 l12,5 l-12,5 z")/>
                        <title>{move || name.get(i18n.lang()).to_owned()}</title>
                    </g>
                })
            }).collect_view()}
        </svg>
    }
}
