//! Case search over the archive: by phone, name, case reference, intent,
//! channel, status, the day a case was opened, and free text.
//!
//! The index is plain data kept by the app in memory while unlocked and
//! in IndexedDB (sealed) between sessions. It holds case summaries only;
//! customers' names and numbers are joined from the reference data when a
//! summary is indexed, so no personal data is copied into case storage.
//!
//! Matching is by substring on normalised text (lower case, full-width
//! forms folded): Chinese needs no word segmentation that way, and a
//! phone fragment or part of a name finds its case. A scan of 10 000
//! summaries is a few milliseconds (measured by `scripts/bench`), so the
//! index needs no inverted lists.

use crate::case::{CaseId, CaseSummary, Channel};
use crate::customer::Customer;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use time::{Date, UtcOffset};

/// Where a case stands, as the archive filters it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    /// Being worked: no commitment yet.
    Open,
    /// A commitment was given; the follow-up is still to come.
    AwaitingFollowUp,
    /// Answered at intake or archived after the follow-up.
    Closed,
}

impl CaseStatus {
    pub const ALL: [CaseStatus; 3] = [
        CaseStatus::Open,
        CaseStatus::AwaitingFollowUp,
        CaseStatus::Closed,
    ];

    pub fn of(summary: &CaseSummary) -> CaseStatus {
        if summary.closed {
            CaseStatus::Closed
        } else if summary.follow_up_by.is_some() {
            CaseStatus::AwaitingFollowUp
        } else {
            CaseStatus::Open
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            CaseStatus::Open => "open",
            CaseStatus::AwaitingFollowUp => "awaiting_follow_up",
            CaseStatus::Closed => "closed",
        }
    }

    pub fn from_slug(slug: &str) -> Option<CaseStatus> {
        CaseStatus::ALL.into_iter().find(|s| s.slug() == slug)
    }
}

/// What the agent asks for. Every part given must match (AND); free text
/// is split on white space and every word must match somewhere.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// Words: a phone or account fragment, part of the customer's name,
    /// a case reference, or words from the statement and notes.
    pub text: String,
    pub intent: Option<String>,
    pub channel: Option<Channel>,
    pub status: Option<CaseStatus>,
    /// Opened on or after this day (in `offset`).
    pub from: Option<Date>,
    /// Opened on or before this day (in `offset`).
    pub to: Option<Date>,
    /// The agent's UTC offset: days are the agent's days.
    pub offset: Option<UtcOffset>,
}

impl Query {
    /// Whether the query asks for anything (an empty one lists recent cases).
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
            && self.intent.is_none()
            && self.channel.is_none()
            && self.status.is_none()
            && self.from.is_none()
            && self.to.is_none()
    }
}

/// Which part of a case a word was found in, for the result list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchedIn {
    Phone,
    Account,
    Name,
    Reference,
    Text,
}

/// One case found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit<'a> {
    pub summary: &'a CaseSummary,
    /// Where the words matched (empty when the query had no words).
    pub matched: Vec<MatchedIn>,
}

/// What a search found: the first `limit` cases, most recently updated
/// first, and how many there are in all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found<'a> {
    pub total: usize,
    pub hits: Vec<Hit<'a>>,
}

/// One indexed case: its summary and the normalised fields words match.
#[derive(Clone, Debug)]
struct Entry {
    summary: CaseSummary,
    phone: String,
    account: String,
    name: String,
    reference: String,
    text: String,
}

/// The archive's index. Upserting a summary replaces the case's entry, so
/// applying the same summaries again, or older and newer ones in any order,
/// leaves the newest (by `last_event`).
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    entries: BTreeMap<CaseId, Entry>,
}

impl SearchIndex {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn get(&self, case: CaseId) -> Option<&CaseSummary> {
        self.entries.get(&case).map(|e| &e.summary)
    }

    /// Every summary indexed, for keeping the index (in case id order).
    pub fn summaries(&self) -> impl Iterator<Item = &CaseSummary> {
        self.entries.values().map(|e| &e.summary)
    }

    /// The training sessions indexed (which searches leave out), in case
    /// id order.
    pub fn training(&self) -> impl Iterator<Item = &CaseSummary> {
        self.summaries().filter(|s| s.training.is_some())
    }

    /// Indexes a case summary with its customer as the reference data has
    /// them. A summary older than the one indexed (an earlier event of the
    /// same case) is ignored.
    pub fn upsert(&mut self, summary: CaseSummary, customer: Option<&Customer>) {
        if let Some(known) = self.entries.get(&summary.id) {
            if known.summary.last_event > summary.last_event {
                return;
            }
        }
        let entry = Entry {
            phone: customer.map(|c| digits(&c.msisdn)).unwrap_or_default(),
            account: customer.map(|c| normalize(&c.account)).unwrap_or_default(),
            name: customer.map(|c| normalize(&c.name)).unwrap_or_default(),
            reference: summary.id.to_string().replace('-', ""),
            text: normalize(&summary.search_text),
            summary,
        };
        self.entries.insert(entry.summary.id, entry);
    }

