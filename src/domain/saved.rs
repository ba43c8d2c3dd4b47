//! The person's own routines, stored under one key. Every change is an
//! operation applied to what is stored at that moment (read-modify-write),
//! so two tabs saving or deleting at once never undo each other.

use super::catalogue::{self, Sides};
use super::json::{self, Fields, FromJson, Json, JsonError, ToJson};
use super::routine::{Custom, Routine, Step};
use super::storage::{load_envelope, save_envelope, LoadError, Loaded};

/// Where saved routines live.
pub const ROUTINES_KEY: &str = "limber/routines";
/// The version this build reads and writes.
pub const ROUTINES_VERSION: u32 = 1;
/// Saved routine ids start with this, so they never meet a built-in id.
pub const ID_PREFIX: &str = "mine-";

/// One step as stored: the stretch by id, so the file reads on its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedStep {
    pub stretch: String,
    pub hold_seconds: u16,
    pub reps: u8,
    /// `both`, `left` or `right`.
    pub sides: String,
    pub rest_after_seconds: u16,
}

impl SavedStep {
    /// `step` as stored.
    pub fn of(step: &Step) -> Self {
        Self {
            stretch: step.stretch.id.to_string(),
            hold_seconds: step.hold_seconds,
            reps: step.reps,
            sides: step.sides.slug().to_string(),
            rest_after_seconds: step.rest_after_seconds,
        }
    }

    /// The step again, or `None` if it names a stretch or side this build
    /// lacks (stored by a newer Limber, or before an update changed the
    /// catalogue).
    pub fn to_step(&self) -> Option<Step> {
        Some(Step {
            stretch: catalogue::stretch(&self.stretch)?,
            hold_seconds: self.hold_seconds,
            reps: self.reps,
            sides: Sides::from_slug(&self.sides)?,
            rest_after_seconds: self.rest_after_seconds,
        })
    }
}

/// A routine the person saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedRoutine {
    /// `mine-<epoch ms of creation>`.
    pub id: String,
    pub name: String,
    pub rest_seconds: u16,
    pub steps: Vec<SavedStep>,
    /// Last change, epoch ms.
    pub updated_at: u64,
}

impl SavedRoutine {
    /// `custom` stored under `id` at `now_ms`.
    pub fn new(id: &str, custom: &Custom, now_ms: u64) -> Self {
        Self {
            id: id.to_string(),
            name: custom.name.trim().to_string(),
            rest_seconds: custom.rest_seconds,
            steps: custom.steps.iter().map(SavedStep::of).collect(),
            updated_at: now_ms,
        }
    }

    /// The routine to edit, or `None` if it names a stretch this build
    /// lacks (a routine saved by a newer Limber, imported here).
    pub fn to_custom(&self) -> Option<Custom> {
        let steps = self
            .steps
            .iter()
            .map(SavedStep::to_step)
            .collect::<Option<Vec<_>>>()?;
        Some(Custom {
            name: self.name.clone(),
            rest_seconds: self.rest_seconds,
            steps,
        })
    }

    /// The routine to show and play.
    pub fn to_routine(&self) -> Option<Routine> {
        Some(self.to_custom()?.to_routine(&self.id))
    }
}

/// Every saved routine, newest change first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Routines {
    pub items: Vec<SavedRoutine>,
}

impl ToJson for SavedStep {
    fn write_json(&self, out: &mut String) {
        json::write_object(
            out,
            &[
                ("stretch", &self.stretch),
                ("hold_seconds", &self.hold_seconds),
                ("reps", &self.reps),
                ("sides", &self.sides),
                ("rest_after_seconds", &self.rest_after_seconds),
            ],
        );
    }
}

impl FromJson for SavedStep {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let f = Fields::of(value, "step")?;
        Ok(Self {
            stretch: f.get("stretch")?,
            hold_seconds: f.get("hold_seconds")?,
            reps: f.get("reps")?,
            sides: f.get("sides")?,
            rest_after_seconds: f.get("rest_after_seconds")?,
        })
    }
}

impl ToJson for SavedRoutine {
    fn write_json(&self, out: &mut String) {
        json::write_object(
            out,
            &[
                ("id", &self.id),
                ("name", &self.name),
                ("rest_seconds", &self.rest_seconds),
                ("steps", &self.steps),
                ("updated_at", &self.updated_at),
            ],
        );
    }
}

impl FromJson for SavedRoutine {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let f = Fields::of(value, "routine")?;
        Ok(Self {
            id: f.get("id")?,
            name: f.get("name")?,
            rest_seconds: f.get("rest_seconds")?,
            steps: f.get("steps")?,
            updated_at: f.get("updated_at")?,
        })
    }
}

impl ToJson for Routines {
    fn write_json(&self, out: &mut String) {
        json::write_object(out, &[("items", &self.items)]);
    }
}

impl FromJson for Routines {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let f = Fields::of(value, "routines")?;
        Ok(Self {
            items: f.get("items")?,
        })
    }
}

impl Routines {
    /// The saved routine with this id.
    pub fn get(&self, id: &str) -> Option<&SavedRoutine> {
        self.items.iter().find(|r| r.id == id)
    }

    /// A saved routine with this name (names are how a person tells them apart).
    pub fn named(&self, name: &str) -> Option<&SavedRoutine> {
        let name = name.trim();
        self.items
            .iter()
            .find(|r| r.name.eq_ignore_ascii_case(name))
    }

