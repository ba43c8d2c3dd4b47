//! Personal cautions: health conditions a person tells Limber about, and
//! what they change. An entry's caution about one of them is shown wherever
//! the entry is; a caution marked `avoid` means the entry does not suit at
//! all, so a built-in routine swaps it for a gentler entry or leaves it out,
//! and says so. A person's own routines are theirs: they are flagged, never
//! changed.

use super::catalogue::{self, Caution, CautionAbout, Stretch};
use super::routine::{Routine, Step};

/// The conditions a person can choose, in the order they are offered.
pub const PERSONAL: &[CautionAbout] = &[
    CautionAbout::Pregnancy,
    CautionAbout::SpineSurgery,
    CautionAbout::Osteoporosis,
    CautionAbout::HipReplacement,
    CautionAbout::Knee,
    CautionAbout::Wrist,
];

/// How a condition is offered to the person choosing it.
pub fn personal_label(about: CautionAbout) -> &'static str {
    match about {
        CautionAbout::Pregnancy => "I'm pregnant",
        CautionAbout::SpineSurgery => "Recent back surgery",
        CautionAbout::Osteoporosis => "Osteoporosis",
        CautionAbout::HipReplacement => "Hip replacement",
        CautionAbout::Knee => "Knee problems",
        CautionAbout::Wrist => "Wrist problems",
        other => other.label(),
    }
}

/// The condition named inside a sentence ("because of your …").
pub fn personal_phrase(about: CautionAbout) -> &'static str {
    match about {
        CautionAbout::Pregnancy => "your pregnancy",
        CautionAbout::SpineSurgery => "your back surgery",
        CautionAbout::Osteoporosis => "osteoporosis",
        CautionAbout::HipReplacement => "your hip replacement",
        CautionAbout::Knee => "your knees",
        CautionAbout::Wrist => "your wrists",
        other => other.label(),
    }
}

/// The cautions of `stretch` that concern someone with `mine`, in the
/// entry's order.
pub fn concerning(stretch: &'static Stretch, mine: &[CautionAbout]) -> Vec<&'static Caution> {
    stretch
        .cautions
        .iter()
        .filter(|c| mine.contains(&c.about))
        .collect()
}

/// The first of `mine` for which `stretch` does not suit at all.
pub fn avoided_because(
    stretch: &'static Stretch,
    mine: &[CautionAbout],
) -> Option<&'static Caution> {
    stretch
        .cautions
        .iter()
        .find(|c| c.avoid && mine.contains(&c.about))
}

/// What adapting a routine changed, one step at a time.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// `from` became `to`, the gentler entry, because of `because`.
    Swapped {
        from: &'static Stretch,
        to: &'static Stretch,
        because: &'static Caution,
    },
    /// `stretch` was left out: nothing gentler suits, or what would suit is
    /// in the routine already.
    LeftOut {
        stretch: &'static Stretch,
        because: &'static Caution,
    },
}

impl Change {
    /// The change in plain words.
    pub fn explain(&self) -> String {
        match self {
            Self::Swapped { from, to, because } => format!(
                "{} instead of {}, because of {}.",
                to.name,
                from.name,
                personal_phrase(because.about)
            ),
            Self::LeftOut { stretch, because } => format!(
                "{} is left out, because of {}.",
                stretch.name,
                personal_phrase(because.about)
            ),
        }
    }
}

/// A routine made to suit a person, and what changed on the way.
#[derive(Clone, Debug, PartialEq)]
pub struct Adapted {
    pub routine: Routine,
    pub changes: Vec<Change>,
}

/// `routine` with every entry that does not suit `mine` swapped for its
/// gentler entry (following the chain of gentler entries past ones that do
/// not suit either) or, when none suits or it is in the routine already,
/// left out. Steps that stay keep their own dose; a swapped-in entry takes
/// its default dose and the step's rest. An empty `mine` changes nothing.
pub fn adapt(routine: &Routine, mine: &[CautionAbout]) -> Adapted {
    let mut changes = Vec::new();
    let mut steps: Vec<Step> = Vec::with_capacity(routine.steps.len());
    for (i, step) in routine.steps.iter().enumerate() {
        let Some(because) = avoided_because(step.stretch, mine) else {
            steps.push(step.clone());
            continue;
        };
        let taken = |id: &str| {
            steps.iter().any(|s| s.stretch.id == id)
                || routine.steps[i + 1..].iter().any(|s| s.stretch.id == id)
        };
        match gentler_that_suits(step.stretch, mine).filter(|g| !taken(g.id)) {
            Some(to) => {
                steps.push(Step {
                    rest_after_seconds: step.rest_after_seconds,
                    ..Step::default_for(to)
                });
                changes.push(Change::Swapped {
                    from: step.stretch,
                    to,
                    because,
                });
            }
            None => changes.push(Change::LeftOut {
                stretch: step.stretch,
                because,
            }),
        }
    }
    Adapted {
        routine: Routine {
            steps,
            ..routine.clone()
        },
        changes,
    }
}

