//! Inline SVG icons: no icon font or image request, and they take `currentColor`.

use leptos::prelude::*;

/// Which icon to draw.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IconKind {
    Home,
    Gear,
    List,
    Shield,
    Chart,
}

/// A decorative 24×24 icon. It is hidden from assistive technology, so the
/// control that holds it must carry the accessible name.
#[component]
pub fn Icon(kind: IconKind) -> impl IntoView {
    let path = match kind {
        IconKind::Home => "M4 10.5 12 4l8 6.5V20a1 1 0 0 1-1 1h-5v-6h-4v6H5a1 1 0 0 1-1-1z",
        IconKind::List => "M4 6h2v2H4zm4 0h12v2H8zM4 11h2v2H4zm4 0h12v2H8zm-4 5h2v2H4zm4 0h12v2H8z",
        IconKind::Chart => "M4 20h16v-2H4zm1-4h3v-6H5zm5 0h3V5h-3zm5 0h3v-9h-3z",
        IconKind::Shield => "M12 2 4 5v6c0 5 3.4 9.4 8 11 4.6-1.6 8-6 8-11V5zm-1 5h2v6h-2zm0 8h2v2h-2z",
        IconKind::Gear => "M19.4 13a7.7 7.7 0 0 0 0-2l2.1-1.6-2-3.5-2.5 1a7 7 0 0 0-1.7-1L15 3h-4l-.4 2.7a7 7 0 0 0-1.7 1l-2.5-1-2 3.5L6.6 11a7.7 7.7 0 0 0 0 2l-2.2 1.6 2 3.5 2.5-1a7 7 0 0 0 1.7 1L11 21h4l.3-2.7a7 7 0 0 0 1.7-1l2.5 1 2-3.5zM13 15.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7z",
    };
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d=path fill="currentColor" />
        </svg>
    }
}
