use crate::contexts::i18n::use_i18n;
use crate::i18n::Msg;
use care_core::diagnose::Diagnosis;
use care_core::pack::Severity;
use leptos::prelude::*;

/// The words and the badge class of a severity.
pub fn severity_label(s: Severity) -> (Msg, &'static str) {
    match s {
        Severity::Low => (Msg::SeverityLow, "sev-low"),
        Severity::Medium => (Msg::SeverityMedium, "sev-medium"),
        Severity::High => (Msg::SeverityHigh, "sev-high"),
        Severity::Critical => (Msg::SeverityCritical, "sev-critical"),
    }
}

/// A score in `[0, 1]` as a whole percentage.
pub fn percent(score: f64) -> u32 {
    if score.is_finite() {
        (score.clamp(0.0, 1.0) * 100.0).round() as u32
    } else {
        0
    }
}

/// One likely cause: its name and severity, how likely, and the rules that
/// fired, in words.
#[component]
pub fn CauseCard(
    diagnosis: Diagnosis,
    /// 0 for the top suggestion.
    rank: usize,
    /// Whether the agent confirmed this cause.
    #[prop(into)]
    confirmed: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let pct = percent(diagnosis.score);
    let (severity, severity_class) = severity_label(diagnosis.severity);
    let heading_id = format!("cause-{}", diagnosis.cause);
    let label_id = heading_id.clone();
    let name = diagnosis.name.clone();
    let description = diagnosis.description.clone();
    let reasons = diagnosis.reasons.clone();

    view! {
        <li class="cause-card" class:top=rank == 0 class:confirmed=move || confirmed.get()
            aria-labelledby=label_id>
            <div class="card-head">
                <h4 id=heading_id class="card-title">{move || name.get(i18n.lang()).to_owned()}</h4>
                {(rank == 0).then(|| view! { <span class="badge top">{move || i18n.t(Msg::TopSuggestion)}</span> })}
                <span class=format!("badge {severity_class}")>
                    <span class="visually-hidden">{move || i18n.t(Msg::SeverityLabel)}</span>
                    {move || i18n.t(severity)}
                </span>
                {move || confirmed.get().then(|| view! { <span class="badge ok">{move || i18n.t(Msg::CauseConfirmedBadge)}</span> })}
            </div>
            <div class="score">
                <span class="score-label">{move || i18n.t(Msg::Likelihood)}</span>
                <meter min="0" max="100" value=pct aria-hidden="true"></meter>
                <span class="score-value">{format!("{pct}%")}</span>
            </div>
            {description.map(|d| view! { <p class="muted small">{move || d.get(i18n.lang()).to_owned()}</p> })}
            <p class="reasons-label">{move || i18n.t(Msg::WhyThisCause)}</p>
            <ul class="reasons">
                {reasons.into_iter().map(|r| {
                    let w = percent(r.weight);
                    view! {
                        <li>
                            {move || r.text.get(i18n.lang()).to_owned()}
                            " "<span class="muted small">{format!("({w}%)")}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </li>
    }
}
