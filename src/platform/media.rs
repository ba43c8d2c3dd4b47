//! `matchMedia`: every current browser has it, but an embedded WebView may
//! not, and a query it cannot parse must not throw.

use super::{global, invoke, property};

/// Whether the media query `query` matches now; `None` where the browser
/// cannot say.
pub fn matches(query: &str) -> Option<bool> {
    let list = invoke(&global(), "matchMedia", &[query.into()]).ok()?;
    property(&list, "matches")?.as_bool()
}
