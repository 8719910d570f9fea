//! Encryption at rest with WebCrypto: AES-GCM-256 under a key derived from
//! the user's PIN or passphrase by PBKDF2-HMAC-SHA256. The key is created
//! non-extractable and lives only in this process's memory; nothing here
//! ever writes it, the PIN or a plaintext anywhere.

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use js_sys::{Array, Object, Reflect, Uint8Array};
use serde::{de::DeserializeOwned, Serialize};
use thiserror::Error;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

/// Bytes of the random nonce prefixed to every sealed value (GCM's 96 bits).
const IV_BYTES: usize = 12;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CryptoError {
    #[error("this browser offers no WebCrypto")]
    Unavailable,
    #[error("the key could not be made: {0}")]
    Key(String),
    #[error("the data could not be encrypted: {0}")]
    Seal(String),
    /// A wrong key, or data changed on disk: GCM tells no more.
    #[error("the data could not be decrypted (wrong key or damaged data)")]
    Open,
    #[error("a decrypted record does not read: {0}")]
    Format(String),
}

fn subtle() -> Result<SubtleCrypto, CryptoError> {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.subtle())
        .ok_or(CryptoError::Unavailable)
}

/// `n` bytes from the WebCrypto random source.
pub fn random_bytes(n: usize) -> Result<Vec<u8>, CryptoError> {
    let crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or(CryptoError::Unavailable)?;
    let mut bytes = vec![0u8; n];
    crypto
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(|_| CryptoError::Unavailable)?;
    Ok(bytes)
}

fn object(pairs: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o
}

fn js_text(e: JsValue) -> String {
    e.as_string()
        .or_else(|| {
            Reflect::get(&e, &JsValue::from_str("message"))
                .ok()
                .and_then(|m| m.as_string())
        })
        .unwrap_or_else(|| "unknown".to_owned())
}

/// The open key of one user's vault.
pub struct Cipher {
    key: CryptoKey,
}

impl Cipher {
    /// Derives the AES-GCM key from `secret` and `salt`. Slow on purpose
    /// (`iterations` rounds of PBKDF2).
    pub async fn derive(secret: &str, salt: &[u8], iterations: u32) -> Result<Cipher, CryptoError> {
        let subtle = subtle()?;
        let raw = Uint8Array::from(secret.as_bytes());
        let usages = Array::of1(&JsValue::from_str("deriveKey"));
        let base = subtle
            .import_key_with_str("raw", &raw, "PBKDF2", false, &usages)
            .map_err(|e| CryptoError::Key(js_text(e)))?;
        let base: CryptoKey = JsFuture::from(base)
            .await
            .map_err(|e| CryptoError::Key(js_text(e)))?
            .unchecked_into();
        let params = object(&[
            ("name", "PBKDF2".into()),
            ("hash", "SHA-256".into()),
            ("salt", Uint8Array::from(salt).into()),
            ("iterations", iterations.into()),
        ]);
        let aes = object(&[("name", "AES-GCM".into()), ("length", 256.into())]);
        let usages = Array::of2(&"encrypt".into(), &"decrypt".into());
        // Not extractable: the key can be used, never read out.
        let key = subtle
            .derive_key_with_object_and_object(&params, &base, &aes, false, &usages)
            .map_err(|e| CryptoError::Key(js_text(e)))?;
        let key: CryptoKey = JsFuture::from(key)
            .await
            .map_err(|e| CryptoError::Key(js_text(e)))?
            .unchecked_into();
        Ok(Cipher { key })
    }

    /// Encrypts `plain`: base64 of a fresh nonce followed by the ciphertext
    /// and its tag.
    pub async fn seal(&self, plain: &[u8]) -> Result<String, CryptoError> {
        let iv = random_bytes(IV_BYTES)?;
        let params = object(&[
            ("name", "AES-GCM".into()),
            ("iv", Uint8Array::from(iv.as_slice()).into()),
        ]);
        let promise = subtle()?
            .encrypt_with_object_and_u8_array(&params, &self.key, plain)
            .map_err(|e| CryptoError::Seal(js_text(e)))?;
        let sealed = JsFuture::from(promise)
            .await
            .map_err(|e| CryptoError::Seal(js_text(e)))?;
        let mut out = iv;
        out.extend(Uint8Array::new(&sealed).to_vec());
        Ok(B64.encode(out))
    }

    /// Decrypts what `seal` made.
    pub async fn open(&self, sealed: &str) -> Result<Vec<u8>, CryptoError> {
        let bytes = B64.decode(sealed).map_err(|_| CryptoError::Open)?;
        if bytes.len() <= IV_BYTES {
            return Err(CryptoError::Open);
        }
        let (iv, data) = bytes.split_at(IV_BYTES);
        let params = object(&[
            ("name", "AES-GCM".into()),
            ("iv", Uint8Array::from(iv).into()),
        ]);
        let promise = subtle()?
            .decrypt_with_object_and_u8_array(&params, &self.key, data)
            .map_err(|_| CryptoError::Open)?;
        let plain = JsFuture::from(promise)
            .await
            .map_err(|_| CryptoError::Open)?;
        Ok(Uint8Array::new(&plain).to_vec())
    }

    pub async fn seal_json<T: Serialize>(&self, value: &T) -> Result<String, CryptoError> {
        let json = serde_json::to_vec(value).map_err(|e| CryptoError::Format(e.to_string()))?;
        self.seal(&json).await
    }

    pub async fn open_json<T: DeserializeOwned>(&self, sealed: &str) -> Result<T, CryptoError> {
        let plain = self.open(sealed).await?;
        serde_json::from_slice(&plain).map_err(|e| CryptoError::Format(e.to_string()))
    }
}

/// Base64 for the salt kept in the clear beside a vault.
pub fn encode(bytes: &[u8]) -> String {
    B64.encode(bytes)
}

/// Lower-case hex, for random ids.
pub fn encode_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn decode(text: &str) -> Result<Vec<u8>, CryptoError> {
    B64.decode(text)
        .map_err(|e| CryptoError::Format(e.to_string()))
}
