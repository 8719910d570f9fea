//! Trainer mode in the app: the scenarios usable now (the built-in library
//! and the files imported on this device, each checked against the pack in
//! force), and the simulated customer of the training case on screen.

use crate::contexts::case_session::CaseSession;
use crate::contexts::knowledge::Knowledge;
use crate::platform::idb::{ImportedScenario, StoreError};
use care_core::sim::{self, Conversation, Question, Scenario};
use care_core::{EventBody, Lang};
use leptos::prelude::*;
use std::sync::Arc;

/// A scenario of the library and where it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct LibraryEntry {
    pub scenario: Scenario,
    /// The imported file's name; `None` for the built-in library.
    pub file: Option<String>,
}

/// The scenarios usable with `pack`, easiest first. An imported one that no
/// longer fits the pack is left out (its import said why when refused).
pub fn library(pack: &care_core::pack::Pack, imported: &[ImportedScenario]) -> Vec<LibraryEntry> {
    let (built_in, _) = sim::library(pack);
    let mut list: Vec<LibraryEntry> = built_in
        .into_iter()
        .map(|s| LibraryEntry {
            scenario: s,
            file: None,
        })
        .collect();
    for f in imported {
        if let Ok(s) = sim::load(&f.file, &f.source, pack) {
            list.push(LibraryEntry {
                scenario: s,
                file: Some(f.file.clone()),
            });
        }
    }
    // Easiest first, so a new trainee finds where to start.
    list.sort_by(|a, b| {
        (a.scenario.level, &a.scenario.id).cmp(&(b.scenario.level, &b.scenario.id))
    });
    list
}

/// The simulated customer of the training case on screen.
#[derive(Clone)]
pub struct SimCustomer {
    pub scenario: Arc<Scenario>,
    pub knowledge: Arc<Knowledge>,
    /// The language the customer speaks (chosen when the session started).
    pub lang: Lang,
    /// Read the customer's words aloud.
    pub speak: RwSignal<bool>,
    /// A question is being answered and kept.
    pub asking: RwSignal<bool>,
}

impl SimCustomer {
    /// Asks the customer `question` and records the exchange in the case.
    /// The conversation so far is the log's: the customer is
    /// deterministic, so asking its questions again rebuilds their state.
    pub async fn ask(&self, session: CaseSession, question: Question) -> Result<(), StoreError> {
        let asked: Vec<Question> = session
            .state
            .get_untracked()
            .map(|s| s.turns.into_iter().map(|(_, t)| t.question).collect())
            .unwrap_or_default();
        let turn = {
            let mut talk =
                Conversation::resume(&self.scenario, &self.knowledge.pack, self.lang, asked);
            talk.ask(question).clone()
        };
        self.asking.set(true);
        let said = turn.said.clone();
        let kept = session.record(EventBody::SimTurn { turn }).await;
        self.asking.set(false);
        // The screen may have gone meanwhile; then there is nobody to hear.
        if kept.is_ok() && self.speak.try_get_untracked().unwrap_or(false) {
            speak(&said, self.lang);
        }
        kept.map(|_| ())
    }

    /// The customer's first words, in the session's language.
    pub fn opening(&self) -> String {
        self.scenario.opening.get(self.lang).to_owned()
    }
}

/// Reads `text` aloud with the browser's speech synthesis, if it has one;
/// silence is the fallback, the words are on screen anyway.
pub fn speak(text: &str, lang: Lang) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(synth) = window.speech_synthesis() else {
        return;
    };
    if let Ok(u) = web_sys::SpeechSynthesisUtterance::new_with_text(text) {
        u.set_lang(lang.tag());
        synth.cancel();
        synth.speak(&u);
    }
}

/// Whether this browser can read text aloud.
pub fn can_speak() -> bool {
    web_sys::window().is_some_and(|w| w.speech_synthesis().is_ok())
}

pub fn provide_sim_customer(sim: SimCustomer) {
    provide_context(sim);
}

/// The simulated customer, on a training case's screen only.
pub fn use_sim_customer() -> Option<SimCustomer> {
    use_context::<SimCustomer>()
}

/// Opens a training case for `scenario`, practised by `trainee` with the
/// customer speaking `lang`; returns it once it is kept.
pub async fn start_session(
    db: crate::contexts::store::Db,
    search: crate::contexts::search::Search,
    sync: crate::contexts::sync::Sync,
    scenario: &str,
    trainee: String,
    lang: Lang,
) -> Result<care_core::CaseId, StoreError> {
    let training = care_core::TrainingRef {
        scenario: scenario.to_owned(),
        trainee,
        lang,
    };
    crate::contexts::case_session::open_case(
        db,
        search,
        sync,
        care_core::Channel::Hotline,
        Some(training),
        None,
    )
    .await
}
