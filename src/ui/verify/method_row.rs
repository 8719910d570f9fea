use crate::contexts::case_session::use_case_session;
use crate::contexts::demo::use_demo;
use crate::contexts::i18n::use_i18n;
use crate::contexts::knowledge::use_knowledge;
use crate::contexts::verification::use_verification;
use crate::i18n::Msg;
use crate::platform::{clock, settings};
use care_core::audit;
use care_core::pack::CheckKind;
use care_core::verify::{check, lock_after, mask_msisdn, CheckOutcome, MethodStatus};
use care_core::EventBody;
use leptos::prelude::*;

/// One verification method: its strength, why it cannot be used, or the
/// field for the customer's answer and the check. The answer is compared
/// here and forgotten: only pass or fail is recorded, as an audit event.
#[component]
pub fn MethodRow(method: Signal<Option<MethodStatus>>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_case_session();
    let knowledge = use_knowledge();
    // Stored so the closures below stay `Copy`.
    let data = StoredValue::new(use_demo().data);
    let v = use_verification();
    let answer = RwSignal::new(String::new());
    let result = RwSignal::new(None::<Msg>);
    let show_demo = RwSignal::new(false);
    // In training, the answer comes from the simulated customer, and the
    // demo data's right answers are not offered.
    let sim = StoredValue::new(crate::contexts::training::use_sim_customer());
    let training = sim.with_value(|s| s.is_some());
    let ask_customer = move |_| {
        let (Some(sim), Some(m)) = (sim.get_value(), method.get_untracked()) else {
            return;
        };
        if session.busy() {
            return;
        }
        leptos::task::spawn_local(async move {
            let _ = sim
                .ask(session, care_core::sim::Question::Verify(m.id.clone()))
                .await;
        });
    };

    let customer = move || {
        session
            .state
            .get_untracked()
            .and_then(|s| s.customer)
            .and_then(|id| {
                data.with_value(|d| Some((d.customer(&id)?.clone(), d.records(&id)?.clone())))
            })
    };
    let attempt = move |given: String| {
        let (Some(m), Some(k), Some((c, r))) =
            (method.get_untracked(), knowledge.get(), customer())
        else {
            return;
        };
        if session.busy() {
            return;
        }
        if v.status.get_untracked().is_some_and(|s| s.locked()) {
            return;
        }
        let Some(pack_method) = k
            .pack
            .verification
            .methods
            .iter()
            .find(|x| x.id == m.id)
            .cloned()
        else {
            return;
        };
        let code = v.code.get_untracked();
        let passed = match check(&pack_method, &given, &c, &r, code.as_deref()) {
            CheckOutcome::Passed => true,
            CheckOutcome::Failed => false,
            CheckOutcome::Unavailable => {
                result.set(Some(Msg::CheckUnavailable));
                return;
            }
        };
        answer.set(String::new());
        let failures_before = v.status.get_untracked().map_or(0, |s| s.failures);
        leptos::task::spawn_local(async move {
            let device = settings::device_id();
            let prev = session
                .log
                .with_untracked(|l| audit::next_link(l, session.id, device));
            let recorded = session
                .record(EventBody::VerificationAttempted {
                    method: m.id.clone(),
                    passed,
                    prev,
                })
                .await;
            if recorded.is_err() {
                return;
            }
            result.set(Some(if passed {
                Msg::CheckPassed
            } else {
                Msg::CheckFailed
            }));
            if passed && m.check == CheckKind::OneTimeCode {
                v.code.set(None);
            }
            if !passed {
                if let Some(until) = lock_after(&k.pack, failures_before + 1, clock::now()) {
                    let prev = session
                        .log
                        .with_untracked(|l| audit::next_link(l, session.id, device));
                    let _ = session
                        .record(EventBody::VerificationLocked { until, prev })
                        .await;
                }
            }
        });
    };
    let send_code = move |_| {
        v.code.set(Some(clock::one_time_code()));
        result.set(None);
    };

    move || {
        let m = method.get()?;
        let lang = i18n.lang();
        let name = m.name.get(lang).to_owned();
        let input_id = format!("answer-{}", m.id);
        let desc = m.description.as_ref().map(|d| d.get(lang).to_owned());
        let locked = v.status.get().is_some_and(|s| s.locked());
        let body = if let Some(why) = m.unavailable {
            view! { <p class="muted small">{why.explain().get(lang).to_owned()}</p> }.into_any()
        } else if m.passed {
            view! { <p class="ok">{i18n.t(Msg::MethodPassed)}</p> }.into_any()
        } else {
            match m.check {
                CheckKind::DocumentInPerson => view! {
                    <button type="button" disabled=locked on:click=move |_| attempt("yes".into())>
                        {move || i18n.t(Msg::DocumentSeen)}
                    </button>
                }
                .into_any(),
                kind => {
                    let masked = customer()
                        .map(|(c, _)| mask_msisdn(&c.msisdn))
                        .unwrap_or_default();
                    let is_code = kind == CheckKind::OneTimeCode;
                    let secret = matches!(kind, CheckKind::ServicePassword);
                    view! {
                        {is_code.then(|| view! {
                            <p>
                                <button type="button" class="small" disabled=locked on:click=send_code>{move || i18n.t(Msg::SendCode)}</button>
                                {move || v.code.get().map(|code| {
                                    let masked = masked.clone();
                                    view! {
                                        <span class="small" role="status">{move || i18n.fill(Msg::CodeSent, &[("msisdn", &masked)])}</span>
                                        <span class="demo-hint small">{move || i18n.fill(Msg::DemoCode, &[("code", &code)])}</span>
                                    }
                                })}
                            </p>
                        })}
                        <form class="inline-form" on:submit=move |ev| { ev.prevent_default(); attempt(answer.get_untracked()); }>
                            <label for=input_id.clone()>{move || i18n.t(Msg::CustomerAnswer)}</label>
                            <input id=input_id.clone() type=if secret { "password" } else { "text" } autocomplete="off"
                                inputmode="numeric" disabled=locked
                                prop:value=move || answer.get() on:input=move |ev| answer.set(event_target_value(&ev))/>
                            <button type="submit" disabled=locked>{move || i18n.t(Msg::Check)}</button>
                            {training.then(|| view! {
                                <button type="button" class="small" data-ask-verify=m.id.clone() disabled=locked on:click=ask_customer>
                                    {move || i18n.t(Msg::AskForAnswer)}
                                </button>
                            })}
                        </form>
                    }
                    .into_any()
                }
            }
        };
        // Demo data only: the right answers, rendered only when asked for,
        // so nothing of them is in the page before.
        let demo_answers = move || {
            let (c, r) = customer()?;
            let kind = method.get()?.check;
            let text = match kind {
                CheckKind::ServicePassword => c.profile.as_ref()?.service_password.clone()?,
                CheckKind::IdDigits => {
                    let n = c.id_number.chars().count();
                    c.id_number.chars().skip(n.saturating_sub(6)).collect()
                }
                CheckKind::BillAmount => r.bills.last()?.total.to_string(),
                _ => return None,
            };
            Some(text)
        };
        let has_demo = matches!(
            m.check,
            CheckKind::ServicePassword | CheckKind::IdDigits | CheckKind::BillAmount
        ) && m.unavailable.is_none()
            && !m.passed
            && !training;
        Some(view! {
            <li class="method" class:passed=m.passed class:unavailable=m.unavailable.is_some()>
                <div class="method-head">
                    <strong>{name}</strong>
                    <span class="badge">{i18n.fill(Msg::MethodStrength, &[("n", &m.strength.to_string())])}</span>
                    {(m.failures > 0).then(|| view! { <span class="badge warn">{i18n.fill(Msg::MethodFailures, &[("n", &m.failures.to_string())])}</span> })}
                </div>
                {desc.map(|d| view! { <p class="muted small">{d}</p> })}
                {body}
                {move || result.get().map(|r| view! { <p role="status" class="small check-result">{move || i18n.t(r)}</p> })}
                {has_demo.then(|| view! {
                    <p class="demo-answers small">
                        <button type="button" class="link small" aria-expanded=move || show_demo.get().to_string()
                            on:click=move |_| show_demo.update(|s| *s = !*s)>
                            {move || i18n.t(Msg::DemoAnswers)}
                        </button>
                        {move || show_demo.get().then(|| view! {
                            <span class="demo-hint" translate="no">{demo_answers()}</span>
                            <span class="muted">" "{move || i18n.t(Msg::DemoAnswersNote)}</span>
                        })}
                    </p>
                })}
            </li>
        })
    }
}
