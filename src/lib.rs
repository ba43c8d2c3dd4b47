//! Limber: an offline stretching coach for lower-back pain.
//!
//! `App` holds the router; pages live in [`pages`], small views in
//! [`components`], browser glue in [`hooks`], and everything that can be
//! tested without a browser in [`domain`].

pub mod components;
pub mod domain;
pub mod hooks;
pub mod pages;
pub mod pwa;
pub mod storage;

use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::path;
use wasm_bindgen::JsCast;

use components::shell::Shell;
use hooks::use_history::provide_history;
use hooks::use_routines::provide_routines;
use hooks::use_settings::provide_settings;
use pages::{
    about::About,
    builder::Builder,
    home::Home,
    not_found::NotFound,
    play::{PlayRoutine, PlayStretch},
    progress::Progress,
    routine::RoutinePage,
    safety::Safety,
    settings::SettingsPage,
    stretch::StretchPage,
    stretches::Stretches,
    tip::Tip,
};

/// Starts Limber in the page. A release build's common pages arrive with a
/// prerendered copy of their content (scripts/prerender.mjs, which marks the
/// body `data-prerendered`), so their text paints before the wasm has
/// arrived. The app renders out of sight into `#app`, in a few short tasks
/// rather than one long one (see [`components::deferred`]), and once every
/// part has rendered it replaces the copy and shows itself in one step: no
/// frame shows a half-drawn page, and as every node is new, none counts as
/// shifted. Until then `#app` is `hidden`, which is also what tests and the
/// prerender wait on.
pub fn mount() {
    // The wasm's start-up and the first render are two tasks, not one.
    set_timeout(start, std::time::Duration::ZERO);
}

fn start() {
    let Some(body) = document().body() else {
        return;
    };
    let Ok(root) = document().create_element("div") else {
        return;
    };
    root.set_id("app");
    // Setting or removing an attribute fails only for a name that is not one.
    let _ = root.set_attribute("hidden", "");
    if body.append_child(&root).is_err() {
        return;
    }
    let root: web_sys::HtmlElement = root.unchecked_into();
    leptos::mount::mount_to(root.clone(), App).forget();
    components::deferred::when_settled(move || {
        // Someone who tabbed into the copy keeps their place in the app.
        let focused = document()
            .active_element()
            .and_then(|active| place_in_copy(&body, &active, &root));
        // Everything else in the body is the copy (or the shell's noscript).
        let others = body.children();
        for i in (0..others.length()).rev() {
            if let Some(node) = others.item(i).filter(|n| !n.is_same_node(Some(&root))) {
                node.remove();
            }
        }
        let _ = root.remove_attribute("hidden");
        let _ = body.remove_attribute("data-prerendered");
        if let Some(place) = focused {
            let target = place
                .iter()
                .try_fold(web_sys::Element::from(root.clone()), |at, &i| {
                    at.children().item(i)
                });
            if let Some(target) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
                // Focus fails only on an element that cannot take it; then
                // the page keeps its default focus, as after any load.
                let _ = target.focus();
            }
        }
    });
}

/// Where `element` sits in the prerendered copy, as child positions from
/// the copy's top (the same positions lead to its twin in `#app`), or
/// `None` when it is not in the copy.
fn place_in_copy(
    body: &web_sys::HtmlElement,
    element: &web_sys::Element,
    root: &web_sys::HtmlElement,
) -> Option<Vec<u32>> {
    let mut place = Vec::new();
    let mut at = element.clone();
    loop {
        let parent = at.parent_element()?;
        let siblings = parent.children();
        let index = (0..siblings.length()).find(|&i| {
            siblings
                .item(i)
                .is_some_and(|sibling| sibling.is_same_node(Some(&at)))
        })?;
        place.push(index);
        if parent.is_same_node(Some(body)) {
            // The copy comes before `#app`; focus inside `#app` is kept.
            return (!at.is_same_node(Some(root))).then(|| {
                place.reverse();
                place
            });
        }
        at = parent;
    }
}

/// The whole application: the shell around the routed page.
#[component]
pub fn App() -> impl IntoView {
    let history = provide_history();
    provide_settings(history);
    provide_routines(history);
    pwa::provide_pwa();
    view! {
        <Router>
            <Shell>
                <FlatRoutes fallback=NotFound>
                    <Route path=path!("/") view=Home />
                    <Route path=path!("/stretches") view=Stretches />
                    <Route path=path!("/stretches/:id") view=StretchPage />
                    <Route path=path!("/routines/:id") view=RoutinePage />
                    <Route path=path!("/play/:id") view=PlayRoutine />
                    <Route path=path!("/play/stretch/:id") view=PlayStretch />
                    <Route path=path!("/builder") view=Builder />
                    <Route path=path!("/builder/:id") view=Builder />
                    <Route path=path!("/progress") view=Progress />
                    <Route path=path!("/safety") view=Safety />
                    <Route path=path!("/settings") view=SettingsPage />
                    <Route path=path!("/tips/:id") view=Tip />
                    <Route path=path!("/about") view=About />
                </FlatRoutes>
            </Shell>
        </Router>
    }
}
