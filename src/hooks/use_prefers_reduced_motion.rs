use crate::platform::media;

/// Whether the person asked their system for less motion. Read once per
/// mount: the setting rarely changes while a page is open, and a listener
/// would need tearing down on every figure.
pub fn use_prefers_reduced_motion() -> bool {
    // A browser that cannot answer gets motion, the web's default.
    media::matches("(prefers-reduced-motion: reduce)").unwrap_or(false)
}
