//! The demo archive keeps most of its promises, as a real contact centre
//! does, with a minority late; and nothing in it happens after its `now`.

mod common;

use care_core::commit::BusinessCalendar;
use care_core::demo_data::archive::{generate_archive, ArchiveSpec};
use care_core::insight::{Casebook, Filter, GroupBy};
use care_core::{CaseLog, DeviceId, Event, EventBody, IdSource};
use common::{data, demo_pack, NOW};
use time::OffsetDateTime;

fn archive(seed: u64, cases: usize, days: u32, now: OffsetDateTime) -> Vec<Vec<Event>> {
    let spec = ArchiveSpec {
        seed,
        cases,
        now,
        days,
        device: DeviceId::from_uuid(IdSource::new().next(1_764_000_000_000, 0xD5)),
    };
    generate_archive(&spec, demo_pack(), data())
}

fn calendar() -> BusinessCalendar {
    BusinessCalendar::from_pack(&demo_pack().calendar).expect("the demo calendar")
}

#[test]
fn most_commitments_are_met_on_time_and_a_minority_late() {
    // As the insights tests and the demo build archives: thousands of cases
    // over a quarter and over a year.
    for (seed, cases, days) in [(5, 3000, 90), (7, 2000, 90), (9, 4000, 365)] {
        let logs = archive(seed, cases, days, NOW);
        let book = Casebook::new(&logs, calendar().offset());
        let total = book.metrics(&Filter::default(), GroupBy::None, NOW).total;
        let met = total.commitments_met;
        eprintln!(
            "seed {seed}: commitments met {met:?} ({:?} ‰), not due {}; fcr {:?} reopen {:?} \
             repeat {:?} escalation {:?}; csat {:?}; nps {:?}; handle {:?}",
            met.percent_tenths(),
            total.commitments_not_due,
            total.fcr.percent(),
            total.reopen.percent(),
            total.repeat_contact.percent(),
            total.escalation.percent(),
            total.csat,
            total.nps.score,
            total.handle_time.mean_secs,
        );
        assert!(met.of > cases / 2, "most cases make a promise: {met:?}");
        let pct = met.percent().expect("promises are judged");
        assert!((70..=95).contains(&pct), "seed {seed}: {pct}% met, {met:?}");
    }
}

#[test]
fn no_event_is_after_now_and_every_task_follows_its_promise() {
    // A `now` late in the evening and one on a Monday morning: the latest
    // cases' deadlines lie ahead, and their work must not be ticked ahead.
    for now in [
        time::macros::datetime!(2026-11-25 22:45 +8),
        time::macros::datetime!(2026-11-23 09:05 +8),
        NOW,
    ] {
        let logs = archive(13, 2500, 60, now);
        let mut not_due = 0;
        for log in &logs {
            assert!(log.iter().all(|e| e.at < now), "an event after {now}");
            let mut l = CaseLog::new();
            l.merge(log.iter().cloned());
            let state = l.state().expect("the case folds");
            assert!(state.ignored.is_empty());
            // Tasks are ticked after the promise they belong to.
            let mut promised = None;
            for e in log {
                match &e.body {
                    EventBody::CommitmentMade { .. } => promised = Some(e.at),
                    EventBody::TaskDone { .. } => {
                        assert!(promised.is_some_and(|p| p <= e.at), "{}", state.id);
                    }
                    _ => {}
                }
            }
            if let Some(c) = &state.commitment {
                not_due += usize::from(c.deadline >= now);
            }
        }
        let book = Casebook::new(&logs, calendar().offset());
        let total = book.metrics(&Filter::default(), GroupBy::None, now).total;
        assert!(total.commitments_not_due <= not_due);
        let pct = total
            .commitments_met
            .percent()
            .expect("promises are judged");
        assert!((70..=95).contains(&pct), "{now}: {pct}%");
    }
}
