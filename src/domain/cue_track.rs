//! The cue track: a session's tones rendered into one sound file (WAV), for
//! an `<audio>` element to play. Unlike tones scheduled through Web Audio,
//! a playing track keeps sounding when the screen locks or the tab is
//! hidden, when timers stop and the page may be suspended. It holds no
//! time of its own: the player seeks it to the engine's place in the
//! routine on every control and whenever the page comes back.

use super::cue::{notes, Tone};
use super::figure::sin_cos;

/// Samples per second. Every note is under 1 kHz, so 8 kHz carries it
/// cleanly, and a minute of track is 480 KB instead of 5 MB at 44.1 kHz.
pub const SAMPLE_RATE: u32 = 8000;
/// Unsigned 8-bit samples: silence is the middle value.
const SILENCE: u8 = 128;
/// Each note fades in over this long, so it starts without a click but is
/// heard at once.
const FADE_IN_S: f64 = 0.01;

/// A WAV file (8-bit mono PCM at [`SAMPLE_RATE`]) `length_ms` long, with
/// each of `tones` at its time in ms from the track's start, at `volume`
/// (0 to 1). Tones past the end are cut off.
pub fn render(tones: &[(u64, Tone)], length_ms: u64, volume: f32) -> Vec<u8> {
    let rate = u64::from(SAMPLE_RATE);
    let samples = usize::try_from(length_ms * rate / 1000).unwrap_or(0);
    let mut wav = header(samples);
    let start = wav.len();
    wav.resize(start + samples, SILENCE);
    let pcm = &mut wav[start..];
    let amplitude = 127.0 * f64::from(volume.clamp(0.0, 1.0));
    for &(at, tone) in tones {
        for &(delay, frequency, length) in notes(tone) {
            // Whole samples from the track's start: exact for every ms.
            let first = at * rate / 1000 + seconds_to_samples(delay);
            let count = seconds_to_samples(length);
            for n in 0..count {
                let Some(sample) = usize::try_from(first + n).ok().and_then(|i| pcm.get_mut(i))
                else {
                    break;
                };
                let t = n as f64 / rate as f64;
                let envelope = if t < FADE_IN_S {
                    t / FADE_IN_S
                } else {
                    (length - t) / (length - FADE_IN_S)
                };
                // The figures' short series, not libm's `sin` (3 KB of wasm).
                let wave = sin_cos(360.0 * f64::from(frequency) * t).0;
                let value = f64::from(*sample) + amplitude * envelope.max(0.0) * wave;
                // Notes that overlap add up; the sum stays within 8 bits.
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let clamped = value.round().clamp(0.0, 255.0) as u8;
                *sample = clamped;
            }
        }
    }
    wav
}

#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn seconds_to_samples(seconds: f64) -> u64 {
    (seconds * f64::from(SAMPLE_RATE)).round() as u64
}

/// The 44-byte RIFF header for `samples` 8-bit mono samples.
fn header(samples: usize) -> Vec<u8> {
    let data = u32::try_from(samples).unwrap_or(u32::MAX - 36);
    let mut out = Vec::with_capacity(44 + samples);
    out.extend_from_slice(b"RIFF");
    out.extend_from_slice(&(36 + data).to_le_bytes());
    out.extend_from_slice(b"WAVEfmt ");
    out.extend_from_slice(&16u32.to_le_bytes());
    out.extend_from_slice(&1u16.to_le_bytes()); // PCM
    out.extend_from_slice(&1u16.to_le_bytes()); // mono
    out.extend_from_slice(&SAMPLE_RATE.to_le_bytes());
    out.extend_from_slice(&SAMPLE_RATE.to_le_bytes()); // bytes per second
    out.extend_from_slice(&1u16.to_le_bytes()); // bytes per frame
    out.extend_from_slice(&8u16.to_le_bytes()); // bits per sample
    out.extend_from_slice(b"data");
    out.extend_from_slice(&data.to_le_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::cue::plan_tones;
    use crate::domain::plan::{Plan, Timing};
    use crate::domain::routine::Routine;

    /// Where sound starts after `from` (a sample index), if anywhere.
    fn onset(pcm: &[u8], from: usize) -> Option<usize> {
        pcm[from..]
            .iter()
            .position(|s| s.abs_diff(SILENCE) > 2)
            .map(|i| from + i)
    }

    /// The pitch of the note starting at `at`, from its zero crossings.
    fn pitch(pcm: &[u8], at: usize, seconds: f64) -> f64 {
        let span = (seconds * f64::from(SAMPLE_RATE)) as usize;
        let note = &pcm[at..at + span];
        let crossings = note
            .windows(2)
            .filter(|w| (w[0] < SILENCE) != (w[1] < SILENCE))
            .count();
        crossings as f64 / 2.0 / seconds
    }

    #[test]
    fn every_cue_sounds_within_5_ms_of_its_boundary_with_its_own_tone() {
        for id in ["desk-break", "morning-mobility"] {
            let routine = Routine::builtin(id).expect("shipped");
            let plan = Plan::new(&routine, &Timing::default());
            let tones = plan_tones(&plan.segments);
            let wav = render(&tones, plan.total_ms() + 1000, 0.8);
            assert_eq!(&wav[..4], b"RIFF");
            assert_eq!(&wav[8..16], b"WAVEfmt ");
            let pcm = &wav[44..];
            let per_ms = f64::from(SAMPLE_RATE) / 1000.0;
            let mut quiet_from = 0;
            for &(at, tone) in &tones {
                let planned = (at as f64 * per_ms) as usize;
                assert!(
                    pcm[quiet_from..planned.saturating_sub(1)]
                        .iter()
                        .all(|s| s.abs_diff(SILENCE) <= 2),
                    "{id}: silence before the {tone:?} at {at} ms"
                );
                let heard = onset(pcm, planned.saturating_sub(40)).expect("a sound");
                let off = (heard as f64 - planned as f64) / per_ms;
                assert!(
                    off.abs() <= 5.0,
                    "{id}: {tone:?} at {at} ms starts {off:.2} ms off"
                );
                let (_, frequency, length) = notes(tone)[0];
                let measured = pitch(pcm, heard, length.min(0.06));
                assert!(
                    (measured - f64::from(frequency)).abs() <= f64::from(frequency) * 0.08,
                    "{id}: {tone:?} at {at} ms sounds at {measured:.0} Hz, not {frequency} Hz"
                );
                let last = notes(tone).last().map_or(0.0, |(d, _, l)| d + l);
                quiet_from = planned + (last * f64::from(SAMPLE_RATE)) as usize + 2;
            }
        }
    }

    #[test]
    fn the_track_is_as_long_as_asked_and_silent_at_volume_zero() {
        let tones = [(500, Tone::Go), (1500, Tone::Done)];
        let wav = render(&tones, 2000, 0.0);
        assert_eq!(wav.len(), 44 + 2 * SAMPLE_RATE as usize);
        assert!(wav[44..].iter().all(|s| *s == SILENCE));
        // A tone past the end is cut off, not a panic.
        let short = render(&tones, 600, 1.0);
        assert_eq!(short.len(), 44 + 600 * SAMPLE_RATE as usize / 1000);
    }
}
