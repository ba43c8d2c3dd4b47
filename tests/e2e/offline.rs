//! Installable and offline: Chromium's own installability verdict, pages and
//! share links that load with the network down, and safe updates.

use serde_json::json;

use limber::domain::routine::{Custom, Routine};
use limber::domain::share;

use crate::support::process::TempDir;
use crate::support::Browser;

/// A first visit: the worker installs everything, takes over, and says so.
async fn first_visit() -> Browser {
    let browser = Browser::phone().await;
    browser.open("/").await;
    browser.wait_for_service_worker().await;
    browser.see_status("Ready to work offline").await;
    browser
}

#[tokio::test]
async fn chromium_finds_nothing_that_stops_an_install() {
    let browser = first_visit().await;
    browser.screenshot("offline-ready-phone").await;
    if browser.needs_chromium("ask why the app could not be installed") {
        return;
    }
    let result = browser.cdp("Page.getInstallabilityErrors", json!({})).await;
    assert_eq!(result["installabilityErrors"], json!([]), "{result}");
    let manifest = browser.cdp("Page.getAppManifest", json!({})).await;
    assert_eq!(manifest["errors"], json!([]), "{manifest}");
    browser.finish().await;
}

#[tokio::test]
async fn after_a_first_visit_everything_opens_and_plays_with_the_network_down() {
    let browser = Browser::phone().await;
    browser.install_fake_clock().await;
    browser.open("/").await;
    browser.wait_for_service_worker().await;
    browser.server().go_offline();

    browser.open("/").await;
    browser
        .see_heading("Gentle stretches for your lower back")
        .await;
    browser.open("/stretches/cat-cow").await;
    browser.see_heading("Cat-cow").await;
    let routine = Routine::builtin("gentle-start").expect("shipped");
    let fragment = share::encode(&Custom::from_routine(&routine));
    browser.open(&format!("/#{fragment}")).await;
    browser.see_text("A routine shared with you").await;
    browser.see_heading(&routine.name).await;
    // A routine plays offline, start to finish.
    browser.open("/play/stretch/cat-cow?hold=10").await;
    browser.click_button("Start").await;
    let stretch = limber::domain::catalogue::stretch("cat-cow").expect("shipped");
    let plan = limber::domain::plan::Plan::new(
        &Routine::single(stretch, Some(10)),
        &limber::domain::plan::Timing::default(),
    );
    browser.advance_clock(plan.total_ms()).await;
    browser.see_heading("Well done").await;
    browser.expect_only_refused_connections().await;
}

/// A second build: `dist/` plus one new file, with its precache list and
/// version made by the same script a release build runs.
fn next_build(dir: &std::path::Path) -> String {
    crate::support::copy_dist(dir);
    std::fs::write(dir.join("whats-new.txt"), "A new version.").expect("write a new file");
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/precache.sh");
    let out = std::process::Command::new("bash")
        .arg(script)
        .arg(dir)
        .output()
        .expect("run precache.sh");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let sw = std::fs::read_to_string(dir.join("sw.js")).expect("sw.js");
    let version = sw
        .lines()
        .find_map(|l| l.strip_prefix("const VERSION = \"")?.strip_suffix("\";"))
        .expect("a version line");
    format!("limber-{version}")
}

/// Deploys a second build and lets the browser check for it, as it does on
/// its own every so often. Returns the build's folder and its cache name.
async fn publish_next_build(browser: &Browser) -> (TempDir, String) {
    let next = TempDir::new("next-build").expect("a temp dir");
    let cache = next_build(next.path());
    browser.server().serve_from(next.path().to_path_buf());
    browser
        .script("navigator.serviceWorker.getRegistration().then(r => r.update()); return null;")
        .await;
    (next, cache)
}

async fn cache_names(browser: &Browser) -> serde_json::Value {
    browser
        .script("caches.keys().then(k => { window.__limberCaches = k; }); return window.__limberCaches || null;")
        .await
}

