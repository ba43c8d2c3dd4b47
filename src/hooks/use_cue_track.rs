//! Cues that go on with the screen off: the session's tones as one track.

use leptos::prelude::*;

use crate::domain::cue::plan_tones;
use crate::domain::cue_track;
use crate::domain::engine::State;
use crate::domain::plan::Segment;
use crate::hooks::use_document_event::use_document_event;
use crate::hooks::use_player_session::PlayerSession;
use crate::platform::track;

/// How far the track may drift from the engine before it is moved back.
/// Seeking costs a moment of sound, so small drift is left alone.
const MAX_DRIFT_S: f64 = 0.25;

/// While the person has asked for it (Settings, "Cues with the screen
/// off"), plays the session's tones as a track that keeps sounding when the
/// screen locks or the tab is hidden. The engine stays the one clock: every
/// start, pause, resume, skip, back and swap moves the track to the
/// engine's place, and so does coming back to the page.
pub fn use_cue_track(session: PlayerSession) {
    let Some(volume) = session.track_volume() else {
        return;
    };
    // The track and the plan it was made for (a swap changes the plan).
    let loaded = StoredValue::new_local(None::<(Vec<Segment>, track::Track)>);
    let sync = move || {
        // Given up on here (see `tones_without_track`).
        if session.track_volume().is_none() {
            return;
        }
        let (state, segments) = session
            .engine
            .with_untracked(|e| (e.state(), e.segments().to_vec()));
        // At the end the track plays on: its last second is the Done chime.
        if state == State::Finished {
            return;
        }
        if !matches!(state, State::Running { .. }) {
            loaded.with_value(|l| {
                if let Some((_, track)) = l {
                    track.pause();
                }
            });
            return;
        }
        let stale =
            loaded.with_value(|l| l.as_ref().is_none_or(|(made_for, _)| *made_for != segments));
        if stale {
            let total: u64 = segments.iter().map(|s| s.duration_ms).sum();
            // The tail lets the last tone ring out.
            let wav = cue_track::render(&plan_tones(&segments), total + 1000, volume);
            match track::Track::new(&wav) {
                Ok(made) => loaded.set_value(Some((segments, made))),
                Err(_) => {
                    // This browser cannot make the file: the tones come
                    // through Web Audio instead, as without the setting.
                    session.tones_without_track();
                    return;
                }
            }
        }
        let position = session.position_ms() as f64 / 1000.0;
        loaded.with_value(|l| {
            let Some((_, track)) = l else { return };
            if track.paused() {
                if track.play_from(position).is_err() {
                    session.tones_without_track();
                }
            } else if track
                .position()
                .is_none_or(|at| (at - position).abs() > MAX_DRIFT_S)
            {
                track.seek(position);
            }
        });
    };
    // Controls start and move the track within the tap itself (WebKit
    // plays sound only there); boundaries and the rest through the engine.
    session.after_each_control(sync);
    Effect::new(move |_| {
        Track::track(&session.engine);
        sync();
    });
    use_document_event("visibilitychange", sync);
    on_cleanup(move || loaded.set_value(None));
}
