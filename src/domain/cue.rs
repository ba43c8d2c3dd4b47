//! What the player says and sounds at each boundary. Sound is scheduled ahead
//! on the audio clock from this list, so it plays on time with the screen off.

use super::engine::{Engine, State};
use super::plan::{Phase, Segment, Side};
use super::routine::{spoken_duration, Routine};

/// A short tone, each distinct.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    /// The session begins: get into position.
    Ready,
    /// A hold begins.
    Go,
    /// 3, 2, 1 before a hold ends.
    Tick,
    /// Time to change sides.
    Switch,
    /// A rest begins.
    Rest,
    /// The routine is over.
    Done,
}

/// Holds at least this long get a 3-2-1 countdown before they end.
const TICKS_FROM_MS: u64 = 6000;

/// Every tone of a plan at its place in the routine: (ms from the start
/// of the first segment, tone), in order. Both ways of sounding them (Web
/// Audio scheduled ahead, and the cue track) come from this one list.
pub fn plan_tones(segments: &[Segment]) -> Vec<(u64, Tone)> {
    let mut out = Vec::new();
    if segments.first().is_some_and(|s| s.phase == Phase::GetReady) {
        out.push((0, Tone::Ready));
    }
    let mut at = 0;
    for (index, segment) in segments.iter().enumerate() {
        at += segment.duration_ms;
        if segment.phase == Phase::Hold && segment.duration_ms >= TICKS_FROM_MS {
            out.extend([3000, 2000, 1000].map(|before| (at - before, Tone::Tick)));
        }
        let tone = match segments.get(index + 1).map(|s| s.phase) {
            None => Some(Tone::Done),
            Some(Phase::Hold) => Some(Tone::Go),
            Some(Phase::SwitchSides) => Some(Tone::Switch),
            Some(Phase::Rest) => Some(Tone::Rest),
            Some(Phase::GetReady) => None,
        };
        out.extend(tone.map(|tone| (at, tone)));
    }
    out
}

/// Every tone still ahead while running: (clock time in ms, tone), in order.
pub fn tones(engine: &Engine, now: u64) -> Vec<(u64, Tone)> {
    if !matches!(engine.state(), State::Running { .. }) {
        return Vec::new();
    }
    let position = engine.elapsed_total(now);
    plan_tones(engine.segments())
        .into_iter()
        // What is behind is not replayed; starting from the very start
        // sounds the start's own tone.
        .filter(|(at, _)| *at > position || (*at == 0 && position == 0))
        .map(|(at, tone)| (now + (at - position), tone))
        .collect()
}

/// The notes of a tone: (delay after its moment in s, frequency in Hz,
/// length in s). Each tone is told apart by pitch and rhythm alone.
pub fn notes(tone: Tone) -> &'static [(f64, f32, f64)] {
    match tone {
        Tone::Ready => &[(0.0, 392.0, 0.12), (0.16, 523.0, 0.12)],
        Tone::Go => &[(0.0, 880.0, 0.18)],
        Tone::Tick => &[(0.0, 660.0, 0.07)],
        Tone::Switch => &[(0.0, 660.0, 0.12), (0.16, 880.0, 0.12)],
        Tone::Rest => &[(0.0, 440.0, 0.3)],
        Tone::Done => &[(0.0, 523.0, 0.15), (0.17, 659.0, 0.15), (0.34, 784.0, 0.3)],
    }
}

/// The words spoken when `segment` begins, if any.
pub fn spoken(routine: &Routine, segment: &Segment) -> Option<String> {
    let name = routine.steps.get(segment.step)?.stretch.name;
    let side = |side: Option<Side>| match side {
        Some(Side::Left) => ", left side",
        Some(Side::Right) => ", right side",
        None => "",
    };
    match segment.phase {
        Phase::GetReady => Some(format!("Get ready: {name}")),
        Phase::Hold if segment.rep == 1 => Some(format!("{name}{}", side(segment.side))),
        Phase::Hold => None,
        Phase::SwitchSides => Some("Switch sides".to_string()),
        Phase::Rest => Some("Rest".to_string()),
    }
}

/// The word for a phase, as the screen shows it.
pub fn phase_label(phase: Phase) -> &'static str {
    match phase {
        Phase::GetReady => "Get ready",
        Phase::Hold => "Hold",
        Phase::SwitchSides => "Switch sides",
        Phase::Rest => "Rest",
    }
}

