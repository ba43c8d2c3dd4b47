//! The player against a clock the test controls: a fake `performance.now`
//! installed through the DevTools protocol before the page loads. Expected
//! screens come from the same plan, built natively.

use fantoccini::key::Key;
use limber::domain::catalogue::{self, Urgency};
use limber::domain::cue::phase_title;
use limber::domain::plan::{Phase, Plan, Segment, Side, Timing};
use limber::domain::routine::{clock, Routine};

use crate::support::{single_plan, Browser};

fn seconds(segment: &Segment) -> String {
    clock(u32::try_from(segment.duration_ms / 1000).expect("short"))
}

async fn start_session(browser: &Browser, path: &str, name: &str) {
    browser.install_fake_clock().await;
    browser.open(path).await;
    browser.see_heading(name).await;
    browser.click_button("Start").await;
}

async fn see_phase(browser: &Browser, segment: &Segment) {
    browser.see_text(&phase_title(segment)).await;
    browser.see_timer(&seconds(segment)).await;
}

#[tokio::test]
async fn the_countdown_follows_the_clock_and_pause_resume_skip_back_work() {
    let plan = single_plan("knee-to-chest", 20);
    let name = catalogue::stretch("knee-to-chest").expect("shipped").name;
    let browser = Browser::phone().await;
    start_session(&browser, "/play/stretch/knee-to-chest?hold=20", name).await;

    // Get ready 0:05, falling with the clock; at exactly 5 s the hold begins.
    assert_eq!(plan[0].phase, Phase::GetReady);
    see_phase(&browser, &plan[0]).await;
    browser.advance_clock(1_000).await;
    browser.see_timer("0:04").await;
    browser.advance_clock(3_999).await;
    browser.see_timer("0:01").await;
    browser.advance_clock(1).await;
    see_phase(&browser, &plan[1]).await;
    browser.screenshot("player-hold-phone").await;

    // Pause holds the time through a long gap; Resume continues from it.
    // Ticking seconds redraw the countdown only, not the screen around it.
    let figure = browser.find_by_role("img", name).await;
    browser.advance_clock(2_000).await;
    browser.see_timer("0:18").await;
    assert!(
        figure.is_displayed().await.is_ok(),
        "the figure was rebuilt while the countdown ticked"
    );
    browser.click_button("Pause").await;
    browser.advance_clock(60_000).await;
    browser.find_by_role("button", "Resume").await;
    browser.see_timer("0:18").await;
    browser.click_button("Resume").await;
    browser.advance_clock(3_000).await;
    browser.see_timer("0:15").await;

    // Skip moves to the next segment; Back early in it returns.
    browser.click_button("Skip").await;
    see_phase(&browser, &plan[2]).await;
    browser.click_button("Back").await;
    see_phase(&browser, &plan[1]).await;

    // The keyboard does the same: Space pauses and resumes, arrows skip and
    // go back, from anywhere but a focused control (where Space presses it).
    browser.script("document.activeElement.blur()").await;
    browser.press(Key::Space).await;
    browser.find_by_role("button", "Resume").await;
    browser.press(Key::Space).await;
    browser.find_by_role("button", "Pause").await;
    browser.press(Key::Right).await;
    see_phase(&browser, &plan[2]).await;
    browser.press(Key::Left).await;
    see_phase(&browser, &plan[1]).await;
    browser.finish().await;
}

#[tokio::test]
async fn a_two_sided_stretch_says_switch_sides_between_the_sides() {
    let plan = single_plan("figure-four", 15);
    let switch = plan
        .iter()
        .position(|s| s.phase == Phase::SwitchSides)
        .expect("two-sided");
    assert_eq!(plan[switch - 1].side, Some(Side::Left));
    assert_eq!(plan[switch + 1].side, Some(Side::Right));
    let name = catalogue::stretch("figure-four").expect("shipped").name;
    let browser = Browser::phone().await;
    start_session(&browser, "/play/stretch/figure-four?hold=15", name).await;
    let before: u64 = plan[..switch].iter().map(|s| s.duration_ms).sum();
    browser.advance_clock(before).await;
    see_phase(&browser, &plan[switch]).await;
    browser.screenshot("player-switch-phone").await;
    browser.prefer_dark().await;
    browser.screenshot("player-switch-phone-dark").await;
    browser.advance_clock(plan[switch].duration_ms).await;
    see_phase(&browser, &plan[switch + 1]).await;
    // The right side is drawn mirrored.
    let mirrored = browser
        .script("return document.querySelectorAll('main [role=img] g[transform]').length")
        .await;
    assert_eq!(mirrored, 1, "the right side's figure is mirrored");
    browser.finish().await;
}

#[tokio::test]
async fn a_whole_routine_reaches_the_finish_screen() {
    let routine = Routine::builtin("desk-break").expect("shipped");
    let total = u64::from(routine.total_seconds(&Timing::default())) * 1000;
    let browser = Browser::phone().await;
    browser.install_fake_clock().await;
    browser.open("/routines/desk-break").await;
    browser.click_link("Start").await;
    browser.see_heading(&routine.name).await;
    browser.choose("pain-before", "3").await;
    browser.click_button("Start").await;
    browser.advance_clock(total - 1).await;
    browser.see_timer("0:01").await;
    browser.advance_clock(1).await;
    browser.see_heading("Well done").await;
    browser
        .see_text(&format!(
            "Time\n{}",
            clock(u32::try_from(total / 1000).expect("short"))
        ))
        .await;
    browser
        .see_text(&format!("Done\n{}", routine.steps.len()))
        .await;
    browser.choose("pain-after", "1").await;
    browser.screenshot("player-finish-phone").await;
    browser.prefer_dark().await;
    browser.screenshot("player-finish-phone-dark").await;
    browser.click_button("Finish").await;
    browser.click_link("Back to home").await;
    browser
        .see_heading("Gentle stretches for your lower back")
        .await;
    browser.finish().await;
}

