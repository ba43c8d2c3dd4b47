use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::components::cautions::Cautions;
use crate::components::figure::{FigureView, Show};
use crate::components::missing::Missing;
use crate::domain::catalogue::{self, Equipment, Movement, Stretch};
use crate::domain::filter::difficulty_label;
use crate::domain::routine::Step;
use crate::hooks::use_routines::use_routines;
use crate::hooks::use_title::use_title;

/// `/stretches/:id`: how to do one exercise, what to feel, and when to take care.
#[component]
pub fn StretchPage() -> impl IntoView {
    let params = use_params_map();
    move || {
        let id = params.with(|p| p.get("id").unwrap_or_default());
        match catalogue::stretch(&id) {
            Some(stretch) => view! { <StretchDetail stretch /> }.into_any(),
            None => view! {
                <Missing
                    title="Stretch not found"
                    message="We couldn't find that stretch. It may have been renamed in an old link."
                    href="/stretches"
                    label="Browse all stretches"
                />
            }
            .into_any(),
        }
    }
}

#[component]
fn StretchDetail(stretch: &'static Stretch) -> impl IntoView {
    use_title(stretch.name);
    let list = |items: &'static [&'static str]| {
        items
            .iter()
            .map(|item| view! { <li>{*item}</li> })
            .collect_view()
    };
    let equipment = match stretch.equipment {
        [Equipment::None] => "Nothing".to_string(),
        items => items
            .iter()
            .map(|e| e.label())
            .collect::<Vec<_>>()
            .join(", "),
    };
    let areas = stretch
        .areas
        .iter()
        .map(|a| a.label())
        .collect::<Vec<_>>()
        .join(", ");
    let timing = match stretch.movement {
        Movement::Static => format!("Hold {}", Step::default_for(stretch).dose()),
        Movement::Dynamic | Movement::Breathing => {
            format!("Move slowly for {}", Step::default_for(stretch).dose())
        }
    };
    let gentler = stretch.gentler.and_then(catalogue::stretch).map(|g| {
        view! {
            <p>
                "Too much today? Try "
                <A href=format!("/stretches/{}", g.id)>{g.name}</A>
                " instead."
            </p>
        }
    });
    view! {
        <article class="page prose">
            <p class="crumb">
                <A href="/stretches">"All stretches"</A>
            </p>
            <h1>{stretch.name}</h1>
            <p class="lead">{stretch.summary}</p>
            <FigureView stretch show=Show::Moving />
            <dl class="facts">
                <div>
                    <dt>"Position"</dt>
                    <dd>{stretch.position.label()}</dd>
                </div>
                <div>
                    <dt>"You need"</dt>
                    <dd>{equipment}</dd>
                </div>
                <div>
                    <dt>"Works on"</dt>
                    <dd>{areas}</dd>
                </div>
                <div>
                    <dt>"Level"</dt>
                    <dd>{format!("{} · {}", difficulty_label(stretch.difficulty), stretch.kind.label())}</dd>
                </div>
                <div>
                    <dt>"Timing"</dt>
                    <dd>{timing}</dd>
                </div>
            </dl>
            {stretch
                .per_side
                .then(|| {
                    view! { <p class="note">"Do it on your left side first, then on your right."</p> }
                })}
            <TryIt stretch />
            <AddToRoutine stretch />
            <Cautions cautions=stretch.cautions />
            <h2>"How to do it"</h2>
            <ol class="steps">{list(stretch.steps)}</ol>
            <h2>"What you should feel"</h2>
            <p>{stretch.feel}</p>
            <h2>"Common mistakes"</h2>
            <ul>{list(stretch.mistakes)}</ul>
            {gentler}
            <p class="small">
                "Stop if you feel sharp pain, numbness or tingling. "
                <A href="/safety#warning-signs">"When to get help"</A>
            </p>
        </article>
    }
}

/// Play this one exercise now, with a hold time of the person's choosing.
#[component]
fn TryIt(stretch: &'static Stretch) -> impl IntoView {
    let hold = RwSignal::new(stretch.hold_seconds);
    let mut choices: Vec<u16> = vec![10, 15, 20, 30, 45, 60];
    if !choices.contains(&stretch.hold_seconds) {
        choices.push(stretch.hold_seconds);
        choices.sort_unstable();
    }
    let options = choices
        .into_iter()
        .map(|s| view! { <option value=s.to_string() selected=s == stretch.hold_seconds>{format!("{s} seconds")}</option> })
        .collect_view();
    view! {
        <div class="try-it">
            <label for="hold">"Hold for"</label>
            <select
                id="hold"
                on:change=move |ev| {
                    if let Ok(s) = event_target_value(&ev).parse() {
                        hold.set(s);
                    }
                }
            >
                {options}
            </select>
            <A href=move || format!("/play/stretch/{}?hold={}", stretch.id, hold.get()) attr:class="button">
                "Try it now"
            </A>
        </div>
    }
}

/// "Add to a routine": a new one, or any the person saved.
#[component]
fn AddToRoutine(stretch: &'static Stretch) -> impl IntoView {
    let saved = use_routines()
        .map(|store| {
            store.routines.with_untracked(|r| {
                r.items
                    .iter()
                    .map(|routine| (routine.id.clone(), routine.name.clone()))
                    .collect::<Vec<_>>()
            })
        })
        .unwrap_or_default();
    view! {
        <h2>"Add to a routine"</h2>
        <ul class="link-list">
            <li>
                <A href=format!("/builder?add={}", stretch.id)>"A new routine"</A>
            </li>
            {saved
                .into_iter()
                .map(|(id, name)| view! {
                    <li><A href=format!("/builder/{id}?add={}", stretch.id)>{name}</A></li>
                })
                .collect_view()}
        </ul>
    }
}
