//! Cases in the industry's standard formats, for the operator's other
//! systems: a case as a TM Forum TMF683 `PartyInteraction` (v4), and its
//! escalation or commitment as a TMF621 `TroubleTicket` (v4). The field
//! mapping is written out in `docs/exports.md`; a test validates both
//! against the official schemas.
//!
//! Personal data leaves masked: the customer's name and number are masked
//! in the related party, and any of their identifiers found in free text
//! (notes, the statement, the commitment) is replaced by its masked form.
//! Training cases are not work and are refused.

use crate::case::{CaseId, CaseState, Event, EventBody, Stage};
use crate::customer::{Customer, CustomerId};
use crate::pack::{Named, Pack, Severity};
use crate::store::EventStore;
use crate::text::Lang;
use crate::verify::{mask_id_number, mask_msisdn, mask_name, mask_numbers};
use serde_json::{json, Map, Value};
use thiserror::Error;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// Where the exported resources say they live (the TMF683 and TMF621
/// base paths).
pub const INTERACTION_BASE: &str = "/tmf-api/partyInteraction/v4/partyInteraction";
pub const TICKET_BASE: &str = "/tmf-api/troubleTicket/v4/troubleTicket";

/// Why a case cannot be exported.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ExportError {
    #[error("a training case is practice, not work, and is not exported")]
    Training,
    #[error("the case has no escalation or commitment to export as a trouble ticket")]
    NoTicket,
    #[error("the case's events do not make a case: {0}")]
    Damaged(String),
    #[error("a time could not be written: {0}")]
    Time(String),
}

/// The state of a real case to export.
fn real_case(events: &[Event]) -> Result<CaseState, ExportError> {
    let state = CaseState::fold(events).map_err(|e| ExportError::Damaged(e.to_string()))?;
    if state.training.is_some() {
        return Err(ExportError::Training);
    }
    Ok(state)
}

fn time(at: OffsetDateTime) -> Result<String, ExportError> {
    at.to_offset(time::UtcOffset::UTC)
        .format(&Rfc3339)
        .map_err(|e| ExportError::Time(e.to_string()))
}

/// Free text with the customer's identifiers masked, and any other long
/// number (another phone, a card, an id typed differently) masked too.
pub fn mask_text(text: &str, customer: Option<&Customer>) -> String {
    let mut out = text.to_owned();
    if let Some(c) = customer {
        for (value, masked) in [
            (&c.msisdn, mask_msisdn(&c.msisdn)),
            (&c.id_number, mask_id_number(&c.id_number)),
            (&c.account, mask_id_number(&c.account)),
            (&c.name, mask_name(&c.name)),
        ] {
            if !value.is_empty() {
                out = out.replace(value.as_str(), &masked);
            }
        }
    }
    mask_numbers(&out)
}

