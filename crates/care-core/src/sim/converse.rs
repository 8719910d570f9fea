//! The simulated customer's side of the conversation: a question (a pack
//! prompt, or the trainee's own words) in, the customer's reply out.
//!
//! Free questions are matched to the scenario's answers by the intent
//! recogniser's machinery, trained on each answer's example questions and
//! its prompt's text. The customer notices a question asked twice, jargon,
//! and questions they cannot place; each costs patience, an empathy
//! prompt gives one back, and at zero they give up.

use super::model::{Answer, Scenario};
use crate::intent::{Example, Recogniser};
use crate::pack::{Pack, PromptKind};
use crate::text::{Lang, Text};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Below this confidence a free question is one the customer cannot place.
pub const MATCH_THRESHOLD: f32 = 0.35;

/// What the trainee said.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Question {
    /// A listen-stage prompt of the pack, by id.
    Prompt(String),
    /// The trainee's own words.
    Free(String),
    /// A verification question: the pack's method, by id.
    Verify(String),
}

/// Why the customer said what they said.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reply {
    /// An answer, with the facts it gives.
    Answer {
        answer: String,
        facts: BTreeMap<String, String>,
    },
    /// The answer was given already: "I already told you", then it again.
    Repeat { answer: String },
    /// The question used words the customer does not know.
    Jargon { words: Vec<String> },
    /// The customer's answer to a verification question (what they know,
    /// right or wrong); `known` is false when they cannot say.
    Verification { method: String, known: bool },
    /// An empathy prompt: the customer calms a little.
    Calmer,
    /// A question the customer cannot place.
    Unknown,
    /// Patience ran out: the customer ends the call.
    GaveUp,
}

/// One exchange.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Turn {
    pub question: Question,
    pub reply: Reply,
    /// What the customer says, in the session's language.
    pub said: String,
    pub patience_left: u32,
}

/// Whether `term` occurs in `text`; an ASCII letter or digit at either
/// end of the term must not be glued to another one.
fn contains_term(text: &str, term: &str) -> bool {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    text.match_indices(term).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + term.len()..].chars().next();
        let first = term.chars().next();
        let last = term.chars().next_back();
        let glued_before = word(first) && word(before);
        let glued_after = word(last) && word(after);
        !glued_before && !glued_after
    })
}

/// A simulated customer in one session.
pub struct Conversation<'s> {
    scenario: &'s Scenario,
    lang: Lang,
    matcher: Recogniser,
    /// Prompt id → answer index.
    by_prompt: BTreeMap<&'s str, usize>,
    empathy: Vec<&'s str>,
    given: BTreeMap<usize, u32>,
    turns: Vec<Turn>,
    patience: u32,
}

