//! The open event store, shared by every page.

use crate::platform::idb::IdbStore;
use care_core::store::EventStore;
use leptos::prelude::*;
use std::rc::Rc;

/// A handle on the open IndexedDB store. The store is not `Send` (browser
/// objects), so it lives in local storage of the reactive arena.
#[derive(Clone, Copy)]
pub struct Db(StoredValue<Rc<IdbStore>, LocalStorage>);

impl Db {
    /// The store, for use in an async block.
    pub fn get(&self) -> Rc<IdbStore> {
        self.0.get_value()
    }

    /// Puts another user's store in place (a user switch, while locked:
    /// nothing on screen holds the old one).
    pub fn replace(&self, store: Rc<IdbStore>) {
        self.0.set_value(store);
    }
}

pub fn provide_db(store: Rc<IdbStore>) {
    provide_context(Db(StoredValue::new_local(store)));
}

pub fn use_db() -> Db {
    expect_context::<Db>()
}

/// The case a page's route names (`/…/:id`), as read from the store: its
/// id, its events, and for a training case the imported scenarios it may
/// need. `None` for an id that does not parse; no events for a case this
/// device does not have.
pub type RouteCase = (
    care_core::CaseId,
    Vec<care_core::Event>,
    Vec<crate::platform::idb::ImportedScenario>,
);

/// Loads the case of the route, again whenever the route's id changes.
pub fn use_route_case() -> LocalResource<Result<Option<RouteCase>, crate::platform::idb::StoreError>>
{
    let db = use_db();
    let params = leptos_router::hooks::use_params_map();
    LocalResource::new(move || {
        let id = params.with(|p| {
            p.get("id")
                .and_then(|id| id.parse::<care_core::CaseId>().ok())
        });
        let store = db.get();
        async move {
            let Some(id) = id else { return Ok(None) };
            let events = store.load_case(id).await?;
            let training = events.iter().any(|e| {
                matches!(
                    &e.body,
                    care_core::EventBody::CaseOpened {
                        training: Some(_),
                        ..
                    }
                )
            });
            let imported = if training {
                store.imported_scenarios().await.unwrap_or_default()
            } else {
                Vec::new()
            };
            Ok(Some((id, events, imported)))
        }
    })
}
