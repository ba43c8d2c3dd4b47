//! Share links: a person's routine carried whole in a URL fragment, so it
//! opens on any static host, never reaches a server log, and opens offline.
//!
//! The fragment is `r=<version>.<payload>`; the payload is base64url (no
//! padding) of a compact binary form. Version 1:
//!
//! ```text
//! name length (u8, UTF-8 bytes) · name · default rest (u8 s) · step count (u8)
//! per step: stretch number (LEB128) · hold low byte · flags · [own rest (u8 s)]
//! flags: bit 0 hold bit 8 · bits 1-4 reps - 1 · bits 5-6 sides (0 both,
//!        1 left, 2 right) · bit 7 the step's rest follows (else the default)
//! ```
//!
//! Stretch numbers are the permanent ones in `catalogue/registry.toml`.

use super::catalogue::{self, Sides};
use super::routine::{limits, Custom, Step};

/// The fragment key that marks a share link.
pub const FRAGMENT_PREFIX: &str = "r=";
/// The format this build writes; it reads this one and every older one.
pub const VERSION: u32 = 1;
/// No valid link is longer than this (the worst valid routine is ~560).
pub const MAX_CHARS: usize = 2000;

/// Why a link cannot be opened. Nothing stored changes when this happens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    TooLong {
        chars: usize,
    },
    /// Made by a newer Limber.
    Newer {
        version: u32,
    },
    /// No version this or any Limber ever wrote.
    Unknown,
    NotBase64,
    /// Cut off part-way.
    Truncated,
    /// More bytes than the routine needs.
    TrailingData,
    /// Stretches this build's catalogue lacks.
    UnknownStretches {
        count: usize,
    },
    /// A value outside what Limber allows.
    OutOfRange {
        what: String,
    },
}

impl LinkError {
    /// A sentence for the person who opened the link.
    pub fn explain(&self) -> String {
        match self {
            Self::TooLong { chars } => format!("This link is {chars} characters long, longer than any Limber routine link, so it was not opened."),
            Self::Newer { version } => format!("This routine was shared from a newer version of Limber (link format {version}). Update Limber, then open the link again."),
            Self::Unknown => "This is not a link Limber made, or it was changed after it was shared.".into(),
            Self::NotBase64 => "This link was changed or damaged: it has characters a Limber link never has. Ask for the link again.".into(),
            Self::Truncated => "This link is incomplete: its end was cut off, perhaps while copying it. Ask for the whole link again.".into(),
            Self::TrailingData => "This link has extra characters at its end. Ask for the link again.".into(),
            Self::UnknownStretches { count: 1 } => "This routine uses 1 stretch this version of Limber does not have. Update Limber, then open the link again.".into(),
            Self::UnknownStretches { count } => format!("This routine uses {count} stretches this version of Limber does not have. Update Limber, then open the link again."),
            Self::OutOfRange { what } => format!("This link asks for something Limber does not allow ({what}), so it was not opened."),
        }
    }
}

/// The fragment (without `#`) that carries `routine`.
pub fn encode(routine: &Custom) -> String {
    let mut bytes = Vec::with_capacity(8 + routine.name.len() + 4 * routine.steps.len());
    let name = truncate_chars(routine.name.trim(), limits::NAME_CHARS);
    bytes.push(u8::try_from(name.len()).unwrap_or(u8::MAX));
    bytes.extend_from_slice(name.as_bytes());
    let rest = u8::try_from(routine.rest_seconds).unwrap_or(u8::MAX);
    bytes.push(rest);
    bytes.push(u8::try_from(routine.steps.len()).unwrap_or(u8::MAX));
    for step in &routine.steps {
        let mut number = step.stretch.number;
        while number >= 0x80 {
            bytes.push(0x80 | (number & 0x7f) as u8);
            number >>= 7;
        }
        bytes.push(number as u8);
        let [low, high] = step.hold_seconds.to_le_bytes();
        bytes.push(low);
        let sides = match step.sides {
            Sides::Both => 0,
            Sides::Left => 1,
            Sides::Right => 2,
        };
        let own_rest = step.rest_after_seconds != routine.rest_seconds;
        bytes.push(
            (high & 1)
                | (step.reps.saturating_sub(1) & 0x0f) << 1
                | sides << 5
                | u8::from(own_rest) << 7,
        );
        if own_rest {
            bytes.push(u8::try_from(step.rest_after_seconds).unwrap_or(u8::MAX));
        }
    }
    format!("{FRAGMENT_PREFIX}{VERSION}.{}", base64url(&bytes))
}

