//! The session in progress, kept so that a reload or a closed tab loses
//! nothing (see [`LiveSession`]).

use crate::domain::json::{self, FromJson, ToJson};
use crate::domain::live::{LiveSession, LIVE_KEY};

/// The kept session, if there is one. Kept text that cannot be read is
/// forgotten: it is a bookmark to come back to, and what was done in it
/// went to the history when it was saved or left (see
/// [`LiveSession::record`]).
pub fn load() -> Option<LiveSession> {
    let text = super::read(LIVE_KEY).ok()??;
    let live = json::parse(&text)
        .and_then(|value| LiveSession::from_json(&value))
        .ok();
    if live.is_none() {
        forget();
    }
    live
}

/// Keeps `live`. A write the browser refuses (full, private window) only
/// means a reload starts the session again; the session itself goes on,
/// and the history is saved and reported on its own.
pub fn store(live: &LiveSession) {
    let _ = super::write(LIVE_KEY, &live.to_json_string());
}

/// Forgets the kept session (saved to the history, discarded, or done).
pub fn forget() {
    // Nothing to tell: at worst Home offers a session that is already saved.
    let _ = super::remove(LIVE_KEY);
}
