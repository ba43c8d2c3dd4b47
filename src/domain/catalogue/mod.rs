//! The stretch catalogue, built into the binary. `build.rs` checks the files
//! under `catalogue/` (see [`source`]) and generates the static tables below,
//! so there is nothing to parse at start-up.

pub mod kinds;
// The checked fields are read by build.rs's code generator; natively only the
// checks run, so the data fields look unused here.
#[cfg(test)]
mod content_tests;
#[cfg(test)]
mod search_source;
#[cfg(test)]
#[allow(dead_code)]
mod source;
#[cfg(test)]
mod tests;

pub use kinds::{Area, CautionAbout, Equipment, Kind, Movement, Position, Sides, Urgency};

use super::figure::{Anchor, Figure, Pose, Prop, Support};

/// One exercise of the catalogue.
#[derive(Debug, PartialEq)]
pub struct Stretch {
    /// Permanent small number, used in share links. Never reused.
    pub number: u16,
    /// Permanent kebab-case id, used in URLs and saved data. Never renamed.
    pub id: &'static str,
    pub name: &'static str,
    /// Other names people search by, lowercase.
    pub aliases: &'static [&'static str],
    pub kind: Kind,
    pub areas: &'static [Area],
    pub position: Position,
    pub equipment: &'static [Equipment],
    /// 1 gentle, 2 moderate, 3 harder.
    pub difficulty: u8,
    /// Done once on each side, left first.
    pub per_side: bool,
    pub movement: Movement,
    /// Length of one rep (per side), seconds.
    pub hold_seconds: u16,
    pub reps: u8,
    /// Pause between reps, seconds.
    pub rep_rest_seconds: u16,
    /// For moving and breathing exercises: seconds per half movement.
    pub tempo_seconds: Option<u8>,
    pub summary: &'static str,
    pub steps: &'static [&'static str],
    /// One line to read while holding.
    pub cue: &'static str,
    pub feel: &'static str,
    pub mistakes: &'static [&'static str],
    pub cautions: &'static [Caution],
    /// Seed articles the facts come from.
    pub sources: &'static [&'static str],
    /// An easier entry for the same area.
    pub gentler: Option<&'static str>,
    /// Key poses and props, drawn by [`super::figure`].
    pub figure: Figure,
}

/// A caution shown wherever the exercise is.
#[derive(Debug, PartialEq, Eq)]
pub struct Caution {
    pub about: CautionAbout,
    pub text: &'static str,
    /// The entry does not suit people this caution is about at all (not
    /// just with a change): a built-in routine swaps it for a gentler one.
    pub avoid: bool,
}

/// A routine that ships with the app.
#[derive(Debug, PartialEq, Eq)]
pub struct BuiltinRoutine {
    pub id: &'static str,
    pub name: &'static str,
    pub summary: &'static str,
    pub steps: &'static [BuiltinStep],
}

/// One step of a built-in routine, defaults already applied.
#[derive(Debug, PartialEq, Eq)]
pub struct BuiltinStep {
    pub stretch: &'static str,
    pub hold_seconds: u16,
    pub reps: u8,
    pub sides: Sides,
    pub rest_after_seconds: u16,
}

/// General safety rules, warning signs that need a clinician, and the disclaimer.
#[derive(Debug, PartialEq, Eq)]
pub struct Safety {
    /// The page's title.
    pub title: &'static str,
    /// The heading over [`Self::rules`].
    pub heading: &'static str,
    /// How to stretch safely, one line each.
    pub rules: &'static [&'static str],
    /// The heading over the warning signs.
    pub warning_title: &'static str,
    /// What to do on noticing any sign, shown under [`Self::warning_title`].
    pub warning_intro: &'static str,
    /// One tier of each [`Urgency`], most urgent first (the build checks it).
    pub tiers: &'static [WarningTier],
    /// Not medical advice: shown at the end of the page.
    pub disclaimer: &'static str,
}

impl Safety {
    /// The warning signs that need this kind of help.
    pub fn tier(&self, urgency: Urgency) -> Option<&'static WarningTier> {
        self.tiers.iter().find(|t| t.urgency == urgency)
    }
}

/// Warning signs that need the same kind of help, and how to get it.
#[derive(Debug, PartialEq, Eq)]
pub struct WarningTier {
    /// How soon help is needed; [`Safety::tiers`] go most urgent first.
    pub urgency: Urgency,
    /// A heading naming the urgency and the help, e.g. "Urgent: see a doctor today".
    pub title: &'static str,
    /// What help to get, and how.
    pub action: &'static str,
    /// What to tell whoever helps.
    pub tell: &'static str,
    /// Any one of these is enough to get this help.
    pub signs: &'static [WarningSign],
}

/// One warning sign, written for a list and as a yes/no question.
#[derive(Debug, PartialEq, Eq)]
pub struct WarningSign {
    /// For a list: capitalized, with no closing period.
    pub sign: &'static str,
    /// The same sign asked as a yes/no question, ending with "?".
    pub question: &'static str,
}

/// A short practical article (getting out of bed, sitting, lifting...).
#[derive(Debug, PartialEq, Eq)]
pub struct Article {
    pub id: &'static str,
    pub title: &'static str,
    pub summary: &'static str,
    pub sections: &'static [Section],
}

/// Part of an article: an optional heading, paragraphs, then list items.
#[derive(Debug, PartialEq, Eq)]
pub struct Section {
    pub heading: Option<&'static str>,
    pub paragraphs: &'static [&'static str],
    pub items: &'static [&'static str],
}

include!(concat!(env!("OUT_DIR"), "/catalogue_data.rs"));

/// Every entry, in registry order.
pub fn stretches() -> &'static [Stretch] {
    STRETCHES
}

/// The entry with this id.
pub fn stretch(id: &str) -> Option<&'static Stretch> {
    STRETCHES.iter().find(|s| s.id == id)
}

/// The entry with this permanent share-link number.
pub fn by_number(number: u16) -> Option<&'static Stretch> {
    STRETCHES.iter().find(|s| s.number == number)
}

/// Every built-in routine.
pub fn routines() -> &'static [BuiltinRoutine] {
    ROUTINES
}

/// The built-in routine with this id.
pub fn routine(id: &str) -> Option<&'static BuiltinRoutine> {
    ROUTINES.iter().find(|r| r.id == id)
}

/// The safety text.
pub fn safety() -> &'static Safety {
    &SAFETY
}

/// Every article.
pub fn articles() -> &'static [Article] {
    ARTICLES
}

/// The article with this id.
pub fn article(id: &str) -> Option<&'static Article> {
    ARTICLES.iter().find(|a| a.id == id)
}
