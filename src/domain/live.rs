//! A session in progress, kept so that a reload, a closed tab or a phone that
//! dropped the page brings the person back to where they were. The player's
//! clock restarts at 0 on every page load, so what is kept is pinned to the
//! wall clock instead (see [`Snapshot`]).

use super::catalogue;
use super::cue::shown_step;
use super::engine::Engine;
use super::json::{self, Fields, FromJson, Json, JsonError, ToJson};
use super::plan::{Plan, Timing};
use super::routine::Routine;
use super::saved::SavedStep;
use super::session::SessionRecord;

/// Where the session in progress is kept.
pub const LIVE_KEY: &str = "limber/live";

/// A session left longer ago than this is not offered again: someone
/// coming back the next day means to start fresh, not to finish last
/// night's routine halfway through.
pub const STALE_AFTER_MS: u64 = 12 * 60 * 60 * 1000;

/// A session left running is believed to have run on at most this long
/// after it was last kept: a tab the phone dropped while the person
/// stretched with the screen off still counts, one forgotten overnight does
/// not finish itself.
pub const RUNS_ON_MS: u64 = 30 * 60 * 1000;

/// Where a session is, with any deadline on the wall clock (epoch ms).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WallState {
    /// Not started yet.
    Ready,
    /// Counting down segment `index`, which ends at `ends_at_wall`.
    Running { index: usize, ends_at_wall: u64 },
    /// Stopped in segment `index` with `remaining` ms left.
    Paused { index: usize, remaining: u64 },
    /// Past the last segment.
    Finished,
}

/// An engine's state that outlives the page: see [`Engine::snapshot`] and
/// [`Engine::restore`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snapshot {
    pub state: WallState,
    /// Which segments ran to their end by time, one per segment of the plan.
    pub completed: Vec<bool>,
    /// The furthest segment entered.
    pub reached: usize,
    /// Milliseconds the clock ran in segments already left. The current
    /// segment's share is not included: it follows from its deadline or
    /// remaining time, so it cannot be counted twice.
    pub active_before_ms: u64,
}

/// Everything needed to bring a person back to their session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LiveSession {
    /// The player page's path, query and hash, to return to.
    pub path: String,
    pub routine_id: String,
    pub routine_name: String,
    /// The steps as played, which may differ from the routine's own (a
    /// gentler alternative swapped in, a routine edited since).
    pub steps: Vec<SavedStep>,
    pub get_ready_seconds: u16,
    pub switch_sides_seconds: u16,
    pub snapshot: Snapshot,
    /// Wall-clock start, epoch ms, as [`super::session::SessionRecord`] has it.
    pub started_at: u64,
    /// 0 (no pain) to 10, if the person answered.
    pub pain_before: Option<u8>,
    /// Ids of exercises marked "This hurts".
    pub hurt: Vec<String>,
    /// When this was last written, epoch ms.
    pub saved_at: u64,
}

impl LiveSession {
    /// `routine` about to be played with `timing`, at `path`, not started
    /// yet; [`Self::save`] keeps it up to date.
    pub fn new(path: &str, routine: &Routine, timing: Timing, started_at: u64) -> Self {
        let segments = Plan::new(routine, &timing).segments.len();
        let mut live = Self {
            path: path.to_string(),
            routine_id: String::new(),
            routine_name: String::new(),
            steps: Vec::new(),
            get_ready_seconds: timing.get_ready_seconds,
            switch_sides_seconds: timing.switch_sides_seconds,
            snapshot: Snapshot {
                state: WallState::Ready,
                completed: vec![false; segments],
                reached: 0,
                active_before_ms: 0,
            },
            started_at,
            pain_before: None,
            hurt: Vec::new(),
            saved_at: started_at,
        };
        live.set_routine(routine);
        live
    }

    /// Takes the routine now being played (after a swap to a gentler
    /// exercise); the snapshot must then be saved from the engine playing it.
    pub fn set_routine(&mut self, routine: &Routine) {
        self.routine_id = routine.id.clone();
        self.routine_name = routine.name.clone();
        self.steps = routine.steps.iter().map(SavedStep::of).collect();
    }

