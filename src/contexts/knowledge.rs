//! The knowledge pack in force and the recogniser trained from it.

use care_core::intent::Recogniser;
use care_core::pack::{self, Pack, Problem};
use leptos::prelude::*;
use std::sync::Arc;

/// Where the pack in force came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PackOrigin {
    Embedded,
    Imported {
        file: String,
        imported_at: String,
    },
    /// Pulled from the team's sync server (document `id`); used when no
    /// pack was imported on this device.
    Server {
        id: String,
    },
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
    /// A pack from the sync server that does not validate, not used.
    pub server_problems: RwSignal<Vec<Problem>>,
}

impl KnowledgeCtx {
    pub fn get(&self) -> Option<Arc<Knowledge>> {
        self.current.get()
    }

    /// Puts the team server's pack in force, unless this device imported
    /// one (a lead trying a pack out keeps it until they restore). The
    /// first pack by id that passes every check is used.
    pub fn adopt_server_packs(&self, packs: &[(String, String)]) {
        let imported = self.current.with_untracked(|k| {
            matches!(
                k.as_ref().map(|k| &k.origin),
                Some(PackOrigin::Imported { .. })
            )
        });
        if imported || packs.is_empty() {
            return;
        }
        let mut problems = Vec::new();
        for (id, source) in packs {
            match pack::load(id, source) {
                Ok(p) => {
                    let same = self.current.with_untracked(|k| {
                        k.as_ref().is_some_and(|k| {
                            k.origin == PackOrigin::Server { id: id.clone() } && k.pack == p
                        })
                    });
                    if !same {
                        let origin = PackOrigin::Server { id: id.clone() };
                        self.current.set(Some(Arc::new(Knowledge::new(p, origin))));
                    }
                    self.server_problems.set(Vec::new());
                    return;
                }
                Err(found) => problems.extend(found),
            }
        }
        self.server_problems.set(problems);
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
        server_problems: RwSignal::new(Vec::new()),
    };
    provide_context(ctx);
    ctx
}

pub fn use_knowledge() -> KnowledgeCtx {
    expect_context::<KnowledgeCtx>()
}
