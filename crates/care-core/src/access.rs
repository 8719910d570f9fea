//! Who may see a customer's personal data in full.
//!
//! Roles are granted by the team's sync server, not claimed on a device:
//! a user of a CouchDB-protocol server carries roles (`_users` documents,
//! `_session`'s `userCtx.roles`), and a team lead is a user given
//! [`LEAD_ROLE`] there by the server's administrator (or an administrator
//! of the server itself). A device that never synced, or whose person
//! signed out, has agents only: everything personal stays masked.

use serde::{Deserialize, Serialize};

/// The server role that makes a user a team lead.
pub const LEAD_ROLE: &str = "care-lead";
/// CouchDB's role of a server administrator.
pub const SERVER_ADMIN_ROLE: &str = "_admin";

/// What a person may do with personal data.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Works cases; sees personal data masked outside verification.
    #[default]
    Agent,
    /// May print a case report with personal data in full, for a complaint
    /// escalation (each such disclosure is an audit event of the case).
    Lead,
}

impl Role {
    /// The role the server's roles give.
    pub fn from_server_roles(roles: &[String]) -> Role {
        if roles
            .iter()
            .any(|r| r == LEAD_ROLE || r == SERVER_ADMIN_ROLE)
        {
            Role::Lead
        } else {
            Role::Agent
        }
    }

    /// Whether a case report may show personal data in full.
    pub fn may_disclose_in_full(self) -> bool {
        self == Role::Lead
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_lead_role_or_a_server_admin_unmasks() {
        let roles = |r: &[&str]| r.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(Role::from_server_roles(&[]), Role::Agent);
        assert_eq!(
            Role::from_server_roles(&roles(&["team:north"])),
            Role::Agent
        );
        // A role that merely contains the word is not the role.
        assert_eq!(
            Role::from_server_roles(&roles(&["care-lead-trainee"])),
            Role::Agent
        );
        assert_eq!(
            Role::from_server_roles(&roles(&["team:north", "care-lead"])),
            Role::Lead
        );
        assert_eq!(Role::from_server_roles(&roles(&["_admin"])), Role::Lead);
        assert!(Role::Lead.may_disclose_in_full());
        assert!(!Role::Agent.may_disclose_in_full());
    }
}
