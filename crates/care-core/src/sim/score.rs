//! The rubric: a training case's events and the conversation's turns,
//! scored against the scenario's hidden truth. Every point names the
//! moment that earned or lost it, so the debrief can jump there.

use super::converse::{Reply, Turn};
use super::model::{MustDo, Scenario};
use crate::case::{Event, EventBody, EventId};
use crate::facts::FactValue;
use crate::pack::{Pack, PromptKind};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One rule of the rubric.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    Facts,
    NoRepeats,
    Verification,
    Cause,
    Solution,
    Commitment,
    Empathy,
    Jargon,
    Time,
}

/// Where in the session a point was earned or lost.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "at", content = "id", rename_all = "snake_case")]
pub enum Moment {
    /// An event of the training case.
    Event(EventId),
    /// A turn of the conversation, by position.
    Turn(usize),
}

/// What a rule found, for the debrief to say in words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "finding", rename_all = "snake_case")]
pub enum Finding {
    /// `captured` of the `expected` facts, with the ones missed.
    Facts {
        captured: usize,
        expected: usize,
        missed: Vec<String>,
    },
    /// Questions the customer had answered already.
    Repeats {
        count: usize,
    },
    /// Verified before anything was revealed (or, for an impostor,
    /// nothing revealed and verification never passed).
    VerifiedFirst,
    NotVerified,
    /// Account data shown before verification passed, or to an impostor:
    /// the fatal error.
    RevealedTooEarly,
    /// An impostor passed verification.
    ImpostorPassed,
    /// An impostor failed verification and saw nothing.
    ImpostorRefused,
    RightCause,
    WrongCause {
        chosen: Option<String>,
    },
    AcceptableSolution {
        escalated: bool,
    },
    /// The scenario must be escalated and was not.
    NotEscalated,
    WrongSolution {
        chosen: Option<String>,
    },
    Committed,
    NoCommitment,
    EmpathyShown,
    NoEmpathy,
    NoJargon,
    Jargon {
        words: Vec<String>,
    },
    /// Minutes from the first event to the last, against the target.
    Time {
        minutes: u32,
        target: u32,
    },
}

/// One line of the score.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub rule: Rule,
    pub earned: u32,
    pub max: u32,
    pub finding: Finding,
    pub moment: Option<Moment>,
}

/// The whole score.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Score {
    pub items: Vec<Item>,
    pub earned: u32,
    pub max: u32,
    /// The fatal error, if one was made: the score is then 0 whatever
    /// the rest earned.
    pub fatal: Option<Moment>,
    /// The rules that lost the most points first: what to practise next.
    pub practise: Vec<Rule>,
}

