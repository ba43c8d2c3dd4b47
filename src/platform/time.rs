//! Wall-clock time and the person's calendar. `Date` exists in every
//! JavaScript engine, so these cannot fail; they live here so that all
//! browser glue is in one place.

use wasm_bindgen::JsValue;
use web_sys::js_sys::{Date, Object};

use crate::domain::stats::local_day;

/// Wall-clock milliseconds since the Unix epoch.
pub fn now_ms() -> u64 {
    // Whole milliseconds since the epoch; the cast saturates.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let ms = Date::now().max(0.0) as u64;
    ms
}

/// Today as a local calendar day, and the device's offset from UTC in
/// minutes (what `domain::stats` needs).
pub fn local_today() -> (i64, i32) {
    // The offset is a whole number of minutes; JavaScript counts it westwards.
    #[allow(clippy::cast_possible_truncation)]
    let offset = -Date::new_0().get_timezone_offset() as i32;
    (local_day(now_ms(), offset), offset)
}

/// A moment in the person's own locale, e.g. "Sat, Nov 21, 2:05 PM".
pub fn local_date_time(epoch_ms: u64) -> String {
    let date = Date::new(&JsValue::from_f64(epoch_ms as f64));
    let options = Object::new();
    for (key, value) in [
        ("weekday", "short"),
        ("month", "short"),
        ("day", "numeric"),
        ("hour", "numeric"),
        ("minute", "2-digit"),
    ] {
        super::set(&options, key, &value.into());
    }
    date.to_locale_string("default", &options).into()
}
