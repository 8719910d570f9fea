//! What the agent has typed or picked in a form of the open case but not
//! yet recorded, kept in IndexedDB so that a reload (or a closed laptop)
//! loses nothing. A draft is not the record: it is never shown as saved,
//! and it is forgotten once the form's event is recorded or it is emptied.

use crate::contexts::case_session::use_case_session;
use crate::contexts::store::{use_db, Db};
use care_core::CaseId;
use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};

/// The drafts of the open case's forms.
#[derive(Clone, Copy)]
pub struct Drafts {
    db: Db,
    case: CaseId,
}

impl Drafts {
    /// The drafts of the case open on screen.
    pub fn of_case() -> Drafts {
        Drafts {
            db: use_db(),
            case: use_case_session().id,
        }
    }

    fn key(&self, field: &str) -> String {
        format!("{}/{field}", self.case)
    }

    /// A signal for one field, starting at `initial` or at the value left
    /// in it before a reload. Setting it back to `initial` forgets it.
    pub fn field<T>(self, field: &str, initial: T) -> RwSignal<T>
    where
        T: Serialize + DeserializeOwned + Clone + PartialEq + Send + Sync + 'static,
    {
        let key = self.key(field);
        let db = self.db;
        let value = RwSignal::new(initial.clone());
        let loaded = RwSignal::new(false);

        let load_key = key.clone();
        let blank = initial.clone();
        leptos::task::spawn_local(async move {
            let kept = db.get().draft(&load_key).await.ok().flatten();
            // A value from an older form shape is dropped, not shown.
            let kept = kept.and_then(|text| serde_json::from_str::<T>(&text).ok());
            if let Some(kept) = kept {
                // Anything typed while the draft was loading wins over it.
                if value.try_get_untracked().as_ref() == Some(&blank) {
                    value.set(kept);
                }
            }
            let _ = loaded.try_set(true);
        });

        Effect::new(move |_| {
            let current = value.get();
            if !loaded.get() {
                return;
            }
            let json = (current != initial)
                .then(|| serde_json::to_string(&current).ok())
                .flatten();
            let key = key.clone();
            leptos::task::spawn_local(async move {
                // A draft that cannot be kept (storage full) only means the
                // form starts empty after a reload; recording the event
                // reports its own failure.
                let _ = db.get().set_draft(&key, json.as_deref()).await;
            });
        });
        value
    }

    /// Forgets the fields once their event is recorded (the form may be
    /// gone from the screen by then).
    pub fn forget(self, fields: &[&str]) {
        let keys: Vec<String> = fields.iter().map(|f| self.key(f)).collect();
        let db = self.db;
        leptos::task::spawn_local(async move {
            for key in keys {
                let _ = db.get().set_draft(&key, None).await;
            }
        });
    }
}
