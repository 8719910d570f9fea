use crate::contexts::case_session::use_case_session;
use crate::contexts::i18n::use_i18n;
use crate::contexts::knowledge::use_knowledge;
use crate::i18n::Msg;
use crate::ui::resolve::authority::{acting_role, resolve_problem};
use crate::ui::resolve::handoff_note::HandoffNote;
use crate::ui::resolve::option_card::OptionCard;
use care_core::resolve::{options, SolutionOption};
use care_core::{Stage, Text};
use leptos::prelude::*;

/// What the resolve stage can show.
#[derive(Clone, Debug, PartialEq)]
enum Offer {
    Unavailable,
    NoCause,
    Problem(Msg, String),
    Ready {
        cause: Text,
        role: Text,
        options: Vec<SolutionOption>,
    },
}

/// The resolve stage: the confirmed cause's remedies, ranked, to choose
/// one or turn some down; an escalated choice comes with its handoff note.
#[component]
pub fn ResolvePanel() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_case_session();
    let knowledge = use_knowledge();

    let cause = Memo::new(move |_| session.state.get().and_then(|s| s.cause.map(|c| c.cause)));
    let offer = Memo::new(move |_| {
        let Some(k) = knowledge.get() else {
            return Offer::Unavailable;
        };
        let Some(cause) = cause.get() else {
            return Offer::NoCause;
        };
        let pack = &k.pack;
        let Some(role) = acting_role(pack) else {
            return Offer::Problem(Msg::NoRoles, String::new());
        };
        let Some(name) = pack
            .causes
            .iter()
            .find(|c| c.id == cause)
            .map(|c| c.name.clone())
        else {
            return Offer::Problem(Msg::UnknownCause, cause);
        };
        match options(pack, &cause, &role.id) {
            Ok(options) => Offer::Ready {
                cause: name,
                role: role.name.clone(),
                options,
            },
            Err(e) => {
                let (m, id) = resolve_problem(&e);
                Offer::Problem(m, id)
            }
        }
    });

    view! {
        <div class="flow resolve">
            {move || match offer.get() {
                Offer::Unavailable => view! { <p class="notice">{move || i18n.t(Msg::PackUnavailable)}</p> }.into_any(),
                Offer::NoCause => view! {
                    <div class="notice">
                        <p>{move || i18n.t(Msg::ResolveNeedCause)}</p>
                        <button type="button" on:click=move |_| session.move_to(Stage::Diagnose)>{move || i18n.t(Msg::GoToDiagnose)}</button>
                    </div>
                }.into_any(),
                Offer::Problem(m, id) => view! {
                    <p class="notice" role="alert">{move || i18n.fill(m, &[("cause", &id), ("solution", &id), ("what", &id)])}</p>
                }.into_any(),
                Offer::Ready { cause, role, options } => {
                    let empty = options.is_empty();
                    view! {
                        <p class="muted small">{move || i18n.fill(Msg::ActingRole, &[("role", role.get(i18n.lang()))])}</p>
                        <section aria-labelledby="options-heading">
                            <h3 id="options-heading">{move || i18n.fill(Msg::OptionsFor, &[("cause", cause.get(i18n.lang()))])}</h3>
                            {empty.then(|| view! { <p class="notice">{move || i18n.t(Msg::NoSolutions)}</p> })}
                            <ol class="card-list">
                                {options.into_iter().enumerate().map(|(rank, o)| view! { <OptionCard option=o rank=rank/> }).collect_view()}
                            </ol>
                        </section>
                        <HandoffNote/>
                    }.into_any()
                }
            }}
        </div>
    }
}
