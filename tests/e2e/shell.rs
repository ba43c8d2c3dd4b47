//! The app shell: loading, deep links, not-found, keyboard navigation, phone fit.

use crate::support::browser::{DESKTOP, PHONE};
use crate::support::Browser;
use fantoccini::key::Key;

#[tokio::test]
async fn the_app_loads_at_the_root() {
    let browser = Browser::phone().await;
    browser.open("/").await;
    browser
        .see_heading("Gentle stretches for your lower back")
        .await;
    assert_eq!(browser.title().await, "Home · Limber");
    browser.finish().await;
}

#[tokio::test]
async fn a_deep_link_loads_its_page() {
    let browser = Browser::phone().await;
    browser.open("/about").await;
    browser.see_heading("About Limber").await;
    assert_eq!(browser.path().await, "/about");
    browser.finish().await;
}

#[tokio::test]
async fn an_unknown_route_shows_not_found() {
    let browser = Browser::phone().await;
    browser.open("/no/such/page").await;
    browser.see_heading("Page not found").await;
    browser.click_link("Go to the home page").await;
    browser
        .see_heading("Gentle stretches for your lower back")
        .await;
    browser.see_path("/").await;
    browser.finish().await;
}

#[tokio::test]
async fn navigation_works_by_keyboard() {
    let browser = Browser::phone().await;
    browser.open("/").await;
    browser.tab_to("Settings").await;
    browser.press(Key::Enter).await;
    browser.see_heading("Settings").await;
    browser.see_path("/settings").await;
    // Focus moves to the new page so a screen reader starts reading it.
    let focused = browser.script("return document.activeElement.id").await;
    assert_eq!(focused, "main");
    browser.tab_to("Home").await;
    browser.press(Key::Enter).await;
    browser
        .see_heading("Gentle stretches for your lower back")
        .await;
    browser.finish().await;
}

#[tokio::test]
async fn every_page_fits_a_phone_without_horizontal_scroll() {
    let browser = Browser::phone().await;
    for path in [
        "/",
        "/about",
        "/missing",
        "/stretches",
        "/stretches/low-lunge-open-hip",
        "/routines/bedtime-wind-down",
        "/safety",
        "/progress",
        "/settings",
        "/tips/getting-out-of-bed",
    ] {
        browser.open(path).await;
        let size = browser
            .script("return [window.innerWidth, document.documentElement.scrollWidth]")
            .await;
        assert_eq!(size[0], PHONE.0, "viewport width on {path}");
        assert!(
            size[1].as_u64() <= size[0].as_u64(),
            "{path} scrolls sideways at 390 px: {size}"
        );
        if path == "/" {
            browser.screenshot("shell-home-phone").await;
        }
    }
    browser.finish().await;
}

#[tokio::test]
async fn the_dark_theme_follows_the_system() {
    let browser = Browser::phone().await;
    browser.prefer_dark().await;
    browser.open("/").await;
    let background = browser
        .script("return getComputedStyle(document.body).backgroundColor")
        .await;
    assert_eq!(background, "rgb(16, 23, 22)", "dark background");
    browser.screenshot("shell-home-phone-dark").await;
    browser.finish().await;
}

#[tokio::test]
async fn the_navigation_marks_the_current_page_on_desktop_too() {
    let browser = Browser::launch(DESKTOP).await;
    browser.open("/settings").await;
    let current = browser.find_by_role("link", "Settings").await;
    assert_eq!(
        current
            .attr("aria-current")
            .await
            .expect("read aria-current"),
        Some("page".to_string())
    );
    browser.screenshot("shell-settings-desktop").await;
    browser.finish().await;
}

#[tokio::test]
async fn a_console_error_fails_the_test_harness() {
    // Guards the guard: if the log reading broke, every other test would pass blind.
    let browser = Browser::phone().await;
    browser.open("/").await;
    browser
        .script("console.error('deliberate test error')")
        .await;
    let errors = browser.errors().await;
    assert!(
        errors.iter().any(|e| e.contains("deliberate test error")),
        "the browser log did not report the error: {errors:?}"
    );
    browser.finish().await;
}
