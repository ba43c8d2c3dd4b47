//! Home's "How is your back today?": a pain rating and the minutes free
//! suggest a routine, which starts with one tap. Expected routines, reasons
//! and times come from the same rule, run natively (`domain::suggest`).

use limber::domain::catalogue;
use limber::domain::plan::{Phase, Plan, Timing};
use limber::domain::routine::{clock, exercise_count, Routine};
use limber::domain::suggest::{self, Suggestion};

use crate::support::Browser;

fn builtins() -> Vec<Routine> {
    catalogue::routines()
        .iter()
        .filter_map(Routine::from_builtin)
        .collect()
}

/// What home should suggest for a fresh profile (default timing, no cautions).
fn expected(pain: u8, minutes: u8) -> Suggestion {
    suggest::suggest(pain, minutes, &Timing::default(), &builtins()).expect("routines ship")
}

/// Where a link goes: its path and query (engines differ in what
/// WebDriver's `href` returns, so the browser resolves it).
async fn goes_to(browser: &Browser, link: &fantoccini::elements::Element) -> String {
    let to = browser
        .script_with(
            "const u = new URL(arguments[0].href); return u.pathname + u.search;",
            link,
        )
        .await;
    to.as_str().expect("a string").to_string()
}

/// The first hold of a routine, as the countdown shows it.
fn first_hold(routine: &Routine) -> (u64, String) {
    let plan = Plan::new(routine, &Timing::default());
    let before: u64 = plan
        .segments
        .iter()
        .take_while(|s| s.phase != Phase::Hold)
        .map(|s| s.duration_ms)
        .sum();
    let hold = plan
        .segments
        .iter()
        .find(|s| s.phase == Phase::Hold)
        .expect("a hold");
    let seconds = u32::try_from(hold.duration_ms / 1000).expect("short");
    (before, clock(seconds))
}

#[tokio::test]
async fn home_suggests_a_routine_for_todays_pain_and_time_and_starts_it_with_shorter_holds() {
    let high = expected(8, 5);
    let full = Routine::builtin(&high.id).expect("a built-in routine");
    let gentlest = suggest::gentlest(&suggest::gentle(&builtins())).expect("a gentle routine");
    assert_eq!(high.id, gentlest.id, "high pain: the gentlest routine");
    assert!(high.short_holds && high.fits && high.warning_signs);
    assert!(high.reason.contains("shorter holds"), "{}", high.reason);
    let (ready_ms, short_hold) = first_hold(&high.routine);
    let (_, full_hold) = first_hold(&full);
    assert_ne!(short_hold, full_hold, "the first hold is shortened");

    let browser = Browser::phone().await;
    browser.install_fake_clock().await;
    browser.open("/").await;
    browser.see_heading("How is your back today?").await;
    // Nothing is suggested before the person answers.
    browser
        .see_text("Choose a number to see a routine for today.")
        .await;

    browser.choose("pain-today", "8").await;
    browser.choose("minutes-today", "5 min").await;
    browser.see_heading(&high.routine.name).await;
    browser.see_text(&high.reason).await;
    // A screen reader hears the new suggestion without moving there.
    browser.see_status(&high.reason).await;
    browser
        .see_text("With pain this strong, read When to get help before you start.")
        .await;
    let link = browser
        .find_by_role(
            "link",
            &format!("See the exercises in {}", high.routine.name),
        )
        .await;
    assert_eq!(
        goes_to(&browser, &link).await,
        format!("/routines/{}", high.id)
    );
    let found = browser.accessibility_violations().await;
    assert!(found.is_empty(), "axe: {found:#?}");
    browser
        .screenshot(&format!(
            "home-suggestion-high-pain-{}",
            browser.engine().name()
        ))
        .await;

    // One tap: the player, with the routine as suggested.
    browser
        .click_link(&format!("Start {}", high.routine.name))
        .await;
    browser.see_path(&format!("/play/{}", high.id)).await;
    assert_eq!(
        browser.script("return location.search").await,
        "?holds=short"
    );
    browser.see_heading(&high.routine.name).await;
    let total = high.routine.total_seconds(&Timing::default());
    assert!(total < full.total_seconds(&Timing::default()));
    browser
        .see_text(&format!(
            "{} · {}",
            clock(total),
            exercise_count(high.routine.steps.len())
        ))
        .await;
    // The holds themselves are the shorter ones.
    browser.click_button("Start").await;
    browser.advance_clock(ready_ms).await;
    browser.see_timer(&short_hold).await;

    // Little pain and a quarter of an hour: a different, longer routine.
    let low = expected(2, 15);
    assert_ne!(low.id, high.id);
    assert!(low.seconds > high.seconds);
    assert!(!low.short_holds && !low.warning_signs);
    browser.open("/").await;
    browser.choose("pain-today", "2").await;
    browser.choose("minutes-today", "15 min").await;
    browser.see_heading(&low.routine.name).await;
    browser.see_text(&low.reason).await;
    let start = browser
        .find_by_role("link", &format!("Start {}", low.routine.name))
        .await;
    assert_eq!(goes_to(&browser, &start).await, format!("/play/{}", low.id));
    browser.finish().await;
}
