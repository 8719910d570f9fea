//! What the diagnose stage reasons from, computed once per change of the
//! case: the findings in the customer's records (when they may be read),
//! the captured facts, the ranked causes and the facts worth asking for.
//! The resolve stage reads the same, for the handoff note.

use care_core::demo_data::DemoData;
use care_core::diagnose::{diagnose, missing_facts, Diagnosis, MissingFact};
use care_core::facts::{FactValue, Facts};
use care_core::pack::calendar::{parse_date, parse_offset, parse_time};
use care_core::pack::{FactType, Pack};
use care_core::reconstruct::{detect, Finding, Window};
use care_core::CaseState;
use time::{OffsetDateTime, UtcOffset};

/// Why there is nothing to diagnose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EvidenceProblem {
    /// The intent is not confirmed yet.
    NoIntent,
    /// The confirmed intent is not in the pack in force (a pack changed
    /// under an open case).
    UnknownIntent(String),
    /// The pack lists no cause for the intent.
    NoCauses,
}

/// Where the records stand for this diagnosis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordsUse {
    /// The records were read.
    Read,
    /// Verification has not unlocked them: facts only.
    Locked,
    /// No customer (or no records for them): facts only.
    NoCustomer,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Evidence {
    pub intent: String,
    pub records: RecordsUse,
    pub facts: Facts,
    pub findings: Vec<Finding>,
    /// Most likely first.
    pub diagnoses: Vec<Diagnosis>,
    pub missing: Vec<MissingFact>,
}

impl Evidence {
    /// The top suggestion, if any cause has evidence.
    pub fn top(&self) -> Option<&Diagnosis> {
        self.diagnoses.first()
    }
}

/// Evaluates the pack's rules for the case at `now`. The records are read
/// only when `unlocked` (verification reached the records level).
pub fn evidence(
    pack: &Pack,
    demo: &DemoData,
    state: &CaseState,
    unlocked: bool,
    now: OffsetDateTime,
) -> Result<Evidence, EvidenceProblem> {
    let intent_id = state.intent.as_deref().ok_or(EvidenceProblem::NoIntent)?;
    let intent = pack
        .intent(intent_id)
        .ok_or_else(|| EvidenceProblem::UnknownIntent(intent_id.to_owned()))?;
    if !pack
        .causes
        .iter()
        .any(|c| c.intents.iter().any(|i| i == intent_id))
    {
        return Err(EvidenceProblem::NoCauses);
    }
    let facts = state.fact_values();
    let offset = parse_offset(&pack.calendar.utc_offset).unwrap_or(UtcOffset::UTC);
    let subject = state.customer.as_ref().and_then(|id| demo.subject(id));
    let (records, findings) = match (subject, unlocked) {
        (None, _) => (RecordsUse::NoCustomer, Vec::new()),
        (Some(_), false) => (RecordsUse::Locked, Vec::new()),
        (Some(subject), true) => {
            let mut window = Window::for_intent(intent, now, offset);
            window.reported = reported_start(pack, &intent.facts, &facts, offset);
            (RecordsUse::Read, detect(pack, &subject, &window))
        }
    };
    Ok(Evidence {
        intent: intent_id.to_owned(),
        records,
        diagnoses: diagnose(pack, intent_id, &facts, &findings),
        // Only what the listen stage can record: a rule may test a fact
        // that another intent collects, which this case has no field for.
        missing: missing_facts(pack, intent_id, &facts, &findings)
            .into_iter()
            .filter(|m| intent.facts.contains(&m.fact) || intent.optional_facts.contains(&m.fact))
            .collect(),
        facts,
        findings,
    })
}

/// When the customer says the problem began: the first date-and-time fact
/// among the intent's facts that was captured (the pack decides which
/// facts an intent collects; none is named here).
fn reported_start(
    pack: &Pack,
    intent_facts: &[String],
    facts: &Facts,
    offset: UtcOffset,
) -> Option<OffsetDateTime> {
    intent_facts.iter().find_map(|id| {
        let fact = pack.fact(id)?;
        if fact.kind != FactType::Datetime {
            return None;
        }
        let FactValue::Datetime(s) = facts.get(id)? else {
            return None;
        };
        let (d, t) = s.split_once('T')?;
        Some(
            parse_date(d)?
                .with_time(parse_time(t)?)
                .assume_offset(offset),
        )
    })
}
