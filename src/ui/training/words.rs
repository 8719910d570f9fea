//! Trainer mode's rubric and expected path in words, in the interface
//! language.

use crate::contexts::i18n::I18n;
use crate::i18n::Msg;
use care_core::pack::Pack;
use care_core::sim::{Finding, Level, Rule, Step};

pub fn rule_name(rule: Rule) -> Msg {
    match rule {
        Rule::Facts => Msg::RuleFacts,
        Rule::NoRepeats => Msg::RuleNoRepeats,
        Rule::Verification => Msg::RuleVerification,
        Rule::Cause => Msg::RuleCause,
        Rule::Solution => Msg::RuleSolution,
        Rule::Commitment => Msg::RuleCommitment,
        Rule::Empathy => Msg::RuleEmpathy,
        Rule::Jargon => Msg::RuleJargon,
        Rule::Time => Msg::RuleTime,
    }
}

pub fn level_name(level: Level) -> Msg {
    match level {
        Level::Easy => Msg::LevelEasy,
        Level::Medium => Msg::LevelMedium,
        Level::Hard => Msg::LevelHard,
    }
}

fn fact_name(pack: &Pack, id: &str, i18n: I18n) -> String {
    pack.facts
        .iter()
        .find(|f| f.id == id)
        .map(|f| f.name.get(i18n.lang()).to_owned())
        .unwrap_or_else(|| id.to_owned())
}

fn cause_name(pack: &Pack, id: &str, i18n: I18n) -> String {
    pack.causes
        .iter()
        .find(|c| c.id == id)
        .map(|c| c.name.get(i18n.lang()).to_owned())
        .unwrap_or_else(|| id.to_owned())
}

fn solution_name(pack: &Pack, id: &str, i18n: I18n) -> String {
    pack.solutions
        .iter()
        .find(|s| s.id == id)
        .map(|s| s.name.get(i18n.lang()).to_owned())
        .unwrap_or_else(|| id.to_owned())
}

fn intent_name(pack: &Pack, id: &str, i18n: I18n) -> String {
    pack.intents
        .iter()
        .find(|s| s.id == id)
        .map(|s| s.name.get(i18n.lang()).to_owned())
        .unwrap_or_else(|| id.to_owned())
}

fn list(items: impl IntoIterator<Item = String>, i18n: I18n) -> String {
    let sep = i18n.t(Msg::ListSeparator);
    items.into_iter().collect::<Vec<_>>().join(sep)
}

/// What a rule found, in a sentence.
pub fn finding_text(finding: &Finding, pack: &Pack, i18n: I18n) -> String {
    let none = || i18n.t(Msg::NothingChosen).to_owned();
    match finding {
        Finding::Facts {
            captured,
            expected,
            missed,
        } => {
            let mut s = i18n.fill(
                Msg::FindingFacts,
                &[("n", &captured.to_string()), ("of", &expected.to_string())],
            );
            if !missed.is_empty() {
                let names = list(missed.iter().map(|f| fact_name(pack, f, i18n)), i18n);
                s.push_str(&i18n.fill(Msg::FindingFactsMissed, &[("facts", &names)]));
            }
            s
        }
        Finding::Repeats { count: 0 } => i18n.t(Msg::FindingNoRepeats).to_owned(),
        Finding::Repeats { count } => i18n.fill(Msg::FindingRepeats, &[("n", &count.to_string())]),
        Finding::VerifiedFirst => i18n.t(Msg::FindingVerifiedFirst).to_owned(),
        Finding::NotVerified => i18n.t(Msg::FindingNotVerified).to_owned(),
        Finding::RevealedTooEarly => i18n.t(Msg::FindingRevealedTooEarly).to_owned(),
        Finding::ImpostorPassed => i18n.t(Msg::FindingImpostorPassed).to_owned(),
        Finding::ImpostorRefused => i18n.t(Msg::FindingImpostorRefused).to_owned(),
        Finding::RightCause => i18n.t(Msg::FindingRightCause).to_owned(),
        Finding::WrongCause { chosen } => i18n.fill(
            Msg::FindingWrongCause,
            &[(
                "chosen",
                &chosen
                    .as_deref()
                    .map(|c| cause_name(pack, c, i18n))
                    .unwrap_or_else(none),
            )],
        ),
        Finding::AcceptableSolution { escalated: true } => i18n.t(Msg::FindingEscalated).to_owned(),
        Finding::AcceptableSolution { escalated: false } => {
            i18n.t(Msg::FindingAcceptableSolution).to_owned()
        }
        Finding::NotEscalated => i18n.t(Msg::FindingNotEscalated).to_owned(),
        Finding::WrongSolution { chosen } => i18n.fill(
            Msg::FindingWrongSolution,
            &[(
                "chosen",
                &chosen
                    .as_deref()
                    .map(|c| solution_name(pack, c, i18n))
                    .unwrap_or_else(none),
            )],
        ),
        Finding::Committed => i18n.t(Msg::FindingCommitted).to_owned(),
        Finding::NoCommitment => i18n.t(Msg::FindingNoCommitment).to_owned(),
        Finding::EmpathyShown => i18n.t(Msg::FindingEmpathyShown).to_owned(),
        Finding::NoEmpathy => i18n.t(Msg::FindingNoEmpathy).to_owned(),
        Finding::NoJargon => i18n.t(Msg::FindingNoJargon).to_owned(),
        Finding::Jargon { words } => i18n.fill(Msg::FindingJargon, &[("words", &words.join(", "))]),
        Finding::Time { minutes, target } => i18n.fill(
            Msg::FindingTime,
            &[("n", &minutes.to_string()), ("target", &target.to_string())],
        ),
    }
}

