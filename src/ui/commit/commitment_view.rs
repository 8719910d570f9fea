use crate::contexts::i18n::use_i18n;
use crate::format::date_time;
use crate::i18n::Msg;
use crate::platform::clock::local_offset;
use crate::ui::commit::countdown::DeadlineCountdown;
use crate::ui::commit::task_list::TaskList;
use crate::ui::resolve::copy_button::CopyButton;
use care_core::case::CommitmentRecord;
use care_core::commit::format_deadline;
use leptos::prelude::*;

/// The commitment as made: the words said (to copy or print), the
/// deadline with its countdown, and the tasks that keep it.
#[component]
pub fn CommitmentView(record: CommitmentRecord) -> impl IntoView {
    let i18n = use_i18n();
    let tag = record.lang.tag();
    let deadline = format_deadline(record.deadline);
    let deadline2 = deadline.clone();
    let made_at = date_time(record.at, local_offset());
    let text = record.text.clone();
    let contact = record.contact.clone();
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };

    view! {
        <section class="commitment print-area" aria-labelledby="commitment-heading">
            <h3 id="commitment-heading">{move || i18n.t(Msg::CommitmentHeading)}</h3>
            <blockquote class="commitment-text" lang=tag>{record.text.clone()}</blockquote>
            <dl class="facts terms">
                <dt>{move || i18n.t(Msg::Deadline)}</dt>
                <dd>{move || deadline.get(i18n.lang()).to_owned()}</dd>
                {(!contact.is_empty()).then(|| view! {
                    <dt>{move || i18n.t(Msg::HowToReply)}</dt>
                    <dd lang=tag>{contact.clone()}</dd>
                })}
                <dt>{move || i18n.t(Msg::CommittedAt)}</dt>
                <dd><time>{made_at}</time></dd>
            </dl>
            <div class="actions no-print">
                <CopyButton text=Signal::derive(move || text.clone()) label=Msg::CommitmentHeading/>
                <button type="button" on:click=print>
                    {move || i18n.t(Msg::Print)}
                    <span class="visually-hidden">{move || format!(" {}", i18n.t(Msg::CommitmentHeading))}</span>
                </button>
            </div>
        </section>
        <section class="deadline-box" aria-labelledby="countdown-heading">
            <h3 id="countdown-heading">{move || i18n.fill(Msg::TimeToDeadline, &[("deadline", deadline2.get(i18n.lang()))])}</h3>
            <DeadlineCountdown deadline=record.deadline/>
        </section>
        <TaskList tasks=record.tasks.clone()/>
    }
}
