//! The guided session: get ready, hold, switch sides, rest, done. Time comes
//! from the clock through the pure engine; this view only samples it, redraws
//! and plays cues.

use leptos::ev;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::figure::{FigureView, Show};
use crate::domain::catalogue::{self, Urgency};
use crate::domain::cautions;
use crate::domain::cue::{next_words, phase_title, spoken, tones};
use crate::domain::engine::{Engine, Event, State};
use crate::domain::plan::{Phase, Plan, Side};
use crate::domain::routine::{clock, exercise_count, spoken_duration, Routine};
use crate::domain::session::SessionRecord;
use crate::domain::stats;
use crate::hooks::use_clock::{use_clock, Clock, PerformanceClock};
use crate::hooks::use_cues::{use_cues, Cues};
use crate::hooks::use_document_event::use_document_event;
use crate::hooks::use_history::use_history;
use crate::hooks::use_sampler::use_sampler;
use crate::hooks::use_settings::use_settings;
use crate::hooks::use_title::use_title;
use crate::platform::time::{local_today, now_ms};
use crate::platform::wake_lock;

/// Cues for a boundary crossed longer ago than this (after a locked screen)
/// are not played late: the screen simply shows where real time is.
const LATE_CUE_MS: u64 = 1500;
/// The longest wait between two looks at the clock (for the progress bars).
/// The countdown itself is sampled just after each second changes. Sound
/// does not depend on either: it is scheduled on the audio clock.
const MAX_SAMPLE_MS: u32 = 250;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Screen {
    Intro,
    Playing,
    Finish,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Overlay {
    None,
    ConfirmEnd,
    Hurts,
}

/// Plays `routine`.
#[component]
pub fn Player(
    routine: Routine,
    /// What was changed to suit the person's cautions, in words.
    #[prop(optional)]
    changes: Vec<String>,
) -> impl IntoView {
    use_title(routine.name.clone());
    let Some(clock) = use_clock() else {
        return view! {
            <section class="page">
                <h1>"This browser has no reliable clock"</h1>
                <p>"Limber needs one to time your stretches. Try a current browser."</p>
            </section>
        }
        .into_any();
    };
    let routine = StoredValue::new(routine);
    // Settings are read once per session: changing them mid-routine would
    // move boundaries under the person's feet.
    let settings = use_settings().get_untracked();
    let timing = settings.timing();
    let engine = RwSignal::new(Engine::new(routine.with_value(|r| Plan::new(r, &timing))));
    let now = RwSignal::new(clock.now_ms());
    let clock = StoredValue::new_local(clock);
    let cues = StoredValue::new_local(use_cues());
    let overlay = RwSignal::new(Overlay::None);
    let voice = RwSignal::new(settings.voice);
    let volume = settings.tone_volume();
    let vibration = settings.vibration;
    let voice_name = StoredValue::new(settings.voice_name.clone());
    let announcement = RwSignal::new(String::new());
    let pain_before = RwSignal::new(None::<u8>);
    let pain_after = RwSignal::new(None::<u8>);
    let hurt = RwSignal::new(Vec::<String>::new());
    let ended = RwSignal::new(false);
    let started_at = StoredValue::new(0u64);
    let saved = RwSignal::new(false);

    let read_clock = move || clock.with_value(PerformanceClock::now_ms);

    // Reacts to what the engine reports: speech, buzz and the live region.
    let react = move |events: Vec<Event>, at: u64| {
        for event in events {
            match event {
                Event::Entered { index, at: began } => {
                    let segment = engine.with_untracked(|e| e.segments()[index]);
                    let words = routine.with_value(|r| spoken(r, &segment));
                    let label = routine.with_value(|r| announce(r, &segment));
                    announcement.set(label);
                    if at.saturating_sub(began) < LATE_CUE_MS {
                        // A cue the browser lacks or refuses is simply not
                        // given: the countdown still guides, and Settings
                        // says what this browser cannot do.
                        cues.with_value(|c| {
                            if vibration {
                                let _ = c.vibrate(120);
                            }
                            if let (true, Some(words)) = (voice.get_untracked(), words) {
                                let _ =
                                    voice_name.with_value(|name| c.say(&words, name.as_deref()));
                            }
                        });
                    }
                }
                Event::Finished { at: done } => {
                    announcement.set("Done. Well done.".into());
                    cues.with_value(|c| {
                        c.release_wake_lock();
                        // As above: a missing cue leaves the screen to say it.
                        if at.saturating_sub(done) < LATE_CUE_MS {
                            if vibration {
                                let _ = c.vibrate(300);
                            }
                            if voice.get_untracked() {
                                let _ = voice_name
                                    .with_value(|name| c.say("Done. Well done.", name.as_deref()));
                            }
                        }
                    });
                }
                Event::CaughtUp { .. } | Event::Paused | Event::Resumed => {}
            }
        }
    };
    // Sound for everything ahead, on the audio clock; replaces what was scheduled.
    let reschedule = move |at: u64| {
        let ahead = engine.with_untracked(|e| tones(e, at));
        if volume > 0.0 {
            cues.with_value(|c| c.schedule(at, &ahead, volume));
        }
    };
    // Runs one control against the engine at the current clock time.
    let act = move |action: fn(&mut Engine, u64) -> Vec<Event>| {
        let at = read_clock();
        now.set(at);
        let mut events = Vec::new();
        engine.update(|e| events = action(e, at));
        react(events, at);
        let running = matches!(engine.with_untracked(Engine::state), State::Running { .. });
        cues.with_value(|c| {
            if running {
                c.hold_wake_lock();
            } else {
                c.cancel_tones();
                c.release_wake_lock();
            }
        });
        if running {
            reschedule(at);
        }
    };
    // Samples the clock; after a gap the engine lands where real time says.
    let sync = move || {
        let at = read_clock();
        now.set(at);
        let mut events = Vec::new();
        // Most samples cross no boundary: only a crossing redraws the screen.
        engine.update_untracked(|e| events = e.advance(at));
        if !events.is_empty() {
            engine.notify();
        }
        react(events, at);
    };
    use_sampler(move || {
        sync();
        // Wake 1 ms after the shown second changes (or sooner, for the bars).
        // Paused or not started, nothing changes: look now and then.
        engine.with_untracked(|e| match e.state() {
            State::Running { .. } => {
                let to_next_second = e.remaining(read_clock()) % 1000;
                u32::try_from(to_next_second).map_or(MAX_SAMPLE_MS, |ms| ms.min(MAX_SAMPLE_MS) + 1)
            }
            _ => MAX_SAMPLE_MS,
        })
    });
    use_document_event("visibilitychange", move || {
        if document().visibility_state() == web_sys::VisibilityState::Visible {
            // Back from a locked screen: catch up, drop stale sound, keep awake.
            sync();
            if matches!(engine.with_untracked(Engine::state), State::Running { .. }) {
                reschedule(read_clock());
                cues.with_value(Cues::restore_wake_lock);
            }
        }
    });

    let start = move |_| {
        cues.with_value(Cues::unlock);
        started_at.set_value(now_ms());
        act(Engine::start);
    };
    let toggle_pause = move || match engine.with_untracked(Engine::state) {
        State::Running { .. } => act(Engine::pause),
        State::Paused { .. } if overlay.get_untracked() == Overlay::None => {
            // iOS suspends audio while paused or hidden; only a tap may resume it.
            cues.with_value(Cues::unlock);
            act(Engine::resume);
        }
        _ => {}
    };
    // A sheet pauses the session; closing it resumes only what it paused.
    let paused_by_sheet = StoredValue::new(false);
    let open = move |which: Overlay| {
        let running = matches!(engine.with_untracked(Engine::state), State::Running { .. });
        if running {
            act(Engine::pause);
        }
        if overlay.get_untracked() == Overlay::None {
            paused_by_sheet.set_value(running);
        }
        overlay.set(which);
    };
    let close = move || {
        overlay.set(Overlay::None);
        if paused_by_sheet.get_value() {
            act(Engine::resume);
        }
    };
    let end = move || {
        overlay.set(Overlay::None);
        act(Engine::pause);
        ended.set(true);
    };
    let this_hurts = move |_| {
        if let Some(id) = current_stretch(routine, engine).map(|s| s.id.to_string()) {
            hurt.update(|h| {
                if !h.contains(&id) {
                    h.push(id);
                }
            });
        }
        open(Overlay::Hurts);
    };

    let keys = window_event_listener(ev::keydown, move |event| {
        let typing = event
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(t).ok())
            .is_some_and(|t| matches!(t.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        let playing = matches!(
            engine.with_untracked(Engine::state),
            State::Running { .. } | State::Paused { .. }
        ) && !ended.get_untracked();
        if typing || !playing {
            return;
        }
        match event.key().as_str() {
            " " | "Spacebar" => {
                event.prevent_default();
                toggle_pause();
            }
            "ArrowRight" if overlay.get_untracked() == Overlay::None => act(Engine::skip),
            "ArrowLeft" if overlay.get_untracked() == Overlay::None => act(Engine::back),
            "Escape" => match overlay.get_untracked() {
                Overlay::None => open(Overlay::ConfirmEnd),
                _ => close(),
            },
            _ => {}
        }
    });
    on_cleanup(move || keys.remove());

    // Which screen shows changes rarely; the memo keeps every clock sample
    // from rebuilding it.
    let screen = Memo::new(move |_| {
        if ended.get() || engine.with(|e| e.state() == State::Finished) {
            Screen::Finish
        } else if engine.with(|e| e.state() == State::Ready) {
            Screen::Intro
        } else {
            Screen::Playing
        }
    });

    let body = move || {
        if screen.get() == Screen::Finish {
            view! {
                <Finish
                    routine
                    engine
                    now
                    hurt
                    pain_before
                    pain_after
                    started_at
                    ended
                    saved
                />
            }
            .into_any()
        } else if screen.get() == Screen::Intro {
            view! { <Intro routine changes=changes.clone() pain_before voice on_start=Callback::new(start) /> }.into_any()
        } else {
            view! {
                <Playing
                    routine
                    engine
                    now
                    overlay
                    on_toggle=Callback::new(move |()| toggle_pause())
                    on_skip=Callback::new(move |()| act(Engine::skip))
                    on_back=Callback::new(move |()| act(Engine::back))
                    on_end=Callback::new(move |()| open(Overlay::ConfirmEnd))
                    on_hurts=Callback::new(this_hurts)
                    on_close=Callback::new(move |()| close())
                    on_confirm_end=Callback::new(move |()| end())
                    on_skip_exercise=Callback::new(move |()| {
                        overlay.set(Overlay::None);
                        act(Engine::skip_exercise);
                        if paused_by_sheet.get_value() {
                            act(Engine::resume);
                        }
                    })
                    voice
                />
            }
            .into_any()
        }
    };
    view! {
        <section class="player">
            {body}
            <p class="sr-only" aria-live="polite">{move || announcement.get()}</p>
        </section>
    }
    .into_any()
}

/// The exercise the screen is about: during a rest between exercises, the next one.
fn current_stretch(
    routine: StoredValue<Routine>,
    engine: RwSignal<Engine>,
) -> Option<&'static catalogue::Stretch> {
    let segment = engine.with_untracked(|e| e.current().copied())?;
    let between = segment.phase == Phase::Rest && segment.side.is_none() && segment.rep == 1;
    let step = if between {
        segment.step + 1
    } else {
        segment.step
    };
    routine.with_value(|r| r.steps.get(step).map(|s| s.stretch))
}

/// The words for a screen reader when a segment begins.
fn announce(routine: &Routine, segment: &crate::domain::plan::Segment) -> String {
    let name = routine
        .steps
        .get(segment.step)
        .map_or("", |s| s.stretch.name);
    let seconds = u32::try_from(segment.duration_ms / 1000).unwrap_or(u32::MAX);
    format!(
        "{}: {name}, {}",
        phase_title(segment),
        spoken_duration(seconds)
    )
}

/// Before the start: what is coming, the pain rating and the Start button.
#[component]
fn Intro(
    routine: StoredValue<Routine>,
    changes: Vec<String>,
    pain_before: RwSignal<Option<u8>>,
    voice: RwSignal<bool>,
    on_start: Callback<ev::MouseEvent>,
) -> impl IntoView {
    // The person's own timings, as the routine page counts them.
    let timing = use_settings().with_untracked(|s| s.timing());
    let (name, total, count) = routine.with_value(|r| {
        (
            r.name.clone(),
            r.total_seconds(&timing),
            exercise_count(r.steps.len()),
        )
    });
    view! {
        <div class="player-intro">
            <h1>{name}</h1>
            <p class="lead">
                {format!("{} · {count}", clock(total))}
            </p>
            <Changes changes />
            <PainRating value=pain_before name="pain-before" legend="How does your back feel right now?" />
            <VoiceToggle voice />
            <p class="small">"Move slowly. Stretch to mild tension, never into pain."</p>
            {(!wake_lock::supported()).then(|| view! {
                <p class="small">
                    "This browser can't keep the screen on, so it may dim during the session. The timer stays right: tap the screen to look."
                </p>
            })}
            <div class="player-controls">
                <button type="button" class="button big" on:click=move |e| on_start.run(e)>
                    "Start"
                </button>
            </div>
        </div>
    }
}

/// What was changed to suit the person's cautions, if anything.
#[component]
pub fn Changes(changes: Vec<String>) -> impl IntoView {
    (!changes.is_empty()).then(|| {
        view! {
            <div class="notice adapted" role="note" aria-labelledby="adapted-heading">
                <h2 id="adapted-heading">"Changed for you"</h2>
                <ul>{changes.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
                <p class="small"><a href="/settings#your-health">"Your cautions"</a></p>
            </div>
        }
    })
}

/// Turns the spoken cues on or off; sound and vibration stay.
#[component]
fn VoiceToggle(voice: RwSignal<bool>) -> impl IntoView {
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
fn PainRating(
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

/// The session in progress.
#[component]
#[allow(clippy::too_many_arguments)]
fn Playing(
    routine: StoredValue<Routine>,
    engine: RwSignal<Engine>,
    now: RwSignal<u64>,
    overlay: RwSignal<Overlay>,
    on_toggle: Callback<()>,
    on_skip: Callback<()>,
    on_back: Callback<()>,
    on_end: Callback<()>,
    on_hurts: Callback<ev::MouseEvent>,
    on_close: Callback<()>,
    on_confirm_end: Callback<()>,
    on_skip_exercise: Callback<()>,
    voice: RwSignal<bool>,
) -> impl IntoView {
    let segment = Memo::new(move |_| engine.with(|e| e.current().copied()));
    let stretch = Memo::new(move |_| {
        segment.track();
        current_stretch(routine, engine).map(|s| s.id)
    });
    let paused = move || engine.with(|e| matches!(e.state(), State::Paused { .. }));
    // Exercises marked "This hurts" twice this month get a caution.
    let hurting = StoredValue::new(use_history().map_or_else(Vec::new, |store| {
        let (today, offset) = local_today();
        store
            .history
            .with_untracked(|h| stats::hurting(h, today, offset))
    }));
    let mine = StoredValue::new(use_settings().with_untracked(|s| s.cautions.clone()));
    let remaining = move || engine.with(|e| e.remaining(now.get()));
    let countdown = move || {
        let seconds = u32::try_from(remaining().div_ceil(1000)).unwrap_or(u32::MAX);
        clock(seconds)
    };
    let phase = move || segment.get().map_or(String::new(), |s| phase_title(&s));
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
        engine.with(|e| {
            let index = e.index()?;
            let current = e.segments().get(index)?;
            let name_of = |step: usize| {
                routine.with_value(|r| r.steps.get(step).map_or("", |s| s.stretch.name))
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
    // `autofocus` is ignored on elements added after load: move focus into a
    // sheet when it opens, so keyboard and screen-reader users land in it.
    Effect::new(move |_| {
        if overlay.get() != Overlay::None {
            request_animation_frame(|| {
                let first = document()
                    .query_selector(".sheet button")
                    .ok()
                    .flatten()
                    .and_then(|b| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(b).ok());
                if let Some(button) = first {
                    let _ = button.focus();
                }
            });
        }
    });
    // Pain mid-stretch is when the emergency signs matter; the calmer tiers
    // would bury them in a small sheet, and /safety has them all.
    let emergency = catalogue::safety().tier(Urgency::Emergency).map(|tier| {
        let signs = tier
            .signs
            .iter()
            .map(|s| view! { <li>{s.sign}</li> })
            .collect_view();
        view! {
            <h3>{tier.title}</h3>
            <ul>{signs}</ul>
            <p class="note">{tier.action}</p>
            <p>{tier.tell}</p>
        }
    });

    view! {
        <div class="player-main">
            <p class="phase">{phase}</p>
            <h1 class="player-title">{title}</h1>
            {figure}
            <div class="countdown" role="timer" aria-label="Time left">
                {countdown}
            </div>
            <label class="bar-label">
                "This part"
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
        {move || match overlay.get() {
            Overlay::None => ().into_any(),
            Overlay::ConfirmEnd => view! {
                <div class="sheet" role="alertdialog" aria-labelledby="end-title" aria-modal="true">
                    <h2 id="end-title">"End this session?"</h2>
                    <p>"What you have done so far still counts."</p>
                    <div class="sheet-actions">
                        <button type="button" class="button secondary" on:click=move |_| on_close.run(())>
                            "Keep going"
                        </button>
                        <button type="button" class="button" on:click=move |_| on_confirm_end.run(())>
                            "End session"
                        </button>
                    </div>
                </div>
            }
            .into_any(),
            Overlay::Hurts => view! {
                <div class="sheet hurts" role="alertdialog" aria-labelledby="hurts-title" aria-modal="true">
                    <h2 id="hurts-title">"Ease off now"</h2>
                    <p>
                        "Come out of the stretch slowly. Pain means stop, not push through. "
                        "You can skip this stretch, or end here."
                    </p>
                    <div class="sheet-actions">
                        <button type="button" class="button" on:click=move |_| on_skip_exercise.run(())>
                            "Skip this stretch"
                        </button>
                        <button type="button" class="button secondary" on:click=move |_| on_confirm_end.run(())>
                            "End session"
                        </button>
                        <button type="button" class="button secondary" on:click=move |_| on_close.run(())>
                            "Keep going"
                        </button>
                    </div>
                    {emergency.clone()}
                </div>
            }
            .into_any(),
        }}
        <div class="player-controls">
            <button type="button" class="button secondary" on:click=move |_| on_back.run(())>
                "Back"
            </button>
            <button type="button" class="button big" on:click=move |_| on_toggle.run(())>
                {move || if paused() { "Resume" } else { "Pause" }}
            </button>
            <button type="button" class="button secondary" on:click=move |_| on_skip.run(())>
                "Skip"
            </button>
        </div>
        <div class="player-extra">
            <button type="button" class="button quiet hurts-button" on:click=move |e| on_hurts.run(e)>
                "This hurts"
            </button>
            <VoiceToggle voice />
            <button type="button" class="button quiet" on:click=move |_| on_end.run(())>
                "End"
            </button>
        </div>
    }
}

/// After the last segment, or after End.
#[component]
#[allow(clippy::too_many_arguments)]
fn Finish(
    routine: StoredValue<Routine>,
    engine: RwSignal<Engine>,
    now: RwSignal<u64>,
    hurt: RwSignal<Vec<String>>,
    pain_before: RwSignal<Option<u8>>,
    pain_after: RwSignal<Option<u8>>,
    started_at: StoredValue<u64>,
    ended: RwSignal<bool>,
    saved: RwSignal<bool>,
) -> impl IntoView {
    let record = move || {
        let mut record = routine.with_value(|r| {
            engine.with_untracked(|e| {
                SessionRecord::from_engine(r, e, now.get_untracked(), started_at.get_value())
            })
        });
        record.hurt = hurt.get_untracked();
        record.pain_before = pain_before.get_untracked();
        record.pain_after = pain_after.get_untracked();
        record
    };
    let summary = record();
    let names = |ids: &[String]| {
        ids.iter()
            .filter_map(|id| catalogue::stretch(id))
            .map(|s| s.name)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let spent = u32::try_from(summary.active_ms / 1000).unwrap_or(u32::MAX);
    let cut_short =
        ended.get_untracked() && engine.with_untracked(|e| e.state() != State::Finished);
    let heading = if cut_short || summary.done.is_empty() {
        "Session ended"
    } else {
        "Well done"
    };
    let store = use_history();
    let save = move |_| {
        if let Some(store) = store {
            store.add(record());
        }
        saved.set(true);
    };
    view! {
        <div class="player-finish">
            <h1>{heading}</h1>
            <dl class="facts">
                <div>
                    <dt>"Time"</dt>
                    <dd>
                        <time datetime=format!("PT{spent}S")>{clock(spent)}</time>
                    </dd>
                </div>
                <div>
                    <dt>"Done"</dt>
                    <dd>{summary.done.len()}</dd>
                </div>
                <div>
                    <dt>"Skipped"</dt>
                    <dd>{summary.skipped.len()}</dd>
                </div>
            </dl>
            {(!summary.done.is_empty()).then(|| view! { <p>"Done: " {names(&summary.done)}</p> })}
            {(!summary.skipped.is_empty())
                .then(|| view! { <p>"Skipped: " {names(&summary.skipped)}</p> })}
            {(!summary.hurt.is_empty())
                .then(|| {
                    view! {
                        <p class="note">
                            "Marked as hurting: " {names(&summary.hurt)}
                            ". Try a gentler stretch next time, and see the warning signs if pain stays."
                        </p>
                    }
                })}
            <PainRating value=pain_after name="pain-after" legend="How does your back feel now?" />
            <div class="player-controls">
                {move || {
                    if saved.get() {
                        view! { <A href="/" attr:class="button big">"Back to home"</A> }.into_any()
                    } else {
                        view! {
                            <button type="button" class="button big" on:click=save>
                                "Finish"
                            </button>
                        }
                            .into_any()
                    }
                }}
            </div>
        </div>
    }
}
