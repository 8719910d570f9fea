//! TMF683 PartyInteraction and TMF621 TroubleTicket exports, validated
//! against the official TM Forum v4 schemas, read in place from
//! `../shared/standards/` beside the project (or `CARE_STANDARDS_DIR`).
//! Those files are not part of the project: when they are absent the
//! schema tests say so and check nothing else.

mod common;

use care_core::demo_data::archive::{generate_archive, ArchiveSpec};
use care_core::export::{
    bulk, mask_text, party_interaction, ticket_refusal, trouble_ticket, ExportError, Resource,
};
use care_core::store::{EventStore, MemoryStore};
use care_core::verify::mask_msisdn;
use care_core::{CaseId, CustomerId};
use care_core::{CaseState, Channel, DeviceId, Event, EventBody, IdSource, Lang, TrainingRef};
use common::{data, demo_pack, NOW};
use futures::executor::block_on;
use serde_json::{json, Value};
use std::path::PathBuf;
use std::sync::OnceLock;

const TMF683: &str = "TMF683_Party_Interaction_Management_API_v4.0.0_swagger.json";
const TMF621: &str = "TMF621_Trouble_Ticket_Management_API_v4.0.0_swagger.json";

fn standards_dir() -> PathBuf {
    std::env::var_os("CARE_STANDARDS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/standards")
        })
}

/// The swagger file, or `None` (said out loud) when it is not there.
fn swagger(file: &str) -> Option<Value> {
    let path = standards_dir().join(file);
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(serde_json::from_str(&text).expect("the standard file is JSON")),
        Err(e) => {
            eprintln!(
                "SKIPPED: the TM Forum schema {} is not available ({e}); the export was not \
                 validated. Put the standards beside the project or set CARE_STANDARDS_DIR.",
                path.display()
            );
            assert!(
                std::env::var_os("CARE_REQUIRE_STANDARDS").is_none(),
                "CARE_REQUIRE_STANDARDS is set but {} is missing",
                path.display()
            );
            None
        }
    }
}

/// A validator for one definition of a swagger file (Swagger 2.0 schemas
/// are JSON Schema draft 4; references point into `definitions`).
fn validator(swagger: &Value, definition: &str) -> jsonschema::Validator {
    let schema = json!({
        "$ref": format!("#/definitions/{definition}"),
        "definitions": swagger["definitions"],
    });
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft4)
        .should_validate_formats(true)
        .build(&schema)
        .expect("the definition compiles")
}

fn errors(v: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    v.iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

/// What a create request would carry: the resource without the fields the
/// server assigns.
fn as_create(resource: &Value) -> Value {
    let mut v = resource.clone();
    if let Some(map) = v.as_object_mut() {
        map.remove("id");
        map.remove("href");
    }
    v
}

fn archive() -> &'static Vec<Vec<Event>> {
    static CASES: OnceLock<Vec<Vec<Event>>> = OnceLock::new();
    CASES.get_or_init(|| {
        let device = DeviceId::from_uuid(IdSource::new().next(1_764_000_000_000, 0xE7));
        generate_archive(
            &ArchiveSpec {
                seed: 41,
                cases: 1500,
                now: NOW,
                days: 60,
                device,
            },
            demo_pack(),
            data(),
        )
    })
}

fn customer_of(events: &[Event]) -> Option<care_core::Customer> {
    let state = CaseState::fold(events).ok()?;
    data().customer(state.customer.as_ref()?).cloned()
}

#[test]
fn every_generated_case_exports_as_a_valid_tmf683_party_interaction() {
    let Some(spec) = swagger(TMF683) else { return };
    let resource = validator(&spec, "PartyInteraction");
    let create = validator(&spec, "PartyInteraction_Create");
    let mut statuses = std::collections::BTreeSet::new();
    for (n, case) in archive().iter().enumerate() {
        let lang = if n % 2 == 0 { Lang::ZhCn } else { Lang::En };
        let customer = customer_of(case);
        let out = party_interaction(case, demo_pack(), customer.as_ref(), lang).expect("exports");
        let found = errors(&resource, &out);
        assert!(found.is_empty(), "case {n}: {found:#?}\n{out:#}");
        let found = errors(&create, &as_create(&out));
        assert!(found.is_empty(), "case {n} as a create request: {found:#?}");
        assert_eq!(
            out["note"].as_array().map(Vec::len),
            Some(case.len()),
            "one note per event"
        );
        statuses.insert(out["status"].as_str().unwrap_or_default().to_owned());
    }
    assert!(
        statuses.contains("completed") && statuses.contains("inProgress"),
        "{statuses:?}"
    );
}

