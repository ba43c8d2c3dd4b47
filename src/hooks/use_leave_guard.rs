//! Asks before a link or the back button leaves a session in progress.

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Where the person asked to go when the guard stopped them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Leaving {
    /// A link to this address, inside the app.
    Link(String),
    /// The browser's back button (or gesture).
    Back,
}

/// Navigates inside the app (the router's, taken while its context is there).
type Navigate = Rc<dyn Fn(&str)>;

/// The handle [`use_leave_guard`] returns.
#[derive(Clone, Copy)]
pub struct LeaveGuard {
    /// Set while the question is open: where the person was going.
    pub asking: RwSignal<Option<Leaving>>,
    armed: StoredValue<bool>,
    leaving: StoredValue<Rc<Cell<bool>>, LocalStorage>,
    navigate: StoredValue<Navigate, LocalStorage>,
}

/// While `active` is true, a click on a link outside `.player` and the back
/// button are held and put in `asking` instead; the caller shows the
/// question and calls [`LeaveGuard::stay`] or [`LeaveGuard::leave`].
///
/// The back button cannot be cancelled, so the guard keeps one extra
/// history entry with the same address while active: back lands on the
/// same page, which then asks. Listeners go on unmount.
pub fn use_leave_guard(active: Signal<bool>) -> LeaveGuard {
    let guard = LeaveGuard {
        asking: RwSignal::new(None),
        armed: StoredValue::new(false),
        leaving: StoredValue::new_local(Rc::new(Cell::new(false))),
        navigate: StoredValue::new_local(Rc::new({
            // Taken now: a click handler runs outside the router's context.
            let navigate = leptos_router::hooks::use_navigate();
            move |href: &str| navigate(href, NavigateOptions::default())
        })),
    };
    Effect::new(move |_| {
        if active.get() && !guard.armed.get_value() {
            guard.arm();
        }
    });
    let leaving = guard.leaving.get_value();
    let on_click =
        Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |event: web_sys::MouseEvent| {
            if !active.get_untracked() || leaving.get() || event.default_prevented() {
                return;
            }
            let link = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|t| t.closest("a[href]").ok().flatten());
            let Some(link) = link else { return };
            // Links inside the session (a sheet's "warning signs", the finish)
            // are its own choices; only the app around it is guarded.
            if link.closest(".player").ok().flatten().is_some()
                || link.get_attribute("target").is_some_and(|t| t == "_blank")
            {
                return;
            }
            let Some(href) = link.get_attribute("href") else {
                return;
            };
            event.prevent_default();
            event.stop_propagation();
            guard.asking.set(Some(Leaving::Link(href)));
        });
    let leaving = guard.leaving.get_value();
    let on_pop = Closure::<dyn Fn()>::new(move || {
        if !active.get_untracked() || leaving.get() {
            return;
        }
        guard.armed.set_value(false);
        guard.asking.set(Some(Leaving::Back));
    });
    let window = window();
    // Capture on the window: before the router's own click handler, which
    // would otherwise navigate first. Adding a listener cannot fail for
    // these event names.
    let _ = window.add_event_listener_with_callback_and_bool(
        "click",
        on_click.as_ref().unchecked_ref(),
        true,
    );
    let _ = window.add_event_listener_with_callback("popstate", on_pop.as_ref().unchecked_ref());
    let listeners = StoredValue::new_local(Some((on_click, on_pop)));
    on_cleanup(move || {
        listeners.update_value(|l| {
            if let Some((click, pop)) = l.take() {
                let window = leptos::prelude::window();
                let _ = window.remove_event_listener_with_callback_and_bool(
                    "click",
                    click.as_ref().unchecked_ref(),
                    true,
                );
                let _ = window
                    .remove_event_listener_with_callback("popstate", pop.as_ref().unchecked_ref());
            }
        });
    });
    guard
}

impl LeaveGuard {
    /// Adds the extra history entry that the back button will use up.
    fn arm(self) {
        if let Ok(history) = window().history() {
            let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
            // Without it, back would leave unasked; the session is stored,
            // so Home still offers to resume it.
            if history.push_state(&state, "").is_ok() {
                self.armed.set_value(true);
            }
        }
    }

    /// Keeps the session: closes the question and re-arms the back button.
    pub fn stay(self) {
        if self.asking.get_untracked() == Some(Leaving::Back) {
            self.arm();
        }
        self.asking.set(None);
    }

    /// Goes where the person asked to go.
    pub fn leave(self) {
        let Some(leaving) = self.asking.get_untracked() else {
            return;
        };
        self.leaving.with_value(|l| l.set(true));
        self.asking.set(None);
        match leaving {
            Leaving::Link(href) => self.navigate.with_value(|navigate| navigate(&href)),
            Leaving::Back => {
                if let Ok(history) = window().history() {
                    let _ = history.back();
                }
            }
        }
    }
}
