use crate::contexts::i18n::use_i18n;
use crate::contexts::lock::use_lock;
use crate::format::date_time;
use crate::i18n::Msg;
use crate::platform::clock;
use care_core::lock::LockEvent;
use leptos::prelude::*;

/// The device's lock audit, newest first: set-up, unlocks, wrong PINs,
/// lockouts and locks.
#[component]
pub fn LockAudit() -> impl IntoView {
    let i18n = use_i18n();
    let lock = use_lock();
    let entries = move || {
        lock.vault
            .get()
            .flatten()
            .map(|v| v.lock.audit)
            .unwrap_or_default()
    };
    let what = move |e: LockEvent| match e {
        LockEvent::Created => i18n.t(Msg::AuditCreated).to_owned(),
        LockEvent::Unlocked => i18n.t(Msg::AuditUnlocked).to_owned(),
        LockEvent::WrongPin { count } => {
            i18n.fill(Msg::AuditWrongPin, &[("n", &count.to_string())])
        }
        LockEvent::LockedOut { until } => i18n.fill(
            Msg::AuditLockedOut,
            &[("time", &date_time(until, clock::local_offset()))],
        ),
        LockEvent::Locked { idle: true } => i18n.t(Msg::AuditLockedIdle).to_owned(),
        LockEvent::Locked { idle: false } => i18n.t(Msg::AuditLockedByUser).to_owned(),
    };
    view! {
        <section class="card" aria-labelledby="lock-audit-heading">
            <h2 id="lock-audit-heading">{move || i18n.t(Msg::LockAuditHeading)}</h2>
            <table class="lock-audit">
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t(Msg::LockAuditWhen)}</th>
                        <th scope="col">{move || i18n.t(Msg::LockAuditWhat)}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || entries().into_iter().rev().map(|e| view! {
                        <tr>
                            <td class="mono">{date_time(e.at, clock::local_offset())}</td>
                            <td>{what(e.what)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
