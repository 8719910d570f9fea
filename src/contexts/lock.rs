//! The device lock: set up a PIN, unlock, lock (by hand or when idle).
//! The key lives only inside the open store while unlocked; locking drops
//! it and takes every screen with personal data off the page.

use crate::contexts::store::Db;
use crate::platform::clock;
use crate::platform::crypto::{self, Cipher};
use crate::platform::idb::{
    user_db_name, IdbStore, LocalUser, StoreError, Users, Vault, DB_NAME, FIRST_USER, VAULT_CHECK,
};
use care_core::lock::{
    check_new_pin, LockPolicy, LockRecord, PinError, TryState, PBKDF2_ITERATIONS, SALT_BYTES,
};
use leptos::prelude::*;
use std::rc::Rc;
use time::OffsetDateTime;

/// The idle time a new vault starts with.
pub const DEFAULT_IDLE_MINUTES: u32 = 5;

/// Why setting up or unlocking did not work.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LockError {
    Pin(PinError),
    Wrong {
        left: u32,
    },
    LockedOut {
        until: OffsetDateTime,
    },
    /// No WebCrypto, or it failed.
    Crypto,
    /// A person added to a shared device needs a name to be picked by.
    NameMissing,
    Store(StoreError),
}

impl From<StoreError> for LockError {
    fn from(e: StoreError) -> Self {
        LockError::Store(e)
    }
}

#[derive(Clone, Copy)]
pub struct Lock {
    /// The vault of this device, once read (`None` inside: none set up).
    pub vault: RwSignal<Option<Option<Vault>>>,
    pub unlocked: RwSignal<bool>,
    /// Deriving the key takes a moment: the form waits.
    pub busy: RwSignal<bool>,
    pub policy: LockPolicy,
    db: Db,
    /// The device's first database, where the directory of its people is.
    home: StoredValue<Rc<IdbStore>, LocalStorage>,
    /// The people of this device: one until another is added.
    pub users: RwSignal<Vec<LocalUser>>,
    /// Whose vault is open, or asked for on the lock screen.
    pub current: RwSignal<String>,
    /// A person is being added: the setup screen shows, not the unlock one.
    pub adding: RwSignal<bool>,
}

/// The first user as a device set up before people could be added knows
/// them: no name, the first database.
fn first_user(name: String) -> LocalUser {
    LocalUser {
        id: FIRST_USER.to_owned(),
        name,
        db: DB_NAME.to_owned(),
    }
}

impl Lock {
    fn new(db: Db) -> Self {
        let lock = Self {
            vault: RwSignal::new(None),
            unlocked: RwSignal::new(db.get().is_unlocked()),
            busy: RwSignal::new(false),
            policy: LockPolicy::default(),
            db,
            home: StoredValue::new_local(db.get()),
            users: RwSignal::new(vec![first_user(String::new())]),
            current: RwSignal::new(FIRST_USER.to_owned()),
            adding: RwSignal::new(false),
        };
        leptos::task::spawn_local(async move {
            if let Ok(Some(dir)) = lock.home.get_value().users().await {
                lock.users.set(dir.users);
                // The lock screen offers whoever worked last.
                if let Some(last) = dir.last.filter(|l| l != FIRST_USER) {
                    if lock.open_store_of(&last).await.is_ok() {
                        return;
                    }
                }
            }
            lock.read_vault().await;
        });
        lock
    }

    /// Reads the current user's vault. One that cannot be read is treated
    /// as damaged, not as missing: setting up a new one would make the data
    /// unreadable.
    async fn read_vault(self) {
        match self.db.get().vault().await {
            Ok(v) => self.vault.set(Some(v)),
            Err(e) => leptos::logging::warn!("vault unreadable: {e}"),
        }
    }

