//! Web Share and the clipboard. Share is on phones and Safari, not on
//! desktop Firefox or Linux Chromium; `clipboard.writeText` needs a secure
//! context and, in Safari and Firefox, a user gesture.

use wasm_bindgen::JsCast;
use web_sys::js_sys::Object;

use super::{invoke, method, navigator, property, set, settled, ApiError};

/// What came of offering something to the share sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shared {
    Shared,
    /// The person closed the sheet without choosing.
    Cancelled,
}

/// Offers `url` to the system share sheet.
pub async fn share(title: &str, url: &str) -> Result<Shared, ApiError> {
    let navigator = navigator();
    method(&navigator, "share").ok_or(ApiError::Missing)?;
    let data: wasm_bindgen::JsValue = Object::new().into();
    set(&data, "title", &title.into());
    set(&data, "url", &url.into());
    // `canShare` is newer than `share`: only a "no" from it counts.
    if let Ok(can) = invoke(&navigator, "canShare", std::slice::from_ref(&data)) {
        if can.as_bool() == Some(false) {
            return Err(ApiError::Missing);
        }
    }
    let promise = invoke(&navigator, "share", &[data])?
        .dyn_into::<web_sys::js_sys::Promise>()
        .map_err(|_| ApiError::Failed("share answered no promise".into()))?;
    match wasm_bindgen_futures::JsFuture::from(promise).await {
        Ok(_) => Ok(Shared::Shared),
        Err(e) if ApiError::is_named(&e, "AbortError") => Ok(Shared::Cancelled),
        Err(e) => Err(ApiError::from_js(&e)),
    }
}

/// Puts `text` on the clipboard.
pub async fn copy_text(text: &str) -> Result<(), ApiError> {
    let clipboard = property(&navigator(), "clipboard").ok_or(ApiError::Missing)?;
    settled(invoke(&clipboard, "writeText", &[text.into()])?)
        .await
        .map(drop)
}
