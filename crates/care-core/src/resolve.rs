//! The resolve stage: the remedies the pack offers for a cause, whether the
//! agent may grant each one or must hand it over, and in which order to
//! offer them.
//!
//! Remedies, roles, caps and teams are pack data
//! ([`crate::pack::Solution`], [`crate::pack::Role`], [`crate::pack::Team`]).

mod handoff;

pub use handoff::{handoff_summary, mask_numbers, Handoff, Labelled};

use crate::pack::{Pack, Role, Solution};
use crate::reconstruct::text;
use crate::records::Fen;
use crate::text::Text;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A remedy as the agent sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SolutionOption {
    pub solution: String,
    pub name: Text,
    pub description: Option<Text>,
    pub pros: Vec<Text>,
    pub cons: Vec<Text>,
    /// What the customer pays.
    pub fee: Fen,
    /// What the customer gets back.
    pub refund: Fen,
    /// Working hours until it takes effect.
    pub effect_hours: u32,
    pub action: String,
    pub action_name: Text,
    /// The verification level the action needs.
    pub verification: String,
    pub verification_name: Text,
    /// The commitment template to close with.
    pub commitment: String,
    pub authority: Authority,
    /// Why it sits where it does in the list, in a few words each.
    pub rank_reasons: Vec<Text>,
}

impl SolutionOption {
    /// What it costs the customer in the end (negative: they get money back).
    pub fn net_cost(&self) -> Fen {
        self.fee - self.refund
    }
}

/// Whether the agent's role may grant a remedy.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Authority {
    Within,
    /// The remedy goes to a team, which answers within its SLA.
    Escalate {
        team: String,
        team_name: Text,
        sla_hours: u32,
        reason: Text,
    },
}

