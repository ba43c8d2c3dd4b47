use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use leptos_router::NavigateOptions;

use crate::components::cautions::CautionFlag;
use crate::components::figure::{FigureView, Show};
use crate::domain::catalogue::{self, Sides};
use crate::domain::filter::Filter;
use crate::domain::routine::{clock, limits, rough_duration, Custom, Problem};
use crate::domain::saved::{Change, SavedRoutine, ID_PREFIX};
use crate::hooks::use_routines::{find_routine, use_routines};
use crate::hooks::use_settings::use_settings;
use crate::hooks::use_title::use_title;
use crate::platform::time::now_ms;

/// Most stretches the picker lists at once.
const PICKER_RESULTS: usize = 8;

/// `/builder` (a new routine; `?from=<routine>` starts from a copy,
/// `?add=<stretch>` with one stretch) and `/builder/:id` (edit a saved one).
#[component]
pub fn Builder() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let editing = params.with_untracked(|p| p.get("id"));
    let settings = use_settings();
    let rest = settings.with_untracked(|s| u16::from(s.rest_seconds));
    let mut custom = Custom {
        name: String::new(),
        rest_seconds: rest,
        steps: Vec::new(),
    };
    let adding = query
        .with_untracked(|q| q.get("add"))
        .and_then(|id| catalogue::stretch(&id));
    if let Some(saved) = editing.as_deref().and_then(|id| {
        use_routines()?
            .routines
            .with_untracked(|r| r.get(id)?.to_custom())
    }) {
        custom = saved;
        if let Some(stretch) = adding {
            custom.add(stretch);
        }
    } else if let Some(routine) = query
        .with_untracked(|q| q.get("from"))
        .and_then(|id| find_routine(&id))
    {
        custom = Custom::from_routine(&routine);
        // Whole characters: a saved routine's name may be any script.
        let name = if routine.id.starts_with(ID_PREFIX) {
            format!("{} (copy)", routine.name)
        } else {
            format!("My {}", routine.name)
        };
        custom.name = name.chars().take(limits::NAME_CHARS).collect();
    } else if let Some(stretch) = adding {
        custom.add(stretch);
    }
    let editing_saved = editing.filter(|id| id.starts_with(ID_PREFIX));
    let heading = if editing_saved.is_some() {
        "Edit routine"
    } else {
        "New routine"
    };
    use_title(heading);
    let draft = RwSignal::new(custom);
    let problems = RwSignal::new(Vec::<Problem>::new());
    let said = RwSignal::new(None::<String>);
    let navigate = use_navigate();
    let store = use_routines();

    let save = move |_| {
        let found = draft.with_untracked(Custom::problems);
        problems.set(found.clone());
        if !found.is_empty() {
            return;
        }
        let Some(store) = store else { return };
        let id = editing_saved
            .clone()
            .unwrap_or_else(|| format!("{ID_PREFIX}{}", now_ms()));
        let saved = draft.with_untracked(|d| SavedRoutine::new(&id, d, now_ms()));
        match store.change(&Change::Put(saved)) {
            Ok(()) => navigate(&format!("/routines/{id}"), NavigateOptions::default()),
            Err(error) => said.set(Some(error.explain())),
        }
    };
    let total = move || {
        let timing = settings.with(|s| s.timing());
        let seconds = draft.with(|d| d.to_routine("draft").total_seconds(&timing));
        format!("{} (about {})", clock(seconds), rough_duration(seconds))
    };

    view! {
        <section class="page prose builder">
            <h1>{heading}</h1>
            <label class="field">
                <span>"Name"</span>
                <input
                    type="text"
                    maxlength=limits::NAME_CHARS
                    autocomplete="off"
                    prop:value=move || draft.with(|d| d.name.clone())
                    on:input=move |ev| draft.update(|d| d.name = event_target_value(&ev))
                />
            </label>
            <label class="field">
                <span>"Rest between steps (seconds)"</span>
                <input
                    type="number"
                    min="0"
                    max="120"
                    inputmode="numeric"
                    prop:value=move || draft.with(|d| d.rest_seconds.to_string())
                    on:change=move |ev| draft.update(|d| d.set_rest(number(&ev)))
                />
            </label>
            <p class="total">
                "Total time: " <strong aria-live="polite">{total}</strong>
            </p>
            <h2>"Steps"</h2>
            <StepList draft />
            <Picker draft />
            {move || {
                let list = problems.get();
                (!list.is_empty()).then(|| view! {
                    <div role="alert" class="problems">
                        <p>"Before saving:"</p>
                        <ul>{list.into_iter().map(|p| view! { <li>{p.explain()}</li> }).collect_view()}</ul>
                    </div>
                })
            }}
            <p role="status">{move || said.get()}</p>
            <div class="button-row">
                <button type="button" class="button big" on:click=save>"Save routine"</button>
            </div>
        </section>
    }
}

