use crate::contexts::case_session::use_case_session;
use crate::contexts::i18n::use_i18n;
use crate::contexts::verification::use_verification;
use crate::format::date_time;
use crate::i18n::Msg;
use crate::platform::clock;
use crate::ui::verify::method_row::MethodRow;
use care_core::audit;
use care_core::Lang;
use leptos::prelude::*;

/// The verify stage: what is needed and reached, attempts left or the
/// lock, and one row per method of the pack.
#[component]
pub fn VerifyPanel() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_case_session();
    let v = use_verification();
    let has_customer = move || session.state.get().is_some_and(|s| s.customer.is_some());
    let method_ids = Memo::new(move |_| {
        v.status
            .get()
            .map(|s| s.methods.iter().map(|m| m.id.clone()).collect::<Vec<_>>())
            .unwrap_or_default()
    });
    let chain = move || session.log.with(audit::verify);

    view! {
        <div class="verify">
            {move || (!has_customer()).then(|| view! { <p class="notice">{move || i18n.t(Msg::NeedCustomer)}</p> })}
            {move || v.status.get().map(|s| {
                let lang = i18n.lang();
                let needed = s.needed.name.get(lang).to_owned();
                let reached = s.reached.name.get(lang).to_owned();
                let strength = s.strength.to_string();
                let left = s.attempts_left;
                view! {
                    <div class="verify-summary" role="status">
                        <p><strong>{i18n.fill(Msg::VerifyNeeded, &[("level", &needed)])}</strong></p>
                        <p>{i18n.fill(Msg::VerifyReached, &[("level", &reached), ("strength", &strength)])}</p>
                        <meter min="0" max=s.needed.min_strength.max(1) value=s.strength aria-hidden="true"></meter>
                        {(!s.met && !s.needed.requires_any.is_empty()).then(|| {
                            // Strength alone does not reach this level: name what must be seen.
                            let sep = match lang { Lang::ZhCn => "、", Lang::En => ", " };
                            let which = s.methods.iter()
                                .filter(|m| s.needed.requires_any.contains(&m.id))
                                .map(|m| m.name.get(lang).to_owned())
                                .collect::<Vec<_>>()
                                .join(sep);
                            view! { <p>{i18n.fill(Msg::VerifyRequiresAny, &[("methods", &which)])}</p> }
                        })}
                        {match (s.locked_until, s.met) {
                            (Some(until), _) => {
                                let time = date_time(until, clock::local_offset());
                                view! { <p class="error verify-locked" role="alert">{i18n.fill(Msg::VerifyLocked, &[("time", &time)])}</p> }.into_any()
                            }
                            (None, true) => view! { <p class="ok">{i18n.t(Msg::VerifyMet)}</p> }.into_any(),
                            (None, false) => view! {
                                <p>{i18n.fill(Msg::AttemptsLeft, &[("n", &left.to_string())])}</p>
                                {(left == 1).then(|| view! { <p class="warn">{i18n.t(Msg::VerifyLastAttempt)}</p> })}
                            }.into_any(),
                        }}
                    </div>
                }
            })}
            <ul class="method-list">
                <For each=move || method_ids.get() key=|id| id.clone() let:id>
                    {
                        let status = Memo::new(move |_| v.status.get().and_then(|s| s.methods.into_iter().find(|m| m.id == id)));
                        view! { <MethodRow method=status.into()/> }
                    }
                </For>
            </ul>
            <p class="muted small audit-state">
                {move || match chain() {
                    Ok(n) => i18n.fill(Msg::AuditChainOk, &[("n", &n.to_string())]),
                    Err(_) => i18n.t(Msg::AuditChainBroken).to_owned(),
                }}
            </p>
        </div>
    }
}