    /// Records where `engine` is at `now_mono` (its clock) and `now_wall`.
    pub fn save(&mut self, engine: &Engine, now_mono: u64, now_wall: u64) {
        self.snapshot = engine.snapshot(now_mono, now_wall);
        self.saved_at = now_wall;
    }

    /// The routine as played, or `None` if it names a stretch or side this
    /// build does not know (the catalogue changed in an update).
    pub fn routine(&self) -> Option<Routine> {
        let steps = self
            .steps
            .iter()
            .map(SavedStep::to_step)
            .collect::<Option<Vec<_>>>()?;
        Some(Routine {
            id: self.routine_id.clone(),
            name: self.routine_name.clone(),
            summary: catalogue::routine(&self.routine_id)
                .map_or_else(String::new, |r| r.summary.to_string()),
            steps,
        })
    }

    /// The timings the session was planned with, which settings may have
    /// changed since; replanning with new ones would misplace the snapshot.
    pub fn timing(&self) -> Timing {
        Timing {
            get_ready_seconds: self.get_ready_seconds,
            switch_sides_seconds: self.switch_sides_seconds,
        }
    }

    /// The engine brought back at `now_mono` on this page's clock and
    /// `now_wall`, or `None` when the routine or the snapshot no longer fit.
    pub fn engine(&self, now_mono: u64, now_wall: u64) -> Option<Engine> {
        let plan = Plan::new(&self.routine()?, &self.timing());
        Engine::restore(plan, &self.snapshot, now_mono, now_wall)
    }

    /// The wall-clock time up to which the session is believed to have
    /// played at `now_wall` (see [`RUNS_ON_MS`]).
    pub fn credited_until(&self, now_wall: u64) -> u64 {
        now_wall.min(self.saved_at.saturating_add(RUNS_ON_MS))
    }

    /// What the history keeps of this session at `now_wall`, or `None` when
    /// nothing was reached (or the routine no longer fits this build).
    pub fn record(&self, now_wall: u64) -> Option<SessionRecord> {
        let routine = self.routine()?;
        let mut engine = self.engine(0, self.credited_until(now_wall))?;
        engine.advance(0);
        let mut record = SessionRecord::from_engine(&routine, &engine, 0, self.started_at);
        if record.done.is_empty() && record.skipped.is_empty() {
            return None;
        }
        record.pain_before = self.pain_before;
        record.hurt = self.hurt.clone();
        Some(record)
    }

    /// Whether the session was left too long ago to offer again (see
    /// [`STALE_AFTER_MS`]). A wall clock set back before `saved_at` counts
    /// as no time passed.
    pub fn is_stale(&self, now_wall: u64) -> bool {
        now_wall.saturating_sub(self.saved_at) > STALE_AFTER_MS
    }

    /// Where the person was, for a "Resume where you were" banner, e.g.
    /// "Cat-cow, exercise 2 of 5". During a rest between exercises it names
    /// the one coming, as the player shows it. Just the routine's name when
    /// there is no exercise to name (finished, or the routine no longer fits).
    pub fn where_words(&self) -> String {
        let Some(routine) = self.routine() else {
            return self.routine_name.clone();
        };
        let index = match self.snapshot.state {
            WallState::Ready => 0,
            WallState::Running { index, .. } | WallState::Paused { index, .. } => index,
            WallState::Finished => return self.routine_name.clone(),
        };
        let plan = Plan::new(&routine, &self.timing());
        let Some(segment) = plan.segments.get(index) else {
            return self.routine_name.clone();
        };
        let step = shown_step(segment);
        let Some(current) = routine.steps.get(step) else {
            return self.routine_name.clone();
        };
        match routine.steps.len() {
            // "exercise 1 of 1" says nothing the name does not.
            1 => current.stretch.name.to_string(),
            count => format!("{}, exercise {} of {count}", current.stretch.name, step + 1),
        }
    }
}

/// Reads an index written as a whole number.
fn index(f: &Fields, name: &str) -> Result<usize, JsonError> {
    usize::try_from(f.get::<u64>(name)?)
        .map_err(|_| JsonError::shape(format!("{name}: out of range")))
}

/// Writes an index as a whole number.
fn wide(index: usize) -> u64 {
    u64::try_from(index).unwrap_or(u64::MAX)
}

