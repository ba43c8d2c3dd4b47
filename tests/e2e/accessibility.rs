//! axe-core at WCAG 2.2 AA on every screen and state a person meets, in the
//! light and the dark theme.

use fantoccini::key::Key;

use limber::domain::catalogue;
use limber::domain::plan::{Plan, Timing};
use limber::domain::routine::{Custom, Routine};
use limber::domain::share;

use crate::support::engine::Engine;
use crate::support::Browser;

/// Checks the page as it is now, in both themes; collects what fails.
/// Chromium switches the system's scheme; Firefox and WebKit cannot through
/// WebDriver, so there the page takes the dark theme a person can choose in
/// Settings (the same colours).
async fn check(browser: &Browser, what: &str, failures: &mut Vec<String>) {
    for dark in [false, true] {
        match (dark, browser.engine()) {
            (true, Engine::Chromium) => browser.prefer_dark().await,
            (false, Engine::Chromium) => browser.prefer_light().await,
            (true, _) => {
                browser
                    .script("document.documentElement.dataset.theme = 'dark'")
                    .await;
            }
            (false, _) => {
                browser
                    .script("delete document.documentElement.dataset.theme")
                    .await;
            }
        }
        for violation in browser.accessibility_violations().await {
            failures.push(format!(
                "{what} ({}): {violation}",
                if dark { "dark" } else { "light" }
            ));
        }
    }
}

#[tokio::test]
async fn every_screen_passes_axe_in_light_and_dark() {
    let browser = Browser::phone().await;
    browser.install_fake_clock().await;
    let mut failures = Vec::new();
    // The checker itself works: a picture without a text alternative fails.
    browser.open("/about").await;
    browser
        .script("const i = document.createElement('img'); i.id = 'probe'; document.querySelector('main').append(i); return null;")
        .await;
    let found = browser.accessibility_violations().await;
    assert!(
        found.iter().any(|v| v.starts_with("image-alt")),
        "{found:?}"
    );
    let routine = Routine::builtin("desk-break").expect("shipped");
    let pages: [(&str, String, &str); 12] = [
        ("home", "/".into(), "Gentle stretches for your lower back"),
        ("catalogue", "/stretches".into(), "Stretches"),
        (
            "catalogue filtered",
            "/stretches?position=seated-chair".into(),
            "Stretches",
        ),
        ("catalogue empty", "/stretches?q=zzzz".into(), "Stretches"),
        ("stretch", "/stretches/cat-cow".into(), "Cat-cow"),
        ("routine", "/routines/desk-break".into(), "Desk break"),
        ("builder", "/builder?add=cat-cow".into(), "New routine"),
        (
            "share preview",
            format!("/#{}", share::encode(&Custom::from_routine(&routine))),
            "Desk break",
        ),
        ("bad link", "/#r=1.AAA".into(), "This link can't be opened"),
        ("progress empty", "/progress".into(), "Progress"),
        ("settings", "/settings".into(), "Settings"),
        ("not found", "/no-such-page".into(), "Page not found"),
    ];
    for (what, path, heading) in &pages {
        browser.open(path).await;
        browser.see_heading(heading).await;
        check(&browser, what, &mut failures).await;
    }
    // The player in each phase, with "This hurts" open, and the finish.
    let stretch = catalogue::stretch("cat-cow").expect("shipped");
    let plan = Plan::new(&Routine::single(stretch, Some(10)), &Timing::default());
    browser.open("/play/stretch/cat-cow?hold=10").await;
    check(&browser, "player intro", &mut failures).await;
    browser.click_button("Start").await;
    check(&browser, "player get ready", &mut failures).await;
    browser
        .advance_clock(plan.segments[0].duration_ms + 100)
        .await;
    check(&browser, "player hold", &mut failures).await;
    browser.click_button("This hurts").await;
    check(&browser, "player, this hurts", &mut failures).await;
    // Closing the sheet resumes the session it paused.
    browser.press(Key::Escape).await;
    browser.advance_clock(plan.total_ms()).await;
    browser.see_heading("Well done").await;
    check(&browser, "finish", &mut failures).await;
    browser.choose("pain-after", "2").await;
    browser.click_button("Finish").await;
    browser.find_by_role("link", "Back to home").await;
    browser.open("/progress").await;
    browser.see_heading("Cat-cow").await;
    check(&browser, "progress with history", &mut failures).await;
    assert!(
        failures.is_empty(),
        "{} violations:\n{}",
        failures.len(),
        failures.join("\n")
    );
    browser.finish().await;
}

#[tokio::test]
async fn text_at_200_percent_never_needs_sideways_scrolling_at_390_px() {
    let browser = Browser::phone().await;
    let mut failures = Vec::new();
    for path in [
        "/",
        "/stretches",
        "/stretches/low-lunge-open-hip",
        "/routines/bedtime-wind-down",
        "/builder?add=figure-four",
        "/play/stretch/cat-cow",
        "/progress",
        "/settings",
        "/safety",
        "/about",
        "/tips/getting-out-of-bed",
    ] {
        browser.open(path).await;
        // Text zoom as a browser setting does it: the root font size doubles.
        let wide = browser
            .script(
                "document.documentElement.style.fontSize = '200%';\
                 const w = document.documentElement.clientWidth;\
                 return Array.from(document.querySelectorAll('main *'))\
                   .filter(e => e.getBoundingClientRect().right > w + 1)\
                   .slice(0, 5)\
                   .map(e => e.tagName + '.' + e.className + ' ' + (e.textContent || '').slice(0, 30));",
            )
            .await;
        let overflow = browser
            .script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
            .await;
        if path.starts_with("/builder") {
            browser.screenshot("builder-200-percent-phone").await;
        }
        if overflow.as_i64() != Some(0) {
            failures.push(format!("{path}: {overflow} px too wide; {wide}"));
        }
        // The bottom navigation keeps all five destinations whole.
        let cut = browser
            .script(
                "const w = document.documentElement.clientWidth;\
                 return Array.from(document.querySelectorAll('.app-nav a'))\
                   .filter(a => a.getBoundingClientRect().right > w + 1 || a.scrollWidth > a.clientWidth + 1)\
                   .map(a => a.textContent);",
            )
            .await;
        if cut != serde_json::json!([]) {
            failures.push(format!("{path}: navigation cut off: {cut}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    browser.finish().await;
}
