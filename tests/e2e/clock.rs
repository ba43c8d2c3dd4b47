//! The player's clock in real time: boundaries shown when the plan says, and
//! a page frozen through the DevTools protocol's lifecycle shows on return the
//! time real time implies. A MutationObserver in the page timestamps every
//! change of the countdown and phase with `performance.now()`.

use std::time::Duration;

use limber::domain::plan::{Phase, Plan, Segment, Timing};
use limber::domain::routine::Routine;
use serde::Deserialize;
use serde_json::json;

use crate::support::{single_plan, Browser};

/// One observed change of the screen.
#[derive(Clone, Debug, Deserialize)]
struct Change {
    t: f64,
    timer: Option<String>,
    phase: Option<String>,
}

const RECORDER: &str = "window.__timeline = [];\
    let last = {};\
    const read = () => {\
      const timer = document.querySelector('[role=timer]');\
      const phase = document.querySelector('.phase');\
      return { timer: timer && timer.textContent.trim(), phase: phase && phase.textContent.trim() };\
    };\
    new MutationObserver(() => {\
      const t = performance.now(); const now = read();\
      if (now.timer !== last.timer || now.phase !== last.phase) {\
        window.__timeline.push({ t, timer: now.timer, phase: now.phase }); last = now;\
      }\
    }).observe(document.body, { subtree: true, childList: true, characterData: true });";

fn seconds(text: &str) -> Option<u64> {
    let (m, s) = text.split_once(':')?;
    Some(m.parse::<u64>().ok()? * 60 + s.parse::<u64>().ok()?)
}

async fn timeline(browser: &Browser) -> Vec<Change> {
    serde_json::from_value(browser.script("return window.__timeline").await).expect("a timeline")
}

/// Plays `path`, whose plan is `plan`, and returns the page clock's time at
/// which the first segment started, calibrated from the first second the
/// countdown ticks off.
async fn start_recorded(browser: &Browser, path: &str, plan: &[Segment]) -> f64 {
    browser.open(path).await;
    browser.script(RECORDER).await;
    browser.click_button("Start").await;
    let first = plan[0].duration_ms / 1000;
    let tick = format!("0:{:02}", first - 1);
    browser.see_timer(&tick).await;
    let changes = timeline(browser).await;
    let ticked = changes
        .iter()
        .find(|c| c.timer.as_deref() == Some(tick.as_str()))
        .expect("the first tick was recorded");
    ticked.t - 1000.0
}

/// For every planned boundary after `from` (page clock ms), how late (ms) the
/// screen showed the new segment.
fn boundary_errors(changes: &[Change], plan: &[Segment], start: f64, from: f64) -> Vec<f64> {
    let mut planned = Vec::new();
    let mut at = start;
    for segment in plan.iter().take(plan.len() - 1) {
        at += segment.duration_ms as f64;
        planned.push(at);
    }
    // A new segment shows as a new phase or a countdown that jumps back up.
    let mut observed = Vec::new();
    for pair in changes.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let rose = match (
            a.timer.as_deref().and_then(seconds),
            b.timer.as_deref().and_then(seconds),
        ) {
            (Some(x), Some(y)) => y > x,
            _ => false,
        };
        if rose || a.phase != b.phase {
            observed.push(b.t);
        }
    }
    planned
        .iter()
        .filter(|p| **p > from)
        .map(|p| {
            observed
                .iter()
                .map(|o| o - p)
                .min_by(|x, y| x.abs().total_cmp(&y.abs()))
                .unwrap_or(f64::INFINITY)
        })
        .collect()
}

/// Freezes the page for `seconds` of real time, as a phone does to a tab in
/// the background, and returns the page clock's time when it thawed.
async fn freeze_for(browser: &Browser, seconds: u64) -> f64 {
    browser
        .cdp("Page.setWebLifecycleState", json!({ "state": "frozen" }))
        .await;
    // The wait is the scenario itself (a minute in a pocket), not a guess at
    // how long something takes.
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    browser
        .cdp("Page.setWebLifecycleState", json!({ "state": "active" }))
        .await;
    browser
        .script("return performance.now()")
        .await
        .as_f64()
        .expect("a time")
}

