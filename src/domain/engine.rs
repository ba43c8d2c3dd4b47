//! The player's clock: a pure state machine over a plan of segments. Time is
//! always read from a monotonic clock in milliseconds and compared with a
//! deadline; nothing counts ticks. So after any gap (a throttled tab, a frozen
//! page, a phone locked for ten minutes) `advance` lands on exactly the segment
//! and remaining time that real time says, and reports the boundaries it
//! crossed once, without replaying a backlog of cues.

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
            self.completed[index] = true;
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

    /// The segment index while running or paused; `None` before the start and after the end.
    fn active_index(&self) -> Option<usize> {
        match self.state {
            State::Running { index, .. } | State::Paused { index, .. } => Some(index),
            State::Ready | State::Finished => None,
        }
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
