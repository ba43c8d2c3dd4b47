//! Checks on what the shipped catalogue says, as opposed to its shape: that it
//! cites the seeds its facts come from, reads consistently, and keeps the
//! content fixes of issue 15 from coming back.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::source::{check, Files};
use super::*;

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds");
const CATALOGUE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/catalogue");

const S000: &str = "000_7fd7aa818f6f4d88.txt";
const S001: &str = "001_ae330b4c37e2209f.txt";
const S002: &str = "002_f9fe001670b5d609.txt";
const S003: &str = "003_4e16c8ec4da9f36c.txt";
const S004: &str = "004_ba0daa0d77463613.txt";

/// For every entry and article, each seed it cites and words that seed must
/// contain: the facts the entry takes from it. A citation without a row here,
/// or a row without a citation, fails.
const SEED_EVIDENCE: &[(&str, &str, &[&str])] = &[
    (
        "back-to-wall-slide",
        S001,
        &["away from a wall", "slide down"],
    ),
    ("bar-hang", S003, &["hanging from a bar", "pelvis drop"]),
    ("cat-cow", S001, &["stomach sag", "pregnant"]),
    ("cat-cow", S003, &["cat and cow"]),
    ("cat-cow", S004, &["cat-cow"]),
    (
        "chair-figure-four",
        S003,
        &["sit on a chair", "stress on the ankle"],
    ),
    ("childs-pose", S000, &["child", "yoga pose"]),
    ("childs-pose", S004, &["rest your forehead on a cushion"]),
    ("diaphragmatic-breathing", S000, &["deep breathing"]),
    ("diaphragmatic-breathing", S004, &["belly to fill with air"]),
    ("double-knee-to-chest", S000, &["knees to your chest"]),
    ("double-knee-to-chest", S004, &["knees to chest"]),
    ("eagle-arms", S004, &["eagle pose", "shoulder blades"]),
    ("figure-four", S000, &["ankle on top of your right thigh"]),
    (
        "figure-four",
        S004,
        &["ankle at the base of your left thigh"],
    ),
    ("glute-bridge", S001, &["bridging"]),
    ("glute-bridge", S002, &["glute bridges"]),
    ("glute-bridge", S004, &["gluteus maximus"]),
    (
        "hands-and-knees-hip-extension",
        S002,
        &["all fours", "extend your right hip"],
    ),
    (
        "hands-and-knees-reach",
        S001,
        &["hands and knees", "chest toward the floor"],
    ),
    (
        "happy-baby",
        S000,
        &["outside of each foot", "soles toward the ceiling"],
    ),
    ("knee-plank", S002, &["plank on elbows and knees"]),
    ("knee-to-chest", S000, &["pull up one knee"]),
    ("knee-to-chest", S001, &["other leg straight"]),
    ("knee-to-chest", S002, &["knee to chest"]),
    ("knee-to-chest", S004, &["knee-to-chest"]),
    (
        "knee-to-opposite-shoulder",
        S000,
        &["ankle towards your other shoulder"],
    ),
    (
        "kneeling-hip-flexor-stretch",
        S000,
        &["hip flexors", "knee on the mat"],
    ),
    ("kneeling-hip-flexor-stretch", S001, &["psoas"]),
    ("kneeling-hip-flexor-stretch", S002, &["tight hip flexors"]),
    ("legs-up-rest", S002, &["lying static leg raise"]),
    ("low-lunge-open-hip", S000, &["open the right hip"]),
    (
        "lower-trunk-rotation",
        S000,
        &["roll your bent knees to one side"],
    ),
    ("lower-trunk-rotation", S001, &["knee rolling"]),
    ("lower-trunk-rotation", S002, &["rotational stretch"]),
    ("lower-trunk-rotation", S004, &["trunk rotation"]),
    ("lying-knee-twist", S002, &["lying knee twist"]),
    ("lying-knee-twist", S004, &["twist"]),
    ("partial-crunch", S002, &["partial crunches"]),
    ("pelvic-tilt", S000, &["pelvic tilt"]),
    ("pelvic-tilt", S004, &["flatten your back"]),
    ("prone-press-up", S001, &["press up", "hips or pelvis"]),
    ("prone-press-up", S004, &["straightening your elbows"]),
    ("rock-back-to-heels", S001, &["rock backward", "heels"]),
    ("seated-crossed-leg-stretch", S003, &["cross your legs"]),
    ("seated-forward-bend", S001, &["bend at the waist"]),
    (
        "seated-forward-bend",
        S004,
        &["both legs extended out in front"],
    ),
    (
        "seated-glute-stretch",
        S001,
        &["sit on the floor", "opposite shoulder"],
    ),
    ("seated-spinal-twist", S004, &["seated spinal twist"]),
    ("seated-straddle-side-reach", S000, &["straddle"]),
    ("side-lying-flexion-rotation", S002, &["flexion rotation"]),
    ("sphinx", S001, &["elbows down into the floor"]),
    ("sphinx", S004, &["sphinx"]),
    ("staggered-stance-stretch", S004, &["one foot forward"]),
    ("standing-overhead-reach", S002, &["arms overhead"]),
    ("standing-side-bend", S004, &["trunk sideways"]),
    ("supine-hamstring-towel", S000, &["towel"]),
    ("supine-hamstring-towel", S001, &["knee very slightly bent"]),
    (
        "supported-bridge",
        S000,
        &["supported bridge", "foam roller"],
    ),
    ("supported-prone-lying", S000, &["belly flop"]),
    ("wall-hamstring-stretch", S000, &["doorjamb"]),
    ("wide-knee-childs-pose", S000, &["knees wider apart"]),
    ("wide-knee-childs-pose", S004, &["widen your knees"]),
    ("before-you-stretch", S000, &["no jerking or bouncing"]),
    ("before-you-stretch", S001, &["warm shower"]),
    ("before-you-stretch", S002, &["comfortable clothing"]),
    ("before-you-stretch", S004, &["once or twice a day"]),
    ("getting-out-of-bed", S002, &["log rolling"]),
    (
        "lifting-and-daily-habits",
        S000,
        &["lift smartly", "smoking"],
    ),
    ("lifting-and-daily-habits", S002, &["healthy weight"]),
    ("sitting-at-a-desk", S000, &["sitting at your desk"]),
    ("sitting-at-a-desk", S002, &["every 30 minutes"]),
    ("staying-active", S000, &["healthcare provider"]),
    ("staying-active", S001, &["stay in bed", "suddenly"]),
    ("staying-active", S002, &["doctors now encourage"]),
];

