use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::components::routine_card::RoutineCard;
use crate::domain::catalogue;
use crate::domain::routine::Routine;
use crate::domain::share;
use crate::hooks::use_routines::use_routines;
use crate::hooks::use_settings::use_settings;
use crate::hooks::use_title::use_title;
use crate::pages::shared::SharedRoutine;

/// `/`: the routines to start from, and the safety text one tap away; or,
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
