//! The knowledge pack as data: what `docs/pack-format.md` describes.
//! Field names follow the TOML file; unknown fields are refused so that a
//! misspelt key is reported rather than silently ignored.

use crate::case::Channel;
use crate::text::Text;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The pack format version this build reads.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    pub schema: u32,
    pub id: String,
    pub version: String,
    pub name: Text,
    pub verification: Verification,
    #[serde(default)]
    pub facts: Vec<Fact>,
    #[serde(default)]
    pub prompts: Vec<Prompt>,
    #[serde(default)]
    pub actions: Vec<Action>,
    #[serde(default)]
    pub features: Vec<Feature>,
    #[serde(default)]
    pub teams: Vec<Team>,
    #[serde(default)]
    pub roles: Vec<Role>,
    #[serde(default)]
    pub intents: Vec<Intent>,
    #[serde(default)]
    pub causes: Vec<Cause>,
    #[serde(default)]
    pub rules: Vec<Rule>,
    #[serde(default)]
    pub solutions: Vec<Solution>,
    #[serde(default)]
    pub commitments: Vec<Commitment>,
    pub calendar: Calendar,
    #[serde(default)]
    pub quick_answers: Vec<QuickAnswer>,
    /// Trainer mode's settings for scenarios on this pack.
    #[serde(default)]
    pub training: Training,
}

