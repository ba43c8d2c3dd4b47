use leptos::prelude::*;

use crate::hooks::use_title::use_title;

/// `/about`: what Limber is, what it is not, and where your data lives.
#[component]
pub fn About() -> impl IntoView {
    use_title("About");
    view! {
        <section class="page prose">
            <h1>"About Limber"</h1>
            <p>
                "Limber is a stretching coach for people with everyday lower-back stiffness. "
                "It guides you through short routines with a clear countdown, sounds and spoken cues."
            </p>
            <h2>"Your data stays with you"</h2>
            <p>
                "Limber works offline and has no account. Everything you save stays in this browser "
                "on this device, and nothing is sent anywhere."
            </p>
            <h2>"Not medical advice"</h2>
            <p>
                "Limber does not diagnose or treat any condition. If you are unsure whether "
                "stretching is right for you, ask a doctor or physiotherapist first."
            </p>
        </section>
    }
}
