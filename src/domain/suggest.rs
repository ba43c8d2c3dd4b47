//! "How is your back today?": a pain rating (0-10) and the minutes free
//! become one routine to start now. A pure rule over the routines it is
//! given (the built-in ones on home), in three steps:
//!
//! 1. **Which routines suit the pain.**
//!    - 0-3: any routine.
//!    - 4-6: the gentle ones: those whose hardest exercise is as easy as the
//!      easiest routine's hardest exercise (today: every exercise difficulty 1).
//!    - 7-10 (and anything above 10, read as 10): only the gentlest, the
//!      gentle routine with the largest share of breathing and rest, played
//!      with shorter holds ([`short_holds`]).
//! 2. **Which fits the time.** The longest of those whose total (with the
//!    person's own get-ready and switch-sides times) fits the minutes.
//! 3. **When none fits**, the shortest of them, and the reason says how long
//!    it takes and that stopping early is fine. It is never cut down to fit:
//!    a routine keeps its order and its ending.
//!
//! The reason is shown to the person in plain words. It says what was chosen
//! and why, and makes no medical claim.

use super::catalogue::Kind;
use super::plan::Timing;
use super::routine::Routine;

/// The minutes a person can choose from.
pub const MINUTES: [u8; 4] = [2, 5, 10, 15];
/// The minutes chosen before the person picks any.
pub const DEFAULT_MINUTES: u8 = 5;
/// The highest pain rating; higher answers count as this.
pub const MAX_PAIN: u8 = 10;
/// From this rating on, only gentle routines are suggested.
pub const GENTLE_FROM: u8 = 4;
/// From this rating on, only the gentlest routine, with shorter holds.
pub const SHORT_HOLDS_FROM: u8 = 7;
/// From this rating on, home also points to the warning signs.
pub const WARNING_SIGNS_FROM: u8 = 8;
/// A shortened hold is never shorter than this, and a hold that already is
/// stays as it was.
pub const MIN_SHORT_HOLD: u16 = 10;
/// The query value that plays a routine with shorter holds:
/// `/play/<id>?holds=short`.
pub const SHORT_HOLDS: &str = "short";

/// How the pain rating narrows the choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Band {
    /// 0-3: any routine.
    Low,
    /// 4-6: gentle routines.
    Sore,
    /// 7-10: the gentlest routine, with shorter holds.
    High,
}

impl Band {
    /// The band of a rating; above 10 counts as 10.
    pub fn of(pain: u8) -> Self {
        match pain.min(MAX_PAIN) {
            p if p >= SHORT_HOLDS_FROM => Self::High,
            p if p >= GENTLE_FROM => Self::Sore,
            _ => Self::Low,
        }
    }
}

/// A routine to start now, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    /// The routine as it will play: with shorter holds (and its name saying
    /// so) when [`Self::short_holds`].
    pub routine: Routine,
    /// The built-in (or saved) routine's id, for its page and the player.
    pub id: String,
    /// Total playing time in seconds, with the person's timing.
    pub seconds: u32,
    /// Holds were shortened (pain 7-10).
    pub short_holds: bool,
    /// It fits in the minutes chosen; when not, it is the shortest there is.
    pub fits: bool,
    /// Pain 8-10: also point to the warning signs.
    pub warning_signs: bool,
    /// Why this routine, for the person: one or two sentences.
    pub reason: String,
}

impl Suggestion {
    /// Where the Start button goes: the player, asking for shorter holds
    /// when the suggestion has them.
    pub fn play_href(&self) -> String {
        if self.short_holds {
            format!("/play/{}?holds={SHORT_HOLDS}", self.id)
        } else {
            format!("/play/{}", self.id)
        }
    }

    /// The routine's own page.
    pub fn page_href(&self) -> String {
        format!("/routines/{}", self.id)
    }
}