    /// Applies `change`, keeping newest changes first.
    pub fn apply(&mut self, change: &Change) {
        match change {
            Change::Put(routine) => {
                self.items.retain(|r| r.id != routine.id);
                self.items.push(routine.clone());
            }
            Change::Delete(id) => self.items.retain(|r| &r.id != id),
        }
        self.items
            .sort_by(|a, b| b.updated_at.cmp(&a.updated_at).then(a.id.cmp(&b.id)));
    }

    /// Both lists; where both hold an id, the later change wins.
    pub fn merge(&self, other: &Self) -> Self {
        let mut merged = self.clone();
        for routine in &other.items {
            if merged
                .get(&routine.id)
                .is_none_or(|mine| mine.updated_at < routine.updated_at)
            {
                merged.apply(&Change::Put(routine.clone()));
            }
        }
        merged
    }
}

/// One change to the saved routines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// Add or replace by id.
    Put(SavedRoutine),
    Delete(String),
}

/// Reads stored routines of any version this build knows.
pub fn load_routines(text: &str) -> Result<Loaded<Routines>, LoadError> {
    load_envelope(text, ROUTINES_VERSION)
}

/// The stored text of `routines` at `rev`.
pub fn save_routines(rev: u64, routines: &Routines) -> String {
    save_envelope(ROUTINES_VERSION, rev, routines)
}

/// Applies `change` to what is stored now (`None`: nothing yet). Returns the
/// text to write and the routines it holds, or `Err` with the stored text
/// when that is unreadable and must be set aside first.
pub fn commit(stored: Option<&str>, change: &Change) -> Result<(String, Loaded<Routines>), String> {
    let mut current = match stored.map(load_routines) {
        None => Loaded {
            rev: 0,
            data: Routines::default(),
        },
        Some(Ok(loaded)) => loaded,
        Some(Err(_)) => return Err(stored.unwrap_or_default().to_string()),
    };
    current.data.apply(change);
    current.rev += 1;
    Ok((save_routines(current.rev, &current.data), current))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::storage::tests::{blobs, fixture, recovers_without_loss, Rng};

    fn custom(name: &str) -> Custom {
        let mut step = Step::default_for(catalogue::stretch("figure-four").expect("shipped"));
        step.sides = Sides::Left;
        Custom {
            name: name.into(),
            rest_seconds: 15,
            steps: vec![
                step,
                Step::default_for(catalogue::stretch("cat-cow").expect("shipped")),
            ],
        }
    }

    #[test]
    fn a_saved_routine_comes_back_as_it_was_made() {
        let made = custom("Evening");
        let saved = SavedRoutine::new("mine-1", &made, 5);
        let text = save_routines(
            2,
            &Routines {
                items: vec![saved.clone()],
            },
        );
        let loaded = load_routines(&text).expect("round trip");
        assert_eq!(loaded.data.items, vec![saved]);
        assert_eq!(loaded.data.items[0].to_custom(), Some(made));
        let shipped = load_routines(&fixture("storage/routines-v1.json"))
            .expect("v1 loads")
            .data;
        assert_eq!(shipped.items[0].name, "Evening unwind");
        assert!(shipped.items[0].to_routine().is_some());
    }

    #[test]
    fn two_tabs_changing_routines_at_once_keep_every_change() {
        let mut rng = Rng(11);
        for _ in 0..200 {
            let mut stored: Option<String> = None;
            let mut expected = Routines::default();
            for n in 0..12u64 {
                let change = if n > 2 && rng.below(3) == 0 {
                    Change::Delete(format!("mine-{}", rng.below(n)))
                } else {
                    Change::Put(SavedRoutine::new(&format!("mine-{n}"), &custom("R"), n))
                };
                // Whichever tab writes, it applies its change to what is stored now.
                let (text, _) = commit(stored.as_deref(), &change).expect("readable");
                stored = Some(text);
                expected.apply(&change);
            }
            let kept = load_routines(stored.as_deref().unwrap_or_default()).expect("readable");
            assert_eq!(kept.data, expected);
        }
    }

    #[test]
    fn merging_keeps_the_later_change_of_each_routine() {
        let old = SavedRoutine::new("mine-1", &custom("Old name"), 1);
        let new = SavedRoutine::new("mine-1", &custom("New name"), 9);
        let other = SavedRoutine::new("mine-2", &custom("Other"), 3);
        let a = Routines {
            items: vec![old.clone(), other.clone()],
        };
        let b = Routines {
            items: vec![new.clone()],
        };
        assert_eq!(a.merge(&b).items, vec![new.clone(), other.clone()]);
        assert_eq!(b.merge(&a).items, vec![new, other]);
        assert_eq!(a.named(" old NAME ").map(|r| r.id.as_str()), Some("mine-1"));
    }

    #[test]
    fn ten_thousand_random_and_truncated_blobs_never_panic_or_get_written_over() {
        let valid = save_routines(
            1,
            &Routines {
                items: vec![SavedRoutine::new("mine-1", &custom("Evening"), 1)],
            },
        );
        for blob in blobs(&valid, 0x2047_1ee5) {
            recovers_without_loss(ROUTINES_KEY, &blob, load_routines);
            if load_routines(&blob).is_err() {
                assert_eq!(
                    commit(Some(&blob), &Change::Delete("mine-1".into())),
                    Err(blob.clone())
                );
            }
        }
    }
}
