use crate::contexts::i18n::use_i18n;
use crate::i18n::Msg;
use care_core::insight::Report;
use leptos::prelude::*;

const W: f64 = 720.0;
const H: f64 = 220.0;
const LEFT: f64 = 44.0;
const RIGHT: f64 = 44.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 28.0;

/// Cases per day (bars, left scale) and first-contact resolution (line,
/// right scale, 0–100 %), for the filtered period. The table below holds
/// the same figures as text.
#[component]
pub fn VolumeChart(report: Memo<Report>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let rows = report.with(|r| r.rows.clone());
        if rows.is_empty() {
            return view! { <p class="muted">{move || i18n.t(Msg::NoCasesYet)}</p> }.into_any();
        }
        let most = rows.iter().map(|r| r.cases).max().unwrap_or(1).max(1);
        let n = rows.len();
        let slot = (W - LEFT - RIGHT) / n as f64;
        let y_cases = |c: usize| TOP + (H - TOP - BOTTOM) * (1.0 - c as f64 / most as f64);
        let y_pct = |p: u32| TOP + (H - TOP - BOTTOM) * (1.0 - f64::from(p.min(100)) / 100.0);
        let line: Vec<String> = rows
            .iter()
            .enumerate()
            .filter_map(|(i, r)| {
                r.fcr
                    .percent()
                    .map(|p| format!("{:.1},{:.1}", LEFT + slot * (i as f64 + 0.5), y_pct(p)))
            })
            .collect();
        let first = rows.first().map(|r| r.key.clone()).unwrap_or_default();
        let last = rows.last().map(|r| r.key.clone()).unwrap_or_default();
        let total: usize = rows.iter().map(|r| r.cases).sum();
        let label = i18n.fill(
            Msg::VolumeLabel,
            &[("from", &first), ("to", &last), ("n", &total.to_string())],
        );
        view! {
            <figure class="volume-chart">
                <svg viewBox=format!("0 0 {W} {H}") role="img" aria-label=label data-testid="volume">
                    <line x1=LEFT x2=W - RIGHT y1=H - BOTTOM y2=H - BOTTOM class="grid"/>
                    <text x=LEFT - 6.0 y=TOP + 8.0 text-anchor="end" class="axis">{most.to_string()}</text>
                    <text x=W - RIGHT + 6.0 y=TOP + 8.0 class="axis">"100%"</text>
                    <text x=W - RIGHT + 6.0 y=H - BOTTOM class="axis">"0%"</text>
                    {rows.iter().enumerate().map(|(i, r)| {
                        let x = LEFT + slot * i as f64 + slot * 0.15;
                        let y = y_cases(r.cases);
                        view! { <rect x=x y=y width=(slot * 0.7).max(1.0) height=(H - BOTTOM - y).max(0.0) class="bar"><title>{format!("{}: {}", r.key, r.cases)}</title></rect> }
                    }).collect_view()}
                    <polyline points=line.join(" ") fill="none" class="fcr-line"/>
                    <text x=LEFT y=H - 8.0 class="axis">{first}</text>
                    <text x=W - RIGHT y=H - 8.0 text-anchor="end" class="axis">{last}</text>
                </svg>
                <figcaption class="legend small">
                    <span><span class="swatch bar-swatch"></span>{move || i18n.t(Msg::VolumeCases)}</span>
                    <span><span class="swatch line-swatch"></span>{move || i18n.t(Msg::MetricFcr)}</span>
                </figcaption>
            </figure>
        }
        .into_any()
    }
}
