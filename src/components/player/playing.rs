//! The session in progress: a colour field and a big word for each phase,
//! so holding, resting and paused can be told apart from the floor.

use leptos::prelude::*;

use super::focus_soon;
use super::rating::VoiceToggle;
use super::sheets::{EndSheet, HurtsSheet, LeaveSheet};
use crate::components::figure::{FigureView, Show};
use crate::domain::catalogue;
use crate::domain::cautions;
use crate::domain::cue::{next_words, phase_title, position};
use crate::domain::plan::{Phase, Side};
use crate::domain::routine::clock;
use crate::domain::stats;
use crate::hooks::use_history::use_history;
use crate::hooks::use_player_session::{Overlay, PlayerSession};
use crate::hooks::use_settings::use_settings;
use crate::platform::time::local_today;

#[component]
pub fn Playing(session: PlayerSession) -> impl IntoView {
    let engine = session.engine;
    let now = session.now;
    let segment = Memo::new(move |_| session.segment());
    let stretch = Memo::new(move |_| {
        segment.track();
        session.current_stretch().map(|s| s.id)
    });
    let paused = Memo::new(move |_| session.paused());
    // Exercises marked "This hurts" twice this month get a caution.
    let hurting = StoredValue::new(use_history().map_or_else(Vec::new, |store| {
        let (today, offset) = local_today();
        store
            .history
            .with_untracked(|h| stats::hurting(h, today, offset))
    }));
    let mine = StoredValue::new(use_settings().with_untracked(|s| s.cautions.clone()));
    let countdown = move || {
        let remaining = engine.with(|e| e.remaining(now.get()));
        clock(u32::try_from(remaining.div_ceil(1000)).unwrap_or(u32::MAX))
    };
    // The colour field: one per phase, and its own for paused.
    let field = move || {
        if paused.get() {
            return "paused";
        }
        match segment.get().map(|s| s.phase) {
            Some(Phase::GetReady) | None => "get-ready",
            Some(Phase::Hold) => "hold",
            Some(Phase::SwitchSides) => "switch",
            Some(Phase::Rest) => "rest",
        }
    };
    let word = move || {
        if paused.get() {
            "Paused".to_string()
        } else {
            segment.get().map_or(String::new(), |s| phase_title(&s))
        }
    };
    let place = Memo::new(move |_| {
        segment.track();
        engine
            .with_untracked(|e| e.index().and_then(|i| position(e.segments(), i)))
            .map(|p| p.words().join(" · "))
            .unwrap_or_default()
    });
    let mirrored =
        Signal::derive(move || segment.get().is_some_and(|s| s.side == Some(Side::Right)));
    let figure = move || {
        stretch
            .get()
            .and_then(catalogue::stretch)
            .map(|stretch| view! { <FigureView stretch show=Show::Moving mirrored /> })
    };
    let title = move || {
        stretch
            .get()
            .and_then(catalogue::stretch)
            .map_or("", |s| s.name)
    };
    let cue = move || {
        segment.get().and_then(|s| match s.phase {
            Phase::Hold | Phase::GetReady => {
                stretch.get().and_then(catalogue::stretch).map(|s| s.cue)
            }
            Phase::SwitchSides => Some("Come out slowly, then set up on the other side."),
            Phase::Rest => Some("Rest and breathe. Get into position for what comes next."),
        })
    };
    let next = move || {
        segment.track();
        engine.with_untracked(|e| {
            let index = e.index()?;
            let current = e.segments().get(index)?;
            let name_of = |step: usize| {
                session
                    .routine
                    .with_value(|r| r.steps.get(step).map_or("", |s| s.stretch.name))
            };
            Some(next_words(current, e.segments().get(index + 1), name_of))
        })
    };
    let segment_progress = move || {
        engine.with(|e| {
            let total = e.current().map_or(1, |s| s.duration_ms.max(1));
            (total - e.remaining(now.get()).min(total)) as f64 / total as f64
        })
    };
    let routine_progress =
        move || engine.with(|e| e.elapsed_total(now.get()) as f64 / e.total().max(1) as f64);
    // Focus goes into a sheet when it opens, so keyboard and screen-reader
    // users land in it, and back to the main control when it closes.
    Effect::new(move |was_open: Option<bool>| {
        let open = session.overlay.get() != Overlay::None;
        if open {
            focus_soon(".sheet button");
        } else if was_open == Some(true) {
            focus_soon(".player-controls .button.big");
        }
        open
    });
    // With a sheet open, only the sheet can be reached (it is modal).
    let behind = move || session.overlay.get() != Overlay::None;

    view! {
        <div class="stage" data-phase=field inert=behind>
            <div class="player-main">
                // Made anew for each phase, so its settling-in plays each time.
                {move || view! { <p class="phase">{word()}</p> }}
                <p class="place">{move || place.get()}</p>
                <h1 class="player-title">{title}</h1>
                {figure}
                <div class="countdown" role="timer" aria-label="Time left">
                    {countdown}
                </div>
                <label class="bar-label phase-bar">
                    <span class="sr-only">"This part"</span>
                    <progress max="1" prop:value=segment_progress></progress>
                </label>
                <label class="bar-label">
                    "Whole routine"
                    <progress max="1" prop:value=routine_progress></progress>
                </label>
                <p class="cue">{cue}</p>
                {move || {
                    stretch
                        .get()
                        .filter(|id| hurting.with_value(|h| h.iter().any(|x| x == id)))
                        .map(|_| view! { <p class="note caution-line">"This hurt twice recently. Go gently, or skip it."</p> })
                }}
                {move || {
                    // The person's own cautions for this exercise, where they
                    // look while holding it.
                    let stretch = stretch.get().and_then(catalogue::stretch)?;
                    let lines = mine
                        .with_value(|mine| cautions::concerning(stretch, mine))
                        .into_iter()
                        .map(|c| view! { <p class="note caution-line">{c.text}</p> })
                        .collect_view();
                    Some(lines)
                }}
                <p class="next">{next}</p>
            </div>
        </div>
        {move || match session.overlay.get() {
            Overlay::None => ().into_any(),
            Overlay::ConfirmEnd => view! { <EndSheet session /> }.into_any(),
            Overlay::Hurts => view! { <HurtsSheet session /> }.into_any(),
            Overlay::ConfirmLeave => view! { <LeaveSheet session /> }.into_any(),
        }}
        // One dock at the bottom: the controls and "This hurts" stay in
        // reach and in sight however the stage above scrolls.
        <div class="player-dock" inert=behind>
        <div class="player-controls">
            <button type="button" class="button secondary" on:click=move |_| session.back()>
                "Back"
            </button>
            <button
                type="button"
                class="button big"
                class:resume=move || paused.get()
                on:click=move |_| session.toggle()
            >
                {move || if paused.get() { "Resume" } else { "Pause" }}
            </button>
            <button type="button" class="button secondary" on:click=move |_| session.skip()>
                "Skip"
            </button>
        </div>
        <div class="player-extra">
            <button type="button" class="button hurts-button" on:click=move |_| session.this_hurts()>
                "This hurts"
            </button>
            <VoiceToggle voice=session.voice />
            <button type="button" class="button quiet" on:click=move |_| session.open(Overlay::ConfirmEnd)>
                "End"
            </button>
        </div>
        </div>
    }
}
