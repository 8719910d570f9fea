use crate::contexts::i18n::use_i18n;
use crate::contexts::knowledge::use_knowledge;
use crate::contexts::verification::use_verification;
use crate::i18n::Msg;
use care_core::commit::{remaining, BusinessCalendar};
use leptos::prelude::*;
use time::OffsetDateTime;

/// The time left to a deadline in working and calendar time, ticking with
/// the case clock; red once overdue.
#[component]
pub fn DeadlineCountdown(deadline: OffsetDateTime) -> impl IntoView {
    let i18n = use_i18n();
    let knowledge = use_knowledge();
    let v = use_verification();
    let calendar = Memo::new(move |_| {
        knowledge
            .get()
            .map(|k| BusinessCalendar::from_pack(&k.pack.calendar).map_err(|_| ()))
    });
    move || match calendar.get() {
        Some(Ok(cal)) => {
            let left = remaining(v.now.get(), deadline, &cal);
            let text = left.text().get(i18n.lang()).to_owned();
            view! {
                <p class="countdown" class:overdue=left.overdue role="timer">
                    {text}
                </p>
            }
            .into_any()
        }
        _ => view! { <p class="error">{move || i18n.t(Msg::CalendarBroken)}</p> }.into_any(),
    }
}
