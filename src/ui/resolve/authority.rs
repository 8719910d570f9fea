//! Who the agent acts as, and whether the customer is verified enough for
//! an action. Shared by the resolve and commit stages.

use care_core::pack::{Pack, Role};
use care_core::resolve::ResolveError;
use care_core::verify::VerifyStatus;

/// The role the agent acts in. There are no user accounts yet, so every
/// agent is taken to hold the pack's lowest role (the first listed): a
/// remedy above it is escalated rather than granted on trust.
pub fn acting_role(pack: &Pack) -> Option<&Role> {
    pack.roles.first()
}

/// Whether verification has reached `needed` (a level id of the pack). A
/// level the pack does not know is never reached; `none`-like levels (the
/// weakest) are always met.
pub fn level_reached(pack: &Pack, status: Option<&VerifyStatus>, needed: &str) -> bool {
    let Some(needed_rank) = pack.level_rank(needed) else {
        return false;
    };
    if needed_rank == 0 {
        return true;
    }
    status
        .filter(|s| !s.locked())
        .and_then(|s| pack.level_rank(&s.reached.id))
        .is_some_and(|reached| reached >= needed_rank)
}

/// The level verification has reached, if above the weakest (reaching
/// the weakest, "no verification", is not being verified).
pub fn reached_level(pack: &Pack, status: Option<&VerifyStatus>) -> Option<care_core::Text> {
    let s = status.filter(|s| !s.locked())?;
    (pack.level_rank(&s.reached.id)? > 0).then(|| s.reached.name.clone())
}

/// A resolve error as a message and the id it names, for the agent.
pub fn resolve_problem(e: &ResolveError) -> (crate::i18n::Msg, String) {
    use crate::i18n::Msg;
    match e {
        ResolveError::UnknownCause(id) => (Msg::UnknownCause, id.clone()),
        ResolveError::UnknownRole(id) => (Msg::PackFault, id.clone()),
        ResolveError::UnknownSolution(id) => (Msg::UnknownSolution, id.clone()),
        ResolveError::BrokenReference { solution, id, .. } => {
            (Msg::PackFault, format!("{solution} → {id}"))
        }
    }
}
