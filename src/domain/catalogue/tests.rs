//! The catalogue's build-time checks, run natively against the shipped files
//! and against broken copies of them.

use std::path::Path;

use super::source::{check, Files};
use super::*;

fn shipped_files() -> Files {
    Files::read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("catalogue")).expect("read catalogue/")
}

/// Replaces the value of a top-level `key = ...` (one line, or a `[...]` block).
fn set_field(text: &str, key: &str, value: &str) -> String {
    let start = text
        .find(&format!("\n{key} = "))
        .map(|i| i + 1)
        .or_else(|| text.starts_with(&format!("{key} = ")).then_some(0))
        .unwrap_or_else(|| panic!("no {key} in {text}"));
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let line = &text[start..line_end];
    let end = if line.ends_with('[') {
        start + text[start..].find("\n]").expect("a closing bracket") + 2
    } else {
        line_end
    };
    let replacement = if value.is_empty() {
        String::new()
    } else {
        format!("{key} = {value}")
    };
    format!("{}{}{}", &text[..start], replacement, &text[end..])
}

fn edit_stretch(files: &mut Files, id: &str, key: &str, value: &str) {
    let entry = files
        .stretches
        .iter_mut()
        .find(|(stem, _)| stem == id)
        .expect("a shipped entry");
    entry.1 = set_field(&entry.1, key, value);
}

fn problems(edit: impl FnOnce(&mut Files)) -> Vec<String> {
    let mut files = shipped_files();
    edit(&mut files);
    match check(&files) {
        Ok(_) => Vec::new(),
        Err(errors) => errors,
    }
}

#[test]
fn the_shipped_catalogue_passes_every_check() {
    let checked = check(&shipped_files()).unwrap_or_else(|e| panic!("{e:#?}"));
    assert!(checked.stretches.len() >= 30, "at least 30 entries");
    assert!(checked.routines.len() >= 6, "at least 6 routines");
    // The generated tables are exactly the checked source, in registry order.
    let generated: Vec<&str> = stretches().iter().map(|s| s.id).collect();
    let source: Vec<&str> = checked.stretches.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(generated, source);
    assert_eq!(routines().len(), checked.routines.len());
    assert_eq!(articles().len(), checked.articles.len());
}

#[test]
fn no_shipped_id_ever_disappears_or_changes_number() {
    let fixture = include_str!("../../../tests/fixtures/shipped-stretch-ids.txt");
    let mut pinned = Vec::new();
    for line in fixture
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let (number, id) = line.split_once(' ').expect("`number id` lines");
        let number: u16 = number.parse().expect("a number");
        let entry = stretch(id).unwrap_or_else(|| panic!("shipped id {id} has disappeared"));
        assert_eq!(entry.number, number, "{id} changed its share-link number");
        pinned.push(id);
    }
    for entry in stretches() {
        assert!(
            pinned.contains(&entry.id),
            "{} is new: append `{} {}` to tests/fixtures/shipped-stretch-ids.txt",
            entry.id,
            entry.number,
            entry.id
        );
    }
}

