//! Prerendered pages (scripts/prerender.mjs): the pages that look the same
//! for everyone arrive as HTML, read and navigate before the app's wasm has
//! arrived, paint before it is even requested, and are taken over by the app
//! without anything moving.

use std::path::Path;

use limber::domain::catalogue;
use limber::domain::routine::{Custom, Routine};
use limber::domain::share;

use crate::support::engine::Engine;
use crate::support::process::TempDir;
use crate::support::{copy_dist, dist_dir, Browser};

/// The pages `make bench` measures with Lighthouse, and a routine.
const PRERENDERED: [&str; 4] = [
    "/",
    "/stretches",
    "/stretches/cat-cow",
    "/routines/desk-break",
];

/// A copy of the build whose wasm never arrives, as on a slow or broken
/// connection.
fn build_without_wasm(dir: &Path) {
    copy_dist(dir);
    let mut removed = 0;
    for entry in std::fs::read_dir(dir).expect("read the copy") {
        let path = entry.expect("an entry").path();
        if path.extension().is_some_and(|e| e == "wasm") {
            std::fs::remove_file(&path).expect("remove the wasm");
            removed += 1;
        }
    }
    assert_eq!(removed, 1, "one wasm file in the build");
}

#[tokio::test]
async fn a_common_page_can_be_read_and_followed_before_the_app_arrives() {
    let browser = Browser::phone().await;
    let slow = TempDir::new("no-wasm").expect("a temp dir");
    build_without_wasm(slow.path());
    browser.server().serve_from(slow.path().to_path_buf());

    browser.open_as_text("/stretches/cat-cow").await;
    browser.see_heading("Cat-cow").await;
    let cat_cow = catalogue::stretch("cat-cow").expect("shipped");
    browser.see_text(cat_cow.summary).await;
    browser.see_text(cat_cow.steps[0]).await;
    assert_eq!(browser.title().await, "Cat-cow · Limber");
    browser.screenshot("prerendered-no-wasm-phone").await;
    // Its links are plain links: without the app they load the next page.
    browser.click_link("Stretches").await;
    browser.see_path("/stretches").await;
    browser.see_heading("Stretches").await;
    browser.find_by_role("link", "Child's pose").await;

    // The only errors are the app failing to arrive.
    let errors = browser.errors().await;
    assert!(errors.iter().all(|e| e.contains(".wasm")), "{errors:#?}");

    // When the app arrives, it replaces the copy: one page, not two.
    browser.server().serve_from(dist_dir());
    browser.open("/stretches/cat-cow").await;
    let counts = browser
        .script(
            "return ['main', 'header', 'nav', 'h1'].map((s) => document.querySelectorAll(s).length)",
        )
        .await;
    assert_eq!(counts, serde_json::json!([1, 1, 1, 1]));
    assert_eq!(
        browser
            .script("return document.querySelector('#app').hidden")
            .await,
        false
    );
    // And it is the app that answers: the hold chosen reaches the player.
    browser.select_option("Hold for", "30 seconds").await;
    browser.click_link("Try it now").await;
    browser.see_path("/play/stretch/cat-cow").await;
    assert_eq!(browser.script("return location.search").await, "?hold=30");
    browser.finish().await;
}

/// The theme, text scale and background the page shows.
async fn look(browser: &Browser) -> serde_json::Value {
    browser
        .script(
            "return [document.documentElement.dataset.theme ?? null,\
             getComputedStyle(document.documentElement).getPropertyValue('--text-scale').trim(),\
             getComputedStyle(document.body).backgroundColor]",
        )
        .await
}

#[tokio::test]
async fn a_prerendered_page_shows_the_theme_and_text_size_chosen_before_the_app_arrives() {
    use limber::domain::settings::SETTINGS_KEY;
    // One profile where the app runs and sets things; another that only
    // ever sees copies (its wasm never arrives, so no service worker either).
    let app = Browser::phone().await;
    let copy = Browser::phone().await;
    copy.server().hold(".wasm");
    copy.open_as_text("/stretches/cat-cow").await;
    for (theme, size) in [
        ("Dark", "Larger"),
        ("Light", "Large"),
        ("Same as this device", "Normal"),
    ] {
        app.open("/settings").await;
        app.choose("theme", theme).await;
        app.choose("text-size", size).await;
        app.open("/stretches/cat-cow").await;
        let by_the_app = look(&app).await;
        let stored = app
            .script(&format!("return localStorage.getItem('{SETTINGS_KEY}')"))
            .await;
        store(
            &copy,
            SETTINGS_KEY,
            stored.as_str().expect("saved settings"),
        )
        .await;
        copy.open_as_text("/stretches/cat-cow").await;
        assert_eq!(
            copy.script("return window.wasmBindings === undefined")
                .await,
            true,
            "the copy alone, without the app"
        );
        assert_eq!(look(&copy).await, by_the_app, "{theme}, {size}");
    }
    app.finish().await;
    copy.finish().await;
}