    /// Puts `user`'s database in place and reads their vault.
    async fn open_store_of(self, user: &str) -> Result<(), StoreError> {
        let Some(found) = self
            .users
            .with_untracked(|u| u.iter().find(|x| x.id == user).cloned())
        else {
            return Err(StoreError::Open(format!("no user {user}")));
        };
        let store = if found.db == DB_NAME {
            self.home.get_value()
        } else {
            Rc::new(IdbStore::open(&found.db).await?)
        };
        self.db.replace(store);
        self.vault.set(None);
        self.current.set(found.id);
        self.read_vault().await;
        Ok(())
    }

    /// The lock screen's choice of person: locks if needed, then asks for
    /// that person's PIN.
    pub async fn switch_to(self, user: String) -> Result<(), LockError> {
        if self.current.get_untracked() == user {
            return Ok(());
        }
        self.lock(false);
        self.open_store_of(&user).await?;
        self.remember(Some(user)).await;
        Ok(())
    }

    /// Keeps the directory, with who worked last. Losing "who was last"
    /// only changes the lock screen's first choice.
    async fn remember(self, last: Option<String>) {
        let users = Users::new(self.users.get_untracked(), last);
        if let Err(e) = self.home.get_value().store_users(&users).await {
            leptos::logging::warn!("users not kept: {e}");
        }
    }

    /// Adds a person to a shared device, with their own PIN and database,
    /// and opens it for them.
    pub async fn add_user(
        self,
        name: String,
        pin: String,
        confirm: String,
    ) -> Result<(), LockError> {
        let name = name.trim().to_owned();
        if name.is_empty() {
            return Err(LockError::NameMissing);
        }
        check_new_pin(&pin, &confirm, &self.policy).map_err(LockError::Pin)?;
        self.busy.set(true);
        let result = async {
            let id = crypto::encode_hex(&crypto::random_bytes(16).map_err(|_| LockError::Crypto)?);
            let user = LocalUser {
                id: id.clone(),
                name,
                db: user_db_name(&id),
            };
            let store = Rc::new(IdbStore::open(&user.db).await?);
            let (vault, cipher) = self.new_vault(&pin).await?;
            self.lock(false);
            let previous = self.db.get();
            self.db.replace(store);
            if let Err(e) = self.open(vault, cipher).await {
                // The new person's vault could not be kept: back to the
                // person whose vault is on screen.
                self.db.replace(previous);
                return Err(e);
            }
            self.users.update(|u| u.push(user));
            self.current.set(id.clone());
            self.remember(Some(id)).await;
            self.adding.set(false);
            Ok(())
        }
        .await;
        self.busy.set(false);
        result
    }

    /// A new vault for `pin`: fresh salt, the derived key, the check text.
    async fn new_vault(self, pin: &str) -> Result<(Vault, Cipher), LockError> {
        let salt = crypto::random_bytes(SALT_BYTES).map_err(|_| LockError::Crypto)?;
        let cipher = Cipher::derive(pin, &salt, PBKDF2_ITERATIONS)
            .await
            .map_err(|_| LockError::Crypto)?;
        let check = cipher
            .seal(VAULT_CHECK.as_bytes())
            .await
            .map_err(|_| LockError::Crypto)?;
        let mut record = LockRecord::created(clock::now());
        record.unlocked(clock::now());
        let vault = Vault::new(
            crypto::encode(&salt),
            PBKDF2_ITERATIONS,
            check,
            DEFAULT_IDLE_MINUTES,
            record,
        );
        Ok((vault, cipher))
    }

    /// The first PIN of this device: makes the vault and unlocks. The name,
    /// if given, is what the lock screen shows once others are added.
    pub async fn set_up(self, name: String, pin: String, confirm: String) -> Result<(), LockError> {
        check_new_pin(&pin, &confirm, &self.policy).map_err(LockError::Pin)?;
        self.busy.set(true);
        let result = async {
            let (vault, cipher) = self.new_vault(&pin).await?;
            self.open(vault, cipher).await?;
            let name = name.trim().to_owned();
            if !name.is_empty() {
                self.users.update(|u| {
                    if let Some(first) = u.iter_mut().find(|x| x.id == FIRST_USER) {
                        first.name = name;
                    }
                });
                self.remember(Some(FIRST_USER.to_owned())).await;
            }
            Ok(())
        }
        .await;
        self.busy.set(false);
        result
    }

