//! Limber: an offline stretching coach for lower-back pain.
//!
//! `App` holds the router; pages live in [`pages`], small views in
//! [`components`], glue between the browser and views in [`hooks`], every
//! browser API that some browser lacks in [`platform`], and everything that
//! can be tested without a browser in [`domain`].

pub mod components;
pub mod domain;
pub mod hooks;
pub mod pages;
pub mod platform;
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
    check::Check,
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
    let root: web_sys::HtmlElement = root.unchecked_into();
    root.set_id("app");
    root.set_hidden(true);
    if body.append_child(&root).is_err() {
        return;
    }
    leptos::mount::mount_to(root.clone(), App).forget();
    components::deferred::when_settled(move || {
        // Someone who tabbed into the copy keeps their place in the app.
        let focused = document()
            .active_element()
            .filter(|active| !active.is_same_node(Some(&body)) && !root.contains(Some(active)))
            .and_then(|active| twin_in_app(&active, &root));
        // Everything else in the body is the copy (or the shell's noscript).
        let others = body.children();
        for i in (0..others.length()).rev() {
            if let Some(node) = others.item(i).filter(|n| !n.is_same_node(Some(&root))) {
                node.remove();
            }
        }
        root.set_hidden(false);
        let shown = root.clone();
        request_animation_frame(move || components::figure::restart_animations(&shown));
        // Removing an attribute fails only for a name that is not one.
        let _ = body.remove_attribute("data-prerendered");
        if let Some(twin) = focused {
            // Focus fails only on an element that cannot take it; then the
            // page keeps its default focus, as after any load.
            let _ = twin.focus();
        }
    });
}

/// The app's own copy of a control in the prerendered copy: the same kind
/// of element with the same id, link and text, if the app has exactly one.
/// Position alone could land on another control where the app's page
/// differs (a notice, the person's own routines).
fn twin_in_app(
    element: &web_sys::Element,
    root: &web_sys::HtmlElement,
) -> Option<web_sys::HtmlElement> {
    let same = |other: &web_sys::Element| {
        other.id() == element.id()
            && other.get_attribute("href") == element.get_attribute("href")
            && other.text_content() == element.text_content()
    };
    let candidates = root.get_elements_by_tag_name(&element.tag_name());
    let mut twins = (0..candidates.length())
        .filter_map(|i| candidates.item(i))
        .filter(same);
    let twin = twins.next()?;
    twins.next().is_none().then_some(twin)?.dyn_into().ok()
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
                    <Route path=path!("/check") view=Check />
                    <Route path=path!("/settings") view=SettingsPage />
                    <Route path=path!("/tips/:id") view=Tip />
                    <Route path=path!("/about") view=About />
                </FlatRoutes>
            </Shell>
        </Router>
    }
}
