//! Search for what hurts: one query finds stretches, routines and tips, by
//! their names, aliases and labels and by the symptom and situation words of
//! `catalogue/search.toml` ("sciatica", "desk", "after sitting").
//!
//! Words are compared lowercase, without accents or punctuation, and
//! roughly stemmed ("hips" is "hip", "sitting" is "sit"). Every word of a
//! query must match (a phrase of the search terms, such as "leg pain",
//! matches as one); the last word may be unfinished while it is being typed.
//! A word of four letters or more that matches nothing may have one typo
//! after its first letter (a letter added, missing, changed, or two
//! swapped: "sciatca").

use std::cell::OnceCell;

use super::catalogue::{self, Article, BuiltinRoutine, Stretch};
use super::filter::difficulty_label;

/// Words people search by, and what they lead to, as indexes into
/// [`catalogue::stretches`], [`catalogue::routines`] and [`catalogue::articles`].
/// Generated from `catalogue/search.toml`, which the build checks.
#[derive(Debug)]
pub struct Term {
    /// Its words and phrases, separated by `|` (one string is smaller than
    /// a list of them).
    pub words: &'static str,
    pub stretches: &'static [u8],
    pub routines: &'static [u8],
    pub articles: &'static [u8],
}

include!(concat!(env!("OUT_DIR"), "/search_data.rs"));

/// Every search term.
pub fn terms() -> &'static [Term] {
    TERMS
}

/// What a query found, best match first.
#[derive(Clone, Debug, Default)]
pub struct Found {
    pub stretches: Vec<&'static Stretch>,
    pub routines: Vec<&'static BuiltinRoutine>,
    /// Tips.
    pub articles: Vec<&'static Article>,
}

/// The same entries, compared by address: a derived comparison would
/// compare every field of every entry, in code the app would download.
impl PartialEq for Found {
    fn eq(&self, other: &Self) -> bool {
        same(&self.stretches, &other.stretches)
            && same(&self.routines, &other.routines)
            && same(&self.articles, &other.articles)
    }
}

/// Whether two lists hold the same static entries, in the same order.
pub fn same<T>(a: &[&'static T], b: &[&'static T]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| std::ptr::eq(*x, *y))
}

/// Searches everything; `None` when `text` holds no word to search by, so
/// everything matches.
pub fn search(text: &str) -> Option<Found> {
    with_index(|index| {
        let units = parse(text, index)?;
        // Best first; equal scores keep the catalogue's order. An insertion
        // sort: a few dozen entries, and far less code than the slice sorts.
        let mut scored: Vec<(u32, usize)> = Vec::new();
        for (i, doc) in index.docs.iter().enumerate() {
            let score = score(&units, doc);
            if score > 0 {
                let at = scored.iter().position(|&(s, _)| s < score);
                scored.insert(at.unwrap_or(scored.len()), (score, i));
            }
        }
        let (stretches, routines) = (catalogue::stretches(), catalogue::routines());
        let mut found = Found::default();
        for (_, i) in scored {
            if let Some(s) = stretches.get(i) {
                found.stretches.push(s);
            } else if let Some(r) = routines.get(i - stretches.len()) {
                found.routines.push(r);
            } else if let Some(a) = catalogue::articles().get(i - stretches.len() - routines.len())
            {
                found.articles.push(a);
            }
        }
        Some(found)
    })
}

/// Whether `text` finds `stretch` (a text with no words finds everything).
pub fn finds(text: &str, stretch: &Stretch) -> bool {
    with_index(|index| {
        let Some(units) = parse(text, index) else {
            return true;
        };
        catalogue::stretches()
            .iter()
            .position(|s| std::ptr::eq(s, stretch))
            .is_some_and(|i| score(&units, &index.docs[i]) > 0)
    })
}

/// Whether `text` names a warning sign (numbness, weakness, bladder or
/// bowel...), which needs help rather than a stretch.
pub fn mentions_warning_sign(text: &str) -> bool {
    words(text).iter().any(|w| SIGNS.contains(&w.raw.as_str()))
}