/// Whether a fragment (without `#`) is meant as a share link at all.
pub fn is_share_fragment(fragment: &str) -> bool {
    fragment.starts_with(FRAGMENT_PREFIX)
}

/// The routine a share fragment (without `#`) carries.
pub fn decode(fragment: &str) -> Result<Custom, LinkError> {
    let chars = fragment.chars().count();
    if chars > MAX_CHARS {
        return Err(LinkError::TooLong { chars });
    }
    let body = fragment
        .strip_prefix(FRAGMENT_PREFIX)
        .ok_or(LinkError::Unknown)?;
    let (version, payload) = body.split_once('.').ok_or(LinkError::Unknown)?;
    let version: u32 = version.parse().map_err(|_| LinkError::Unknown)?;
    if version > VERSION {
        return Err(LinkError::Newer { version });
    }
    if version != 1 {
        return Err(LinkError::Unknown);
    }
    if !payload.bytes().all(|b| ALPHABET.contains(&b)) {
        return Err(LinkError::NotBase64);
    }
    // Only valid characters, yet not whole: cut off inside a character group.
    let bytes = from_base64url(payload).ok_or(LinkError::Truncated)?;
    decode_v1(&bytes)
}

fn decode_v1(bytes: &[u8]) -> Result<Custom, LinkError> {
    let mut input = Reader(bytes);
    let name_len = usize::from(input.byte()?);
    let name = std::str::from_utf8(input.take(name_len)?)
        .map_err(|_| out_of_range("a name that is not text"))?;
    if name.trim().is_empty() {
        return Err(out_of_range("a routine without a name"));
    }
    if name.chars().count() > limits::NAME_CHARS || name.chars().any(char::is_control) {
        return Err(out_of_range("a name Limber would not accept"));
    }
    let rest_seconds = u16::from(input.byte()?);
    let count = usize::from(input.byte()?);
    if !limits::STEPS.contains(&count) {
        return Err(out_of_range(&format!("{count} steps")));
    }
    let mut steps = Vec::with_capacity(count);
    let mut unknown = 0;
    for _ in 0..count {
        let number = input.varint()?;
        let low = input.byte()?;
        let flags = input.byte()?;
        let rest_after_seconds = if flags & 0x80 != 0 {
            u16::from(input.byte()?)
        } else {
            rest_seconds
        };
        let hold_seconds = u16::from(low) | u16::from(flags & 1) << 8;
        let reps = (flags >> 1 & 0x0f) + 1;
        let sides = match flags >> 5 & 0x03 {
            0 => Sides::Both,
            1 => Sides::Left,
            2 => Sides::Right,
            _ => return Err(out_of_range("a side that does not exist")),
        };
        match catalogue::by_number(number) {
            Some(stretch) => steps.push(Step {
                stretch,
                hold_seconds,
                reps,
                sides,
                rest_after_seconds,
            }),
            None => unknown += 1,
        }
    }
    if !input.0.is_empty() {
        return Err(LinkError::TrailingData);
    }
    if unknown > 0 {
        return Err(LinkError::UnknownStretches { count: unknown });
    }
    let routine = Custom {
        name: name.to_string(),
        rest_seconds,
        steps,
    };
    match routine.problems().first() {
        None => Ok(routine),
        Some(problem) => Err(out_of_range(
            problem
                .explain()
                .trim_end_matches('.')
                .to_lowercase()
                .as_str(),
        )),
    }
}

fn out_of_range(what: &str) -> LinkError {
    LinkError::OutOfRange { what: what.into() }
}