/// The seed articles, by file name, lowercased with typographic apostrophes
/// made plain.
fn seeds() -> BTreeMap<String, String> {
    let dir = Path::new(SEEDS);
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| {
        panic!(
            "the seed articles must be at {} to check the catalogue's sources: {e}",
            dir.display()
        )
    });
    let mut seeds = BTreeMap::new();
    for entry in entries {
        let path = entry.expect("a seed directory entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if name.ends_with(".txt") {
            let text = std::fs::read(&path).expect("read a seed");
            let text = String::from_utf8_lossy(&text)
                .to_lowercase()
                .replace('’', "'");
            seeds.insert(name.to_string(), text);
        }
    }
    assert!(!seeds.is_empty(), "no seed articles in {}", dir.display());
    seeds
}

/// Lowercase words of `text`, split at anything that is not a letter.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn stretch_text(s: &Stretch) -> Vec<&'static str> {
    let mut text = vec![s.name, s.summary, s.cue, s.feel];
    text.extend(s.aliases);
    text.extend(s.steps);
    text.extend(s.mistakes);
    text.extend(s.cautions.iter().map(|c| c.text));
    text
}

/// Every catalogue file's raw text, comments included, with its path.
fn catalogue_files() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).expect("read a catalogue folder") {
            let path = entry.expect("a catalogue entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else {
                let text = std::fs::read_to_string(&path).expect("read a catalogue file");
                out.push((path.display().to_string(), text));
            }
        }
    }
    let mut files = Vec::new();
    walk(Path::new(CATALOGUE), &mut files);
    assert!(files.len() > 40, "the catalogue seems to be missing files");
    files
}