/// One event of a case in a line of words, as the exported timeline (and
/// the debrief's replay) says it. Free text is not repeated here: notes
/// and statements go out separately, masked.
pub fn describe(body: &EventBody, pack: &Pack, lang: Lang) -> String {
    use EventBody as B;
    let zh = lang == Lang::ZhCn;
    let pick = |zh_text: String, en_text: String| if zh { zh_text } else { en_text };
    let label = |kind: Named, id: &str| pack.name_of(kind, id, lang);
    let intent = |id: &str| label(Named::Intent, id);
    let fact = |id: &str| label(Named::Fact, id);
    let cause = |id: &str| label(Named::Cause, id);
    let solution = |id: &str| label(Named::Solution, id);
    let prompt = |id: &str| label(Named::Prompt, id);
    let method = |id: &str| label(Named::Method, id);
    match body {
        B::CaseOpened { channel, .. } => {
            let c = channel.label();
            pick(
                format!("开始受理（{}）", c.zh_cn),
                format!("Case opened ({})", c.en),
            )
        }
        B::StageEntered { stage } => {
            let s = stage.label();
            pick(format!("进入：{}", s.0), format!("Moved to {}", s.1))
        }
        B::NoteAdded { .. } => pick("添加备注".into(), "Note added".into()),
        B::CustomerIdentified { .. } => pick("找到客户".into(), "Customer identified".into()),
        B::StatementTaken { .. } => pick(
            "记录了客户的第一句话".into(),
            "First statement taken".into(),
        ),
        B::IntentsSuggested { unknown, .. } => {
            if *unknown {
                pick("未能识别来意".into(), "Intent not recognised".into())
            } else {
                pick("识别来意".into(), "Intent recognised".into())
            }
        }
        B::IntentConfirmed {
            intent: i,
            overridden,
        } => {
            let by_hand = if *overridden {
                pick("（人工选择）".into(), " (chosen by hand)".into())
            } else {
                String::new()
            };
            pick(
                format!("确认来意：{}{by_hand}", intent(i)),
                format!("Intent confirmed: {}{by_hand}", intent(i)),
            )
        }
        B::QuickAnswerGiven { .. } => pick(
            "以标准答复解决".into(),
            "Resolved with a quick answer".into(),
        ),
        B::PromptAsked { prompt: p } => pick(
            format!("问：{}", prompt(p)),
            format!("Asked: {}", prompt(p)),
        ),
        B::FactCaptured { fact: f, .. } => pick(
            format!("记录：{}", fact(f)),
            format!("Captured: {}", fact(f)),
        ),
        B::FactCleared { fact: f } => pick(
            format!("撤回：{}", fact(f)),
            format!("Withdrew: {}", fact(f)),
        ),
        B::VerificationAttempted {
            method: m, passed, ..
        } => match passed {
            true => pick(
                format!("核验通过：{}", method(m)),
                format!("Verified: {}", method(m)),
            ),
            false => pick(
                format!("核验未通过：{}", method(m)),
                format!("Verification failed: {}", method(m)),
            ),
        },
        B::VerificationLocked { .. } => pick("核验已锁定".into(), "Verification locked".into()),
        B::DataRevealed { what, .. } => {
            let (zh_what, en_what) = match what.as_str() {
                "records" => ("客户记录".to_owned(), "the customer's records".to_owned()),
                "personal_data" => ("未遮挡的个人资料".into(), "unmasked personal data".into()),
                crate::report::FULL_REPORT_REVEAL => (
                    "含完整个人信息的个案报告".into(),
                    "the case report with personal data in full".into(),
                ),
                other => {
                    let kind = other.split(':').next().unwrap_or(other);
                    (format!("一条记录（{kind}）"), format!("a record ({kind})"))
                }
            };
            pick(format!("查看了{zh_what}"), format!("Opened {en_what}"))
        }
        B::CauseConfirmed { cause: c, .. } => pick(
            format!("确认原因：{}", cause(c)),
            format!("Cause confirmed: {}", cause(c)),
        ),
        B::SolutionRejected { solution: s, .. } => pick(
            format!("放弃方案：{}", solution(s)),
            format!("Turned down: {}", solution(s)),
        ),
        B::SolutionChosen {
            solution: s,
            escalated_to,
        } => {
            let team = |t: &str| label(Named::Team, t);
            match escalated_to {
                Some(t) => pick(
                    format!("选定方案：{}，升级到 {}", solution(s), team(t)),
                    format!("Chose: {}, escalated to {}", solution(s), team(t)),
                ),
                None => pick(
                    format!("选定方案：{}", solution(s)),
                    format!("Chose: {}", solution(s)),
                ),
            }
        }
        B::CommitmentMade { .. } => pick("给出承诺".into(), "Commitment made".into()),
        B::TaskDone { task } => pick(
            format!("完成任务 {}", task + 1),
            format!("Task {} done", task + 1),
        ),
        B::FollowUpRecorded { solved, .. } => match solved {
            true => pick("回访：已解决".into(), "Follow-up: solved".into()),
            false => pick("回访：未解决".into(), "Follow-up: not solved".into()),
        },
        B::CaseReopened { .. } => pick("重新打开".into(), "Reopened".into()),
        B::CaseArchived => pick("归档".into(), "Archived".into()),
        B::SimTurn { .. } => pick(
            "与模拟客户的对话".into(),
            "A turn with the simulated customer".into(),
        ),
    }
}