// How much a match counts, by where the word was found.
const NAME: u32 = 10;
const ALIAS: u32 = 8;
const TERM: u32 = 7;
const AREA: u32 = 4;
const LABEL: u32 = 3;
const SUMMARY: u32 = 1;

/// Dropped from queries and from what they are compared with.
const STOP: &[&str] = &[
    "a", "an", "and", "at", "but", "for", "from", "i", "im", "in", "is", "it", "its", "me", "my",
    "of", "on", "or", "the", "to", "up", "with", "you", "your",
];

/// Say that something hurts but not what: dropped from a query unless part
/// of a phrase ("leg pain"), so "back pain" searches for "back".
const NOISE: &[&str] = &[
    "ache", "aches", "aching", "hurt", "hurting", "hurts", "pain", "painful", "pains",
];

/// Words of warning signs: never taken for a typo of another word ("bowel"
/// is not "towel"), so they find nothing and the page points to help.
const SIGNS: &[&str] = &[
    "bladder",
    "bowel",
    "bowels",
    "fever",
    "incontinence",
    "incontinent",
    "numb",
    "numbness",
    "needles",
    "saddle",
    "tingle",
    "tingling",
    "weak",
    "weakness",
];

#[derive(Clone, Debug, PartialEq, Eq)]
struct Word {
    raw: String,
    stem: String,
}

/// One name, alias, label, summary or search-term variant of an entry.
#[derive(Clone, Debug)]
struct Key {
    weight: u32,
    words: Vec<Word>,
}

/// Every entry's keys (stretches, then routines, then articles), and the
/// search terms' phrases.
struct Index {
    docs: Vec<Vec<Key>>,
    phrases: Vec<Vec<String>>,
}

thread_local! {
    // Built on the first search and kept: a few thousand short words.
    static INDEX: OnceCell<Index> = const { OnceCell::new() };
}

fn with_index<T>(f: impl FnOnce(&Index) -> T) -> T {
    INDEX.with(|cell| f(cell.get_or_init(build)))
}

fn key(weight: u32, text: &str) -> Key {
    Key {
        weight,
        words: words(text),
    }
}

fn build() -> Index {
    let mut docs: Vec<Vec<Key>> = Vec::new();
    for s in catalogue::stretches() {
        let mut keys = vec![key(NAME, s.name), key(SUMMARY, s.summary)];
        keys.extend(s.aliases.iter().map(|a| key(ALIAS, a)));
        keys.extend(s.areas.iter().map(|a| key(AREA, a.label())));
        keys.extend(s.equipment.iter().map(|e| key(LABEL, e.label())));
        for label in [
            s.position.label(),
            s.kind.label(),
            difficulty_label(s.difficulty),
        ] {
            keys.push(key(LABEL, label));
        }
        docs.push(keys);
    }
    for r in catalogue::routines() {
        docs.push(vec![key(NAME, r.name), key(SUMMARY, r.summary)]);
    }
    for a in catalogue::articles() {
        docs.push(vec![key(NAME, a.title), key(SUMMARY, a.summary)]);
    }
    let routines = catalogue::stretches().len();
    let articles = routines + catalogue::routines().len();
    let mut phrases = Vec::new();
    for term in TERMS {
        let targets = term.stretches.iter().map(|&i| usize::from(i));
        let targets = targets
            .chain(term.routines.iter().map(|&i| routines + usize::from(i)))
            .chain(term.articles.iter().map(|&i| articles + usize::from(i)));
        let keys: Vec<Key> = term.words.split('|').map(|w| key(TERM, w)).collect();
        for i in targets {
            docs[i].extend(keys.iter().cloned());
        }
        phrases.extend(
            keys.into_iter()
                .filter(|k| k.words.len() > 1)
                .map(|k| k.words.into_iter().map(|w| w.stem).collect::<Vec<_>>()),
        );
    }
    Index { docs, phrases }
}