/// Bytes read front to back; running out is a truncated link.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8, LinkError> {
        let (&first, rest) = self.0.split_first().ok_or(LinkError::Truncated)?;
        self.0 = rest;
        Ok(first)
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], LinkError> {
        if self.0.len() < n {
            return Err(LinkError::Truncated);
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }

    /// LEB128 of a u16: at most three bytes.
    fn varint(&mut self) -> Result<u16, LinkError> {
        let mut value: u32 = 0;
        for shift in [0, 7, 14] {
            let byte = self.byte()?;
            value |= u32::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return u16::try_from(value).map_err(|_| out_of_range("a stretch number"));
            }
        }
        Err(out_of_range("a stretch number"))
    }
}

fn truncate_chars(text: &str, max: usize) -> &str {
    match text.char_indices().nth(max) {
        Some((at, _)) => &text[..at],
        None => text,
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url without padding (RFC 4648 §5).
pub fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

/// The bytes of base64url text without padding; `None` if it is not that.
pub fn from_base64url(text: &str) -> Option<Vec<u8>> {
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            let v = ALPHABET.iter().position(|&a| a == c)?;
            n |= (v as u32) << (18 - 6 * i);
        }
        let bytes = n.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
        // Unused low bits must be zero, so each payload has one spelling.
        let unused = match chunk.len() {
            2 => 0xf000,
            3 => 0x00c0,
            _ => 0,
        };
        if n & unused != 0 {
            return None;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::stretches;
    use crate::domain::storage::tests::Rng;

    fn random_routine(rng: &mut Rng) -> Custom {
        let all = stretches();
        let names = [
            "Morning",
            "Rücken sanft",
            "<img src=x onerror=alert(1)>",
            "背中",
            "A \"quoted\" & 'odd' one",
        ];
        let mut name: String = names[rng.below(names.len() as u64) as usize].to_string();
        name.truncate(name.char_indices().nth(60).map_or(name.len(), |(i, _)| i));
        let rest_seconds = rng.below(121) as u16;
        let steps = (0..1 + rng.below(40))
            .map(|_| {
                let stretch = &all[rng.below(all.len() as u64) as usize];
                let sides = if stretch.per_side {
                    [Sides::Both, Sides::Left, Sides::Right][rng.below(3) as usize]
                } else {
                    Sides::Both
                };
                Step {
                    stretch,
                    hold_seconds: 5 + rng.below(296) as u16,
                    reps: 1 + rng.below(10) as u8,
                    sides,
                    rest_after_seconds: if rng.below(2) == 0 {
                        rest_seconds
                    } else {
                        rng.below(121) as u16
                    },
                }
            })
            .collect();
        Custom {
            name,
            rest_seconds,
            steps,
        }
    }

    /// An 8-step routine with a 20-character name, as a person would make.
    fn typical() -> Custom {
        let ids = [
            "cat-cow",
            "childs-pose",
            "knee-to-chest",
            "pelvic-tilt",
            "figure-four",
            "lower-trunk-rotation",
            "sphinx",
            "happy-baby",
        ];
        Custom {
            name: "My evening back care".into(),
            rest_seconds: 10,
            steps: ids
                .iter()
                .map(|id| {
                    let mut step = Step::default_for(catalogue::stretch(id).expect("shipped"));
                    step.rest_after_seconds = 10;
                    step
                })
                .collect(),
        }
    }

    /// The longest valid routine: 40 steps of the highest numbers, every
    /// value at its widest, and a name of 60 four-byte characters.
    fn worst() -> Custom {
        let top = stretches()
            .iter()
            .max_by_key(|s| s.number)
            .expect("entries");
        Custom {
            name: "\u{1f600}".repeat(60),
            rest_seconds: 0,
            steps: (0..40)
                .map(|_| Step {
                    stretch: top,
                    hold_seconds: 300,
                    reps: 10,
                    sides: Sides::Both,
                    rest_after_seconds: 120,
                })
                .collect(),
        }
    }

    #[test]
    fn every_random_valid_routine_comes_back_identical() {
        let mut rng = Rng(0x5_4a4e);
        for _ in 0..2_000 {
            let routine = random_routine(&mut rng);
            assert_eq!(routine.problems(), vec![], "{routine:?}");
            let link = encode(&routine);
            assert_eq!(decode(&link), Ok(routine), "{link}");
        }
    }

    #[test]
    fn links_are_short() {
        let typical = encode(&typical());
        let worst_link = encode(&worst());
        println!(
            "typical link fragment: {} characters: #{typical}",
            typical.len()
        );
        println!("worst link fragment: {} characters", worst_link.len());
        // With an origin such as https://limber.example/ (23 characters).
        assert!(typical.len() + 24 <= 120, "{typical}");
        assert!(worst_link.len() + 24 < MAX_CHARS, "{}", worst_link.len());
        assert_eq!(decode(&worst_link), Ok(worst()));
    }

    #[test]
    fn golden_links_of_every_released_version_still_open() {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/share-links.txt");
        let text = std::fs::read_to_string(path).expect("golden links");
        let mut count = 0;
        for line in text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let (name, link) = line.split_once(' ').expect("`name link` lines");
            let routine = decode(link).unwrap_or_else(|e| panic!("{link}: {e:?}"));
            assert_eq!(routine.name, name.replace('_', " "));
            if link.starts_with(&format!("{FRAGMENT_PREFIX}{VERSION}.")) {
                assert_eq!(encode(&routine), link, "the current format is stable");
            }
            count += 1;
        }
        assert!(count >= 2, "the golden list holds the links");
    }

    #[test]
    fn random_bytes_and_every_truncation_are_errors_not_panics() {
        let mut rng = Rng(99);
        for _ in 0..10_000 {
            let bytes: Vec<u8> = (0..rng.below(120)).map(|_| rng.next() as u8).collect();
            let link = format!("{FRAGMENT_PREFIX}1.{}", base64url(&bytes));
            // Random bytes may happen to form a routine; if so it is valid.
            if let Ok(routine) = decode(&link) {
                assert_eq!(routine.problems(), vec![]);
            }
            let text: String = bytes.iter().map(|&b| char::from(b)).collect();
            let _ = decode(&text);
        }
        let link = encode(&typical());
        for end in 0..link.len() {
            assert!(decode(&link[..end]).is_err(), "{}", &link[..end]);
        }
    }

    #[test]
    fn each_kind_of_bad_link_is_named() {
        let good = encode(&typical());
        let payload = good.split_once('.').expect("versioned").1;
        let bytes = from_base64url(payload).expect("valid");
        let mut unknown = bytes.clone();
        // The first step's stretch number follows name, rest and count.
        unknown[1 + 20 + 2] = 0x7f;
        let mut bad_hold = bytes.clone();
        bad_hold[1 + 20 + 2 + 1] = 2;
        let cases = [
            (good[..good.len() - 6].to_string(), LinkError::Truncated),
            (format!("r=1.{}!", &payload[..8]), LinkError::NotBase64),
            ("r=7.AAAA".to_string(), LinkError::Newer { version: 7 }),
            ("r=0.AAAA".to_string(), LinkError::Unknown),
            ("r=x".to_string(), LinkError::Unknown),
            (
                format!("r=1.{}", base64url(&unknown)),
                LinkError::UnknownStretches { count: 1 },
            ),
            (format!("{good}AAAA"), LinkError::TrailingData),
            (
                "r=1.".to_string() + &"A".repeat(MAX_CHARS),
                LinkError::TooLong {
                    chars: MAX_CHARS + 4,
                },
            ),
        ];
        for (link, expected) in cases {
            assert_eq!(decode(&link), Err(expected.clone()), "{link}");
            assert!(!expected.explain().is_empty());
        }
        assert!(matches!(
            decode(&format!("r=1.{}", base64url(&bad_hold))),
            Err(LinkError::OutOfRange { .. })
        ));
    }

    #[test]
    fn base64url_round_trips_and_has_one_spelling() {
        for n in 0..40u8 {
            let bytes: Vec<u8> = (0..n).map(|i| i.wrapping_mul(37)).collect();
            assert_eq!(from_base64url(&base64url(&bytes)), Some(bytes));
        }
        assert_eq!(base64url(b"\xfb\xff"), "-_8");
        assert_eq!(from_base64url("-_9"), None, "non-zero unused bits");
        assert_eq!(from_base64url("A"), None);
        assert_eq!(from_base64url("AA=="), None, "no padding");
    }
}
