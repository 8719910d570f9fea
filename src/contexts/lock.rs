//! The device lock: set up a PIN, unlock, lock (by hand or when idle).
//! The key lives only inside the open store while unlocked; locking drops
//! it and takes every screen with personal data off the page.

use crate::contexts::store::Db;
use crate::platform::clock;
use crate::platform::crypto::{self, Cipher};
use crate::platform::idb::{StoreError, Vault, VAULT_CHECK};
use care_core::lock::{
    check_new_pin, LockPolicy, LockRecord, PinError, TryState, PBKDF2_ITERATIONS, SALT_BYTES,
};
use leptos::prelude::*;
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
}

impl Lock {
    fn new(db: Db) -> Self {
        let lock = Self {
            vault: RwSignal::new(None),
            unlocked: RwSignal::new(db.get().is_unlocked()),
            busy: RwSignal::new(false),
            policy: LockPolicy::default(),
            db,
        };
        leptos::task::spawn_local(async move {
            // A vault that cannot be read is treated as damaged, not as
            // missing: setting up a new one would make the data unreadable.
            match db.get().vault().await {
                Ok(v) => lock.vault.set(Some(v)),
                Err(e) => leptos::logging::warn!("vault unreadable: {e}"),
            }
        });
        lock
    }

    /// The first PIN of this device: makes the vault and unlocks.
    pub async fn set_up(self, pin: String, confirm: String) -> Result<(), LockError> {
        check_new_pin(&pin, &confirm, &self.policy).map_err(LockError::Pin)?;
        self.busy.set(true);
        let result = async {
            let salt = crypto::random_bytes(SALT_BYTES).map_err(|_| LockError::Crypto)?;
            let cipher = Cipher::derive(&pin, &salt, PBKDF2_ITERATIONS)
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
            self.open(vault, cipher).await
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
