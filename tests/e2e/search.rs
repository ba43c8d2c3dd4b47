//! Search for what hurts (issue 15): the catalogue's search finds routines
//! and tips as well as stretches and forgives a typo; its filters are chip
//! groups in a sheet whose button counts the stretches live. Expected results
//! come from the search and the catalogue themselves, read natively.

use fantoccini::elements::Element;
use fantoccini::key::Key;
use limber::domain::catalogue::{self, Equipment, Kind, Position};
use limber::domain::filter::Filter;
use limber::domain::search;

use crate::support::engine::Engine;
use crate::support::Browser;

const SEARCH: &str = "Search stretches, routines and tips";

fn names(text: &str) -> Vec<&'static str> {
    search::search(text)
        .expect("words to search by")
        .stretches
        .iter()
        .map(|s| s.name)
        .collect()
}

fn count(filter: &Filter) -> usize {
    filter.stretches().len()
}

fn show(n: usize) -> String {
    match n {
        1 => "Show 1 stretch".into(),
        n => format!("Show {n} stretches"),
    }
}

async fn pressed(browser: &Browser, chip: &Element) -> String {
    browser
        .script_with("return arguments[0].getAttribute('aria-pressed')", chip)
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

async fn sheet_is_open(browser: &Browser) -> bool {
    browser
        .script("return document.querySelector('dialog.filter-sheet').open")
        .await
        .as_bool()
        .unwrap_or(false)
}

async fn see_sheet_closed(browser: &Browser) {
    browser
        .wait_until("the filter sheet to close", || async {
            (!sheet_is_open(browser).await).then_some(())
        })
        .await;
}

#[tokio::test]
async fn a_misspelt_symptom_finds_its_gentle_stretches_and_a_tip() {
    let expected = names("sciatca");
    assert_eq!(expected, names("sciatica"), "one typo is forgiven");
    assert!(expected.contains(&"Single knee-to-chest"), "{expected:?}");

    let browser = Browser::phone().await;
    browser.open("/stretches").await;
    browser.type_into("searchbox", SEARCH, "sciatca").await;
    browser.see_listed_names(&expected).await;
    browser.see_heading("Tips").await;
    browser.find_by_role("link", "Staying active").await;
    let status = format!("1 tip and {} stretches", expected.len());
    browser.see_status(&status).await;
    // The search is in the address, so it can be bookmarked.
    let url = browser.script("return location.search").await;
    assert_eq!(url, "?q=sciatca");
    browser.finish().await;
}

#[tokio::test]
async fn desk_finds_the_desk_break_routine_a_tip_and_stretches() {
    let found = search::search("desk").expect("a search");
    assert_eq!(found.routines[0].id, "desk-break");
    assert_eq!(found.articles[0].id, "sitting-at-a-desk");
    let expected = names("desk");

    let browser = Browser::phone().await;
    browser.open("/stretches").await;
    browser.type_into("searchbox", SEARCH, "desk").await;
    browser.see_listed_names(&expected).await;
    browser.see_heading("Routines").await;
    browser.see_heading("Tips").await;
    browser.see_heading("Stretches").await;
    browser.find_by_role("link", "Sitting at a desk").await;
    browser
        .see_status(&format!(
            "1 routine, 1 tip and {} stretches",
            expected.len()
        ))
        .await;
    browser.screenshot("search-desk-phone").await;
    browser.click_link("Desk break").await;
    browser.see_path("/routines/desk-break").await;
    browser.see_heading("Desk break").await;
    browser.finish().await;
}

#[tokio::test]
async fn a_search_that_finds_only_tips_says_so() {
    let found = search::search("advice").expect("a search");
    assert!(found.stretches.is_empty() && !found.articles.is_empty());
    let browser = Browser::phone().await;
    browser.open("/stretches?q=advice").await;
    browser.see_heading("Tips").await;
    browser
        .see_text("No stretches match, but the tips above do.")
        .await;
    browser.see_listed_names(&[]).await;
    browser.finish().await;
}

#[tokio::test]
async fn the_filter_sheet_counts_live_and_applies_its_chips_to_the_address() {
    let all = catalogue::stretches().len();
    let seated = Filter {
        positions: vec![Position::SeatedChair],
        ..Filter::default()
    };
    let chair = Filter {
        equipment: vec![Equipment::Chair],
        ..seated.clone()
    };
    let expected: Vec<&str> = chair.stretches().iter().map(|s| s.name).collect();
    assert!(count(&seated) < all && !expected.is_empty());

    let browser = Browser::phone().await;
    browser.open("/stretches").await;
    browser.click_button("Filters").await;
    browser.see_heading("Filters").await;
    browser.find_by_role("button", &show(all)).await;
    let chip = browser.find_by_role("button", "Sitting in a chair").await;
    assert_eq!(pressed(&browser, &chip).await, "false");
    browser.click_button("Sitting in a chair").await;
    // The count follows each chip before anything is applied.
    browser.find_by_role("button", &show(count(&seated))).await;
    assert_eq!(pressed(&browser, &chip).await, "true");
    browser.click_button("Chair").await;
    browser.find_by_role("button", &show(expected.len())).await;
    browser.see_listed_names(&names_of_all()).await;
    browser.screenshot("filter-sheet-phone").await;
    // Dark can be switched on only in Chromium (the other engines start dark).
    if browser.engine() == Engine::Chromium {
        browser.prefer_dark().await;
        browser.screenshot("filter-sheet-phone-dark").await;
        browser.prefer_light().await;
    }
    let violations = browser.accessibility_violations().await;
    assert!(violations.is_empty(), "{violations:#?}");

    browser.click_button(&show(expected.len())).await;
    see_sheet_closed(&browser).await;
    browser.see_listed_names(&expected).await;
    let url = browser.script("return location.search").await;
    assert_eq!(url, "?position=seated-chair&equipment=chair");
    assert_eq!(browser.focused_name().await, "Filters (2 chosen)");

    // A bookmark brings the same view and the same chips back.
    browser
        .open("/stretches?position=seated-chair&equipment=chair")
        .await;
    browser.see_listed_names(&expected).await;
    browser.click_button("Filters (2 chosen)").await;
    let chip = browser.find_by_role("button", "Chair").await;
    assert_eq!(pressed(&browser, &chip).await, "true");
    let standing = browser.find_by_role("button", "Standing").await;
    assert_eq!(pressed(&browser, &standing).await, "false");
    // "Clear" empties the chips; nothing is applied until "Show".
    browser.click_button("Clear").await;
    browser.find_by_role("button", &show(all)).await;
    assert_eq!(pressed(&browser, &chip).await, "false");
    browser.click_button(&show(all)).await;
    see_sheet_closed(&browser).await;
    browser.see_listed_names(&names_of_all()).await;
    assert_eq!(browser.script("return location.search").await, "");
    browser.finish().await;
}

fn names_of_all() -> Vec<&'static str> {
    catalogue::stretches().iter().map(|s| s.name).collect()
}

