use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::routine::Custom;
use crate::domain::saved::{Change, SavedRoutine, ID_PREFIX};
use crate::domain::share;
use crate::hooks::use_routines::use_routines;
use crate::hooks::use_title::use_title;
use crate::pages::routine::{routine_facts, step_list};
use crate::platform::time::now_ms;

/// `/#r=…`: a routine someone shared. It is shown, never saved until the
/// person asks; a bad link says what is wrong and changes nothing.
#[component]
pub fn SharedRoutine(fragment: String) -> impl IntoView {
    match share::decode(&fragment) {
        Ok(custom) => view! { <Preview custom fragment /> }.into_any(),
        Err(error) => {
            use_title("Link can't be opened");
            view! {
                <section class="page">
                    <h1>"This link can't be opened"</h1>
                    <p>{error.explain()}</p>
                    <p class="small">"Nothing on this device was changed."</p>
                    <p>
                        <A href="/" attr:class="button">"See all routines"</A>
                    </p>
                </section>
            }
            .into_any()
        }
    }
}

/// Where saving a shared routine stands.
#[derive(Clone, PartialEq)]
enum Saving {
    Idle,
    /// A saved routine already has this name: ask before replacing it.
    Asking {
        existing: String,
    },
    Saved {
        id: String,
    },
    Failed(String),
}

#[component]
fn Preview(custom: Custom, fragment: String) -> impl IntoView {
    use_title(format!("Shared: {}", custom.name));
    let routine = custom.to_routine("shared");
    let store = use_routines();
    let state = RwSignal::new(Saving::Idle);
    let custom = StoredValue::new(custom);
    let save_as = move |id: String| {
        let Some(store) = store else { return };
        let saved = SavedRoutine::new(&id, &custom.get_value(), now_ms());
        state.set(match store.change(&Change::Put(saved)) {
            Ok(()) => Saving::Saved { id },
            Err(error) => Saving::Failed(error.explain()),
        });
    };
    let new_id = move || format!("{ID_PREFIX}{}", now_ms());
    let save = move |_| {
        let existing = store.and_then(|s| {
            s.routines
                .with_untracked(|r| custom.with_value(|c| r.named(&c.name).map(|e| e.id.clone())))
        });
        match existing {
            Some(existing) => state.set(Saving::Asking { existing }),
            None => save_as(new_id()),
        }
    };
    view! {
        <article class="page prose">
            <p class="crumb">"A routine shared with you"</p>
            <h1>{routine.name.clone()}</h1>
            {routine_facts(&routine)}
            <div class="button-row">
                <a href=format!("/play/shared#{fragment}") class="button big">"Play"</a>
                <button type="button" class="button secondary" on:click=save>
                    "Save to my routines"
                </button>
            </div>
            {move || match state.get() {
                Saving::Idle => ().into_any(),
                Saving::Asking { existing } => view! {
                    <div class="confirm" role="group" aria-labelledby="replace-question">
                        <p id="replace-question">
                            {custom.with_value(|c| format!("You already have a routine called \u{201c}{}\u{201d}. Replace it with this one?", c.name))}
                        </p>
                        <div class="button-row">
                            <button type="button" class="button" on:click=move |_| save_as(existing.clone())>"Replace it"</button>
                            <button type="button" class="button secondary" on:click=move |_| save_as(new_id())>"Keep both"</button>
                            <button type="button" class="button secondary" on:click=move |_| state.set(Saving::Idle)>"Cancel"</button>
                        </div>
                    </div>
                }
                .into_any(),
                Saving::Saved { id } => view! {
                    <p role="status">
                        "Saved to your routines. "
                        <A href=format!("/routines/{id}")>"Open your copy"</A>
                    </p>
                }
                .into_any(),
                Saving::Failed(text) => view! { <p role="alert">{text}</p> }.into_any(),
            }}
            <h2>"Steps"</h2>
            {step_list(&routine)}
            <p class="small">
                "Stretch gently and stop if anything hurts. "
                <A href="/safety#warning-signs">"When to get help"</A>
            </p>
        </article>
    }
}