#[test]
fn every_cited_seed_mentions_what_its_entry_takes_from_it() {
    let seeds = seeds();
    let checked = check(&Files::read(Path::new(CATALOGUE)).expect("read catalogue/"))
        .unwrap_or_else(|e| panic!("{e:#?}"));
    let mut cited: BTreeSet<(&str, &str)> = BTreeSet::new();
    for s in &checked.stretches {
        cited.extend(s.sources.iter().map(|src| (s.id.as_str(), src.as_str())));
    }
    for a in &checked.articles {
        cited.extend(a.sources.iter().map(|src| (a.id.as_str(), src.as_str())));
    }
    let evidenced: BTreeSet<(&str, &str)> = SEED_EVIDENCE
        .iter()
        .map(|(id, seed, _)| (*id, *seed))
        .collect();
    assert_eq!(
        cited.difference(&evidenced).collect::<Vec<_>>(),
        Vec::<&(&str, &str)>::new(),
        "cited without evidence: add a SEED_EVIDENCE row naming what each seed gives the entry"
    );
    assert_eq!(
        evidenced.difference(&cited).collect::<Vec<_>>(),
        Vec::<&(&str, &str)>::new(),
        "evidence for seeds the entry does not cite: cite them, or drop the rows"
    );
    for (id, seed, keywords) in SEED_EVIDENCE {
        let text = seeds
            .get(*seed)
            .unwrap_or_else(|| panic!("{id} cites {seed}, which is not in {SEEDS}"));
        for keyword in *keywords {
            assert!(
                text.contains(keyword),
                "{id} cites {seed}, which never mentions {keyword:?}"
            );
        }
    }
}

#[test]
fn no_sentence_is_copied_from_a_seed() {
    // Eight words in a row is longer than any stock phrase ("lie on your back
    // with your knees bent") yet shorter than any copied sentence.
    const RUN: usize = 8;
    let mut copied = BTreeSet::new();
    for text in seeds().values() {
        let seed = words(text);
        copied.extend(seed.windows(RUN).map(|w| w.join(" ")));
    }
    let mut ours: Vec<(&str, &str)> = Vec::new();
    for s in stretches() {
        ours.extend(stretch_text(s).into_iter().map(|t| (s.id, t)));
    }
    for r in routines() {
        ours.extend([(r.id, r.name), (r.id, r.summary)]);
    }
    for a in articles() {
        ours.extend([(a.id, a.title), (a.id, a.summary)]);
        for section in a.sections {
            ours.extend(section.heading.iter().map(|h| (a.id, *h)));
            ours.extend(section.paragraphs.iter().map(|p| (a.id, *p)));
            ours.extend(section.items.iter().map(|i| (a.id, *i)));
        }
    }
    for (id, text) in ours {
        for run in words(text).windows(RUN) {
            let run = run.join(" ");
            assert!(
                !copied.contains(&run),
                "{id}: {text:?} copies {run:?} from a seed; say it in our own words"
            );
        }
    }
}

#[test]
fn two_sided_cues_name_no_side() {
    // The cue is read on both sides, so "left" or "right" is wrong for one.
    for s in stretches().iter().filter(|s| s.per_side) {
        let cue = words(s.cue);
        assert!(
            !cue.iter().any(|w| w == "left" || w == "right"),
            "{}: two-sided cue {:?} names a side",
            s.id,
            s.cue
        );
    }
}

