//! The player's clock: a pure state machine over a plan of segments. Time is
//! always read from a monotonic clock in milliseconds and compared with a
//! deadline; nothing counts ticks. So after any gap (a throttled tab, a frozen
//! page, a phone locked for ten minutes) `advance` lands on exactly the segment
//! and remaining time that real time says, and reports the boundaries it
//! crossed once, without replaying a backlog of cues.

use super::live::{Snapshot, WallState};
use super::plan::{Phase, Plan, Segment};

/// Going back within this long after a segment starts returns to the segment
/// before; later, it restarts the current one (as music players do).
pub const BACK_RESTARTS_AFTER_MS: u64 = 3000;

/// Where the session is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    /// Not started yet.
    Ready,
    /// Counting down segment `index`, which ends at `ends_at` on the clock.
    Running { index: usize, ends_at: u64 },
    /// Stopped in segment `index` with `remaining` ms left.
    Paused { index: usize, remaining: u64 },
    /// Past the last segment.
    Finished,
}

/// What happened in one call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    /// Segment `index` began at clock time `at` (possibly before now, after a gap).
    Entered {
        index: usize,
        at: u64,
    },
    /// More than one boundary passed in a single call; only the last is
    /// reported as `Entered`, so cues for the others are not replayed.
    CaughtUp {
        crossed: usize,
    },
    /// The last segment ended at clock time `at`.
    Finished {
        at: u64,
    },
    Paused,
    Resumed,
}

/// How an exercise of the routine went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// At least one of its holds ran to the end.
    Done,
    /// Reached, but every hold was cut short or skipped.
    Skipped,
    /// The session ended before it.
    NotReached,
}

/// A routine being played.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Engine {
    segments: Vec<Segment>,
    state: State,
    /// Which segments ran to their end by time (not skipped past).
    completed: Vec<bool>,
    /// The furthest segment entered.
    reached: usize,
    /// Milliseconds the clock ran in segments already left (all of them once
    /// finished). The current segment's share is not kept here: it follows
    /// from its duration minus what remains, which already leaves out time
    /// spent paused, so pause and resume need no bookkeeping.
    active_before: u64,
}

impl Engine {
    pub fn new(plan: Plan) -> Self {
        let state = if plan.segments.is_empty() {
            State::Finished
        } else {
            State::Ready
        };
        let completed = vec![false; plan.segments.len()];
        Self {
            segments: plan.segments,
            state,
            completed,
            reached: 0,
            active_before: 0,
        }
    }

