//! Coming back to the app with a session left halfway: resume or discard it.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::domain::live::WallState;
use crate::platform::time::now_ms;
use crate::storage::live;

/// Offers the kept session on every page but the player's. It is read again
/// on each navigation, so a session left by a link shows at once.
#[component]
pub fn ResumeBanner() -> impl IntoView {
    let location = use_location();
    // Bumped by Discard, to read storage again.
    let version = RwSignal::new(0u32);
    let kept = Memo::new(move |_| {
        if location.pathname.get().starts_with("/play/") {
            return None;
        }
        version.track();
        live::load(now_ms())
            .filter(|l| l.snapshot.state != WallState::Ready)
            .map(|l| (l.path.clone(), l.routine_name.clone(), l.where_words()))
    });
    move || {
        kept.get().map(|(path, name, place)| {
            view! {
                <section class="notice resume" aria-labelledby="resume-title">
                    <h2 id="resume-title">"Your session is waiting"</h2>
                    <p>{if place == name { name } else { format!("{name}: {place}") }}</p>
                    <div class="actions">
                        <A href=path attr:class="button">"Resume"</A>
                        <button
                            type="button"
                            class="button secondary"
                            on:click=move |_| {
                                live::forget();
                                version.update(|v| *v += 1);
                            }
                        >
                            "Discard"
                        </button>
                    </div>
                </section>
            }
        })
    }
}
