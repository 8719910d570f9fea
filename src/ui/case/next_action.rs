use crate::contexts::case_session::use_case_session;
use crate::contexts::i18n::use_i18n;
use crate::contexts::knowledge::use_knowledge;
use crate::contexts::verification::use_verification;
use crate::format::date_time;
use crate::i18n::{stage_name, Msg};
use crate::platform::clock;
use care_core::guide::{next_step, ListenSummary, Step};
use care_core::listen::listening;
use care_core::pack::calendar::parse_offset;
use leptos::prelude::*;

/// The one thing to do next, always on screen above the stage: from the
/// case's state, the listen checklist and verification.
#[component]
pub fn NextAction() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_case_session();
    let knowledge = use_knowledge();
    let v = use_verification();

    let step = Memo::new(move |_| {
        let state = session.state.get()?;
        let k = knowledge.get();
        let listen = k
            .as_ref()
            .and_then(|k| {
                let offset =
                    parse_offset(&k.pack.calendar.utc_offset).unwrap_or(time::UtcOffset::UTC);
                let l = listening(&k.pack, &state, clock::now().to_offset(offset))?;
                Some(ListenSummary {
                    complete: l.complete(),
                    next_prompt: l.next.map(|p| p.id.clone()),
                    offers: l.facts.iter().filter(|f| f.offer.is_some()).count(),
                })
            })
            .unwrap_or_default();
        let revealed = state.reveals.iter().any(|r| r == "records");
        let status = v.status.get();
        Some(next_step(&state, &listen, status.as_ref(), revealed))
    });
    let text = move || {
        let k = knowledge.get();
        let lang = i18n.lang();
        let prompt_text = |id: &str| {
            k.as_ref()
                .and_then(|k| k.pack.prompts.iter().find(|p| p.id == id))
                .map(|p| p.text.get(lang).to_owned())
                .unwrap_or_else(|| id.to_owned())
        };
        let method_name = |id: &str| {
            k.as_ref()
                .and_then(|k| k.pack.verification.methods.iter().find(|m| m.id == id))
                .map(|m| m.name.get(lang).to_owned())
                .unwrap_or_else(|| id.to_owned())
        };
        // Deadlines and locks in the operator's time zone, as the
        // commitment states them.
        let offset = k
            .as_ref()
            .and_then(|k| parse_offset(&k.pack.calendar.utc_offset))
            .unwrap_or_else(clock::local_offset);
        let at = |t| date_time(t, offset);
        Some(match step.get()? {
            Step::FindCustomer => i18n.t(Msg::StepFindCustomer).to_owned(),
            Step::TakeStatement => i18n.t(Msg::StepTakeStatement).to_owned(),
            Step::ConfirmIntent => i18n.t(Msg::StepConfirmIntent).to_owned(),
            Step::Ask(p) => i18n.fill(Msg::StepAsk, &[("prompt", &prompt_text(&p))]),
            Step::ConfirmOffers => i18n.t(Msg::StepConfirmOffers).to_owned(),
            Step::GoTo(stage) => i18n.fill(Msg::StepGoTo, &[("stage", i18n.t(stage_name(stage)))]),
            Step::VerifyWith(m) => i18n.fill(Msg::StepVerifyWith, &[("method", &method_name(&m))]),
            Step::Locked(until) => i18n.fill(Msg::StepLocked, &[("time", &at(until))]),
            Step::CannotVerify => i18n.t(Msg::StepCannotVerify).to_owned(),
            Step::ShowRecords => i18n.t(Msg::StepShowRecords).to_owned(),
            Step::ConfirmCause => i18n.t(Msg::StepConfirmCause).to_owned(),
            Step::ChooseSolution => i18n.t(Msg::StepChooseSolution).to_owned(),
            Step::MakeCommitment => i18n.t(Msg::StepMakeCommitment).to_owned(),
            Step::FollowUpBy(t) => i18n.fill(Msg::StepFollowUpBy, &[("time", &at(t))]),
            Step::RecordFollowUp => i18n.t(Msg::StepRecordFollowUp).to_owned(),
            Step::Archive => i18n.t(Msg::StepArchive).to_owned(),
            Step::Done => i18n.t(Msg::StepDone).to_owned(),
        })
    };
    let go = move || match step.get() {
        Some(Step::GoTo(stage)) => Some(stage),
        _ => None,
    };

    view! {
        <div class="next-action" role="status" aria-live="polite">
            <span class="next-label">{move || i18n.t(Msg::NextAction)}</span>
            <span class="next-text">{text}</span>
            {move || go().map(|stage| view! {
                <button type="button" class="small primary" on:click=move |_| session.move_to(stage)>
                    {move || format!("{} →", i18n.t(stage_name(stage)))}
                </button>
            })}
        </div>
    }
}
