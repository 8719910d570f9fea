//! A training scenario as a trainer writes it (TOML, like the pack).

use crate::pack::Examples;
use crate::text::Text;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The scenario format this version reads.
pub const SCENARIO_SCHEMA: u32 = 1;

/// One simulated customer and the truth behind their call.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub schema: u32,
    pub id: String,
    pub level: Level,
    pub title: Text,
    /// What the trainee should practise, shown before the start.
    #[serde(default)]
    pub brief: Option<Text>,
    pub persona: Persona,
    /// The customer's first words.
    pub opening: Text,
    /// What the customer says to each prompt or question.
    #[serde(default)]
    pub answers: Vec<Answer>,
    pub reactions: Reactions,
    /// What the customer answers to each verification method.
    #[serde(default)]
    pub verification: Vec<KnownAnswer>,
    pub truth: Truth,
    /// Weights of the rubric's rules; the default weights where absent.
    #[serde(default)]
    pub rubric: Weights,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Easy,
    Medium,
    Hard,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Temperament {
    Calm,
    Anxious,
    Angry,
}

/// Who calls.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Persona {
    pub name: Text,
    pub temperament: Temperament,
    /// How many irritations (a question asked twice, jargon, a question
    /// they cannot follow) the customer takes before they give up; an
    /// empathy prompt gives one back.
    pub patience: u32,
    /// A customer of the demo data, by id (`C-20001`)…
    #[serde(default)]
    pub demo_customer: Option<String>,
    /// …or one defined here.
    #[serde(default)]
    pub customer: Option<InlineCustomer>,
}

/// A customer defined in the scenario (for an impostor, the person they
/// pretend to be is the demo customer; this is for callers the demo data
/// does not have).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InlineCustomer {
    pub name: String,
    pub msisdn: String,
    pub account: String,
    pub id_number: String,
    pub plan: String,
}

/// One thing the customer can tell: asked through a pack prompt, or by
/// a free question like the examples.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    pub id: String,
    /// The pack prompt that asks for it.
    #[serde(default)]
    pub prompt: Option<String>,
    /// How a trainee might ask it in their own words (matched by the
    /// recogniser, with the prompt's own text).
    #[serde(default)]
    pub questions: Examples,
    /// What the customer says; several variants, taken in turn.
    pub say: Vec<Text>,
    /// The facts this answer gives, by pack fact id: the value a trainee
    /// should capture.
    #[serde(default)]
    pub facts: BTreeMap<String, String>,
}

/// How the customer reacts to the way they are handled.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reactions {
    /// To a question already answered ("I already told you").
    pub repeat: Vec<Text>,
    /// Words the customer does not understand (MSISDN, APN, …), matched
    /// without regard to case.
    #[serde(default)]
    pub jargon_words: Vec<String>,
    /// To jargon.
    pub jargon: Vec<Text>,
    /// To a question they cannot place.
    pub unknown: Vec<Text>,
    /// To an empathy prompt.
    pub empathy: Vec<Text>,
    /// When their patience runs out.
    pub give_up: Text,
}

/// What the customer answers when asked to verify with `method`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KnownAnswer {
    pub method: String,
    pub answer: String,
}

/// The hidden truth a trainee's case is scored against.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Truth {
    pub intent: String,
    #[serde(default)]
    pub cause: Option<String>,
    /// Solutions that resolve it acceptably.
    #[serde(default)]
    pub solutions: Vec<String>,
    /// Steps without which the case is not handled right.
    #[serde(default)]
    pub must: Vec<MustDo>,
    /// The caller is not the account holder: nothing of the account may
    /// be revealed, and verification must fail.
    #[serde(default)]
    pub impostor: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MustDo {
    /// Verify identity before revealing anything.
    Verify,
    /// Escalate (the solution is above the agent's authority).
    Escalate,
    /// Make a commitment with a deadline.
    Commit,
    /// Use at least one empathy prompt.
    Empathy,
}

/// The rubric's weights (points per rule) and the time a case should take.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Weights {
    pub facts: u32,
    pub no_repeats: u32,
    pub verification: u32,
    pub cause: u32,
    pub solution: u32,
    pub commitment: u32,
    pub empathy: u32,
    pub jargon: u32,
    pub time: u32,
    /// Minutes within which the time rule gives full points.
    pub target_minutes: u32,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            facts: 20,
            no_repeats: 10,
            verification: 20,
            cause: 15,
            solution: 15,
            commitment: 10,
            empathy: 5,
            jargon: 5,
            time: 0,
            target_minutes: 8,
        }
    }
}

impl Weights {
    pub fn total(&self) -> u32 {
        self.facts
            + self.no_repeats
            + self.verification
            + self.cause
            + self.solution
            + self.commitment
            + self.empathy
            + self.jargon
            + self.time
    }
}

impl Scenario {
    /// The customer the session is about: the demo customer, or the inline
    /// one under an id of its own (`T-<scenario id>`), which no demo
    /// customer can have.
    pub fn customer_id(&self) -> Option<crate::CustomerId> {
        match (&self.persona.demo_customer, &self.persona.customer) {
            (Some(id), _) => Some(crate::CustomerId::new(id.clone())),
            (None, Some(_)) => Some(crate::CustomerId::new(format!("T-{}", self.id))),
            (None, None) => None,
        }
    }

    /// The inline customer as a customer of the reference data, with no
    /// records: the trainee finds them at intake like anyone else.
    pub fn inline_customer(&self) -> Option<crate::Customer> {
        let c = self.persona.customer.as_ref()?;
        let unknown = || Text {
            zh_cn: "—".into(),
            en: "—".into(),
        };
        Some(crate::Customer {
            id: self.customer_id()?,
            name: c.name.clone(),
            msisdn: c.msisdn.clone(),
            account: c.account.clone(),
            id_number: c.id_number.clone(),
            plan: Text {
                zh_cn: c.plan.clone(),
                en: c.plan.clone(),
            },
            city: unknown(),
            segment: unknown(),
            tenure_months: 0,
            profile: None,
        })
    }
}