#[tokio::test]
async fn a_new_build_offers_reload_and_then_only_its_files_remain() {
    let browser = first_visit().await;
    // The person is using the page, so the update must wait for them.
    browser.click_button("OK").await;

    let (next, next_cache) = publish_next_build(&browser).await;
    browser.see_status("Update available").await;
    assert!(
        browser.main_text().await.contains("Gentle stretches"),
        "no reload by itself"
    );
    browser.screenshot("update-available-phone").await;
    browser.server().take_requests();
    browser.click_button("Reload").await;

    browser
        .wait_until("only the new version's cache", || async {
            let names = cache_names(&browser).await;
            (names == json!([next_cache.clone()])).then_some(())
        })
        .await;
    browser
        .see_heading("Gentle stretches for your lower back")
        .await;
    // The new build's own file is in the cache the page now uses.
    browser
        .wait_until("the new file in the cache", || async {
            browser
                .script(
                    "caches.match('whats-new.txt').then(r => { window.__limberNew = !!r; });\
                     return window.__limberNew === true ? true : null;",
                )
                .await
                .as_bool()
        })
        .await;
    for path in browser.server().take_requests() {
        let relative = path.trim_start_matches('/');
        assert!(
            relative.is_empty() || next.path().join(relative).is_file(),
            "{path} is not a file of the new build"
        );
    }
    browser.finish().await;
}

/// Every file of the build is precached, and nothing else: the list in
/// `dist/sw.js` equals the files in `dist/` except the worker itself. That
/// includes every prerendered page and `404.html`, the shell for all others.
#[test]
fn the_precache_list_is_exactly_the_built_files() {
    let dist = crate::support::dist_dir();
    let sw = std::fs::read_to_string(dist.join("sw.js")).expect("a release build has sw.js");
    let line = sw
        .lines()
        .find_map(|l| l.strip_prefix("const PRECACHE = ")?.strip_suffix(';'))
        .expect("a precache line");
    let mut listed: Vec<String> = serde_json::from_str(line).expect("a JSON list");
    listed.sort();
    let mut built = Vec::new();
    let mut stack = vec![dist.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read dist") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let name = path
                    .strip_prefix(&dist)
                    .expect("inside dist")
                    .to_string_lossy()
                    .into_owned();
                if name != "sw.js" {
                    built.push(name);
                }
            }
        }
    }
    built.sort();
    assert_eq!(listed, built);
    let version = sw
        .lines()
        .find_map(|l| l.strip_prefix("const VERSION = \"")?.strip_suffix("\";"))
        .expect("a version line");
    assert_eq!(version.len(), 16, "a content hash, not {version:?}");
}

#[tokio::test]
async fn an_update_before_the_person_touches_the_page_applies_by_itself() {
    let browser = Browser::phone().await;
    browser.open("/").await;
    browser.wait_for_service_worker().await;
    // The build's folder must outlive the test: the server reads from it.
    let (_next, next_cache) = publish_next_build(&browser).await;
    browser
        .wait_until("the new version to take over", || async {
            (cache_names(&browser).await == json!([next_cache.clone()])).then_some(())
        })
        .await;
    browser
        .see_heading("Gentle stretches for your lower back")
        .await;
    browser.finish().await;
}

/// `make bench`: how long a reload takes with the network down, until the
/// page's text is painted (its prerendered copy) and until the app has
/// drawn it and shown itself in the copy's place.
#[tokio::test]
#[ignore = "a benchmark: run by `make bench`"]
async fn bench_offline_reload() {
    let browser = Browser::phone().await;
    if browser.needs_chromium("time the start-up from a script added before the page's own") {
        return;
    }
    browser
        .cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": "new MutationObserver((_, o) => { \
                if (document.querySelector('#app:not([hidden]) main h1')) { \
                window.__limberStarted = performance.now(); o.disconnect(); } })\
                .observe(document, { childList: true, subtree: true, attributes: true });" }),
        )
        .await;
    browser.open("/").await;
    browser.wait_for_service_worker().await;
    browser.server().go_offline();
    let (mut painted, mut started) = (Vec::new(), Vec::new());
    for _ in 0..5 {
        browser.open("/stretches/cat-cow").await;
        let t = browser.paint_timeline().await;
        painted.push(t.first_paint.expect("a first paint"));
        let ms = browser
            .wait_until("the app to start", || async {
                browser
                    .script("return window.__limberStarted ?? null")
                    .await
                    .as_f64()
            })
            .await;
        started.push(ms);
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    println!(
        "offline reload: median {:.0} ms to painted text, {:.0} ms to the app in its place (runs: {painted:.0?}, {started:.0?})",
        median(&mut painted),
        median(&mut started)
    );
}