/// The customer as a related party, identifiers masked.
fn customer_party(state: &CaseState, customer: Option<&Customer>, href: bool) -> Option<Value> {
    let id = state.customer.as_ref()?;
    let mut party = Map::new();
    party.insert("id".into(), json!(id.as_str()));
    if href {
        party.insert(
            "href".into(),
            json!(format!(
                "/tmf-api/partyManagement/v4/individual/{}",
                id.as_str()
            )),
        );
    }
    if let Some(c) = customer {
        party.insert(
            "name".into(),
            json!(format!(
                "{} ({})",
                mask_name(&c.name),
                mask_msisdn(&c.msisdn)
            )),
        );
    }
    party.insert("role".into(), json!("customer"));
    party.insert("@referredType".into(), json!("Individual"));
    Some(Value::Object(party))
}

/// The case's timeline as TMF notes: one per event, in order, authored by
/// the device that recorded it; notes and the statement carry their text,
/// masked.
fn timeline(
    events: &[Event],
    pack: &Pack,
    customer: Option<&Customer>,
    lang: Lang,
) -> Result<Vec<Value>, ExportError> {
    events
        .iter()
        .map(|e| {
            let mut text = describe(&e.body, pack, lang);
            let said = match &e.body {
                EventBody::NoteAdded { text } | EventBody::StatementTaken { text } => Some(text),
                EventBody::SolutionRejected { reason, .. } => Some(reason),
                EventBody::CaseReopened { reason } => Some(reason),
                EventBody::CommitmentMade { text, .. } => Some(text),
                EventBody::FollowUpRecorded { comment, .. } if !comment.is_empty() => Some(comment),
                _ => None,
            };
            if let Some(said) = said {
                text.push_str(": ");
                text.push_str(&mask_text(said, customer));
            }
            Ok(json!({
                "id": e.id.to_string(),
                "author": format!("device:{}", e.device),
                "date": time(e.at)?,
                "text": text,
                "@type": "Note",
            }))
        })
        .collect()
}

/// The TMF683 interaction status of a case: opened at intake, in progress
/// through the flow, completed once closed.
fn interaction_status(state: &CaseState) -> &'static str {
    match (&state.outcome, state.stage) {
        (Some(_), _) => "completed",
        (None, Stage::Intake) => "opened",
        (None, _) => "inProgress",
    }
}

/// A case as a TMF683 `PartyInteraction`.
pub fn party_interaction(
    events: &[Event],
    pack: &Pack,
    customer: Option<&Customer>,
    lang: Lang,
) -> Result<Value, ExportError> {
    let state = real_case(events)?;
    let mut sorted: Vec<Event> = events.to_vec();
    sorted.sort_by_key(|e| e.id);
    let id = state.id.to_string();
    let reason = match &state.intent {
        Some(i) => pack
            .intent(i)
            .map(|x| x.name.get(lang).to_owned())
            .unwrap_or_else(|| i.clone()),
        None => match lang {
            Lang::ZhCn => "来意未确认".to_owned(),
            Lang::En => "intent not settled".to_owned(),
        },
    };
    let channel = state.channel.label();
    let mut period = Map::new();
    period.insert("startDateTime".into(), json!(time(state.opened_at)?));
    if state.outcome.is_some() {
        period.insert("endDateTime".into(), json!(time(state.updated_at)?));
    }
    let mut parties = Vec::new();
    parties.extend(customer_party(&state, customer, true));
    // The agent who took the contact when the case names them (staff, not
    // customer data), else the device it was taken on.
    parties.push(match &state.agent {
        Some(a) => json!({
            "id": format!("agent:{}", a.name),
            "href": format!("/tmf-api/partyRoleManagement/v4/partyRole/agent:{}", a.name),
            "name": a.name,
            "role": "agent",
            "@referredType": "PartyRole",
        }),
        None => json!({
            "id": format!("device:{}", state.opened_on),
            "href": format!("/tmf-api/partyRoleManagement/v4/partyRole/device:{}", state.opened_on),
            "role": "agent",
            "@referredType": "PartyRole",
        }),
    });
    let mut items = Vec::new();
    if let Some(c) = state.cause.as_ref().map(|c| &c.cause) {
        let cause = pack.causes.iter().find(|x| &x.id == c);
        let resolution = state.solution.as_ref().map(|s| {
            pack.solutions
                .iter()
                .find(|x| x.id == s.solution)
                .map(|x| x.name.get(lang).to_owned())
                .unwrap_or_else(|| s.solution.clone())
        });
        let mut item = Map::new();
        item.insert("id".into(), json!(format!("{id}:diagnosis")));
        item.insert(
            "reason".into(),
            json!(cause
                .map(|x| x.name.get(lang).to_owned())
                .unwrap_or_else(|| c.clone())),
        );
        if let Some(r) = resolution {
            item.insert("resolution".into(), json!(r));
        }
        item.insert("@type".into(), json!("InteractionItem"));
        items.push(Value::Object(item));
    }
    let description = match lang {
        Lang::ZhCn => format!("{}，经{}受理", reason, channel.zh_cn),
        Lang::En => format!("{} by {}", reason, channel.en),
    };
    let mut out = json!({
        "id": id,
        "href": format!("{INTERACTION_BASE}/{id}"),
        "creationDate": time(state.opened_at)?,
        "description": description,
        "direction": "inbound",
        "reason": reason,
        "status": interaction_status(&state),
        "statusChangeDate": time(state.updated_at)?,
        "interactionDate": Value::Object(period),
        "channel": [{
            "id": state.channel.slug(),
            "href": format!("/tmf-api/channel/{}", state.channel.slug()),
            "name": channel.get(lang),
            "role": "contactChannel",
            "@referredType": "Channel",
        }],
        "relatedParty": parties,
        "note": timeline(&sorted, pack, customer, lang)?,
        "@type": "PartyInteraction",
    });
    if !items.is_empty() {
        out["interactionItem"] = Value::Array(items);
    }
    Ok(out)
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Low => "minor",
        Severity::Medium => "moderate",
        Severity::High => "major",
        Severity::Critical => "critical",
    }
}

