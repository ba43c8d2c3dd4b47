//! Searching and filtering the catalogue. The filter lives in the URL query
//! (`/stretches?q=knee&position=seated-chair`), so a filtered view can be
//! bookmarked or shared; this module converts both ways.

use super::catalogue::{Area, Equipment, Kind, Position, Stretch};

/// Text search plus facets. Values within a facet widen the match (any of
/// them); facets narrow it (all of them).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub text: String,
    pub areas: Vec<Area>,
    pub positions: Vec<Position>,
    pub equipment: Vec<Equipment>,
    pub kinds: Vec<Kind>,
    pub difficulties: Vec<u8>,
}

impl Filter {
    /// Reads a filter from query parameters. Unknown values are dropped, so an
    /// old or hand-edited link still shows something sensible.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Self {
        fn list<T: PartialEq>(raw: Option<String>, parse: impl Fn(&str) -> Option<T>) -> Vec<T> {
            let mut values = Vec::new();
            for value in raw
                .unwrap_or_default()
                .split(',')
                .filter_map(|s| parse(s.trim()))
            {
                if !values.contains(&value) {
                    values.push(value);
                }
            }
            values
        }
        Self {
            text: get("q").unwrap_or_default().trim().to_string(),
            areas: list(get("area"), Area::from_slug),
            positions: list(get("position"), Position::from_slug),
            equipment: list(get("equipment"), Equipment::from_slug),
            kinds: list(get("kind"), Kind::from_slug),
            difficulties: list(get("difficulty"), |s| {
                s.parse::<u8>().ok().filter(|d| (1..=3).contains(d))
            }),
        }
    }

    /// The query string for this filter, with its leading `?`, or "" when empty.
    pub fn to_query(&self) -> String {
        fn join<T: Copy>(values: &[T], slug: impl Fn(T) -> String) -> String {
            values
                .iter()
                .map(|v| slug(*v))
                .collect::<Vec<_>>()
                .join(",")
        }
        let pairs = [
            ("q", percent_encode(self.text.trim())),
            ("area", join(&self.areas, |a| a.slug().to_string())),
            ("position", join(&self.positions, |p| p.slug().to_string())),
            ("equipment", join(&self.equipment, |e| e.slug().to_string())),
            ("kind", join(&self.kinds, |k| k.slug().to_string())),
            ("difficulty", join(&self.difficulties, |d| d.to_string())),
        ];
        let query: Vec<String> = pairs
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        if query.is_empty() {
            String::new()
        } else {
            format!("?{}", query.join("&"))
        }
    }

    /// How many facet values are chosen (the text search is not counted).
    pub fn facet_count(&self) -> usize {
        self.areas.len()
            + self.positions.len()
            + self.equipment.len()
            + self.kinds.len()
            + self.difficulties.len()
    }

    /// Whether `stretch` passes every part of the filter.
    pub fn matches(&self, stretch: &Stretch) -> bool {
        fn any<T: PartialEq>(wanted: &[T], has: impl Fn(&T) -> bool) -> bool {
            wanted.is_empty() || wanted.iter().any(has)
        }
        any(&self.areas, |a| stretch.areas.contains(a))
            && any(&self.positions, |p| *p == stretch.position)
            && any(&self.equipment, |e| stretch.equipment.contains(e))
            && any(&self.kinds, |k| *k == stretch.kind)
            && any(&self.difficulties, |d| *d == stretch.difficulty)
            && self.matches_text(stretch)
    }

    fn matches_text(&self, stretch: &Stretch) -> bool {
        let query = normalize(&self.text);
        if query.is_empty() {
            return true;
        }
        let mut haystack = normalize(stretch.name);
        for alias in stretch.aliases {
            haystack.push(' ');
            haystack.push_str(&normalize(alias));
        }
        query.split(' ').all(|word| haystack.contains(word))
    }
}

/// Adds `value` to `list`, or removes it if present.
pub fn toggle<T: PartialEq>(list: &mut Vec<T>, value: T) {
    match list.iter().position(|v| *v == value) {
        Some(i) => {
            list.remove(i);
        }
        None => list.push(value),
    }
}

/// Lowercase words separated by single spaces, so "Knee-to-chest" and
/// "knee to  chest" compare equal.
fn normalize(text: &str) -> String {
    let mapped: String = text
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::{self, stretches};
    use std::collections::HashMap;

    fn query(pairs: &[(&str, &str)]) -> Filter {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Filter::from_query(|k| map.get(k).cloned())
    }

    fn ids(filter: &Filter) -> Vec<&'static str> {
        stretches()
            .iter()
            .filter(|s| filter.matches(s))
            .map(|s| s.id)
            .collect()
    }

    #[test]
    fn query_strings_round_trip() {
        let cases = [
            (vec![], ""),
            (vec![("q", "knee hug")], "?q=knee%20hug"),
            (
                vec![("position", "seated-chair"), ("equipment", "chair")],
                "?position=seated-chair&equipment=chair",
            ),
            (
                vec![("area", "hips,glutes"), ("difficulty", "1,3")],
                "?area=hips,glutes&difficulty=1,3",
            ),
            (
                vec![("kind", "strength"), ("q", "bridge")],
                "?q=bridge&kind=strength",
            ),
        ];
        for (pairs, expected) in cases {
            let filter = query(&pairs);
            assert_eq!(filter.to_query(), expected);
        }
    }

    #[test]
    fn unknown_and_repeated_values_are_dropped() {
        let filter = query(&[
            ("area", "hips,elbows,hips"),
            ("difficulty", "0,2,9,x"),
            ("kind", ""),
        ]);
        assert_eq!(filter.areas, vec![Area::Hips]);
        assert_eq!(filter.difficulties, vec![2]);
        assert!(filter.kinds.is_empty());
        assert_eq!(filter.facet_count(), 2);
    }

    #[test]
    fn an_empty_filter_matches_everything() {
        assert_eq!(ids(&Filter::default()).len(), stretches().len());
    }

    #[test]
    fn search_finds_names_and_aliases_whatever_the_punctuation() {
        let cases = [
            ("Knee to chest", "knee-to-chest"),
            ("piriformis", "figure-four"),
            ("belly flop", "supported-prone-lying"),
            ("CAT   cow", "cat-cow"),
        ];
        for (text, id) in cases {
            let found = ids(&Filter {
                text: text.into(),
                ..Filter::default()
            });
            assert!(
                found.contains(&id),
                "{text:?} should find {id}, found {found:?}"
            );
        }
        let none = Filter {
            text: "zzzz".into(),
            ..Filter::default()
        };
        assert!(ids(&none).is_empty());
    }

    #[test]
    fn facets_narrow_and_values_widen() {
        let chair = query(&[("position", "seated-chair"), ("equipment", "chair")]);
        for stretch in stretches() {
            let expected = stretch.position == Position::SeatedChair
                && stretch.equipment.contains(&Equipment::Chair);
            assert_eq!(chair.matches(stretch), expected, "{}", stretch.id);
        }
        let one = ids(&query(&[("position", "standing")])).len();
        let two = ids(&query(&[("position", "standing,kneeling")])).len();
        assert!(two > one, "a second value must widen the result");
    }

    #[test]
    fn toggling_adds_then_removes() {
        let mut list = vec![Kind::Stretch];
        toggle(&mut list, Kind::Rest);
        assert_eq!(list, vec![Kind::Stretch, Kind::Rest]);
        toggle(&mut list, Kind::Stretch);
        assert_eq!(list, vec![Kind::Rest]);
        assert!(catalogue::stretch("cat-cow").is_some());
    }
}