#[test]
fn every_escalation_or_commitment_exports_as_a_valid_tmf621_trouble_ticket() {
    let Some(spec) = swagger(TMF621) else { return };
    let resource = validator(&spec, "TroubleTicket");
    let create = validator(&spec, "TroubleTicket_Create");
    let (mut tickets, mut escalations) = (0, 0);
    for (n, case) in archive().iter().enumerate() {
        let customer = customer_of(case);
        match trouble_ticket(case, demo_pack(), customer.as_ref(), Lang::ZhCn) {
            Ok(out) => {
                tickets += 1;
                if out["ticketType"] == "escalation" {
                    escalations += 1;
                }
                let found = errors(&resource, &out);
                assert!(found.is_empty(), "case {n}: {found:#?}\n{out:#}");
                let found = errors(&create, &as_create(&out));
                assert!(found.is_empty(), "case {n} as a create request: {found:#?}");
            }
            Err(ExportError::NoTicket) => {}
            Err(e) => panic!("case {n}: {e}"),
        }
    }
    assert!(
        tickets > 100 && escalations > 10,
        "{tickets} tickets, {escalations} escalations"
    );
}

#[test]
fn a_schema_violation_is_caught_so_the_validation_can_fail() {
    let Some(spec) = swagger(TMF683) else { return };
    let create = validator(&spec, "PartyInteraction_Create");
    let case = &archive()[0];
    let mut out = party_interaction(case, demo_pack(), None, Lang::En).expect("exports");
    assert!(errors(&create, &as_create(&out)).is_empty());
    out.as_object_mut().expect("an object").remove("direction");
    out["creationDate"] = json!("yesterday");
    let found = errors(&create, &as_create(&out));
    assert_eq!(found.len(), 2, "{found:#?}");
}

#[test]
fn personal_data_leaves_masked() {
    let mut checked = 0;
    for case in archive().iter().take(400) {
        let Some(c) = customer_of(case) else { continue };
        let out = party_interaction(case, demo_pack(), Some(&c), Lang::ZhCn).expect("exports");
        let text = out.to_string();
        assert!(!text.contains(&c.msisdn), "the number leaked: {text}");
        assert!(!text.contains(&c.id_number), "the ID number leaked");
        assert!(
            text.contains(&mask_msisdn(&c.msisdn)),
            "the masked number names the customer"
        );
        if let Ok(ticket) = trouble_ticket(case, demo_pack(), Some(&c), Lang::ZhCn) {
            assert!(!ticket.to_string().contains(&c.msisdn));
        }
        checked += 1;
    }
    assert!(checked > 100);
    // Free text with the customer's number typed into it.
    let c = data().customers[0].clone();
    let note = format!("客户 {} 来电，号码 {}", c.name, c.msisdn);
    let masked = mask_text(&note, Some(&c));
    assert!(
        !masked.contains(&c.msisdn) && !masked.contains(&c.name),
        "{masked}"
    );
}

#[test]
fn the_mapping_says_what_the_case_says() {
    let pack = demo_pack();
    let case = archive()
        .iter()
        .find(|log| {
            CaseState::fold(log.iter()).is_ok_and(|s| {
                s.solution
                    .as_ref()
                    .is_some_and(|x| x.escalated_to.is_some())
                    && s.outcome.is_some()
            })
        })
        .expect("a closed, escalated case");
    let state = CaseState::fold(case.iter()).expect("folds");
    let out = party_interaction(case, pack, None, Lang::En).expect("exports");
    assert_eq!(out["id"], state.id.to_string());
    assert_eq!(out["status"], "completed");
    assert_eq!(out["direction"], "inbound");
    assert_eq!(out["channel"][0]["id"], state.channel.slug());
    let intent = pack
        .intent(state.intent.as_deref().expect("an intent"))
        .expect("in the pack");
    assert_eq!(out["reason"], intent.name.en);
    assert!(
        out["interactionDate"]["endDateTime"].is_string(),
        "closed: the period ends"
    );
    let ticket = trouble_ticket(case, pack, None, Lang::En).expect("a ticket");
    assert_eq!(ticket["ticketType"], "escalation");
    assert_eq!(ticket["status"], "closed");
    assert_eq!(ticket["relatedEntity"][0]["id"], state.id.to_string());
    let team = state.solution.and_then(|s| s.escalated_to).expect("a team");
    assert!(ticket["relatedParty"]
        .as_array()
        .expect("parties")
        .iter()
        .any(|p| p["id"] == team.as_str() && p["role"] == "escalationTeam"));
    let deadline = state.commitment.map(|c| c.deadline);
    assert_eq!(
        ticket["expectedResolutionDate"].is_string(),
        deadline.is_some()
    );
}

