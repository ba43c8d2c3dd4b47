//! `navigator.mediaSession`: what the lock screen, a headset or a watch
//! shows, and their play, pause, next and previous buttons. Chromium,
//! Safari 15 and Firefox 82 have it; older WebViews do not, and a session
//! then simply has no lock-screen controls.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys::{Array, Object};

use super::{construct, invoke, navigator, property, set, ApiError};

/// A button the lock screen, a headset or a watch can press.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Play,
    Pause,
    Next,
    Previous,
}

impl Action {
    /// The name the Media Session API knows it by.
    fn name(self) -> &'static str {
        match self {
            Self::Play => "play",
            Self::Pause => "pause",
            Self::Next => "nexttrack",
            Self::Previous => "previoustrack",
        }
    }
}

/// What the lock screen shows.
pub struct Metadata<'a> {
    pub title: &'a str,
    pub artist: &'a str,
    pub album: &'a str,
    /// An image URL (a `data:` URL works) and its MIME type.
    pub artwork: Option<(&'a str, &'a str)>,
}

fn session() -> Result<JsValue, ApiError> {
    property(&navigator(), "mediaSession").ok_or(ApiError::Missing)
}

/// Shows `metadata`, or clears it with `None`.
pub fn set_metadata(metadata: Option<&Metadata>) -> Result<(), ApiError> {
    let session = session()?;
    let value = match metadata {
        None => JsValue::NULL,
        Some(m) => {
            let init = Object::new();
            set(&init, "title", &m.title.into());
            set(&init, "artist", &m.artist.into());
            set(&init, "album", &m.album.into());
            if let Some((src, kind)) = m.artwork {
                let image = Object::new();
                set(&image, "src", &src.into());
                set(&image, "type", &kind.into());
                set(&image, "sizes", &"512x512".into());
                set(&init, "artwork", &Array::of1(&image));
            }
            construct(&["MediaMetadata"], &[init.into()])?
        }
    };
    if set(&session, "metadata", &value) {
        Ok(())
    } else {
        Err(ApiError::Failed("metadata refused".into()))
    }
}

/// Tells the system whether the session is playing or paused.
pub fn set_playing(playing: bool) -> Result<(), ApiError> {
    let state = if playing { "playing" } else { "paused" };
    if set(&session()?, "playbackState", &state.into()) {
        Ok(())
    } else {
        Err(ApiError::Failed("playback state refused".into()))
    }
}

/// Handlers for the system's buttons; dropping them hands the buttons back
/// (and clears what the lock screen shows).
pub struct Handlers {
    actions: Vec<(Action, Closure<dyn Fn()>)>,
}

/// Calls `on` with the action whenever one of `actions` is pressed. Each
/// action the browser refuses (an older one without "nexttrack") is left
/// out; the others still work.
pub fn handle(
    actions: &[Action],
    on: impl Fn(Action) + Clone + 'static,
) -> Result<Handlers, ApiError> {
    let session = session()?;
    let mut kept = Vec::new();
    for &action in actions {
        let on = on.clone();
        let closure = Closure::<dyn Fn()>::new(move || on(action));
        let taken = invoke(
            &session,
            "setActionHandler",
            &[
                action.name().into(),
                closure.as_ref().unchecked_ref::<JsValue>().clone(),
            ],
        );
        if taken.is_ok() {
            kept.push((action, closure));
        }
    }
    Ok(Handlers { actions: kept })
}

impl Drop for Handlers {
    fn drop(&mut self) {
        if let Ok(session) = session() {
            for (action, _) in &self.actions {
                let _ = invoke(
                    &session,
                    "setActionHandler",
                    &[action.name().into(), JsValue::NULL],
                );
            }
            set(&session, "metadata", &JsValue::NULL);
            set(&session, "playbackState", &"none".into());
        }
    }
}