/// After a thaw at `thawed` during the hold (`plan[1]`): the first change
/// must show the second real time implies, and the next whole-second change
/// must come when real time says. Returns how far off (ms) that change was.
fn error_after_thaw(changes: &[Change], plan: &[Segment], start: f64, thawed: f64) -> f64 {
    let hold_ends = start + (plan[0].duration_ms + plan[1].duration_ms) as f64;
    let after: Vec<(f64, f64)> = changes
        .iter()
        .filter(|c| c.t > thawed - 50.0)
        .filter_map(|c| Some((c.t, c.timer.as_deref().and_then(seconds)? as f64)))
        .collect();
    assert!(
        after.len() >= 2,
        "the countdown moved twice after the thaw: {after:?}"
    );
    // The catch-up redraw shows ceil(remaining), so `shown` means between
    // shown - 1 and shown seconds remained. Real time (calibrated from the
    // first tick, itself a few ms late) must fall within 250 ms of that.
    let (t, shown) = after[0];
    let remaining = hold_ends - t;
    let (low, high) = ((shown - 1.0) * 1000.0, shown * 1000.0);
    let off = if remaining < low {
        low - remaining
    } else {
        (remaining - high).max(0.0)
    };
    assert!(
        off <= 250.0,
        "right after the thaw the countdown showed {shown} s while {remaining:.0} ms remained"
    );
    // The next tick: the countdown shows ceil(remaining), so it changes to
    // `shown` exactly when `shown` whole seconds remain.
    let (t, shown) = after[1];
    t - (hold_ends - shown * 1000.0)
}

async fn wait_for_changes_after(browser: &Browser, thawed: f64, count: u64) {
    let script = format!("return window.__timeline.filter(c => c.t > {thawed} - 50).length");
    browser
        .wait_until("the countdown to move after the thaw", || async {
            (browser.script(&script).await.as_u64().unwrap_or(0) >= count).then_some(())
        })
        .await;
}

/// Real time, no fake clock, in every engine: get ready, the left side,
/// switch sides and the right side, each boundary on time and the
/// countdown falling by one every second in between.
#[tokio::test]
async fn a_two_sided_stretch_plays_in_real_time_across_its_boundaries() {
    let plan = single_plan("side-lying-flexion-rotation", 5);
    let shown: Vec<&Segment> = plan.iter().take(4).collect();
    let phases: Vec<Phase> = shown.iter().map(|s| s.phase).collect();
    assert_eq!(
        phases,
        [
            Phase::GetReady,
            Phase::Hold,
            Phase::SwitchSides,
            Phase::Hold
        ],
        "the plan this test expects"
    );
    let browser = Browser::phone().await;
    let start = start_recorded(
        &browser,
        "/play/stretch/side-lying-flexion-rotation?hold=5",
        &plan,
    )
    .await;
    let through: u64 = shown.iter().map(|s| s.duration_ms).sum();
    let last_second = format!("0:{:02}", 1);
    // Past the right side's last second: three boundaries crossed.
    let timeout = Duration::from_millis(through) + Duration::from_secs(5);
    browser
        .wait_until_within(
            "the right side's hold to reach its last second",
            timeout,
            || async {
                let changes = timeline(&browser).await;
                let holds = changes
                    .iter()
                    .filter(|c| c.timer.as_deref() == Some(last_second.as_str()))
                    .count();
                (holds >= 4).then_some(())
            },
        )
        .await;
    let changes = timeline(&browser).await;
    let errors = boundary_errors(&changes, &plan, start, start);
    let crossed: Vec<f64> = errors.iter().take(3).copied().collect();
    eprintln!(
        "{}: boundaries shown {crossed:.0?} ms from plan",
        browser.engine().name()
    );
    assert!(
        crossed.iter().all(|e| e.abs() <= 400.0),
        "boundaries shown {crossed:.0?} ms from when the plan puts them"
    );
    // Within each segment the countdown falls by one each second.
    let ticks: Vec<(f64, u64)> = changes
        .iter()
        .filter_map(|c| Some((c.t, c.timer.as_deref().and_then(seconds)?)))
        .filter(|(t, _)| *t < start + through as f64)
        .collect();
    for pair in ticks.windows(2) {
        let ((t0, a), (t1, b)) = (pair[0], pair[1]);
        if b < a {
            assert_eq!(a - b, 1, "the countdown skipped from {a} to {b}: {ticks:?}");
            let gap = t1 - t0;
            assert!(
                (700.0..=1300.0).contains(&gap),
                "{a} to {b} took {gap:.0} ms: {ticks:?}"
            );
        }
    }
    browser.finish().await;
}

