//! A long session leaves no leak behind: no interval, closure or listener
//! that piles up while the player runs.

use serde_json::json;

use limber::domain::catalogue;
use limber::domain::plan::{Plan, Timing};
use limber::domain::routine::{Custom, Step};
use limber::domain::share;

use crate::support::Browser;

/// Just over 30 minutes: 31 steps of 50 s holds with 10 s rests.
fn half_hour() -> Custom {
    let stretch = catalogue::stretch("cat-cow").expect("shipped");
    Custom {
        name: "Half an hour".into(),
        rest_seconds: 10,
        steps: (0..31)
            .map(|_| Step {
                hold_seconds: 50,
                reps: 1,
                rest_after_seconds: 10,
                ..Step::default_for(stretch)
            })
            .collect(),
    }
}

async fn heap_after_gc(browser: &Browser) -> f64 {
    browser.cdp("HeapProfiler.collectGarbage", json!({})).await;
    let metrics = browser.cdp("Performance.getMetrics", json!({})).await;
    metrics["metrics"]
        .as_array()
        .and_then(|m| m.iter().find(|m| m["name"] == "JSHeapUsedSize"))
        .and_then(|m| m["value"].as_f64())
        .expect("JSHeapUsedSize")
}

#[tokio::test]
async fn a_thirty_minute_routine_leaves_the_heap_where_it_started() {
    let routine = half_hour();
    let total_ms = Plan::new(&routine.to_routine("shared"), &Timing::default()).total_ms();
    assert!(total_ms >= 30 * 60 * 1000, "{total_ms}");
    let browser = Browser::phone().await;
    if browser.needs_chromium("force a garbage collection and read the heap") {
        return;
    }
    browser.install_fake_clock().await;
    browser.cdp("Performance.enable", json!({})).await;
    browser
        .open(&format!("/play/shared#{}", share::encode(&routine)))
        .await;
    browser.click_button("Start").await;
    browser.see_timer("0:05").await;
    // Warm up a minute so lazily made things (audio, caches) exist before
    // the baseline.
    for _ in 0..60 {
        browser.advance_clock(1000).await;
    }
    let before = heap_after_gc(&browser).await;
    // The rest of the half hour, a second at a time, as the page lives it.
    let mut played = 61_000;
    while played + 1000 < total_ms {
        browser.advance_clock(1000).await;
        played += 1000;
    }
    let after = heap_after_gc(&browser).await;
    browser.advance_clock(total_ms - played + 1000).await;
    browser.see_heading("Well done").await;
    let growth = after - before;
    println!(
        "memory: JS heap {before:.0} B → {after:.0} B over a {} min routine ({growth:+.0} B)",
        total_ms / 60_000
    );
    assert!(growth < 1_000_000.0, "the heap grew {growth:.0} B");
    browser.finish().await;
}