#[test]
fn broken_entries_fail_the_build_with_a_named_problem() {
    type Edit = Box<dyn FnOnce(&mut Files)>;
    let cases: Vec<(&str, Edit, &str)> = vec![
        (
            "unknown enum value",
            Box::new(|f| edit_stretch(f, "cat-cow", "position", "\"upside-down\"")),
            "stretches/cat-cow.toml: position: unknown value \"upside-down\"",
        ),
        (
            "unknown area",
            Box::new(|f| edit_stretch(f, "cat-cow", "areas", "[\"elbows\"]")),
            "areas: unknown value \"elbows\"",
        ),
        (
            "hold too short",
            Box::new(|f| edit_stretch(f, "cat-cow", "hold_seconds", "4")),
            "hold_seconds 4 is outside 5-300",
        ),
        (
            "hold too long",
            Box::new(|f| edit_stretch(f, "figure-four", "hold_seconds", "301")),
            "hold_seconds 301 is outside 5-300",
        ),
        (
            "empty steps",
            Box::new(|f| edit_stretch(f, "cat-cow", "steps", "[]")),
            "steps must hold 3..=6 non-empty lines",
        ),
        (
            "missing cautions field",
            Box::new(|f| edit_stretch(f, "cat-cow", "cautions", "")),
            "missing field `cautions`",
        ),
        (
            "unknown caution",
            Box::new(|f| {
                edit_stretch(
                    f,
                    "cat-cow",
                    "cautions",
                    "[{ about = \"elbow\", text = \"Careful.\" }]",
                )
            }),
            "cautions.about: unknown value \"elbow\"",
        ),
        (
            "unknown field",
            Box::new(|f| edit_stretch(f, "cat-cow", "difficulty", "1\ncolour = \"red\"")),
            "unknown field `colour`",
        ),
        (
            "duplicate id",
            Box::new(|f| {
                let copy = f
                    .stretches
                    .iter()
                    .find(|(s, _)| s == "cat-cow")
                    .cloned()
                    .expect("shipped");
                f.stretches.push(("cat-cow-again".into(), copy.1));
            }),
            "duplicate id cat-cow",
        ),
        (
            "removed id",
            Box::new(|f| f.stretches.retain(|(s, _)| s != "sphinx")),
            "sphinx was shipped and has no entry",
        ),
        (
            "unknown id in a routine",
            Box::new(|f| {
                let routine = f
                    .routines
                    .iter_mut()
                    .find(|(s, _)| s == "desk-break")
                    .expect("shipped");
                routine.1 = routine.1.replacen(
                    "stretch = \"eagle-arms\"",
                    "stretch = \"no-such-stretch\"",
                    1,
                );
            }),
            "routines/desk-break.toml: step 1: unknown stretch id \"no-such-stretch\"",
        ),
        (
            "sides on a one-sided stretch",
            Box::new(|f| {
                let routine = f
                    .routines
                    .iter_mut()
                    .find(|(s, _)| s == "desk-break")
                    .expect("shipped");
                routine.1 = routine.1.replacen(
                    "stretch = \"eagle-arms\"",
                    "stretch = \"cat-cow\"\nsides = \"left\"",
                    1,
                );
            }),
            "sides is only for two-sided stretches",
        ),
        (
            "gentler points nowhere",
            Box::new(|f| edit_stretch(f, "figure-four", "gentler", "\"nope\"")),
            "gentler \"nope\" is not another entry",
        ),
    ];
    for (what, edit, expected) in cases {
        let errors = problems(edit);
        assert!(
            errors.iter().any(|e| e.contains(expected)),
            "{what}: expected a problem containing {expected:?}, got {errors:#?}"
        );
    }
}

#[test]
fn every_entry_reads_well_in_the_places_it_is_shown() {
    for s in stretches() {
        assert!(s.name.len() <= 40, "{}: name too long for a card", s.id);
        assert!(s.cue.len() <= 80, "{}: cue too long for the player", s.id);
        for caution in s.cautions {
            assert!(
                caution.text.ends_with('.'),
                "{}: caution should be a sentence",
                s.id
            );
        }
        // Every seed named must be one of the five source articles.
        for source in s.sources {
            assert!(
                source.len() == 24 && source.as_bytes()[3] == b'_',
                "{}: {source} is not a seed file name",
                s.id
            );
        }
    }
}

// ---------------------------------------------------------------------------
// Warning signs (issue 15): split by urgency, each sign also a yes/no question.
// ---------------------------------------------------------------------------

/// The signs of the tier with this urgency, lowercased for matching.
fn signs_of(urgency: Urgency) -> Vec<String> {
    safety()
        .tier(urgency)
        .unwrap_or_else(|| panic!("a {urgency:?} tier"))
        .signs
        .iter()
        .map(|s| s.sign.to_lowercase())
        .collect()
}