async fn main_visibility(browser: &Browser) -> serde_json::Value {
    browser
        .script("return getComputedStyle(document.querySelector('main')).visibility")
        .await
}

#[tokio::test]
async fn a_share_link_never_shows_the_home_page_before_the_shared_routine() {
    let browser = Browser::phone().await;
    let routine = Routine::builtin("gentle-start").expect("shipped");
    let link = format!("/#{}", share::encode(&Custom::from_routine(&routine)));
    browser.server().hold(".wasm");
    browser.open_as_text(&link).await;
    assert_eq!(main_visibility(&browser).await, "hidden");
    browser.server().release();
    browser.wait_for_app().await;
    browser.see_text("A routine shared with you").await;
    assert_eq!(main_visibility(&browser).await, "visible");
    browser.finish().await;
}

/// Stores `text` under `key`, as the app would have.
async fn store(browser: &Browser, key: &str, text: &str) {
    let script = format!(
        "localStorage.setItem({}, {}); return null;",
        serde_json::Value::from(key),
        serde_json::Value::from(text)
    );
    browser.script(&script).await;
}

#[tokio::test]
async fn a_copy_that_would_show_the_wrong_thing_stays_out_of_sight() {
    use limber::domain::catalogue::CautionAbout;
    use limber::domain::saved::{save_routines, Routines, SavedRoutine, ROUTINES_KEY};
    use limber::domain::settings::{save_settings, Settings, SETTINGS_KEY};
    let browser = Browser::phone().await;
    browser.server().hold(".wasm");
    // Everyone's default: the copies show.
    for path in ["/", "/routines/desk-break", "/stretches"] {
        browser.open_as_text(path).await;
        assert_eq!(main_visibility(&browser).await, "visible", "{path}");
    }
    // A filtered catalogue is not the copy's full list.
    browser.open_as_text("/stretches?q=knee").await;
    assert_eq!(main_visibility(&browser).await, "hidden");
    // Own timings change routine times, not a stretch page.
    let timing = Settings {
        get_ready_seconds: 10,
        ..Settings::default()
    };
    store(&browser, SETTINGS_KEY, &save_settings(1, &timing)).await;
    for (path, shown) in [
        ("/routines/desk-break", "hidden"),
        ("/", "hidden"),
        ("/stretches/cat-cow", "visible"),
    ] {
        browser.open_as_text(path).await;
        assert_eq!(main_visibility(&browser).await, shown, "{path}");
    }
    // Cautions flag stretches and change built-in routines, not a tip.
    let careful = Settings {
        cautions: vec![CautionAbout::Pregnancy],
        ..Settings::default()
    };
    store(&browser, SETTINGS_KEY, &save_settings(1, &careful)).await;
    for (path, shown) in [
        ("/stretches", "hidden"),
        ("/stretches/sphinx", "hidden"),
        ("/routines/core-support", "hidden"),
        ("/", "hidden"),
        ("/tips/sitting-at-a-desk", "visible"),
        ("/safety", "visible"),
    ] {
        browser.open_as_text(path).await;
        assert_eq!(main_visibility(&browser).await, shown, "{path}");
    }
    // Saved routines belong on home.
    store(
        &browser,
        SETTINGS_KEY,
        &save_settings(1, &Settings::default()),
    )
    .await;
    let routine = Routine::builtin("desk-break").expect("shipped");
    let mine = SavedRoutine::new("mine-1", &Custom::from_routine(&routine), 1);
    let routines = Routines { items: vec![mine] };
    store(&browser, ROUTINES_KEY, &save_routines(1, &routines)).await;
    browser.open_as_text("/").await;
    assert_eq!(main_visibility(&browser).await, "hidden");
    // The app then draws the page, with them.
    browser.server().release();
    browser.wait_for_app().await;
    browser.see_text("Your routines").await;
    assert_eq!(main_visibility(&browser).await, "visible");
    browser.finish().await;
}

