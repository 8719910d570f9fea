//! The archive of fictional past cases: deterministic, every log folds
//! cleanly, the mix of outcomes, every intent, the time window, unique ids.

mod common;

use care_core::audit;
use care_core::case::Outcome;
use care_core::demo_data::archive::{generate_archive, ArchiveSpec};
use care_core::{CaseLog, CaseState, DeviceId, Event, EventBody, IdSource};
use common::{data, demo_pack, NOW};
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::sync::OnceLock;
use time::Duration;

const DAYS: u32 = 90;

fn device() -> DeviceId {
    DeviceId::from_uuid(IdSource::new().next(1_764_000_000_000, 0xD5))
}

fn spec(seed: u64, cases: usize) -> ArchiveSpec {
    ArchiveSpec {
        seed,
        cases,
        now: NOW,
        days: DAYS,
        device: device(),
    }
}

fn archive(seed: u64, cases: usize) -> Vec<Vec<Event>> {
    generate_archive(&spec(seed, cases), demo_pack(), data())
}

/// The 2 000 cases several tests read.
fn big() -> &'static Vec<Vec<Event>> {
    static BIG: OnceLock<Vec<Vec<Event>>> = OnceLock::new();
    BIG.get_or_init(|| archive(7, 2000))
}

fn fold(log: &[Event]) -> CaseState {
    let mut l = CaseLog::new();
    l.merge(log.iter().cloned());
    l.state().expect("the case folds")
}

#[test]
fn the_same_spec_gives_the_same_archive() {
    let a = archive(11, 300);
    assert_eq!(a.len(), 300);
    assert_eq!(a, archive(11, 300));
    assert_ne!(a, archive(12, 300));
}

#[test]
fn every_case_folds_with_nothing_ignored_and_an_intact_audit_chain() {
    let device = device();
    for log in archive(3, 500) {
        let ids: Vec<_> = log.iter().map(|e| e.id).collect();
        assert!(ids.windows(2).all(|w| w[0] < w[1]), "events in id order");
        assert!(
            log.windows(2).all(|w| w[0].at <= w[1].at),
            "and in time order"
        );
        assert!(log.iter().all(|e| e.device == device));
        let mut l = CaseLog::new();
        l.merge(log.iter().cloned());
        let s = l.state().expect("the case folds");
        assert!(s.ignored.is_empty(), "{:?} in {}", s.ignored, s.id);
        assert_eq!(s.event_count, log.len());
        audit::verify(&l).expect("the audit chain holds");
    }
}

