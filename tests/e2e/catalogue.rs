//! The catalogue pages: listing, filtering, search, details, routines, not-found.
//! Expected results come from the catalogue data itself, read natively.

use limber::domain::catalogue::{self, Equipment, Position};
use limber::domain::plan::Timing;
use limber::domain::routine::{clock, Routine};

use crate::support::Browser;

fn names<'a>(stretches: impl Iterator<Item = &'a catalogue::Stretch>) -> Vec<&'a str> {
    stretches.map(|s| s.name).collect()
}

#[tokio::test]
async fn the_catalogue_lists_every_entry() {
    let browser = Browser::phone().await;
    browser.open("/stretches").await;
    browser.see_heading("Stretches").await;
    browser
        .see_listed_names(&names(catalogue::stretches().iter()))
        .await;
    assert!(browser
        .main_text()
        .await
        .contains(&format!("{} stretches", catalogue::stretches().len())));
    browser.screenshot("catalogue-phone").await;
    browser.prefer_dark().await;
    browser.screenshot("catalogue-phone-dark").await;
    browser.finish().await;
}

#[tokio::test]
async fn a_combined_filter_shows_exactly_the_matching_entries_and_survives_a_reload() {
    let expected = names(catalogue::stretches().iter().filter(|s| {
        s.position == Position::SeatedChair && s.equipment.contains(&Equipment::Chair)
    }));
    assert!(
        !expected.is_empty(),
        "the catalogue has chair stretches to find"
    );

    let browser = Browser::phone().await;
    browser.open("/stretches").await;
    browser.click_button("Filters").await;
    browser.click_button("Chair").await;
    browser.click_button("Sitting in a chair").await;
    browser
        .click_button(&format!("Show {} stretches", expected.len()))
        .await;
    browser.see_listed_names(&expected).await;
    browser.screenshot("catalogue-filtered-phone").await;

    // The filter is in the address, so a bookmark brings the same view back.
    browser.see_path("/stretches").await;
    let url = browser.script("return location.search").await;
    assert_eq!(url, "?position=seated-chair&equipment=chair");
    browser
        .open("/stretches?position=seated-chair&equipment=chair")
        .await;
    browser.see_listed_names(&expected).await;
    browser.click_button("Filters (2 chosen)").await;
    for (chip, chosen) in [
        ("Chair", true),
        ("Sitting in a chair", true),
        ("Standing", false),
    ] {
        let chip = browser.find_by_role("button", chip).await;
        let pressed = browser
            .script_with("return arguments[0].getAttribute('aria-pressed')", &chip)
            .await;
        assert_eq!(pressed, chosen.to_string());
    }
    browser.finish().await;
}

#[tokio::test]
async fn search_by_an_alias_finds_its_entry() {
    let figure_four = catalogue::stretch("figure-four").expect("shipped");
    assert!(figure_four.aliases.iter().any(|a| a.contains("piriformis")));
    let by_alias = names(catalogue::stretches().iter().filter(|s| {
        s.name.to_lowercase().contains("piriformis")
            || s.aliases.iter().any(|a| a.contains("piriformis"))
    }));
    // Best match first: the search's own order.
    let found = limber::domain::search::search("piriformis").expect("a search");
    let expected = names(found.stretches.into_iter());
    let mut sorted = expected.clone();
    sorted.sort_unstable();
    let mut by_alias_sorted = by_alias.clone();
    by_alias_sorted.sort_unstable();
    assert_eq!(sorted, by_alias_sorted);

    let browser = Browser::phone().await;
    browser.open("/stretches").await;
    browser
        .type_into(
            "searchbox",
            "Search stretches, routines and tips",
            "piriformis",
        )
        .await;
    browser.see_listed_names(&expected).await;
    assert!(expected.contains(&figure_four.name));
    browser.finish().await;
}

#[tokio::test]
async fn a_search_with_no_match_says_so_and_offers_a_way_back() {
    let browser = Browser::phone().await;
    browser.open("/stretches?q=zzzz").await;
    browser.see_listed_names(&[]).await;
    assert!(browser.main_text().await.contains("No stretches match"));
    browser.screenshot("catalogue-empty-phone").await;
    browser.click_button("Show all stretches").await;
    browser
        .see_listed_names(&names(catalogue::stretches().iter()))
        .await;
    browser.finish().await;
}

