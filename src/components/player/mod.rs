//! The guided session: get ready, hold, switch sides, rest, done. Time comes
//! from the clock through the pure engine ([`use_player_session`]); these
//! views only read the session's handle and call its controls.

mod finish;
mod intro;
mod playing;
mod rating;
mod sheets;

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::domain::routine::Routine;
use crate::hooks::use_clock::use_clock;
use crate::hooks::use_cue_track::use_cue_track;
use crate::hooks::use_media_session::use_media_session;
use crate::hooks::use_player_session::{use_player_session, Screen};
use crate::hooks::use_title::use_title;

pub use intro::Changes;

/// Moves focus to the first element matching `selector` once the next
/// frame has drawn it (`autofocus` is ignored on elements added after load).
fn focus_soon(selector: &'static str) {
    request_animation_frame(move || {
        let found = document()
            .query_selector(selector)
            .ok()
            .flatten()
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
        if let Some(element) = found {
            // An element that cannot take focus leaves it where it was.
            let _ = element.focus();
        }
    });
}

/// Plays `routine`.
#[component]
pub fn Player(
    routine: Routine,
    /// What was changed to suit the person's cautions, in words.
    #[prop(optional)]
    changes: Vec<String>,
) -> impl IntoView {
    use_title(routine.name.clone());
    let Some(clock) = use_clock() else {
        return view! {
            <section class="page">
                <h1>"This browser has no reliable clock"</h1>
                <p>"Limber needs one to time your stretches. Try a current browser."</p>
            </section>
        }
        .into_any();
    };
    // Where to come back to, query and hash included (a shared routine
    // lives in the hash). The router's location: the browser's address
    // changes only after this page has rendered.
    let location = use_location();
    let path = untrack(|| {
        let search = location.search.get();
        let query = if search.is_empty() {
            String::new()
        } else {
            format!("?{search}")
        };
        format!("{}{query}{}", location.pathname.get(), location.hash.get())
    });
    let session = use_player_session(routine, clock, path);
    use_media_session(session);
    use_cue_track(session);
    // Which screen shows changes rarely: the memo keeps every clock sample
    // from rebuilding it.
    let body = move || match session.screen.get() {
        Screen::Intro => view! { <intro::Intro session changes=changes.clone() /> }.into_any(),
        Screen::Playing => view! { <playing::Playing session /> }.into_any(),
        Screen::Finish => view! { <finish::Finish session /> }.into_any(),
    };
    view! {
        <section class="player">
            {body}
            <p class="sr-only" aria-live="polite">{move || session.announcement.get()}</p>
        </section>
    }
    .into_any()
}
