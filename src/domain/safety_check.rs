//! The safety check: the warning signs asked as yes/no questions before a
//! first routine, and what the answers mean. It never stops anyone reading;
//! it only decides whether a routine starts straight away.

use super::catalogue::{self, Urgency, WarningTier};
use super::json::{self, Fields, FromJson, Json, JsonError, ToJson};

/// The last time the person went through the check, and what it found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SafetyCheck {
    /// When it was answered (epoch ms).
    pub at: u64,
    /// The most urgent kind of help an answer called for; `None` when every
    /// answer was no.
    pub outcome: Option<Urgency>,
}

/// The most urgent tier with a yes, if any.
pub fn outcome(answers: &[(Urgency, bool)]) -> Option<Urgency> {
    answers
        .iter()
        .filter(|(_, yes)| *yes)
        .map(|(u, _)| *u)
        .min()
}

/// Whether a routine should go through the check before it starts: never
/// checked, or the last check called for emergency help (an answer to change
/// before exercising, not a result to live with).
pub fn check_before_starting(last: Option<&SafetyCheck>) -> bool {
    match last {
        None => true,
        Some(check) => check.outcome == Some(Urgency::Emergency),
    }
}

/// The help an outcome calls for, as the safety text words it.
pub fn help_for(outcome: Urgency) -> Option<&'static WarningTier> {
    catalogue::safety().tier(outcome)
}

/// Where to go after the check: `next` when it is a path inside the app,
/// else home. A link must not send anyone to another site.
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(path) if path.starts_with('/') && !path.starts_with("//") && !path.contains('\\') => {
            path.to_string()
        }
        _ => "/".to_string(),
    }
}

impl ToJson for SafetyCheck {
    fn write_json(&self, out: &mut String) {
        let outcome = self.outcome.map(|u| u.slug().to_string());
        json::write_object(out, &[("at", &self.at), ("outcome", &outcome)]);
    }
}

impl FromJson for SafetyCheck {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let f = Fields::of(value, "safety check")?;
        let outcome: Option<String> = f.get("outcome")?;
        let outcome = match outcome {
            None => None,
            Some(slug) => Some(
                Urgency::from_slug(&slug)
                    .ok_or_else(|| JsonError::shape(format!("unknown urgency {slug}")))?,
            ),
        };
        Ok(Self {
            at: f.get("at")?,
            outcome,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Urgency::*;

    #[test]
    fn the_most_urgent_yes_decides() {
        type Answers = &'static [(Urgency, bool)];
        let cases: &[(Answers, Option<Urgency>)] = &[
            (&[], None),
            (
                &[(Emergency, false), (Urgent, false), (Routine, false)],
                None,
            ),
            (
                &[(Emergency, false), (Urgent, false), (Routine, true)],
                Some(Routine),
            ),
            (
                &[(Emergency, false), (Urgent, true), (Routine, true)],
                Some(Urgent),
            ),
            (
                &[(Emergency, true), (Urgent, false), (Routine, true)],
                Some(Emergency),
            ),
            (&[(Routine, true), (Emergency, true)], Some(Emergency)),
        ];
        for (answers, expected) in cases {
            assert_eq!(outcome(answers), *expected, "{answers:?}");
        }
    }

    #[test]
    fn a_routine_waits_for_the_check_only_when_never_done_or_an_emergency() {
        let at = |outcome| SafetyCheck { at: 1, outcome };
        let cases = [
            (None, true),
            (Some(at(None)), false),
            (Some(at(Some(Routine))), false),
            (Some(at(Some(Urgent))), false),
            (Some(at(Some(Emergency))), true),
        ];
        for (last, expected) in cases {
            assert_eq!(check_before_starting(last.as_ref()), expected, "{last:?}");
        }
    }

    #[test]
    fn every_outcome_names_its_help() {
        for urgency in Urgency::ALL {
            let tier = help_for(*urgency).expect("a tier for each urgency");
            assert!(!tier.action.is_empty() && !tier.tell.is_empty());
        }
    }

    #[test]
    fn after_the_check_only_paths_inside_the_app_are_followed() {
        let cases = [
            (None, "/"),
            (Some("/play/desk-break"), "/play/desk-break"),
            (
                Some("/play/stretch/cat-cow?hold=20"),
                "/play/stretch/cat-cow?hold=20",
            ),
            (Some("https://example.com"), "/"),
            (Some("//example.com/x"), "/"),
            (Some("/\\example.com"), "/"),
            (Some("javascript:alert(1)"), "/"),
            (Some(""), "/"),
        ];
        for (next, expected) in cases {
            assert_eq!(safe_next(next), expected, "{next:?}");
        }
    }

    #[test]
    fn a_check_round_trips_and_a_bad_one_is_refused() {
        for check in [
            SafetyCheck {
                at: 7,
                outcome: None,
            },
            SafetyCheck {
                at: 1_780_000_000_000,
                outcome: Some(Urgent),
            },
        ] {
            let text = check.to_json_string();
            let back = SafetyCheck::from_json(&json::parse(&text).expect("json"));
            assert_eq!(back, Ok(check));
        }
        let bad = json::parse(r#"{"at":1,"outcome":"soon"}"#).expect("json");
        assert!(SafetyCheck::from_json(&bad).is_err());
    }
}