/// Why [`trouble_ticket`] would make no ticket of this case (a training
/// session, an unreadable log, nothing escalated or promised), found
/// without building one: what a screen needs to offer the export or not.
pub fn ticket_refusal(events: &[Event]) -> Option<ExportError> {
    real_case(events).and_then(|s| has_ticket(&s)).err()
}

/// A ticket is an escalation or a promise in force.
fn has_ticket(state: &CaseState) -> Result<(), ExportError> {
    let escalated = state
        .solution
        .as_ref()
        .is_some_and(|s| s.escalated_to.is_some());
    if escalated || state.commitment.is_some() {
        Ok(())
    } else {
        Err(ExportError::NoTicket)
    }
}

/// A case's escalation or commitment as a TMF621 `TroubleTicket`: what was
/// promised, by when, to which team, and where it stands.
pub fn trouble_ticket(
    events: &[Event],
    pack: &Pack,
    customer: Option<&Customer>,
    lang: Lang,
) -> Result<Value, ExportError> {
    let state = real_case(events)?;
    has_ticket(&state)?;
    let escalated_to = state.solution.as_ref().and_then(|s| s.escalated_to.clone());
    let commitment = state.commitment.as_ref();
    let id = state.id.to_string();
    let created = commitment
        .map(|c| c.at)
        .or(state.solution.as_ref().map(|s| s.at))
        .unwrap_or(state.opened_at);
    let description = match commitment {
        Some(c) => mask_text(&c.text, customer),
        None => match lang {
            Lang::ZhCn => "已升级，尚未向客户承诺".to_owned(),
            Lang::En => "Escalated; no commitment to the customer yet".to_owned(),
        },
    };
    let all_done =
        commitment.is_some_and(|c| (0..c.tasks.len()).all(|i| state.tasks_done.contains(&i)));
    let status = match (&state.outcome, &state.follow_up) {
        (Some(_), _) => "closed",
        (None, Some(f)) if f.solved => "resolved",
        _ if all_done && commitment.is_some_and(|c| !c.tasks.is_empty()) => "resolved",
        _ if !state.tasks_done.is_empty() => "inProgress",
        _ => "acknowledged",
    };
    let sev = state
        .cause
        .as_ref()
        .and_then(|c| pack.causes.iter().find(|x| x.id == c.cause))
        .map(|c| severity(c.severity))
        .unwrap_or("moderate");
    let mut parties = Vec::new();
    parties.extend(customer_party(&state, customer, false));
    if let Some(team) = &escalated_to {
        let name = pack
            .teams
            .iter()
            .find(|t| &t.id == team)
            .map(|t| t.name.get(lang).to_owned())
            .unwrap_or_else(|| team.clone());
        parties.push(json!({
            "id": team,
            "name": name,
            "role": "escalationTeam",
            "@referredType": "Organization",
        }));
    }
    let mut notes = Vec::new();
    if let Some(c) = commitment {
        for (n, task) in c.tasks.iter().enumerate() {
            let done = state.tasks_done.contains(&n);
            let mark = match (lang, done) {
                (Lang::ZhCn, true) => "（已完成）",
                (Lang::ZhCn, false) => "",
                (Lang::En, true) => " (done)",
                (Lang::En, false) => "",
            };
            notes.push(json!({
                "id": format!("{id}:task:{n}"),
                "author": task.owner,
                "date": time(task.due)?,
                "text": format!("{}{mark}", task.title.get(lang)),
                "@type": "Note",
            }));
        }
    }
    let mut ticket = json!({
        "id": id,
        "href": format!("{TICKET_BASE}/{id}"),
        "creationDate": time(created)?,
        "lastUpdate": time(state.updated_at)?,
        "description": description,
        "name": match lang {
            Lang::ZhCn => format!("个案 {id}"),
            Lang::En => format!("Case {id}"),
        },
        "severity": sev,
        "ticketType": if escalated_to.is_some() { "escalation" } else { "commitment" },
        "status": status,
        "statusChangeDate": time(state.updated_at)?,
        "channel": {
            "id": state.channel.slug(),
            "name": state.channel.label().get(lang),
            "@referredType": "Channel",
        },
        "relatedParty": parties,
        "relatedEntity": [{
            "id": id,
            "href": format!("{INTERACTION_BASE}/{id}"),
            "role": "originatingInteraction",
            "@referredType": "PartyInteraction",
        }],
        "note": notes,
        "@type": "TroubleTicket",
    });
    if let Some(c) = commitment {
        ticket["expectedResolutionDate"] = json!(time(c.deadline)?);
    }
    if let Some(f) = state.follow_up.as_ref().filter(|f| f.solved) {
        ticket["resolutionDate"] = json!(time(f.at)?);
    }
    Ok(ticket)
}

