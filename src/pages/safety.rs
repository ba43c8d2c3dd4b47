use leptos::prelude::*;

use crate::domain::catalogue::{self, WarningTier};
use crate::hooks::use_title::use_title;

/// `/safety`: the signs that need a clinician, most urgent first, then how to
/// stretch safely.
#[component]
pub fn Safety() -> impl IntoView {
    let safety = catalogue::safety();
    use_title(safety.title);
    let rules = safety
        .rules
        .iter()
        .map(|rule| view! { <li>{*rule}</li> })
        .collect_view();
    view! {
        <section class="page prose">
            <h1>{safety.title}</h1>
            // Links across the app point at #warning-signs; someone who needs
            // help should meet it before the tips.
            <section class="warning" id="warning-signs" aria-labelledby="warning-heading">
                <h2 id="warning-heading">{safety.warning_title}</h2>
                <p>{safety.warning_intro}</p>
                {safety.tiers.iter().map(tier).collect_view()}
                <p>
                    <a href="/check?next=/safety" class="button secondary">"Take the safety check"</a>
                </p>
            </section>
            <section aria-labelledby="rules-heading">
                <h2 id="rules-heading">{safety.heading}</h2>
                <ul class="rules">{rules}</ul>
            </section>
            <p class="small">{safety.disclaimer}</p>
        </section>
    }
}

fn tier(tier: &'static WarningTier) -> impl IntoView {
    view! {
        <div class="warning-tier">
            <h3>{tier.title}</h3>
            <ul>
                {tier.signs.iter().map(|s| view! { <li>{s.sign}</li> }).collect_view()}
            </ul>
            <p class="action">{tier.action}</p>
            <p>{tier.tell}</p>
        </div>
    }
}