#[tokio::test]
async fn focus_moved_before_the_app_arrives_stays_where_it_was() {
    let browser = Browser::phone().await;
    browser.server().hold(".wasm");
    browser.open_as_text("/stretches/cat-cow").await;
    browser.tab_to("All stretches").await;
    browser.server().release();
    browser.wait_for_app().await;
    assert_eq!(browser.focused_name().await, "All stretches");
    assert_eq!(
        browser
            .script("return document.activeElement.closest('#app') !== null")
            .await,
        true,
        "the app's own link has focus"
    );
    browser.finish().await;
}

#[tokio::test]
async fn common_pages_paint_before_the_app_is_fetched_and_nothing_moves() {
    let browser = Browser::phone().await;
    if browser.cannot_run_in(
        &[Engine::WebKit],
        "WebKit reports no largest-contentful-paint or layout-shift entries",
    ) {
        return;
    }
    for path in PRERENDERED {
        browser.open(path).await;
        let t = browser.paint_timeline().await;
        let (Some(first), Some(largest), Some(wasm)) =
            (t.first_paint, t.largest_paint, t.wasm_requested)
        else {
            panic!("{path}: an incomplete timeline {t:?}");
        };
        assert!(
            first < wasm,
            "{path}: painted only after the app was requested: {t:?}"
        );
        // The app's own copy of the text is not a later, larger paint.
        assert!(
            largest < wasm,
            "{path}: the largest paint came with the app: {t:?}"
        );
        assert!(t.layout_shift < 0.001, "{path}: the layout shifted: {t:?}");
    }
    // The measurement tells the two apart: a page with no copy (the shell)
    // has nothing to paint until the app has been fetched.
    browser.open("/progress").await;
    let t = browser.paint_timeline().await;
    assert!(
        matches!((t.first_paint, t.wasm_requested), (Some(first), Some(wasm)) if wasm < first),
        "the shell: {t:?}"
    );
    browser.finish().await;
}

#[tokio::test]
async fn offline_the_worker_serves_each_page_its_prerendered_copy() {
    let browser = Browser::phone().await;
    browser.open("/").await;
    browser.wait_for_service_worker().await;
    browser.server().go_offline();
    for path in PRERENDERED {
        browser.open(path).await;
        let t = browser.paint_timeline().await;
        assert!(
            matches!((t.first_paint, t.wasm_requested), (Some(first), Some(wasm)) if first < wasm),
            "{path} offline: {t:?}"
        );
    }
    // Any other page is the shell, and the app draws it.
    browser.open("/progress").await;
    browser.see_heading("Progress").await;
    browser.expect_only_refused_connections().await;
    browser.finish().await;
}

/// What the build wrote: each prerendered page keeps the app's CSP, has no
/// preloads (they would fetch the app before the paint), and holds one page;
/// the shell holds none.
#[test]
fn the_build_holds_a_page_for_each_common_route_and_an_empty_shell() {
    let dist = dist_dir();
    let mut pages = Vec::new();
    let mut stack = vec![dist.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read dist") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "html") {
                pages.push(path);
            }
        }
    }
    let shell = std::fs::read_to_string(dist.join("404.html")).expect("the shell");
    assert!(shell.contains("Content-Security-Policy"));
    assert!(!shell.contains("class=\"app\""), "the shell is empty");
    for page in ["index.html", "stretches.html", "safety.html", "about.html"] {
        assert!(dist.join(page).is_file(), "{page} was not prerendered");
    }
    for stretch in catalogue::stretches() {
        assert!(
            dist.join(format!("stretches/{}.html", stretch.id))
                .is_file(),
            "{} has no prerendered page",
            stretch.id
        );
    }
    for page in pages.iter().filter(|p| !p.ends_with("404.html")) {
        let html = std::fs::read_to_string(page).expect("a page");
        let name = page.display();
        assert!(html.contains("Content-Security-Policy"), "{name}: no CSP");
        assert!(!html.contains("preload"), "{name}: a preload");
        assert_eq!(html.matches("<main").count(), 1, "{name}: not one main");
        assert!(!html.contains(" style=\""), "{name}: an inline style");
    }
    assert!(pages.len() > catalogue::stretches().len(), "{pages:?}");
}