    /// The cases that match `query`, most recently updated first; at most
    /// `limit` of them, with the total.
    pub fn search(&self, query: &Query, limit: usize) -> Found<'_> {
        let words = words(&query.text);
        let offset = query.offset.unwrap_or(UtcOffset::UTC);
        let mut hits: Vec<Hit<'_>> = self
            .entries
            .values()
            .filter(|e| filters_pass(&e.summary, query, offset))
            .filter_map(|e| {
                let mut matched = Vec::new();
                for w in &words {
                    let found = w.matches(e)?;
                    if !matched.contains(&found) {
                        matched.push(found);
                    }
                }
                Some(Hit {
                    summary: &e.summary,
                    matched,
                })
            })
            .collect();
        let total = hits.len();
        hits.sort_by(|a, b| {
            b.summary
                .updated_at
                .cmp(&a.summary.updated_at)
                .then(b.summary.id.cmp(&a.summary.id))
        });
        hits.truncate(limit);
        Found { total, hits }
    }
}

fn filters_pass(s: &CaseSummary, q: &Query, offset: UtcOffset) -> bool {
    // Practice is not work: training sessions never show in the archive.
    if s.training.is_some() {
        return false;
    }
    if q.intent
        .as_ref()
        .is_some_and(|i| s.intent.as_ref() != Some(i))
    {
        return false;
    }
    if q.channel.is_some_and(|c| c != s.channel) {
        return false;
    }
    if q.status.is_some_and(|st| st != CaseStatus::of(s)) {
        return false;
    }
    let day = s.opened_at.to_offset(offset).date();
    if q.from.is_some_and(|from| day < from) || q.to.is_some_and(|to| day > to) {
        return false;
    }
    true
}

/// One word of the free text, normalised.
struct Word {
    text: String,
    /// The word with separators taken out, when it is a number of three
    /// digits or more (a phone or account fragment: "138-0013").
    number: Option<String>,
    /// The word as a case reference ("CD12-EF34" → "cd12ef34").
    reference: String,
}

impl Word {
    fn matches(&self, e: &Entry) -> Option<MatchedIn> {
        if let Some(n) = &self.number {
            if e.phone.contains(n.as_str()) {
                return Some(MatchedIn::Phone);
            }
            if e.account.contains(n.as_str()) {
                return Some(MatchedIn::Account);
            }
        }
        if e.name.contains(self.text.as_str()) {
            return Some(MatchedIn::Name);
        }
        if self.reference.len() >= 4 && e.reference.ends_with(self.reference.as_str()) {
            return Some(MatchedIn::Reference);
        }
        if e.account.contains(self.text.as_str()) {
            return Some(MatchedIn::Account);
        }
        if e.text.contains(self.text.as_str()) {
            return Some(MatchedIn::Text);
        }
        None
    }
}

fn words(text: &str) -> Vec<Word> {
    // A phone number typed with spaces ("138 0013 8000") is one number.
    let all = normalize(text);
    let joined = digits(&all);
    let only_number = !joined.is_empty()
        && all
            .chars()
            .all(|c| c.is_ascii_digit() || c == ' ' || c == '-' || c == '+');
    if only_number && joined.len() >= 3 {
        return vec![Word {
            text: joined.clone(),
            reference: joined.clone(),
            number: Some(joined),
        }];
    }
    all.split_whitespace()
        .map(|w| {
            let n = digits(w);
            let is_number = n.len() >= 3 && w.chars().all(|c| c.is_ascii_digit() || c == '-');
            Word {
                text: w.to_owned(),
                number: is_number.then_some(n),
                reference: w.replace('-', ""),
            }
        })
        .collect()
}

/// Lower case, full-width ASCII and the ideographic space folded to their
/// ordinary forms, runs of white space made one space.
pub fn normalize(text: &str) -> String {
    let folded = text.chars().map(|c| match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    });
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in folded.flat_map(char::to_lowercase) {
        if c.is_whitespace() {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_and_case_are_folded() {
        assert_eq!(normalize("  ＡＢＣ　１３８ Roaming  "), "abc 138 roaming");
    }

    #[test]
    fn a_spaced_phone_number_is_one_word() {
        let w = words("138 0013 8000");
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].number.as_deref(), Some("13800138000"));
    }

    #[test]
    fn words_with_letters_stay_apart() {
        let w = words("漫游 账单 2GB");
        assert_eq!(w.len(), 3);
        assert!(w.iter().all(|w| w.number.is_none()));
    }
}
