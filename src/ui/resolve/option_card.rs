use crate::contexts::case_session::use_case_session;
use crate::contexts::drafts::Drafts;
use crate::contexts::i18n::use_i18n;
use crate::contexts::knowledge::use_knowledge;
use crate::contexts::verification::use_verification;
use crate::i18n::Msg;
use crate::ui::resolve::authority::{level_reached, reached_level};
use crate::ui::resolve::reject_form::RejectForm;
use care_core::resolve::{Authority, SolutionOption};
use care_core::EventBody;
use leptos::prelude::*;

/// One remedy: what it gives and costs, how soon, what it needs, whether
/// the agent may grant it, why it ranks where it does; choose or reject it.
#[component]
pub fn OptionCard(option: SolutionOption, rank: usize) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_case_session();
    let knowledge = use_knowledge();
    let v = use_verification();
    // Open with its reason kept across a reload, like any form.
    let rejecting = Drafts::of_case().field(&format!("reject.{}.open", option.solution), false);

    let id = option.solution.clone();
    let heading_id = format!("option-{id}");
    let label_id = heading_id.clone();
    let chosen = {
        let id = id.clone();
        Memo::new(move |_| {
            session
                .state
                .get()
                .and_then(|s| s.solution)
                .is_some_and(|c| c.solution == id)
        })
    };
    // The latest rejection of this option, if any.
    let rejection = {
        let id = id.clone();
        Memo::new(move |_| {
            session
                .state
                .get()
                .and_then(|s| s.rejected.into_iter().rev().find(|r| r.solution == id))
        })
    };
    let needed = option.verification.clone();
    let verified = Memo::new(move |_| {
        knowledge
            .get()
            .is_some_and(|k| level_reached(&k.pack, v.status.get().as_ref(), &needed))
    });
    let reached_name = Memo::new(move |_| {
        knowledge
            .get()
            .and_then(|k| reached_level(&k.pack, v.status.get().as_ref()))
    });

    let escalated_to = match &option.authority {
        Authority::Within => None,
        Authority::Escalate { team, .. } => Some(team.clone()),
    };
    let choose = {
        let id = id.clone();
        move |_| {
            if session.busy() {
                return;
            }
            let body = EventBody::SolutionChosen {
                solution: id.clone(),
                escalated_to: escalated_to.clone(),
            };
            leptos::task::spawn_local(async move {
                let _ = session.record(body).await;
            });
        }
    };

    let o = option;
    let (name, name2, name3) = (o.name.clone(), o.name.clone(), o.name.clone());
    let effect = o.effect_hours;
    let verification_name = o.verification_name.clone();
    let verification_name2 = o.verification_name.clone();
    let lang = move || i18n.lang();

    view! {
        <li class="option-card" class:chosen=move || chosen.get() class:rejected=move || rejection.get().is_some()
            aria-labelledby=label_id>
            <div class="card-head">
                <span class="rank">{move || i18n.fill(Msg::RankN, &[("n", &(rank + 1).to_string())])}</span>
                <h4 id=heading_id class="card-title">{move || name.get(lang()).to_owned()}</h4>
                {move || chosen.get().then(|| view! { <span class="badge ok">{move || i18n.t(Msg::ChosenBadge)}</span> })}
                {move || rejection.get().map(|_| view! { <span class="badge rejected">{move || i18n.t(Msg::RejectedBadge)}</span> })}
            </div>
            {o.description.clone().map(|d| view! { <p class="muted small">{move || d.get(lang()).to_owned()}</p> })}
            <div class="rank-reasons">
                <span class="visually-hidden">{move || i18n.t(Msg::RankReasons)}</span>
                <ul class="tags">
                    {o.rank_reasons.iter().cloned().map(|r| view! { <li>{move || r.get(lang()).to_owned()}</li> }).collect_view()}
                </ul>
            </div>
            <div class="pros-cons">
                <div>
                    <p class="reasons-label">{move || i18n.t(Msg::Pros)}</p>
                    <ul class="pros">
                        {o.pros.iter().cloned().map(|p| view! { <li>{move || p.get(lang()).to_owned()}</li> }).collect_view()}
                    </ul>
                </div>
                <div>
                    <p class="reasons-label">{move || i18n.t(Msg::Cons)}</p>
                    <ul class="cons">
                        {o.cons.iter().cloned().map(|c| view! { <li>{move || c.get(lang()).to_owned()}</li> }).collect_view()}
                    </ul>
                </div>
            </div>
            <dl class="facts terms">
                <dt>{move || i18n.t(Msg::Fee)}</dt>
                <dd class="mono">{o.fee.to_string()}</dd>
                <dt>{move || i18n.t(Msg::Refund)}</dt>
                <dd class="mono">{o.refund.to_string()}</dd>
                <dt>{move || i18n.t(Msg::TimeToEffect)}</dt>
                <dd>{move || if effect == 0 {
                    i18n.t(Msg::EffectNow).to_owned()
                } else {
                    i18n.fill(Msg::EffectHours, &[("n", &effect.to_string())])
                }}</dd>
                <dt>{move || i18n.t(Msg::VerificationNeeded)}</dt>
                <dd>
                    {move || verification_name.get(lang()).to_owned()}
                    {move || (!verified.get()).then(|| {
                        let needed = verification_name2.get(lang()).to_owned();
                        let text = match reached_name.get() {
                            Some(r) => i18n.fill(Msg::VerificationShort, &[("reached", r.get(lang())), ("needed", &needed)]),
                            None => i18n.fill(Msg::VerificationNotStarted, &[("needed", &needed)]),
                        };
                        view! { <span class="warn block">"⚠ "{text}</span> }
                    })}
                </dd>
                <dt>{move || i18n.t(Msg::Authority)}</dt>
                <dd>{match o.authority.clone() {
                    Authority::Within => view! { <span class="ok">{move || i18n.t(Msg::WithinAuthority)}</span> }.into_any(),
                    Authority::Escalate { team_name, sla_hours, reason, .. } => view! {
                        <span class="warn">{move || i18n.fill(Msg::EscalateTo, &[("team", team_name.get(lang())), ("hours", &sla_hours.to_string())])}</span>
                        <span class="block small">{move || reason.get(lang()).to_owned()}</span>
                    }.into_any(),
                }}</dd>
            </dl>
            {move || rejection.get().map(|r| view! {
                <p class="rejection">{move || i18n.t(Msg::RejectedBecause)}" "<q translate="no">{r.reason.clone()}</q></p>
            })}
            <div class="actions">
                {move || (!chosen.get()).then(|| {
                    let choose = choose.clone();
                    let name = name2.clone();
                    view! {
                        <button type="button" class="primary" on:click=choose>
                            {move || i18n.t(Msg::ChooseSolution)}
                            <span class="visually-hidden">{move || format!(" {}", name.get(lang()))}</span>
                        </button>
                    }
                })}
                {move || (!chosen.get() && !rejecting.get() && rejection.get().is_none()).then(|| {
                    let name = name3.clone();
                    view! {
                        <button type="button" on:click=move |_| rejecting.set(true)>
                            {move || i18n.t(Msg::RejectSolution)}
                            <span class="visually-hidden">{move || format!(" {}", name.get(lang()))}</span>
                        </button>
                    }
                })}
            </div>
            {move || rejecting.get().then(|| view! {
                <RejectForm solution=id.clone() on_close=Callback::new(move |_| rejecting.set(false))/>
            })}
        </li>
    }
}