    /// Keeps the vault, puts the key in memory, seals what earlier
    /// versions left in clear, and shows the app.
    async fn open(self, vault: Vault, cipher: Cipher) -> Result<(), LockError> {
        let store = self.db.get();
        store.store_vault(&vault).await?;
        store.unlock(cipher);
        store.seal_legacy().await?;
        self.vault.set(Some(Some(vault)));
        self.unlocked.set(true);
        Ok(())
    }

    /// Tries a PIN. A wrong one is counted and audited; too many lock the
    /// device for the policy's time.
    pub async fn unlock(self, pin: String) -> Result<(), LockError> {
        let Some(Some(mut vault)) = self.vault.get_untracked() else {
            return Err(LockError::Crypto);
        };
        if let TryState::LockedOut { until } = vault.lock.state(clock::now(), &self.policy) {
            return Err(LockError::LockedOut { until });
        }
        self.busy.set(true);
        let result = async {
            let salt = crypto::decode(&vault.salt).map_err(|_| LockError::Crypto)?;
            let cipher = Cipher::derive(&pin, &salt, vault.iterations)
                .await
                .map_err(|_| LockError::Crypto)?;
            let right = cipher
                .open(&vault.check)
                .await
                .is_ok_and(|plain| plain == VAULT_CHECK.as_bytes());
            if !right {
                let state = vault.lock.wrong(clock::now(), &self.policy);
                self.db.get().store_vault(&vault).await?;
                self.vault.set(Some(Some(vault)));
                return Err(match state {
                    TryState::Open { left } => LockError::Wrong { left },
                    TryState::LockedOut { until } => LockError::LockedOut { until },
                });
            }
            vault.lock.unlocked(clock::now());
            self.open(vault, cipher).await
        }
        .await;
        self.busy.set(false);
        result
    }

    /// Drops the key and takes the screens off the page.
    pub fn lock(self, idle: bool) {
        if !self.unlocked.get_untracked() {
            return;
        }
        let store = self.db.get();
        store.lock();
        self.unlocked.set(false);
        if let Some(Some(mut vault)) = self.vault.get_untracked() {
            vault.lock.locked(clock::now(), idle);
            self.vault.set(Some(Some(vault.clone())));
            leptos::task::spawn_local(async move {
                // The audit line is lost only if storage fails; the lock
                // itself has already happened.
                let _ = store.store_vault(&vault).await;
            });
        }
    }

    /// The name of whoever is working, on a device shared by several.
    pub fn current_name(&self) -> Option<String> {
        let current = self.current.get();
        self.users.with(|u| {
            (u.len() > 1)
                .then(|| u.iter().find(|x| x.id == current))
                .flatten()
                .map(|x| x.name.clone())
                .filter(|n| !n.is_empty())
        })
    }

    pub fn idle_minutes(&self) -> u32 {
        self.vault
            .with(|v| v.as_ref().and_then(|v| v.as_ref().map(|v| v.idle_minutes)))
            .unwrap_or(DEFAULT_IDLE_MINUTES)
    }

    pub async fn set_idle_minutes(self, minutes: u32) -> Result<(), StoreError> {
        let Some(Some(mut vault)) = self.vault.get_untracked() else {
            return Ok(());
        };
        vault.idle_minutes = minutes;
        self.db.get().store_vault(&vault).await?;
        self.vault.set(Some(Some(vault)));
        Ok(())
    }
}

pub fn provide_lock(db: Db) -> Lock {
    let lock = Lock::new(db);
    provide_context(lock);
    lock
}

pub fn use_lock() -> Lock {
    expect_context::<Lock>()
}