impl ToJson for WallState {
    fn write_json(&self, out: &mut String) {
        match *self {
            Self::Ready => json::write_object(out, &[("kind", &"ready".to_string())]),
            Self::Finished => json::write_object(out, &[("kind", &"finished".to_string())]),
            Self::Running {
                index,
                ends_at_wall,
            } => json::write_object(
                out,
                &[
                    ("kind", &"running".to_string()),
                    ("index", &wide(index)),
                    ("ends_at_wall", &ends_at_wall),
                ],
            ),
            Self::Paused { index, remaining } => json::write_object(
                out,
                &[
                    ("kind", &"paused".to_string()),
                    ("index", &wide(index)),
                    ("remaining", &remaining),
                ],
            ),
        }
    }
}

impl FromJson for WallState {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let f = Fields::of(value, "state")?;
        let kind: String = f.get("kind")?;
        match kind.as_str() {
            "ready" => Ok(Self::Ready),
            "finished" => Ok(Self::Finished),
            "running" => Ok(Self::Running {
                index: index(&f, "index")?,
                ends_at_wall: f.get("ends_at_wall")?,
            }),
            "paused" => Ok(Self::Paused {
                index: index(&f, "index")?,
                remaining: f.get("remaining")?,
            }),
            other => Err(JsonError::shape(format!("state: unknown kind {other}"))),
        }
    }
}

impl ToJson for Snapshot {
    fn write_json(&self, out: &mut String) {
        json::write_object(
            out,
            &[
                ("state", &self.state),
                ("completed", &self.completed),
                ("reached", &wide(self.reached)),
                ("active_before_ms", &self.active_before_ms),
            ],
        );
    }
}

impl FromJson for Snapshot {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let f = Fields::of(value, "snapshot")?;
        Ok(Self {
            state: f.get("state")?,
            completed: f.get("completed")?,
            reached: index(&f, "reached")?,
            active_before_ms: f.get("active_before_ms")?,
        })
    }
}

impl ToJson for LiveSession {
    fn write_json(&self, out: &mut String) {
        json::write_object(
            out,
            &[
                ("path", &self.path),
                ("routine_id", &self.routine_id),
                ("routine_name", &self.routine_name),
                ("steps", &self.steps),
                ("get_ready_seconds", &self.get_ready_seconds),
                ("switch_sides_seconds", &self.switch_sides_seconds),
                ("snapshot", &self.snapshot),
                ("started_at", &self.started_at),
                ("pain_before", &self.pain_before),
                ("hurt", &self.hurt),
                ("saved_at", &self.saved_at),
            ],
        );
    }
}

