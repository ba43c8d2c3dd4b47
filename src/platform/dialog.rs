//! `<dialog>`'s `showModal` and `close`: Safari before 15.4 and some older
//! WebViews have neither. There the dialog is shown and hidden through its
//! `open` attribute instead: not modal, but it still opens, closes, and
//! closes on Escape (the view listens for the key itself).

use super::invoke;

/// Opens `dialog` as a modal sheet: the page behind it inert, Escape
/// closing it, focus moved into it. Answers whether it is modal.
pub fn show_modal(dialog: &web_sys::Element) -> bool {
    if invoke(dialog, "showModal", &[]).is_ok() {
        return true;
    }
    // Missing, or it threw (already open): show it plainly.
    let _ = dialog.set_attribute("open", "");
    false
}

/// Closes `dialog`, however it was opened.
pub fn close(dialog: &web_sys::Element) {
    if invoke(dialog, "close", &[]).is_err() {
        let _ = dialog.remove_attribute("open");
    }
}
