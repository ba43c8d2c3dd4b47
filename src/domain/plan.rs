//! A routine as a flat list of timed segments: get ready, holds (left, a
//! switch-sides gap, right), rests between reps and between steps. The player
//! walks this list against the clock; totals shown anywhere come from it.

use super::catalogue::Sides;
use super::routine::Routine;

/// Timings that come from settings rather than from the routine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timing {
    /// Before the first hold, to get into position.
    pub get_ready_seconds: u16,
    /// Between the left and right side of a two-sided step.
    pub switch_sides_seconds: u16,
}

impl Default for Timing {
    fn default() -> Self {
        Self {
            get_ready_seconds: 5,
            switch_sides_seconds: 5,
        }
    }
}

/// What the person is doing during a segment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    GetReady,
    Hold,
    SwitchSides,
    Rest,
}

/// Which side a hold is on, for two-sided steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
}

/// One timed piece of a routine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    pub phase: Phase,
    /// The step this segment belongs to (a rest belongs to the step before it).
    pub step: usize,
    pub side: Option<Side>,
    /// 1-based rep within the side.
    pub rep: u8,
    pub duration_ms: u64,
}

/// The whole routine, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    pub segments: Vec<Segment>,
}

impl Plan {
    pub fn new(routine: &Routine, timing: &Timing) -> Self {
        let mut segments = Vec::new();
        let mut push = |phase, step, side, rep, seconds: u16| {
            if seconds > 0 {
                segments.push(Segment {
                    phase,
                    step,
                    side,
                    rep,
                    duration_ms: u64::from(seconds) * 1000,
                });
            }
        };
        push(Phase::GetReady, 0, None, 1, timing.get_ready_seconds);
        let last = routine.steps.len().saturating_sub(1);
        for (index, step) in routine.steps.iter().enumerate() {
            let sides: &[Option<Side>] = match (step.stretch.per_side, step.sides) {
                (false, _) => &[None],
                (true, Sides::Both) => &[Some(Side::Left), Some(Side::Right)],
                (true, Sides::Left) => &[Some(Side::Left)],
                (true, Sides::Right) => &[Some(Side::Right)],
            };
            for (n, side) in sides.iter().enumerate() {
                if n > 0 {
                    push(
                        Phase::SwitchSides,
                        index,
                        *side,
                        1,
                        timing.switch_sides_seconds,
                    );
                }
                for rep in 1..=step.reps {
                    if rep > 1 {
                        push(
                            Phase::Rest,
                            index,
                            *side,
                            rep,
                            step.stretch.rep_rest_seconds,
                        );
                    }
                    push(Phase::Hold, index, *side, rep, step.hold_seconds);
                }
            }
            if index < last {
                push(Phase::Rest, index, None, 1, step.rest_after_seconds);
            }
        }
        Self { segments }
    }

    /// The sum of every segment.
    pub fn total_ms(&self) -> u64 {
        self.segments.iter().map(|s| s.duration_ms).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue;
    use crate::domain::routine::Step;

    fn routine(steps: Vec<Step>) -> Routine {
        Routine {
            id: "test".into(),
            name: "Test".into(),
            summary: String::new(),
            steps,
        }
    }

    fn step(id: &str, hold: u16, reps: u8, sides: Sides, rest: u16) -> Step {
        Step {
            stretch: catalogue::stretch(id).expect("a shipped id"),
            hold_seconds: hold,
            reps,
            sides,
            rest_after_seconds: rest,
        }
    }

    fn shape(plan: &Plan) -> Vec<(Phase, usize, Option<Side>, u8, u64)> {
        plan.segments
            .iter()
            .map(|s| (s.phase, s.step, s.side, s.rep, s.duration_ms / 1000))
            .collect()
    }

    #[test]
    fn a_two_sided_step_holds_left_then_switches_then_right() {
        let knee = catalogue::stretch("knee-to-chest").expect("shipped");
        let plan = Plan::new(
            &routine(vec![step("knee-to-chest", 20, 2, Sides::Both, 10)]),
            &Timing::default(),
        );
        let rr = u64::from(knee.rep_rest_seconds);
        let mut expected = vec![
            (Phase::GetReady, 0, None, 1, 5),
            (Phase::Hold, 0, Some(Side::Left), 1, 20),
            (Phase::Rest, 0, Some(Side::Left), 2, rr),
            (Phase::Hold, 0, Some(Side::Left), 2, 20),
            (Phase::SwitchSides, 0, Some(Side::Right), 1, 5),
            (Phase::Hold, 0, Some(Side::Right), 1, 20),
            (Phase::Rest, 0, Some(Side::Right), 2, rr),
            (Phase::Hold, 0, Some(Side::Right), 2, 20),
        ];
        expected.retain(|s| s.4 > 0);
        assert_eq!(shape(&plan), expected);
    }

    #[test]
    fn rests_come_between_steps_but_not_after_the_last() {
        let plan = Plan::new(
            &routine(vec![
                step("cat-cow", 40, 1, Sides::Both, 15),
                step("knee-to-chest", 30, 1, Sides::Right, 15),
            ]),
            &Timing {
                get_ready_seconds: 0,
                switch_sides_seconds: 5,
            },
        );
        assert_eq!(
            shape(&plan),
            vec![
                (Phase::Hold, 0, None, 1, 40),
                (Phase::Rest, 0, None, 1, 15),
                (Phase::Hold, 1, Some(Side::Right), 1, 30),
            ]
        );
        assert_eq!(plan.total_ms(), 85_000);
    }

    #[test]
    fn every_builtin_total_is_the_sum_of_its_plan_and_near_its_target() {
        // Targets from the routine briefs: a computed total drifting far from
        // them means a routine no longer fits the time it promises.
        let targets = [
            ("morning-mobility", 300),
            ("desk-break", 180),
            ("bedtime-wind-down", 600),
            ("gentle-start", 360),
            ("hips-and-hamstrings", 480),
            ("core-support", 600),
        ];
        for (id, target) in targets {
            let routine = Routine::builtin(id).expect("shipped");
            let plan = Plan::new(&routine, &Timing::default());
            let total = routine.total_seconds(&Timing::default());
            assert_eq!(u64::from(total) * 1000, plan.total_ms(), "{id}");
            let drift = (f64::from(total) - f64::from(target)).abs() / f64::from(target);
            assert!(
                drift <= 0.15,
                "{id}: {total} s is far from its {target} s target"
            );
        }
    }
}