impl<'s> Conversation<'s> {
    pub fn new(scenario: &'s Scenario, pack: &'s Pack, lang: Lang) -> Conversation<'s> {
        let mut examples: Vec<(String, usize)> = Vec::new();
        let mut by_prompt = BTreeMap::new();
        for (n, a) in scenario.answers.iter().enumerate() {
            for q in a.questions.zh_cn.iter().chain(&a.questions.en) {
                examples.push((q.clone(), n));
            }
            if let Some(p) = &a.prompt {
                by_prompt.insert(p.as_str(), n);
                if let Some(prompt) = pack.prompts.iter().find(|x| &x.id == p) {
                    examples.push((prompt.text.zh_cn.clone(), n));
                    examples.push((prompt.text.en.clone(), n));
                }
            }
        }
        let names: Vec<String> = scenario.answers.iter().map(|a| a.id.clone()).collect();
        let borrowed: Vec<Example<'_>> = examples
            .iter()
            .map(|(text, intent)| Example {
                text,
                intent: *intent,
            })
            .collect();
        let matcher = Recogniser::train(names, &borrowed).with_threshold(MATCH_THRESHOLD);
        let empathy = pack
            .prompts
            .iter()
            .filter(|p| p.kind == PromptKind::Empathy)
            .map(|p| p.id.as_str())
            .collect();
        Conversation {
            scenario,
            lang,
            matcher,
            by_prompt,
            empathy,
            given: BTreeMap::new(),
            turns: Vec::new(),
            patience: scenario.persona.patience,
        }
    }

    /// The customer's first words.
    pub fn opening(&self) -> &str {
        self.scenario.opening.get(self.lang)
    }

    pub fn turns(&self) -> &[Turn] {
        &self.turns
    }

    pub fn patience_left(&self) -> u32 {
        self.patience
    }

    /// Whether the customer has ended the call.
    pub fn over(&self) -> bool {
        self.patience == 0
    }

    /// The customer's reply to `question`.
    pub fn ask(&mut self, question: Question) -> &Turn {
        let reply = if self.over() {
            Reply::GaveUp
        } else {
            self.reply_to(&question)
        };
        match &reply {
            Reply::Repeat { .. } | Reply::Jargon { .. } | Reply::Unknown => {
                self.patience = self.patience.saturating_sub(1);
            }
            Reply::Calmer => {
                self.patience = (self.patience + 1).min(self.scenario.persona.patience);
            }
            Reply::Answer { .. } | Reply::Verification { .. } | Reply::GaveUp => {}
        }
        let reply = if self.patience == 0 && reply != Reply::GaveUp {
            Reply::GaveUp
        } else {
            reply
        };
        let said = self.words(&reply);
        self.turns.push(Turn {
            question,
            reply,
            said,
            patience_left: self.patience,
        });
        // Just pushed.
        &self.turns[self.turns.len() - 1]
    }

    /// The session so far, asked again: the customer is deterministic, so
    /// a conversation kept as turns comes back exactly as it was.
    pub fn resume(
        scenario: &'s Scenario,
        pack: &'s Pack,
        lang: Lang,
        asked: impl IntoIterator<Item = Question>,
    ) -> Conversation<'s> {
        let mut talk = Conversation::new(scenario, pack, lang);
        for q in asked {
            talk.ask(q);
        }
        talk
    }

    fn reply_to(&mut self, question: &Question) -> Reply {
        let answer = match question {
            Question::Verify(method) => {
                return Reply::Verification {
                    method: method.clone(),
                    known: self.known_answer(method).is_some(),
                }
            }
            Question::Prompt(id) if self.empathy.contains(&id.as_str()) => return Reply::Calmer,
            Question::Prompt(id) => self.by_prompt.get(id.as_str()).copied(),
            Question::Free(text) => {
                let words = self.jargon_in(text);
                if !words.is_empty() {
                    return Reply::Jargon { words };
                }
                let found = self.matcher.recognise(text);
                found
                    .best()
                    .and_then(|r| self.scenario.answers.iter().position(|a| a.id == r.intent))
            }
        };
        let Some(n) = answer else {
            return Reply::Unknown;
        };
        let a: &Answer = &self.scenario.answers[n];
        let times = self.given.entry(n).or_insert(0);
        *times += 1;
        if *times > 1 {
            Reply::Repeat {
                answer: a.id.clone(),
            }
        } else {
            Reply::Answer {
                answer: a.id.clone(),
                facts: a.facts.clone(),
            }
        }
    }

    /// The jargon words of the scenario in `text`, as the scenario spells
    /// them. A Latin-letter word counts only as a whole word ("SP" is not
    /// in "spend"); Chinese has no spaces, so a Chinese term counts
    /// wherever it appears.
    pub fn jargon_in(&self, text: &str) -> Vec<String> {
        let lower = text.to_lowercase();
        self.scenario
            .reactions
            .jargon_words
            .iter()
            .filter(|w| !w.is_empty() && contains_term(&lower, &w.to_lowercase()))
            .cloned()
            .collect()
    }

    /// What the customer says for `reply`: variants are taken in turn, so
    /// a session replays the same way.
    fn words(&self, reply: &Reply) -> String {
        let r = &self.scenario.reactions;
        let nth = |texts: &[Text], n: usize| -> String {
            if texts.is_empty() {
                String::new()
            } else {
                texts[n % texts.len()].get(self.lang).to_owned()
            }
        };
        let turn = self.turns.len();
        match reply {
            Reply::Answer { answer, .. } => self
                .answer(answer)
                .map(|a| nth(&a.say, 0))
                .unwrap_or_default(),
            Reply::Repeat { answer } => {
                let again = self.answer(answer).map(|a| {
                    let n = self.given.get(&self.index(answer)).copied().unwrap_or(1) as usize;
                    nth(&a.say, n.saturating_sub(1))
                });
                let sep = match self.lang {
                    Lang::ZhCn => "",
                    Lang::En => " ",
                };
                format!("{}{sep}{}", nth(&r.repeat, turn), again.unwrap_or_default())
            }
            Reply::Verification { method, .. } => match self.known_answer(method) {
                Some(a) => a.to_owned(),
                None => nth(&r.unknown, turn),
            },
            Reply::Jargon { .. } => nth(&r.jargon, turn),
            Reply::Calmer => nth(&r.empathy, turn),
            Reply::Unknown => nth(&r.unknown, turn),
            Reply::GaveUp => r.give_up.get(self.lang).to_owned(),
        }
    }

    /// What the customer answers when asked for `method`.
    fn known_answer(&self, method: &str) -> Option<&str> {
        self.scenario
            .verification
            .iter()
            .find(|k| k.method == method)
            .map(|k| k.answer.as_str())
    }

    fn answer(&self, id: &str) -> Option<&Answer> {
        self.scenario.answers.iter().find(|a| a.id == id)
    }

    fn index(&self, id: &str) -> usize {
        self.scenario
            .answers
            .iter()
            .position(|a| a.id == id)
            .unwrap_or(usize::MAX)
    }
}
