//! The builder: a routine made, reordered, saved and played without a mouse.

use fantoccini::key::Key;

use crate::support::engine::Engine;
use crate::support::Browser;

/// Tabs to the control named `name` and presses Enter, as a keyboard user.
async fn press_button(browser: &Browser, name: &str) {
    browser.tab_to(name).await;
    browser.press(Key::Enter).await;
}

/// Types into whatever has focus.
async fn type_text(browser: &Browser, text: &str) {
    browser.press_text(text).await;
}

/// The one saved routine, as the player will play it.
async fn saved_as_routine(browser: &Browser) -> limber::domain::routine::Routine {
    let text = browser
        .script(&format!(
            "return localStorage.getItem('{}')",
            limber::domain::saved::ROUTINES_KEY
        ))
        .await;
    let loaded =
        limber::domain::saved::load_routines(text.as_str().expect("saved")).expect("readable");
    loaded.data.items[0].to_routine().expect("known stretches")
}

#[tokio::test]
async fn build_a_routine_by_keyboard_save_it_and_play_it() {
    let browser = Browser::phone().await;
    // Seen with Firefox ESR 153 and geckodriver 0.37.1: once one button on
    // the page has been pressed with Enter, WebDriver's Enter or Space on
    // another button fires keydown, keypress and keyup but no click.
    if browser.cannot_run_in(
        &[Engine::Firefox],
        "geckodriver's key presses stop activating buttons after the first",
    ) {
        return;
    }
    browser.install_fake_clock().await;
    browser.open("/builder").await;
    browser.see_heading("New routine").await;
    // Saving an empty routine says why not.
    press_button(&browser, "Save routine").await;
    browser.see_text("Give the routine a name.").await;
    browser.see_text("Add at least one stretch.").await;

    browser.tab_to("Name").await;
    type_text(&browser, "Morning back").await;
    browser.tab_to("Find a stretch").await;
    type_text(&browser, "cat").await;
    press_button(&browser, "Add Cat-cow").await;
    browser.see_text("Added Cat-cow as step 1.").await;
    browser.tab_to("Find a stretch").await;
    for _ in 0..3 {
        browser.press(Key::Backspace).await;
    }
    type_text(&browser, "sphinx").await;
    press_button(&browser, "Add Sphinx").await;
    browser.see_text("Added Sphinx as step 2.").await;

    // Sphinx first: moving keeps focus on the moved step's controls.
    press_button(&browser, "Move Sphinx up").await;
    browser.see_heading("1. Sphinx").await;
    // The page moves focus a frame after the redraw.
    browser
        .wait_until("focus on \"Move Sphinx down\"", || async {
            (browser.focused_name().await == "Move Sphinx down").then_some(())
        })
        .await;
    // A hold out of range is named, then fixed.
    browser.tab_to("Cat-cow Hold (seconds)").await;
    for _ in 0..4 {
        browser.press(Key::Backspace).await;
    }
    type_text(&browser, "2").await;
    press_button(&browser, "Save routine").await;
    browser
        .see_text("Step 2: hold between 5 and 300 seconds.")
        .await;
    browser.tab_to("Cat-cow Hold (seconds)").await;
    browser.press(Key::Backspace).await;
    type_text(&browser, "20").await;
    browser.screenshot("builder-phone").await;
    browser.prefer_dark().await;
    browser.screenshot("builder-phone-dark").await;
    press_button(&browser, "Save routine").await;

    browser.see_heading("Morning back").await;
    let steps = browser.list_under_heading("Steps").await;
    assert!(steps[0].starts_with("Sphinx"), "{steps:?}");
    assert!(steps[1].starts_with("Cat-cow"), "{steps:?}");
    assert!(steps[1].contains("20 s"), "{steps:?}");
    browser.tab_to("Start").await;
    browser.press(Key::Enter).await;
    browser.see_heading("Morning back").await;
    browser.tab_to("Start").await;
    browser.press(Key::Enter).await;
    browser.see_timer("0:05").await;
    // Played to its end under the fake clock.
    let routine = saved_as_routine(&browser).await;
    let timing = limber::domain::plan::Timing::default();
    browser
        .advance_clock(limber::domain::plan::Plan::new(&routine, &timing).total_ms())
        .await;
    browser.see_heading("Well done").await;
    browser.finish().await;
}

#[tokio::test]
async fn customise_then_delete_and_undo() {
    let browser = Browser::phone().await;
    browser.open("/routines/desk-break").await;
    browser.click_link("Customize").await;
    browser.see_heading("New routine").await;
    browser.click_button("Save routine").await;
    browser.see_heading("My Desk break").await;
    browser.click_button("Delete").await;
    browser.see_text("Deleted “My Desk break”.").await;
    assert!(!browser.main_text().await.contains("Your routines"));
    browser.click_button("Undo").await;
    let mine = browser.list_under_heading("Your routines").await;
    assert!(mine[0].starts_with("My Desk break"), "{mine:?}");
    // A stretch page adds to a saved routine, at the end.
    browser.open("/stretches/cat-cow").await;
    browser.click_link("My Desk break").await;
    browser.see_heading("Edit routine").await;
    browser.see_heading("5. Cat-cow").await;
    browser.click_button("Save routine").await;
    browser.see_heading("My Desk break").await;
    let steps = browser.list_under_heading("Steps").await;
    assert_eq!(steps.len(), 5, "{steps:?}");
    assert!(steps[4].starts_with("Cat-cow"), "{steps:?}");
    // Duplicating names the copy as one.
    browser.click_link("Duplicate").await;
    browser.see_heading("New routine").await;
    let name = browser.find_by_role("textbox", "Name").await;
    assert_eq!(
        browser
            .script_with("return arguments[0].value", &name)
            .await,
        serde_json::json!("My Desk break (copy)")
    );
    browser.finish().await;
}
