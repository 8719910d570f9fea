//! The open event store, shared by every page.

use crate::platform::idb::IdbStore;
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
