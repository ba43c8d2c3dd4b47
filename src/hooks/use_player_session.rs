//! One played session: the engine against the clock, the cues it gives, and
//! the controls a person has. The views under `components/player/` only read
//! this handle and call its methods.

use leptos::ev;
use std::rc::Rc;

use leptos::prelude::*;

use crate::domain::catalogue;
use crate::domain::catalogue::CautionAbout;
use crate::domain::cautions;
use crate::domain::cue::{announcement, shown_step, spoken, tones};
use crate::domain::engine::{Engine, Event, State};
use crate::domain::live::LiveSession;
use crate::domain::plan::{Plan, Segment, Timing};
use crate::domain::routine::Routine;
use crate::domain::session::SessionRecord;
use crate::hooks::use_clock::{Clock, PerformanceClock};
use crate::hooks::use_cues::{use_cues, Cues};
use crate::hooks::use_document_event::use_document_event;
use crate::hooks::use_history::{use_history, HistoryStore};
use crate::hooks::use_leave_guard::{use_leave_guard, LeaveGuard};
use crate::hooks::use_sampler::use_sampler;
use crate::hooks::use_settings::use_settings;
use crate::platform::time::now_ms;
use crate::storage::live;

/// Cues for a boundary crossed longer ago than this (after a locked screen)
/// are not played late: the screen simply shows where real time is.
const LATE_CUE_MS: u64 = 1500;
/// The longest wait between two looks at the clock (for the progress ring).
/// The countdown itself is sampled just after each second changes. Sound
/// does not depend on either: it is scheduled on the audio clock.
const MAX_SAMPLE_MS: u32 = 250;

/// Which of the player's screens shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Intro,
    Playing,
    Finish,
}

/// A sheet over the session; the session pauses while one is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    None,
    ConfirmEnd,
    Hurts,
    /// A link or the back button would leave the session.
    ConfirmLeave,
}

/// How the person asked to be cued, read once at the start: changing
/// Settings mid-routine must not move boundaries under their feet.
#[derive(Clone, Debug)]
struct Prefs {
    timing: Timing,
    /// The person's own cautions, for the gentler exercise.
    cautions: Vec<CautionAbout>,
    volume: f32,
    /// The cue track sounds the tones (see [`crate::hooks::use_cue_track`]);
    /// Web Audio then stays silent, or every tone would sound twice.
    track: bool,
    vibration: bool,
    voice_name: Option<String>,
}

/// The handle [`use_player_session`] returns. It is `Copy`: views take it
/// as one prop and call what they need.
#[derive(Clone, Copy)]
pub struct PlayerSession {
    /// What is being played (after cautions and chosen holds).
    pub routine: StoredValue<Routine>,
    pub engine: RwSignal<Engine>,
    /// The clock at the last sample, in ms.
    pub now: RwSignal<u64>,
    pub overlay: RwSignal<Overlay>,
    /// Spoken cues on or off; the person may change it mid-session.
    pub voice: RwSignal<bool>,
    /// What a screen reader hears when a segment begins.
    pub announcement: RwSignal<String>,
    pub pain_before: RwSignal<Option<u8>>,
    pub pain_after: RwSignal<Option<u8>>,
    /// Ids of exercises marked "This hurts".
    pub hurt: RwSignal<Vec<String>>,
    /// The person ended the session before its end.
    pub ended: RwSignal<bool>,
    /// The finished session is in the history.
    pub saved: RwSignal<bool>,
    pub screen: Memo<Screen>,
    /// Wall-clock start, ms since the epoch.
    started_at: StoredValue<u64>,
    /// Whether the open sheet paused a running session (closing it resumes).
    paused_by_sheet: StoredValue<bool>,
    clock: StoredValue<PerformanceClock, LocalStorage>,
    cues: StoredValue<Cues, LocalStorage>,
    prefs: StoredValue<Prefs>,
    /// What is kept so a reload comes back here.
    live: StoredValue<LiveSession>,
    /// Holds links and the back button while the session plays.
    pub guard: LeaveGuard,
    /// Taken at the start: controls run outside the component's context.
    history: Option<HistoryStore>,
    /// Called right after every control, still inside the person's tap
    /// (see [`PlayerSession::after_each_control`]).
    after_control: StoredValue<Option<Rc<dyn Fn()>>, LocalStorage>,
}

