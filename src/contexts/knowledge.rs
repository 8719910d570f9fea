//! The knowledge pack in force and the recogniser trained from it.

use care_core::intent::Recogniser;
use care_core::pack::{self, Pack, Problem};
use leptos::prelude::*;
use std::sync::Arc;

/// Where the pack in force came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PackOrigin {
    Embedded,
    Imported { file: String, imported_at: String },
}

/// A loaded, valid pack and its trained recogniser.
pub struct Knowledge {
    pub pack: Pack,
    pub recogniser: Recogniser,
    pub origin: PackOrigin,
}

impl Knowledge {
    pub fn new(pack: Pack, origin: PackOrigin) -> Knowledge {
        let recogniser = Recogniser::from_pack(&pack);
        Knowledge {
            pack,
            recogniser,
            origin,
        }
    }
}

#[derive(Clone, Copy)]
pub struct KnowledgeCtx {
    /// The pack in force; `None` only if even the embedded pack is invalid.
    pub current: RwSignal<Option<Arc<Knowledge>>>,
    /// Problems of the embedded pack (a build defect, shown on the pack page).
    pub embedded_problems: RwSignal<Vec<Problem>>,
    /// A stored import that no longer validates, kept aside with its problems.
    pub stored_problems: RwSignal<Vec<Problem>>,
}

impl KnowledgeCtx {
    pub fn get(&self) -> Option<Arc<Knowledge>> {
        self.current.get()
    }
}

/// Loads the embedded demo pack and provides it.
pub fn provide_knowledge() -> KnowledgeCtx {
    let (current, problems) = match pack::load(pack::DEMO_PACK_FILE, pack::DEMO_PACK) {
        Ok(p) => (
            Some(Arc::new(Knowledge::new(p, PackOrigin::Embedded))),
            Vec::new(),
        ),
        Err(problems) => (None, problems),
    };
    let ctx = KnowledgeCtx {
        current: RwSignal::new(current),
        embedded_problems: RwSignal::new(problems),
        stored_problems: RwSignal::new(Vec::new()),
    };
    provide_context(ctx);
    ctx
}

pub fn use_knowledge() -> KnowledgeCtx {
    expect_context::<KnowledgeCtx>()
}
