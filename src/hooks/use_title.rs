use leptos::prelude::*;

/// Sets the document title to "`title` · Limber" while the calling page is
/// shown, so tabs, history and screen readers name the page.
pub fn use_title(title: impl Into<String>) {
    let full = format!("{} · Limber", title.into());
    Effect::new(move |_| document().set_title(&full));
}