#[test]
fn the_closing_rest_keeps_knees_bent_with_calves_on_a_chair() {
    // A passive raise of both straight legs can bring on sciatica, and
    // swinging the legs up a wall is hard in pain; gentle routines end here.
    let rest = stretch("legs-up-rest").expect("legs-up-rest");
    assert!(rest.equipment.contains(&Equipment::Chair));
    assert!(!rest.equipment.contains(&Equipment::Wall));
    let text = stretch_text(rest).join(" ").to_lowercase();
    for absent in ["wall", "swing", "straight"] {
        assert!(
            !text.contains(absent),
            "legs-up-rest still mentions {absent:?}"
        );
    }
    let steps = rest.steps.join(" ").to_lowercase();
    for present in ["calf", "chair", "right angle"] {
        assert!(
            steps.contains(present),
            "legs-up-rest steps lack {present:?}"
        );
    }
    assert!(
        rest.cautions
            .iter()
            .any(|c| c.about == CautionAbout::LegSymptoms && c.text.contains("leg")),
        "legs-up-rest needs a caution for symptoms running down a leg"
    );
    for id in ["gentle-start", "bedtime-wind-down"] {
        let steps = routine(id).expect("a shipped routine").steps;
        assert_eq!(
            steps.last().map(|s| s.stretch),
            Some("legs-up-rest"),
            "{id}"
        );
    }
}

#[test]
fn entries_carry_the_cautions_their_movement_calls_for() {
    // (entry, kind, words its text must hold): forward bending and twisting
    // load osteoporotic bones, lying on the back may not suit later pregnancy,
    // and arching back often troubles legs that ache on standing or walking.
    const ON_BACK: &str = "lying flat on your back";
    const STANDING_OR_WALKING: &str = "stand or walk";
    let required: &[(&str, CautionAbout, &str)] = &[
        (
            "lower-trunk-rotation",
            CautionAbout::Osteoporosis,
            "osteoporosis",
        ),
        ("knee-to-chest", CautionAbout::Osteoporosis, "osteoporosis"),
        (
            "double-knee-to-chest",
            CautionAbout::Osteoporosis,
            "osteoporosis",
        ),
        (
            "seated-glute-stretch",
            CautionAbout::Osteoporosis,
            "osteoporosis",
        ),
        (
            "rock-back-to-heels",
            CautionAbout::Osteoporosis,
            "osteoporosis",
        ),
        ("partial-crunch", CautionAbout::Osteoporosis, "osteoporosis"),
        ("lower-trunk-rotation", CautionAbout::Pregnancy, ON_BACK),
        ("supine-hamstring-towel", CautionAbout::Pregnancy, ON_BACK),
        (
            "knee-to-opposite-shoulder",
            CautionAbout::Pregnancy,
            ON_BACK,
        ),
        ("sphinx", CautionAbout::LegSymptoms, STANDING_OR_WALKING),
        (
            "prone-press-up",
            CautionAbout::LegSymptoms,
            STANDING_OR_WALKING,
        ),
    ];
    for (id, about, words) in required {
        let entry = stretch(id).unwrap_or_else(|| panic!("no entry {id}"));
        assert!(
            entry
                .cautions
                .iter()
                .any(|c| c.about == *about && c.text.contains(words)),
            "{id} needs a {} caution saying {words:?}",
            about.slug()
        );
    }
}

#[test]
fn no_name_or_alias_suggests_touching_the_toes() {
    // The safety rules say to skip toe touches; a name must not invite one.
    for s in stretches() {
        for name in std::iter::once(&s.name).chain(s.aliases) {
            assert!(
                !words(name).iter().any(|w| w == "toe" || w == "toes"),
                "{}: {name:?} sounds like a toe touch",
                s.id
            );
        }
    }
}

#[test]
fn no_text_promises_safety_or_a_cure() {
    const PHRASES: &[&str] = &[
        "safe move",
        "completely safe",
        "perfectly safe",
        "totally safe",
        "100% safe",
        "guarantee",
        "pain-free",
        "risk-free",
    ];
    const WORDS: &[&str] = &[
        "cure", "cures", "cured", "curing", "heal", "heals", "healed", "healing",
    ];
    for (path, text) in catalogue_files() {
        let lower = text.to_lowercase();
        for phrase in PHRASES {
            assert!(!lower.contains(phrase), "{path} says {phrase:?}");
        }
        for word in words(&text) {
            assert!(!WORDS.contains(&word.as_str()), "{path} says {word:?}");
        }
    }
}

