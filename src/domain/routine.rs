//! Routines: ordered steps over catalogue entries, built-in or made by the user.

use super::catalogue::{self, Area, BuiltinRoutine, Sides, Stretch};
use super::plan::{Plan, Timing};

/// A routine ready to show or play. Steps hold catalogue entries directly, so
/// a routine can never name a stretch that does not exist.
#[derive(Clone, Debug, PartialEq)]
pub struct Routine {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub steps: Vec<Step>,
}

/// One exercise of a routine with its dose.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub stretch: &'static Stretch,
    /// Seconds per rep (per side).
    pub hold_seconds: u16,
    pub reps: u8,
    /// Which sides, for two-sided entries; `Both` for the others.
    pub sides: Sides,
    /// Rest after this step; ignored after the last one.
    pub rest_after_seconds: u16,
}

impl Step {
    /// The entry's own dose: its default hold, reps and both sides.
    pub fn default_for(stretch: &'static Stretch) -> Self {
        Self {
            stretch,
            hold_seconds: stretch.hold_seconds,
            reps: stretch.reps,
            sides: Sides::Both,
            rest_after_seconds: 0,
        }
    }

    /// How many times the reps are done: twice for a two-sided entry on both sides.
    pub fn side_count(&self) -> u8 {
        if self.stretch.per_side && self.sides == Sides::Both {
            2
        } else {
            1
        }
    }

    /// The dose in words, e.g. "2 × 30 s, each side".
    pub fn dose(&self) -> String {
        let per = if self.reps == 1 {
            format!("{} s", self.hold_seconds)
        } else {
            format!("{} × {} s", self.reps, self.hold_seconds)
        };
        match (self.stretch.per_side, self.sides) {
            (false, _) => per,
            (true, Sides::Both) => format!("{per}, each side"),
            (true, Sides::Left) => format!("{per}, left side"),
            (true, Sides::Right) => format!("{per}, right side"),
        }
    }
}

