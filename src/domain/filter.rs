//! Searching and filtering the catalogue. The filter lives in the URL query
//! (`/stretches?q=knee&position=seated-chair`), so a filtered view can be
//! bookmarked or shared; this module converts both ways.

use super::catalogue::{stretches, Area, Equipment, Kind, Position, Stretch};
use super::search;

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
            text: get("q").unwrap_or_default(),
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
            ("q", percent_encode(&self.text)),
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

    /// Whether the facet named by its query key (`area`, `position`, ...) has `slug` chosen.
    pub fn has(&self, key: &str, slug: &str) -> bool {
        match key {
            "area" => self.areas.iter().any(|v| v.slug() == slug),
            "position" => self.positions.iter().any(|v| v.slug() == slug),
            "equipment" => self.equipment.iter().any(|v| v.slug() == slug),
            "kind" => self.kinds.iter().any(|v| v.slug() == slug),
            "difficulty" => self.difficulties.iter().any(|v| v.to_string() == slug),
            _ => false,
        }
    }

    /// Chooses `slug` in the facet named `key`, or unchooses it. Unknown keys
    /// and slugs change nothing.
    pub fn toggle(&mut self, key: &str, slug: &str) {
        match key {
            "area" => Area::from_slug(slug).map(|v| toggle(&mut self.areas, v)),
            "position" => Position::from_slug(slug).map(|v| toggle(&mut self.positions, v)),
            "equipment" => Equipment::from_slug(slug).map(|v| toggle(&mut self.equipment, v)),
            "kind" => Kind::from_slug(slug).map(|v| toggle(&mut self.kinds, v)),
            "difficulty" => slug
                .parse::<u8>()
                .ok()
                .filter(|d| (1..=3).contains(d))
                .map(|v| toggle(&mut self.difficulties, v)),
            _ => None,
        };
    }

    /// The facets a person can filter by: query key, legend, and (slug, label) options.
    pub fn facets() -> Vec<Facet> {
        fn options<T: Copy>(
            all: &[T],
            slug: fn(T) -> &'static str,
            label: fn(T) -> &'static str,
        ) -> Vec<(String, &'static str)> {
            all.iter()
                .map(|v| (slug(*v).to_string(), label(*v)))
                .collect()
        }
        vec![
            Facet {
                key: "area",
                legend: "Body area",
                options: options(Area::ALL, Area::slug, Area::label),
            },
            Facet {
                key: "position",
                legend: "Position",
                options: options(Position::ALL, Position::slug, Position::label),
            },
            Facet {
                key: "equipment",
                legend: "Equipment",
                options: options(Equipment::ALL, Equipment::slug, Equipment::label),
            },
            Facet {
                key: "kind",
                legend: "Type",
                options: options(Kind::ALL, Kind::slug, Kind::label),
            },
            Facet {
                key: "difficulty",
                legend: "Difficulty",
                options: (1..=3)
                    .map(|d| (d.to_string(), difficulty_label(d)))
                    .collect(),
            },
        ]
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
        self.matches_facets(stretch) && search::finds(&self.text, stretch)
    }

    /// Whether `stretch` has one of the chosen values of every facet (the
    /// text is not looked at).
    pub fn matches_facets(&self, stretch: &Stretch) -> bool {
        fn any<T: PartialEq>(wanted: &[T], has: impl Fn(&T) -> bool) -> bool {
            wanted.is_empty() || wanted.iter().any(has)
        }
        any(&self.areas, |a| stretch.areas.contains(a))
            && any(&self.positions, |p| *p == stretch.position)
            && any(&self.equipment, |e| stretch.equipment.contains(e))
            && any(&self.kinds, |k| *k == stretch.kind)
            && any(&self.difficulties, |d| *d == stretch.difficulty)
    }

    /// The stretches this filter shows: the best match first when there is
    /// text to search by, else in catalogue order.
    pub fn stretches(&self) -> Vec<&'static Stretch> {
        let base = search::search(&self.text)
            .map_or_else(|| stretches().iter().collect(), |found| found.stretches);
        base.into_iter()
            .filter(|s| self.matches_facets(s))
            .collect()
    }
}

/// One group of filter options, as the filter panel shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Facet {
    /// The query-string key.
    pub key: &'static str,
    pub legend: &'static str,
    /// (slug, label) pairs.
    pub options: Vec<(String, &'static str)>,
}

/// The word for a difficulty level.
pub fn difficulty_label(difficulty: u8) -> &'static str {
    match difficulty {
        1 => "Gentle",
        2 => "Moderate",
        _ => "Harder",
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
    fn facets_toggle_by_key_and_slug() {
        let mut filter = Filter::default();
        for facet in Filter::facets() {
            for (slug, _) in &facet.options {
                assert!(!filter.has(facet.key, slug));
                filter.toggle(facet.key, slug);
                assert!(filter.has(facet.key, slug), "{} {slug}", facet.key);
            }
        }
        let chosen: usize = Filter::facets().iter().map(|f| f.options.len()).sum();
        assert_eq!(filter.facet_count(), chosen);
        filter.toggle("area", "elbows");
        filter.toggle("colour", "red");
        assert_eq!(filter.facet_count(), chosen);
        filter.toggle("difficulty", "2");
        assert!(!filter.has("difficulty", "2"));
    }

    #[test]
    fn stretches_are_ranked_by_text_and_narrowed_by_facets() {
        let all = Filter::default().stretches();
        assert_eq!(all, stretches().iter().collect::<Vec<_>>());
        let hug = query(&[("q", "knee hug")]).stretches();
        assert_eq!(hug.first().map(|s| s.id), Some("knee-to-chest"));
        let desk = query(&[("q", "desk")]);
        let standing = query(&[("q", "desk"), ("position", "standing")]);
        assert!(standing.stretches().len() < desk.stretches().len());
        for s in standing.stretches() {
            assert_eq!(s.position, Position::Standing);
            assert!(desk.stretches().contains(&s) && standing.matches(s));
        }
        assert!(query(&[("q", "sciatca")])
            .stretches()
            .iter()
            .any(|s| s.id == "figure-four"));
    }

    #[test]
    fn typed_text_is_kept_as_typed() {
        // The search box shows the query back; trimming would eat the space
        // someone just typed between two words.
        let filter = query(&[("q", "knee ")]);
        assert_eq!(filter.text, "knee ");
        assert_eq!(filter.to_query(), "?q=knee%20");
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