#[test]
fn the_generated_warning_signs_are_the_checked_source() {
    let checked = check(&shipped_files()).unwrap_or_else(|e| panic!("{e:#?}"));
    let source: Vec<(&str, Vec<(&str, &str)>)> = checked
        .safety
        .warning_signs
        .tiers
        .iter()
        .map(|t| {
            let signs = t
                .signs
                .iter()
                .map(|s| (s.sign.as_str(), s.question.as_str()));
            (t.urgency.as_str(), signs.collect())
        })
        .collect();
    let generated: Vec<(&str, Vec<(&str, &str)>)> = safety()
        .tiers
        .iter()
        .map(|t| {
            let signs = t.signs.iter().map(|s| (s.sign, s.question));
            (t.urgency.slug(), signs.collect())
        })
        .collect();
    assert_eq!(generated, source);
}

#[test]
fn warning_signs_come_in_three_tiers_most_urgent_first() {
    let urgencies: Vec<Urgency> = safety().tiers.iter().map(|t| t.urgency).collect();
    assert_eq!(
        urgencies,
        [Urgency::Emergency, Urgency::Urgent, Urgency::Routine]
    );
    for tier in safety().tiers {
        assert!(!tier.signs.is_empty(), "{:?} has no signs", tier.urgency);
        for (field, text) in [
            ("title", tier.title),
            ("action", tier.action),
            ("tell", tier.tell),
        ] {
            assert!(!text.trim().is_empty(), "{:?}: empty {field}", tier.urgency);
        }
    }
}

#[test]
fn each_sign_sits_in_the_tier_its_urgency_needs() {
    // (tier, what the sign is about, words that must all appear in one sign)
    let cases: &[(Urgency, &str, &[&str])] = &[
        (
            Urgency::Emergency,
            "numbness of the genitals or bottom",
            &["numb", "genitals", "bottom"],
        ),
        (
            Urgency::Emergency,
            "bladder or bowel changes",
            &["bladder", "bowel"],
        ),
        (Urgency::Emergency, "trouble peeing", &["peeing"]),
        (Urgency::Emergency, "sexual changes", &["sex", "erection"]),
        (Urgency::Emergency, "both legs", &["both legs"]),
        (
            Urgency::Emergency,
            "weakness getting worse",
            &["weakness", "worse"],
        ),
        (Urgency::Urgent, "fever", &["fever"]),
        (Urgency::Urgent, "cancer", &["cancer"]),
        (
            Urgency::Urgent,
            "first back pain by age",
            &["first", "50", "20"],
        ),
        (
            Urgency::Urgent,
            "steroids, immunity, drugs, infection",
            &["steroids", "immune", "drugs", "infection"],
        ),
        (Urgency::Urgent, "a fall or accident", &["fall", "accident"]),
        (
            Urgency::Urgent,
            "osteoporosis and a minor fall",
            &["osteoporosis", "minor fall"],
        ),
        (
            Urgency::Urgent,
            "lump, swelling or shape",
            &["lump", "swelling", "shape"],
        ),
        (
            Urgency::Emergency,
            "sudden or severe chest pain",
            &["chest pain", "sudden", "severe", "breath"],
        ),
        (
            Urgency::Urgent,
            "milder chest pain",
            &["chest pain", "shoulder blades"],
        ),
        (Urgency::Urgent, "night pain", &["night", "lie down"]),
        (Urgency::Urgent, "weight loss", &["weight"]),
        (
            Urgency::Urgent,
            "unsteady walking",
            &["unsteady", "walking", "weak", "clumsy"],
        ),
        (
            Urgency::Routine,
            "no better after 4 to 6 weeks",
            &["4 to 6 weeks"],
        ),
        (Urgency::Routine, "everyday things", &["everyday"]),
    ];
    for (urgency, what, words) in cases {
        let signs = signs_of(*urgency);
        assert!(
            signs.iter().any(|s| words.iter().all(|w| s.contains(w))),
            "{urgency:?} should list {what} (all of {words:?}), has {signs:#?}"
        );
    }
}

#[test]
fn one_sided_leg_symptoms_are_never_an_emergency() {
    for tier in safety().tiers {
        for sign in tier.signs {
            let text = sign.sign.to_lowercase();
            assert!(
                !text.contains("one or both"),
                "{:?}: {text:?} lumps one leg with both",
                tier.urgency
            );
            if tier.urgency == Urgency::Emergency {
                assert!(
                    !text.contains("one leg") && !text.contains("a leg"),
                    "one leg alone is not an emergency: {text:?}"
                );
            }
        }
    }
}