/// Plays `routine` against `clock` while the calling component is mounted:
/// samples the clock, gives cues at boundaries (on time with the screen off,
/// see [`Cues`]), catches up after the page was hidden, and answers the
/// keyboard (Space pauses, arrows skip and go back, Escape asks to end).
pub fn use_player_session(
    routine: Routine,
    clock: PerformanceClock,
    path: String,
) -> PlayerSession {
    let settings = use_settings().get_untracked();
    let (mono, wall) = (clock.now_ms(), now_ms());
    // The same player page reloaded, or opened again from Home's "Resume":
    // the session comes back where real time says (or where it was paused).
    // Left running for longer than it could have been played, it comes back
    // paused where it is believed to have got to (see `RUNS_ON_MS`).
    let kept = live::load()
        .filter(|l| l.path == path && !l.is_stale(wall))
        .and_then(|l| {
            let until = l.credited_until(wall);
            let mut engine = l.engine(mono, until)?;
            if until < wall {
                engine.advance(mono);
                engine.pause(mono);
            }
            Some((l.routine()?, engine, l))
        });
    let (routine, engine, live) = match kept {
        Some(kept) => kept,
        None => {
            let timing = settings.timing();
            let engine = Engine::new(Plan::new(&routine, &timing));
            let live = LiveSession::new(&path, &routine, timing, wall);
            (routine, engine, live)
        }
    };
    let engine = RwSignal::new(engine);
    let ended = RwSignal::new(false);
    let screen = Memo::new(move |_| {
        if ended.get() || engine.with(|e| e.state() == State::Finished) {
            Screen::Finish
        } else if engine.with(|e| e.state() == State::Ready) {
            Screen::Intro
        } else {
            Screen::Playing
        }
    });
    let session = PlayerSession {
        routine: StoredValue::new(routine),
        engine,
        now: RwSignal::new(mono),
        overlay: RwSignal::new(Overlay::None),
        voice: RwSignal::new(settings.voice),
        announcement: RwSignal::new(String::new()),
        pain_before: RwSignal::new(live.pain_before),
        pain_after: RwSignal::new(None),
        hurt: RwSignal::new(live.hurt.clone()),
        ended,
        saved: RwSignal::new(false),
        screen,
        started_at: StoredValue::new(live.started_at),
        paused_by_sheet: StoredValue::new(false),
        clock: StoredValue::new_local(clock),
        cues: StoredValue::new_local(use_cues()),
        history: use_history(),
        after_control: StoredValue::new_local(None),
        prefs: StoredValue::new(Prefs {
            timing: live.timing(),
            cautions: settings.cautions.clone(),
            volume: settings.tone_volume(),
            track: settings.screen_off_cues,
            vibration: settings.vibration,
            voice_name: settings.voice_name.clone(),
        }),
        live: StoredValue::new(live),
        guard: use_leave_guard(
            Signal::derive(move || screen.get() == Screen::Playing),
            path,
        ),
    };
    if session.running() {
        // Reloaded mid-session: keep the screen on and the tones coming.
        // A browser that wants a tap before sound stays silent until the
        // next Pause or Resume; the countdown goes on either way.
        session.cues.with_value(|c| {
            c.unlock();
            c.hold_wake_lock();
        });
        session.reschedule(mono);
    }
    // A link or the back button mid-session: pause and ask.
    Effect::new(move |_| {
        if session.guard.asking.with(Option::is_some)
            && session.overlay.get_untracked() != Overlay::ConfirmLeave
        {
            session.open(Overlay::ConfirmLeave);
        }
    });
    use_sampler(move || {
        session.sync();
        // Wake 1 ms after the shown second changes (or sooner, for the ring).
        // Paused or not started, nothing changes: look now and then.
        session.engine.with_untracked(|e| match e.state() {
            State::Running { .. } => {
                let to_next_second = e.remaining(session.read_clock()) % 1000;
                u32::try_from(to_next_second).map_or(MAX_SAMPLE_MS, |ms| ms.min(MAX_SAMPLE_MS) + 1)
            }
            _ => MAX_SAMPLE_MS,
        })
    });
    use_document_event("visibilitychange", move || {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            // The tab may be killed while hidden; keep where it is.
            session.persist();
        } else {
            // Back from a locked screen: catch up, drop stale sound, keep awake.
            session.sync();
            if session.running() {
                session.reschedule(session.read_clock());
                session.cues.with_value(Cues::restore_wake_lock);
            }
        }
    });
    let keys = window_event_listener(ev::keydown, move |event| {
        let target = event
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(t).ok());
        let typing = target
            .as_ref()
            .is_some_and(|t| matches!(t.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        // Space on a focused button or link presses it, as everywhere else.
        let pressing = target.as_ref().is_some_and(|t| {
            matches!(t.tag_name().as_str(), "BUTTON" | "A")
                || t.get_attribute("role").as_deref() == Some("button")
        });
        if typing || session.screen.get_untracked() != Screen::Playing {
            return;
        }
        let sheet = session.overlay.get_untracked();
        match event.key().as_str() {
            " " | "Spacebar" if !pressing => {
                event.prevent_default();
                session.toggle();
            }
            "ArrowRight" if sheet == Overlay::None => session.skip(),
            "ArrowLeft" if sheet == Overlay::None => session.back(),
            "Escape" if sheet == Overlay::None => session.open(Overlay::ConfirmEnd),
            "Escape" => session.close(),
            _ => {}
        }
    });
    on_cleanup(move || keys.remove());
    session
}

