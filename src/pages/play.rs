use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::components::missing::Missing;
use crate::components::player::Player;
use crate::domain::catalogue;
use crate::domain::routine::Routine;

/// `/play/:id`: a built-in routine.
#[component]
pub fn PlayRoutine() -> impl IntoView {
    let params = use_params_map();
    move || {
        let id = params.with(|p| p.get("id").unwrap_or_default());
        match Routine::builtin(&id) {
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
