use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::components::safety_check::SafetyCheckFlow;
use crate::domain::safety_check::safe_next;
use crate::hooks::use_title::use_title;

/// `/check?next=…`: the safety check on its own, reached from Safety and
/// Settings; afterwards the person goes on to `next` (an app path) or home.
#[component]
pub fn Check() -> impl IntoView {
    use_title("Safety check");
    let next = use_query_map().with_untracked(|q| safe_next(q.get("next").as_deref()));
    let navigate = use_navigate();
    let on_done = Callback::new(move |()| navigate(&next, Default::default()));
    view! {
        <section class="page prose">
            <h1>"Safety check"</h1>
            <SafetyCheckFlow on_done going_on="Done" />
        </section>
    }
}