/// The case made a training session: the same events, opened as practice.
fn as_training(case: &[Event]) -> Vec<Event> {
    let mut case = case.to_vec();
    case[0].body = match &case[0].body {
        EventBody::CaseOpened { customer, .. } => EventBody::CaseOpened {
            agent: None,
            channel: Channel::Hotline,
            customer: customer.clone(),
            training: Some(TrainingRef {
                scenario: "bill-spike-easy".into(),
                trainee: "p".into(),
                lang: Lang::ZhCn,
            }),
        },
        other => other.clone(),
    };
    case
}

#[test]
fn a_training_case_is_not_exported() {
    let case = as_training(&archive()[0]);
    assert_eq!(
        party_interaction(&case, demo_pack(), None, Lang::ZhCn),
        Err(ExportError::Training)
    );
    assert_eq!(
        trouble_ticket(&case, demo_pack(), None, Lang::ZhCn),
        Err(ExportError::Training)
    );
    assert_eq!(ticket_refusal(&case), Some(ExportError::Training));
}

/// The archive's bulk export reads each case from the store and makes one
/// JSON array: every real case once, masked; a training session and a case
/// the store cannot give are left out and counted.
#[test]
fn a_bulk_export_reads_each_case_from_the_store_and_counts_what_it_left_out() {
    let store = MemoryStore::new();
    let real = &archive()[..60];
    let training = as_training(&archive()[60]);
    for case in real.iter().chain([&training]) {
        let summary = CaseState::fold(case).expect("folds").summary();
        for e in case {
            block_on(store.append(e, &summary)).expect("kept");
        }
    }
    let id = |case: &[Event]| case[0].case;
    let unknown = id(&archive()[61]);
    let mut ids: Vec<CaseId> = real.iter().map(|c| id(c)).collect();
    ids.extend([id(&training), unknown]);
    let customer = |c: &CustomerId| data().customer(c).cloned();

    let mut seen = Vec::new();
    let made = block_on(bulk(
        &store,
        &ids,
        demo_pack(),
        customer,
        Lang::ZhCn,
        Resource::Interaction,
        |n| seen.push(n),
    ));
    assert_eq!((made.made, made.skipped), (60, 2));
    assert_eq!(
        seen,
        (1..=62).collect::<Vec<_>>(),
        "progress after each case"
    );
    let out: Vec<Value> = serde_json::from_str(&made.json).expect("one JSON array");
    let exported: Vec<String> = out
        .iter()
        .map(|x| x["id"].as_str().unwrap_or_default().to_owned())
        .collect();
    let wanted: Vec<String> = real.iter().map(|c| id(c).to_string()).collect();
    assert_eq!(exported, wanted, "each real case once, in the order asked");
    for case in real {
        if let Some(c) = customer_of(case) {
            assert!(!made.json.contains(&c.msisdn), "a number leaked");
        }
    }

    let tickets = block_on(bulk(
        &store,
        &ids,
        demo_pack(),
        customer,
        Lang::ZhCn,
        Resource::Ticket,
        |_| {},
    ));
    let with_ticket = real.iter().filter(|c| ticket_refusal(c).is_none()).count();
    assert!(with_ticket > 0 && with_ticket < 60, "{with_ticket}");
    assert_eq!(
        (tickets.made, tickets.skipped),
        (with_ticket, 62 - with_ticket)
    );
}

/// The report offers the ticket export by `ticket_refusal`, without
/// building the ticket: it must agree with `trouble_ticket` on every case.
#[test]
fn the_ticket_refusal_agrees_with_the_export() {
    let (mut offered, mut refused) = (0, 0);
    for (n, case) in archive().iter().enumerate() {
        let made = trouble_ticket(case, demo_pack(), None, Lang::En);
        assert_eq!(ticket_refusal(case), made.clone().err(), "case {n}");
        match made {
            Ok(_) => offered += 1,
            Err(_) => refused += 1,
        }
    }
    assert!(
        offered > 100 && refused > 100,
        "{offered} offered, {refused} refused"
    );
}
