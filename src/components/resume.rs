//! Coming back to the app with a session left halfway: resume or discard it.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::domain::live::WallState;
use crate::hooks::use_history::use_history;
use crate::platform::time::now_ms;
use crate::storage::live;

/// Offers the kept session on every page but the player's. A session that
/// finished, or was left too long ago to offer, goes to the history instead
/// (what was done in it) and is not offered.
#[component]
pub fn ResumeBanner() -> impl IntoView {
    let location = use_location();
    let history = use_history();
    // (path, routine name, where it was)
    let kept = RwSignal::new(None::<(String, String, String)>);
    let look = move || {
        let now = now_ms();
        let offer = live::load().and_then(|l| {
            let done = l.snapshot.state == WallState::Finished || l.is_stale(now);
            if done {
                let stored = match (l.record(now), history) {
                    (Some(record), Some(store)) => store.add(record),
                    // Nothing reached: nothing to keep.
                    (None, _) => true,
                    (Some(_), None) => false,
                };
                if stored {
                    live::forget();
                }
                return None;
            }
            (l.snapshot.state != WallState::Ready)
                .then(|| (l.path.clone(), l.routine_name.clone(), l.where_words()))
        });
        kept.set(offer);
    };
    Effect::new(move |_| {
        if location.pathname.get().starts_with("/play/") {
            kept.set(None);
            return;
        }
        // A task later: the page being left (the player, saving its
        // session as it goes) is cleaned up by then.
        set_timeout(look, std::time::Duration::ZERO);
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
                                kept.set(None);
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
