use leptos::prelude::*;

use crate::domain::catalogue::Stretch;
use crate::domain::figure::Mode;
use crate::hooks::use_prefers_reduced_motion::use_prefers_reduced_motion;
use crate::platform;

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
    let node = NodeRef::<leptos::html::Div>::new();
    if show == Show::Moving {
        // After each redraw (a new page, the other side), once it is on screen.
        Effect::new(move |_| {
            mirrored.track();
            if let Some(div) = node.get() {
                request_animation_frame(move || restart_animations(&div));
            }
        });
    }
    view! { <div class=class inner_html=html node_ref=node></div> }
}

/// Chromium does not draw the SMIL animation of a figure inserted into the
/// page (or drawn out of sight) until something else asks for a frame, such
/// as a pointer move; setting each figure's clock to where it already is
/// makes it draw from then on. Other engines animate either way.
pub fn restart_animations(within: &web_sys::HtmlElement) {
    // In the frame the figure first shows, Chromium would set the clock back
    // again: wait one frame more.
    let within = within.clone();
    request_animation_frame(move || restart_now(&within));
}

fn restart_now(within: &web_sys::HtmlElement) {
    let Ok(figures) = platform::invoke(within, "querySelectorAll", &["svg.figure".into()]) else {
        return;
    };
    for svg in web_sys::js_sys::Array::from(&figures).iter() {
        let now = platform::invoke(&svg, "getCurrentTime", &[]).unwrap_or(0.0.into());
        // A browser without SMIL has nothing to restart.
        let _ = platform::invoke(&svg, "setCurrentTime", &[now]);
    }
}
