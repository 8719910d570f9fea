use crate::contexts::i18n::use_i18n;
use crate::i18n::{stage_name, Msg};
use care_core::Stage;
use leptos::prelude::*;

/// How many cases reached each stage, as horizontal bars (SVG), with the
/// numbers written on them so the chart reads without colour.
#[component]
pub fn FunnelChart(funnel: Memo<Vec<(Stage, usize)>>) -> impl IntoView {
    let i18n = use_i18n();
    const ROW: f64 = 30.0;
    const LABEL: f64 = 120.0;
    const WIDTH: f64 = 640.0;
    move || {
        let rows = funnel.get();
        let top = rows.first().map(|(_, n)| *n).unwrap_or(0).max(1);
        let height = ROW * rows.len() as f64 + 4.0;
        let summary = rows
            .iter()
            .map(|(s, n)| format!("{} {n}", i18n.t(stage_name(*s))))
            .collect::<Vec<_>>()
            .join(", ");
        view! {
            <svg class="funnel-chart" viewBox=format!("0 0 {WIDTH} {height}") role="img"
                aria-label=i18n.fill(Msg::FunnelLabel, &[("stages", &summary)]) data-testid="funnel">
                {rows.into_iter().enumerate().map(|(i, (stage, n))| {
                    let y = ROW * i as f64 + 2.0;
                    let w = (WIDTH - LABEL - 60.0) * n as f64 / top as f64;
                    view! {
                        <g data-stage=format!("{stage:?}").to_lowercase() data-count=n.to_string()>
                            <text x=LABEL - 8.0 y=y + ROW * 0.65 text-anchor="end" class="axis">{i18n.t(stage_name(stage))}</text>
                            <rect x=LABEL y=y + 3.0 width=w.max(1.0) height=ROW - 8.0 class="bar"/>
                            <text x=LABEL + w + 6.0 y=y + ROW * 0.65 class="value">{n.to_string()}</text>
                        </g>
                    }
                }).collect_view()}
            </svg>
        }
    }
}
