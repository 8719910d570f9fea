use crate::contexts::case_session::use_case_session;
use crate::contexts::demo::use_demo;
use crate::contexts::i18n::use_i18n;
use crate::contexts::knowledge::use_knowledge;
use crate::contexts::verification::use_verification;
use crate::format::case_ref;
use crate::i18n::{channel_name, Msg};
use crate::ui::diagnose::evidence::evidence;
use crate::ui::resolve::authority::{acting_role, reached_level};
use crate::ui::resolve::copy_button::CopyButton;
use care_core::diagnose::show_fact;
use care_core::resolve::{authority, handoff_summary, Authority, Handoff, Labelled};
use care_core::verify::{mask_msisdn, mask_name};
use care_core::{Lang, Text};
use leptos::prelude::*;

/// A message in both languages, for text that leaves the app.
fn both(m: Msg) -> Text {
    Text {
        zh_cn: m.text(Lang::ZhCn).to_owned(),
        en: m.text(Lang::En).to_owned(),
    }
}

/// The note for the team an escalated solution goes to: everything they
/// need to take the case over, the customer masked, ready to copy.
#[component]
pub fn HandoffNote() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_case_session();
    let knowledge = use_knowledge();
    let demo = use_demo();
    let v = use_verification();

    let note = Memo::new(move |_| {
        let k = knowledge.get()?;
        let state = session.state.get()?;
        let chosen = state.solution.clone()?;
        let team_id = chosen.escalated_to.clone()?;
        let pack = &k.pack;
        let solution = pack.solutions.iter().find(|s| s.id == chosen.solution)?;
        let role = acting_role(pack)?;
        let (team, reason) = match authority(pack, solution, &role.id) {
            Ok(Authority::Escalate {
                team_name, reason, ..
            }) => (team_name, reason),
            // The pack changed since: name the team recorded.
            _ => (
                pack.teams
                    .iter()
                    .find(|t| t.id == team_id)
                    .map(|t| t.name.clone())
                    .unwrap_or_else(|| Text {
                        zh_cn: team_id.clone(),
                        en: team_id.clone(),
                    }),
                both(Msg::NoReasonRecorded),
            ),
        };
        let ev = evidence(
            pack,
            &demo.data,
            &state,
            v.unlocked.get(),
            v.now.get_untracked(),
        )
        .ok();
        let cause_id = state.cause.as_ref().map(|c| c.cause.clone());
        let cause = cause_id
            .as_ref()
            .and_then(|id| pack.causes.iter().find(|c| &c.id == id))
            .map(|c| c.name.clone())
            .unwrap_or_else(|| both(Msg::NoCauseConfirmed));
        let reasons = ev
            .as_ref()
            .and_then(|e| {
                e.diagnoses
                    .iter()
                    .find(|d| Some(&d.cause) == cause_id.as_ref())
            })
            .map(|d| d.reasons.iter().map(|r| r.text.clone()).collect())
            .unwrap_or_default();
        let findings = ev
            .as_ref()
            .map(|e| e.findings.iter().map(|f| f.detail.clone()).collect())
            .unwrap_or_default();
        let customer = state
            .customer
            .as_ref()
            .and_then(|id| demo.customer(id))
            .map(|c| format!("{} {}", mask_name(&c.name), mask_msisdn(&c.msisdn)))
            .unwrap_or_else(|| Msg::NoCustomer.text(i18n.lang()).to_owned());
        let h = Handoff {
            case_id: case_ref(state.id),
            channel: both(channel_name(state.channel)),
            customer,
            intent: state
                .intent
                .as_ref()
                .and_then(|i| pack.intent(i))
                .map(|i| i.name.clone())
                .unwrap_or_else(|| both(Msg::NoIntentConfirmed)),
            statement: state.statement.clone().unwrap_or_default(),
            facts: state
                .facts
                .iter()
                .map(|(id, f)| Labelled {
                    label: pack
                        .fact(id)
                        .map(|f| f.name.clone())
                        .unwrap_or_else(|| Text {
                            zh_cn: id.clone(),
                            en: id.clone(),
                        }),
                    value: show_fact(pack, id, &f.value),
                })
                .collect(),
            findings,
            cause,
            reasons,
            solution: solution.name.clone(),
            team: team.clone(),
            escalation_reason: reason,
            verification: reached_level(pack, v.status.get().as_ref())
                .unwrap_or_else(|| both(Msg::NotVerified)),
            notes: state.notes.iter().map(|n| n.text.clone()).collect(),
        };
        Some((team, handoff_summary(&h)))
    });
    let text = Signal::derive(move || {
        note.get()
            .map(|(_, t)| t.get(i18n.lang()).to_owned())
            .unwrap_or_default()
    });

    move || {
        note.get().map(|(team, _)| {
            view! {
                <section class="handoff" aria-labelledby="handoff-heading">
                    <h3 id="handoff-heading">{move || i18n.t(Msg::HandoffHeading)}</h3>
                    <p class="muted small">{move || i18n.fill(Msg::HandoffIntro, &[("team", team.get(i18n.lang()))])}</p>
                    <pre class="handoff-text" translate="no" tabindex="0"
                        aria-label=move || i18n.t(Msg::HandoffHeading)>{move || text.get()}</pre>
                    <div class="actions">
                        <CopyButton text=text label=Msg::HandoffHeading/>
                    </div>
                </section>
            }
        })
    }
}
