//! Offline and updates: registers the service worker (release builds only,
//! so `make run`'s live reload never fights a cache) and tells the person
//! when Limber is ready offline or when a new version is waiting.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{ServiceWorker, ServiceWorkerRegistration, ServiceWorkerState};

use crate::platform::worker;

/// What the service worker has to say to the person.
#[derive(Clone, Copy)]
pub struct Pwa {
    /// The first install finished: everything is cached.
    pub offline_ready: RwSignal<bool>,
    /// A new version is installed and waits for Reload.
    pub update_waiting: RwSignal<Option<ServiceWorkerRegistrationHandle>>,
}

/// The registration, shareable with the view that offers Reload.
#[derive(Clone)]
pub struct ServiceWorkerRegistrationHandle(ServiceWorkerRegistration);

/// Registers `sw.js` next to the manifest (so any base path works) and
/// follows its life. An update found before the person has touched the page
/// applies at once; after that it waits for their Reload.
pub fn provide_pwa() -> Pwa {
    let pwa = Pwa {
        offline_ready: RwSignal::new(false),
        update_waiting: RwSignal::new(None),
    };
    provide_context(pwa);
    if cfg!(debug_assertions) {
        return pwa;
    }
    let Some(url) = worker_url() else {
        return pwa;
    };
    // No service worker (Firefox's private windows, some in-app browsers):
    // Limber works online as any page does, and says nothing.
    let Some(container) = worker::container() else {
        return pwa;
    };
    // Whether a worker controlled this page before the latest change; the
    // first install's takeover is news, a later one is a new version.
    let controlled = StoredValue::new(container.controller().is_some());
    let interacted = StoredValue::new(false);
    for event in ["pointerdown", "keydown"] {
        let handle = window_event_listener_untyped(event, move |_| interacted.set_value(true));
        on_cleanup(move || handle.remove());
    }
    // A new version took control (the person chose Reload, or had not
    // interacted yet): show it, never a mix of old and new.
    let controller_changed = Closure::<dyn Fn()>::new(move || {
        if controlled.get_value() {
            // A reload the browser refuses leaves this version running.
            let _ = window().location().reload();
        } else {
            controlled.set_value(true);
            pwa.offline_ready.set(true);
        }
    });
    container.set_oncontrollerchange(Some(controller_changed.as_ref().unchecked_ref()));
    let keep = StoredValue::new_local(vec![controller_changed]);
    let unmounted = container.clone();
    on_cleanup(move || {
        unmounted.set_oncontrollerchange(None);
        keep.update_value(Vec::clear);
    });

    leptos::task::spawn_local(async move {
        let Ok(registration) = worker::register(&container, &url).await else {
            // Refused (a private window, storage blocked): Limber still
            // works online, so there is nothing to say.
            return;
        };
        let waiting_found = move |registration: ServiceWorkerRegistration| {
            // Without a controller this is the first install, not an update.
            if worker::container().is_none_or(|c| c.controller().is_none()) {
                return;
            }
            if interacted.get_value() {
                pwa.update_waiting
                    .try_set(Some(ServiceWorkerRegistrationHandle(registration)));
            } else {
                activate_waiting(&registration);
            }
        };
        if registration.waiting().is_some() {
            waiting_found(registration.clone());
        }
        let reg = registration.clone();
        let update_found = Closure::<dyn Fn()>::new(move || {
            let Some(installing) = reg.installing() else {
                return;
            };
            let (reg, worker) = (reg.clone(), installing.clone());
            let state_changed = Closure::<dyn Fn()>::new(move || {
                if worker.state() == ServiceWorkerState::Installed {
                    waiting_found(reg.clone());
                }
            });
            installing.set_onstatechange(Some(state_changed.as_ref().unchecked_ref()));
            // Lives as long as the installing worker, which the browser owns.
            state_changed.forget();
        });
        registration.set_onupdatefound(Some(update_found.as_ref().unchecked_ref()));
        // The registration lives as long as the page.
        update_found.forget();
    });
    pwa
}

/// `sw.js` beside `manifest.webmanifest`, wherever the app is served from.
fn worker_url() -> Option<String> {
    let document = document();
    let href = document
        .query_selector("link[rel=manifest]")
        .ok()??
        .get_attribute("href")?;
    let base = document.url().ok()?;
    let manifest = web_sys::Url::new_with_base(&href, &base).ok()?;
    Some(
        web_sys::Url::new_with_base("sw.js", &manifest.href())
            .ok()?
            .href(),
    )
}

/// Lets the waiting worker take over; the page reloads on `controllerchange`.
fn activate_waiting(registration: &ServiceWorkerRegistration) {
    if let Some(waiting) = registration.waiting() {
        let _ = ServiceWorker::post_message(&waiting, &JsValue::from_str("skip-waiting"));
    }
}

/// "Ready to work offline" once, and "Update available" with Reload.
#[component]
pub fn PwaStatus() -> impl IntoView {
    let Some(pwa) = use_context::<Pwa>() else {
        return ().into_any();
    };
    view! {
        <div class="pwa-status" role="status">
            {move || pwa.update_waiting.get().map(|handle| view! {
                <div class="toast">
                    <p>"Update available"</p>
                    <button type="button" class="button" on:click=move |_| activate_waiting(&handle.0)>
                        "Reload"
                    </button>
                </div>
            })}
            {move || (pwa.offline_ready.get() && pwa.update_waiting.with(Option::is_none)).then(|| view! {
                <div class="toast">
                    <p>"Ready to work offline"</p>
                    <button type="button" class="button secondary" on:click=move |_| pwa.offline_ready.set(false)>
                        "OK"
                    </button>
                </div>
            })}
        </div>
    }
    .into_any()
}
