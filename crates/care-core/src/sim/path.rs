//! The path a scenario expects, stage by stage, with where the trainee's
//! session met each step: the debrief shows it beside the session's own
//! timeline.

use super::converse::Reply;
use super::model::{MustDo, Scenario};
use crate::case::{Event, EventBody, EventId, Stage};
use crate::facts::FactValue;
use crate::pack::{Pack, PromptKind};
use serde::{Deserialize, Serialize};

/// One thing the scenario expects the trainee to do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "step", content = "of", rename_all = "snake_case")]
pub enum Step {
    /// Settle the intent the customer really has.
    Intent(String),
    /// Capture a fact with the value the customer gives.
    Fact(String),
    /// Acknowledge how the customer feels.
    Empathy,
    /// Verify the caller before anything is disclosed.
    Verify,
    /// An impostor: let verification fail and disclose nothing.
    Refuse,
    /// Settle the right cause.
    Cause(String),
    /// Agree one of these solutions.
    Solution(Vec<String>),
    /// Hand the case to the team above the agent's authority.
    Escalate,
    /// Tell the customer what happens next, and by when.
    Commit,
}

/// A step of the expected path, the stage it belongs to, and the event
/// that met it (none if it was not met).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PathStep {
    pub stage: Stage,
    pub step: Step,
    pub met: Option<EventId>,
}

/// The scenario's expected path against the session's `events` (in order).
pub fn expected_path(scenario: &Scenario, pack: &Pack, events: &[Event]) -> Vec<PathStep> {
    let truth = &scenario.truth;
    let mut path = Vec::new();
    let mut step =
        |stage: Stage, step: Step, met: Option<EventId>| path.push(PathStep { stage, step, met });
    let last = |f: &dyn Fn(&EventBody) -> bool| events.iter().rev().find(|e| f(&e.body));

    let intent = last(&|b| matches!(b, EventBody::IntentConfirmed { .. }));
    step(
        Stage::Intake,
        Step::Intent(truth.intent.clone()),
        intent
            .filter(|e| matches!(&e.body, EventBody::IntentConfirmed { intent, .. } if *intent == truth.intent))
            .map(|e| e.id),
    );

    let mut facts: Vec<(&str, &str)> = scenario
        .answers
        .iter()
        .flat_map(|a| a.facts.iter().map(|(f, v)| (f.as_str(), v.as_str())))
        .collect();
    facts.sort();
    facts.dedup_by(|a, b| a.0 == b.0);
    for (fact, want) in facts {
        let want = pack
            .facts
            .iter()
            .find(|f| f.id == fact)
            .and_then(|f| FactValue::parse(f, want).ok());
        // The latest value counts; a withdrawn fact is not captured.
        let latest = events.iter().rev().find(|e| match &e.body {
            EventBody::FactCaptured { fact: f, .. } | EventBody::FactCleared { fact: f } => {
                f == fact
            }
            _ => false,
        });
        let met = latest
            .filter(|e| matches!(&e.body, EventBody::FactCaptured { value, .. } if Some(value) == want.as_ref()))
            .map(|e| e.id);
        step(Stage::Listen, Step::Fact(fact.to_owned()), met);
    }

    if truth.must.contains(&MustDo::Empathy) {
        let empathy = |id: &str| {
            pack.prompts
                .iter()
                .any(|p| p.id == id && p.kind == PromptKind::Empathy)
        };
        let met = events.iter().find(|e| match &e.body {
            EventBody::PromptAsked { prompt } => empathy(prompt),
            EventBody::SimTurn { turn } => turn.reply == Reply::Calmer,
            _ => false,
        });
        step(Stage::Listen, Step::Empathy, met.map(|e| e.id));
    }

    let passed = events.iter().find(|e| {
        matches!(
            e.body,
            EventBody::VerificationAttempted { passed: true, .. }
        )
    });
    let revealed = events
        .iter()
        .find(|e| matches!(e.body, EventBody::DataRevealed { .. }));
    if truth.impostor {
        let refused =
            last(&|b| matches!(b, EventBody::VerificationAttempted { passed: false, .. }));
        let met = match (passed, revealed) {
            (None, None) => refused.map(|e| e.id),
            _ => None,
        };
        step(Stage::Verify, Step::Refuse, met);
    } else if truth.must.contains(&MustDo::Verify) {
        let position = |x: &Event| events.iter().position(|e| e.id == x.id);
        let met = match (passed, revealed) {
            (Some(p), Some(r)) if position(r) < position(p) => None,
            (Some(p), _) => Some(p.id),
            (None, _) => None,
        };
        step(Stage::Verify, Step::Verify, met);
    }

    if let Some(cause) = &truth.cause {
        let chosen = last(&|b| matches!(b, EventBody::CauseConfirmed { .. }));
        let met = chosen
            .filter(|e| matches!(&e.body, EventBody::CauseConfirmed { cause: c, .. } if c == cause))
            .map(|e| e.id);
        step(Stage::Diagnose, Step::Cause(cause.clone()), met);
    }

    let chosen = last(&|b| matches!(b, EventBody::SolutionChosen { .. }));
    if !truth.solutions.is_empty() {
        let met = chosen
            .filter(|e| matches!(&e.body, EventBody::SolutionChosen { solution, .. } if truth.solutions.contains(solution)))
            .map(|e| e.id);
        step(Stage::Resolve, Step::Solution(truth.solutions.clone()), met);
    }
    if truth.must.contains(&MustDo::Escalate) {
        let met = chosen
            .filter(|e| {
                matches!(
                    &e.body,
                    EventBody::SolutionChosen {
                        escalated_to: Some(_),
                        ..
                    }
                )
            })
            .map(|e| e.id);
        step(Stage::Resolve, Step::Escalate, met);
    }
    if truth.must.contains(&MustDo::Commit) || !truth.impostor {
        let met = events
            .iter()
            .find(|e| matches!(e.body, EventBody::CommitmentMade { .. }));
        step(Stage::Commit, Step::Commit, met.map(|e| e.id));
    }
    path
}
