//! `navigator.vibrate`: Android browsers have it; iOS, and desktop Safari
//! and Firefox, do not.

use super::{invoke, method, navigator, ApiError};

/// Whether this browser can vibrate at all.
pub fn supported() -> bool {
    method(&navigator(), "vibrate").is_some()
}

/// A buzz of `ms` milliseconds. `Ok(false)` when the browser declined
/// (no user gesture yet, or a device without a motor).
pub fn vibrate(ms: u32) -> Result<bool, ApiError> {
    invoke(&navigator(), "vibrate", &[ms.into()]).map(|done| done.as_bool().unwrap_or(false))
}