    /// How each exercise went so far, by step index.
    pub fn outcomes(&self) -> Vec<Outcome> {
        let steps = self.segments.iter().map(|s| s.step + 1).max().unwrap_or(0);
        (0..steps)
            .map(|step| {
                let holds = self
                    .segments
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| s.step == step && s.phase == Phase::Hold);
                let mut reached = false;
                for (index, _) in holds {
                    if self.completed[index] {
                        return Outcome::Done;
                    }
                    reached |= index <= self.reached;
                }
                if reached {
                    Outcome::Skipped
                } else {
                    Outcome::NotReached
                }
            })
            .collect()
    }

    pub fn state(&self) -> State {
        self.state
    }

    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// Starts the first segment now. Does nothing unless ready.
    pub fn start(&mut self, now: u64) -> Vec<Event> {
        if self.state != State::Ready {
            return Vec::new();
        }
        self.enter(0, now)
    }

    /// Brings the state up to `now`.
    pub fn advance(&mut self, now: u64) -> Vec<Event> {
        let State::Running {
            mut index,
            mut ends_at,
        } = self.state
        else {
            return Vec::new();
        };
        let mut crossed = 0;
        while now >= ends_at {
            crossed += 1;
            self.ran_to_end(index);
            if index + 1 == self.segments.len() {
                self.state = State::Finished;
                let mut events = Vec::new();
                if crossed > 1 {
                    events.push(Event::CaughtUp { crossed });
                }
                events.push(Event::Finished { at: ends_at });
                return events;
            }
            index += 1;
            self.reached = self.reached.max(index);
            let started = ends_at;
            ends_at = started + self.segments[index].duration_ms;
            self.state = State::Running { index, ends_at };
            if now < ends_at {
                let mut events = Vec::new();
                if crossed > 1 {
                    events.push(Event::CaughtUp { crossed });
                }
                events.push(Event::Entered { index, at: started });
                return events;
            }
        }
        Vec::new()
    }

    /// Stops the clock, keeping the time left.
    pub fn pause(&mut self, now: u64) -> Vec<Event> {
        let mut events = self.advance(now);
        if let State::Running { index, ends_at } = self.state {
            self.state = State::Paused {
                index,
                remaining: ends_at - now,
            };
            events.push(Event::Paused);
        }
        events
    }

    /// Starts the clock again with the time that was left.
    pub fn resume(&mut self, now: u64) -> Vec<Event> {
        if let State::Paused { index, remaining } = self.state {
            self.state = State::Running {
                index,
                ends_at: now + remaining,
            };
            return vec![Event::Resumed];
        }
        Vec::new()
    }

    /// Moves to the start of the next segment; from the last, finishes.
    /// A paused session stays paused.
    pub fn skip(&mut self, now: u64) -> Vec<Event> {
        let mut events = self.advance(now);
        let Some(index) = self.active_index() else {
            return events;
        };
        if index + 1 == self.segments.len() {
            self.leave(now);
            self.state = State::Finished;
            events.push(Event::Finished { at: now });
            return events;
        }
        events.extend(self.jump(index + 1, now));
        events
    }

    /// Moves past every remaining segment of the current exercise (its other
    /// side, reps and the rest after it) to the next exercise.
    pub fn skip_exercise(&mut self, now: u64) -> Vec<Event> {
        let mut events = self.advance(now);
        let Some(index) = self.active_index() else {
            return events;
        };
        let step = self.segments[index].step;
        let next = self.segments[index..]
            .iter()
            .position(|s| s.step != step)
            .map(|offset| index + offset);
        match next {
            Some(next) => events.extend(self.jump(next, now)),
            None => {
                self.leave(now);
                self.state = State::Finished;
                events.push(Event::Finished { at: now });
            }
        }
        events
    }

    /// Restarts the current segment, or goes to the previous one if the
    /// current one began less than [`BACK_RESTARTS_AFTER_MS`] ago.
    pub fn back(&mut self, now: u64) -> Vec<Event> {
        let mut events = self.advance(now);
        let Some(index) = self.active_index() else {
            return events;
        };
        let elapsed = self.segments[index].duration_ms - self.remaining(now);
        let target = if elapsed < BACK_RESTARTS_AFTER_MS {
            index.saturating_sub(1)
        } else {
            index
        };
        events.extend(self.jump(target, now));
        events
    }

    /// The segment being played or paused in.
    pub fn index(&self) -> Option<usize> {
        match self.state {
            State::Running { index, .. } | State::Paused { index, .. } => Some(index),
            State::Ready => Some(0),
            State::Finished => None,
        }
    }

    /// The segment being played or paused in.
    pub fn current(&self) -> Option<&Segment> {
        self.index().map(|i| &self.segments[i])
    }

    /// Milliseconds left in the current segment at `now` (never negative).
    pub fn remaining(&self, now: u64) -> u64 {
        match self.state {
            State::Running { ends_at, .. } => ends_at.saturating_sub(now),
            State::Paused { remaining, .. } => remaining,
            State::Ready => self.segments.first().map_or(0, |s| s.duration_ms),
            State::Finished => 0,
        }
    }

    /// Milliseconds of the whole routine done at `now`.
    pub fn elapsed_total(&self, now: u64) -> u64 {
        match self.index() {
            Some(index) => {
                let before: u64 = self.segments[..index].iter().map(|s| s.duration_ms).sum();
                before + self.segments[index].duration_ms - self.remaining(now)
            }
            None => self.total(),
        }
    }

    /// Milliseconds the clock actually ran by `now`: time spent running,
    /// without time paused or the unplayed rest of a skipped segment. A
    /// session that ran out by itself counts up to its end, however late
    /// this is asked. Call [`Self::advance`] first for an up-to-date answer.
    pub fn active_ms(&self, now: u64) -> u64 {
        // Saturating: the count may come from a stored snapshot.
        self.active_before.saturating_add(self.run_in_current(now))
    }

    /// Milliseconds of the whole routine.
    pub fn total(&self) -> u64 {
        self.segments.iter().map(|s| s.duration_ms).sum()
    }

    /// While running: every boundary still ahead, as (clock time, index of
    /// the segment that begins then; `None` for the end). Sound is scheduled
    /// from this ahead of time, so it plays on time with the screen off.
    pub fn upcoming(&self) -> Vec<(u64, Option<usize>)> {
        let State::Running { index, ends_at } = self.state else {
            return Vec::new();
        };
        let mut at = ends_at;
        let mut out = Vec::new();
        for next in index + 1..self.segments.len() {
            out.push((at, Some(next)));
            at += self.segments[next].duration_ms;
        }
        out.push((at, None));
        out
    }

    /// Plays `plan` from exercise `step` on, in place of what was planned
    /// (a gentler alternative swapped in mid-session): segments before the
    /// step stay as they are, with their outcomes and the time spent in
    /// them, and the session goes to the start of the step, running if it
    /// was running, paused with the new segment's whole duration if paused.
    /// The time run in the segment being left counts as active.
    ///
    /// Changes nothing and returns no events when `step` is not in both
    /// plans, when the new plan's segments before it are not exactly the
    /// current ones (the earlier outcomes would no longer describe what was
    /// played), or when the session is not running or paused.
    pub fn replace_from(&mut self, plan: Plan, step: usize, now: u64) -> Vec<Event> {
        let first = |segments: &[Segment]| segments.iter().position(|s| s.step == step);
        let (Some(cut), Some(new_cut)) = (first(&self.segments), first(&plan.segments)) else {
            return Vec::new();
        };
        if self.active_index().is_none() || plan.segments[..new_cut] != self.segments[..cut] {
            return Vec::new();
        }
        let mut events = self.advance(now);
        if self.active_index().is_none() {
            // The session ran out while being changed: nothing left to replace.
            return events;
        }
        self.leave(now);
        self.segments.truncate(cut);
        self.segments.extend_from_slice(&plan.segments[cut..]);
        self.completed.truncate(cut);
        self.completed.resize(self.segments.len(), false);
        // Every index before the cut is below it, so earlier outcomes keep
        // what they had; nothing of the new segments has been reached yet.
        self.reached = cut;
        match self.state {
            State::Paused { .. } => {
                self.state = State::Paused {
                    index: cut,
                    remaining: self.segments[cut].duration_ms,
                };
            }
            _ => events.extend(self.enter(cut, now)),
        }
        events
    }

    /// The session as it stands, with the deadline on the wall clock
    /// (`now_wall`, epoch ms) rather than the monotonic one, which starts
    /// again from 0 on every page load.
    pub fn snapshot(&self, now_mono: u64, now_wall: u64) -> Snapshot {
        let state = match self.state {
            State::Ready => WallState::Ready,
            State::Finished => WallState::Finished,
            State::Paused { index, remaining } => WallState::Paused { index, remaining },
            State::Running { index, ends_at } => WallState::Running {
                index,
                ends_at_wall: if ends_at >= now_mono {
                    now_wall.saturating_add(ends_at - now_mono)
                } else {
                    now_wall.saturating_sub(now_mono - ends_at)
                },
            },
        };
        Snapshot {
            state,
            completed: self.completed.clone(),
            reached: self.reached,
            active_before_ms: self.active_before,
        }
    }

    /// The session `snapshot` describes, on `plan`, at `now_mono` on this
    /// page's clock and `now_wall` on the wall clock. A running session
    /// keeps its wall-clock deadline, so the time the page was gone counts as
    /// played; once [`Self::advance`] is called it is where real time says.
    /// `None` when the snapshot does not fit the plan (a different number of
    /// segments, an index beyond them).
    ///
    /// The wall clock can be changed under a session: a deadline further off
    /// than the segment lasts (the clock went back) is clamped to the whole
    /// segment, so nothing underflows and no segment runs longer than planned.
    pub fn restore(plan: Plan, snapshot: &Snapshot, now_mono: u64, now_wall: u64) -> Option<Self> {
        let len = plan.segments.len();
        let fits = |index: usize| index < len;
        if snapshot.completed.len() != len || (len > 0 && !fits(snapshot.reached)) {
            return None;
        }
        let mut engine = Self {
            segments: plan.segments,
            state: State::Finished,
            completed: snapshot.completed.clone(),
            reached: snapshot.reached,
            active_before: snapshot.active_before_ms,
        };
        match snapshot.state {
            WallState::Finished => {}
            WallState::Ready if fits(0) => engine.state = State::Ready,
            WallState::Paused { index, remaining } if fits(index) => {
                engine.state = State::Paused {
                    index,
                    remaining: remaining.min(engine.segments[index].duration_ms),
                };
            }
            WallState::Running {
                index,
                ends_at_wall,
            } if fits(index) => {
                engine.reached = engine.reached.max(index);
                if ends_at_wall >= now_wall {
                    let remaining =
                        (ends_at_wall - now_wall).min(engine.segments[index].duration_ms);
                    engine.state = State::Running {
                        index,
                        ends_at: now_mono.saturating_add(remaining),
                    };
                } else {
                    engine.catch_up_before_this_page(index, now_wall - ends_at_wall, now_mono);
                }
            }
            WallState::Ready | WallState::Paused { .. } | WallState::Running { .. } => return None,
        }
        Some(engine)
    }

    /// Running segment `index` ended `late` ms ago. A deadline that long ago
    /// may be before this page's clock began (0), where it cannot be
    /// written; the segments that ended back then are crossed here, and the
    /// rest is left for `advance`, which reports it as usual.
    fn catch_up_before_this_page(&mut self, mut index: usize, mut late: u64, now_mono: u64) {
        loop {
            if late <= now_mono {
                self.state = State::Running {
                    index,
                    ends_at: now_mono - late,
                };
                return;
            }
            self.ran_to_end(index);
            if index + 1 == self.segments.len() {
                self.state = State::Finished;
                return;
            }
            index += 1;
            self.reached = self.reached.max(index);
            let duration = self.segments[index].duration_ms;
            if duration > late {
                self.state = State::Running {
                    index,
                    ends_at: now_mono.saturating_add(duration - late),
                };
                return;
            }
            late -= duration;
        }
    }

    /// The segment index while running or paused; `None` before the start and after the end.
    fn active_index(&self) -> Option<usize> {
        match self.state {
            State::Running { index, .. } | State::Paused { index, .. } => Some(index),
            State::Ready | State::Finished => None,
        }
    }

    /// How long the clock has run in the current segment by `now`. While
    /// running, a segment's deadline moves only on resume, by the time
    /// paused, so duration minus remaining is the time it ran.
    fn run_in_current(&self, now: u64) -> u64 {
        self.active_index().map_or(0, |index| {
            self.segments[index]
                .duration_ms
                .saturating_sub(self.remaining(now))
        })
    }

    /// Banks the current segment's running time before leaving it.
    /// Segment `index` ran by time to its end: done, and all of it counts.
    fn ran_to_end(&mut self, index: usize) {
        self.completed[index] = true;
        self.active_before = self
            .active_before
            .saturating_add(self.segments[index].duration_ms);
    }

    fn leave(&mut self, now: u64) {
        self.active_before = self.active_before.saturating_add(self.run_in_current(now));
    }

    fn enter(&mut self, index: usize, now: u64) -> Vec<Event> {
        self.reached = self.reached.max(index);
        self.state = State::Running {
            index,
            ends_at: now + self.segments[index].duration_ms,
        };
        vec![Event::Entered { index, at: now }]
    }

    /// Goes to the start of `index`, keeping a paused session paused.
    fn jump(&mut self, index: usize, now: u64) -> Vec<Event> {
        self.leave(now);
        match self.state {
            State::Paused { .. } => {
                self.reached = self.reached.max(index);
                self.state = State::Paused {
                    index,
                    remaining: self.segments[index].duration_ms,
                };
                Vec::new()
            }
            _ => self.enter(index, now),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::{Side, Timing};
    use crate::domain::routine::Routine;

    /// get ready 5 s, hold left 20 s, switch 5 s, hold right 20 s, rest 10 s, hold 30 s.
    fn engine() -> Engine {
        let segment = |phase, step, side, seconds: u64| Segment {
            phase,
            step,
            side,
            rep: 1,
            duration_ms: seconds * 1000,
        };
        Engine::new(Plan {
            segments: vec![
                segment(Phase::GetReady, 0, None, 5),
                segment(Phase::Hold, 0, Some(Side::Left), 20),
                segment(Phase::SwitchSides, 0, Some(Side::Right), 5),
                segment(Phase::Hold, 0, Some(Side::Right), 20),
                segment(Phase::Rest, 0, None, 10),
                segment(Phase::Hold, 1, None, 30),
            ],
        })
    }

    fn at(engine: &Engine, now: u64) -> (Option<usize>, u64) {
        (engine.index(), engine.remaining(now))
    }

    #[test]
    fn the_countdown_is_deadline_minus_now() {
        let mut e = engine();
        assert_eq!(e.start(1000), vec![Event::Entered { index: 0, at: 1000 }]);
        for (now, remaining) in [(1000, 5000), (1001, 4999), (3500, 2500), (5999, 1)] {
            assert!(e.advance(now).is_empty());
            assert_eq!(at(&e, now), (Some(0), remaining), "at {now}");
        }
    }

    #[test]
    fn boundaries_fall_at_exact_milliseconds() {
        let cases = [
            (5_999, vec![], 0, 1),
            (
                6_000,
                vec![Event::Entered {
                    index: 1,
                    at: 6_000,
                }],
                1,
                20_000,
            ),
            (
                26_000,
                vec![Event::Entered {
                    index: 2,
                    at: 26_000,
                }],
                2,
                5_000,
            ),
            (
                90_999,
                vec![
                    Event::CaughtUp { crossed: 3 },
                    Event::Entered {
                        index: 5,
                        at: 61_000,
                    },
                ],
                5,
                1,
            ),
            (91_000, vec![Event::Finished { at: 91_000 }], usize::MAX, 0),
        ];
        let mut e = engine();
        e.start(1_000);
        for (now, events, index, remaining) in cases {
            assert_eq!(e.advance(now), events, "at {now}");
            assert_eq!(e.index().unwrap_or(usize::MAX), index, "at {now}");
            assert_eq!(e.remaining(now), remaining, "at {now}");
        }
        assert_eq!(e.state(), State::Finished);
    }

    #[test]
    fn a_long_gap_lands_where_real_time_says_without_replaying_cues() {
        let cases: [(u64, Vec<Event>, Option<usize>, u64); 4] = [
            // Locked mid-hold for 21 s: right side, 3 s left; one Entered, not three.
            (
                47_000,
                vec![
                    Event::CaughtUp { crossed: 3 },
                    Event::Entered {
                        index: 3,
                        at: 30_000,
                    },
                ],
                Some(3),
                3_000,
            ),
            // Ten minutes: long finished, finished at the planned moment.
            (
                600_000,
                vec![
                    Event::CaughtUp { crossed: 6 },
                    Event::Finished { at: 90_000 },
                ],
                None,
                0,
            ),
            // One boundary only: no CaughtUp.
            (
                5_000,
                vec![Event::Entered {
                    index: 1,
                    at: 5_000,
                }],
                Some(1),
                20_000,
            ),
            (4_999, vec![], Some(0), 1),
        ];
        for (now, events, index, remaining) in cases {
            let mut e = engine();
            e.start(0);
            assert_eq!(e.advance(now), events, "after a gap to {now}");
            assert_eq!(at(&e, now), (index, remaining), "after a gap to {now}");
        }
    }

    #[test]
    fn pause_keeps_the_time_left_across_any_gap_and_resume_shifts_the_deadline() {
        let mut e = engine();
        e.start(0);
        assert_eq!(e.pause(2_000), vec![Event::Paused]);
        assert_eq!(
            e.state(),
            State::Paused {
                index: 0,
                remaining: 3_000
            }
        );
        // Paused for ten minutes: nothing moves.
        assert!(e.advance(602_000).is_empty());
        assert_eq!(at(&e, 602_000), (Some(0), 3_000));
        assert_eq!(e.resume(602_000), vec![Event::Resumed]);
        assert_eq!(e.remaining(603_000), 2_000);
        assert_eq!(
            e.advance(605_000),
            vec![Event::Entered {
                index: 1,
                at: 605_000
            }]
        );
        // Pausing past a boundary first crosses it, then pauses.
        assert_eq!(
            e.pause(626_000),
            vec![
                Event::Entered {
                    index: 2,
                    at: 625_000
                },
                Event::Paused
            ]
        );
        assert_eq!(
            e.state(),
            State::Paused {
                index: 2,
                remaining: 4_000
            }
        );
        // Pause and resume do nothing in the wrong state.
        assert!(e.pause(627_000).is_empty());
        e.resume(627_000);
        assert!(e.resume(627_500).is_empty());
    }

    #[test]
    fn skip_moves_to_the_next_segment_from_every_kind_of_segment() {
        let durations = [5_000, 20_000, 5_000, 20_000, 10_000, 30_000];
        for from in 0..durations.len() {
            let mut e = engine();
            e.start(0);
            for _ in 0..from {
                e.skip(100);
            }
            assert_eq!(e.index(), Some(from));
            let events = e.skip(1_000);
            if from + 1 < durations.len() {
                assert_eq!(
                    events,
                    vec![Event::Entered {
                        index: from + 1,
                        at: 1_000
                    }],
                    "from {from}"
                );
                assert_eq!(e.remaining(1_000), durations[from + 1], "from {from}");
            } else {
                assert_eq!(events, vec![Event::Finished { at: 1_000 }]);
                assert_eq!(e.state(), State::Finished);
            }
        }
    }

    #[test]
    fn back_restarts_or_returns_at_every_kind_of_segment() {
        let durations = [5_000, 20_000, 5_000, 20_000, 10_000, 30_000];
        for index in 0..durations.len() {
            // Early in a segment: back to the previous one (or the start of the first).
            let mut e = engine();
            e.start(0);
            for _ in 0..index {
                e.skip(0);
            }
            e.back(BACK_RESTARTS_AFTER_MS - 1);
            let previous = index.saturating_sub(1);
            assert_eq!(
                at(&e, BACK_RESTARTS_AFTER_MS - 1),
                (Some(previous), durations[previous])
            );
            // Later in a segment (long enough to be in it still): restart it.
            let mut e = engine();
            e.start(0);
            for _ in 0..index {
                e.skip(0);
            }
            let later = BACK_RESTARTS_AFTER_MS.min(durations[index] - 1);
            e.back(later);
            let expected = if later >= BACK_RESTARTS_AFTER_MS {
                index
            } else {
                previous
            };
            assert_eq!(
                at(&e, later),
                (Some(expected), durations[expected]),
                "at {index}"
            );
        }
    }

    #[test]
    fn skip_and_back_keep_a_paused_session_paused() {
        let mut e = engine();
        e.start(0);
        e.pause(1_000);
        assert!(e.skip(5_000).is_empty());
        assert_eq!(
            e.state(),
            State::Paused {
                index: 1,
                remaining: 20_000
            }
        );
        e.back(9_000);
        assert_eq!(
            e.state(),
            State::Paused {
                index: 0,
                remaining: 5_000
            }
        );
    }

    #[test]
    fn skip_exercise_jumps_past_the_other_side_and_the_rest() {
        let mut e = engine();
        e.start(0);
        e.skip(0);
        assert_eq!(e.current().map(|s| s.phase), Some(Phase::Hold));
        assert_eq!(
            e.skip_exercise(1_000),
            vec![Event::Entered {
                index: 5,
                at: 1_000
            }]
        );
        assert_eq!(e.current().map(|s| s.step), Some(1));
        assert_eq!(e.skip_exercise(2_000), vec![Event::Finished { at: 2_000 }]);
    }

    #[test]
    fn nothing_moves_before_start_or_after_the_end() {
        let mut e = engine();
        for call in [
            Engine::advance,
            Engine::skip,
            Engine::back,
            Engine::pause,
            Engine::resume,
        ] {
            assert!(call(&mut e, 10).is_empty());
        }
        assert_eq!(e.state(), State::Ready);
        assert_eq!(e.remaining(10), 5_000);
        e.start(0);
        e.advance(1_000_000);
        for call in [
            Engine::advance,
            Engine::skip,
            Engine::back,
            Engine::pause,
            Engine::resume,
            Engine::start,
        ] {
            assert!(call(&mut e, 2_000_000).is_empty());
        }
        assert_eq!(e.elapsed_total(2_000_000), e.total());
    }

    #[test]
    fn outcomes_tell_done_from_skipped_and_not_reached() {
        let mut e = engine();
        assert_eq!(e.outcomes(), vec![Outcome::NotReached, Outcome::NotReached]);
        e.start(0);
        // Left hold runs out; the right hold is skipped: step 0 still counts as done.
        e.advance(25_000);
        assert_eq!(e.outcomes()[0], Outcome::Done);
        let mut e = engine();
        e.start(0);
        e.skip(1_000);
        e.skip_exercise(2_000);
        // Ending now would leave the exercise just entered cut short too.
        assert_eq!(e.outcomes(), vec![Outcome::Skipped, Outcome::Skipped]);
        e.advance(32_000);
        assert_eq!(e.outcomes(), vec![Outcome::Skipped, Outcome::Done]);
    }

    #[test]
    fn upcoming_boundaries_are_listed_for_scheduling_sound() {
        let mut e = engine();
        e.start(1_000);
        e.advance(7_000);
        assert_eq!(
            e.upcoming(),
            vec![
                (26_000, Some(2)),
                (31_000, Some(3)),
                (51_000, Some(4)),
                (61_000, Some(5)),
                (91_000, None)
            ]
        );
        e.pause(8_000);
        assert!(e.upcoming().is_empty());
    }

    type Call = fn(&mut Engine, u64) -> Vec<Event>;
    /// What happens, the calls at their clock times, asked at, active ms.
    type ActiveCase = (&'static str, Vec<(Call, u64)>, u64, u64);

    #[test]
    fn active_time_counts_only_the_clock_running() {
        let (start, advance, pause, resume): (Call, Call, Call, Call) = (
            Engine::start,
            Engine::advance,
            Engine::pause,
            Engine::resume,
        );
        let (skip, skip_exercise, back): (Call, Call, Call) =
            (Engine::skip, Engine::skip_exercise, Engine::back);
        let cases: [ActiveCase; 10] = [
            ("not started", vec![], 50_000, 0),
            (
                "every segment skipped in a moment",
                vec![
                    (start, 0),
                    (skip, 100),
                    (skip, 200),
                    (skip, 300),
                    (skip, 400),
                    (skip, 500),
                    (skip, 600),
                ],
                3_600_000,
                600,
            ),
            (
                "a minute's pause",
                vec![(start, 0), (pause, 2_000), (resume, 62_000)],
                70_000,
                10_000,
            ),
            (
                "still paused",
                vec![(start, 0), (pause, 2_000)],
                500_000,
                2_000,
            ),
            (
                "played through",
                vec![(start, 0), (advance, 90_000)],
                90_000,
                90_000,
            ),
            (
                "finished, asked an hour later",
                vec![(start, 0), (advance, 3_600_000)],
                3_600_000,
                90_000,
            ),
            (
                "a segment restarted counts both goes",
                vec![(start, 0), (advance, 10_000), (back, 10_000)],
                15_000,
                15_000,
            ),
            (
                "the rest of an exercise skipped",
                vec![(start, 0), (skip, 1_000), (skip_exercise, 4_000)],
                10_000,
                10_000,
            ),
            (
                "skipped while paused, then resumed",
                vec![(start, 0), (pause, 1_000), (skip, 50_000), (resume, 60_000)],
                65_000,
                6_000,
            ),
            (
                "the last segment skipped ends it then",
                vec![(start, 0), (advance, 61_000), (skip, 70_000)],
                999_999,
                70_000,
            ),
        ];
        for (what, calls, asked_at, active) in cases {
            let mut e = engine();
            for (call, now) in calls {
                call(&mut e, now);
            }
            e.advance(asked_at);
            assert_eq!(e.active_ms(asked_at), active, "{what}");
        }
    }

    /// hips-and-hamstrings with figure-four (step 2) swapped for knee-to-chest.
    fn swap_setup() -> (Engine, Plan, usize, u64) {
        let routine = Routine::builtin("hips-and-hamstrings").expect("shipped");
        assert_eq!(routine.steps[2].stretch.id, "figure-four");
        let gentler = routine
            .with_gentler(2)
            .expect("figure-four has a gentler one");
        let mut e = Engine::new(Plan::new(&routine, &Timing::default()));
        e.start(0);
        // Step 0 skipped, step 1 played out, 10 s into step 2's first hold.
        e.skip_exercise(1_000);
        let cut = e.index().expect("playing");
        let hold = e
            .segments()
            .iter()
            .position(|s| s.step == 2)
            .expect("step 2 is planned");
        assert_eq!(e.segments()[hold].phase, Phase::Hold);
        let now = 1_000
            + e.segments()[cut..hold]
                .iter()
                .map(|s| s.duration_ms)
                .sum::<u64>()
            + 10_000;
        e.advance(now);
        assert_eq!(e.index(), Some(hold));
        (e, Plan::new(&gentler, &Timing::default()), hold, now)
    }

    #[test]
    fn a_gentler_exercise_replaces_the_rest_of_the_session_mid_hold() {
        let (mut e, plan, cut, now) = swap_setup();
        let before = e.clone();
        let events = e.replace_from(plan.clone(), 2, now);
        assert_eq!(
            events,
            vec![Event::Entered {
                index: cut,
                at: now
            }]
        );
        assert_eq!(e.segments()[..cut], before.segments()[..cut]);
        assert_eq!(e.segments()[cut..], plan.segments[cut..]);
        let knee = crate::domain::catalogue::stretch("knee-to-chest").expect("shipped");
        let ahead: Vec<(usize, Phase, u64)> = e.segments()[cut..]
            .iter()
            .take(4)
            .map(|s| (s.step, s.phase, s.duration_ms))
            .collect();
        let hold = u64::from(knee.hold_seconds) * 1000;
        let rep_rest = u64::from(knee.rep_rest_seconds) * 1000;
        assert_eq!(
            ahead,
            vec![
                (2, Phase::Hold, hold),
                (2, Phase::Rest, rep_rest),
                (2, Phase::Hold, hold),
                (2, Phase::Rest, rep_rest)
            ]
        );
        assert_eq!(
            e.state(),
            State::Running {
                index: cut,
                ends_at: now + hold
            }
        );
        assert_eq!(e.outcomes()[..2], before.outcomes()[..2]);
        assert_eq!(
            e.outcomes()[..3],
            [Outcome::Skipped, Outcome::Done, Outcome::Skipped]
        );
        assert_eq!(
            e.active_ms(now),
            before.active_ms(now),
            "the 10 s held count"
        );
        assert_eq!(e.total(), plan.total_ms());
        // The new hold runs out by time as any other.
        e.advance(now + hold);
        assert_eq!(e.outcomes()[2], Outcome::Done);
    }

    #[test]
    fn a_paused_session_stays_paused_at_the_start_of_the_gentler_exercise() {
        let (mut e, plan, cut, now) = swap_setup();
        e.pause(now);
        assert!(e.replace_from(plan.clone(), 2, now + 60_000).is_empty());
        assert_eq!(
            e.state(),
            State::Paused {
                index: cut,
                remaining: plan.segments[cut].duration_ms
            }
        );
        assert_eq!(e.segments(), &plan.segments[..]);
    }

    #[test]
    fn a_replacement_that_does_not_fit_changes_nothing() {
        let (playing, plan, _, now) = swap_setup();
        let other_timing = Plan::new(
            &Routine::builtin("hips-and-hamstrings")
                .and_then(|r| r.with_gentler(2))
                .expect("shipped"),
            &Timing {
                get_ready_seconds: 9,
                switch_sides_seconds: 5,
            },
        );
        let ready = Engine::new(Plan::new(
            &Routine::builtin("hips-and-hamstrings").expect("shipped"),
            &Timing::default(),
        ));
        let mut finished = playing.clone();
        finished.advance(u64::MAX / 2);
        let cases = [
            ("a step beyond the plan", playing.clone(), plan.clone(), 99),
            (
                "an earlier segment differs",
                playing.clone(),
                other_timing,
                2,
            ),
            ("not started", ready, plan.clone(), 2),
            ("finished", finished, plan, 2),
        ];
        for (what, mut e, plan, step) in cases {
            let before = e.clone();
            assert!(e.replace_from(plan, step, now).is_empty(), "{what}");
            assert_eq!(e, before, "{what}");
        }
    }

    #[test]
    fn every_builtin_routine_plays_to_the_end_at_its_displayed_total() {
        for builtin in crate::domain::catalogue::routines() {
            let routine = Routine::from_builtin(builtin).expect("resolves");
            let total = u64::from(routine.total_seconds(&Timing::default())) * 1000;
            let mut e = Engine::new(Plan::new(&routine, &Timing::default()));
            e.start(0);
            let mut now = 0;
            let mut entered = 1;
            // Sample every 250 ms, as the page does, and see every segment once.
            while e.state() != State::Finished {
                now += 250;
                for event in e.advance(now) {
                    match event {
                        Event::Entered { .. } => entered += 1,
                        Event::Finished { at } => assert_eq!(at, total, "{}", builtin.id),
                        other => panic!("{}: unexpected {other:?}", builtin.id),
                    }
                }
            }
            assert_eq!(entered, e.segments().len(), "{}", builtin.id);
            assert_eq!(e.total(), total);
        }
    }
}