/// A part of a query that must match.
enum Unit {
    Word {
        word: Word,
        prefix: bool,
        typo: bool,
    },
    /// A search term's phrase, as stems.
    Phrase(Vec<String>),
}

fn parse(text: &str, index: &Index) -> Option<Vec<Unit>> {
    let words = words(text);
    // Still typing the last word: it may be the start of one.
    let open = text.chars().last().is_some_and(char::is_alphanumeric);
    let mut units = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let rest = &words[i..];
        // The longest phrase that starts here.
        if let Some(phrase) = index
            .phrases
            .iter()
            .filter(|p| {
                p.len() <= rest.len() && p.iter().zip(rest).all(|(stem, w)| *stem == w.stem)
            })
            .max_by_key(|p| p.len())
        {
            i += phrase.len();
            units.push(Unit::Phrase(phrase.clone()));
            continue;
        }
        let word = rest[0].clone();
        i += 1;
        if NOISE.contains(&word.raw.as_str()) {
            continue;
        }
        let prefix = open && i == words.len();
        let known = index
            .docs
            .iter()
            .flatten()
            .flat_map(|k| &k.words)
            .any(|d| quality(&word, prefix, false, d) > 0);
        let typo = !known && word.raw.len() >= 4 && !SIGNS.contains(&word.raw.as_str());
        units.push(Unit::Word { word, prefix, typo });
    }
    (!units.is_empty()).then_some(units)
}

/// 4 for the same word, 3 for its start, 2 for one typo, 0 for no match.
fn quality(q: &Word, prefix: bool, typo: bool, d: &Word) -> u32 {
    if q.stem == d.stem {
        4
    } else if prefix && (d.stem.starts_with(&q.stem) || d.raw.starts_with(&q.raw)) {
        3
    } else if typo
        // Few typos are in the first letter; "tips" is not "hips".
        && q.raw.as_bytes()[0] == d.raw.as_bytes()[0]
        && ((d.raw.len() >= 4 && within_one(&q.raw, &d.raw))
            || (q.stem.len() >= 4 && d.stem.len() >= 4 && within_one(&q.stem, &d.stem)))
    {
        2
    } else {
        0
    }
}

/// How well an entry matches every unit; 0 if one does not match at all.
fn score(units: &[Unit], doc: &[Key]) -> u32 {
    let mut total = 0;
    for unit in units {
        let best = doc
            .iter()
            .map(|k| {
                k.weight
                    * match unit {
                        // Typos are forgiven in names and search words, not summaries.
                        Unit::Word { word, prefix, typo } => k
                            .words
                            .iter()
                            .map(|d| quality(word, *prefix, *typo && k.weight > SUMMARY, d))
                            .max()
                            .unwrap_or(0),
                        Unit::Phrase(stems) => {
                            let whole = stems.iter().all(|s| k.words.iter().any(|d| d.stem == *s));
                            u32::from(whole) * 4 * stems.len() as u32
                        }
                    }
            })
            .max()
            .unwrap_or(0);
        if best == 0 {
            return 0;
        }
        total += best;
    }
    // A name, alias or label typed in full ("knee hug") comes first.
    for k in doc {
        let whole = k.words.iter().all(|d| {
            units.iter().any(|u| match u {
                Unit::Word { word, .. } => word.stem == d.stem,
                Unit::Phrase(stems) => stems.contains(&d.stem),
            })
        });
        if whole && !k.words.is_empty() {
            total += 2 * k.weight;
        }
    }
    total
}

/// Normalised words of `text`, stop words left out.
fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut raw = String::new();
    // A final separator flushes the last word.
    for c in text.chars().chain([' ']) {
        if c == '\'' || c == '’' {
            continue; // "child's" is "childs"
        }
        if let Some(c) = fold(c) {
            raw.push(c);
        } else if !raw.is_empty() {
            if !STOP.contains(&raw.as_str()) {
                out.push(Word {
                    stem: stem(&raw),
                    raw: raw.clone(),
                });
            }
            raw.clear();
        }
    }
    out
}

