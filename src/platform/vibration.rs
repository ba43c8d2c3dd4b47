//! `navigator.vibrate`: Android browsers have it; iOS, and desktop Safari
//! and Firefox, do not.

use super::{invoke, method, navigator, property, ApiError};

/// Whether this browser can vibrate at all.
pub fn supported() -> bool {
    method(&navigator(), "vibrate").is_some()
}

/// A buzz of `ms` milliseconds. `Ok(false)` when the browser declined, or
/// would: Chromium refuses (and logs an intervention) until the person has
/// touched the page, which `navigator.userActivation` tells beforehand.
pub fn vibrate(ms: u32) -> Result<bool, ApiError> {
    let touched = property(&navigator(), "userActivation")
        .and_then(|activation| property(&activation, "hasBeenActive"))
        .and_then(|active| active.as_bool());
    if touched == Some(false) {
        return Ok(false);
    }
    invoke(&navigator(), "vibrate", &[ms.into()]).map(|done| done.as_bool().unwrap_or(false))
}
