use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_params_map, use_query_map};

use crate::components::missing::Missing;
use crate::components::player::Player;
use crate::components::safety_check::SafetyCheckFlow;
use crate::domain::catalogue;
use crate::domain::cautions;
use crate::domain::routine::Routine;
use crate::domain::safety_check::check_before_starting;
use crate::domain::share;
use crate::domain::suggest;
use crate::hooks::use_routines::find_routine;
use crate::hooks::use_settings::use_settings;
use crate::pages::shared::SharedRoutine;
use crate::storage::live;

/// `/play/:id`: a built-in or saved routine (`?holds=short`: with shorter
/// holds, see [`suggest::short_holds`]); `/play/shared#r=…` plays a
/// shared one without saving it.
#[component]
pub fn PlayRoutine() -> impl IntoView {
    let params = use_params_map();
    let hash = use_location().hash;
    let query = use_query_map();
    move || {
        let id = params.with(|p| p.get("id").unwrap_or_default());
        if id == "shared" {
            let fragment = hash.with(|h| h.trim_start_matches('#').to_string());
            return match share::decode(&fragment) {
                Ok(custom) => {
                    let routine = custom.to_routine("shared");
                    view! { <CheckedPlayer routine holds=None /> }.into_any()
                }
                // The same page, with the same reason, as opening the link.
                Err(_) => view! { <SharedRoutine fragment /> }.into_any(),
            };
        }
        // Untracked: a routine saved in another tab mid-session must not
        // restart the player.
        // A routine deleted since its session was kept still resumes: the
        // kept session holds every step as played.
        let kept = || {
            let here = untrack(|| {
                let search = query.with(|q| q.to_query_string());
                format!("/play/{id}{search}")
            });
            live::load()
                .filter(|l| l.path == here)
                .and_then(|l| l.routine())
        };
        match untrack(|| find_routine(&id)).or_else(kept) {
            Some(routine) => {
                // `?holds=short`: home's suggestion on a day of high pain.
                let holds = query.with(|q| q.get("holds"));
                view! { <CheckedPlayer routine holds /> }.into_any()
            }
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
                view! { <CheckedPlayer routine holds=None /> }.into_any()
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

/// The player for `routine`, after the safety check when one is due (see
/// [`check_before_starting`]). It plays as it suits the person's cautions
/// when the player appears, so cautions chosen in the check count at once.
#[component]
fn CheckedPlayer(
    routine: Routine,
    /// `short` for shorter holds (see [`suggest::with_holds`]), applied after
    /// the cautions so a swapped-in entry's hold is shortened too.
    holds: Option<String>,
) -> impl IntoView {
    let settings = use_settings();
    let checking =
        RwSignal::new(settings.with_untracked(|s| check_before_starting(s.safety_check.as_ref())));
    let name = routine.name.clone();
    let routine = StoredValue::new(routine);
    move || {
        if checking.get() {
            view! {
                <section class="page prose">
                    <h1>{name.clone()}</h1>
                    <SafetyCheckFlow
                        on_done=Callback::new(move |()| checking.set(false))
                        going_on="Go on to the routine"
                    />
                </section>
            }
            .into_any()
        } else {
            let (routine, changes) =
                settings.with_untracked(|s| cautions::suit(routine.get_value(), &s.cautions));
            let routine = suggest::with_holds(routine, holds.as_deref());
            view! { <Player routine changes /> }.into_any()
        }
    }
}