/// A word on each entry of a person's own routine that does not suit them:
/// their routine is theirs to change, so it is only flagged.
pub fn flag(routine: &Routine, mine: &[CautionAbout]) -> Vec<String> {
    let mut flagged: Vec<String> = Vec::new();
    for step in &routine.steps {
        if let Some(caution) = avoided_because(step.stretch, mine) {
            let line = format!("{} may not suit you: {}", step.stretch.name, caution.text);
            if !flagged.contains(&line) {
                flagged.push(line);
            }
        }
    }
    flagged
}

/// `routine` as it should play for someone with `mine`: a built-in routine
/// adapted ([`adapt`]), anything else as it is but flagged ([`flag`]); with
/// what changed or needs care, in words.
pub fn suit(routine: Routine, mine: &[CautionAbout]) -> (Routine, Vec<String>) {
    if catalogue::routine(&routine.id).is_some() {
        let adapted = adapt(&routine, mine);
        let said = adapted.changes.iter().map(Change::explain).collect();
        (adapted.routine, said)
    } else {
        let said = flag(&routine, mine);
        (routine, said)
    }
}

/// The first entry down `stretch`'s chain of gentler entries that suits
/// `mine`. The chain is finite in data, but a loop must not hang the app.
fn gentler_that_suits(
    stretch: &'static Stretch,
    mine: &[CautionAbout],
) -> Option<&'static Stretch> {
    let mut next = stretch.gentler.and_then(catalogue::stretch);
    for _ in 0..catalogue::stretches().len() {
        let candidate = next?;
        if avoided_because(candidate, mine).is_none() {
            return Some(candidate);
        }
        next = candidate.gentler.and_then(catalogue::stretch);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use CautionAbout::*;

    fn ids(routine: &Routine) -> Vec<&'static str> {
        routine.steps.iter().map(|s| s.stretch.id).collect()
    }

    /// A routine, the person's conditions, the steps that play and what
    /// the person is told changed.
    type Case = (
        &'static str,
        &'static [CautionAbout],
        &'static [&'static str],
        &'static [&'static str],
    );

    const CASES: &[Case] = &[
        // Nothing chosen: nothing changes.
        (
            "bedtime-wind-down",
            &[],
            &[
                "wide-knee-childs-pose",
                "diaphragmatic-breathing",
                "knee-to-chest",
                "lower-trunk-rotation",
                "figure-four",
                "happy-baby",
                "legs-up-rest",
            ],
            &[],
        ),
        // A caution that asks for care, not avoidance, changes nothing.
        (
            "morning-mobility",
            &[Knee, Wrist],
            &[
                "diaphragmatic-breathing",
                "pelvic-tilt",
                "lower-trunk-rotation",
                "knee-to-chest",
                "cat-cow",
                "childs-pose",
            ],
            &[],
        ),
        // Swapped where a gentler entry suits; left out where the gentler
        // one is in the routine already.
        (
            "bedtime-wind-down",
            &[HipReplacement],
            &[
                "wide-knee-childs-pose",
                "diaphragmatic-breathing",
                "knee-to-chest",
                "lower-trunk-rotation",
                "double-knee-to-chest",
                "legs-up-rest",
            ],
            &[
                "Figure-four stretch is left out, because of your hip replacement.",
                "Double knee-to-chest instead of Happy baby, because of your hip replacement.",
            ],
        ),
        // No gentler entry at all: left out.
        (
            "gentle-start",
            &[SpineSurgery],
            &[
                "diaphragmatic-breathing",
                "pelvic-tilt",
                "knee-to-chest",
                "double-knee-to-chest",
                "legs-up-rest",
            ],
            &["Knee rolling is left out, because of your back surgery."],
        ),
        // The gentler entry (pelvic tilt) is in the routine already.
        (
            "core-support",
            &[Pregnancy],
            &[
                "diaphragmatic-breathing",
                "pelvic-tilt",
                "glute-bridge",
                "knee-plank",
                "hands-and-knees-hip-extension",
                "childs-pose",
                "back-to-wall-slide",
            ],
            &["Partial crunch is left out, because of your pregnancy."],
        ),
        (
            "hips-and-hamstrings",
            &[Osteoporosis],
            &[
                "diaphragmatic-breathing",
                "supine-hamstring-towel",
                "figure-four",
                "knee-to-opposite-shoulder",
                "kneeling-hip-flexor-stretch",
                "low-lunge-open-hip",
                "seated-glute-stretch",
            ],
            &["Seated forward bend is left out, because of osteoporosis."],
        ),
        // Several conditions: each step is judged against all of them.
        (
            "hips-and-hamstrings",
            &[Osteoporosis, HipReplacement],
            &[
                "diaphragmatic-breathing",
                "supine-hamstring-towel",
                "knee-to-chest",
                "kneeling-hip-flexor-stretch",
                "low-lunge-open-hip",
            ],
            &[
                "Single knee-to-chest instead of Figure-four stretch, because of your hip replacement.",
                "Knee to opposite shoulder is left out, because of your hip replacement.",
                "Seated glute stretch is left out, because of your hip replacement.",
                "Seated forward bend is left out, because of osteoporosis.",
            ],
        ),
    ];

    #[test]
    fn built_in_routines_adapt_to_personal_cautions() {
        for (routine, mine, steps, changes) in CASES {
            let original = Routine::builtin(routine).expect("shipped");
            let adapted = adapt(&original, mine);
            assert_eq!(ids(&adapted.routine), *steps, "{routine} with {mine:?}");
            let said: Vec<String> = adapted.changes.iter().map(Change::explain).collect();
            assert_eq!(said, *changes, "{routine} with {mine:?}");
            assert_eq!(adapted.routine.id, original.id, "still the same routine");
        }
    }

    #[test]
    fn nothing_left_in_a_routine_suits_a_condition_it_avoids() {
        for builtin in catalogue::routines() {
            let routine = Routine::from_builtin(builtin).expect("shipped");
            for about in PERSONAL {
                let adapted = adapt(&routine, &[*about]);
                for step in &adapted.routine.steps {
                    assert!(
                        avoided_because(step.stretch, &[*about]).is_none(),
                        "{} keeps {} for {about:?}",
                        builtin.id,
                        step.stretch.id
                    );
                }
                assert_eq!(
                    adapted.routine.steps.len() + left_out(&adapted),
                    routine.steps.len(),
                    "every step is kept, swapped or left out"
                );
                assert!(
                    !adapted.routine.steps.is_empty(),
                    "{} still has something for {about:?}",
                    builtin.id
                );
            }
        }
    }

    fn left_out(adapted: &Adapted) -> usize {
        adapted
            .changes
            .iter()
            .filter(|c| matches!(c, Change::LeftOut { .. }))
            .count()
    }

    #[test]
    fn a_swapped_step_keeps_its_rest_and_takes_the_gentler_dose() {
        let routine = Routine::builtin("bedtime-wind-down").expect("shipped");
        let adapted = adapt(&routine, &[HipReplacement]);
        let old = routine
            .steps
            .iter()
            .find(|s| s.stretch.id == "happy-baby")
            .expect("in the routine");
        let new = adapted
            .routine
            .steps
            .iter()
            .find(|s| s.stretch.id == "double-knee-to-chest")
            .expect("swapped in");
        let default = Step::default_for(new.stretch);
        assert_eq!(new.rest_after_seconds, old.rest_after_seconds);
        assert_eq!(
            (new.hold_seconds, new.reps),
            (default.hold_seconds, default.reps)
        );
    }

    /// Which entries do not suit whom: a caution marked `avoid` says so in
    /// its words, and these are all of them.
    #[test]
    fn the_entries_that_do_not_suit_are_exactly_these() {
        let expected: &[(&str, CautionAbout)] = &[
            ("figure-four", HipReplacement),
            ("happy-baby", HipReplacement),
            ("knee-to-opposite-shoulder", HipReplacement),
            ("lower-trunk-rotation", SpineSurgery),
            ("lying-knee-twist", Pregnancy),
            ("lying-knee-twist", HipReplacement),
            ("lying-knee-twist", SpineSurgery),
            ("partial-crunch", Pregnancy),
            ("partial-crunch", Osteoporosis),
            ("prone-press-up", Pregnancy),
            ("seated-crossed-leg-stretch", HipReplacement),
            ("seated-forward-bend", Osteoporosis),
            ("seated-glute-stretch", HipReplacement),
            ("seated-spinal-twist", Pregnancy),
            ("seated-spinal-twist", SpineSurgery),
            ("side-lying-flexion-rotation", SpineSurgery),
            ("sphinx", Pregnancy),
            ("supported-prone-lying", Pregnancy),
        ];
        let mut marked: Vec<(&str, CautionAbout)> = catalogue::stretches()
            .iter()
            .flat_map(|s| {
                s.cautions
                    .iter()
                    .filter(|c| c.avoid)
                    .map(|c| (s.id, c.about))
            })
            .collect();
        marked.sort();
        assert_eq!(marked, expected);
        // Words that tell a person to skip an entry come with the mark.
        for stretch in catalogue::stretches() {
            for caution in stretch.cautions {
                let text = caution.text.to_lowercase();
                let says_skip = [
                    "skip this",
                    "skip it",
                    "skip crunches",
                    "isn't suitable",
                    "avoid deep",
                ]
                .iter()
                .any(|w| text.contains(w));
                if says_skip && PERSONAL.contains(&caution.about) {
                    assert!(
                        caution.avoid,
                        "{} {:?}: {}",
                        stretch.id, caution.about, caution.text
                    );
                }
            }
        }
    }

    #[test]
    fn only_built_in_routines_change_and_a_persons_own_are_flagged() {
        let builtin = Routine::builtin("gentle-start").expect("shipped");
        let (played, said) = suit(builtin.clone(), &[SpineSurgery]);
        assert_eq!(played.steps.len() + 1, builtin.steps.len());
        assert_eq!(
            said,
            ["Knee rolling is left out, because of your back surgery."]
        );

        let mut own = builtin.clone();
        own.id = "mine-1".into();
        let (played, said) = suit(own.clone(), &[SpineSurgery]);
        assert_eq!(played, own, "a person's own routine plays as they made it");
        assert_eq!(
            said,
            ["Knee rolling may not suit you: After spine surgery, check with your surgeon before you add twisting moves."]
        );
        let sphinx = catalogue::stretch("sphinx").expect("shipped");
        let (played, said) = suit(Routine::single(sphinx, None), &[Pregnancy, Wrist]);
        assert_eq!(played.steps.len(), 1, "one stretch chosen on purpose stays");
        assert_eq!(said.len(), 1);
        assert!(suit(own, &[]).1.is_empty());
    }

    #[test]
    fn concerning_lists_only_the_persons_cautions() {
        let cat_cow = catalogue::stretch("cat-cow").expect("shipped");
        let about = |mine: &[CautionAbout]| -> Vec<CautionAbout> {
            concerning(cat_cow, mine).iter().map(|c| c.about).collect()
        };
        assert_eq!(about(&[]), Vec::<CautionAbout>::new());
        assert_eq!(about(&[Knee]), vec![Knee]);
        assert_eq!(about(&[Pregnancy, Wrist]), vec![Wrist, Pregnancy]);
        assert_eq!(about(&[Osteoporosis]), Vec::<CautionAbout>::new());
        assert!(avoided_because(cat_cow, &[Knee, Wrist, Pregnancy]).is_none());
    }

    #[test]
    fn every_personal_condition_has_words_of_its_own() {
        let mut labels: Vec<&str> = PERSONAL.iter().map(|a| personal_label(*a)).collect();
        let mut phrases: Vec<&str> = PERSONAL.iter().map(|a| personal_phrase(*a)).collect();
        labels.sort_unstable();
        labels.dedup();
        phrases.sort_unstable();
        phrases.dedup();
        assert_eq!(
            (labels.len(), phrases.len()),
            (PERSONAL.len(), PERSONAL.len())
        );
    }
}
