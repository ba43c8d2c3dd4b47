//! Lock-screen, headset and watch controls for a session in progress.

use leptos::prelude::*;

use crate::domain::cue::phase_title;
use crate::domain::plan::Side;
use crate::hooks::use_player_session::{PlayerSession, Screen};
use crate::platform::media_session::{self, Action, Metadata};

/// While the session plays, the lock screen (or a watch) shows the
/// exercise, the phase and the figure, and its play, pause, next and
/// previous buttons drive the session as the on-screen ones do. Where the
/// browser has no Media Session this does nothing; everything is handed
/// back on unmount.
pub fn use_media_session(session: PlayerSession) {
    let handlers = media_session::handle(
        &[Action::Play, Action::Pause, Action::Next, Action::Previous],
        move |action| match action {
            Action::Play if session.paused_untracked() => session.toggle(),
            Action::Pause if !session.paused_untracked() => session.toggle(),
            Action::Next => session.skip(),
            Action::Previous => session.back(),
            Action::Play | Action::Pause => {}
        },
    );
    // No Media Session here: there is nothing to show it on either.
    let Ok(handlers) = handlers else { return };
    let handlers = StoredValue::new_local(Some(handlers));
    on_cleanup(move || handlers.update_value(|h| drop(h.take())));
    Effect::new(move |_| {
        if session.screen.get() != Screen::Playing {
            // Finished: nothing is playing any more.
            let _ = media_session::set_metadata(None);
            let _ = media_session::set_playing(false);
            return;
        }
        let Some(segment) = session.segment() else {
            return;
        };
        let Some(stretch) = session.current_stretch() else {
            return;
        };
        let paused = session.paused();
        let phase = if paused {
            "Paused".to_string()
        } else {
            phase_title(&segment)
        };
        let artwork = stretch
            .figure
            .artwork_url(segment.side == Some(Side::Right));
        let album = session.routine.with_value(|r| r.name.clone());
        // A lock screen that refuses the details still has its buttons.
        let _ = media_session::set_metadata(Some(&Metadata {
            title: stretch.name,
            artist: &phase,
            album: &album,
            artwork: Some((&artwork, "image/svg+xml")),
        }));
        let _ = media_session::set_playing(!paused);
    });
}
