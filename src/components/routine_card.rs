use leptos::prelude::*;

use crate::hooks::use_settings::use_settings;

use crate::domain::cautions;
use crate::domain::routine::{exercise_count, rough_duration, Routine};

/// A routine in a list: name, total time, number of steps and areas.
#[component]
pub fn RoutineCard(routine: Routine) -> impl IntoView {
    // As it will play for this person (see `cautions::suit`).
    let (routine, total) = use_settings().with_untracked(|s| {
        let (routine, _) = cautions::suit(routine, &s.cautions);
        let total = routine.total_seconds(&s.timing());
        (routine, total)
    });
    let areas = routine
        .areas()
        .iter()
        .take(3)
        .map(|a| a.label())
        .collect::<Vec<_>>()
        .join(" · ");
    view! {
        <li class="card">
            <h3 class="card-title">
                <a href=format!("/routines/{}", routine.id)>{routine.name}</a>
            </h3>
            <p class="card-meta">
                <span class="pill">{rough_duration(total)}</span>
                {format!(" {} · {areas}", exercise_count(routine.steps.len()))}
            </p>
            <p>{routine.summary}</p>
        </li>
    }
}