impl PlayerSession {
    fn read_clock(self) -> u64 {
        self.clock.with_value(PerformanceClock::now_ms)
    }

    fn running(self) -> bool {
        matches!(
            self.engine.with_untracked(Engine::state),
            State::Running { .. }
        )
    }

    /// Whether tones come from the cue track, at what volume (0 to 1).
    pub fn track_volume(self) -> Option<f32> {
        self.prefs
            .with_value(|p| (p.track && p.volume > 0.0).then_some(p.volume))
    }

    /// Where the session is in the routine now, in ms from its start (the
    /// cue track's time), reading the clock afresh.
    pub fn position_ms(self) -> u64 {
        let at = self.read_clock();
        self.engine.with_untracked(|e| e.elapsed_total(at))
    }

    /// Whether the clock is stopped mid-session, outside any reactive
    /// tracking (for handlers the system calls).
    pub fn paused_untracked(self) -> bool {
        self.engine
            .with_untracked(|e| matches!(e.state(), State::Paused { .. }))
    }

    /// Whether the clock is stopped mid-session.
    pub fn paused(self) -> bool {
        self.engine
            .with(|e| matches!(e.state(), State::Paused { .. }))
    }

    /// The segment on screen.
    pub fn segment(self) -> Option<Segment> {
        self.engine.with(|e| e.current().copied())
    }

    /// The step the screen is about: during a rest between exercises, the
    /// next one.
    fn current_step(self) -> Option<usize> {
        self.engine.with_untracked(|e| e.current().map(shown_step))
    }

