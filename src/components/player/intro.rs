//! Before the start: what is coming, the pain rating and the Start button.

use leptos::prelude::*;

use super::rating::{PainRating, VoiceToggle};
use crate::domain::routine::{clock, exercise_count};
use crate::hooks::use_player_session::PlayerSession;
use crate::hooks::use_settings::use_settings;
use crate::platform::wake_lock;

#[component]
pub fn Intro(session: PlayerSession, changes: Vec<String>) -> impl IntoView {
    // The person's own timings, as the routine page counts them.
    let timing = use_settings().with_untracked(|s| s.timing());
    let (name, total, count) = session.routine.with_value(|r| {
        (
            r.name.clone(),
            r.total_seconds(&timing),
            exercise_count(r.steps.len()),
        )
    });
    view! {
        <div class="player-intro">
            <h1>{name}</h1>
            <p class="lead">
                {format!("{} · {count}", clock(total))}
            </p>
            <Changes changes />
            <PainRating value=session.pain_before name="pain-before" legend="How does your back feel right now?" />
            <VoiceToggle voice=session.voice />
            <p class="small">"Move slowly. Stretch to mild tension, never into pain."</p>
            {(!wake_lock::supported()).then(|| view! {
                <p class="small">
                    "This browser can't keep the screen on, so it may dim during the session. The timer stays right: tap the screen to look."
                </p>
            })}
            <div class="player-controls">
                <button type="button" class="button big" on:click=move |_| session.start()>
                    "Start"
                </button>
            </div>
        </div>
    }
}

/// What was changed to suit the person's cautions, if anything.
#[component]
pub fn Changes(changes: Vec<String>) -> impl IntoView {
    (!changes.is_empty()).then(|| {
        view! {
            <div class="notice adapted" role="note" aria-labelledby="adapted-heading">
                <h2 id="adapted-heading">"Changed for you"</h2>
                <ul>{changes.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
                <p class="small"><a href="/settings#your-health">"Your cautions"</a></p>
            </div>
        }
    })
}
