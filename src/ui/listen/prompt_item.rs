use crate::contexts::case_session::use_case_session;
use crate::contexts::i18n::use_i18n;
use crate::i18n::Msg;
use care_core::pack::{Prompt, PromptKind};
use care_core::EventBody;
use leptos::prelude::*;

/// A prompt as the listen panel shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct PromptLine {
    pub prompt: Prompt,
    pub asked: usize,
    pub known: bool,
}

/// One prompt: its kind, its words, and "asked" (a question) or "said"
/// (empathy, caution). A prompt whose facts are known says so; asking
/// again warns first.
#[component]
pub fn PromptItem(line: Signal<Option<PromptLine>>, is_next: Signal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_case_session();
    let warned = RwSignal::new(false);

    let mark = move |_| {
        let Some(l) = line.get_untracked() else {
            return;
        };
        if session.busy() {
            return;
        }
        // Asking a question twice needs a second press: the first one warns.
        let question = matches!(l.prompt.kind, PromptKind::Open | PromptKind::Closed);
        if question && (l.asked > 0 || l.known) && !warned.get_untracked() {
            warned.set(true);
            return;
        }
        warned.set(false);
        let prompt = l.prompt.id.clone();
        leptos::task::spawn_local(async move {
            let _ = session.record(EventBody::PromptAsked { prompt }).await;
        });
    };

    move || {
        line.get().map(|l| {
            let (kind_msg, kind_class) = match l.prompt.kind {
                PromptKind::Open => (Msg::PromptOpen, "open"),
                PromptKind::Closed => (Msg::PromptClosed, "closed"),
                PromptKind::Empathy => (Msg::PromptEmpathy, "empathy"),
                PromptKind::Caution => (Msg::PromptCaution, "caution"),
            };
            let question = matches!(l.prompt.kind, PromptKind::Open | PromptKind::Closed);
            let text = l.prompt.text.clone();
            let asked = l.asked;
            let known = l.known;
            view! {
                <li class=format!("prompt prompt-{kind_class}") class:next=move || is_next.get() class:known=known>
                    <span class="prompt-kind">{move || i18n.t(kind_msg)}</span>
                    <span class="prompt-text">{move || text.get(i18n.lang()).to_owned()}</span>
                    <span class="prompt-status">
                        {(asked > 0).then(|| view! { <span class="badge">{move || i18n.fill(Msg::AskedTimes, &[("n", &asked.to_string())])}</span> })}
                        {known.then(|| view! { <span class="badge ok">{move || i18n.t(Msg::AlreadyKnown)}</span> })}
                    </span>
                    {(l.prompt.kind != PromptKind::Caution).then(|| view! {
                        <button type="button" class="small" on:click=mark>
                            {move || if question { i18n.t(Msg::MarkAsked) } else { i18n.t(Msg::MarkUsed) }}
                        </button>
                    })}
                    {move || warned.get().then(|| view! { <p class="warn" role="alert">{move || i18n.t(Msg::AskedTwiceWarning)}</p> })}
                </li>
            }
        })
    }
}
