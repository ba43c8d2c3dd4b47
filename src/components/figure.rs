use leptos::prelude::*;

use crate::domain::catalogue::Stretch;
use crate::domain::figure::Mode;
use crate::hooks::use_prefers_reduced_motion::use_prefers_reduced_motion;

/// How a figure is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Show {
    /// A small still pose beside text that already names the exercise.
    Thumbnail,
    /// The exercise in motion (key poses side by side for reduced motion).
    Moving,
}

/// A stretch drawn as a stick figure. The SVG comes from the pure renderer in
/// `domain::figure`; `mirrored` shows the right side.
#[component]
pub fn FigureView(
    stretch: &'static Stretch,
    show: Show,
    #[prop(optional, into)] mirrored: Signal<bool>,
) -> impl IntoView {
    let reduced = use_prefers_reduced_motion();
    let figure = stretch.figure;
    let html = move || {
        let mirrored = mirrored.get();
        match show {
            Show::Thumbnail => figure.svg(Mode::Still, mirrored, ""),
            Show::Moving if reduced && figure.poses.len() > 1 => {
                figure.key_poses(mirrored, stretch.name).concat()
            }
            Show::Moving => {
                let seconds_per_move = stretch.tempo_seconds.unwrap_or(3);
                figure.svg(Mode::Animated { seconds_per_move }, mirrored, stretch.name)
            }
        }
    };
    let class = match show {
        Show::Thumbnail => "figure-box thumb",
        Show::Moving => "figure-box",
    };
    view! { <div class=class inner_html=html></div> }
}