#[test]
fn every_cue_repeats_an_instruction_from_the_steps() {
    // The cue is all a person hears mid-hold, so it may only remind them of a
    // step, never add one. Per entry: the cue's key instruction.
    const KEY: &[(&str, &str)] = &[
        ("back-to-wall-slide", "wall"),
        ("bar-hang", "sink"),
        ("cat-cow", "round"),
        ("chair-figure-four", "knee down"),
        ("childs-pose", "forehead"),
        ("diaphragmatic-breathing", "nose"),
        ("double-knee-to-chest", "both knees"),
        ("eagle-arms", "elbows"),
        ("figure-four", "flex"),
        ("glute-bridge", "squeeze"),
        ("hands-and-knees-hip-extension", "flat"),
        ("hands-and-knees-reach", "chest"),
        ("happy-baby", "soles"),
        ("knee-plank", "straight line"),
        ("knee-to-chest", "draw the knee in"),
        ("knee-to-opposite-shoulder", "guide the knee across"),
        ("kneeling-hip-flexor-stretch", "tailbone"),
        ("legs-up-rest", "chair"),
        ("low-lunge-open-hip", "open"),
        ("lower-trunk-rotation", "shoulders"),
        ("lying-knee-twist", "shoulder"),
        ("partial-crunch", "belly"),
        ("pelvic-tilt", "flat"),
        ("prone-press-up", "hips"),
        ("rock-back-to-heels", "rock"),
        ("seated-crossed-leg-stretch", "ease"),
        ("seated-forward-bend", "with your chest"),
        ("seated-glute-stretch", "sit tall"),
        ("seated-spinal-twist", "grow tall"),
        ("seated-straddle-side-reach", "lean"),
        ("side-lying-flexion-rotation", "top shoulder"),
        ("sphinx", "forearms"),
        ("staggered-stance-stretch", "heel"),
        ("standing-overhead-reach", "ribs"),
        ("standing-side-bend", "lean"),
        ("supine-hamstring-towel", "head and shoulders"),
        ("supported-bridge", "support"),
        ("supported-prone-lying", "cushion"),
        ("wall-hamstring-stretch", "wall"),
        ("wide-knee-childs-pose", "soften"),
    ];
    // Whatever the cue says about the feet must be in the steps too.
    const FEET: &[&str] = &[
        "foot", "feet", "flex", "heel", "heels", "sole", "soles", "toes",
    ];
    for s in stretches() {
        let cue = s.cue.to_lowercase();
        let steps = s.steps.join(" ").to_lowercase();
        let (_, key) = KEY
            .iter()
            .find(|(id, _)| *id == s.id)
            .unwrap_or_else(|| panic!("{}: add its cue's key instruction to KEY", s.id));
        assert!(cue.contains(key), "{}: cue {:?} lacks {key:?}", s.id, s.cue);
        assert!(steps.contains(key), "{}: steps never say {key:?}", s.id);
        let step_words = words(&steps);
        for word in words(&cue).iter().filter(|w| FEET.contains(&w.as_str())) {
            assert!(
                step_words.contains(word),
                "{}: cue says {word:?}, the steps don't",
                s.id
            );
        }
    }
    assert!(
        KEY.iter().all(|(id, _)| stretch(id).is_some()),
        "KEY names an entry that does not exist"
    );
}

#[test]
fn knee_plank_lifts_the_feet_before_the_hips() {
    // Lifting the hips with the feet still down is a full plank on the toes.
    let steps = stretch("knee-plank").expect("knee-plank").steps;
    let position = |words: &str| {
        steps
            .iter()
            .position(|s| s.to_lowercase().contains(words))
            .unwrap_or_else(|| panic!("no knee-plank step says {words:?}"))
    };
    assert!(position("lift your feet") < position("hips off the floor"));
}