#[test]
fn the_mix_of_outcomes_is_as_planned() {
    let cases = big();
    let n = cases.len();
    let mut quick = 0;
    let mut archived = 0;
    let mut unsolved = 0;
    let mut open = 0;
    let (mut recent, mut recent_open) = (0, 0);
    let mut reopened = 0;
    let mut open_at: BTreeMap<&str, usize> = BTreeMap::new();
    let mut notes = [0usize; 5];
    let mut rejected = 0;
    let mut escalated = 0;
    let mut overridden = 0;
    let mut unknown = 0;
    let mut english = 0;
    let mut events = 0;
    for log in cases {
        let s = fold(log);
        events += log.len();
        let is_recent = NOW - s.opened_at <= Duration::days(14);
        recent += usize::from(is_recent);
        recent_open += usize::from(is_recent && s.outcome.is_none());
        match &s.outcome {
            Some(Outcome::QuickAnswer { .. }) => quick += 1,
            Some(Outcome::Archived { solved }) => {
                archived += 1;
                unsolved += usize::from(!solved);
            }
            None => {
                open += 1;
                *open_at.entry(s.stage.slug()).or_default() += 1;
            }
        }
        reopened += usize::from(!s.reopenings.is_empty());
        notes[s.notes.len().min(4)] += 1;
        rejected += usize::from(!s.rejected.is_empty());
        escalated += usize::from(
            s.solution
                .as_ref()
                .is_some_and(|c| c.escalated_to.is_some()),
        );
        overridden += usize::from(s.intent_overridden);
        unknown += usize::from(s.intent_unknown);
        english += usize::from(s.statement.as_deref().is_some_and(|t| !common::has_han(t)));
    }
    eprintln!(
        "{n} cases, {events} events: quick {quick}, archived {archived} ({unsolved} unsolved), \
         open {open} {open_at:?}, reopened {reopened}; notes 0–3 {:?}; rejected {rejected}, \
         escalated {escalated}, overridden {overridden}, unknown {unknown}, English {english}",
        &notes[..4]
    );
    let pct = |k: usize| k * 100 / n;
    assert!((11..=19).contains(&pct(quick)), "quick answers {quick}");
    // A fortnight's cases are often still open; older ones rarely.
    let recent_pct = recent_open * 100 / recent.max(1);
    assert!(
        (15..=30).contains(&recent_pct),
        "{recent_open} of {recent} recent cases open"
    );
    let old_open = (open - recent_open) * 100 / (n - recent).max(1);
    assert!(old_open <= 6, "{old_open}% of older cases open");
    assert!((1..=6).contains(&pct(reopened)), "reopened {reopened}");
    assert!((65..=85).contains(&pct(archived)), "archived {archived}");
    assert_eq!(quick + archived + open, n);
    assert_eq!(notes[4], 0, "at most three notes");
    assert!(notes[..4].iter().all(|&k| k > 0));
    // Open cases stand at every stage.
    assert_eq!(open_at.len(), 8, "{open_at:?}");
    for k in [rejected, escalated, overridden, unknown, english, unsolved] {
        assert!(k > 0);
    }
}

#[test]
fn every_intent_of_the_pack_appears() {
    let seen: BTreeSet<String> = big().iter().filter_map(|log| fold(log).intent).collect();
    let all: BTreeSet<String> = demo_pack().intents.iter().map(|i| i.id.clone()).collect();
    assert_eq!(seen, all);
}

#[test]
fn cases_open_within_the_window_and_everything_happens_before_now() {
    let start = NOW - Duration::days(i64::from(DAYS));
    let cases = big();
    let opened: Vec<_> = cases.iter().map(|log| log[0].at).collect();
    assert!(opened.windows(2).all(|w| w[0] <= w[1]), "oldest case first");
    for log in cases {
        assert!(matches!(log[0].body, EventBody::CaseOpened { .. }));
        assert!(log[0].at >= start && log[0].at < NOW, "{}", log[0].at);
        assert!(log.iter().all(|e| e.at < NOW));
    }
    // Spread over the window, not bunched at one end.
    let first_half = opened
        .iter()
        .filter(|t| **t < start + Duration::days(45))
        .count();
    assert!((800..=1200).contains(&first_half), "{first_half}");
}

#[test]
fn ids_are_unique_across_the_archive_and_follow_time() {
    let cases = big();
    let mut ids = HashSet::new();
    for log in cases {
        assert!(ids.insert(log[0].case.uuid()), "case ids");
        for e in log {
            assert!(ids.insert(e.id.uuid()), "event ids");
            assert_eq!(e.case, log[0].case);
        }
    }
    // As one device's id source would give them: in time order.
    let mut all: Vec<_> = cases.iter().flatten().map(|e| (e.id, e.at)).collect();
    all.sort_unstable();
    assert!(all.windows(2).all(|w| w[0].1 <= w[1].1));
}

#[test]
fn an_empty_spec_gives_an_empty_archive() {
    assert!(archive(1, 0).is_empty());
}

/// `cargo test --release -p care-core --test archive -- --ignored --nocapture`
#[test]
#[ignore = "a timing, for release builds"]
fn ten_thousand_cases_generate_quickly() {
    let _ = (demo_pack(), data());
    let started = std::time::Instant::now();
    let cases = archive(20_261_125, 10_000);
    let took = started.elapsed();
    let events: usize = cases.iter().map(Vec::len).sum();
    eprintln!("10 000 cases, {events} events in {took:?}");
    assert!(took < std::time::Duration::from_secs(2));
}