/// A step of the expected path, in words.
pub fn step_text(step: &Step, pack: &Pack, i18n: I18n) -> String {
    match step {
        Step::Intent(id) => i18n.fill(Msg::StepIntent, &[("intent", &intent_name(pack, id, i18n))]),
        Step::Fact(id) => i18n.fill(Msg::StepFact, &[("fact", &fact_name(pack, id, i18n))]),
        Step::Empathy => i18n.t(Msg::StepEmpathy).to_owned(),
        Step::Verify => i18n.t(Msg::StepVerify).to_owned(),
        Step::Refuse => i18n.t(Msg::StepRefuse).to_owned(),
        Step::Cause(id) => i18n.fill(Msg::StepCause, &[("cause", &cause_name(pack, id, i18n))]),
        Step::Solution(ids) => i18n.fill(
            Msg::StepSolution,
            &[(
                "solutions",
                &list(ids.iter().map(|s| solution_name(pack, s, i18n)), i18n),
            )],
        ),
        Step::Escalate => i18n.t(Msg::StepEscalate).to_owned(),
        Step::Commit => i18n.t(Msg::StepCommit).to_owned(),
    }
}

/// One event of a session, in a line, for the replay. Personal values are
/// not repeated here (the case screen shows them, masked).
pub fn event_text(body: &care_core::EventBody, pack: &Pack, i18n: I18n) -> String {
    use care_core::sim::Question;
    use care_core::EventBody as B;
    let lang = i18n.lang();
    let prompt = |id: &str| {
        pack.prompts
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.text.get(lang).to_owned())
            .unwrap_or_else(|| id.to_owned())
    };
    let method = |id: &str| {
        pack.verification
            .methods
            .iter()
            .find(|m| m.id == id)
            .map(|m| m.name.get(lang).to_owned())
            .unwrap_or_else(|| id.to_owned())
    };
    match body {
        B::CaseOpened { .. } => i18n.t(Msg::EvOpened).to_owned(),
        B::StageEntered { stage } => i18n.fill(
            Msg::EvStage,
            &[("stage", i18n.t(crate::i18n::stage_name(*stage)))],
        ),
        B::NoteAdded { .. } => i18n.t(Msg::EvNote).to_owned(),
        B::CustomerIdentified { .. } => i18n.t(Msg::EvCustomer).to_owned(),
        B::StatementTaken { .. } => i18n.t(Msg::EvStatement).to_owned(),
        B::IntentsSuggested { .. } => i18n.t(Msg::EvSuggested).to_owned(),
        B::IntentConfirmed { intent, .. } => i18n.fill(
            Msg::EvIntent,
            &[("intent", &intent_name(pack, intent, i18n))],
        ),
        B::QuickAnswerGiven { .. } => i18n.t(Msg::EvQuickAnswer).to_owned(),
        B::PromptAsked { prompt: p } => i18n.fill(Msg::EvPrompt, &[("prompt", &prompt(p))]),
        B::FactCaptured { fact, .. } => {
            i18n.fill(Msg::EvFact, &[("fact", &fact_name(pack, fact, i18n))])
        }
        B::FactCleared { fact } => i18n.fill(
            Msg::EvFactCleared,
            &[("fact", &fact_name(pack, fact, i18n))],
        ),
        B::VerificationAttempted {
            method: m, passed, ..
        } => i18n.fill(
            if *passed {
                Msg::EvVerified
            } else {
                Msg::EvVerifyFailed
            },
            &[("method", &method(m))],
        ),
        B::VerificationLocked { .. } => i18n.t(Msg::EvVerifyLocked).to_owned(),
        B::DataRevealed { what, .. } => {
            // "records", "personal_data" or "<record kind>:<id>" (see the
            // reconstruct panel and the customer panel).
            let named = match what.as_str() {
                "records" => i18n.t(Msg::RevealedRecords).to_owned(),
                "personal_data" => i18n.t(Msg::RevealedPersonal).to_owned(),
                other => i18n.fill(
                    Msg::RevealedRecord,
                    &[("kind", other.split(':').next().unwrap_or(other))],
                ),
            };
            i18n.fill(Msg::EvRevealed, &[("what", &named)])
        }
        B::CauseConfirmed { cause, .. } => {
            i18n.fill(Msg::EvCause, &[("cause", &cause_name(pack, cause, i18n))])
        }
        B::SolutionRejected { solution, .. } => i18n.fill(
            Msg::EvSolutionRejected,
            &[("solution", &solution_name(pack, solution, i18n))],
        ),
        B::SolutionChosen {
            solution,
            escalated_to,
        } => {
            let mut s = i18n.fill(
                Msg::EvSolution,
                &[("solution", &solution_name(pack, solution, i18n))],
            );
            if let Some(team) = escalated_to {
                s.push_str(&i18n.fill(Msg::EvEscalatedTo, &[("team", team)]));
            }
            s
        }
        B::CommitmentMade { .. } => i18n.t(Msg::EvCommitment).to_owned(),
        B::TaskDone { .. } => i18n.t(Msg::EvTaskDone).to_owned(),
        B::FollowUpRecorded { .. } => i18n.t(Msg::EvFollowUp).to_owned(),
        B::CaseReopened { .. } => i18n.t(Msg::EvReopened).to_owned(),
        B::CaseArchived => i18n.t(Msg::EvArchived).to_owned(),
        B::SimTurn { turn } => {
            let asked = match &turn.question {
                Question::Free(text) => text.clone(),
                Question::Prompt(p) => prompt(p),
                Question::Verify(m) => {
                    i18n.fill(Msg::AskedForVerification, &[("method", &method(m))])
                }
            };
            i18n.fill(Msg::EvTurn, &[("asked", &asked), ("said", &turn.said)])
        }
    }
}
