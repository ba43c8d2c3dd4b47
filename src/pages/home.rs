use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::components::routine_card::RoutineCard;
use crate::domain::catalogue;
use crate::domain::cautions;
use crate::domain::routine::{exercise_count, rough_duration, Routine};
use crate::domain::share;
use crate::domain::suggest::{self, Suggestion};
use crate::hooks::use_routines::use_routines;
use crate::hooks::use_settings::use_settings;
use crate::hooks::use_title::use_title;
use crate::pages::shared::SharedRoutine;

/// `/`: "How is your back today?" and a routine for it, the routines to
/// start from, and the safety text one tap away; or,
/// with a share fragment (`/#r=…`), the routine someone shared.
#[component]
pub fn Home() -> impl IntoView {
    let hash = use_location().hash;
    move || {
        let fragment = hash.with(|h| h.trim_start_matches('#').to_string());
        if share::is_share_fragment(&fragment) {
            view! { <SharedRoutine fragment /> }.into_any()
        } else {
            view! { <Routines /> }.into_any()
        }
    }
}

/// Built-in and saved routines, shortest first.
#[component]
fn Routines() -> impl IntoView {
    use_title("Home");
    // Shortest first: the quickest way to start sits at the top.
    let mut routines: Vec<Routine> = catalogue::routines()
        .iter()
        .filter_map(Routine::from_builtin)
        .collect();
    let timing = use_settings().with_untracked(|s| s.timing());
    routines.sort_by_key(|r| r.total_seconds(&timing));
    let routines = routines
        .into_iter()
        .map(|routine| view! { <RoutineCard routine /> })
        .collect_view();
    let store = use_routines();
    let undo_failed = RwSignal::new(None::<String>);
    let undo = move || {
        let store = store?;
        let gone = store.deleted.get()?;
        Some(view! {
            <div class="notice-banner" role="status">
                <p>{format!("Deleted \u{201c}{}\u{201d}.", gone.name)}</p>
                <button type="button" class="button secondary" on:click=move |_| {
                    if let Err(error) = store.undo_delete() {
                        store.deleted.set(None);
                        undo_failed.set(Some(format!("Restored, but not saved. {}", error.explain())));
                    }
                }>"Undo"</button>
            </div>
        })
    };
    let mine = move || {
        let saved: Vec<Routine> = store?
            .routines
            .with(|r| r.items.iter().filter_map(|s| s.to_routine()).collect());
        (!saved.is_empty()).then(|| {
            let cards = saved
                .into_iter()
                .map(|routine| view! { <RoutineCard routine /> })
                .collect_view();
            view! {
                <h2>"Your routines"</h2>
                <ul class="cards">{cards}</ul>
            }
        })
    };
    let tips = catalogue::articles()
        .iter()
        .map(|a| {
            view! {
                <li>
                    <a href=format!("/tips/{}", a.id)>{a.title}</a>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="page">
            <h1>"Gentle stretches for your lower back"</h1>
            <p class="lead">
                "Short guided routines you can follow on your phone, with no account and no network."
            </p>
            <StartToday />
            <aside class="notice" aria-label="Safety">
                <p>
                    "Move slowly and stretch to mild tension, never into pain. "
                    <A href="/safety">"Stretch safely"</A>
                    " · "
                    <A href="/safety#warning-signs">"When to get help"</A>
                </p>
            </aside>
            {undo}
            <p role="alert">{move || undo_failed.get()}</p>
            {mine}
            <p>
                <A href="/builder" attr:class="button secondary">"Make your own routine"</A>
            </p>
            <h2>"Routines"</h2>
            <ul class="cards">{routines}</ul>
            <h2>"Everyday tips"</h2>
            <ul class="link-list">{tips}</ul>
        </section>
    }
}

/// "How is your back today?": a pain rating and the minutes free, and the
/// routine [`suggest::suggest`] finds for them, one tap from the player.
/// Nothing is stored. Before a rating is chosen it shows the same for
/// everyone (the prerendered copy): 5 minutes chosen, no rating, a hint.
#[component]
fn StartToday() -> impl IntoView {
    // The built-in routines as they will play for this person (their
    // cautions may swap or leave out steps), timed their way.
    let (timing, routines) = use_settings().with_untracked(|s| {
        let routines: Vec<Routine> = catalogue::routines()
            .iter()
            .filter_map(Routine::from_builtin)
            .map(|r| cautions::suit(r, &s.cautions).0)
            .collect();
        (s.timing(), routines)
    });
    let routines = StoredValue::new(routines);
    // The radios keep their own checked state; the signals only follow.
    let pain = RwSignal::new(None::<u8>);
    let minutes = RwSignal::new(suggest::DEFAULT_MINUTES);
    let suggestion = move || {
        let minutes = minutes.get();
        let pain = pain.get()?;
        routines.with_value(|r| suggest::suggest(pain, minutes, &timing, r))
    };
    let pain_options = (0..=suggest::MAX_PAIN)
        .map(|n| {
            let id = format!("pain-today-{n}");
            let words = match n {
                0 => " No pain",
                suggest::MAX_PAIN => " Worst pain",
                _ => "",
            };
            view! {
                <input type="radio" name="pain-today" id=id.clone() on:change=move |_| pain.set(Some(n)) />
                <label for=id>{n}<span class="sr-only">{words}</span></label>
            }
        })
        .collect_view();
    let minute_options = suggest::MINUTES
        .iter()
        .map(|&m| {
            let id = format!("minutes-today-{m}");
            view! {
                <input
                    type="radio"
                    name="minutes-today"
                    id=id.clone()
                    checked=m == suggest::DEFAULT_MINUTES
                    on:change=move |_| minutes.set(m)
                />
                <label for=id>{format!("{m} min")}</label>
            }
        })
        .collect_view();
    view! {
        <section class="today" aria-labelledby="today-heading">
            <h2 id="today-heading">"How is your back today?"</h2>
            <fieldset class="today-choice">
                <legend>"Pain right now, from 0 to 10"</legend>
                <div class="today-pain">{pain_options}</div>
                // Said to screen readers by the 0 and 10 buttons themselves.
                <p class="today-ends" aria-hidden="true">
                    <span>"0: no pain"</span>
                    <span>"10: worst pain"</span>
                </p>
            </fieldset>
            <fieldset class="today-choice">
                <legend>"Minutes you have"</legend>
                <div class="today-minutes">{minute_options}</div>
            </fieldset>
            // What a screen reader says when the suggestion changes; the
            // card below says the same, with the buttons.
            <p class="sr-only" role="status">
                {move || suggestion().map(|s| format!("{}, {}. {}", s.routine.name, rough_duration(s.seconds), s.reason))}
            </p>
            <div class="today-result">
                {move || match suggestion() {
                    Some(s) => shown(s).into_any(),
                    None => view! {
                        <p class="today-hint">"Choose a number to see a routine for today."</p>
                    }
                    .into_any(),
                }}
            </div>
        </section>
    }
}

/// The suggestion: the routine, its length, why, and the Start button.
fn shown(s: Suggestion) -> impl IntoView {
    let warning = s.warning_signs.then(|| {
        view! {
            <p class="today-warning">
                "With pain this strong, read "
                <a href="/safety#warning-signs">{catalogue::safety().warning_title}</a>
                " before you start."
            </p>
        }
    });
    view! {
        <h3 class="today-name">{s.routine.name.clone()}</h3>
        <p class="card-meta">
            <span class="pill">{rough_duration(s.seconds)}</span>
            {format!(" {}", exercise_count(s.routine.steps.len()))}
        </p>
        <p class="today-reason">{s.reason.clone()}</p>
        {warning}
        <p class="today-start">
            <a href=s.play_href() class="button big">
                "Start"
                <span class="sr-only">{format!(" {}", s.routine.name)}</span>
            </a>
            <a href=s.page_href()>
                "See the exercises"
                <span class="sr-only">{format!(" in {}", s.routine.name)}</span>
            </a>
        </p>
    }
}
