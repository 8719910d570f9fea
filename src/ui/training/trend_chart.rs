use crate::contexts::i18n::use_i18n;
use crate::i18n::Msg;
use care_core::sim::TraineeRow;
use leptos::prelude::*;

const W: f64 = 640.0;
const H: f64 = 220.0;
const LEFT: f64 = 40.0;
const BOTTOM: f64 = 24.0;
const TOP: f64 = 10.0;
const RIGHT: f64 = 12.0;
/// Distinct, colour-blind-safe line colours (Okabe–Ito), one per trainee in
/// turn; each line also has its own marker shape in the legend order.
const COLOURS: [&str; 6] = [
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9",
];

/// Each trainee's finished sessions as a line of percentages, in the order
/// they practised. The cohort table above is the same data in text.
#[component]
pub fn TrendChart(rows: Vec<TraineeRow>) -> impl IntoView {
    let i18n = use_i18n();
    let longest = rows.iter().map(|r| r.trend.len()).max().unwrap_or(0);
    if longest == 0 {
        return ().into_any();
    }
    let x = move |n: usize| {
        if longest <= 1 {
            LEFT + (W - LEFT - RIGHT) / 2.0
        } else {
            LEFT + (W - LEFT - RIGHT) * n as f64 / (longest - 1) as f64
        }
    };
    let y = |p: u32| TOP + (H - TOP - BOTTOM) * (1.0 - f64::from(p.min(100)) / 100.0);
    let names = rows
        .iter()
        .map(|r| r.name.clone())
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <figure class="trend-chart">
            <figcaption>{move || i18n.t(Msg::TrendHeading)}</figcaption>
            <svg viewBox=format!("0 0 {W} {H}") role="img"
                aria-label=move || i18n.fill(Msg::TrendLabel, &[("names", &names)])>
                {[0u32, 50, 100].into_iter().map(|p| view! {
                    <g>
                        <line x1=LEFT x2=W - RIGHT y1=y(p) y2=y(p) class="grid"/>
                        <text x=LEFT - 6.0 y=y(p) + 4.0 text-anchor="end" class="axis">{format!("{p}%")}</text>
                    </g>
                }).collect_view()}
                {rows.iter().enumerate().map(|(i, r)| {
                    let colour = COLOURS[i % COLOURS.len()];
                    let points = r.trend.iter().enumerate()
                        .map(|(n, (_, p))| format!("{:.1},{:.1}", x(n), y(*p)))
                        .collect::<Vec<_>>().join(" ");
                    view! {
                        <g data-trainee=r.trainee.clone()>
                            <polyline points=points fill="none" stroke=colour stroke-width="2"/>
                            {r.trend.iter().enumerate().map(|(n, (_, p))| view! {
                                <circle cx=x(n) cy=y(*p) r="4" fill=colour><title>{format!("{} #{}: {p}%", r.name, n + 1)}</title></circle>
                            }).collect_view()}
                        </g>
                    }
                }).collect_view()}
            </svg>
            <ul class="legend plain">
                {rows.iter().enumerate().map(|(i, r)| view! {
                    <li><span class="swatch" style=format!("background:{}", COLOURS[i % COLOURS.len()])></span>{r.name.clone()}</li>
                }).collect_view()}
            </ul>
        </figure>
    }
    .into_any()
}