/// Which standard resource a bulk export makes of each case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resource {
    /// A TMF683 `PartyInteraction` per case.
    Interaction,
    /// A TMF621 `TroubleTicket` per case that has an escalation or a promise.
    Ticket,
}

/// What a bulk export made: one JSON array of the resources, ready to save.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bulk {
    pub json: String,
    pub made: usize,
    /// Cases left out: unreadable, a training session, or (for tickets)
    /// nothing escalated or promised.
    pub skipped: usize,
}

/// Exports `cases` from `store`, one after the other so that only one
/// case's log is held at a time; `customer` finds a case's customer for
/// masking. `progress` hears how many cases are done after each one.
pub async fn bulk<S: EventStore>(
    store: &S,
    cases: &[CaseId],
    pack: &Pack,
    customer: impl Fn(&CustomerId) -> Option<Customer>,
    lang: Lang,
    resource: Resource,
    mut progress: impl FnMut(usize),
) -> Bulk {
    let mut out = Vec::with_capacity(cases.len());
    let mut skipped = 0;
    for (n, id) in cases.iter().enumerate() {
        let made = match store.load_case(*id).await {
            Ok(events) => {
                let who = CaseState::fold(&events)
                    .ok()
                    .and_then(|s| s.customer)
                    .and_then(|c| customer(&c));
                match resource {
                    Resource::Interaction => party_interaction(&events, pack, who.as_ref(), lang),
                    Resource::Ticket => trouble_ticket(&events, pack, who.as_ref(), lang),
                }
                .ok()
            }
            Err(_) => None,
        };
        match made {
            Some(v) => out.push(v),
            None => skipped += 1,
        }
        progress(n + 1);
    }
    let made = out.len();
    let out = Value::Array(out);
    // Serialising a `Value` to a `String` cannot fail (its keys are strings).
    let json = serde_json::to_string_pretty(&out).unwrap_or_else(|_| out.to_string());
    Bulk {
        json,
        made,
        skipped,
    }
}
