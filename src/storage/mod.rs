//! localStorage with errors a person can be told about. Nothing here decides
//! what to store; the schema and its rules live in `domain::storage`.

pub mod live;
mod recovery;

pub use recovery::{backup_file_name, settle, Notice};

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DomException, Storage};

use crate::platform::{self, persistence};

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
    persistence::request().await.ok()
}

/// Whether the browser has promised to keep Limber's storage. A browser
/// that cannot say (no `navigator.storage`) has promised nothing.
pub async fn is_persistent() -> bool {
    persistence::granted().await.unwrap_or(false)
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

/// Every key Limber has stored (they all start with `limber/`).
pub fn limber_keys() -> Result<Vec<String>, StorageError> {
    let local = local()?;
    let count = local.length().map_err(|e| classify(&e))?;
    Ok((0..count)
        .filter_map(|i| local.key(i).ok().flatten())
        .filter(|key| key.starts_with("limber/"))
        .collect())
}

/// Offers `text` to the person as a file called `name`. The `Err` is a
/// sentence to show them.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let failed = |_| "This browser would not save the file.".to_string();
    let parts = web_sys::js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(failed)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(failed)?;
    let link: web_sys::HtmlAnchorElement = document()
        .create_element("a")
        .map_err(failed)?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // Some browsers read the blob after `click` returns; free it later.
    gloo_timers::callback::Timeout::new(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// The text of a file the person chose. The `Err` is a sentence to show them.
pub async fn read_text(file: &web_sys::File) -> Result<String, String> {
    // `Blob.text()` is missing before Safari 14: that file cannot be read here.
    let text = match platform::invoke(file, "text", &[]) {
        Ok(promise) => platform::settled(promise).await.ok(),
        Err(_) => None,
    };
    text.and_then(|text| text.as_string())
        .ok_or_else(|| "This file could not be read. Nothing was changed.".to_string())
}