/// The words over the countdown: "Hold, left side", "Get ready, right side",
/// "Rest". Only getting ready and holding name a side; a rest between reps
/// or a switch belongs to neither.
pub fn phase_title(segment: &Segment) -> String {
    let side = match (segment.phase, segment.side) {
        (Phase::GetReady | Phase::Hold, Some(Side::Left)) => ", left side",
        (Phase::GetReady | Phase::Hold, Some(Side::Right)) => ", right side",
        _ => "",
    };
    format!("{}{side}", phase_label(segment.phase))
}

/// The step the screen is about during `segment`: during a rest between
/// exercises it is already the next one (its figure, its name).
pub fn shown_step(segment: &Segment) -> usize {
    let between = segment.phase == Phase::Rest && segment.side.is_none() && segment.rep == 1;
    segment.step + usize::from(between)
}

/// What a screen reader hears when `segment` begins: "Hold, left side:
/// Figure-four stretch, 30 seconds".
pub fn announcement(routine: &Routine, segment: &Segment) -> String {
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

/// What comes after `current`, for the line under the countdown. After
/// getting ready, or a rest between exercises, comes a hold of the exercise
/// already on screen: it is named by its length rather than by its name.
pub fn next_words(
    current: &Segment,
    next: Option<&Segment>,
    name_of: impl Fn(usize) -> &'static str,
) -> String {
    let Some(n) = next else {
        return "Next: finish".to_string();
    };
    let side = match n.side {
        Some(Side::Left) => ", left side",
        Some(Side::Right) => ", right side",
        None => "",
    };
    let seconds = n.duration_ms / 1000;
    match n.phase {
        // Getting ready, or resting before it, the exercise is on screen
        // already: say how long its hold is instead.
        Phase::Hold
            if current.phase == Phase::GetReady && current.step == n.step
                || current.step != n.step && shown_step(current) == n.step =>
        {
            format!("Next: hold {seconds} s{side}")
        }
        Phase::Hold => format!("Next: {}{side}", name_of(n.step)),
        Phase::SwitchSides => "Next: switch sides".to_string(),
        Phase::Rest => format!("Next: rest {seconds} s"),
        Phase::GetReady => format!("Next: {}", name_of(n.step)),
    }
}

/// Where the screen is in the routine: "Exercise 2 of 5 · Side 2 of 2 ·
/// Rep 3 of 6". Each part is there only when it tells something (a
/// one-exercise session has no "Exercise 1 of 1").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// (1-based exercise, exercises), with more than one exercise.
    pub exercise: Option<(usize, usize)>,
    /// (1-based side, sides), for an exercise done on both sides.
    pub side: Option<(usize, usize)>,
    /// (1-based rep, reps), for an exercise with more than one rep.
    pub rep: Option<(u8, u8)>,
}

impl Position {
    /// The parts in words, in reading order.
    pub fn words(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some((n, of)) = self.exercise {
            out.push(format!("Exercise {n} of {of}"));
        }
        if let Some((n, of)) = self.side {
            out.push(format!("Side {n} of {of}"));
        }
        if let Some((n, of)) = self.rep {
            out.push(format!("Rep {n} of {of}"));
        }
        out
    }
}