impl FromJson for LiveSession {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let f = Fields::of(value, "live session")?;
        Ok(Self {
            path: f.get("path")?,
            routine_id: f.get("routine_id")?,
            routine_name: f.get("routine_name")?,
            steps: f.get("steps")?,
            get_ready_seconds: f.get("get_ready_seconds")?,
            switch_sides_seconds: f.get("switch_sides_seconds")?,
            snapshot: f.get("snapshot")?,
            started_at: f.get("started_at")?,
            pain_before: f.get("pain_before")?,
            hurt: f.get("hurt")?,
            saved_at: f.get("saved_at")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::engine::{Event, State};
    use crate::domain::plan::Phase;

    /// Epoch ms of an afternoon.
    const WALL: u64 = 1_700_000_000_000;
    const HOUR: u64 = 60 * 60 * 1000;

    fn routine() -> Routine {
        Routine::builtin("morning-mobility").expect("shipped")
    }

    fn live() -> LiveSession {
        let mut live = LiveSession::new(
            "/play/morning-mobility?from=home#player",
            &routine(),
            Timing::default(),
            WALL,
        );
        live.pain_before = Some(3);
        live.hurt = vec!["cat-cow".into()];
        live
    }

    fn plan() -> Plan {
        Plan::new(&routine(), &Timing::default())
    }

    /// An engine started at 0 on the monotonic clock, run to `mono`.
    fn played(mono: u64) -> Engine {
        let mut engine = Engine::new(plan());
        engine.start(0);
        engine.advance(mono);
        engine
    }

    fn round_trip(live: &LiveSession) -> Result<LiveSession, JsonError> {
        LiveSession::from_json(&json::parse(&live.to_json_string())?)
    }

    #[test]
    fn a_live_session_reads_back_as_written_in_every_state() {
        let states = [
            WallState::Ready,
            WallState::Running {
                index: 3,
                ends_at_wall: WALL + 12_000,
            },
            WallState::Paused {
                index: 7,
                remaining: 4_321,
            },
            WallState::Finished,
        ];
        for state in states {
            let mut live = live();
            live.snapshot.state = state;
            live.snapshot.completed[0] = true;
            live.snapshot.reached = 3;
            live.snapshot.active_before_ms = 9_876;
            live.saved_at = WALL + 60_000;
            assert_eq!(round_trip(&live), Ok(live.clone()), "{state:?}");
        }
        let mut unanswered = live();
        unanswered.pain_before = None;
        unanswered.hurt.clear();
        unanswered.path = "/play/x?\"odd\"#\u{e9}".into();
        assert_eq!(round_trip(&unanswered), Ok(unanswered.clone()));
        let back = round_trip(&live()).expect("reads");
        assert_eq!(back.routine(), Some(routine()));
        assert_eq!(back.timing(), Timing::default());
    }

    #[test]
    fn damaged_text_is_an_error_not_a_crash() {
        let valid = live().to_json_string();
        // The valid text with field `name` left out, or set to `value`.
        let field = |name: &str, value: &str| {
            let Ok(json::Json::Object(mut fields)) = json::parse(&valid) else {
                panic!("an object")
            };
            fields.retain(|(n, _)| n != name);
            if !value.is_empty() {
                fields.push((name.to_string(), json::parse(value).expect("valid")));
            }
            to_text(&json::Json::Object(fields))
        };
        let cases = [
            ("no snapshot", field("snapshot", "")),
            ("no saved_at", field("saved_at", "")),
            ("no steps", field("steps", "")),
            ("snapshot null", field("snapshot", "null")),
            (
                "unknown state",
                field(
                    "snapshot",
                    r#"{"state":{"kind":"warp"},"completed":[],"reached":0,"active_before_ms":0}"#,
                ),
            ),
            (
                "running without a deadline",
                field(
                    "snapshot",
                    r#"{"state":{"kind":"running","index":1},"completed":[],"reached":0,"active_before_ms":0}"#,
                ),
            ),
            (
                "negative index",
                field(
                    "snapshot",
                    r#"{"state":{"kind":"paused","index":-1,"remaining":5},"completed":[],"reached":0,"active_before_ms":0}"#,
                ),
            ),
            (
                "completed not a list",
                field(
                    "snapshot",
                    r#"{"state":{"kind":"ready"},"completed":true,"reached":0,"active_before_ms":0}"#,
                ),
            ),
            ("saved_at a fraction", field("saved_at", "1.5")),
            ("pain as text", field("pain_before", "\"3\"")),
            ("a list", "[]".into()),
            ("null", "null".into()),
        ];
        for (what, text) in cases {
            let read = json::parse(&text).and_then(|v| LiveSession::from_json(&v));
            assert!(read.is_err(), "{what}: {text}");
        }
        for end in 0..valid.len() {
            let read = json::parse(&valid[..end]).and_then(|v| LiveSession::from_json(&v));
            assert!(read.is_err(), "cut at {end}");
        }
    }

    /// A value written back as JSON text.
    fn to_text(value: &json::Json) -> String {
        match value {
            json::Json::Null => "null".into(),
            json::Json::Bool(b) => b.to_string(),
            json::Json::Number(n) => n.map_or_else(|| "0.5".into(), |n| n.to_string()),
            json::Json::String(s) => {
                let mut out = String::new();
                json::write_str(&mut out, s);
                out
            }
            json::Json::Array(items) => format!(
                "[{}]",
                items.iter().map(to_text).collect::<Vec<_>>().join(",")
            ),
            json::Json::Object(fields) => format!(
                "{{{}}}",
                fields
                    .iter()
                    .map(|(n, v)| format!(
                        "{}:{}",
                        to_text(&json::Json::String(n.clone())),
                        to_text(v)
                    ))
                    .collect::<Vec<_>>()
                    .join(",")
            ),
        }
    }

    #[test]
    fn a_reload_mid_hold_lands_on_the_millisecond_real_time_says() {
        let mut engine = Engine::new(plan());
        engine.start(0);
        engine.skip(1_000);
        let hold = engine.segments()[1].duration_ms;
        let mono = 1_000 + hold - 12_000;
        engine.advance(mono);
        assert_eq!(engine.remaining(mono), 12_000);
        let mut live = live();
        live.save(&engine, mono, 1_000_000);
        let back = round_trip(&live).expect("reads");
        let restored = back.engine(50, 1_003_000).expect("fits");
        assert_eq!(
            restored.state(),
            State::Running {
                index: 1,
                ends_at: 50 + 9_000
            }
        );
        assert_eq!(restored.remaining(50), 9_000);
        assert_eq!(restored.outcomes(), engine.outcomes());
        assert_eq!(
            restored.active_ms(50),
            engine.active_ms(mono) + 3_000,
            "the time away was spent holding"
        );
    }

    #[test]
    fn a_reload_after_any_gap_matches_a_clock_that_never_stopped() {
        let total = plan().total_ms();
        // (ms since the snapshot, this page's clock at the reload)
        let cases = [
            (0, 0),
            (3_000, 50),
            (3_000, 5_000),
            // Past several boundaries, further back than the new page's clock.
            (95_000, 50),
            (95_000, 200_000),
            (95_000, 94_999),
            // Past the end, long ago.
            (10 * HOUR, 50),
            (10 * HOUR, 10 * HOUR + 1),
            (total, 0),
        ];
        let taken = 40_500;
        let original = played(taken);
        let snapshot = original.snapshot(taken, WALL);
        for (gap, mono) in cases {
            let mut never_stopped = original.clone();
            never_stopped.advance(taken + gap);
            let mut restored = Engine::restore(plan(), &snapshot, mono, WALL + gap).expect("fits");
            restored.advance(mono);
            let what = format!("{gap} ms later at {mono}");
            assert_eq!(restored.index(), never_stopped.index(), "{what}");
            assert_eq!(
                restored.remaining(mono),
                never_stopped.remaining(taken + gap),
                "{what}"
            );
            assert_eq!(restored.outcomes(), never_stopped.outcomes(), "{what}");
            assert_eq!(
                restored.active_ms(mono),
                never_stopped.active_ms(taken + gap),
                "{what}"
            );
        }
    }

    #[test]
    fn a_deadline_passed_long_ago_finishes_on_the_next_advance() {
        let original = played(40_500);
        let snapshot = original.snapshot(40_500, WALL);
        // Far enough back for the deadline to sit on this page's clock:
        // advance walks it and says so once.
        let mut restored = Engine::restore(plan(), &snapshot, 2 * HOUR, WALL + HOUR).expect("fits");
        let events = restored.advance(2 * HOUR);
        assert!(
            matches!(events[..], [Event::CaughtUp { .. }, Event::Finished { .. }]),
            "{events:?}"
        );
        assert_eq!(restored.state(), State::Finished);
        assert_eq!(restored.active_ms(2 * HOUR), plan().total_ms());
        // Before this page's clock began: already over when restored.
        let restored = Engine::restore(plan(), &snapshot, 50, WALL + HOUR).expect("fits");
        assert_eq!(restored.state(), State::Finished);
        assert_eq!(restored.active_ms(50), plan().total_ms());
    }

    #[test]
    fn a_paused_session_keeps_its_time_left_whenever_it_comes_back() {
        let mut engine = played(40_500);
        engine.pause(40_500);
        let State::Paused { index, remaining } = engine.state() else {
            panic!("paused")
        };
        let snapshot = engine.snapshot(40_500, WALL);
        for (mono, wall) in [(0, WALL), (50, WALL + 11 * HOUR), (7, WALL - HOUR), (0, 0)] {
            let restored = Engine::restore(plan(), &snapshot, mono, wall).expect("fits");
            assert_eq!(restored.state(), State::Paused { index, remaining });
            assert_eq!(restored.active_ms(mono), 40_500, "at wall {wall}");
        }
    }

    #[test]
    fn a_wall_clock_set_back_never_stretches_a_segment() {
        let engine = played(40_500);
        let index = engine.index().expect("running");
        let duration = engine.segments()[index].duration_ms;
        let left = engine.remaining(40_500);
        let snapshot = engine.snapshot(40_500, WALL);
        // (wall clock at the reload, remaining)
        let cases = [
            (WALL, left),
            (WALL - 1, (left + 1).min(duration)),
            (WALL - HOUR, duration),
            (0, duration),
        ];
        for (wall, remaining) in cases {
            let mut restored = Engine::restore(plan(), &snapshot, 50, wall).expect("fits");
            restored.advance(50);
            assert_eq!(restored.index(), Some(index), "at {wall}");
            assert_eq!(restored.remaining(50), remaining, "at {wall}");
            assert!(restored.active_ms(50) <= 40_500, "at {wall}");
        }
        // Extreme values on either clock do not overflow.
        let far = Snapshot {
            state: WallState::Running {
                index,
                ends_at_wall: u64::MAX,
            },
            ..snapshot.clone()
        };
        let restored = Engine::restore(plan(), &far, u64::MAX - duration, 0).expect("fits");
        assert_eq!(restored.remaining(u64::MAX - duration), duration);
        let huge = Snapshot {
            active_before_ms: u64::MAX,
            ..snapshot.clone()
        };
        let mut restored = Engine::restore(plan(), &huge, 50, WALL).expect("fits");
        restored.advance(10 * HOUR);
        assert_eq!(restored.active_ms(10 * HOUR), u64::MAX);
        let _ = engine.snapshot(0, 0);
        let _ = played(10).snapshot(u64::MAX, u64::MAX);
    }

    #[test]
    fn a_snapshot_that_does_not_fit_the_plan_is_refused() {
        let snapshot = played(40_500).snapshot(40_500, WALL);
        let len = plan().segments.len();
        let with = |change: &dyn Fn(&mut Snapshot)| {
            let mut s = snapshot.clone();
            change(&mut s);
            s
        };
        let cases = [
            (
                "one segment short",
                with(&|s| {
                    s.completed.pop();
                }),
            ),
            (
                "running past the end",
                with(&|s| {
                    s.state = WallState::Running {
                        index: len,
                        ends_at_wall: WALL,
                    }
                }),
            ),
            (
                "paused past the end",
                with(&|s| {
                    s.state = WallState::Paused {
                        index: len,
                        remaining: 1,
                    }
                }),
            ),
            ("reached past the end", with(&|s| s.reached = len)),
        ];
        for (what, snapshot) in cases {
            assert_eq!(Engine::restore(plan(), &snapshot, 0, WALL), None, "{what}");
        }
        let ready = with(&|s| {
            s.state = WallState::Ready;
            s.completed.clear();
            s.reached = 0;
        });
        assert_eq!(
            Engine::restore(
                Plan {
                    segments: Vec::new()
                },
                &ready,
                0,
                WALL
            ),
            None
        );
        // A paused time longer than the segment (a damaged file) is cut to it.
        let long = with(&|s| {
            s.state = WallState::Paused {
                index: 0,
                remaining: u64::MAX,
            }
        });
        let restored = Engine::restore(plan(), &long, 0, WALL).expect("fits");
        assert_eq!(restored.remaining(0), plan().segments[0].duration_ms);
    }

    #[test]
    fn a_catalogue_without_the_stretch_cannot_bring_it_back() {
        type Change = fn(&mut SavedStep);
        let cases: [(&str, Change); 3] = [
            ("renamed stretch", |s| s.stretch = "retired-stretch".into()),
            ("unknown side", |s| s.sides = "middle".into()),
            ("fine", |_| {}),
        ];
        for (what, change) in cases {
            let mut live = live();
            change(&mut live.steps[2]);
            let fine = what == "fine";
            assert_eq!(live.routine().is_some(), fine, "{what}");
            assert_eq!(live.engine(0, WALL).is_some(), fine, "{what}");
            if !fine {
                assert_eq!(live.where_words(), "Morning mobility", "{what}");
            }
        }
    }

    #[test]
    fn a_session_left_more_than_twelve_hours_ago_is_stale() {
        let live = live();
        let cases = [
            (WALL, false),
            (WALL + STALE_AFTER_MS, false),
            (WALL + STALE_AFTER_MS + 1, true),
            (WALL + 30 * HOUR, true),
            // The clock was set back: no time has passed as far as we know.
            (WALL - HOUR, false),
            (0, false),
        ];
        for (now, stale) in cases {
            assert_eq!(live.is_stale(now), stale, "at {now}");
        }
    }

    #[test]
    fn where_words_name_the_exercise_in_hand_or_coming_next() {
        let segments = plan().segments;
        let find = |step: usize, phase: Phase, rep: u8| {
            segments
                .iter()
                .position(|s| s.step == step && s.phase == phase && s.rep == rep)
                .expect("planned")
        };
        let running = |index| WallState::Running {
            index,
            ends_at_wall: WALL,
        };
        let cases = [
            (WallState::Ready, "Diaphragmatic breathing, exercise 1 of 6"),
            (running(0), "Diaphragmatic breathing, exercise 1 of 6"),
            (running(find(4, Phase::Hold, 1)), "Cat-cow, exercise 5 of 6"),
            // The rest after step 4 (knee-to-chest) leads into cat-cow.
            (running(find(3, Phase::Rest, 1)), "Cat-cow, exercise 5 of 6"),
            // A rest between reps belongs to the exercise being repeated.
            (
                WallState::Paused {
                    index: find(1, Phase::Rest, 2),
                    remaining: 1,
                },
                "Pelvic tilt, exercise 2 of 6",
            ),
            (WallState::Finished, "Morning mobility"),
            (running(segments.len()), "Morning mobility"),
        ];
        for (state, words) in cases {
            let mut live = live();
            live.snapshot.state = state;
            assert_eq!(live.where_words(), words, "{state:?}");
        }
        let cat_cow = catalogue::stretch("cat-cow").expect("shipped");
        let single = LiveSession::new("/", &Routine::single(cat_cow, None), Timing::default(), 0);
        assert_eq!(single.where_words(), "Cat-cow");
    }

    #[test]
    fn a_new_live_session_restores_ready_and_follows_a_swap() {
        let mut live = live();
        let engine = live.engine(10, WALL).expect("fits");
        assert_eq!(engine, Engine::new(plan()));
        let mut engine = played(40_500);
        let step = engine.current().map(|s| s.step).expect("playing");
        let gentler = (step..6).find_map(|from| routine().with_gentler(from).map(|r| (from, r)));
        let Some((from, swapped)) = gentler else {
            panic!("morning mobility has an exercise with a gentler one")
        };
        let events = engine.replace_from(Plan::new(&swapped, &Timing::default()), from, 40_500);
        assert!(!events.is_empty(), "swapped");
        live.set_routine(&swapped);
        live.save(&engine, 40_600, WALL + 100);
        let back = round_trip(&live).expect("reads");
        assert_eq!(back.routine(), Some(swapped));
        let restored = back.engine(0, WALL + 100).expect("fits the swapped plan");
        assert_eq!(restored.segments(), engine.segments());
        assert_eq!(back.saved_at, WALL + 100);
    }

    #[test]
    fn what_the_history_keeps_of_a_left_session() {
        let routine = Routine::builtin("desk-break").expect("shipped");
        let plan = Plan::new(&routine, &Timing::default());
        let mut engine = Engine::new(plan.clone());
        engine.start(0);
        let mut live = LiveSession::new("/play/desk-break", &routine, Timing::default(), WALL);
        live.save(&engine, 0, WALL);
        assert_eq!(
            live.record(WALL + 100),
            None,
            "nothing reached yet is not a session"
        );
        // Ten minutes later the whole routine has run.
        let record = live.record(WALL + 600_000).expect("a record");
        assert_eq!(record.done.len(), routine.steps.len());
        assert_eq!(record.active_ms, plan.total_ms());
        // A session left running overnight is credited to 30 minutes after
        // its last save, not to the morning.
        assert_eq!(
            live.credited_until(WALL + 12 * 3_600_000),
            WALL + RUNS_ON_MS
        );
        // Paused after the first hold: that is what is kept, whenever.
        let first_hold = plan.segments[0].duration_ms + plan.segments[1].duration_ms;
        engine.advance(first_hold);
        engine.pause(first_hold + 10);
        live.save(&engine, first_hold + 10, WALL + first_hold + 10);
        let record = live.record(WALL + 9_000_000).expect("a record");
        assert_eq!(record.done, vec![routine.steps[0].stretch.id.to_string()]);
    }
}
