use leptos::prelude::*;

/// Whether the person asked their system for less motion. Read once per
/// mount: the setting rarely changes while a page is open, and a listener
/// would need tearing down on every figure.
pub fn use_prefers_reduced_motion() -> bool {
    // A browser that cannot answer gets motion, the web's default.
    window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches())
}