#[test]
fn every_sign_reads_as_a_list_item_and_a_yes_no_question() {
    for tier in safety().tiers {
        for sign in tier.signs {
            assert!(
                sign.sign.starts_with(char::is_uppercase) && !sign.sign.ends_with('.'),
                "{:?}: {:?} should be a capitalized list item",
                tier.urgency,
                sign.sign
            );
            assert!(
                sign.question.starts_with(char::is_uppercase) && sign.question.ends_with('?'),
                "{:?}: {:?} should be a question",
                tier.urgency,
                sign.question
            );
        }
    }
}

#[test]
fn broken_warning_signs_fail_the_build_with_a_named_problem() {
    type Edit = Box<dyn FnOnce(&mut Files)>;
    let edit_safety = |from: &'static str, to: &'static str| -> Edit {
        Box::new(move |files: &mut Files| {
            assert!(files.safety.contains(from), "safety.toml has no {from:?}");
            files.safety = files.safety.replacen(from, to, 1);
        })
    };
    let cases: Vec<(&str, Edit, &str)> = vec![
        (
            "unknown urgency",
            edit_safety("urgency = \"urgent\"", "urgency = \"whenever\""),
            "warning_signs.tiers must be exactly [\"emergency\", \"urgent\", \"routine\"]",
        ),
        (
            "tiers out of order",
            Box::new(|files: &mut Files| {
                files.safety = files
                    .safety
                    .replacen("urgency = \"emergency\"", "urgency = \"swap\"", 1)
                    .replacen("urgency = \"urgent\"", "urgency = \"emergency\"", 1)
                    .replacen("urgency = \"swap\"", "urgency = \"urgent\"", 1);
            }),
            "in that order, not [\"urgent\", \"emergency\", \"routine\"]",
        ),
        (
            "a tier missing",
            edit_safety("urgency = \"routine\"", "urgency = \"urgent\""),
            "not [\"emergency\", \"urgent\", \"urgent\"]",
        ),
        (
            "a question without a question mark",
            edit_safety("Have you ever had cancer?\"", "Have you ever had cancer\""),
            "urgent tier: sign 2's question must be a question ending with \"?\"",
        ),
        (
            "an empty sign",
            edit_safety(
                "sign = \"Numbness, tingling or weakness in both legs\"",
                "sign = \" \"",
            ),
            "emergency tier: sign 4 must not be empty",
        ),
        (
            "an empty action",
            edit_safety(
                "action = \"Make a regular appointment with your doctor. It doesn't need to be today.\"",
                "action = \"  \"",
            ),
            "routine tier: action must not be empty",
        ),
        (
            "an empty tell",
            edit_safety(
                "tell = \"Say how long you have had back pain, what makes it better or worse, and what you have tried.\"",
                "tell = \"\"",
            ),
            "routine tier: tell must not be empty",
        ),
        (
            "a missing question",
            edit_safety(
                "question = \"Have you lost weight without trying?\"\n",
                "",
            ),
            "missing field `question`",
        ),
        (
            "the old flat list",
            edit_safety("[warning_signs]\n", "[warning_signs]\nsigns = [\"fever\"]\n"),
            "unknown field `signs`",
        ),
    ];
    for (what, edit, expected) in cases {
        let errors = problems(edit);
        assert!(
            errors.iter().any(|e| e.contains(expected)),
            "{what}: expected a problem containing {expected:?}, got {errors:#?}"
        );
    }
    let emptied = problems(|files| {
        let start = files
            .safety
            .find("[[warning_signs.tiers.signs]]")
            .expect("a sign");
        let end = start
            + files.safety[start..]
                .find("\n[[warning_signs.tiers]]")
                .expect("a second tier");
        files.safety.replace_range(start..end, "signs = []\n");
    });
    assert!(
        emptied
            .iter()
            .any(|e| e.contains("emergency tier: needs at least one sign")),
        "a tier with no signs: {emptied:#?}"
    );
}