/// How far off the floor a position is: 0 lying, up to standing and hanging.
fn level(position: Position) -> u8 {
    match position {
        Position::LyingOnBack | Position::LyingOnFront | Position::SideLying => 0,
        Position::HandsAndKnees => 1,
        Position::Kneeling | Position::SeatedFloor => 2,
        Position::SeatedChair => 3,
        Position::Standing | Position::Hanging => 4,
    }
}

#[test]
fn every_routine_gets_down_and_up_at_most_once() {
    // Getting down to the floor and back up is the hard part with a sore
    // back: once a routine starts rising it may not go back down.
    for r in routines() {
        let levels: Vec<(&str, u8)> = r
            .steps
            .iter()
            .map(|step| {
                let entry = stretch(step.stretch).expect("checked by the build");
                (step.stretch, level(entry.position))
            })
            .collect();
        let mut risen = false;
        for pair in levels.windows(2) {
            let ((_, from), (to_id, to)) = (pair[0], pair[1]);
            risen |= to > from;
            assert!(
                !(risen && to < from),
                "{}: goes back down to {to_id} after getting up: {levels:?}",
                r.id
            );
        }
    }
}

#[test]
fn morning_mobility_starts_without_rounding_the_back() {
    // A back is stiffest just after waking; flexion waits until it has moved.
    const ROUNDS_THE_BACK: &[&str] = &[
        "knee-to-chest",
        "double-knee-to-chest",
        "childs-pose",
        "wide-knee-childs-pose",
        "cat-cow",
        "rock-back-to-heels",
        "happy-baby",
        "partial-crunch",
        "seated-forward-bend",
    ];
    let steps = routine("morning-mobility").expect("morning-mobility").steps;
    for step in &steps[..3] {
        assert!(
            !ROUNDS_THE_BACK.contains(&step.stretch),
            "morning-mobility rounds the back early with {}",
            step.stretch
        );
    }
}

#[test]
fn the_catalogue_uses_american_spelling() {
    // Word beginnings, so inflections are caught too ("colour" in "coloured").
    const BRITISH: &[&str] = &[
        "colour",
        "centre",
        "favour",
        "flavour",
        "behaviour",
        "neighbour",
        "honour",
        "labour",
        "humour",
        "rumour",
        "odour",
        "programme",
        "tyre",
        "grey",
        "metre",
        "litre",
        "fibre",
        "theatre",
        "realise",
        "realisi",
        "realisation",
        "organise",
        "organisi",
        "organisation",
        "recognise",
        "recognisi",
        "apologise",
        "minimise",
        "maximise",
        "emphasise",
        "prioritise",
        "stabilise",
        "stabilisation",
        "mobilise",
        "mobilisation",
        "personalise",
        "customise",
        "visualise",
        "memorise",
        "optimise",
        "utilise",
        "analyse",
        "paralyse",
        "travelled",
        "travelling",
        "traveller",
        "cancelled",
        "cancelling",
        "labelled",
        "labelling",
        "modelled",
        "levelled",
        "enrolment",
        "fulfilment",
        "skilful",
        "practise",
        "licence",
        "defence",
        "offence",
        "sceptic",
        "mould",
        "manoeuvr",
        "ageing",
        "whilst",
        "amongst",
        "towards",
        "afterwards",
        "learnt",
        "oedema",
        "anaesth",
        "haemo",
        "orthopaedic",
        "paediatric",
        "foetus",
        "judgement",
        "storey",
        "aluminium",
        "pyjama",
        "cosy",
        "jewellery",
    ];
    for (path, text) in catalogue_files() {
        for word in words(&text) {
            if let Some(british) = BRITISH.iter().find(|b| word.starts_with(*b)) {
                panic!("{path}: {word:?} is British spelling ({british})");
            }
        }
    }
}
