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
