use leptos::prelude::*;

/// A monotonic clock in milliseconds. The player reads time only through
/// this, so a test can substitute the browser's clock without the app knowing.
pub trait Clock {
    fn now_ms(&self) -> u64;
}

/// `performance.now()`: monotonic, unaffected by wall-clock changes, and still
/// correct after the page was throttled or frozen.
#[derive(Clone)]
pub struct PerformanceClock(web_sys::Performance);

impl Clock for PerformanceClock {
    fn now_ms(&self) -> u64 {
        // Float-to-int casts saturate; the clock never goes below zero.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let ms = self.0.now().max(0.0) as u64;
        ms
    }
}

/// The page's clock. Every browser Limber supports has `performance`; if it
/// were missing, the player would have no honest time to show at all.
pub fn use_clock() -> Option<PerformanceClock> {
    window().performance().map(PerformanceClock)
}
