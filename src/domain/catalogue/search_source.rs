//! `catalogue/search.toml` as written: the words people search by for what
//! hurts and when, each leading to stretches, routines and tips. Checked by
//! the build script against the checked catalogue, then generated into a
//! static table of indexes (see `domain::search`), so an unknown id, an empty
//! word or a term that leads nowhere fails the build, never a search.
//!
//! Shared with `build.rs` (through `#[path]`): std, serde, toml and the
//! sibling `kinds` and `source` modules only.

use std::collections::HashSet;
use std::fmt::Write as _;

use serde::Deserialize;

use super::kinds::{Area, CautionAbout};
use super::source::Checked;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSearch {
    terms: Vec<RawTerm>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTerm {
    words: Vec<String>,
    #[serde(default)]
    areas: Vec<String>,
    #[serde(default)]
    stretches: Vec<String>,
    #[serde(default)]
    routines: Vec<String>,
    #[serde(default)]
    articles: Vec<String>,
    #[serde(default)]
    without_cautions: Vec<String>,
}

/// A checked term: its words, and what it leads to as indexes into the
/// generated `STRETCHES`, `ROUTINES` and `ARTICLES` tables.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    pub words: Vec<String>,
    pub stretches: Vec<u8>,
    pub routines: Vec<u8>,
    pub articles: Vec<u8>,
}

/// Parses and checks `search.toml` against the checked catalogue; on failure,
/// every problem found, each naming the term by its first word.
pub fn check(text: &str, catalogue: &Checked) -> Result<Vec<Term>, Vec<String>> {
    let raw: RawSearch = toml::from_str(text).map_err(|e| vec![format!("search.toml: {e}")])?;
    let mut errors = Vec::new();
    let mut seen_words = HashSet::new();
    let mut terms = Vec::new();
    for (n, raw) in raw.terms.iter().enumerate() {
        let name = raw
            .words
            .first()
            .map_or_else(|| format!("term {}", n + 1), |w| format!("{w:?}"));
        let mut fail = |message: String| errors.push(format!("search.toml: {name}: {message}"));
        if raw.words.is_empty() {
            fail("needs at least one word".into());
        }
        for word in &raw.words {
            if !word.chars().any(char::is_alphanumeric) {
                fail(format!("the word {word:?} is empty"));
            } else if word.contains('|') {
                fail(format!(
                    "the word {word:?} has a \"|\", which separates words"
                ));
            } else if !seen_words.insert(word.trim().to_lowercase()) {
                fail(format!("the word {word:?} is listed twice"));
            }
        }
        let stretch_ids: Vec<&str> = catalogue.stretches.iter().map(|s| s.id.as_str()).collect();
        let routine_ids: Vec<&str> = catalogue.routines.iter().map(|r| r.id.as_str()).collect();
        let article_ids: Vec<&str> = catalogue.articles.iter().map(|a| a.id.as_str()).collect();
        let mut resolve = |kind: &str, ids: &[String], known: &[&str], into: &mut Vec<u8>| {
            for id in ids {
                match known.iter().position(|k| k == id) {
                    Some(i) if into.contains(&index(i)) => {
                        fail(format!("{kind} {id:?} is listed twice"))
                    }
                    Some(i) => into.push(index(i)),
                    None => fail(format!("unknown {kind} id {id:?}")),
                }
            }
        };
        let mut stretches = Vec::new();
        resolve("stretch", &raw.stretches, &stretch_ids, &mut stretches);
        let mut routines = Vec::new();
        resolve("routine", &raw.routines, &routine_ids, &mut routines);
        let mut articles = Vec::new();
        resolve("article", &raw.articles, &article_ids, &mut articles);
        for slug in &raw.areas {
            let Some(area) = Area::from_slug(slug) else {
                fail(format!("unknown area {slug:?}"));
                continue;
            };
            for (i, stretch) in catalogue.stretches.iter().enumerate() {
                if stretch.areas.contains(&area) && !stretches.contains(&index(i)) {
                    stretches.push(index(i));
                }
            }
        }
        if stretches.is_empty() && routines.is_empty() && articles.is_empty() {
            fail("leads nowhere: list areas, stretches, routines or articles".into());
        }
        for slug in &raw.without_cautions {
            let Some(about) = CautionAbout::from_slug(slug) else {
                fail(format!("without_cautions: unknown caution kind {slug:?}"));
                continue;
            };
            let cautioned = |id: &str| {
                catalogue
                    .stretches
                    .iter()
                    .any(|s| s.id == id && s.cautions.iter().any(|c| c.0 == about))
            };
            for &i in &stretches {
                let id = &catalogue.stretches[usize::from(i)].id;
                if cautioned(id) {
                    fail(format!("stretch {id:?} has a {slug} caution"));
                }
            }
            for &i in &routines {
                let routine = &catalogue.routines[usize::from(i)];
                if let Some(step) = routine.steps.iter().find(|s| cautioned(&s.stretch)) {
                    fail(format!(
                        "routine {:?} has a step ({}) with a {slug} caution",
                        routine.id, step.stretch
                    ));
                }
            }
        }
        terms.push(Term {
            words: raw.words.iter().map(|w| w.trim().to_string()).collect(),
            stretches,
            routines,
            articles,
        });
    }
    if errors.is_empty() {
        Ok(terms)
    } else {
        Err(errors)
    }
}

