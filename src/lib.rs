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
/// prerendered copy of their content (scripts/prerender.mjs), so their text
/// paints before the wasm has arrived; the copy goes in the same task as the
/// app comes in, so no frame shows neither, and as every node is new none
/// counts as shifted.
pub fn mount() {
    if let Some(body) = document().body() {
        body.set_text_content(None);
    }
    leptos::mount::mount_to_body(App);
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