#[tokio::test]
async fn this_hurts_pauses_explains_and_lets_you_skip() {
    let plan = single_plan("sphinx", 30);
    let name = catalogue::stretch("sphinx").expect("shipped").name;
    let browser = Browser::phone().await;
    start_session(&browser, "/play/stretch/sphinx?hold=30", name).await;
    browser.advance_clock(plan[0].duration_ms + 4_000).await;
    browser.see_timer("0:26").await;
    browser.click_button("This hurts").await;
    browser.see_heading("Ease off now").await;
    browser
        .wait_until("focus to move into the sheet", || async {
            (browser.focused_name().await == "Skip this stretch").then_some(())
        })
        .await;
    let emergency = catalogue::safety()
        .tier(Urgency::Emergency)
        .expect("an emergency tier");
    browser.see_heading(emergency.title).await;
    browser.screenshot("player-hurts-phone").await;
    browser.advance_clock(30_000).await;
    browser.see_timer("0:26").await;
    browser.click_button("Skip this stretch").await;
    browser.see_heading("Session ended").await;
    browser
        .see_text(&format!("Marked as hurting: {name}"))
        .await;
    browser.finish().await;
}

#[tokio::test]
async fn end_asks_first_and_escape_backs_out() {
    let plan = single_plan("cat-cow", 20);
    let name = catalogue::stretch("cat-cow").expect("shipped").name;
    let browser = Browser::phone().await;
    start_session(&browser, "/play/stretch/cat-cow?hold=20", name).await;
    browser.advance_clock(plan[0].duration_ms).await;
    browser.see_timer(&seconds(&plan[1])).await;
    browser.press(Key::Escape).await;
    browser.see_heading("End this session?").await;
    // Focus moves into the sheet, on its safe choice.
    browser
        .wait_until("focus to move into the sheet", || async {
            (browser.focused_name().await == "Keep going").then_some(())
        })
        .await;
    browser.press(Key::Escape).await;
    browser.find_by_role("button", "Pause").await;
    browser.click_button("End").await;
    browser.click_button("End session").await;
    browser.see_heading("Session ended").await;
    browser.finish().await;
}

/// Rates pain by keyboard: Tab to the scale's 0, then the arrow keys.
async fn rate_pain_by_keyboard(browser: &Browser, rating: u8) {
    browser.tab_to("0").await;
    for _ in 0..rating {
        browser.press(Key::Right).await;
    }
    assert_eq!(browser.focused_name().await, rating.to_string());
}

#[tokio::test]
async fn a_whole_routine_played_by_keyboard_alone_is_saved() {
    let routine = Routine::builtin("desk-break").expect("shipped");
    let plan = Plan::new(&routine, &Timing::default()).segments;
    let total: u64 = plan.iter().map(|s| s.duration_ms).sum();
    let browser = Browser::phone().await;
    browser.install_fake_clock().await;
    browser.open("/routines/desk-break").await;
    browser.tab_to("Start").await;
    browser.press(Key::Enter).await;
    browser.see_heading(&routine.name).await;
    rate_pain_by_keyboard(&browser, 4).await;
    browser.tab_to("Start").await;
    browser.press(Key::Enter).await;
    see_phase(&browser, &plan[0]).await;

    // Space pauses: the time holds however long the pause; Space resumes.
    browser.press(Key::Space).await;
    browser.find_by_role("button", "Resume").await;
    browser.advance_clock(60_000).await;
    see_phase(&browser, &plan[0]).await;
    browser.press(Key::Space).await;
    browser.find_by_role("button", "Pause").await;
    // The right arrow skips ahead, the left arrow comes back.
    browser.press(Key::Right).await;
    see_phase(&browser, &plan[1]).await;
    browser.press(Key::Left).await;
    see_phase(&browser, &plan[0]).await;

    browser.advance_clock(total).await;
    browser.see_heading("Well done").await;
    rate_pain_by_keyboard(&browser, 2).await;
    browser.tab_to("Finish").await;
    browser.press(Key::Enter).await;
    browser.tab_to("Back to home").await;
    let stored = browser
        .script(&format!(
            "return localStorage.getItem('{}')",
            limber::domain::storage::HISTORY_KEY
        ))
        .await;
    let history = limber::domain::storage::load_history(stored.as_str().expect("saved"))
        .expect("readable")
        .data;
    let [session] = history.sessions.as_slice() else {
        panic!("one session, not {:?}", history.sessions);
    };
    assert_eq!(
        (session.pain_before, session.pain_after),
        (Some(4), Some(2))
    );
    assert!(session.skipped.is_empty(), "{session:?}");
    assert_eq!(session.done.len(), routine.steps.len(), "{session:?}");
    browser.press(Key::Enter).await;
    browser
        .see_heading("Gentle stretches for your lower back")
        .await;
    browser.finish().await;
}