fn index(i: usize) -> u8 {
    u8::try_from(i).expect("the catalogue has fewer than 256 entries of each kind")
}

/// The Rust source of the `TERMS` table.
pub fn generate(terms: &[Term]) -> String {
    let mut out = String::from(
        "// @generated by build.rs from catalogue/search.toml. Do not edit.\n\nstatic TERMS: &[Term] = &[\n",
    );
    for t in terms {
        let _ = writeln!(
            out,
            "    Term {{ words: {:?}, stretches: &{:?}, routines: &{:?}, articles: &{:?} }},",
            t.words.join("|"),
            t.stretches,
            t.routines,
            t.articles
        );
    }
    out.push_str("];\n");
    out
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::super::source::{self, Files};
    use super::*;

    fn catalogue() -> Checked {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalogue");
        source::check(&Files::read(&dir).expect("read catalogue/")).expect("the catalogue checks")
    }

    fn shipped() -> String {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalogue/search.toml");
        std::fs::read_to_string(path).expect("read search.toml")
    }

    fn problems(text: &str) -> Vec<String> {
        check(text, &catalogue()).expect_err("should be refused")
    }

    #[test]
    fn the_shipped_terms_check_and_generate() {
        let terms = check(&shipped(), &catalogue()).expect("search.toml checks");
        assert!(terms.len() > 10);
        let code = generate(&terms);
        assert!(code.contains("Term { words: \"sciatica|sciatic|"), "{code}");
    }

    #[test]
    fn areas_expand_to_their_stretches() {
        let catalogue = catalogue();
        let text = "[[terms]]\nwords = [\"bum\"]\nareas = [\"glutes\"]\n";
        let terms = check(text, &catalogue).expect("checks");
        let ids: Vec<&str> = terms[0]
            .stretches
            .iter()
            .map(|&i| catalogue.stretches[usize::from(i)].id.as_str())
            .collect();
        assert!(
            ids.contains(&"figure-four") && ids.contains(&"glute-bridge"),
            "{ids:?}"
        );
        assert!(!ids.contains(&"cat-cow"), "{ids:?}");
    }

    #[test]
    fn broken_terms_fail_naming_the_problem() {
        let cases = [
            (
                "words = []\nstretches = [\"cat-cow\"]",
                "needs at least one word",
            ),
            ("words = [\"  \"]\nstretches = [\"cat-cow\"]", "is empty"),
            (
                "words = [\"a|b\"]\nstretches = [\"cat-cow\"]",
                "separates words",
            ),
            (
                "words = [\"x\"]\nstretches = [\"no-such\"]",
                "unknown stretch id \"no-such\"",
            ),
            (
                "words = [\"x\"]\nroutines = [\"no-such\"]",
                "unknown routine id",
            ),
            (
                "words = [\"x\"]\narticles = [\"no-such\"]",
                "unknown article id",
            ),
            ("words = [\"x\"]\nareas = [\"elbows\"]", "unknown area"),
            ("words = [\"x\"]", "leads nowhere"),
            (
                "words = [\"x\"]\nstretches = [\"cat-cow\", \"cat-cow\"]",
                "listed twice",
            ),
            (
                "words = [\"x\", \"X\"]\nstretches = [\"cat-cow\"]",
                "listed twice",
            ),
            ("words = [\"x\"]\nstretch = [\"cat-cow\"]", "unknown field"),
            (
                "words = [\"x\"]\nstretches = [\"sphinx\"]\nwithout_cautions = [\"leg-symptoms\"]",
                "stretch \"sphinx\" has a leg-symptoms caution",
            ),
            (
                "words = [\"x\"]\nstretches = [\"cat-cow\"]\nwithout_cautions = [\"elbows\"]",
                "unknown caution kind",
            ),
        ];
        for (term, expected) in cases {
            let found = problems(&format!("[[terms]]\n{term}\n"));
            assert!(
                found.iter().any(|p| p.contains(expected)),
                "{term:?} should fail with {expected:?}, got {found:?}"
            );
        }
    }

    #[test]
    fn a_routine_with_a_cautioned_step_fails() {
        let catalogue = catalogue();
        let cautioned = |id: &str| {
            catalogue
                .stretches
                .iter()
                .any(|s| s.id == id && s.cautions.iter().any(|c| c.0 == CautionAbout::LegSymptoms))
        };
        let routine = catalogue
            .routines
            .iter()
            .find(|r| r.steps.iter().any(|s| cautioned(&s.stretch)))
            .expect("a routine with a leg-symptoms caution on a step");
        let text = format!(
            "[[terms]]\nwords = [\"x\"]\nroutines = [{:?}]\nwithout_cautions = [\"leg-symptoms\"]\n",
            routine.id
        );
        let found = check(&text, &catalogue).expect_err("refused");
        let expected = format!("routine {:?} has a step", routine.id);
        assert!(found.iter().any(|p| p.contains(&expected)), "{found:?}");
    }

    #[test]
    fn a_word_listed_in_two_terms_fails() {
        let text = "[[terms]]\nwords = [\"desk\"]\nstretches = [\"cat-cow\"]\n\
                    [[terms]]\nwords = [\"Desk \"]\nstretches = [\"sphinx\"]\n";
        let found = problems(text);
        assert!(
            found.iter().any(|p| p.contains("listed twice")),
            "{found:?}"
        );
    }
}