/// A letter or digit, lowercase and without its accent; `None` for anything else.
fn fold(c: char) -> Option<char> {
    if c.is_ascii_alphanumeric() {
        return Some(c.to_ascii_lowercase());
    }
    if !c.is_alphanumeric() {
        return None;
    }
    // Latin-1's capitals sit 32 below their small letters.
    let c = match c {
        'À'..='Þ' if c != '×' => char::from_u32(c as u32 + 32).unwrap_or(c),
        _ => c,
    };
    Some(match c {
        'à'..='å' => 'a',
        'ç' => 'c',
        'è'..='ë' => 'e',
        'ì'..='ï' => 'i',
        'ñ' => 'n',
        'ò'..='ö' | 'ø' => 'o',
        'ù'..='ü' => 'u',
        'ý' | 'ÿ' => 'y',
        other => other,
    })
}

/// A rough stem: plurals and -ness, -ing, -ed taken off ("stretches" →
/// "stretch", "stiffness" → "stiff", "sitting" → "sit").
fn stem(word: &str) -> String {
    let n = word.len();
    let base = if n > 4 && word.ends_with("ies") {
        format!("{}y", &word[..n - 3])
    } else if n > 4
        && ["sses", "ches", "shes", "xes"]
            .iter()
            .any(|s| word.ends_with(s))
    {
        word[..n - 2].to_string()
    } else if n > 3 && word.ends_with('s') && !["ss", "us", "is"].iter().any(|s| word.ends_with(s))
    {
        word[..n - 1].to_string()
    } else {
        word.to_string()
    };
    for suffix in ["ness", "ing", "ed"] {
        if let Some(rest) = base.strip_suffix(suffix).filter(|r| r.len() >= 3) {
            let b = rest.as_bytes();
            let last = b[b.len() - 1];
            // "sitt" → "sit", but "stress" and "roll" keep theirs.
            let doubled = suffix != "ness"
                && last == b[b.len() - 2]
                && last.is_ascii_alphabetic()
                && !b"aeiouslfz".contains(&last);
            return rest[..rest.len() - usize::from(doubled)].to_string();
        }
    }
    base
}

