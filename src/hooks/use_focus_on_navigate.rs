use leptos::html::Main;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Returns a node ref for `<main>`. After each client-side navigation (not the
/// first load) focus moves to it and the page scrolls to the top, so keyboard
/// and screen-reader users start reading the new page instead of staying on
/// the link they pressed.
pub fn use_focus_on_navigate() -> NodeRef<Main> {
    let main_ref = NodeRef::<Main>::new();
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            if let Some(main) = main_ref.get_untracked() {
                window().scroll_to_with_x_and_y(0.0, 0.0);
                // Focus can fail only on a detached node; nothing to tell the user.
                let _ = main.focus();
            }
        }
        path
    });
    main_ref
}
