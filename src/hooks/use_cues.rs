use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys::{Function, Promise, Reflect};
use web_sys::{AudioContext, OscillatorNode, OscillatorType, SpeechSynthesisUtterance};

use crate::domain::cue::Tone;

/// Sound, voice, vibration and the screen wake lock for the player. Sound is
/// scheduled on the audio clock ahead of each boundary, so it plays on time
/// while the screen is off and timers are throttled. Every part is silently
/// absent where the browser lacks it.
#[derive(Clone)]
pub struct Cues {
    inner: Rc<RefCell<Inner>>,
}

#[derive(Default)]
struct Inner {
    audio: Option<AudioContext>,
    scheduled: Vec<OscillatorNode>,
    wake_lock: Option<JsValue>,
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
            if let Some(audio) = cues.inner.borrow_mut().audio.take() {
                // Closing returns a promise; nothing is left to do if it fails.
                let _ = audio.close();
            }
        });
    });
    cues
}

impl Cues {
    /// Creates the audio context. Call from the Start tap: browsers allow
    /// sound only after a person's gesture.
    pub fn unlock(&self) {
        let mut inner = self.inner.borrow_mut();
        if inner.audio.is_none() {
            // An "ambient" audio session mixes with the person's music
            // instead of stopping it (Safari); other browsers mix already.
            if let Some(session) = property(&window().navigator().into(), "audioSession") {
                let _ = Reflect::set(&session, &"type".into(), &"ambient".into());
            }
            inner.audio = AudioContext::new().ok();
        }
        if let Some(audio) = &inner.audio {
            let _ = audio.resume();
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

    /// Speaks `text` with an offline voice (the one named, if installed), if
    /// the device has one.
    pub fn say(&self, text: &str, preferred: Option<&str>) {
        let Ok(synth) = window().speech_synthesis() else {
            return;
        };
        let voices = synth.get_voices();
        let local: Vec<web_sys::SpeechSynthesisVoice> = voices
            .iter()
            .filter_map(|v| v.dyn_into::<web_sys::SpeechSynthesisVoice>().ok())
            .filter(|v| v.local_service())
            .collect();
        let local = local
            .iter()
            .find(|v| Some(v.name().as_str()) == preferred)
            .or_else(|| {
                local
                    .iter()
                    .find(|v| v.default() || v.lang().starts_with("en"))
            })
            .cloned();
        // Offline voices only: a network voice would fail without a
        // connection and would send the words off the device.
        let Some(voice) = local else {
            return;
        };
        if let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(text) {
            utterance.set_voice(Some(&voice));
            synth.cancel();
            synth.speak(&utterance);
        }
    }

    /// A short buzz where the device can.
    pub fn vibrate(&self, ms: u32) {
        let _ = window().navigator().vibrate_with_duration(ms);
    }

    /// Keeps the screen on while playing; asks again after the page was hidden.
    pub fn hold_wake_lock(&self) {
        self.inner.borrow_mut().wants_wake_lock = true;
        if self.inner.borrow().wake_lock.is_some() {
            return;
        }
        let Some(lock) = property(&window().navigator().into(), "wakeLock") else {
            return;
        };
        let Some(request) = property(&lock, "request").and_then(|f| f.dyn_into::<Function>().ok())
        else {
            return;
        };
        let Ok(promise) = request.call1(&lock, &"screen".into()) else {
            return;
        };
        let inner = Rc::clone(&self.inner);
        leptos::task::spawn_local(async move {
            // Refused (battery saver, hidden page): the screen may sleep; the
            // timer stays right because it reads the clock.
            if let Ok(sentinel) = wasm_bindgen_futures::JsFuture::from(Promise::from(promise)).await
            {
                let mut inner = inner.borrow_mut();
                if inner.wants_wake_lock {
                    inner.wake_lock = Some(sentinel);
                } else {
                    release(&sentinel);
                }
            }
        });
    }

    /// Lets the screen sleep again (on pause and at the end).
    pub fn release_wake_lock(&self) {
        let mut inner = self.inner.borrow_mut();
        inner.wants_wake_lock = false;
        if let Some(sentinel) = inner.wake_lock.take() {
            release(&sentinel);
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

fn property(target: &JsValue, name: &str) -> Option<JsValue> {
    Reflect::get(target, &name.into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

fn release(sentinel: &JsValue) {
    if let Some(release) = property(sentinel, "release").and_then(|f| f.dyn_into::<Function>().ok())
    {
        let _ = release.call0(sentinel);
    }
}

/// (delay after the boundary in s, frequency in Hz, length in s) for each note.
fn notes(tone: Tone) -> &'static [(f64, f32, f64)] {
    match tone {
        Tone::Go => &[(0.0, 880.0, 0.18)],
        Tone::Tick => &[(0.0, 660.0, 0.07)],
        Tone::Switch => &[(0.0, 660.0, 0.12), (0.16, 880.0, 0.12)],
        Tone::Rest => &[(0.0, 440.0, 0.3)],
        Tone::Done => &[(0.0, 523.0, 0.15), (0.17, 659.0, 0.15), (0.34, 784.0, 0.3)],
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
