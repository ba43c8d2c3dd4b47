//! An `<audio>` element playing a sound file made in the page (a Blob URL).
//! Every browser has the element, but `play()` can be refused (no tap yet,
//! a policy, no output), so it is reached like the other optional APIs:
//! through [`invoke`], as a `Result`, and its promise's refusal is taken
//! here rather than left unhandled.

use wasm_bindgen::JsValue;
use web_sys::js_sys::{Array, Uint8Array};
use web_sys::{Blob, BlobPropertyBag, Url};

use super::{construct, invoke, property, set, settled, ApiError};

/// A loaded track; dropping it stops the sound and frees the file.
pub struct Track {
    element: JsValue,
    url: String,
}

impl Track {
    /// A track playing `wav` (a whole WAV file), not started.
    pub fn new(wav: &[u8]) -> Result<Self, ApiError> {
        let failed = |_| ApiError::Failed("could not make the sound file".into());
        let parts = Array::of1(&Uint8Array::from(wav));
        let options = BlobPropertyBag::new();
        options.set_type("audio/wav");
        let blob =
            Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(failed)?;
        let url = Url::create_object_url_with_blob(&blob).map_err(failed)?;
        let element = construct(&["Audio"], &[])?;
        set(&element, "preload", &"auto".into());
        set(&element, "src", &url.as_str().into());
        Ok(Self { element, url })
    }

    /// Plays from `seconds` into the track.
    pub fn play_from(&self, seconds: f64) -> Result<(), ApiError> {
        self.seek(seconds);
        let playing = invoke(&self.element, "play", &[])?;
        // A refusal arrives later, as the promise's rejection: take it here,
        // where it costs only the sound, and the screen still guides.
        leptos::task::spawn_local(async move {
            let _ = settled(playing).await;
        });
        Ok(())
    }

    /// Moves to `seconds` into the track, playing or not.
    pub fn seek(&self, seconds: f64) {
        set(&self.element, "currentTime", &seconds.into());
    }

    /// Where the track is, in seconds.
    pub fn position(&self) -> Option<f64> {
        property(&self.element, "currentTime").and_then(|t| t.as_f64())
    }

    /// Whether it is paused (or never started).
    pub fn paused(&self) -> bool {
        property(&self.element, "paused")
            .and_then(|p| p.as_bool())
            .unwrap_or(true)
    }

    pub fn pause(&self) {
        // An element that cannot pause is not playing either.
        let _ = invoke(&self.element, "pause", &[]);
    }
}

impl Drop for Track {
    fn drop(&mut self) {
        self.pause();
        // Unloads the file (an empty `src` would report a load error).
        let _ = invoke(&self.element, "removeAttribute", &["src".into()]);
        let _ = invoke(&self.element, "load", &[]);
        let _ = Url::revoke_object_url(&self.url);
    }
}
