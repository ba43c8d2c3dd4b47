use leptos::prelude::*;

use crate::domain::catalogue;
use crate::hooks::use_title::use_title;

/// `/safety`: how to stretch safely and the signs that need a clinician now.
#[component]
pub fn Safety() -> impl IntoView {
    let safety = catalogue::safety();
    use_title(safety.title);
    let list = |items: &'static [&'static str]| {
        items
            .iter()
            .map(|item| view! { <li>{*item}</li> })
            .collect_view()
    };
    view! {
        <section class="page prose">
            <h1>{safety.title}</h1>
            <ul class="rules">{list(safety.rules)}</ul>
            <section class="warning" id="warning-signs" aria-labelledby="warning-heading">
                <h2 id="warning-heading">{safety.warning_title}</h2>
                <p>{safety.warning_intro}</p>
                <ul>{list(safety.warning_signs)}</ul>
            </section>
            <p class="small">{safety.disclaimer}</p>
        </section>
    }
}