impl Routine {
    /// A built-in routine as a playable routine. `None` only if it names an
    /// unknown stretch, which the build already rules out.
    pub fn from_builtin(builtin: &BuiltinRoutine) -> Option<Self> {
        let steps = builtin
            .steps
            .iter()
            .map(|step| {
                Some(Step {
                    stretch: catalogue::stretch(step.stretch)?,
                    hold_seconds: step.hold_seconds,
                    reps: step.reps,
                    sides: step.sides,
                    rest_after_seconds: step.rest_after_seconds,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Self {
            id: builtin.id.to_string(),
            name: builtin.name.to_string(),
            summary: builtin.summary.to_string(),
            steps,
        })
    }

    /// One exercise on its own (`stretch:<id>`), held for `hold_seconds`
    /// when that is a valid hold, else for the entry's default.
    pub fn single(stretch: &'static Stretch, hold_seconds: Option<u16>) -> Self {
        let mut step = Step::default_for(stretch);
        if let Some(hold) = hold_seconds.filter(|h| (5..=300).contains(h)) {
            step.hold_seconds = hold;
        }
        Self {
            id: format!("stretch:{}", stretch.id),
            name: stretch.name.to_string(),
            summary: stretch.summary.to_string(),
            steps: vec![step],
        }
    }

    /// The built-in routine with this id.
    pub fn builtin(id: &str) -> Option<Self> {
        catalogue::routine(id).and_then(Self::from_builtin)
    }

    /// Every area the routine works on, most-worked first.
    pub fn areas(&self) -> Vec<Area> {
        let mut counts: Vec<(Area, usize)> = Vec::new();
        for area in self.steps.iter().flat_map(|s| s.stretch.areas) {
            match counts.iter_mut().find(|(a, _)| a == area) {
                Some((_, n)) => *n += 1,
                None => counts.push((*area, 1)),
            }
        }
        counts.sort_by(|(a, x), (b, y)| y.cmp(x).then(a.cmp(b)));
        counts.into_iter().map(|(a, _)| a).collect()
    }

    /// The routine with step `from_step`'s exercise swapped for its gentler
    /// alternative there and wherever it comes again later (if it was too
    /// much once, it will be again), each time at the gentler entry's own
    /// hold and reps, the step's sides where the gentler entry has sides,
    /// and the step's rest. Earlier steps are untouched, so the plan before
    /// `from_step` stays the same. `None` when the exercise has no gentler
    /// alternative or there is no such step.
    pub fn with_gentler(&self, from_step: usize) -> Option<Routine> {
        let from = self.steps.get(from_step)?.stretch;
        let gentler = catalogue::stretch(from.gentler?)?;
        let mut routine = self.clone();
        for step in routine.steps[from_step..]
            .iter_mut()
            .filter(|s| s.stretch.id == from.id)
        {
            *step = Step {
                stretch: gentler,
                hold_seconds: gentler.hold_seconds,
                reps: gentler.reps,
                sides: if gentler.per_side {
                    step.sides
                } else {
                    Sides::Both
                },
                rest_after_seconds: step.rest_after_seconds,
            };
        }
        Some(routine)
    }

    /// Total playing time in whole seconds, from the same plan the player runs.
    pub fn total_seconds(&self, timing: &Timing) -> u32 {
        let ms = Plan::new(self, timing).total_ms();
        u32::try_from(ms.div_ceil(1000)).unwrap_or(u32::MAX)
    }
}

/// Limits a person's routine is kept within, in the builder and in links.
pub mod limits {
    pub const HOLD_SECONDS: std::ops::RangeInclusive<u16> = 5..=300;
    pub const REPS: std::ops::RangeInclusive<u8> = 1..=10;
    pub const STEPS: std::ops::RangeInclusive<usize> = 1..=40;
    pub const REST_SECONDS: std::ops::RangeInclusive<u16> = 0..=120;
    /// Characters, not bytes.
    pub const NAME_CHARS: usize = 60;
}

/// A routine a person made: what the builder edits, what is saved, and
/// what a share link carries.
#[derive(Clone, Debug, PartialEq)]
pub struct Custom {
    pub name: String,
    /// The rest a newly added step gets.
    pub rest_seconds: u16,
    pub steps: Vec<Step>,
}

/// Why a person's routine cannot be saved or shared, in their words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    NoName,
    NameTooLong,
    NoSteps,
    TooManySteps,
    /// Step index (0-based) with a hold outside 5-300 s.
    Hold(usize),
    Reps(usize),
    Rest(usize),
    /// A one-sided choice on an exercise that has no sides.
    Sides(usize),
    DefaultRest,
}

impl Problem {
    /// A sentence for the person.
    pub fn explain(self) -> String {
        match self {
            Self::NoName => "Give the routine a name.".into(),
            Self::NameTooLong => format!(
                "Keep the name to {} characters or fewer.",
                limits::NAME_CHARS
            ),
            Self::NoSteps => "Add at least one stretch.".into(),
            Self::TooManySteps => {
                format!("A routine can have at most {} steps.", limits::STEPS.end())
            }
            Self::Hold(i) => format!("Step {}: hold between 5 and 300 seconds.", i + 1),
            Self::Reps(i) => format!("Step {}: choose 1 to 10 repetitions.", i + 1),
            Self::Rest(i) => format!("Step {}: rest between 0 and 120 seconds.", i + 1),
            Self::Sides(i) => format!("Step {}: this exercise has no left or right side.", i + 1),
            Self::DefaultRest => "Rest between steps must be 0 to 120 seconds.".into(),
        }
    }
}

impl Custom {
    /// Every problem, first to last; empty when the routine can be saved.
    pub fn problems(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        let name = self.name.trim();
        if name.is_empty() {
            problems.push(Problem::NoName);
        }
        if name.chars().count() > limits::NAME_CHARS {
            problems.push(Problem::NameTooLong);
        }
        if !limits::REST_SECONDS.contains(&self.rest_seconds) {
            problems.push(Problem::DefaultRest);
        }
        if self.steps.is_empty() {
            problems.push(Problem::NoSteps);
        }
        if self.steps.len() > *limits::STEPS.end() {
            problems.push(Problem::TooManySteps);
        }
        for (i, step) in self.steps.iter().enumerate() {
            if !limits::HOLD_SECONDS.contains(&step.hold_seconds) {
                problems.push(Problem::Hold(i));
            }
            if !limits::REPS.contains(&step.reps) {
                problems.push(Problem::Reps(i));
            }
            if !limits::REST_SECONDS.contains(&step.rest_after_seconds) {
                problems.push(Problem::Rest(i));
            }
            if !step.stretch.per_side && step.sides != Sides::Both {
                problems.push(Problem::Sides(i));
            }
        }
        problems
    }

    /// A routine as a starting point for a person's own (to customise or
    /// share): its default rest is the rest most of its steps use.
    pub fn from_routine(routine: &Routine) -> Self {
        let mut rests: Vec<(u16, usize)> = Vec::new();
        let last = routine.steps.len().saturating_sub(1);
        for step in &routine.steps[..last] {
            match rests
                .iter_mut()
                .find(|(r, _)| *r == step.rest_after_seconds)
            {
                Some((_, n)) => *n += 1,
                None => rests.push((step.rest_after_seconds, 1)),
            }
        }
        let rest_seconds = rests
            .iter()
            .max_by_key(|(r, n)| (*n, std::cmp::Reverse(*r)))
            .map_or(10, |(r, _)| *r);
        Self {
            name: routine.name.clone(),
            rest_seconds,
            steps: routine.steps.clone(),
        }
    }

    /// Adds `stretch` at the end with its own dose and this routine's rest.
    pub fn add(&mut self, stretch: &'static Stretch) {
        let mut step = Step::default_for(stretch);
        step.rest_after_seconds = self.rest_seconds;
        self.steps.push(step);
    }

    /// Swaps step `i` with the one before it; the first stays first.
    pub fn move_up(&mut self, i: usize) {
        if i > 0 && i < self.steps.len() {
            self.steps.swap(i - 1, i);
        }
    }

    /// Swaps step `i` with the one after it; the last stays last.
    pub fn move_down(&mut self, i: usize) {
        if i + 1 < self.steps.len() {
            self.steps.swap(i, i + 1);
        }
    }

    /// A new default rest, given to every step that had the old one.
    pub fn set_rest(&mut self, seconds: u16) {
        for step in &mut self.steps {
            if step.rest_after_seconds == self.rest_seconds {
                step.rest_after_seconds = seconds;
            }
        }
        self.rest_seconds = seconds;
    }

    /// The routine to show and play, under `id`.
    pub fn to_routine(&self, id: &str) -> Routine {
        Routine {
            id: id.to_string(),
            name: self.name.trim().to_string(),
            summary: String::new(),
            steps: self.steps.clone(),
        }
    }
}

#[cfg(test)]
mod custom_tests {
    use super::*;

    fn stretch(id: &str) -> &'static Stretch {
        catalogue::stretch(id).expect("shipped")
    }

    #[test]
    fn editing_moves_adds_and_rests_as_a_person_expects() {
        let mut r = Custom {
            name: "Mine".into(),
            rest_seconds: 10,
            steps: Vec::new(),
        };
        assert_eq!(r.problems(), vec![Problem::NoSteps]);
        for id in ["cat-cow", "sphinx", "figure-four"] {
            r.add(stretch(id));
        }
        let order = |r: &Custom| r.steps.iter().map(|s| s.stretch.id).collect::<Vec<_>>();
        r.move_up(0);
        r.move_down(2);
        assert_eq!(
            order(&r),
            ["cat-cow", "sphinx", "figure-four"],
            "ends stay put"
        );
        r.move_up(2);
        assert_eq!(order(&r), ["cat-cow", "figure-four", "sphinx"]);
        r.move_down(0);
        assert_eq!(order(&r), ["figure-four", "cat-cow", "sphinx"]);
        r.steps[1].rest_after_seconds = 45;
        r.set_rest(20);
        let rests: Vec<u16> = r.steps.iter().map(|s| s.rest_after_seconds).collect();
        assert_eq!(rests, [20, 45, 20], "a step's own rest is kept");
        assert_eq!(r.problems(), vec![]);
    }

    #[test]
    fn problems_are_named_in_a_persons_words() {
        let mut r = Custom {
            name: " ".into(),
            rest_seconds: 200,
            steps: Vec::new(),
        };
        for _ in 0..41 {
            r.add(stretch("sphinx"));
        }
        r.steps[0].hold_seconds = 4;
        r.steps[1].reps = 11;
        r.steps[2].sides = Sides::Left;
        // Every step got the out-of-range default rest as well.
        let mut expected = vec![
            Problem::NoName,
            Problem::DefaultRest,
            Problem::TooManySteps,
            Problem::Hold(0),
            Problem::Rest(0),
            Problem::Reps(1),
            Problem::Rest(1),
            Problem::Rest(2),
            Problem::Sides(2),
        ];
        expected.extend((3..41).map(Problem::Rest));
        assert_eq!(r.problems(), expected);
        r.name = "x".repeat(61);
        assert!(r.problems().contains(&Problem::NameTooLong));
        assert_eq!(
            Problem::Hold(0).explain(),
            "Step 1: hold between 5 and 300 seconds."
        );
    }
}

/// `M:SS`, e.g. 312 → "5:12".
pub fn clock(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// How many exercises, in words: "1 exercise", "5 exercises".
pub fn exercise_count(n: usize) -> String {
    if n == 1 {
        "1 exercise".to_string()
    } else {
        format!("{n} exercises")
    }
}

/// A rounded duration for lists, e.g. 312 → "5 min", 45 → "45 s".
pub fn rough_duration(seconds: u32) -> String {
    if seconds < 60 {
        format!("{seconds} s")
    } else {
        format!("{} min", (seconds + 30) / 60)
    }
}

/// A duration read aloud by a screen reader, e.g. 312 → "5 minutes 12 seconds".
pub fn spoken_duration(seconds: u32) -> String {
    let (m, s) = (seconds / 60, seconds % 60);
    let unit = |n: u32, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match (m, s) {
        (0, s) => unit(s, "second", "seconds"),
        (m, 0) => unit(m, "minute", "minutes"),
        (m, s) => format!(
            "{} {}",
            unit(m, "minute", "minutes"),
            unit(s, "second", "seconds")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(id: &str, hold: u16, reps: u8, sides: Sides) -> Step {
        Step {
            stretch: catalogue::stretch(id).expect("a shipped id"),
            hold_seconds: hold,
            reps,
            sides,
            rest_after_seconds: 10,
        }
    }

    #[test]
    fn doses_read_naturally() {
        let cases = [
            (
                step("knee-to-chest", 30, 2, Sides::Both),
                "2 × 30 s, each side",
                2,
            ),
            (
                step("knee-to-chest", 20, 1, Sides::Left),
                "20 s, left side",
                1,
            ),
            (
                step("knee-to-chest", 20, 3, Sides::Right),
                "3 × 20 s, right side",
                1,
            ),
            (step("cat-cow", 40, 1, Sides::Both), "40 s", 1),
            (step("pelvic-tilt", 5, 10, Sides::Both), "10 × 5 s", 1),
        ];
        for (step, dose, sides) in cases {
            assert_eq!(step.dose(), dose);
            assert_eq!(step.side_count(), sides, "{dose}");
        }
    }

    #[test]
    fn durations_format_for_eyes_and_ears() {
        let cases = [
            (0, "0:00", "0 s", "0 seconds"),
            (1, "0:01", "1 s", "1 second"),
            (59, "0:59", "59 s", "59 seconds"),
            (60, "1:00", "1 min", "1 minute"),
            (89, "1:29", "1 min", "1 minute 29 seconds"),
            (90, "1:30", "2 min", "1 minute 30 seconds"),
            (312, "5:12", "5 min", "5 minutes 12 seconds"),
            (3600, "60:00", "60 min", "60 minutes"),
        ];
        for (seconds, c, r, s) in cases {
            assert_eq!(clock(seconds), c);
            assert_eq!(rough_duration(seconds), r);
            assert_eq!(spoken_duration(seconds), s);
        }
    }

    #[test]
    fn every_builtin_routine_resolves() {
        for builtin in catalogue::routines() {
            let routine = Routine::from_builtin(builtin).expect("all ids resolve");
            assert_eq!(routine.steps.len(), builtin.steps.len());
            assert!(!routine.areas().is_empty());
        }
    }

    #[test]
    fn a_single_stretch_takes_a_valid_hold_or_its_default() {
        let sphinx = catalogue::stretch("sphinx").expect("shipped");
        let cases = [
            (Some(45), 45),
            (None, sphinx.hold_seconds),
            (Some(4), sphinx.hold_seconds),
            (Some(301), sphinx.hold_seconds),
        ];
        for (asked, held) in cases {
            let routine = Routine::single(sphinx, asked);
            assert_eq!(routine.id, "stretch:sphinx");
            assert_eq!(routine.steps.len(), 1);
            assert_eq!(routine.steps[0].hold_seconds, held, "{asked:?}");
        }
    }

    #[test]
    fn the_gentler_alternative_replaces_an_exercise_from_then_on() {
        let mut figure_four = step("figure-four", 45, 1, Sides::Both);
        let mut hip_extension = step("hands-and-knees-hip-extension", 30, 1, Sides::Left);
        hip_extension.rest_after_seconds = 25;
        let steps = vec![
            figure_four.clone(),
            step("figure-four", 40, 2, Sides::Left),
            step("cat-cow", 40, 1, Sides::Both),
            {
                figure_four.sides = Sides::Right;
                figure_four.rest_after_seconds = 20;
                figure_four.clone()
            },
            hip_extension,
        ];
        let routine = Routine {
            id: "mine-1".into(),
            name: "Mine".into(),
            summary: String::new(),
            steps,
        };
        let knee = catalogue::stretch("knee-to-chest").expect("shipped");
        let bridge = catalogue::stretch("glute-bridge").expect("shipped");
        let gentler = |stretch: &'static Stretch, sides, rest| Step {
            stretch,
            hold_seconds: stretch.hold_seconds,
            reps: stretch.reps,
            sides,
            rest_after_seconds: rest,
        };
        // (from step, steps afterwards; None: no swap)
        let cases = [
            (
                1,
                Some(vec![
                    routine.steps[0].clone(),
                    gentler(knee, Sides::Left, 10),
                    routine.steps[2].clone(),
                    gentler(knee, Sides::Right, 20),
                    routine.steps[4].clone(),
                ]),
            ),
            (
                4,
                Some({
                    let mut steps = routine.steps.clone();
                    // A gentler entry without sides is done once, not on the left.
                    steps[4] = gentler(bridge, Sides::Both, 25);
                    steps
                }),
            ),
            (2, None),
            (5, None),
        ];
        for (from, steps) in cases {
            let swapped = routine.with_gentler(from);
            assert_eq!(
                swapped.as_ref().map(|r| &r.steps),
                steps.as_ref(),
                "from {from}"
            );
            if let Some(swapped) = swapped {
                assert_eq!(
                    (swapped.id, swapped.name),
                    (routine.id.clone(), routine.name.clone())
                );
            }
        }
    }

    #[test]
    fn areas_put_the_most_worked_first() {
        let routine = Routine::builtin("core-support").expect("shipped");
        assert_eq!(routine.areas().first(), Some(&Area::Core));
    }

    #[test]
    fn exercise_counts_read_as_words() {
        for (n, words) in [
            (0, "0 exercises"),
            (1, "1 exercise"),
            (2, "2 exercises"),
            (12, "12 exercises"),
        ] {
            assert_eq!(exercise_count(n), words);
        }
    }
}