impl Authority {
    pub fn is_within(&self) -> bool {
        matches!(self, Authority::Within)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ResolveError {
    #[error("unknown cause `{0}`")]
    UnknownCause(String),
    #[error("unknown role `{0}`")]
    UnknownRole(String),
    #[error("unknown solution `{0}`")]
    UnknownSolution(String),
    /// Only for a pack that did not pass the loader's checks.
    #[error("solution `{solution}` names an unknown {kind} `{id}`")]
    BrokenReference {
        solution: String,
        kind: &'static str,
        id: String,
    },
}

/// Every remedy of `cause`, for an agent in `role`: those the role may
/// grant first, then the cheapest for the customer, then the fastest, then
/// pack order.
pub fn options(pack: &Pack, cause: &str, role: &str) -> Result<Vec<SolutionOption>, ResolveError> {
    if !pack.causes.iter().any(|c| c.id == cause) {
        return Err(ResolveError::UnknownCause(cause.to_owned()));
    }
    let mut out = pack
        .solutions_for(cause)
        .map(|s| option(pack, s, role))
        .collect::<Result<Vec<_>, _>>()?;
    // Stable, so equal options keep pack order.
    out.sort_by(|a, b| {
        b.authority
            .is_within()
            .cmp(&a.authority.is_within())
            .then(a.net_cost().cmp(&b.net_cost()))
            .then(a.effect_hours.cmp(&b.effect_hours))
    });
    add_rank_reasons(&mut out);
    Ok(out)
}

/// Whether `role` may grant `solution`: its place in the pack's role order
/// must be at least the solution's, and the refund within its cap.
/// Otherwise the solution's escalation team takes it.
pub fn authority(pack: &Pack, solution: &Solution, role: &str) -> Result<Authority, ResolveError> {
    let (rank, acting) =
        find_role(pack, role).ok_or_else(|| ResolveError::UnknownRole(role.into()))?;
    let (needed_rank, needed) =
        find_role(pack, &solution.role).ok_or_else(|| broken(solution, "role", &solution.role))?;
    let refund = yuan(solution.refund);
    let cap = yuan(acting.refund_cap);
    let mut why = Vec::new();
    if rank < needed_rank {
        why.push(text(
            format!(
                "该方案需要{}或以上权限，当前角色为{}",
                needed.name.zh_cn, acting.name.zh_cn
            ),
            format!(
                "This needs the {} role or above; the current role is {}",
                needed.name.en, acting.name.en
            ),
        ));
    }
    if refund > cap {
        why.push(text(
            format!("退款 {refund} 超出{} {cap} 的权限", acting.name.zh_cn),
            format!(
                "A refund of {refund} is above the {}'s {cap} cap",
                acting.name.en
            ),
        ));
    }
    if why.is_empty() {
        return Ok(Authority::Within);
    }
    let team = pack
        .teams
        .iter()
        .find(|t| t.id == solution.escalation)
        .ok_or_else(|| broken(solution, "team", &solution.escalation))?;
    Ok(Authority::Escalate {
        team: team.id.clone(),
        team_name: team.name.clone(),
        sla_hours: team.sla_hours,
        reason: join_sentences(&why),
    })
}

/// The option for one solution, before ranking.
pub fn option(pack: &Pack, s: &Solution, role: &str) -> Result<SolutionOption, ResolveError> {
    let action = pack
        .actions
        .iter()
        .find(|a| a.id == s.action)
        .ok_or_else(|| broken(s, "action", &s.action))?;
    let level = pack
        .verification
        .levels
        .iter()
        .find(|l| l.id == action.verification)
        .ok_or_else(|| broken(s, "verification level", &action.verification))?;
    Ok(SolutionOption {
        solution: s.id.clone(),
        name: s.name.clone(),
        description: s.description.clone(),
        pros: s.pros.clone(),
        cons: s.cons.clone(),
        fee: yuan(s.fee),
        refund: yuan(s.refund),
        effect_hours: s.effect_hours,
        action: action.id.clone(),
        action_name: action.name.clone(),
        verification: level.id.clone(),
        verification_name: level.name.clone(),
        commitment: s.commitment.clone(),
        authority: authority(pack, s, role)?,
        rank_reasons: Vec::new(),
    })
}

/// Says what puts each option where it is: granted now or handed over
/// first, then cheapest or fastest among the options on the same side of
/// that line (only when they differ in it).
fn add_rank_reasons(options: &mut [SolutionOption]) {
    let group: Vec<(bool, Fen, u32)> = options
        .iter()
        .map(|o| (o.authority.is_within(), o.net_cost(), o.effect_hours))
        .collect();
    for o in options.iter_mut() {
        let peers = group.iter().filter(|g| g.0 == o.authority.is_within());
        let cheapest = peers.clone().map(|g| g.1).min();
        let fastest = peers.clone().map(|g| g.2).min();
        let costs_differ = peers.clone().any(|g| Some(g.1) != cheapest);
        let speeds_differ = peers.clone().any(|g| Some(g.2) != fastest);
        let mut why = vec![match &o.authority {
            Authority::Within => text("无需升级，当场可办", "No escalation: can be done now"),
            Authority::Escalate {
                team_name,
                sla_hours,
                ..
            } => text(
                format!("需转交{}，{sla_hours} 个工作小时内答复", team_name.zh_cn),
                format!(
                    "Goes to {}, who answer within {sla_hours} working hours",
                    team_name.en
                ),
            ),
        }];
        if costs_differ && Some(o.net_cost()) == cheapest {
            why.push(text("费用最低", "Cheapest for the customer"));
        }
        if speeds_differ && Some(o.effect_hours) == fastest {
            why.push(text("生效最快", "Fastest to take effect"));
        }
        o.rank_reasons = why;
    }
}

fn find_role<'a>(pack: &'a Pack, id: &str) -> Option<(usize, &'a Role)> {
    pack.roles.iter().enumerate().find(|(_, r)| r.id == id)
}

fn broken(s: &Solution, kind: &'static str, id: &str) -> ResolveError {
    ResolveError::BrokenReference {
        solution: s.id.clone(),
        kind,
        id: id.to_owned(),
    }
}

/// Yuan from the pack as fen; a value that is not a number counts as zero.
pub(crate) fn yuan(amount: f64) -> Fen {
    if amount.is_finite() {
        Fen((amount * 100.0).round() as i64)
    } else {
        Fen::ZERO
    }
}

/// Separate reasons as separate sentences.
fn join_sentences(parts: &[Text]) -> Text {
    text(
        parts
            .iter()
            .map(|t| t.zh_cn.as_str())
            .collect::<Vec<_>>()
            .join("；"),
        parts
            .iter()
            .map(|t| t.en.as_str())
            .collect::<Vec<_>>()
            .join(". "),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yuan_become_exact_fen() {
        assert_eq!(yuan(0.1 + 0.2), Fen(30));
        assert_eq!(yuan(49.99), Fen(4999));
        assert_eq!(yuan(f64::NAN), Fen::ZERO);
        assert_eq!(yuan(f64::INFINITY), Fen::ZERO);
    }
}
