//! What one played session leaves behind, for history and progress.

use super::engine::{Engine, Outcome};
use super::json::{self, Fields, FromJson, Json, JsonError, ToJson};
use super::routine::Routine;

/// A finished (or ended) session, as the progress feature stores it.
/// Fields added later must be read with a default (`Fields::get_or`, or an
/// `Option`) so older history loads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionRecord {
    /// The routine's id (built-in, saved, or `stretch:<id>` for a single stretch).
    pub routine_id: String,
    pub routine_name: String,
    /// Wall-clock start, milliseconds since the Unix epoch.
    pub started_at: u64,
    /// Time actually spent in the routine, in milliseconds.
    pub active_ms: u64,
    /// Ids of exercises with at least one full hold.
    pub done: Vec<String>,
    /// Ids of exercises reached but skipped or cut short.
    pub skipped: Vec<String>,
    /// Ids of exercises marked "This hurts".
    pub hurt: Vec<String>,
    /// 0 (no pain) to 10, if the person answered.
    pub pain_before: Option<u8>,
    pub pain_after: Option<u8>,
}

impl ToJson for SessionRecord {
    fn write_json(&self, out: &mut String) {
        json::write_object(
            out,
            &[
                ("routine_id", &self.routine_id),
                ("routine_name", &self.routine_name),
                ("started_at", &self.started_at),
                ("active_ms", &self.active_ms),
                ("done", &self.done),
                ("skipped", &self.skipped),
                ("hurt", &self.hurt),
                ("pain_before", &self.pain_before),
                ("pain_after", &self.pain_after),
            ],
        );
    }
}

impl FromJson for SessionRecord {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let f = Fields::of(value, "session")?;
        Ok(Self {
            routine_id: f.get("routine_id")?,
            routine_name: f.get("routine_name")?,
            started_at: f.get("started_at")?,
            active_ms: f.get("active_ms")?,
            done: f.get("done")?,
            skipped: f.get("skipped")?,
            hurt: f.get("hurt")?,
            pain_before: f.get("pain_before")?,
            pain_after: f.get("pain_after")?,
        })
    }
}

impl SessionRecord {
    /// Whether two records are the same session (one tab's copy of the
    /// other's): same routine, started at the same millisecond.
    pub fn same_session(&self, other: &Self) -> bool {
        self.started_at == other.started_at && self.routine_id == other.routine_id
    }

    /// Sums up a session from the engine at `now`.
    pub fn from_engine(routine: &Routine, engine: &Engine, now: u64, started_at: u64) -> Self {
        let mut done = Vec::new();
        let mut skipped = Vec::new();
        for (step, outcome) in routine.steps.iter().zip(engine.outcomes()) {
            let id = step.stretch.id.to_string();
            let list = match outcome {
                Outcome::Done => &mut done,
                Outcome::Skipped => &mut skipped,
                Outcome::NotReached => continue,
            };
            if !list.contains(&id) {
                list.push(id);
            }
        }
        Self {
            routine_id: routine.id.clone(),
            routine_name: routine.name.clone(),
            started_at,
            active_ms: engine.active_ms(now),
            done,
            skipped,
            hurt: Vec::new(),
            pain_before: None,
            pain_after: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::{Plan, Timing};

    #[test]
    fn a_record_lists_done_and_skipped_exercises_and_time_spent() {
        let routine = Routine::builtin("desk-break").expect("shipped");
        let mut engine = Engine::new(Plan::new(&routine, &Timing::default()));
        engine.start(0);
        let first_hold_end = engine.segments()[0].duration_ms + engine.segments()[1].duration_ms;
        engine.advance(first_hold_end);
        engine.skip_exercise(first_hold_end + 100);
        engine.skip_exercise(first_hold_end + 200);
        let record =
            SessionRecord::from_engine(&routine, &engine, first_hold_end + 200, 1_700_000_000_000);
        assert_eq!(record.done, vec![routine.steps[0].stretch.id.to_string()]);
        // The second exercise was skipped; the third was entered and cut short.
        let skipped: Vec<String> = routine.steps[1..3]
            .iter()
            .map(|s| s.stretch.id.to_string())
            .collect();
        assert_eq!(record.skipped, skipped);
        assert_eq!(record.routine_id, "desk-break");
        assert_eq!(record.active_ms, first_hold_end + 200);
    }

    #[test]
    fn skipping_through_counts_the_time_spent_not_the_routine_length() {
        let routine = Routine::builtin("desk-break").expect("shipped");
        let mut engine = Engine::new(Plan::new(&routine, &Timing::default()));
        engine.start(0);
        let mut now = 0;
        while engine.index().is_some() {
            now += 100;
            engine.skip_exercise(now);
        }
        let record = SessionRecord::from_engine(&routine, &engine, now + 10_000, 0);
        assert_eq!(record.active_ms, now);
        assert!(engine.elapsed_total(now) > 60_000, "what it used to count");
    }
}
