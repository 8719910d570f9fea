//! The events of a case log.

use super::id::{CaseId, DeviceId, EventId};
use super::stage::Stage;
use crate::customer::CustomerId;
use crate::facts::FactValue;
use serde::{Deserialize, Serialize};
use thiserror::Error;
use time::OffsetDateTime;

/// How the customer reached us.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Hotline,
    Store,
    App,
    Web,
    WeChat,
    Sms,
    Social,
    Email,
}

impl Channel {
    pub const ALL: [Channel; 8] = [
        Channel::Hotline,
        Channel::Store,
        Channel::App,
        Channel::Web,
        Channel::WeChat,
        Channel::Sms,
        Channel::Social,
        Channel::Email,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Channel::Hotline => "hotline",
            Channel::Store => "store",
            Channel::App => "app",
            Channel::Web => "web",
            Channel::WeChat => "we_chat",
            Channel::Sms => "sms",
            Channel::Social => "social",
            Channel::Email => "email",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.slug() == slug)
    }

    pub fn label(self) -> crate::Text {
        let (zh, en) = match self {
            Channel::Hotline => ("客服热线", "hotline"),
            Channel::Store => ("营业厅", "store"),
            Channel::App => ("手机营业厅 App", "app"),
            Channel::Web => ("网上营业厅", "website"),
            Channel::WeChat => ("微信", "WeChat"),
            Channel::Sms => ("短信", "SMS"),
            Channel::Social => ("社交媒体", "social media"),
            Channel::Email => ("电子邮件", "email"),
        };
        crate::Text {
            zh_cn: zh.to_owned(),
            en: en.to_owned(),
        }
    }
}

/// One immutable fact about a case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub id: EventId,
    pub case: CaseId,
    pub device: DeviceId,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    pub body: EventBody,
}

/// What happened.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EventBody {
    /// The first event of every case.
    CaseOpened {
        channel: Channel,
        customer: Option<CustomerId>,
        /// Set for a trainer-mode session: the case is practice, kept out
        /// of real work's lists, metrics and exports. Absent (not `null`)
        /// for real cases, so their events keep the JSON, and the sync
        /// revisions, they had before trainer mode existed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        training: Option<TrainingRef>,
        /// Who took the contact, for the metrics by agent and team. Absent
        /// in cases opened before it was kept (and then not `null`, for
        /// the same reason as `training`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        agent: Option<AgentRef>,
    },
    /// The agent moved the conversation to a stage.
    StageEntered { stage: Stage },
    /// A free-text note by the agent, at the stage they were in.
    NoteAdded { text: String },
    /// The customer was found at intake (or changed to another one).
    CustomerIdentified { customer: CustomerId },
    /// The customer's first statement, in their words.
    StatementTaken { text: String },
    /// What the recogniser made of the statement, best first, as the agent
    /// saw it (kept for knowledge-gap analysis).
    IntentsSuggested {
        ranked: Vec<Suggestion>,
        unknown: bool,
    },
    /// The agent settled the intent: the suggestion, or their own choice.
    IntentConfirmed { intent: String, overridden: bool },
    /// A standard enquiry answered at intake with the pack's quick answer;
    /// the case is resolved on first contact.
    QuickAnswerGiven { answer: String },

    // ---- listen
    /// The agent asked one of the pack's prompts (or used its empathy or
    /// caution phrase). Kept so nothing is asked twice, and for training.
    PromptAsked { prompt: String },
    /// A fact was captured or corrected; the latest value wins.
    FactCaptured {
        fact: String,
        value: FactValue,
        source: FactSource,
    },
    /// A captured fact turned out wrong and was withdrawn.
    FactCleared { fact: String },

    // ---- verify (audit events: each carries the hash of the previous
    // audit event of the same device in this case, see `audit`)
    /// One verification attempt. What the customer answered is never kept:
    /// only the method and whether it passed.
    VerificationAttempted {
        method: String,
        passed: bool,
        prev: String,
    },
    /// Too many failed attempts: verification is locked until `until`.
    VerificationLocked {
        #[serde(with = "time::serde::rfc3339")]
        until: OffsetDateTime,
        prev: String,
    },
    /// Sensitive data was shown to the agent (a record, or a personal
    /// field unmasked).
    DataRevealed { what: String, prev: String },

    // ---- diagnose
    /// The agent settled the cause: the top suggestion or another.
    CauseConfirmed {
        cause: String,
        suggested: Option<String>,
    },

    // ---- resolve
    /// A suggested solution the agent or the customer turned down, and why.
    SolutionRejected { solution: String, reason: String },
    /// The solution agreed with the customer; `escalated_to` is the team
    /// when it is above the agent's authority.
    SolutionChosen {
        solution: String,
        escalated_to: Option<String>,
    },

    // ---- commit
    /// What was promised to the customer, as they were told it.
    CommitmentMade {
        solution: String,
        text: String,
        lang: crate::text::Lang,
        #[serde(with = "time::serde::rfc3339")]
        deadline: OffsetDateTime,
        contact: String,
        tasks: Vec<TaskPlan>,
    },
    /// A task of the commitment was done.
    TaskDone { task: usize },

    // ---- follow up
    /// The follow-up with the customer: solved or not, satisfied or not,
    /// and the survey answers, with the channel they came through.
    FollowUpRecorded {
        solved: bool,
        satisfied: bool,
        csat: Option<u8>,
        nps: Option<u8>,
        comment: String,
        via: FeedbackVia,
    },
    /// Not solved after all: back to diagnose, with the history kept.
    CaseReopened { reason: String },
    /// The case is finished and goes to the archive.
    CaseArchived,

    // ---- trainer mode
    /// One exchange with the simulated customer of a training case: the
    /// trainee's question and the customer's reply. Kept in the log so the
    /// debrief replays the conversation and it syncs like any event.
    SimTurn { turn: crate::sim::Turn },
}

