use leptos::prelude::*;

use crate::components::missing::Missing;

/// Any path the router does not know.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <Missing
            title="Page not found"
            message="There is nothing at this address. The link may be old or mistyped."
            href="/"
            label="Go to the home page"
        />
    }
}
