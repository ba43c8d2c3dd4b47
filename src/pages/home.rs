use leptos::prelude::*;

use crate::hooks::use_title::use_title;

/// `/`: where a session starts.
#[component]
pub fn Home() -> impl IntoView {
    use_title("Home");
    view! {
        <section class="page">
            <h1>"Gentle stretches for your lower back"</h1>
            <p class="lead">
                "Short guided routines you can follow on your phone, with no account and no network. "
                "Move slowly, stretch to mild tension, and never into pain."
            </p>
        </section>
    }
}
