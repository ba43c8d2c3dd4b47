//! Rendering in more than one task. A first render done in one go blocks a
//! phone's main thread for longer than a tap should wait (Lighthouse counts
//! every task over 50 ms); parts wrapped in [`Deferred`] render one task
//! later. On a prerendered page the copy stays on screen until every
//! deferred part has rendered ([`when_settled`]), so none visibly arrives late.

use std::cell::Cell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;

thread_local! {
    /// Deferred parts created but not yet rendered.
    static PENDING: Cell<usize> = const { Cell::new(0) };
}

fn settle_one() {
    PENDING.with(|p| p.set(p.get().saturating_sub(1)));
}

/// Renders `children` one task after the view around it.
#[component]
pub fn Deferred(children: Children) -> impl IntoView {
    PENDING.with(|p| p.set(p.get() + 1));
    let shown = RwSignal::new(false);
    let fired = Arc::new(AtomicBool::new(false));
    let firing = Arc::clone(&fired);
    let timer = set_timeout_with_handle(
        move || {
            firing.store(true, Ordering::Relaxed);
            shown.set(true);
            settle_one();
        },
        Duration::ZERO,
    );
    // Gone before its turn (the person navigated on): nothing to render,
    // and nothing left pending.
    on_cleanup(move || {
        if !fired.load(Ordering::Relaxed) {
            if let Ok(timer) = timer {
                timer.clear();
            }
            settle_one();
        }
    });
    // Rendered once, when shown; untracked, so nothing the children read
    // can re-run this and lose them.
    let children = StoredValue::new_local(Some(children));
    move || {
        shown
            .get()
            .then(|| {
                untrack(|| {
                    children
                        .try_update_value(Option::take)
                        .flatten()
                        .map(|c| c())
                })
            })
            .flatten()
    }
}

/// Runs `done` once every deferred part created so far has rendered.
pub fn when_settled(done: impl FnOnce() + 'static) {
    if PENDING.with(Cell::get) == 0 {
        done();
        return;
    }
    // Queued behind the parts' own timers, which were set first.
    set_timeout(move || when_settled(done), Duration::ZERO);
}