/// The position of segment `index`. Getting ready and a rest between
/// exercises count as the hold that follows them: the screen is already
/// about that exercise.
pub fn position(segments: &[Segment], index: usize) -> Option<Position> {
    let current = segments.get(index)?;
    let between = current.phase == Phase::GetReady || shown_step(current) != current.step;
    let shown = if between {
        segments[index..].iter().find(|s| s.phase == Phase::Hold)?
    } else {
        current
    };
    let holds = || {
        segments
            .iter()
            .filter(move |s| s.phase == Phase::Hold && s.step == shown.step)
    };
    let exercises = segments.iter().map(|s| s.step + 1).max().unwrap_or(0);
    let mut sides: Vec<Option<Side>> = Vec::new();
    for hold in holds() {
        if !sides.contains(&hold.side) {
            sides.push(hold.side);
        }
    }
    let side = sides.iter().position(|s| *s == shown.side).unwrap_or(0) + 1;
    let reps = holds()
        .filter(|s| s.side == shown.side)
        .map(|s| s.rep)
        .max()
        .unwrap_or(1);
    Some(Position {
        exercise: (exercises > 1).then_some((shown.step + 1, exercises)),
        side: (sides.len() > 1).then_some((side, sides.len())),
        rep: (reps > 1).then_some((shown.rep.min(reps), reps)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_phase_line_names_a_side_only_while_getting_ready_or_holding() {
        let at = |phase, side| Segment {
            phase,
            step: 0,
            side,
            rep: 1,
            duration_ms: 20_000,
        };
        let cases = [
            (
                at(Phase::GetReady, Some(Side::Left)),
                "Get ready, left side",
            ),
            (at(Phase::Hold, Some(Side::Right)), "Hold, right side"),
            (at(Phase::Hold, None), "Hold"),
            (at(Phase::Rest, Some(Side::Left)), "Rest"),
            (at(Phase::SwitchSides, Some(Side::Right)), "Switch sides"),
        ];
        for (segment, words) in cases {
            assert_eq!(phase_title(&segment), words, "{segment:?}");
        }
    }

    #[test]
    fn next_names_what_is_not_on_screen_already() {
        let at = |phase, step, side| Segment {
            phase,
            step,
            side,
            rep: 1,
            duration_ms: 20_000,
        };
        let name = |step: usize| ["Cat-cow", "Sphinx"][step];
        let ready = at(Phase::GetReady, 0, Some(Side::Left));
        let cases = [
            (
                ready,
                Some(at(Phase::Hold, 0, Some(Side::Left))),
                "Next: hold 20 s, left side",
            ),
            (
                at(Phase::Hold, 0, None),
                Some(at(Phase::Rest, 0, None)),
                "Next: rest 20 s",
            ),
            (
                at(Phase::Rest, 0, None),
                Some(at(Phase::GetReady, 1, None)),
                "Next: Sphinx",
            ),
            (
                at(Phase::Rest, 0, None),
                Some(at(Phase::Hold, 1, None)),
                "Next: hold 20 s",
            ),
            (
                at(Phase::Hold, 0, Some(Side::Left)),
                Some(at(Phase::SwitchSides, 0, None)),
                "Next: switch sides",
            ),
            (at(Phase::Hold, 1, None), None, "Next: finish"),
        ];
        for (current, next, words) in cases {
            assert_eq!(
                next_words(&current, next.as_ref(), name),
                words,
                "{current:?}"
            );
        }
    }
    use crate::domain::plan::{Plan, Timing};

    fn playing(id: &str) -> (Routine, Engine) {
        let routine = Routine::builtin(id).expect("shipped");
        let engine = Engine::new(Plan::new(&routine, &Timing::default()));
        (routine, engine)
    }

    #[test]
    fn every_boundary_gets_its_tone_and_long_holds_a_countdown() {
        let (_, mut engine) = playing("desk-break");
        assert!(tones(&engine, 0).is_empty(), "nothing sounds before Start");
        engine.start(0);
        let tones = tones(&engine, 0);
        let segments = engine.segments();
        // Ready at the start, one boundary tone per segment after get-ready,
        // and Done at the end.
        assert_eq!(tones.first(), Some(&(0, Tone::Ready)));
        let boundary = tones.iter().filter(|(_, t)| *t != Tone::Tick).count();
        assert_eq!(boundary, segments.len() + 1);
        assert_eq!(tones.last().map(|t| t.1), Some(Tone::Done));
        assert_eq!(tones.last().map(|t| t.0), Some(engine.total()));
        let long_holds = segments
            .iter()
            .filter(|s| s.phase == Phase::Hold && s.duration_ms >= TICKS_FROM_MS)
            .count();
        assert_eq!(
            tones.iter().filter(|(_, t)| *t == Tone::Tick).count(),
            3 * long_holds
        );
        assert!(tones.windows(2).all(|w| w[0].0 <= w[1].0), "in time order");
    }

    #[test]
    fn ticks_already_past_are_not_scheduled_again() {
        let (_, mut engine) = playing("desk-break");
        engine.start(0);
        let hold_end = engine.segments()[0].duration_ms + engine.segments()[1].duration_ms;
        engine.advance(hold_end - 1500);
        let ticks: Vec<u64> = tones(&engine, hold_end - 1500)
            .iter()
            .filter(|(at, t)| *t == Tone::Tick && *at < hold_end)
            .map(|(at, _)| *at)
            .collect();
        assert_eq!(ticks, vec![hold_end - 1000]);
        engine.pause(hold_end - 1000);
        assert!(
            tones(&engine, hold_end).is_empty(),
            "nothing sounds while paused"
        );
    }

    #[test]
    fn the_voice_names_the_exercise_and_side_once() {
        let (routine, engine) = playing("desk-break");
        let said: Vec<Option<String>> = engine
            .segments()
            .iter()
            .take(5)
            .map(|s| spoken(&routine, s))
            .collect();
        let first = routine.steps[0].stretch.name;
        assert_eq!(said[0], Some(format!("Get ready: {first}")));
        assert_eq!(said[1], Some(format!("{first}, left side")));
        assert!(said.contains(&Some("Switch sides".to_string())));
        assert!(said.contains(&Some(format!("{first}, right side"))));
    }

    #[test]
    fn the_position_counts_exercises_sides_and_reps_that_matter() {
        use crate::domain::catalogue::Sides;
        use crate::domain::routine::Step;
        let stretch = |id| crate::domain::catalogue::stretch(id).expect("shipped");
        let two_sided = stretch("figure-four");
        let repeated = stretch("pelvic-tilt");
        assert!(two_sided.per_side && !repeated.per_side);
        let step = |stretch, reps, sides| Step {
            stretch,
            hold_seconds: 10,
            reps,
            sides,
            rest_after_seconds: 10,
        };
        let routine = Routine {
            id: "test".into(),
            name: "Test".into(),
            summary: String::new(),
            steps: vec![
                step(two_sided, 1, Sides::Both),
                step(repeated, 6, Sides::Both),
            ],
        };
        let segments = Plan::new(&routine, &Timing::default()).segments;
        let words = |i: usize| position(&segments, i).map(|p| p.words().join(" · "));
        let find = |phase, step, side, rep| {
            segments
                .iter()
                .position(|s| s.phase == phase && s.step == step && s.side == side && s.rep == rep)
                .expect("in the plan")
        };
        let cases = [
            (0, "Exercise 1 of 2 · Side 1 of 2"),
            (
                find(Phase::Hold, 0, Some(Side::Left), 1),
                "Exercise 1 of 2 · Side 1 of 2",
            ),
            (
                find(Phase::SwitchSides, 0, Some(Side::Right), 1),
                "Exercise 1 of 2 · Side 2 of 2",
            ),
            (
                find(Phase::Hold, 0, Some(Side::Right), 1),
                "Exercise 1 of 2 · Side 2 of 2",
            ),
            (
                find(Phase::Rest, 0, None, 1),
                "Exercise 2 of 2 · Rep 1 of 6",
            ),
            (
                find(Phase::Hold, 1, None, 3),
                "Exercise 2 of 2 · Rep 3 of 6",
            ),
            (
                find(Phase::Rest, 1, None, 4),
                "Exercise 2 of 2 · Rep 4 of 6",
            ),
        ];
        for (index, expected) in cases {
            assert_eq!(words(index).as_deref(), Some(expected), "segment {index}");
        }
        let single = Routine::single(repeated, None);
        let alone = Plan::new(&single, &Timing::default()).segments;
        assert_eq!(
            position(&alone, 1).map(|p| p.words()),
            Some(vec![format!("Rep 1 of {}", repeated.reps)]),
            "one exercise: no exercise count"
        );
        assert_eq!(position(&segments, segments.len()), None);
    }

    #[test]
    fn a_screen_reader_hears_the_phase_the_exercise_and_its_length() {
        let routine = Routine::builtin("desk-break").expect("shipped");
        let segments = Plan::new(&routine, &Timing::default()).segments;
        let first = routine.steps[0].stretch.name;
        let hold = segments
            .iter()
            .find(|s| s.phase == Phase::Hold)
            .expect("a hold");
        let words = announcement(&routine, hold);
        assert!(
            words.starts_with(&format!("{}: {first}, ", phase_title(hold))),
            "{words}"
        );
        assert!(
            words.ends_with(" seconds")
                || words.ends_with(" minute")
                || words.ends_with(" minutes"),
            "{words}"
        );
        // A rest between exercises is about the next one; a rest between
        // reps about the one repeated.
        let between = segments
            .iter()
            .find(|s| s.phase == Phase::Rest && s.side.is_none() && s.rep == 1)
            .expect("a rest between exercises");
        assert_eq!(shown_step(between), between.step + 1);
        assert_eq!(shown_step(hold), hold.step);
    }
}