/// Scores a session: `events` is the training case's log (in order),
/// `turns` the conversation.
pub fn score(scenario: &Scenario, pack: &Pack, events: &[Event], turns: &[Turn]) -> Score {
    let w = &scenario.rubric;
    let mut items = Vec::new();
    let mut fatal = None;
    let mut item = |rule: Rule, max: u32, earned: u32, finding: Finding, moment: Option<Moment>| {
        if max > 0 {
            items.push(Item {
                rule,
                earned: earned.min(max),
                max,
                finding,
                moment,
            });
        }
    };
    let at = |e: &Event| Some(Moment::Event(e.id));

    // Facts: the latest value of each expected fact, compared typed.
    let mut expected: BTreeMap<&str, &str> = BTreeMap::new();
    for a in &scenario.answers {
        for (f, v) in &a.facts {
            expected.insert(f, v);
        }
    }
    let mut latest: BTreeMap<&str, (&FactValue, EventId)> = BTreeMap::new();
    for e in events {
        match &e.body {
            EventBody::FactCaptured { fact, value, .. } => {
                latest.insert(fact, (value, e.id));
            }
            EventBody::FactCleared { fact } => {
                latest.remove(fact.as_str());
            }
            _ => {}
        }
    }
    let mut missed = Vec::new();
    let mut last_hit = None;
    for (fact, want) in &expected {
        let right = pack
            .facts
            .iter()
            .find(|f| f.id == *fact)
            .and_then(|f| FactValue::parse(f, want).ok())
            .zip(latest.get(fact))
            .filter(|(want, (got, _))| want == *got)
            .map(|(_, (_, id))| *id);
        match right {
            Some(id) => last_hit = Some(Moment::Event(id)),
            None => missed.push((*fact).to_owned()),
        }
    }
    let captured = expected.len() - missed.len();
    item(
        Rule::Facts,
        w.facts,
        if expected.is_empty() {
            w.facts
        } else {
            w.facts * captured as u32 / expected.len() as u32
        },
        Finding::Facts {
            captured,
            expected: expected.len(),
            missed,
        },
        last_hit,
    );

    // No repeated questions: half the points go with each one.
    let repeats: Vec<usize> = turns
        .iter()
        .enumerate()
        .filter(|(_, t)| matches!(t.reply, Reply::Repeat { .. }))
        .map(|(n, _)| n)
        .collect();
    item(
        Rule::NoRepeats,
        w.no_repeats,
        w.no_repeats
            .saturating_sub(w.no_repeats.div_ceil(2) * repeats.len() as u32),
        Finding::Repeats {
            count: repeats.len(),
        },
        repeats.first().map(|n| Moment::Turn(*n)),
    );

    // Verification before disclosure.
    let passed = events.iter().find(|e| {
        matches!(
            &e.body,
            EventBody::VerificationAttempted { passed: true, .. }
        )
    });
    let first_reveal = events
        .iter()
        .find(|e| matches!(e.body, EventBody::DataRevealed { .. }));
    let position = |x: &Event| events.iter().position(|e| e.id == x.id);
    let reveal_too_early = match (first_reveal, passed) {
        (Some(_), _) if scenario.truth.impostor => first_reveal,
        (Some(r), Some(p)) if position(r) < position(p) => first_reveal,
        (Some(_), None) => first_reveal,
        _ => None,
    };
    let needs_verification =
        scenario.truth.impostor || scenario.truth.must.contains(&MustDo::Verify);
    // Full points or none, with what was found and where.
    let (full, finding, moment) = match (reveal_too_early, passed) {
        (Some(r), _) => {
            fatal = Some(Moment::Event(r.id));
            (false, Finding::RevealedTooEarly, at(r))
        }
        (None, Some(p)) if scenario.truth.impostor => (false, Finding::ImpostorPassed, at(p)),
        (None, Some(p)) => (true, Finding::VerifiedFirst, at(p)),
        (None, None) if scenario.truth.impostor => {
            let refused = events.iter().rev().find(|e| {
                matches!(
                    e.body,
                    EventBody::VerificationAttempted { passed: false, .. }
                )
            });
            (true, Finding::ImpostorRefused, refused.and_then(at))
        }
        (None, None) if needs_verification => (false, Finding::NotVerified, None),
        // A case that needs no verification.
        (None, None) => (true, Finding::VerifiedFirst, None),
    };
    item(
        Rule::Verification,
        w.verification,
        if full { w.verification } else { 0 },
        finding,
        moment,
    );

    // The cause: the latest one confirmed.
    let cause = events.iter().rev().find_map(|e| match &e.body {
        EventBody::CauseConfirmed { cause, .. } => Some((cause, e)),
        _ => None,
    });
    match (&scenario.truth.cause, cause) {
        (Some(want), Some((got, e))) if want == got => {
            item(Rule::Cause, w.cause, w.cause, Finding::RightCause, at(e))
        }
        (Some(_), got) => item(
            Rule::Cause,
            w.cause,
            0,
            Finding::WrongCause {
                chosen: got.map(|(c, _)| c.clone()),
            },
            got.and_then(|(_, e)| at(e)),
        ),
        (None, _) => item(Rule::Cause, w.cause, w.cause, Finding::RightCause, None),
    }

    // The solution: the latest one chosen.
    let chosen = events.iter().rev().find_map(|e| match &e.body {
        EventBody::SolutionChosen {
            solution,
            escalated_to,
        } => Some((solution, escalated_to.is_some(), e)),
        _ => None,
    });
    let must_escalate = scenario.truth.must.contains(&MustDo::Escalate);
    match chosen {
        Some((s, escalated, e)) if scenario.truth.solutions.contains(s) => {
            if must_escalate && !escalated {
                item(
                    Rule::Solution,
                    w.solution,
                    w.solution / 2,
                    Finding::NotEscalated,
                    at(e),
                )
            } else {
                item(
                    Rule::Solution,
                    w.solution,
                    w.solution,
                    Finding::AcceptableSolution { escalated },
                    at(e),
                )
            }
        }
        Some((s, _, e)) => item(
            Rule::Solution,
            w.solution,
            0,
            Finding::WrongSolution {
                chosen: Some(s.clone()),
            },
            at(e),
        ),
        None if scenario.truth.solutions.is_empty() => item(
            Rule::Solution,
            w.solution,
            w.solution,
            Finding::AcceptableSolution { escalated: false },
            None,
        ),
        None => item(
            Rule::Solution,
            w.solution,
            0,
            Finding::WrongSolution { chosen: None },
            None,
        ),
    }

    // A commitment.
    match events
        .iter()
        .find(|e| matches!(e.body, EventBody::CommitmentMade { .. }))
    {
        Some(e) => item(
            Rule::Commitment,
            w.commitment,
            w.commitment,
            Finding::Committed,
            at(e),
        ),
        None => item(
            Rule::Commitment,
            w.commitment,
            0,
            Finding::NoCommitment,
            None,
        ),
    }

    // Empathy: an empathy prompt asked, in the case or in the conversation.
    let empathy_prompt = |id: &str| {
        pack.prompts
            .iter()
            .any(|p| p.id == id && p.kind == PromptKind::Empathy)
    };
    let in_case = events
        .iter()
        .find(|e| matches!(&e.body, EventBody::PromptAsked { prompt } if empathy_prompt(prompt)));
    let in_talk = turns.iter().position(|t| t.reply == Reply::Calmer);
    match (in_case, in_talk) {
        (Some(e), _) => item(
            Rule::Empathy,
            w.empathy,
            w.empathy,
            Finding::EmpathyShown,
            at(e),
        ),
        (None, Some(n)) => item(
            Rule::Empathy,
            w.empathy,
            w.empathy,
            Finding::EmpathyShown,
            Some(Moment::Turn(n)),
        ),
        (None, None) => item(Rule::Empathy, w.empathy, 0, Finding::NoEmpathy, None),
    }

    // Jargon.
    let jargon: Vec<(usize, &Vec<String>)> = turns
        .iter()
        .enumerate()
        .filter_map(|(n, t)| match &t.reply {
            Reply::Jargon { words } => Some((n, words)),
            _ => None,
        })
        .collect();
    match jargon.first() {
        None => item(Rule::Jargon, w.jargon, w.jargon, Finding::NoJargon, None),
        Some((n, _)) => {
            let mut words: Vec<String> =
                jargon.iter().flat_map(|(_, w)| w.iter().cloned()).collect();
            words.sort();
            words.dedup();
            item(
                Rule::Jargon,
                w.jargon,
                0,
                Finding::Jargon { words },
                Some(Moment::Turn(*n)),
            )
        }
    }

    // Time: full points within the target, none at twice it.
    if let (Some(first), Some(last)) = (events.first(), events.last()) {
        let seconds = (last.at - first.at).whole_seconds().max(0) as u32;
        let target = w.target_minutes.max(1) * 60;
        let earned = if seconds <= target {
            w.time
        } else {
            w.time * (2 * target).saturating_sub(seconds) / target
        };
        item(
            Rule::Time,
            w.time,
            earned,
            Finding::Time {
                minutes: seconds.div_ceil(60),
                target: w.target_minutes,
            },
            Some(Moment::Event(last.id)),
        );
    }

    let max = items.iter().map(|i| i.max).sum();
    let earned = if fatal.is_some() {
        0
    } else {
        items.iter().map(|i| i.earned).sum()
    };
    let mut lost: Vec<(u32, Rule)> = items
        .iter()
        .filter(|i| i.earned < i.max)
        .map(|i| (i.max - i.earned, i.rule))
        .collect();
    lost.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    // The fatal error comes first, whatever else lost more points.
    if fatal.is_some() {
        if let Some(n) = lost.iter().position(|(_, r)| *r == Rule::Verification) {
            let v = lost.remove(n);
            lost.insert(0, v);
        }
    }
    Score {
        items,
        earned,
        max,
        fatal,
        practise: lost.into_iter().map(|(_, r)| r).collect(),
    }
}

/// The conversation kept in a training case's log: its turns in order,
/// each with the event that recorded it.
pub fn turns_of(events: &[Event]) -> Vec<(EventId, Turn)> {
    events
        .iter()
        .filter_map(|e| match &e.body {
            EventBody::SimTurn { turn } => Some((e.id, turn.clone())),
            _ => None,
        })
        .collect()
}

/// Scores a training case from its log alone (the conversation is in it):
/// every moment is then an event, so the debrief can point at it.
pub fn score_case(scenario: &Scenario, pack: &Pack, events: &[Event]) -> Score {
    let kept = turns_of(events);
    let turns: Vec<Turn> = kept.iter().map(|(_, t)| t.clone()).collect();
    let mut s = score(scenario, pack, events, &turns);
    let to_event = |m: Moment| match m {
        Moment::Turn(n) => kept.get(n).map(|(id, _)| Moment::Event(*id)).unwrap_or(m),
        m => m,
    };
    for item in &mut s.items {
        item.moment = item.moment.map(to_event);
    }
    s.fatal = s.fatal.map(to_event);
    s
}
