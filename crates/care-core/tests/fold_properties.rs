//! Property tests: the fold is deterministic and does not depend on how the
//! log is split into loads, in what order the loads arrive, or on repeats.

use care_core::{
    CaseId, CaseLog, CaseState, Channel, CustomerId, DeviceId, Event, EventBody, EventId, IdSource,
    Stage,
};
use proptest::prelude::*;
use time::OffsetDateTime;

#[derive(Clone, Debug)]
enum Step {
    Enter(usize),
    Note(String),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0usize..8).prop_map(Step::Enter),
        "\\PC{0,40}".prop_map(Step::Note),
    ]
}

/// A log from two devices writing to one case, with clock noise.
fn log() -> impl Strategy<Value = Vec<Event>> {
    (
        prop::collection::vec((step(), any::<bool>(), 0u64..3000, any::<u128>()), 0..40),
        0u64..1_000_000,
    )
        .prop_map(|(steps, start)| {
            let mut a = IdSource::new();
            let mut b = IdSource::new();
            let base = 1_764_000_000_000 + start;
            let case = CaseId::from_uuid(a.next(base, 1));
            let dev_a = DeviceId::from_uuid(a.next(base, 2));
            let dev_b = DeviceId::from_uuid(b.next(base, 3));
            let mut events = vec![Event {
                id: EventId::from_uuid(a.next(base, 4)),
                case,
                device: dev_a,
                at: OffsetDateTime::from_unix_timestamp((base / 1000) as i64).expect("valid"),
                body: EventBody::CaseOpened {
                    agent: None,
                    channel: Channel::Hotline,
                    customer: Some(CustomerId::new("C-1")),
                    training: None,
                },
            }];
            let mut ms = base;
            for (step, on_b, dt, rnd) in steps {
                ms += dt;
                let (ids, device) = if on_b {
                    (&mut b, dev_b)
                } else {
                    (&mut a, dev_a)
                };
                let body = match step {
                    Step::Enter(i) => EventBody::StageEntered {
                        stage: Stage::ALL[i],
                    },
                    Step::Note(t) => EventBody::NoteAdded { text: t },
                };
                events.push(Event {
                    id: EventId::from_uuid(ids.next(ms, rnd)),
                    case,
                    device,
                    at: OffsetDateTime::from_unix_timestamp((ms / 1000) as i64).expect("valid"),
                    body,
                });
            }
            events
        })
}

proptest! {
    #[test]
    fn the_fold_is_deterministic(events in log(), seed in any::<u64>()) {
        let whole = CaseState::fold(&events);
        let mut shuffled = events.clone();
        shuffle(&mut shuffled, seed);
        prop_assert_eq!(CaseState::fold(&shuffled), whole.clone());
        prop_assert_eq!(CaseState::fold(&events), whole);
    }

    #[test]
    fn splitting_the_log_into_loads_changes_nothing(
        events in log(),
        cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..6),
        seed in any::<u64>(),
        repeat in any::<prop::sample::Index>(),
    ) {
        let whole = CaseState::fold(&events).expect("a generated log opens its case");
        // Cut the log into loads, deliver them in a random order, one twice.
        let mut bounds: Vec<usize> = cuts.iter().map(|i| i.index(events.len() + 1)).collect();
        bounds.extend([0, events.len()]);
        bounds.sort_unstable();
        bounds.dedup();
        let mut loads: Vec<Vec<Event>> = bounds.windows(2).map(|w| events[w[0]..w[1]].to_vec()).collect();
        let again = loads[repeat.index(loads.len())].clone();
        loads.push(again);
        shuffle(&mut loads, seed);
        let mut log = CaseLog::new();
        for load in loads {
            log.merge(load);
        }
        prop_assert_eq!(log.len(), events.len());
        prop_assert_eq!(log.state().expect("folds"), whole.clone());
        prop_assert!(whole.furthest >= whole.stage);
        prop_assert_eq!(whole.event_count, events.len());
    }
}

/// A small deterministic shuffle (Fisher–Yates with a xorshift source), so
/// proptest can shrink the seed.
fn shuffle<T>(v: &mut [T], mut seed: u64) {
    for i in (1..v.len()).rev() {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let j = (seed % (i as u64 + 1)) as usize;
        v.swap(i, j);
    }
}