/// Whether `a` and `b` differ by at most one letter added, missing or
/// changed, or two neighbours swapped.
fn within_one(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    let i = long.iter().zip(short).take_while(|(x, y)| x == y).count();
    match long.len() - short.len() {
        0 => {
            i == long.len()
                || long[i + 1..] == short[i + 1..]
                || (i + 1 < long.len()
                    && long[i] == short[i + 1]
                    && long[i + 1] == short[i]
                    && long[i + 2..] == short[i + 2..])
        }
        1 => long[i + 1..] == short[i..],
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::{stretch, CautionAbout};

    fn ids(found: &Found) -> (Vec<&str>, Vec<&str>, Vec<&str>) {
        (
            found.stretches.iter().map(|s| s.id).collect(),
            found.routines.iter().map(|r| r.id).collect(),
            found.articles.iter().map(|a| a.id).collect(),
        )
    }

    fn found(text: &str) -> Found {
        search(text).unwrap_or_else(|| panic!("{text:?} should be a search"))
    }

    type Ids = &'static [&'static str];

    /// (query, stretches, routines, tips it must find; stretches it must not)
    const CASES: &[(&str, Ids, Ids, Ids, Ids)] = &[
        (
            "sciatica",
            &["knee-to-chest", "figure-four", "chair-figure-four"],
            &[],
            &["staying-active"],
            &[
                "sphinx",
                "prone-press-up",
                "legs-up-rest",
                "supine-hamstring-towel",
            ],
        ),
        (
            "sciatic",
            &["knee-to-chest", "figure-four"],
            &[],
            &[],
            &["sphinx"],
        ),
        (
            "sciatca",
            &["knee-to-chest", "figure-four"],
            &[],
            &[],
            &["sphinx"],
        ),
        ("Sciática", &["knee-to-chest"], &[], &[], &[]),
        (
            "sciatic nerve pain",
            &["knee-to-chest"],
            &[],
            &[],
            &["sphinx"],
        ),
        (
            "pain down my leg",
            &["knee-to-chest"],
            &[],
            &[],
            &["legs-up-rest", "supine-hamstring-towel"],
        ),
        (
            "leg pain",
            &["knee-to-chest"],
            &[],
            &[],
            &[
                "legs-up-rest",
                "supine-hamstring-towel",
                "staggered-stance-stretch",
            ],
        ),
        (
            "desk",
            &["chair-figure-four", "eagle-arms", "standing-overhead-reach"],
            &["desk-break"],
            &["sitting-at-a-desk"],
            &["sphinx"],
        ),
        (
            "deks",
            &["eagle-arms"],
            &["desk-break"],
            &["sitting-at-a-desk"],
            &[],
        ),
        (
            "office",
            &["eagle-arms"],
            &["desk-break"],
            &["sitting-at-a-desk"],
            &[],
        ),
        (
            "morning",
            &["cat-cow"],
            &["morning-mobility"],
            &["getting-out-of-bed"],
            &[],
        ),
        (
            "stiff",
            &["lower-trunk-rotation"],
            &["morning-mobility"],
            &[],
            &[],
        ),
        (
            "bedtime",
            &["knee-to-chest"],
            &["bedtime-wind-down"],
            &[],
            &[],
        ),
        (
            "pregnant",
            &["cat-cow", "wide-knee-childs-pose"],
            &[],
            &[],
            &[
                "sphinx",
                "prone-press-up",
                "supported-prone-lying",
                "partial-crunch",
                "lying-knee-twist",
                "seated-spinal-twist",
            ],
        ),
        (
            "hips",
            &["figure-four", "happy-baby"],
            &["hips-and-hamstrings"],
            &[],
            &["cat-cow"],
        ),
        (
            "hamstrings",
            &["supine-hamstring-towel", "seated-forward-bend"],
            &["hips-and-hamstrings"],
            &[],
            &["cat-cow"],
        ),
        (
            "after sitting",
            &["kneeling-hip-flexor-stretch", "standing-overhead-reach"],
            &["desk-break", "hips-and-hamstrings"],
            &["sitting-at-a-desk"],
            &["seated-forward-bend", "seated-spinal-twist"],
        ),
        (
            "driving",
            &["standing-overhead-reach"],
            &["desk-break"],
            &["staying-active"],
            &[],
        ),
        ("knee hug", &["knee-to-chest"], &[], &[], &["cat-cow"]),
        (
            "lifting",
            &["glute-bridge"],
            &["core-support"],
            &["lifting-and-daily-habits"],
            &[],
        ),
        (
            "tips",
            &[],
            &[],
            &["staying-active", "before-you-stretch"],
            &[],
        ),
        ("back pain", &["cat-cow", "sphinx"], &[], &[], &[]),
        ("piriformis", &["figure-four"], &[], &[], &["cat-cow"]),
        ("Knee-to-chest", &["knee-to-chest"], &[], &[], &["cat-cow"]),
        ("towel", &["supine-hamstring-towel"], &[], &[], &["cat-cow"]),
        (
            "sitting in a chair",
            &["eagle-arms", "chair-figure-four"],
            &[],
            &[],
            &["cat-cow"],
        ),
        ("foam roller", &["supported-bridge"], &[], &[], &["cat-cow"]),
        ("hamstirngs", &["supine-hamstring-towel"], &[], &[], &[]),
    ];

    #[test]
    fn queries_find_what_they_should_and_not_what_they_should_not() {
        for (text, stretches, routines, articles, never) in CASES {
            let found = found(text);
            let (s, r, a) = ids(&found);
            for (kind, wanted, got) in [
                ("stretch", stretches, &s),
                ("routine", routines, &r),
                ("tip", articles, &a),
            ] {
                for id in *wanted {
                    assert!(
                        got.contains(id),
                        "{text:?} should find {kind} {id}, found {got:?}"
                    );
                }
            }
            for id in *never {
                assert!(
                    !s.contains(id),
                    "{text:?} should not find {id}, found {s:?}"
                );
            }
        }
    }

    #[test]
    fn the_best_match_comes_first() {
        for (text, first) in [
            ("knee hug", "knee-to-chest"),
            ("cat cow", "cat-cow"),
            ("child's pose", "childs-pose"),
            ("hamstring stretch with a towel", "supine-hamstring-towel"),
        ] {
            assert_eq!(
                found(text).stretches.first().map(|s| s.id),
                Some(first),
                "{text:?}"
            );
        }
        for (text, routine) in [
            ("desk", "desk-break"),
            ("morning", "morning-mobility"),
            ("bedtime", "bedtime-wind-down"),
        ] {
            assert_eq!(
                found(text).routines.first().map(|r| r.id),
                Some(routine),
                "{text:?}"
            );
        }
        assert_eq!(
            found("desk").articles.first().map(|a| a.id),
            Some("sitting-at-a-desk")
        );
    }

    #[test]
    fn sciatica_leads_only_to_nerve_friendly_entries() {
        // Nothing whose cautions mention leg symptoms: no leg-symptoms
        // caution, and no caution about pain spreading down a leg.
        for text in [
            "sciatica",
            "sciatic",
            "sciatca",
            "nerve pain",
            "leg pain",
            "pain down the leg",
        ] {
            let found = found(text);
            assert!(!found.stretches.is_empty(), "{text:?}");
            for s in &found.stretches {
                for c in s.cautions {
                    assert!(
                        c.about != CautionAbout::LegSymptoms,
                        "{text:?} found {}",
                        s.id
                    );
                    let spreads = ["tingling", "numbness", "spread"];
                    assert!(
                        !spreads.iter().any(|w| c.text.contains(w)),
                        "{text:?} found {}: {}",
                        s.id,
                        c.text
                    );
                }
            }
            for r in &found.routines {
                for step in r.steps {
                    let s = stretch(step.stretch).expect("shipped");
                    assert!(
                        s.cautions
                            .iter()
                            .all(|c| c.about != CautionAbout::LegSymptoms),
                        "{text:?} found {} with {}",
                        r.id,
                        s.id
                    );
                }
            }
        }
    }

    #[test]
    fn warning_signs_find_no_exercise() {
        // These need help, not a stretch: the page then points to "When to get help".
        for text in [
            "numbness",
            "numb",
            "tingling",
            "pins and needles",
            "weakness",
            "saddle numbness",
            "incontinence",
            "weak legs",
            "bladder",
            "bowel",
            "fever",
        ] {
            let found = found(text);
            assert!(
                found.stretches.is_empty() && found.routines.is_empty(),
                "{text:?} found {:?}",
                ids(&found)
            );
        }
    }

    #[test]
    fn warning_signs_are_recognised() {
        for text in [
            "Numbness",
            "weak legs",
            "bladder problems",
            "tingling in my foot",
        ] {
            assert!(mentions_warning_sign(text), "{text:?}");
        }
        for text in ["", "sciatica", "knee hug", "towel", "weekly"] {
            assert!(!mentions_warning_sign(text), "{text:?}");
        }
    }

    #[test]
    fn empty_nonsense_and_short_typos() {
        assert_eq!(search(""), None);
        assert_eq!(search("  "), None);
        assert_eq!(search("the my"), None, "only stop words");
        for nonsense in ["zzzz", "xylophone", "qwerty uiop"] {
            assert_eq!(search(nonsense), Some(Found::default()), "{nonsense:?}");
        }
        // "hug" finds the knee hug; "hup", a three-letter typo, finds nothing.
        assert!(found("hug")
            .stretches
            .iter()
            .any(|s| s.id == "knee-to-chest"));
        assert_eq!(search("hup "), Some(Found::default()));
        assert_eq!(search("dsk "), Some(Found::default()));
        // Two typos are too many.
        assert_eq!(search("sciatcaa "), Some(Found::default()));
    }

    #[test]
    fn the_last_word_may_be_unfinished() {
        assert!(found("sciat")
            .stretches
            .iter()
            .any(|s| s.id == "knee-to-chest"));
        assert!(found("hamst")
            .stretches
            .iter()
            .any(|s| s.id == "supine-hamstring-towel"));
        // Once a space follows it, a word is whole.
        assert_eq!(search("sciat "), Some(Found::default()));
    }

    #[test]
    fn every_term_word_finds_everything_its_term_lists() {
        let mut seen: Vec<Vec<String>> = Vec::new();
        for term in terms() {
            for word in term.words.split('|') {
                let stems: Vec<String> = words(word).into_iter().map(|w| w.stem).collect();
                assert!(!stems.is_empty(), "{word:?} is only stop words");
                assert!(
                    !NOISE.contains(&word.trim()),
                    "{word:?} would be dropped from queries"
                );
                assert!(!seen.contains(&stems), "{word:?} repeats another word");
                seen.push(stems);
                let found = found(word);
                for &i in term.stretches {
                    let s = &catalogue::stretches()[usize::from(i)];
                    assert!(
                        found.stretches.contains(&s),
                        "{word:?} should find {}",
                        s.id
                    );
                }
                for &i in term.routines {
                    let r = &catalogue::routines()[usize::from(i)];
                    assert!(found.routines.contains(&r), "{word:?} should find {}", r.id);
                }
                for &i in term.articles {
                    let a = &catalogue::articles()[usize::from(i)];
                    assert!(found.articles.contains(&a), "{word:?} should find {}", a.id);
                }
            }
        }
    }

    #[test]
    fn finds_agrees_with_search() {
        for text in ["", "desk", "sciatca", "knee hug", "zzzz", "hips"] {
            let found = search(text);
            for s in catalogue::stretches() {
                let expected = found.as_ref().is_none_or(|f| f.stretches.contains(&s));
                assert_eq!(finds(text, s), expected, "{text:?} {}", s.id);
            }
        }
    }

    #[test]
    fn words_are_normalised_and_stemmed() {
        let stems =
            |text: &str| -> Vec<String> { words(text).into_iter().map(|w| w.stem).collect() };
        assert_eq!(stems("Knee-to-chest"), ["knee", "chest"]);
        assert_eq!(stems("Child’s  POSE"), ["child", "pose"]);
        assert_eq!(stems("Sciática, ÉTÉ"), ["sciatica", "ete"]);
        assert_eq!(stems("stretches hips bodies"), ["stretch", "hip", "body"]);
        assert_eq!(stems("stiffness sitting seated"), ["stiff", "sit", "seat"]);
        assert_eq!(
            stems("stressed rolling piriformis"),
            ["stress", "roll", "piriformis"]
        );
        assert_eq!(stems("hamstrings hamstring"), ["hamstr", "hamstr"]);
    }

    #[test]
    fn one_edit_is_forgiven() {
        for (a, b, one) in [
            ("sciatca", "sciatica", true),
            ("sciatiac", "sciatica", true),
            ("sciatixa", "sciatica", true),
            ("scaitica", "sciatica", true),
            ("sciaticaa", "sciatica", true),
            ("desk", "desk", true),
            ("sictaica", "sciatica", false),
            ("sciat", "sciatica", false),
            ("abcd", "badc", false),
        ] {
            assert_eq!(within_one(a, b), one, "{a} {b}");
            assert_eq!(within_one(b, a), one, "{b} {a}");
        }
    }
}
