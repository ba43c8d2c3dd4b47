use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Listens to a `document` event (such as `visibilitychange`) while the
/// calling component is mounted, and removes the listener on unmount.
pub fn use_document_event(name: &'static str, handler: impl Fn() + 'static) {
    let closure = Closure::<dyn Fn()>::new(handler);
    // Adding a listener to the document cannot fail for a valid event name.
    let _ = document().add_event_listener_with_callback(name, closure.as_ref().unchecked_ref());
    let closure = StoredValue::new_local(Some(closure));
    on_cleanup(move || {
        closure.update_value(|c| {
            if let Some(c) = c.take() {
                let _ = document()
                    .remove_event_listener_with_callback(name, c.as_ref().unchecked_ref());
            }
        });
    });
}