#[tokio::test]
async fn a_page_frozen_for_a_minute_shows_the_time_real_time_implies() {
    let plan = single_plan("legs-up-rest", 240);
    let browser = Browser::phone().await;
    if browser.needs_chromium("freeze the page as a locked phone does") {
        return;
    }
    let start = start_recorded(&browser, "/play/stretch/legs-up-rest?hold=240", &plan).await;
    browser.see_timer("4:00").await;
    let thawed = freeze_for(&browser, 60).await;
    wait_for_changes_after(&browser, thawed, 2).await;
    let error = error_after_thaw(&timeline(&browser).await, &plan, start, thawed);
    eprintln!("after a frozen minute the countdown was {error:.1} ms off");
    assert!(
        error.abs() <= 250.0,
        "after a frozen minute the countdown is {error:.0} ms off"
    );
    browser.finish().await;
}

/// `make bench`: boundary accuracy over real time, with and without a freeze.
#[tokio::test]
#[ignore = "takes five minutes of real time; run by `make bench`"]
async fn bench_boundary_accuracy() {
    // A real routine longer than two minutes, played straight through.
    let routine = Routine::builtin("desk-break").expect("shipped");
    let plan = Plan::new(&routine, &Timing::default()).segments;
    let total: u64 = plan.iter().map(|s| s.duration_ms).sum();
    assert!(
        total >= 120_000,
        "the benchmark routine must last two minutes"
    );
    let browser = Browser::phone().await;
    let start = start_recorded(&browser, "/play/desk-break", &plan).await;
    browser
        .see_heading_within("Well done", Duration::from_millis(total + 5_000))
        .await;
    let errors = boundary_errors(&timeline(&browser).await, &plan, start, start);
    let visible = errors.iter().fold(0.0f64, |m, e| m.max(e.abs()));
    browser.finish().await;

    // One long hold with a frozen minute in the middle.
    let plan = single_plan("legs-up-rest", 120);
    let browser = Browser::phone().await;
    let start = start_recorded(&browser, "/play/stretch/legs-up-rest?hold=120", &plan).await;
    browser
        .see_timer_within("1:50", Duration::from_secs(30))
        .await;
    let thawed = freeze_for(&browser, 60).await;
    browser
        .see_heading_within("Well done", Duration::from_secs(90))
        .await;
    let changes = timeline(&browser).await;
    let frozen = error_after_thaw(&changes, &plan, start, thawed);
    let after = boundary_errors(&changes, &plan, start, thawed);
    let after_max = after.iter().fold(frozen.abs(), |m, e| m.max(e.abs()));
    browser.finish().await;

    println!(
        "player timing: {} boundaries over {} s, largest error {visible:.1} ms (target <= 10 ms)",
        errors.len(),
        total / 1000
    );
    println!(
        "player timing: after a frozen minute, largest error {after_max:.1} ms (target <= 250 ms)"
    );
    assert!(
        visible <= 10.0,
        "visible boundaries were up to {visible:.1} ms late"
    );
    assert!(
        after_max <= 250.0,
        "after a frozen minute: {after_max:.1} ms"
    );
}
