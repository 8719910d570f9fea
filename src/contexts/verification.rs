//! Where the open case stands on identity verification, for every panel
//! that must stay locked (records, personal data) until the level is met.
//! The one-time code sent for the case lives here, in memory only: a
//! secret is never written to the log or to storage.

use crate::contexts::case_session::use_case_session;
use crate::contexts::demo::use_demo;
use crate::contexts::knowledge::use_knowledge;
use crate::platform::clock;
use care_core::verify::{self, VerifyStatus};
use leptos::prelude::*;
use time::OffsetDateTime;

#[derive(Clone, Copy)]
pub struct Verification {
    /// Now, ticking every second while the case is open (lock and
    /// deadline countdowns).
    pub now: RwSignal<OffsetDateTime>,
    /// Against the level the records need (the intent's, at least the
    /// pack's records level).
    pub status: Memo<Option<VerifyStatus>>,
    /// Records and unmasked personal data may be shown.
    pub unlocked: Memo<bool>,
    /// The one-time code sent in this session, if any.
    pub code: RwSignal<Option<String>>,
}

pub fn provide_verification() -> Verification {
    let session = use_case_session();
    let knowledge = use_knowledge();
    let demo = use_demo();
    let now = RwSignal::new(clock::now());
    if let Ok(handle) = set_interval_with_handle(
        move || now.set(clock::now()),
        std::time::Duration::from_secs(1),
    ) {
        on_cleanup(move || handle.clear());
    }
    // Only the minute matters for the lock; recomputing every second would
    // redraw the verify panel needlessly.
    let minute = Memo::new(move |_| now.get().unix_timestamp() / 60);
    let status = Memo::new(move |_| {
        minute.track();
        let k = knowledge.get()?;
        let state = session.state.get()?;
        let level = k.pack.records_level_for(state.intent.as_deref()).to_owned();
        let customer = state
            .customer
            .as_ref()
            .and_then(|id| Some((demo.data.customer(id)?, demo.data.records(id)?)));
        verify::status(&k.pack, &state, &level, customer, now.get_untracked()).ok()
    });
    let unlocked = Memo::new(move |_| status.get().is_some_and(|s| s.met && !s.locked()));
    let v = Verification {
        now,
        status,
        unlocked,
        code: RwSignal::new(None),
    };
    provide_context(v);
    v
}

pub fn use_verification() -> Verification {
    expect_context::<Verification>()
}
