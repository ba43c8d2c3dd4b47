//! localStorage with errors a person can be told about. Nothing here decides
//! what to store; the schema and its rules live in `domain::storage`.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DomException, Storage};

/// Why reading or writing failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// No localStorage at all: a private window, blocked cookies or a policy.
    Unavailable,
    /// The browser refused the write because storage is full.
    Full,
    /// Anything else the browser reported.
    Failed(String),
}

impl StorageError {
    /// A sentence for the notice a person sees.
    pub fn explain(&self) -> String {
        match self {
            Self::Unavailable => {
                "This browser is not letting Limber save anything (a private window or blocked storage). Your progress will not be kept after you close the page.".into()
            }
            Self::Full => {
                "This device's storage for Limber is full, so your latest progress could not be saved. It is shown until you reload.".into()
            }
            Self::Failed(reason) => format!("Saving failed ({reason}). Your latest progress is shown until you reload."),
        }
    }
}

fn local() -> Result<Storage, StorageError> {
    window()
        .local_storage()
        .map_err(|_| StorageError::Unavailable)?
        .ok_or(StorageError::Unavailable)
}

fn classify(error: &JsValue) -> StorageError {
    match error.dyn_ref::<DomException>() {
        Some(e) if e.name() == "QuotaExceededError" => StorageError::Full,
        Some(e) => StorageError::Failed(e.message()),
        None => StorageError::Failed("unknown error".into()),
    }
}

/// The text stored under `key`, if any.
pub fn read(key: &str) -> Result<Option<String>, StorageError> {
    local()?.get_item(key).map_err(|e| classify(&e))
}

/// Stores `value` under `key`.
pub fn write(key: &str, value: &str) -> Result<(), StorageError> {
    local()?.set_item(key, value).map_err(|e| classify(&e))
}

/// Removes `key`.
pub fn remove(key: &str) -> Result<(), StorageError> {
    local()?.remove_item(key).map_err(|e| classify(&e))
}

/// Asks the browser to keep Limber's storage even when space runs low.
/// `None` where the browser has no such request.
pub async fn request_persistence() -> Option<bool> {
    let promise = window().navigator().storage().persist().ok()?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()?
        .as_bool()
}

/// Whether the browser has promised to keep Limber's storage.
pub async fn is_persistent() -> Option<bool> {
    let promise = window().navigator().storage().persisted().ok()?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()?
        .as_bool()
}

/// Calls `changed` with the new text whenever another tab writes `key`,
/// until the calling owner is cleaned up.
pub fn on_change_elsewhere(key: &'static str, changed: impl Fn(&str) + 'static) {
    let listener = window_event_listener_untyped("storage", move |event| {
        let Ok(event) = event.dyn_into::<web_sys::StorageEvent>() else {
            return;
        };
        if event.key().as_deref() == Some(key) {
            if let Some(text) = event.new_value() {
                changed(&text);
            }
        }
    });
    on_cleanup(move || listener.remove());
}
