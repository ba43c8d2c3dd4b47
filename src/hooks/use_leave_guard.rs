//! Asks before a link or the back button leaves a session in progress.

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::platform::{property, set};

/// Marks the history entry the guard adds, so a reload (which keeps the
/// history) does not add a second one, and leaving can step past it.
const MARK: &str = "limberGuard";

/// What the guard is doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// Holding links and Back while the session plays.
    Guarding,
    /// Stepping back over its own entry after the session ended here.
    Disarming,
    /// The person chose to leave: stepping back to another address.
    Leaving,
    /// Nothing to guard.
    Off,
}

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
    /// The address being guarded (path, query and hash).
    here: StoredValue<String>,
    mode: StoredValue<Rc<Cell<Mode>>, LocalStorage>,
    navigate: StoredValue<Navigate, LocalStorage>,
}

/// While `active` is true, a click on a link outside `.player` and the back
/// button are held and put in `asking` instead; the caller shows the
/// question and calls [`LeaveGuard::stay`] or [`LeaveGuard::leave`].
///
/// The back button cannot be cancelled, so while active the guard keeps one
/// extra, marked history entry with the same address: back lands on the
/// same page, which then asks. When `active` ends (the session finished)
/// the entry is stepped back over, so Back works as before. Listeners go on
/// unmount.
pub fn use_leave_guard(active: Signal<bool>, here: String) -> LeaveGuard {
    let guard = LeaveGuard {
        asking: RwSignal::new(None),
        here: StoredValue::new(here),
        mode: StoredValue::new_local(Rc::new(Cell::new(Mode::Off))),
        navigate: StoredValue::new_local(Rc::new({
            // Taken now: a click handler runs outside the router's context.
            let navigate = leptos_router::hooks::use_navigate();
            move |href: &str| navigate(href, NavigateOptions::default())
        })),
    };
    Effect::new(move |was_active: Option<bool>| {
        let now_active = active.get();
        if now_active {
            guard.arm();
        } else if was_active == Some(true) && guard.mode() == Mode::Guarding {
            if on_mark() {
                // Finished or ended here: the extra entry has nothing to
                // guard; step back over it, staying on this page.
                guard.set_mode(Mode::Disarming);
                go_back();
            } else {
                guard.set_mode(Mode::Off);
            }
        }
        now_active
    });
    let on_click =
        Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |event: web_sys::MouseEvent| {
            if !active.get_untracked() || guard.mode() != Mode::Guarding {
                return;
            }
            if let Some(href) = guarded_link(&event) {
                event.prevent_default();
                event.stop_propagation();
                guard.asking.set(Some(Leaving::Link(href)));
            }
        });
    let on_pop = Closure::<dyn Fn()>::new(move || match guard.mode() {
        // Stepping back over entries with this same address (a reload
        // keeps them) until another page shows.
        Mode::Leaving => {
            if current_address() == guard.here.get_value() {
                go_back();
            }
        }
        Mode::Disarming => guard.set_mode(Mode::Off),
        Mode::Guarding if active.get_untracked() && !on_mark() => {
            guard.asking.set(Some(Leaving::Back));
        }
        Mode::Guarding | Mode::Off => {}
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

/// The address a click would leave for, if it is one the guard holds: a
/// plain left click on a link to another page of the app, outside the
/// session itself. Modified clicks (a new tab), downloads, other sites and
/// links within the page (the skip link) go on as usual, as the router
/// treats them.
fn guarded_link(event: &web_sys::MouseEvent) -> Option<String> {
    if event.default_prevented()
        || event.button() != 0
        || event.ctrl_key()
        || event.meta_key()
        || event.shift_key()
        || event.alt_key()
    {
        return None;
    }
    let link = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| t.closest("a[href]").ok().flatten())?;
    // Links inside the session (a sheet's "warning signs", the finish) are
    // its own choices.
    if link.closest(".player").ok().flatten().is_some()
        || link.has_attribute("download")
        || link.get_attribute("target").is_some_and(|t| t != "_self")
    {
        return None;
    }
    let href = link.get_attribute("href")?;
    let url = web_sys::Url::new_with_base(&href, &window().location().href().ok()?).ok()?;
    let location = window().location();
    let same_page =
        url.pathname() == location.pathname().ok()? && url.search() == location.search().ok()?;
    (url.origin() == location.origin().ok()? && !same_page)
        .then(|| format!("{}{}{}", url.pathname(), url.search(), url.hash()))
}

fn current_address() -> String {
    let location = window().location();
    [location.pathname(), location.search(), location.hash()]
        .into_iter()
        .map(Result::unwrap_or_default)
        .collect()
}

/// Whether the current history entry is the guard's.
fn on_mark() -> bool {
    window()
        .history()
        .ok()
        .and_then(|h| h.state().ok())
        .and_then(|state| property(&state, MARK))
        .is_some()
}

fn go_back() {
    if let Ok(history) = window().history() {
        // A history that refuses leaves the person where they are, asked
        // nothing more; nothing is lost, the session is kept.
        let _ = history.back();
    }
}

impl LeaveGuard {
    fn mode(self) -> Mode {
        self.mode.with_value(|m| m.get())
    }

    fn set_mode(self, mode: Mode) {
        self.mode.with_value(|m| m.set(mode));
    }

    /// Adds the marked history entry that the back button will use up,
    /// unless the page is on it already (after a reload).
    fn arm(self) {
        self.set_mode(Mode::Guarding);
        if on_mark() {
            return;
        }
        if let Ok(history) = window().history() {
            let state = web_sys::js_sys::Object::new();
            set(&state, MARK, &JsValue::TRUE);
            // Refused: Back would leave unasked; the session is kept, so
            // Home still offers to resume it.
            let _ = history.push_state(&state, "");
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
        self.set_mode(Mode::Leaving);
        self.asking.set(None);
        match leaving {
            Leaving::Link(href) => self.navigate.with_value(|navigate| navigate(&href)),
            // Back already left the marked entry; step over any others with
            // this address (see the popstate listener).
            Leaving::Back => go_back(),
        }
    }
}
