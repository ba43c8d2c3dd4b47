//! Web Audio: `AudioContext`, or `webkitAudioContext` in Safari before 14.1.
//! Browsers start a context suspended until a person's tap, so it is made
//! and resumed inside the Start button's handler. `navigator.audioSession`
//! (Safari 16.4+) lets the tones mix with the person's music.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::AudioContext;

use super::{construct, invoke, navigator, property, set, settled, ApiError};

/// A new audio context, resumed; call from a tap handler.
pub fn unlocked_context() -> Result<AudioContext, ApiError> {
    // "ambient" mixes with music instead of stopping it, and follows the
    // ring/silent switch, as a timer's tones should.
    if let Some(session) = property(&navigator(), "audioSession") {
        set(&session, "type", &"ambient".into());
    }
    let context = construct(&["AudioContext", "webkitAudioContext"], &[])?;
    resume(&context);
    // Every engine that has the constructor has the Web Audio 1.0 core
    // (oscillators, gain, scheduling) that web-sys's typed calls use.
    Ok(context.unchecked_into())
}

/// Resumes a suspended context (again inside a tap, after iOS suspended it).
pub fn resume(context: &JsValue) {
    // A refusal leaves it silent; the countdown and voice still guide. It
    // may come later, as the promise's rejection (the context closed
    // before it could resume): that is taken here too, never left unhandled.
    if let Ok(pending) = invoke(context, "resume", &[]) {
        leptos::task::spawn_local(async move {
            let _ = settled(pending).await;
        });
    }
}

/// Closes a context the player no longer needs.
pub fn close(context: &AudioContext) {
    if let Ok(pending) = invoke(context, "close", &[]) {
        leptos::task::spawn_local(async move {
            let _ = settled(pending).await;
        });
    }
}
