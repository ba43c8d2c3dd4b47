use leptos::prelude::*;
use leptos_router::components::A;

use crate::hooks::use_title::use_title;

/// Any path the router does not know.
#[component]
pub fn NotFound() -> impl IntoView {
    use_title("Page not found");
    view! {
        <section class="page">
            <h1>"Page not found"</h1>
            <p>"There is nothing at this address. The link may be old or mistyped."</p>
            <p>
                <A href="/" attr:class="button">"Go to the home page"</A>
            </p>
        </section>
    }
}
