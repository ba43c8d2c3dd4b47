use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use leptos::prelude::*;

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
            let delay = next_tick();
            // Unmounted in the meantime: the slot was emptied, stop here.
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