    /// The exercise the screen is about (see `current_step`).
    pub fn current_stretch(self) -> Option<&'static catalogue::Stretch> {
        let step = self.current_step()?;
        self.routine
            .with_value(|r| r.steps.get(step).map(|s| s.stretch))
    }

    /// The easier exercise for the one on screen, unless the person's own
    /// cautions rule it out too.
    pub fn gentler(self) -> Option<&'static catalogue::Stretch> {
        let gentler = self
            .current_stretch()?
            .gentler
            .and_then(catalogue::stretch)?;
        let mine = self.prefs.with_value(|p| p.cautions.clone());
        cautions::avoided_because(gentler, &mine)
            .is_none()
            .then_some(gentler)
    }

    /// Puts the gentler exercise in place of the one on screen, here and
    /// wherever it comes again in this session, and starts it from its
    /// beginning. Closing the sheet resumes what the sheet paused.
    pub fn swap_gentler(self) {
        let Some(step) = self.current_step() else {
            return;
        };
        let Some(swapped) = self.routine.with_value(|r| r.with_gentler(step)) else {
            return;
        };
        let plan = Plan::new(&swapped, &self.prefs.with_value(|p| p.timing));
        let at = self.read_clock();
        self.now.set(at);
        let mut events = Vec::new();
        self.engine
            .update(|e| events = e.replace_from(plan, step, at));
        self.routine.set_value(swapped);
        self.react(events, at);
        self.persist();
        self.close();
    }

    /// Starts the session; call from the Start tap (sound needs a gesture).
    pub fn start(self) {
        // Another session was kept (left by a link, or its tab closed):
        // this one takes its place, so the history keeps what was done in it.
        if let Some(record) = live::load().and_then(|other| other.record(now_ms())) {
            if let Some(store) = self.history {
                store.add(record);
            }
        }
        self.cues.with_value(Cues::unlock);
        let started = now_ms();
        self.started_at.set_value(started);
        self.live.update_value(|l| l.started_at = started);
        self.act(Engine::start);
    }

    /// Pauses, or resumes when no sheet is open.
    pub fn toggle(self) {
        match self.engine.with_untracked(Engine::state) {
            State::Running { .. } => self.act(Engine::pause),
            State::Paused { .. } if self.overlay.get_untracked() == Overlay::None => {
                // iOS suspends audio while paused or hidden; only a tap may resume it.
                self.cues.with_value(Cues::unlock);
                self.act(Engine::resume);
            }
            _ => {}
        }
    }

    /// To the next segment.
    pub fn skip(self) {
        self.act(Engine::skip);
    }

    /// Restarts this segment, or goes to the one before (see [`Engine::back`]).
    pub fn back(self) {
        self.act(Engine::back);
    }

    /// Opens a sheet, pausing a running session until it closes.
    pub fn open(self, which: Overlay) {
        let running = self.running();
        if running {
            self.act(Engine::pause);
        }
        if self.overlay.get_untracked() == Overlay::None {
            self.paused_by_sheet.set_value(running);
        }
        self.overlay.set(which);
    }

    /// Closes the sheet; resumes only what the sheet paused.
    pub fn close(self) {
        if self.overlay.get_untracked() == Overlay::ConfirmLeave {
            self.guard.stay();
        }
        self.overlay.set(Overlay::None);
        if self.paused_by_sheet.get_value() {
            self.act(Engine::resume);
        }
    }

    /// Leaves for where the person asked to go; the session stays paused
    /// and kept, and Home offers to resume it.
    pub fn leave(self) {
        self.overlay.set(Overlay::None);
        self.persist();
        self.guard.leave();
    }

    /// Ends the session here; what was done still counts.
    pub fn end(self) {
        self.overlay.set(Overlay::None);
        self.act(Engine::pause);
        self.ended.set(true);
    }

    /// Marks the exercise on screen as hurting and opens the sheet that
    /// offers a way out.
    pub fn this_hurts(self) {
        if let Some(id) = self.current_stretch().map(|s| s.id.to_string()) {
            self.hurt.update(|h| {
                if !h.contains(&id) {
                    h.push(id);
                }
            });
        }
        self.open(Overlay::Hurts);
    }

    /// Leaves the exercise on screen for the next one, from the sheet.
    pub fn skip_exercise(self) {
        self.overlay.set(Overlay::None);
        self.act(Engine::skip_exercise);
        if self.paused_by_sheet.get_value() {
            self.act(Engine::resume);
        }
    }

    /// The same routine again from the start, after the finish; what was
    /// done is saved first.
    pub fn restart(self) {
        self.save();
        let timing = self.prefs.with_value(|p| p.timing);
        let routine = self.routine.get_value();
        self.engine.set(Engine::new(Plan::new(&routine, &timing)));
        self.live
            .update_value(|l| *l = LiveSession::new(&l.path, &routine, timing, now_ms()));
        self.pain_before.set(None);
        self.pain_after.set(None);
        self.hurt.set(Vec::new());
        self.ended.set(false);
        self.saved.set(false);
    }

    /// Runs `then` right after every control (start, pause, resume, skip,
    /// back, a swap), within the same tap: some browsers (WebKit) let sound
    /// start only there, not a moment later.
    pub fn after_each_control(self, then: impl Fn() + 'static) {
        self.after_control.set_value(Some(Rc::new(then)));
    }

    /// Tones through Web Audio after all: the cue track could not be made
    /// or played here.
    pub fn tones_without_track(self) {
        self.prefs.update_value(|p| p.track = false);
        if self.running() {
            self.reschedule(self.read_clock());
        }
    }

    /// The session as the history keeps it, at this moment.
    pub fn record(self) -> SessionRecord {
        let now = self.now.get_untracked();
        let mut record = self.routine.with_value(|r| {
            self.engine.with_untracked(|e| {
                SessionRecord::from_engine(r, e, now, self.started_at.get_value())
            })
        });
        record.hurt = self.hurt.get_untracked();
        record.pain_before = self.pain_before.get_untracked();
        record.pain_after = self.pain_after.get_untracked();
        record
    }

    /// Puts the session in the history (once).
    pub fn save(self) {
        if self.saved.get_untracked() {
            return;
        }
        let stored = self.history.is_some_and(|store| store.add(self.record()));
        // In the history now: nothing left to resume. If it could not be
        // stored (the notice says why), the kept copy stays, so a later
        // visit can still offer it and keep it.
        if stored {
            live::forget();
        }
        self.saved.set(true);
    }

    /// Runs one control against the engine at the current clock time.
    fn act(self, action: fn(&mut Engine, u64) -> Vec<Event>) {
        let at = self.read_clock();
        self.now.set(at);
        let mut events = Vec::new();
        self.engine.update(|e| events = action(e, at));
        self.react(events, at);
        let running = self.running();
        self.cues.with_value(|c| {
            if running {
                c.hold_wake_lock();
            } else {
                c.cancel_tones();
                c.release_wake_lock();
            }
        });
        if running {
            self.reschedule(at);
        }
        self.persist();
        if let Some(then) = self.after_control.get_value() {
            then();
        }
    }

    /// Keeps where the session is, so a reload or a killed tab comes back
    /// to it. Before the start there is nothing to lose; after saving there
    /// is nothing to resume.
    fn persist(self) {
        if self.saved.get_untracked() || self.engine.with_untracked(|e| e.state() == State::Ready) {
            return;
        }
        let (mono, wall) = (self.read_clock(), now_ms());
        let (pain_before, hurt) = (self.pain_before.get_untracked(), self.hurt.get_untracked());
        self.live.update_value(|live| {
            self.engine.with_untracked(|e| live.save(e, mono, wall));
            self.routine.with_value(|r| live.set_routine(r));
            live.pain_before = pain_before;
            live.hurt = hurt;
            live::store(live);
        });
    }

    /// Samples the clock; after a gap the engine lands where real time says.
    fn sync(self) {
        let at = self.read_clock();
        self.now.set(at);
        let mut events = Vec::new();
        // Most samples cross no boundary: only a crossing redraws the screen.
        self.engine.update_untracked(|e| events = e.advance(at));
        let crossed = !events.is_empty();
        if crossed {
            self.engine.notify();
        }
        self.react(events, at);
        if crossed {
            self.persist();
        }
    }

    /// Sound for everything ahead, on the audio clock; replaces what was scheduled.
    fn reschedule(self, at: u64) {
        let (volume, track) = self.prefs.with_value(|p| (p.volume, p.track));
        if volume > 0.0 && !track {
            let ahead = self.engine.with_untracked(|e| tones(e, at));
            self.cues.with_value(|c| c.schedule(at, &ahead, volume));
        }
    }

    /// Reacts to what the engine reports: speech, buzz and the live region.
    fn react(self, events: Vec<Event>, at: u64) {
        let (vibration, voice_name) = self
            .prefs
            .with_value(|p| (p.vibration, p.voice_name.clone()));
        let voice = self.voice.get_untracked();
        for event in events {
            let (words, began, buzz) = match event {
                Event::Entered { index, at: began } => {
                    let segment = self.engine.with_untracked(|e| e.segments()[index]);
                    let (words, label) = self
                        .routine
                        .with_value(|r| (spoken(r, &segment), announcement(r, &segment)));
                    self.announcement.set(label);
                    (words, began, 120)
                }
                Event::Finished { at: done } => {
                    self.announcement.set("Done. Well done.".into());
                    self.cues.with_value(Cues::release_wake_lock);
                    (Some("Done. Well done.".to_string()), done, 300)
                }
                Event::CaughtUp { .. } | Event::Paused | Event::Resumed => continue,
            };
            if at.saturating_sub(began) >= LATE_CUE_MS {
                continue;
            }
            // A cue the browser lacks or refuses is simply not given: the
            // countdown still guides, and Settings says what this browser
            // cannot do.
            self.cues.with_value(|c| {
                if vibration {
                    let _ = c.vibrate(buzz);
                }
                if let (true, Some(words)) = (voice, words) {
                    let _ = c.say(&words, voice_name.as_deref());
                }
            });
        }
    }
}
