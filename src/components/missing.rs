use leptos::prelude::*;
use leptos_router::components::A;

use crate::hooks::use_title::use_title;

/// A not-found page that says what was missing and where to go instead.
#[component]
pub fn Missing(
    /// The heading, e.g. "Stretch not found".
    title: &'static str,
    /// One or two sentences on what happened.
    message: &'static str,
    /// Where to go instead.
    href: &'static str,
    /// The link's text.
    label: &'static str,
) -> impl IntoView {
    use_title(title);
    view! {
        <section class="page">
            <h1>{title}</h1>
            <p>{message}</p>
            <p>
                <A href=href attr:class="button">{label}</A>
            </p>
        </section>
    }
}