#[tokio::test]
async fn a_stretch_page_shows_steps_cautions_and_timing() {
    let cat_cow = catalogue::stretch("cat-cow").expect("shipped");
    let browser = Browser::phone().await;
    browser.open("/stretches").await;
    browser.click_link(cat_cow.name).await;
    browser.see_heading(cat_cow.name).await;
    browser.see_path("/stretches/cat-cow").await;
    assert_eq!(
        browser.list_under_heading("How to do it").await,
        cat_cow.steps
    );
    let cautions = browser.list_under_heading("Take care").await;
    assert_eq!(cautions.len(), cat_cow.cautions.len());
    for (shown, caution) in cautions.iter().zip(cat_cow.cautions) {
        assert_eq!(
            shown,
            &format!("{}: {}", caution.about.label(), caution.text)
        );
    }
    assert_eq!(
        browser.list_under_heading("Common mistakes").await,
        cat_cow.mistakes
    );
    assert!(browser.main_text().await.contains(cat_cow.feel));
    browser.screenshot("stretch-phone").await;
    browser.prefer_dark().await;
    browser.screenshot("stretch-phone-dark").await;
    browser.finish().await;
}

#[tokio::test]
async fn a_routine_page_shows_its_computed_total() {
    let browser = Browser::phone().await;
    browser.open("/").await;
    browser.screenshot("home-phone").await;
    for builtin in catalogue::routines() {
        let routine = Routine::from_builtin(builtin).expect("resolves");
        let total = clock(routine.total_seconds(&Timing::default()));
        browser.open("/").await;
        browser.click_link(builtin.name).await;
        browser.see_heading(builtin.name).await;
        let text = browser.main_text().await;
        assert!(
            text.contains(&format!("Total time\n{total}")),
            "{}: no {total} in {text}",
            builtin.id
        );
        let steps = browser.list_under_heading("Steps").await;
        assert_eq!(steps.len(), routine.steps.len(), "{}", builtin.id);
        for (shown, step) in steps.iter().zip(&routine.steps) {
            assert!(
                shown.starts_with(step.stretch.name),
                "{shown} should name {}",
                step.stretch.name
            );
        }
    }
    browser.screenshot("routine-phone").await;
    browser.finish().await;
}

#[tokio::test]
async fn the_safety_text_is_one_tap_from_home() {
    let safety = catalogue::safety();
    let browser = Browser::phone().await;
    browser.open("/").await;
    browser.click_link("When to get help").await;
    browser.see_heading(safety.warning_title).await;
    // Most urgent first, each tier under its own heading.
    for tier in safety.tiers {
        let signs: Vec<&str> = tier.signs.iter().map(|s| s.sign).collect();
        assert_eq!(browser.list_under_heading(tier.title).await, signs);
    }
    let headings = browser
        .script("return [...document.querySelectorAll('main h2, main h3')].map(h => h.textContent.trim())")
        .await;
    let headings: Vec<String> = serde_json::from_value(headings).expect("heading texts");
    let position = |title: &str| {
        headings
            .iter()
            .position(|h| h == title)
            .unwrap_or_else(|| panic!("no heading {title:?} in {headings:?}"))
    };
    assert!(
        position(safety.warning_title) < position(safety.heading),
        "the warning signs come before the general tips: {headings:?}"
    );
    browser.screenshot("safety-phone").await;
    browser.finish().await;
}

#[tokio::test]
async fn unknown_ids_show_a_helpful_not_found_page() {
    let browser = Browser::phone().await;
    for (path, heading, way_back) in [
        (
            "/stretches/no-such-stretch",
            "Stretch not found",
            "Browse all stretches",
        ),
        (
            "/routines/no-such-routine",
            "Routine not found",
            "See all routines",
        ),
        ("/tips/no-such-tip", "Tip not found", "Go to the home page"),
    ] {
        browser.open(path).await;
        browser.see_heading(heading).await;
        browser.find_by_role("link", way_back).await;
    }
    browser.click_link("Go to the home page").await;
    browser
        .see_heading("Gentle stretches for your lower back")
        .await;
    browser.finish().await;
}