#[tokio::test]
async fn escape_closes_the_filter_sheet_without_applying_it() {
    // Hanging and breathing: no stretch is both.
    let none = Filter {
        positions: vec![Position::Hanging],
        kinds: vec![Kind::Breathing],
        ..Filter::default()
    };
    assert_eq!(count(&none), 0);

    let browser = Browser::phone().await;
    browser.open("/stretches?q=knee").await;
    let knee = names("knee");
    browser.see_listed_names(&knee).await;
    browser.click_button("Filters").await;
    browser.see_heading("Filters").await;
    browser.click_button("Hanging").await;
    browser.click_button("Breathing").await;
    // Nothing to show: the button says so and cannot be pressed.
    let button = browser.find_by_role("button", "No stretches match").await;
    assert!(!button.is_enabled().await.expect("read disabled"));
    browser.press(Key::Escape).await;
    see_sheet_closed(&browser).await;
    assert_eq!(browser.focused_name().await, "Filters");
    assert_eq!(browser.script("return location.search").await, "?q=knee");
    browser.see_listed_names(&knee).await;
    // The close button closes it too.
    browser.click_button("Filters").await;
    browser.click_button("Close filters").await;
    see_sheet_closed(&browser).await;
    assert_eq!(browser.focused_name().await, "Filters");
    browser.finish().await;
}

#[tokio::test]
async fn a_warning_sign_finds_no_stretch_and_points_to_help() {
    assert!(search::mentions_warning_sign("numbness"));
    let browser = Browser::phone().await;
    browser.open("/stretches").await;
    browser.type_into("searchbox", SEARCH, "numbness").await;
    browser.see_text("can be a warning sign").await;
    browser.see_listed_names(&[]).await;
    browser.click_link("When to get help").await;
    browser.see_path("/safety").await;
    browser.finish().await;
}

#[tokio::test]
async fn without_show_modal_the_sheet_still_opens_applies_and_closes() {
    // Safari before 15.4: no showModal or close on <dialog>. The sheet then
    // opens through its `open` attribute, and nothing throws.
    let browser = Browser::phone().await;
    browser
        .add_init_script(
            "for (const name of ['showModal', 'close']) {\
               try { delete HTMLDialogElement.prototype[name]; } catch (_) {}\
               try { Object.defineProperty(HTMLDialogElement.prototype, name,\
                 { value: undefined, configurable: true }); } catch (_) {} }",
        )
        .await;
    browser.open("/stretches").await;
    let missing = browser
        .script("return typeof document.createElement('dialog').showModal")
        .await;
    assert_eq!(missing, "undefined");
    browser.click_button("Filters").await;
    browser.see_heading("Filters").await;
    assert_eq!(browser.focused_name().await, "Close filters");
    browser.click_button("Standing").await;
    let standing = Filter {
        positions: vec![Position::Standing],
        ..Filter::default()
    };
    browser.click_button(&show(count(&standing))).await;
    see_sheet_closed(&browser).await;
    let expected: Vec<&str> = standing.stretches().iter().map(|s| s.name).collect();
    browser.see_listed_names(&expected).await;
    assert_eq!(browser.focused_name().await, "Filters (1 chosen)");
    // Escape closes it here too.
    browser.click_button("Filters (1 chosen)").await;
    browser.see_heading("Filters").await;
    browser.press(Key::Escape).await;
    see_sheet_closed(&browser).await;
    assert_eq!(browser.focused_name().await, "Filters (1 chosen)");
    browser.finish().await;
}