/// The routine to suggest for `pain` (0-10; more counts as 10) and
/// `minutes`, among `routines` (those with at least one step), timed with
/// `timing`. `None` only when no routine has a step.
pub fn suggest(pain: u8, minutes: u8, timing: &Timing, routines: &[Routine]) -> Option<Suggestion> {
    let band = Band::of(pain);
    // A routine a person's cautions emptied has nothing to play.
    let routines: Vec<Routine> = routines
        .iter()
        .filter(|r| !r.steps.is_empty())
        .cloned()
        .collect();
    let gentle = gentle(&routines);
    let pool: Vec<Routine> = match band {
        Band::Low => routines,
        Band::Sore => gentle,
        Band::High => gentlest(&gentle).into_iter().map(short_holds).collect(),
    };
    let budget = u32::from(minutes) * 60;
    let timed: Vec<(u32, Routine)> = pool
        .into_iter()
        .map(|r| (r.total_seconds(timing), r))
        .collect();
    let fitting = timed
        .iter()
        .filter(|(s, _)| *s <= budget)
        // The longest that fits; on a tie, the first listed.
        .fold(None::<&(u32, Routine)>, |best, candidate| match best {
            Some(b) if b.0 >= candidate.0 => Some(b),
            _ => Some(candidate),
        });
    let (fits, (seconds, routine)) = match fitting {
        Some(found) => (true, found.clone()),
        None => (
            false,
            timed
                .iter()
                .fold(None::<&(u32, Routine)>, |best, candidate| match best {
                    Some(b) if b.0 <= candidate.0 => Some(b),
                    _ => Some(candidate),
                })?
                .clone(),
        ),
    };
    Some(Suggestion {
        reason: reason(band, minutes, seconds, fits),
        id: routine.id.clone(),
        routine,
        seconds,
        short_holds: band == Band::High,
        fits,
        warning_signs: pain >= WARNING_SIGNS_FROM,
    })
}

/// The routine with every hold shortened to about two thirds (rounded up),
/// never below [`MIN_SHORT_HOLD`] seconds; a hold already that short stays
/// as it is. Reps, sides and rests are unchanged, so the order and ending
/// are the same. Its name says "shorter holds", so the player and the
/// history show what was played.
pub fn short_holds(mut routine: Routine) -> Routine {
    for step in &mut routine.steps {
        step.hold_seconds = short_hold(step.hold_seconds);
    }
    routine.name = format!("{} (shorter holds)", routine.name);
    routine
}

/// The routine as the player's `holds` query asks for it: with shorter
/// holds for [`SHORT_HOLDS`] (`/play/<id>?holds=short`), else unchanged.
pub fn with_holds(routine: Routine, holds: Option<&str>) -> Routine {
    if holds == Some(SHORT_HOLDS) {
        short_holds(routine)
    } else {
        routine
    }
}

/// One hold, shortened as [`short_holds`] does.
pub fn short_hold(seconds: u16) -> u16 {
    if seconds <= MIN_SHORT_HOLD {
        seconds
    } else {
        (seconds * 2).div_ceil(3).max(MIN_SHORT_HOLD)
    }
}

/// The gentle routines: those whose hardest exercise is as easy as any
/// routine's hardest exercise gets. In the given order.
pub fn gentle(routines: &[Routine]) -> Vec<Routine> {
    let hardest = |r: &Routine| r.steps.iter().map(|s| s.stretch.difficulty).max();
    let easiest = routines.iter().filter_map(hardest).min();
    routines
        .iter()
        .filter(|r| hardest(r) == easiest)
        .cloned()
        .collect()
}

/// The gentlest of `routines`: the largest share of time holding a
/// breathing or rest exercise, then the lower average difficulty, then the
/// first listed.
pub fn gentlest(routines: &[Routine]) -> Option<Routine> {
    let key = |r: &Routine| {
        let (mut restful, mut all, mut difficulty) = (0u32, 0u32, 0u32);
        for step in &r.steps {
            let held =
                u32::from(step.hold_seconds) * u32::from(step.reps) * u32::from(step.side_count());
            all += held;
            if matches!(step.stretch.kind, Kind::Breathing | Kind::Rest) {
                restful += held;
            }
            difficulty += u32::from(step.stretch.difficulty);
        }
        let steps = u32::try_from(r.steps.len().max(1)).unwrap_or(u32::MAX);
        // Compared as fractions without floats: per mille.
        let restful = restful * 1000 / all.max(1);
        let difficulty = difficulty * 1000 / steps;
        (restful, std::cmp::Reverse(difficulty))
    };
    routines
        .iter()
        .fold(None::<&Routine>, |best, r| match best {
            Some(b) if key(b) >= key(r) => Some(b),
            _ => Some(r),
        })
        .cloned()
}

/// About `seconds` in whole minutes, in words: "about 5 minutes".
fn about_minutes(seconds: u32) -> String {
    match seconds.div_ceil(60) {
        1 => "about 1 minute".into(),
        m => format!("about {m} minutes"),
    }
}