/// The steps with their controls; moving or removing keeps focus on the
/// step's controls, so a keyboard user never starts over at the top.
#[component]
fn StepList(draft: RwSignal<Custom>) -> impl IntoView {
    move || {
        let count = draft.with(|d| d.steps.len());
        if count == 0 {
            return view! { <p class="empty">"No steps yet. Find a stretch below and add it."</p> }
                .into_any();
        }
        let items = (0..count)
            .map(|i| {
                let step = draft.with_untracked(|d| d.steps[i].clone());
                let name = step.stretch.name;
                let stretch = step.stretch;
                let sides = step.stretch.per_side.then(|| {
                    view! {
                        <label class="field">
                            <span><span class="sr-only">{format!("{name} ")}</span>"Sides"</span>
                            <select on:change=move |ev| {
                                let side = Sides::from_slug(&event_target_value(&ev)).unwrap_or(Sides::Both);
                                draft.update(|d| d.steps[i].sides = side);
                            }>
                                {[Sides::Both, Sides::Left, Sides::Right]
                                    .into_iter()
                                    .map(|s| view! { <option value=s.slug() selected=step.sides == s>{s.label()}</option> })
                                    .collect_view()}
                            </select>
                        </label>
                    }
                });
                view! {
                    <li class="builder-step">
                        <div class="with-figure">
                            <FigureView stretch show=Show::Thumbnail />
                            <h3 class="card-title">{format!("{}. {name}", i + 1)}</h3>
                        </div>
                        <div class="step-fields">
                            <NumberField label="Hold (seconds)" name min=5 max=300 value=step.hold_seconds
                                set=Callback::new(move |v| draft.update(|d| d.steps[i].hold_seconds = v)) />
                            <NumberField label="Repetitions" name min=1 max=10 value=u16::from(step.reps)
                                set=Callback::new(move |v: u16| draft.update(|d| d.steps[i].reps = u8::try_from(v).unwrap_or(u8::MAX))) />
                            {sides}
                            <NumberField label="Rest after (seconds)" name min=0 max=120 value=step.rest_after_seconds
                                set=Callback::new(move |v| draft.update(|d| d.steps[i].rest_after_seconds = v)) />
                        </div>
                        <div class="button-row">
                            <button type="button" class="button secondary" id=format!("up-{i}") disabled=i == 0
                                aria-label=format!("Move {name} up")
                                on:click=move |_| {
                                    draft.update(|d| d.move_up(i));
                                    focus_soon(if i == 1 { format!("down-{}", 0) } else { format!("up-{}", i - 1) });
                                }>"Up"</button>
                            <button type="button" class="button secondary" id=format!("down-{i}") disabled=i + 1 == count
                                aria-label=format!("Move {name} down")
                                on:click=move |_| {
                                    draft.update(|d| d.move_down(i));
                                    focus_soon(if i + 2 == count { format!("up-{}", i + 1) } else { format!("down-{}", i + 1) });
                                }>"Down"</button>
                            <button type="button" class="button secondary" id=format!("remove-{i}")
                                aria-label=format!("Remove {name}")
                                on:click=move |_| {
                                    draft.update(|d| { d.steps.remove(i); });
                                    focus_soon(if count == 1 { "find-stretch".into() } else { format!("remove-{}", i.min(count - 2)) });
                                }>"Remove"</button>
                        </div>
                    </li>
                }
            })
            .collect_view();
        view! { <ol class="builder-steps">{items}</ol> }.into_any()
    }
}

/// A whole-number input whose accessible name includes the stretch's name.
#[component]
fn NumberField(
    label: &'static str,
    name: &'static str,
    min: u16,
    max: u16,
    value: u16,
    set: Callback<u16>,
) -> impl IntoView {
    view! {
        <label class="field">
            <span><span class="sr-only">{format!("{name} ")}</span>{label}</span>
            <input type="number" inputmode="numeric" min=min max=max value=value
                on:change=move |ev| set.run(number(&ev)) />
        </label>
    }
}

/// Search the catalogue and add stretches to the end of the routine.
#[component]
fn Picker(draft: RwSignal<Custom>) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let added = RwSignal::new(None::<String>);
    let results = move || {
        let filter = Filter {
            text: text.get(),
            ..Filter::default()
        };
        if filter.text.trim().is_empty() {
            return ().into_any();
        }
        let found: Vec<_> = catalogue::stretches()
            .iter()
            .filter(|s| filter.matches(s))
            .take(PICKER_RESULTS)
            .collect();
        if found.is_empty() {
            return view! { <p>"No stretch matches that. Try another word."</p> }.into_any();
        }
        found
            .into_iter()
            .map(|stretch| {
                view! {
                    <li class="picker-item">
                        <span>{stretch.name}<CautionFlag stretch /></span>
                        <button type="button" class="button secondary" aria-label=format!("Add {}", stretch.name)
                            on:click=move |_| {
                                let full = draft.with_untracked(|d| d.steps.len() >= *limits::STEPS.end());
                                if full {
                                    added.set(Some(Problem::TooManySteps.explain()));
                                    return;
                                }
                                draft.update(|d| d.add(stretch));
                                let n = draft.with_untracked(|d| d.steps.len());
                                added.set(Some(format!("Added {} as step {n}.", stretch.name)));
                            }>
                            "Add"
                        </button>
                    </li>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <h2>"Add stretches"</h2>
        <label class="field">
            <span>"Find a stretch"</span>
            <input type="search" id="find-stretch" autocomplete="off" placeholder="e.g. cat, hamstring"
                prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev)) />
        </label>
        <ul class="picker">{results}</ul>
        <p role="status" class="small">{move || added.get()}</p>
    }
}

/// A number from an input; empty or not a number reads as 0, which the
/// routine's checks then name.
fn number(ev: &leptos::ev::Event) -> u16 {
    event_target_value(ev).trim().parse().unwrap_or(0)
}

/// Focuses the element with `id` once the list has been redrawn.
fn focus_soon(id: String) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                let _ = el.focus();
            }
        }
    });
}
