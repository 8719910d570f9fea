//! The tamper-evident audit trail of a case.
//!
//! Audit events (verification attempts, locks, reveals of sensitive data)
//! each carry `prev`: the SHA-256 of the previous audit event written by the
//! same device in the same case, or of the case's genesis for the first.
//! Changing, removing or reordering an audit event breaks the chain at the
//! next one. Chains are per device because two devices working offline
//! each extend their own; after a sync both chains still verify.

use crate::case::{CaseId, CaseLog, DeviceId, Event, EventId};
use sha2::{Digest, Sha256};
use thiserror::Error;

/// Where the chain is broken.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("the audit chain of device {device} is broken at event {event}")]
pub struct ChainBroken {
    pub event: EventId,
    pub device: DeviceId,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The link before a device's first audit event in a case.
pub fn genesis(case: CaseId, device: DeviceId) -> String {
    let mut h = Sha256::new();
    h.update(b"care-assist audit v1\n");
    h.update(case.to_string().as_bytes());
    h.update(b"\n");
    h.update(device.to_string().as_bytes());
    hex(&h.finalize())
}

/// The hash of an event: SHA-256 of its JSON, which is deterministic
/// (struct fields in declaration order, no maps).
pub fn hash(event: &Event) -> String {
    // Serialising these types cannot fail (no maps with non-string keys,
    // no custom serialisers that error); an empty hash would break the
    // chain visibly rather than silently if it ever did.
    let bytes = serde_json::to_vec(event).unwrap_or_default();
    hex(&Sha256::digest(&bytes))
}

/// The `prev` for the next audit event `device` writes in the case.
pub fn next_link(log: &CaseLog, case: CaseId, device: DeviceId) -> String {
    log.events()
        .filter(|e| e.device == device && e.body.audit_prev().is_some())
        .last()
        .map(hash)
        .unwrap_or_else(|| genesis(case, device))
}

/// Checks every device's chain; returns how many audit events it checked.
pub fn verify(log: &CaseLog) -> Result<usize, ChainBroken> {
    let mut last: std::collections::BTreeMap<DeviceId, String> = Default::default();
    let mut checked = 0;
    for e in log.events() {
        let Some(prev) = e.body.audit_prev() else {
            continue;
        };
        let expected = last
            .get(&e.device)
            .cloned()
            .unwrap_or_else(|| genesis(e.case, e.device));
        if prev != expected {
            return Err(ChainBroken {
                event: e.id,
                device: e.device,
            });
        }
        last.insert(e.device, hash(e));
        checked += 1;
    }
    Ok(checked)
}
