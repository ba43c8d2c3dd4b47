//! Small controls the intro, the session and the finish share.

use leptos::prelude::*;

/// Turns the spoken cues on or off; sound and vibration stay.
#[component]
pub fn VoiceToggle(voice: RwSignal<bool>) -> impl IntoView {
    view! {
        <label class="check">
            <input
                type="checkbox"
                prop:checked=move || voice.get()
                on:change=move |_| voice.update(|v| *v = !*v)
            />
            <span>"Spoken cues"</span>
        </label>
    }
}

/// A 0-10 rating; answering is optional.
#[component]
pub fn PainRating(
    value: RwSignal<Option<u8>>,
    /// The radio group's name, unique on the page.
    name: &'static str,
    legend: &'static str,
) -> impl IntoView {
    let options = (0..=10u8)
        .map(|n| {
            let id = format!("{name}-{n}");
            view! {
                <input
                    type="radio"
                    name=name
                    id=id.clone()
                    prop:checked=move || value.get() == Some(n)
                    on:change=move |_| value.set(Some(n))
                />
                <label for=id>{n}</label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="rating">
            <legend>{legend}</legend>
            <p class="small" id=format!("{name}-hint")>"0 is no pain, 10 is the worst you can imagine. You can skip this."</p>
            <div class="rating-scale">{options}</div>
        </fieldset>
    }
}