/// `[training]`: the rubric's weights scenarios on this pack start from
/// (a scenario's own `[rubric]` overrides them key by key).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Training {
    #[serde(default)]
    pub rubric: crate::sim::Weights,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verification {
    pub max_attempts: u32,
    pub lock_minutes: u32,
    /// The least level at which the customer's records and unmasked
    /// personal data may be shown, whatever the intent needs.
    pub records_level: String,
    pub methods: Vec<Method>,
    pub levels: Vec<Level>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Method {
    pub id: String,
    pub name: Text,
    #[serde(default)]
    pub description: Option<Text>,
    pub strength: u32,
    pub channels: Vec<Channel>,
    /// What the app checks the customer's answer against.
    pub check: CheckKind,
    /// For `id_digits`: how many trailing characters of the ID number.
    #[serde(default)]
    pub digits: Option<u32>,
    /// Intents for which the method proves nothing (a one-time code to a
    /// SIM reported lost reaches whoever holds the SIM).
    #[serde(default)]
    pub not_for_intents: Vec<String>,
}

/// How a verification method is checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckKind {
    /// The service password the customer keys in, against the account's.
    ServicePassword,
    /// Trailing digits of the holder's ID number.
    IdDigits,
    /// The amount of one of the last three bills, to within ¥1.
    BillAmount,
    /// A code sent by SMS to the registered number, read back.
    OneTimeCode,
    /// The agent attests that they checked the original document in person.
    DocumentInPerson,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub id: String,
    pub name: Text,
    pub min_strength: u32,
    /// Methods of which at least one must have passed, whatever the summed
    /// strength: "in person" is only reached by something seen in person,
    /// never by adding up answers given over the phone.
    #[serde(default)]
    pub requires_any: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FactType {
    Text,
    Number,
    Money,
    Date,
    Month,
    Datetime,
    Phone,
    Choice,
    Bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: String,
    pub name: Text,
    /// Words customers use for it, by language, so the listen stage can
    /// offer the choice when the first statement says it.
    #[serde(default)]
    pub keywords: Examples,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub id: String,
    pub name: Text,
    #[serde(rename = "type")]
    pub kind: FactType,
    #[serde(default)]
    pub min: Option<f64>,
    #[serde(default)]
    pub max: Option<f64>,
    #[serde(default)]
    pub max_len: Option<u32>,
    #[serde(default)]
    pub choices: Vec<Choice>,
    /// For a bool fact: phrases that mean yes, and that mean no.
    #[serde(default)]
    pub when_true: Examples,
    #[serde(default)]
    pub when_false: Examples,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PromptKind {
    Open,
    Closed,
    Empathy,
    Caution,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prompt {
    pub id: String,
    pub kind: PromptKind,
    pub text: Text,
    #[serde(default)]
    pub collects: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    pub id: String,
    pub name: Text,
    pub verification: String,
}

/// The anomaly detectors the reconstruct stage implements; a feature
/// names one with its parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Detector {
    BillRatio,
    RoamingUsage,
    OutageOverlap,
    PlanChange,
    NewSubscription,
    FailedPayment,
    DataThrottled,
    SimChange,
    RepeatContact,
    DeviceAge,
    ContractTerm,
    IdExpired,
    ScamCalls,
    PoorContact,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Feature {
    pub id: String,
    pub name: Text,
    pub detector: Detector,
    #[serde(default)]
    pub threshold: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Team {
    pub id: String,
    pub name: Text,
    pub sla_hours: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub id: String,
    pub name: Text,
    pub refund_cap: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Routing {
    SelfService,
    Handle,
    Specialist,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    Bills,
    Usage,
    Orders,
    Subscriptions,
    Contacts,
    NetworkEvents,
    Payments,
    Devices,
    Contracts,
    ScreenedCalls,
}

impl RecordKind {
    /// The name used in the pack file and in audit entries.
    pub fn slug(self) -> &'static str {
        match self {
            RecordKind::Bills => "bills",
            RecordKind::Usage => "usage",
            RecordKind::Orders => "orders",
            RecordKind::Subscriptions => "subscriptions",
            RecordKind::Contacts => "contacts",
            RecordKind::NetworkEvents => "network_events",
            RecordKind::Payments => "payments",
            RecordKind::Devices => "devices",
            RecordKind::Contracts => "contracts",
            RecordKind::ScreenedCalls => "screened_calls",
        }
    }
}

/// Example utterances by language.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    #[serde(rename = "zh-CN", default)]
    pub zh_cn: Vec<String>,
    #[serde(default)]
    pub en: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Intent {
    pub id: String,
    pub name: Text,
    #[serde(default)]
    pub description: Option<Text>,
    pub routing: Routing,
    pub verification: String,
    #[serde(default)]
    pub facts: Vec<String>,
    #[serde(default)]
    pub optional_facts: Vec<String>,
    #[serde(default)]
    pub prompts: Vec<String>,
    #[serde(default)]
    pub records: Vec<RecordKind>,
    #[serde(default)]
    pub window_days: u32,
    pub examples: Examples,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Low,
    Medium,
    High,
    Critical,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cause {
    pub id: String,
    pub name: Text,
    #[serde(default)]
    pub description: Option<Text>,
    pub severity: Severity,
    pub intents: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    Eq,
    Ne,
    Gt,
    Ge,
    Lt,
    Le,
    In,
    Present,
}

/// One condition of a rule: a feature that fired, or a test on a fact.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    #[serde(default)]
    pub feature: Option<String>,
    #[serde(default)]
    pub fact: Option<String>,
    #[serde(default)]
    pub op: Option<Op>,
    #[serde(default)]
    pub value: Option<Value>,
}

/// A literal in a rule condition.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    Bool(bool),
    Number(f64),
    Text(String),
    List(Vec<Value>),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    pub cause: String,
    pub weight: f64,
    pub all: Vec<Condition>,
    pub explain: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Solution {
    pub id: String,
    pub cause: String,
    pub name: Text,
    #[serde(default)]
    pub description: Option<Text>,
    pub pros: Vec<Text>,
    pub cons: Vec<Text>,
    pub fee: f64,
    #[serde(default)]
    pub refund: f64,
    pub effect_hours: u32,
    pub role: String,
    pub escalation: String,
    pub action: String,
    pub commitment: String,
    /// What the customer must do themselves, in order: the commitment's
    /// `{steps}`. Empty leaves them to the agent.
    #[serde(default)]
    pub customer_steps: Vec<Text>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Commitment {
    pub id: String,
    pub text: Text,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Calendar {
    pub utc_offset: String,
    pub work_start: String,
    pub work_end: String,
    pub work_days: Vec<Weekday>,
    #[serde(default)]
    pub holidays: Vec<String>,
    #[serde(default)]
    pub make_up_days: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuickAnswer {
    pub id: String,
    pub intent: String,
    pub title: Text,
    pub answer: Text,
    pub verification: String,
}

/// The kinds of pack item a screen or an export names by id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Named {
    Intent,
    Fact,
    Cause,
    Solution,
    Prompt,
    Method,
    Team,
}

impl Pack {
    /// An item's name in `lang`, or its id when the pack in force lacks it
    /// (a case made under an older pack still reads).
    pub fn name_of(&self, kind: Named, id: &str, lang: crate::text::Lang) -> String {
        let text = match kind {
            Named::Intent => self.intent(id).map(|i| &i.name),
            Named::Fact => self.fact(id).map(|f| &f.name),
            Named::Cause => self.causes.iter().find(|c| c.id == id).map(|c| &c.name),
            Named::Solution => self.solutions.iter().find(|s| s.id == id).map(|s| &s.name),
            Named::Prompt => self.prompts.iter().find(|p| p.id == id).map(|p| &p.text),
            Named::Method => self
                .verification
                .methods
                .iter()
                .find(|m| m.id == id)
                .map(|m| &m.name),
            Named::Team => self.teams.iter().find(|t| t.id == id).map(|t| &t.name),
        };
        text.map_or_else(|| id.to_owned(), |t| t.get(lang).to_owned())
    }

    pub fn intent(&self, id: &str) -> Option<&Intent> {
        self.intents.iter().find(|i| i.id == id)
    }

    /// The position of a verification level, weakest first.
    pub fn level_rank(&self, id: &str) -> Option<usize> {
        self.verification.levels.iter().position(|l| l.id == id)
    }

    /// The stronger of two levels (the known one if only one is known).
    pub fn stronger_level<'a>(&self, a: &'a str, b: &'a str) -> &'a str {
        match (self.level_rank(a), self.level_rank(b)) {
            (Some(x), Some(y)) if y > x => b,
            (None, Some(_)) => b,
            _ => a,
        }
    }

    /// The level needed before the records of a case with `intent` are
    /// shown: the intent's own, and never below the pack's records level.
    pub fn records_level_for<'a>(&'a self, intent: Option<&'a str>) -> &'a str {
        let base = self.verification.records_level.as_str();
        intent
            .and_then(|i| self.intent(i))
            .map_or(base, |i| self.stronger_level(base, &i.verification))
    }

    pub fn fact(&self, id: &str) -> Option<&Fact> {
        self.facts.iter().find(|f| f.id == id)
    }

    /// Solutions of a cause, in pack order.
    pub fn solutions_for<'a>(&'a self, cause: &'a str) -> impl Iterator<Item = &'a Solution> + 'a {
        self.solutions.iter().filter(move |s| s.cause == cause)
    }

    /// Counts per kind, for the pack browser and `care-pack check`.
    pub fn counts(&self) -> BTreeMap<&'static str, usize> {
        BTreeMap::from([
            ("intents", self.intents.len()),
            (
                "examples",
                self.intents
                    .iter()
                    .map(|i| i.examples.zh_cn.len() + i.examples.en.len())
                    .sum(),
            ),
            ("prompts", self.prompts.len()),
            ("facts", self.facts.len()),
            ("causes", self.causes.len()),
            ("rules", self.rules.len()),
            ("solutions", self.solutions.len()),
            ("quick_answers", self.quick_answers.len()),
        ])
    }
}
