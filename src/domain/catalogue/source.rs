//! The catalogue as written under `catalogue/`: parsed and checked by the build
//! script before any code is generated, so a bad entry fails the build, never
//! a user. Native tests feed it broken copies of the real files.
//!
//! This file is shared with `build.rs` (through `#[path]`), so it may only use
//! std, serde, toml and the sibling `kinds` module.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use serde::Deserialize;

use super::kinds::{Area, CautionAbout, Equipment, Kind, Movement, Position, Sides, Urgency};

/// The text of every catalogue file, keyed by file stem where it matters.
#[derive(Clone, Debug, Default)]
pub struct Files {
    pub registry: String,
    pub safety: String,
    pub stretches: Vec<(String, String)>,
    pub routines: Vec<(String, String)>,
    pub articles: Vec<(String, String)>,
    pub figures: Vec<(String, String)>,
}

impl Files {
    /// Reads `dir` (the `catalogue/` folder).
    pub fn read(dir: &Path) -> Result<Self, String> {
        let read = |path: &Path| {
            std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
        };
        let folder = |name: &str| -> Result<Vec<(String, String)>, String> {
            let path = dir.join(name);
            let mut files = Vec::new();
            for entry in std::fs::read_dir(&path).map_err(|e| format!("{}: {e}", path.display()))? {
                let file = entry.map_err(|e| e.to_string())?.path();
                if file.extension().and_then(|e| e.to_str()) != Some("toml") {
                    return Err(format!("{}: only .toml files belong here", file.display()));
                }
                let stem = file
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .unwrap_or_default();
                files.push((stem.to_string(), read(&file)?));
            }
            files.sort();
            Ok(files)
        };
        Ok(Self {
            registry: read(&dir.join("registry.toml"))?,
            safety: read(&dir.join("safety.toml"))?,
            stretches: folder("stretches")?,
            routines: folder("routines")?,
            articles: folder("articles")?,
            figures: folder("figures")?,
        })
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRegistry {
    stretches: BTreeMap<String, u16>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStretch {
    id: String,
    name: String,
    aliases: Vec<String>,
    kind: String,
    areas: Vec<String>,
    position: String,
    equipment: Vec<String>,
    difficulty: u8,
    per_side: bool,
    movement: String,
    hold_seconds: u16,
    reps: u8,
    rep_rest_seconds: u16,
    tempo_seconds: Option<u8>,
    summary: String,
    steps: Vec<String>,
    cue: String,
    feel: String,
    mistakes: Vec<String>,
    cautions: Vec<RawCaution>,
    sources: Vec<String>,
    gentler: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFigure {
    props: Vec<String>,
    poses: Vec<RawPose>,
}

/// One key pose: absolute segment directions in degrees (see domain::figure).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPose {
    pub torso: f64,
    pub head: f64,
    pub near_arm: [f64; 2],
    pub far_arm: [f64; 2],
    pub near_leg: [f64; 2],
    pub far_leg: [f64; 2],
    pub near_foot: Option<f64>,
    pub far_foot: Option<f64>,
}

/// The Rust expression for a prop written as `name` or `name:anchor`.
pub fn prop_code(prop: &str) -> Option<&'static str> {
    Some(match prop {
        "mat" => "Prop::Mat",
        "towel" => "Prop::Towel",
        "chair" => "Prop::Chair",
        "wall" => "Prop::Wall",
        "bar" => "Prop::Bar",
        "cushion:hips" => "Prop::Cushion(Anchor::Hips)",
        "cushion:chest" => "Prop::Cushion(Anchor::Chest)",
        "cushion:knees" => "Prop::Cushion(Anchor::Knees)",
        "cushion:head" => "Prop::Cushion(Anchor::Head)",
        "foam-roller:hips" => "Prop::FoamRoller(Anchor::Hips)",
        "foam-roller:chest" => "Prop::FoamRoller(Anchor::Chest)",
        "foam-roller:knees" => "Prop::FoamRoller(Anchor::Knees)",
        _ => return None,
    })
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCaution {
    about: String,
    text: String,
    /// For people this caution is about, the entry does not suit at all:
    /// routines swap it for a gentler one or leave it out.
    #[serde(default)]
    avoid: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRoutine {
    id: String,
    name: String,
    summary: String,
    rest_seconds: u16,
    steps: Vec<RawStep>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStep {
    stretch: String,
    hold_seconds: Option<u16>,
    reps: Option<u8>,
    sides: Option<String>,
    rest_after_seconds: Option<u16>,
}

/// The general safety text and the warning signs.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Safety {
    pub general: SafetyGeneral,
    pub warning_signs: WarningSigns,
    pub disclaimer: Disclaimer,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SafetyGeneral {
    pub title: String,
    pub heading: String,
    pub rules: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WarningSigns {
    pub title: String,
    pub intro: String,
    pub tiers: Vec<WarningTier>,
}

/// The signs that share one kind of help, as written; `urgency` is a slug
/// resolved by [`check`].
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WarningTier {
    pub urgency: String,
    pub title: String,
    pub action: String,
    pub tell: String,
    pub signs: Vec<WarningSign>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WarningSign {
    pub sign: String,
    pub question: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Disclaimer {
    pub text: String,
}

/// A short practical article.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub sources: Vec<String>,
    pub sections: Vec<Section>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub heading: Option<String>,
    #[serde(default)]
    pub paragraphs: Vec<String>,
    #[serde(default)]
    pub items: Vec<String>,
}

/// A checked catalogue entry, with every vocabulary value resolved.
#[derive(Clone, Debug)]
pub struct Entry {
    pub number: u16,
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub kind: Kind,
    pub areas: Vec<Area>,
    pub position: Position,
    pub equipment: Vec<Equipment>,
    pub difficulty: u8,
    pub per_side: bool,
    pub movement: Movement,
    pub hold_seconds: u16,
    pub reps: u8,
    pub rep_rest_seconds: u16,
    pub tempo_seconds: Option<u8>,
    pub summary: String,
    pub steps: Vec<String>,
    pub cue: String,
    pub feel: String,
    pub mistakes: Vec<String>,
    pub cautions: Vec<(CautionAbout, String, bool)>,
    pub sources: Vec<String>,
    pub gentler: Option<String>,
    /// Props as Rust expressions (see [`prop_code`]).
    pub props: Vec<&'static str>,
    pub poses: Vec<RawPose>,
}

/// A checked built-in routine with every default filled in.
#[derive(Clone, Debug)]
pub struct RoutineEntry {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub steps: Vec<StepEntry>,
}

#[derive(Clone, Debug)]
pub struct StepEntry {
    pub stretch: String,
    pub hold_seconds: u16,
    pub reps: u8,
    pub sides: Sides,
    pub rest_after_seconds: u16,
}

/// Everything the app ships, checked.
#[derive(Clone, Debug)]
pub struct Checked {
    pub stretches: Vec<Entry>,
    pub routines: Vec<RoutineEntry>,
    pub safety: Safety,
    pub articles: Vec<Article>,
}

pub const HOLD_RANGE: std::ops::RangeInclusive<u16> = 5..=300;
pub const REPS_RANGE: std::ops::RangeInclusive<u8> = 1..=10;
pub const REST_RANGE: std::ops::RangeInclusive<u16> = 0..=60;

/// Parses and checks every file; on failure, returns every problem found (not
/// just the first), each naming its file.
pub fn check(files: &Files) -> Result<Checked, Vec<String>> {
    let mut errors = Vec::new();
    let registry: RawRegistry = match toml::from_str(&files.registry) {
        Ok(r) => r,
        Err(e) => {
            errors.push(format!("registry.toml: {e}"));
            RawRegistry {
                stretches: BTreeMap::new(),
            }
        }
    };
    let mut numbers = HashSet::new();
    for (id, number) in &registry.stretches {
        if *number == 0 || !numbers.insert(*number) {
            errors.push(format!(
                "registry.toml: {id} has a zero or repeated number {number}"
            ));
        }
    }

    let mut stretches: Vec<Entry> = Vec::new();
    for (stem, text) in &files.stretches {
        let file = format!("stretches/{stem}.toml");
        match toml::from_str::<RawStretch>(text) {
            Ok(raw) => {
                if stretches.iter().any(|s| s.id == raw.id) {
                    errors.push(format!("{file}: duplicate id {}", raw.id));
                } else if let Some(entry) = check_stretch(&file, stem, raw, &registry, &mut errors)
                {
                    stretches.push(entry);
                }
            }
            Err(e) => errors.push(format!("{file}: {e}")),
        }
    }
    let mut figures: HashMap<&str, &str> = files
        .figures
        .iter()
        .map(|(stem, text)| (stem.as_str(), text.as_str()))
        .collect();
    for entry in &mut stretches {
        let file = format!("figures/{}.toml", entry.id);
        let Some(text) = figures.remove(entry.id.as_str()) else {
            errors.push(format!("{file}: every entry needs a figure"));
            continue;
        };
        match toml::from_str::<RawFigure>(text) {
            Ok(figure) => check_figure(&file, entry, figure, &mut errors),
            Err(e) => errors.push(format!("{file}: {e}")),
        }
    }
    for orphan in figures.keys() {
        errors.push(format!("figures/{orphan}.toml: no entry has this id"));
    }
    let ids: HashMap<&str, &Entry> = stretches.iter().map(|s| (s.id.as_str(), s)).collect();
    for id in registry.stretches.keys() {
        if !ids.contains_key(id.as_str()) {
            errors.push(format!(
                "registry.toml: {id} was shipped and has no entry; ids are never removed or renamed"
            ));
        }
    }
    for entry in &stretches {
        if let Some(gentler) = &entry.gentler {
            if gentler == &entry.id || !ids.contains_key(gentler.as_str()) {
                errors.push(format!(
                    "stretches/{}.toml: gentler {gentler:?} is not another entry",
                    entry.id
                ));
            }
        }
    }

    let mut routines = Vec::new();
    let mut routine_ids = HashSet::new();
    for (stem, text) in &files.routines {
        let file = format!("routines/{stem}.toml");
        match toml::from_str::<RawRoutine>(text) {
            Ok(raw) => {
                if !routine_ids.insert(raw.id.clone()) {
                    errors.push(format!("{file}: duplicate routine id {}", raw.id));
                }
                if let Some(routine) = check_routine(&file, stem, raw, &ids, &mut errors) {
                    routines.push(routine);
                }
            }
            Err(e) => errors.push(format!("{file}: {e}")),
        }
    }

    let safety = match toml::from_str::<Safety>(&files.safety) {
        Ok(safety) => {
            check_safety(&safety, &mut errors);
            Some(safety)
        }
        Err(e) => {
            errors.push(format!("safety.toml: {e}"));
            None
        }
    };

    let mut articles = Vec::new();
    for (stem, text) in &files.articles {
        let file = format!("articles/{stem}.toml");
        match toml::from_str::<Article>(text) {
            Ok(article) => {
                if &article.id != stem || !is_kebab(&article.id) {
                    errors.push(format!(
                        "{file}: id must be kebab-case and match the file name"
                    ));
                }
                if article.sections.is_empty()
                    || article
                        .sections
                        .iter()
                        .any(|s| s.paragraphs.is_empty() && s.items.is_empty())
                {
                    errors.push(format!("{file}: every section needs paragraphs or items"));
                }
                if article.sources.is_empty()
                    || article.sources.iter().any(|s| !s.ends_with(".txt"))
                {
                    errors.push(format!("{file}: sources must name seed files"));
                }
                articles.push(article);
            }
            Err(e) => errors.push(format!("{file}: {e}")),
        }
    }

    match safety {
        Some(safety) if errors.is_empty() => {
            stretches.sort_by_key(|s| s.number);
            Ok(Checked {
                stretches,
                routines,
                safety,
                articles,
            })
        }
        _ => Err(errors),
    }
}

fn check_safety(safety: &Safety, errors: &mut Vec<String>) {
    let mut fail = |message: String| errors.push(format!("safety.toml: {message}"));
    let general = &safety.general;
    let warning = &safety.warning_signs;
    for (field, value) in [
        ("general.title", &general.title),
        ("general.heading", &general.heading),
        ("warning_signs.title", &warning.title),
        ("warning_signs.intro", &warning.intro),
    ] {
        if value.trim().is_empty() {
            fail(format!("{field} must not be empty"));
        }
    }
    if general.rules.is_empty() || general.rules.iter().any(|s| s.trim().is_empty()) {
        fail("general.rules must be a list of non-empty lines".into());
    }
    // The page, the player and the first-run check rely on one tier of each
    // urgency, most urgent first.
    let urgencies: Vec<&str> = warning.tiers.iter().map(|t| t.urgency.as_str()).collect();
    let expected: Vec<&str> = Urgency::ALL.iter().map(|u| u.slug()).collect();
    if urgencies != expected {
        fail(format!(
            "warning_signs.tiers must be exactly {expected:?}, in that order, not {urgencies:?}"
        ));
    }
    for tier in &warning.tiers {
        let urgency = &tier.urgency;
        for (field, value) in [
            ("title", &tier.title),
            ("action", &tier.action),
            ("tell", &tier.tell),
        ] {
            if value.trim().is_empty() {
                fail(format!("{urgency} tier: {field} must not be empty"));
            }
        }
        if tier.signs.is_empty() {
            fail(format!("{urgency} tier: needs at least one sign"));
        }
        for (index, sign) in tier.signs.iter().enumerate() {
            let n = index + 1;
            if sign.sign.trim().is_empty() {
                fail(format!("{urgency} tier: sign {n} must not be empty"));
            }
            let question = sign.question.trim();
            if question.len() < 2 || !question.ends_with('?') {
                fail(format!(
                    "{urgency} tier: sign {n}'s question must be a question ending with \"?\""
                ));
            }
        }
    }
}

fn check_stretch(
    file: &str,
    stem: &str,
    raw: RawStretch,
    registry: &RawRegistry,
    errors: &mut Vec<String>,
) -> Option<Entry> {
    let before = errors.len();
    let mut fail = |message: String| errors.push(format!("{file}: {message}"));
    if raw.id != stem || !is_kebab(&raw.id) {
        fail(format!(
            "id {:?} must be kebab-case and match the file name",
            raw.id
        ));
    }
    let number = registry.stretches.get(&raw.id).copied();
    if number.is_none() {
        fail("missing from registry.toml (append it with the next number)".into());
    }
    text_field(&mut fail, "name", &raw.name, 40);
    text_field(&mut fail, "summary", &raw.summary, 160);
    text_field(&mut fail, "cue", &raw.cue, 80);
    text_field(&mut fail, "feel", &raw.feel, 300);
    let kind = vocabulary(&mut fail, "kind", &raw.kind, Kind::from_slug);
    let position = vocabulary(&mut fail, "position", &raw.position, Position::from_slug);
    let movement = vocabulary(&mut fail, "movement", &raw.movement, Movement::from_slug);
    let areas = vocabulary_list(&mut fail, "areas", &raw.areas, 1..=4, Area::from_slug);
    let equipment = vocabulary_list(
        &mut fail,
        "equipment",
        &raw.equipment,
        1..=3,
        Equipment::from_slug,
    );
    if equipment.len() > 1 && equipment.contains(&Equipment::None) {
        fail("equipment \"none\" cannot be combined with other equipment".into());
    }
    if !(1..=3).contains(&raw.difficulty) {
        fail(format!("difficulty {} is outside 1-3", raw.difficulty));
    }
    if !HOLD_RANGE.contains(&raw.hold_seconds) {
        fail(format!(
            "hold_seconds {} is outside 5-300",
            raw.hold_seconds
        ));
    }
    if !REPS_RANGE.contains(&raw.reps) {
        fail(format!("reps {} is outside 1-10", raw.reps));
    }
    if !REST_RANGE.contains(&raw.rep_rest_seconds) {
        fail(format!(
            "rep_rest_seconds {} is outside 0-60",
            raw.rep_rest_seconds
        ));
    }
    match (movement, raw.tempo_seconds) {
        (Some(Movement::Static), Some(_)) => {
            fail("tempo_seconds is only for moving or breathing exercises".into())
        }
        (_, Some(t)) if !(1..=10).contains(&t) => {
            fail(format!("tempo_seconds {t} is outside 1-10"))
        }
        _ => {}
    }
    for (label, list, range) in [
        ("steps", &raw.steps, 3..=6),
        ("mistakes", &raw.mistakes, 1..=4),
        ("sources", &raw.sources, 1..=5),
    ] {
        if !range.contains(&list.len()) || list.iter().any(|s| s.trim().is_empty()) {
            fail(format!("{label} must hold {range:?} non-empty lines"));
        }
    }
    if raw.aliases.iter().any(|a| a.trim().is_empty()) {
        fail("aliases may not be empty".into());
    }
    for source in &raw.sources {
        if !source.ends_with(".txt") || source.contains('/') {
            fail(format!("source {source:?} must be a seed file name"));
        }
    }
    let mut cautions = Vec::new();
    for caution in &raw.cautions {
        let about = vocabulary(
            &mut fail,
            "cautions.about",
            &caution.about,
            CautionAbout::from_slug,
        );
        if caution.text.trim().is_empty() {
            fail("a caution needs its text".into());
        }
        if let Some(about) = about {
            cautions.push((about, caution.text.clone(), caution.avoid));
        }
    }
    if errors.len() > before {
        return None;
    }
    Some(Entry {
        number: number?,
        id: raw.id,
        name: raw.name,
        aliases: raw.aliases,
        kind: kind?,
        areas,
        position: position?,
        equipment,
        difficulty: raw.difficulty,
        per_side: raw.per_side,
        movement: movement?,
        hold_seconds: raw.hold_seconds,
        reps: raw.reps,
        rep_rest_seconds: raw.rep_rest_seconds,
        tempo_seconds: raw.tempo_seconds,
        summary: raw.summary,
        steps: raw.steps,
        cue: raw.cue,
        feel: raw.feel,
        mistakes: raw.mistakes,
        cautions,
        sources: raw.sources,
        gentler: raw.gentler,
        props: Vec::new(),
        poses: Vec::new(),
    })
}

fn check_figure(file: &str, entry: &mut Entry, figure: RawFigure, errors: &mut Vec<String>) {
    let mut fail = |message: String| errors.push(format!("{file}: {message}"));
    for prop in &figure.props {
        match prop_code(prop) {
            Some(code) => entry.props.push(code),
            None => fail(format!("props: unknown prop {prop:?}")),
        }
    }
    if !(1..=6).contains(&figure.poses.len()) {
        fail(format!("needs 1-6 poses, has {}", figure.poses.len()));
    }
    if entry.movement != Movement::Static && figure.poses.len() < 2 {
        fail("a moving exercise needs at least two poses to animate between".into());
    }
    for (n, pose) in figure.poses.iter().enumerate() {
        let angles = [
            pose.torso,
            pose.head,
            pose.near_arm[0],
            pose.near_arm[1],
            pose.far_arm[0],
            pose.far_arm[1],
            pose.near_leg[0],
            pose.near_leg[1],
            pose.far_leg[0],
            pose.far_leg[1],
            pose.near_foot.unwrap_or(0.0),
            pose.far_foot.unwrap_or(0.0),
        ];
        if angles.iter().any(|a| !a.is_finite() || a.abs() > 360.0) {
            fail(format!(
                "pose {}: angles must be degrees within ±360",
                n + 1
            ));
        }
    }
    entry.poses = figure.poses;
}

fn check_routine(
    file: &str,
    stem: &str,
    raw: RawRoutine,
    stretches: &HashMap<&str, &Entry>,
    errors: &mut Vec<String>,
) -> Option<RoutineEntry> {
    let before = errors.len();
    let mut fail = |message: String| errors.push(format!("{file}: {message}"));
    if raw.id != stem || !is_kebab(&raw.id) {
        fail(format!(
            "id {:?} must be kebab-case and match the file name",
            raw.id
        ));
    }
    text_field(&mut fail, "name", &raw.name, 60);
    text_field(&mut fail, "summary", &raw.summary, 200);
    if !REST_RANGE.contains(&raw.rest_seconds) {
        fail(format!("rest_seconds {} is outside 0-60", raw.rest_seconds));
    }
    if !(1..=40).contains(&raw.steps.len()) {
        fail(format!("needs 1-40 steps, has {}", raw.steps.len()));
    }
    let mut steps = Vec::new();
    for (index, step) in raw.steps.iter().enumerate() {
        let n = index + 1;
        let Some(entry) = stretches.get(step.stretch.as_str()) else {
            fail(format!("step {n}: unknown stretch id {:?}", step.stretch));
            continue;
        };
        let hold_seconds = step.hold_seconds.unwrap_or(entry.hold_seconds);
        let reps = step.reps.unwrap_or(entry.reps);
        let rest_after_seconds = step.rest_after_seconds.unwrap_or(raw.rest_seconds);
        if !HOLD_RANGE.contains(&hold_seconds) {
            fail(format!(
                "step {n}: hold_seconds {hold_seconds} is outside 5-300"
            ));
        }
        if !REPS_RANGE.contains(&reps) {
            fail(format!("step {n}: reps {reps} is outside 1-10"));
        }
        if !REST_RANGE.contains(&rest_after_seconds) {
            fail(format!(
                "step {n}: rest_after_seconds {rest_after_seconds} is outside 0-60"
            ));
        }
        let sides = match &step.sides {
            None => Sides::Both,
            Some(_) if !entry.per_side => {
                fail(format!("step {n}: sides is only for two-sided stretches"));
                Sides::Both
            }
            Some(slug) => {
                vocabulary(&mut fail, "sides", slug, Sides::from_slug).unwrap_or(Sides::Both)
            }
        };
        steps.push(StepEntry {
            stretch: step.stretch.clone(),
            hold_seconds,
            reps,
            sides,
            rest_after_seconds,
        });
    }
    (errors.len() == before).then_some(RoutineEntry {
        id: raw.id,
        name: raw.name,
        summary: raw.summary,
        steps,
    })
}

fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn text_field(fail: &mut impl FnMut(String), field: &str, value: &str, max: usize) {
    let length = value.chars().count();
    if value.trim().is_empty() || length > max {
        fail(format!("{field} must be 1-{max} characters, is {length}"));
    }
}

fn vocabulary<T>(
    fail: &mut impl FnMut(String),
    field: &str,
    slug: &str,
    parse: fn(&str) -> Option<T>,
) -> Option<T> {
    let value = parse(slug);
    if value.is_none() {
        fail(format!("{field}: unknown value {slug:?}"));
    }
    value
}

fn vocabulary_list<T: PartialEq>(
    fail: &mut impl FnMut(String),
    field: &str,
    slugs: &[String],
    count: std::ops::RangeInclusive<usize>,
    parse: fn(&str) -> Option<T>,
) -> Vec<T> {
    if !count.contains(&slugs.len()) {
        fail(format!(
            "{field} needs {count:?} values, has {}",
            slugs.len()
        ));
    }
    let mut values = Vec::new();
    for slug in slugs {
        if let Some(value) = vocabulary(fail, field, slug, parse) {
            if values.contains(&value) {
                fail(format!("{field}: {slug:?} is listed twice"));
            } else {
                values.push(value);
            }
        }
    }
    values
}