/// The agent who took a contact: the account they sync as (unique in the
/// team, with the team), or the name they unlock the device with when they
/// do not sync.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AgentRef {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
}

/// What makes a case a training session.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TrainingRef {
    /// The scenario's id.
    pub scenario: String,
    /// The person of the device's lock who practised.
    pub trainee: String,
    /// The language the simulated customer speaks.
    pub lang: crate::text::Lang,
}

/// Where a captured fact came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FactSource {
    /// Taken from the first statement and confirmed by the agent.
    Statement,
    /// The customer's answer to a question.
    Answer,
    /// Read from the customer's records.
    Records,
}

/// A task of a commitment, as planned when it was made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskPlan {
    pub title: crate::text::Text,
    /// A role id or a team id of the pack.
    pub owner: String,
    #[serde(with = "time::serde::rfc3339")]
    pub due: OffsetDateTime,
}

/// How the follow-up answers came back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeedbackVia {
    Callback,
    OnlineSurvey,
    AppPopUp,
}

impl FeedbackVia {
    pub const ALL: [FeedbackVia; 3] = [
        FeedbackVia::Callback,
        FeedbackVia::OnlineSurvey,
        FeedbackVia::AppPopUp,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            FeedbackVia::Callback => "callback",
            FeedbackVia::OnlineSurvey => "online_survey",
            FeedbackVia::AppPopUp => "app_pop_up",
        }
    }
}

impl EventBody {
    /// The chain link of an audit event (verification attempts, locks and
    /// reveals), `None` for other events.
    pub fn audit_prev(&self) -> Option<&str> {
        match self {
            EventBody::VerificationAttempted { prev, .. }
            | EventBody::VerificationLocked { prev, .. }
            | EventBody::DataRevealed { prev, .. } => Some(prev),
            _ => None,
        }
    }
}

/// One recognised intent with its confidence in thousandths (integers keep
/// events exactly comparable).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    pub intent: String,
    pub permille: u16,
}

/// The longest note accepted, in characters: a note is a remark, not a transcript.
pub const NOTE_MAX_CHARS: usize = 4000;

/// Why a note cannot be added.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum NoteError {
    #[error("the note is empty")]
    Empty,
    #[error("the note has {chars} characters; at most {NOTE_MAX_CHARS} are kept")]
    TooLong { chars: usize },
}

impl EventBody {
    /// A note body from what the agent typed: trimmed, not empty, not huge.
    /// Any other text (markup, scripts, emoji) is kept as typed: the UI
    /// renders it as text, never as markup.
    pub fn note(text: &str) -> Result<EventBody, NoteError> {
        let text = text.trim();
        let chars = text.chars().count();
        if chars == 0 {
            Err(NoteError::Empty)
        } else if chars > NOTE_MAX_CHARS {
            Err(NoteError::TooLong { chars })
        } else {
            Ok(EventBody::NoteAdded {
                text: text.to_owned(),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_is_trimmed() {
        assert_eq!(
            EventBody::note("  客户反映账单异常 \n"),
            Ok(EventBody::NoteAdded {
                text: "客户反映账单异常".into()
            })
        );
    }

    #[test]
    fn a_blank_note_is_refused() {
        assert_eq!(EventBody::note(" \t\n"), Err(NoteError::Empty));
    }

    #[test]
    fn an_oversized_note_is_refused() {
        let long = "话".repeat(NOTE_MAX_CHARS + 1);
        assert_eq!(
            EventBody::note(&long),
            Err(NoteError::TooLong {
                chars: NOTE_MAX_CHARS + 1
            })
        );
    }

    #[test]
    fn a_hostile_note_is_kept_verbatim() {
        let hostile = "<script>alert(1)</script>\u{202e}'; DROP TABLE cases;--";
        assert_eq!(
            EventBody::note(hostile),
            Ok(EventBody::NoteAdded {
                text: hostile.into()
            })
        );
    }

    #[test]
    fn channel_slugs_round_trip() {
        for c in Channel::ALL {
            assert_eq!(Channel::from_slug(c.slug()), Some(c));
        }
        assert_eq!(Channel::from_slug("fax"), None);
    }
}
