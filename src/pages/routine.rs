use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;

use crate::components::cautions::CautionFlag;
use crate::components::figure::{FigureView, Show};
use crate::components::missing::Missing;
use crate::components::player::Changes;
use crate::components::share_routine::ShareRoutine;
use crate::domain::cautions;
use crate::domain::routine::{clock, rough_duration, spoken_duration, Custom, Routine};
use crate::domain::saved::ID_PREFIX;
use crate::hooks::use_routines::{find_routine, use_routines};
use crate::hooks::use_settings::use_settings;
use crate::hooks::use_title::use_title;

/// `/routines/:id`: a routine's steps and its total time.
#[component]
pub fn RoutinePage() -> impl IntoView {
    let params = use_params_map();
    move || {
        let id = params.with(|p| p.get("id").unwrap_or_default());
        match find_routine(&id) {
            Some(routine) => view! { <RoutineDetail routine /> }.into_any(),
            None => view! {
                <Missing
                    title="Routine not found"
                    message="We couldn't find that routine. It may have been removed or the link is mistyped."
                    href="/"
                    label="See all routines"
                />
            }
            .into_any(),
        }
    }
}

/// A routine's steps, each with its figure, dose and rest.
pub fn step_list(routine: &Routine) -> impl IntoView {
    let last = routine.steps.len().saturating_sub(1);
    let steps = routine
        .steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let stretch = step.stretch;
            let dose = step.dose();
            let rest = (i < last && step.rest_after_seconds > 0)
                .then(|| format!(", then rest {} s", step.rest_after_seconds));
            view! {
                <li class="with-figure">
                    <FigureView stretch show=Show::Thumbnail />
                    <A href=format!("/stretches/{}", stretch.id)>{stretch.name}</A>
                    <span class="card-meta">{format!(" · {dose}")}{rest}</span>
                    <CautionFlag stretch />
                </li>
            }
        })
        .collect_view();
    view! { <ol class="routine-steps">{steps}</ol> }
}

/// Total time, number of exercises and areas, as a list of facts.
pub fn routine_facts(routine: &Routine) -> impl IntoView {
    let total = routine.total_seconds(&use_settings().with_untracked(|s| s.timing()));
    let areas = routine
        .areas()
        .iter()
        .take(4)
        .map(|a| a.label())
        .collect::<Vec<_>>()
        .join(", ");
    view! {
            <dl class="facts">
                <div>
                    <dt>"Total time"</dt>
                    <dd>
                        <time datetime=format!("PT{total}S") aria-label=spoken_duration(total)>
                            {clock(total)}
                        </time>
                        {format!(" (about {})", rough_duration(total))}
                    </dd>
                </div>
                <div>
                    <dt>"Exercises"</dt>
                    <dd>{routine.steps.len()}</dd>
                </div>
                <div>
                    <dt>"Works on"</dt>
                    <dd>{areas}</dd>
                </div>
            </dl>
    }
}

#[component]
fn RoutineDetail(routine: Routine) -> impl IntoView {
    use_title(routine.name.clone());
    // Shown as it will play: a built-in routine suited to the person's
    // cautions, with what changed; their own routine flagged, unchanged.
    let (routine, changes) =
        use_settings().with_untracked(|s| cautions::suit(routine, &s.cautions));
    let custom = Custom::from_routine(&routine);
    view! {
        <article class="page prose">
            <p class="crumb">
                <A href="/">"All routines"</A>
            </p>
            <h1>{routine.name.clone()}</h1>
            {(!routine.summary.is_empty()).then(|| view! { <p class="lead">{routine.summary.clone()}</p> })}
            {routine_facts(&routine)}
            <Changes changes />
            <p>
                <A href=format!("/play/{}", routine.id) attr:class="button big">
                    "Start"
                </A>
            </p>
            <RoutineActions id=routine.id.clone() />
            <ShareRoutine routine=custom />
            <h2>"Steps"</h2>
            {step_list(&routine)}
            <p class="small">
                "The total includes time to get ready, short gaps to switch sides and the rests (see Settings)."
            </p>
        </article>
    }
}

/// Customize a built-in routine; edit, duplicate or delete a saved one.
#[component]
fn RoutineActions(id: String) -> impl IntoView {
    if !id.starts_with(ID_PREFIX) {
        return view! {
            <p>
                <A href=format!("/builder?from={id}") attr:class="button secondary">"Customize"</A>
            </p>
        }
        .into_any();
    }
    let store = use_routines();
    let navigate = use_navigate();
    let failed = RwSignal::new(None::<String>);
    let delete_id = id.clone();
    let delete = move |_| {
        let Some(store) = store else { return };
        match store.delete(&delete_id) {
            Ok(()) => navigate("/", NavigateOptions::default()),
            Err(error) => failed.set(Some(error.explain())),
        }
    };
    view! {
        <div class="button-row">
            <A href=format!("/builder/{id}") attr:class="button secondary">"Edit"</A>
            <A href=format!("/builder?from={id}") attr:class="button secondary">"Duplicate"</A>
            <button type="button" class="button secondary" on:click=delete>"Delete"</button>
        </div>
        <p role="alert">{move || failed.get()}</p>
    }
    .into_any()
}
