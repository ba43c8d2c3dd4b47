use leptos::prelude::*;

use crate::components::cautions::CautionFlag;
use crate::components::figure::{FigureView, Show};
use crate::domain::catalogue::Stretch;
use crate::domain::routine::Step;

/// A catalogue entry in a list: name, areas, position and default time.
#[component]
pub fn StretchCard(stretch: &'static Stretch) -> impl IntoView {
    let areas = stretch
        .areas
        .iter()
        .map(|a| a.label())
        .collect::<Vec<_>>()
        .join(" · ");
    view! {
        <li class="card with-figure">
            <FigureView stretch show=Show::Thumbnail />
            <h2 class="card-title">
                <a href=format!("/stretches/{}", stretch.id)>{stretch.name}</a>
            </h2>
            <p class="card-meta">{areas}</p>
            <p class="card-meta">
                {stretch.position.label()}
                " · "
                {Step::default_for(stretch).dose()}
            </p>
            <CautionFlag stretch />
        </li>
    }
}
