//! Screen Wake Lock: Chromium has it; Safari only from 17.4, and on iOS in
//! home-screen apps only from 18.4; Firefox from 126. Refused on a hidden
//! page or in battery saver. Without it the screen may sleep mid-session;
//! the timer stays right because it reads the clock.

use super::{invoke, navigator, property, settled, ApiError};
use wasm_bindgen::JsValue;

/// Whether this browser can keep the screen on at all.
pub fn supported() -> bool {
    property(&navigator(), "wakeLock").is_some()
}

/// A held lock; [`Sentinel::release`] lets the screen sleep again.
pub struct Sentinel(JsValue);

/// Asks to keep the screen on.
pub async fn request() -> Result<Sentinel, ApiError> {
    let lock = property(&navigator(), "wakeLock").ok_or(ApiError::Missing)?;
    let sentinel = settled(invoke(&lock, "request", &["screen".into()])?).await?;
    Ok(Sentinel(sentinel))
}

impl Sentinel {
    /// Lets the screen sleep again. A lock the browser already dropped
    /// (the page was hidden) has nothing left to release.
    pub fn release(&self) {
        let _ = invoke(&self.0, "release", &[]);
    }
}
