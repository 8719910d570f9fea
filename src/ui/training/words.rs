//! Trainer mode's rubric and expected path in words, in the interface
//! language.

use crate::contexts::i18n::I18n;
use crate::i18n::Msg;
use care_core::pack::{Named, Pack};
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
    pack.name_of(Named::Fact, id, i18n.lang())
}

fn cause_name(pack: &Pack, id: &str, i18n: I18n) -> String {
    pack.name_of(Named::Cause, id, i18n.lang())
}

fn solution_name(pack: &Pack, id: &str, i18n: I18n) -> String {
    pack.name_of(Named::Solution, id, i18n.lang())
}

fn intent_name(pack: &Pack, id: &str, i18n: I18n) -> String {
    pack.name_of(Named::Intent, id, i18n.lang())
}

pub fn prompt_text(pack: &Pack, id: &str, i18n: I18n) -> String {
    pack.name_of(Named::Prompt, id, i18n.lang())
}

pub fn method_name(pack: &Pack, id: &str, i18n: I18n) -> String {
    pack.name_of(Named::Method, id, i18n.lang())
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

/// What the trainee asked, as the chat and the replay show it.
pub fn question_text(q: &care_core::sim::Question, pack: &Pack, i18n: I18n) -> String {
    use care_core::sim::Question;
    match q {
        Question::Free(text) => text.clone(),
        Question::Prompt(id) => prompt_text(pack, id, i18n),
        Question::Verify(id) => i18n.fill(
            Msg::AskedForVerification,
            &[("method", &method_name(pack, id, i18n))],
        ),
    }
}

/// One event of a session, in a line, for the replay: the export's words
/// (`care_core::export::describe`), and for a turn of the conversation,
/// what was asked and what the customer said.
pub fn event_text(body: &care_core::EventBody, pack: &Pack, i18n: I18n) -> String {
    match body {
        care_core::EventBody::SimTurn { turn } => i18n.fill(
            Msg::EvTurn,
            &[
                ("asked", &question_text(&turn.question, pack, i18n)),
                ("said", &turn.said),
            ],
        ),
        other => care_core::export::describe(other, pack, i18n.lang()),
    }
}