fn reason(band: Band, minutes: u8, seconds: u32, fits: bool) -> String {
    let why = match band {
        Band::Low => "Your pain is low today, so any routine is an option.",
        Band::Sore => "Your back is sore today, so this is one of the gentle routines.",
        Band::High => {
            "Your pain is high today, so this is the gentlest routine, with shorter holds."
        }
    };
    let time = match (fits, band) {
        (true, _) => format!("Fits in {minutes} minutes."),
        (false, Band::High) => format!(
            "It takes {}, more than the {minutes} you have: stop whenever you need to.",
            about_minutes(seconds)
        ),
        (false, Band::Sore) => format!(
            "No gentle routine fits in {minutes} minutes, so this is the shortest: {}.",
            about_minutes(seconds)
        ),
        (false, Band::Low) => format!(
            "No routine fits in {minutes} minutes, so this is the shortest: {}.",
            about_minutes(seconds)
        ),
    };
    format!("{why} {time}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue;

    fn builtins() -> Vec<Routine> {
        catalogue::routines()
            .iter()
            .filter_map(Routine::from_builtin)
            .collect()
    }

    /// Pain × minutes → (routine, shorter holds, fits, points to the
    /// warning signs), with the default timing. The built-in routines last
    /// (default timing): Desk break 3:00, Morning mobility 5:12, Gentle start
    /// 6:01 (4:56 with shorter holds), Hips and hamstrings 8:05, Bedtime
    /// wind-down 10:17, Core support 10:42.
    #[test]
    fn the_rule_picks_by_pain_then_time() {
        let cases: [(u8, u8, &str, bool, bool, bool); 28] = [
            // Low pain: any routine, the longest that fits.
            (0, 2, "desk-break", false, false, false),
            (0, 5, "desk-break", false, true, false),
            (0, 10, "hips-and-hamstrings", false, true, false),
            (0, 15, "core-support", false, true, false),
            (3, 2, "desk-break", false, false, false),
            (3, 5, "desk-break", false, true, false),
            (3, 10, "hips-and-hamstrings", false, true, false),
            (3, 15, "core-support", false, true, false),
            // Sore: gentle routines only (every exercise difficulty 1).
            (4, 2, "desk-break", false, false, false),
            (4, 5, "desk-break", false, true, false),
            (4, 10, "gentle-start", false, true, false),
            (4, 15, "gentle-start", false, true, false),
            (6, 2, "desk-break", false, false, false),
            (6, 5, "desk-break", false, true, false),
            (6, 10, "gentle-start", false, true, false),
            (6, 15, "gentle-start", false, true, false),
            // High: the gentlest, shorter holds, whatever the time.
            (7, 2, "gentle-start", true, false, false),
            (7, 5, "gentle-start", true, true, false),
            (7, 10, "gentle-start", true, true, false),
            (7, 15, "gentle-start", true, true, false),
            (8, 5, "gentle-start", true, true, true),
            (10, 2, "gentle-start", true, false, true),
            (10, 5, "gentle-start", true, true, true),
            (10, 10, "gentle-start", true, true, true),
            (10, 15, "gentle-start", true, true, true),
            // Edges: above 10 counts as 10; no time at all gets the shortest.
            (11, 5, "gentle-start", true, true, true),
            (255, 15, "gentle-start", true, true, true),
            (0, 0, "desk-break", false, false, false),
        ];
        let all = builtins();
        let timing = Timing::default();
        for (pain, minutes, id, short, fits, warn) in cases {
            let s = suggest(pain, minutes, &timing, &all).expect("routines ship");
            let case = format!("pain {pain}, {minutes} min: {s:?}");
            assert_eq!(s.id, id, "{case}");
            assert_eq!(s.routine.id, id, "{case}");
            assert_eq!(s.short_holds, short, "{case}");
            assert_eq!(s.fits, fits, "{case}");
            assert_eq!(s.warning_signs, warn, "{case}");
            assert_eq!(s.seconds, s.routine.total_seconds(&timing), "{case}");
            assert_eq!(s.fits, s.seconds <= u32::from(minutes) * 60, "{case}");
            let full = Routine::builtin(id).expect("shipped");
            if short {
                assert!(s.seconds < full.total_seconds(&timing), "{case}");
                assert_eq!(s.play_href(), format!("/play/{id}?holds=short"));
            } else {
                assert_eq!(s.routine, full, "{case}");
                assert_eq!(s.play_href(), format!("/play/{id}"));
            }
            assert_eq!(s.page_href(), format!("/routines/{id}"));
        }
    }

    #[test]
    fn the_reason_says_why_in_plain_words() {
        let all = builtins();
        let timing = Timing::default();
        let reason = |pain, minutes| {
            suggest(pain, minutes, &timing, &all)
                .expect("routines ship")
                .reason
        };
        let cases = [
            (
                8,
                5,
                "Your pain is high today, so this is the gentlest routine, with shorter holds. Fits in 5 minutes.",
            ),
            (
                9,
                2,
                "Your pain is high today, so this is the gentlest routine, with shorter holds. It takes about 5 minutes, more than the 2 you have: stop whenever you need to.",
            ),
            (
                5,
                10,
                "Your back is sore today, so this is one of the gentle routines. Fits in 10 minutes.",
            ),
            (
                5,
                2,
                "Your back is sore today, so this is one of the gentle routines. No gentle routine fits in 2 minutes, so this is the shortest: about 3 minutes.",
            ),
            (
                2,
                15,
                "Your pain is low today, so any routine is an option. Fits in 15 minutes.",
            ),
            (
                0,
                2,
                "Your pain is low today, so any routine is an option. No routine fits in 2 minutes, so this is the shortest: about 3 minutes.",
            ),
        ];
        for (pain, minutes, expected) in cases {
            assert_eq!(
                reason(pain, minutes),
                expected,
                "pain {pain}, {minutes} min"
            );
        }
    }

    #[test]
    fn the_persons_own_timing_decides_what_fits() {
        let all = builtins();
        // Slow transitions push Hips and hamstrings (six two-sided steps)
        // past 10 minutes; Gentle start is then the longest that fits.
        let slow = Timing {
            get_ready_seconds: 30,
            switch_sides_seconds: 30,
        };
        let s = suggest(0, 10, &slow, &all).expect("routines ship");
        assert_eq!(s.id, "gentle-start");
        assert!(s.fits);
        assert!(
            Routine::builtin("hips-and-hamstrings")
                .expect("shipped")
                .total_seconds(&slow)
                > 600
        );
    }

    #[test]
    fn shorter_holds_are_two_thirds_never_below_ten_seconds() {
        let cases = [
            (5, 5),
            (10, 10),
            (12, 10),
            (15, 10),
            (20, 14),
            (30, 20),
            (45, 30),
            (60, 40),
            (300, 200),
        ];
        for (hold, short) in cases {
            assert_eq!(short_hold(hold), short, "{hold} s");
        }
        for routine in builtins() {
            let short = short_holds(routine.clone());
            assert_eq!(short.id, routine.id);
            assert_eq!(with_holds(routine.clone(), Some("short")), short);
            assert_eq!(with_holds(routine.clone(), Some("long")), routine);
            assert_eq!(with_holds(routine.clone(), None), routine);
            assert_eq!(short.name, format!("{} (shorter holds)", routine.name));
            for (a, b) in routine.steps.iter().zip(&short.steps) {
                assert_eq!(a.stretch.id, b.stretch.id, "same order");
                assert_eq!((a.reps, a.sides), (b.reps, b.sides));
                assert_eq!(a.rest_after_seconds, b.rest_after_seconds);
                assert!(b.hold_seconds <= a.hold_seconds);
                assert!(b.hold_seconds >= a.hold_seconds.min(MIN_SHORT_HOLD));
            }
        }
    }

    #[test]
    fn gentle_means_the_easiest_hardest_step_and_gentlest_the_most_rest() {
        let all = builtins();
        let ids = |rs: &[Routine]| rs.iter().map(|r| r.id.clone()).collect::<Vec<_>>();
        let gentle = gentle(&all);
        assert_eq!(
            ids(&gentle),
            ["desk-break", "gentle-start", "morning-mobility"]
        );
        for r in &gentle {
            assert!(
                r.steps.iter().all(|s| s.stretch.difficulty == 1),
                "{}",
                r.id
            );
        }
        assert_eq!(gentlest(&gentle).expect("some").id, "gentle-start");
        assert_eq!(gentlest(&[]), None);
        assert_eq!(suggest(5, 5, &Timing::default(), &[]), None);
    }

    #[test]
    fn with_any_personal_caution_there_is_always_something_to_play() {
        use crate::domain::catalogue::CautionAbout;
        use crate::domain::cautions;
        let timing = Timing::default();
        for &about in CautionAbout::ALL {
            let suited: Vec<Routine> = builtins()
                .into_iter()
                .map(|r| cautions::suit(r, &[about]).0)
                .collect();
            for pain in [0, 5, 9] {
                for minutes in MINUTES {
                    let s = suggest(pain, minutes, &timing, &suited).expect("something suits");
                    assert!(!s.routine.steps.is_empty(), "{about:?} {pain} {minutes}");
                }
            }
        }
        let mut emptied = builtins();
        for r in &mut emptied {
            if r.id != "core-support" {
                r.steps.clear();
            }
        }
        let s = suggest(9, 5, &timing, &emptied).expect("one has steps");
        assert_eq!(s.id, "core-support");
        emptied.retain(|r| r.steps.is_empty());
        assert_eq!(suggest(0, 15, &timing, &emptied), None);
    }

    #[test]
    fn pain_bands_clamp_above_ten() {
        let bands: Vec<Band> = (0..=12).map(Band::of).collect();
        use Band::{High, Low, Sore};
        assert_eq!(
            bands,
            [Low, Low, Low, Low, Sore, Sore, Sore, High, High, High, High, High, High]
        );
        assert_eq!(Band::of(u8::MAX), High);
        assert!(MINUTES.contains(&DEFAULT_MINUTES));
    }
}
