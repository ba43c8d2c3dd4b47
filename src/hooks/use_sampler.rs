use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use leptos::prelude::*;

/// How soon the sampler looks again when a tick never returned its delay.
const FALLBACK_MS: u32 = 250;

/// Calls `tick` again and again while the calling component is mounted, and
/// stops on unmount. `tick` returns how many milliseconds to wait before the
/// next call, so a countdown can wake just after each second changes instead
/// of up to a whole interval late. Only sampling happens here: a late or
/// skipped wake-up never makes the time wrong, only a redraw late.
pub fn use_sampler(tick: impl Fn() -> u32 + 'static) {
    type Slot = Rc<RefCell<Option<Timeout>>>;
    fn arm(slot: &Slot, tick: &Rc<dyn Fn() -> u32>, delay: u32) {
        let (next_slot, next_tick) = (Rc::clone(slot), Rc::clone(tick));
        let timeout = Timeout::new(delay, move || {
            // Unmounted in the meantime: the slot was emptied, stop here.
            if next_slot.borrow().is_none() {
                return;
            }
            // Re-arm before ticking. If the tick throws (a browser API that
            // escaped the platform layer, a redraw that failed), the
            // exception unwinds out of this callback and skips the rest of
            // it; the clock must go on being sampled all the same.
            arm(&next_slot, &next_tick, FALLBACK_MS);
            let delay = next_tick();
            if next_slot.borrow().is_some() {
                arm(&next_slot, &next_tick, delay);
            }
        });
        *slot.borrow_mut() = Some(timeout);
    }
    let slot: Slot = Rc::default();
    let tick: Rc<dyn Fn() -> u32> = Rc::new(tick);
    arm(&slot, &tick, 0);
    let on_unmount = StoredValue::new_local(slot);
    on_cleanup(move || {
        on_unmount.with_value(|slot| drop(slot.borrow_mut().take()));
    });
}
