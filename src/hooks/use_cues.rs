use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use web_sys::{AudioContext, OscillatorNode, OscillatorType};

use crate::domain::cue::{notes, Tone};
use crate::platform::{audio, speech, vibration, wake_lock, ApiError};

/// Sound, voice, vibration and the screen wake lock for the player. Sound is
/// scheduled on the audio clock ahead of each boundary, so it plays on time
/// while the screen is off and timers are throttled. Each part goes through
/// [`crate::platform`] and is simply absent where the browser lacks it: a cue that
/// fails must never stop the clock.
#[derive(Clone)]
pub struct Cues {
    inner: Rc<RefCell<Inner>>,
}

#[derive(Default)]
struct Inner {
    audio: Option<AudioContext>,
    scheduled: Vec<OscillatorNode>,
    wake_lock: Option<wake_lock::Sentinel>,
    wants_wake_lock: bool,
}

/// Creates the cue player; on unmount it silences everything it scheduled,
/// closes its audio context and releases the wake lock.
pub fn use_cues() -> Cues {
    let cues = Cues {
        inner: Rc::default(),
    };
    let on_unmount = StoredValue::new_local(cues.clone());
    on_cleanup(move || {
        on_unmount.with_value(|cues| {
            cues.cancel_tones();
            cues.release_wake_lock();
            if let Some(context) = cues.inner.borrow_mut().audio.take() {
                audio::close(&context);
            }
        });
    });
    cues
}

impl Cues {
    /// Creates (or resumes) the audio context. Call from the Start or
    /// Resume tap: browsers allow sound only after a person's gesture.
    pub fn unlock(&self) {
        let mut inner = self.inner.borrow_mut();
        match &inner.audio {
            Some(context) => audio::resume(context),
            // No Web Audio: the countdown, voice and buzz still guide.
            None => inner.audio = audio::unlocked_context().ok(),
        }
    }

    /// Replaces every scheduled tone with `tones` (times on the player's
    /// clock, which reads `now` at this moment).
    pub fn schedule(&self, now: u64, tones: &[(u64, Tone)], volume: f32) {
        self.cancel_tones();
        let mut inner = self.inner.borrow_mut();
        let Some(audio) = inner.audio.clone() else {
            return;
        };
        let start = audio.current_time();
        for (at, tone) in tones {
            let offset =
                f64::from(u32::try_from(at.saturating_sub(now)).unwrap_or(u32::MAX)) / 1000.0;
            for &(delay, frequency, length) in notes(*tone) {
                if let Some(node) = beep(&audio, start + offset + delay, frequency, length, volume)
                {
                    inner.scheduled.push(node);
                }
            }
        }
    }

    /// Silences every tone not yet played (on pause, skip, back and end).
    pub fn cancel_tones(&self) {
        for node in self.inner.borrow_mut().scheduled.drain(..) {
            // Stopping a node that already played throws; that is fine.
            let _ = node.stop();
        }
    }

    /// Speaks `text` with an offline voice (the one named, if installed).
    pub fn say(&self, text: &str, preferred: Option<&str>) -> Result<(), ApiError> {
        speech::synth()
            .ok_or(ApiError::Missing)?
            .say(text, preferred)
    }

    /// A short buzz where the device can.
    pub fn vibrate(&self, ms: u32) -> Result<bool, ApiError> {
        vibration::vibrate(ms)
    }

    /// Keeps the screen on while playing; asks again after the page was hidden.
    pub fn hold_wake_lock(&self) {
        self.inner.borrow_mut().wants_wake_lock = true;
        if self.inner.borrow().wake_lock.is_some() || !wake_lock::supported() {
            return;
        }
        let inner = Rc::clone(&self.inner);
        leptos::task::spawn_local(async move {
            // Refused (battery saver, hidden page): the screen may sleep; the
            // timer stays right because it reads the clock.
            if let Ok(sentinel) = wake_lock::request().await {
                let mut inner = inner.borrow_mut();
                if inner.wants_wake_lock {
                    inner.wake_lock = Some(sentinel);
                } else {
                    sentinel.release();
                }
            }
        });
    }

    /// Lets the screen sleep again (on pause and at the end).
    pub fn release_wake_lock(&self) {
        let mut inner = self.inner.borrow_mut();
        inner.wants_wake_lock = false;
        if let Some(sentinel) = inner.wake_lock.take() {
            sentinel.release();
        }
    }

    /// After the page was hidden the browser drops the lock; take it again.
    pub fn restore_wake_lock(&self) {
        let wants = self.inner.borrow().wants_wake_lock;
        if wants {
            self.inner.borrow_mut().wake_lock = None;
            self.hold_wake_lock();
        }
    }
}

/// One soft sine note at `at` on the audio clock.
fn beep(
    audio: &AudioContext,
    at: f64,
    frequency: f32,
    length: f64,
    volume: f32,
) -> Option<OscillatorNode> {
    let oscillator = audio.create_oscillator().ok()?;
    let gain = audio.create_gain().ok()?;
    oscillator.set_type(OscillatorType::Sine);
    oscillator.frequency().set_value(frequency);
    // A quick fade in and out: no click at either end.
    let level = gain.gain();
    level.set_value_at_time(0.0, at).ok()?;
    level.linear_ramp_to_value_at_time(volume, at + 0.01).ok()?;
    level.linear_ramp_to_value_at_time(0.0, at + length).ok()?;
    oscillator.connect_with_audio_node(&gain).ok()?;
    gain.connect_with_audio_node(&audio.destination()).ok()?;
    oscillator.start_with_when(at).ok()?;
    oscillator.stop_with_when(at + length + 0.05).ok()?;
    Some(oscillator)
}
