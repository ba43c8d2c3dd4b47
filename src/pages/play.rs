use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_params_map, use_query_map};

use crate::components::missing::Missing;
use crate::components::player::Player;
use crate::domain::catalogue;
use crate::domain::routine::Routine;
use crate::domain::share;
use crate::hooks::use_routines::find_routine;
use crate::pages::shared::SharedRoutine;

/// `/play/:id`: a built-in or saved routine; `/play/shared#r=…` plays a
/// shared one without saving it.
#[component]
pub fn PlayRoutine() -> impl IntoView {
    let params = use_params_map();
    let hash = use_location().hash;
    move || {
        let id = params.with(|p| p.get("id").unwrap_or_default());
        if id == "shared" {
            let fragment = hash.with(|h| h.trim_start_matches('#').to_string());
            return match share::decode(&fragment) {
                Ok(custom) => {
                    let routine = custom.to_routine("shared");
                    view! { <Player routine /> }.into_any()
                }
                // The same page, with the same reason, as opening the link.
                Err(_) => view! { <SharedRoutine fragment /> }.into_any(),
            };
        }
        // Untracked: a routine saved in another tab mid-session must not
        // restart the player.
        match untrack(|| find_routine(&id)) {
            Some(routine) => view! { <Player routine /> }.into_any(),
            None => view! {
                <Missing
                    title="Routine not found"
                    message="We couldn't find that routine, so there is nothing to play."
                    href="/"
                    label="See all routines"
                />
            }
            .into_any(),
        }
    }
}

/// `/play/stretch/:id?hold=30`: one exercise on its own, with a chosen hold.
#[component]
pub fn PlayStretch() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    move || {
        let id = params.with(|p| p.get("id").unwrap_or_default());
        let hold = query
            .with(|q| q.get("hold"))
            .and_then(|h| h.parse::<u16>().ok());
        match catalogue::stretch(&id) {
            Some(stretch) => {
                let routine = Routine::single(stretch, hold);
                view! { <Player routine /> }.into_any()
            }
            None => view! {
                <Missing
                    title="Stretch not found"
                    message="We couldn't find that stretch, so there is nothing to play."
                    href="/stretches"
                    label="Browse all stretches"
                />
            }
            .into_any(),
        }
    }
}
