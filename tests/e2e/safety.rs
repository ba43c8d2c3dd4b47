//! The safety check before a first routine, and personal cautions that
//! change built-in routines and flag stretches.

use limber::domain::catalogue::{self, CautionAbout, Urgency};
use limber::domain::cautions::{adapt, Change};
use limber::domain::routine::Routine;

use crate::support::Browser;

/// Answers the questions of the check's tier `tier`: yes to the signs at
/// the positions in `yes`, no to the rest, then goes on.
async fn answer_tier(browser: &Browser, tier: usize, yes: &[usize]) {
    let tiers = catalogue::safety().tiers;
    let first: usize = tiers[..tier].iter().map(|t| t.signs.len()).sum();
    browser
        .see_heading(&format!("Question set {} of {}", tier + 1, tiers.len()))
        .await;
    for i in 0..tiers[tier].signs.len() {
        let answer = if yes.contains(&i) { "Yes" } else { "No" };
        browser.choose(&format!("sign-{}", first + i), answer).await;
    }
    browser.click_button("Next").await;
}

#[tokio::test]
async fn a_first_routine_waits_for_the_check_and_a_yes_says_which_help_and_what_to_tell() {
    let browser = Browser::newcomer().await;
    let routine = catalogue::routine("desk-break").expect("shipped");
    browser.open("/routines/desk-break").await;
    // Reading never waits for the check.
    browser.see_heading("Steps").await;
    browser.click_link("Start").await;
    browser.see_heading("A quick safety check").await;
    browser.click_button("Start the check").await;

    // A sign that needs a doctor today.
    let urgent = catalogue::safety()
        .tier(Urgency::Urgent)
        .expect("an urgent tier");
    answer_tier(&browser, 0, &[]).await;
    answer_tier(&browser, 1, &[0]).await;
    browser.see_heading(urgent.title).await;
    browser.see_text(urgent.action).await;
    browser.see_text(urgent.signs[0].sign).await;
    browser.see_text(urgent.tell).await;
    browser.find_by_role("link", "Read all warning signs").await;

    // A wrong answer can be changed; all no leads on to the routine.
    browser.click_button("Change my answers").await;
    answer_tier(&browser, 1, &[]).await;
    answer_tier(&browser, 2, &[]).await;
    browser.see_heading("No warning signs").await;
    browser.toggle_checkbox("Knee problems").await;
    browser.click_button("Go on to the routine").await;
    browser.see_heading(routine.name).await;
    browser.click_button("Start").await;
    browser.find_by_role("timer", "Time left").await;

    // Taken once: the next routine starts at once, and Settings remember.
    browser.open("/play/gentle-start").await;
    browser.find_by_role("button", "Start").await;
    browser.open("/settings").await;
    assert!(browser.is_checked("Knee problems").await);
    browser
        .see_text("Your last safety check found no warning signs.")
        .await;
    browser.finish().await;
}

#[tokio::test]
async fn an_emergency_answer_offers_no_way_on_and_the_check_comes_back() {
    let browser = Browser::newcomer().await;
    let emergency = catalogue::safety()
        .tier(Urgency::Emergency)
        .expect("an emergency tier");
    // From Safety, where anyone can take it at any time.
    browser.open("/safety").await;
    browser.click_link("Take the safety check").await;
    browser.see_heading("Safety check").await;
    browser.click_button("Start the check").await;
    answer_tier(&browser, 0, &[1]).await;
    browser.see_heading(emergency.title).await;
    browser.see_text(emergency.action).await;
    browser.see_text(emergency.signs[1].sign).await;
    browser
        .see_text("Don't stretch until you have been seen.")
        .await;
    let text = browser.main_text().await;
    assert!(
        !text.contains("continue"),
        "no way on to a routine after an emergency answer: {text}"
    );
    browser.open("/settings").await;
    browser
        .see_text("Your last safety check found a sign that needs emergency help.")
        .await;
    // Starting a routine asks again: an answer to change, not to live with.
    browser.open("/play/desk-break").await;
    browser.see_heading("A quick safety check").await;
    browser.click_button("Not now").await;
    browser.find_by_role("button", "Start").await;
    browser.finish().await;
}

#[tokio::test]
async fn personal_cautions_change_a_built_in_routine_and_flag_stretches() {
    let browser = Browser::phone().await;
    browser.open("/settings").await;
    browser.toggle_checkbox("Hip replacement").await;

    let original = Routine::builtin("bedtime-wind-down").expect("shipped");
    let adapted = adapt(&original, &[CautionAbout::HipReplacement]);
    assert!(
        adapted
            .changes
            .iter()
            .any(|c| matches!(c, Change::Swapped { .. })),
        "the routine this test reads swaps a stretch"
    );
    browser.open("/routines/bedtime-wind-down").await;
    browser.see_heading("Changed for you").await;
    for change in &adapted.changes {
        browser.see_text(&change.explain()).await;
    }
    let steps = browser.list_under_heading("Steps").await;
    let names: Vec<&str> = adapted
        .routine
        .steps
        .iter()
        .map(|s| s.stretch.name)
        .collect();
    assert_eq!(steps.len(), names.len(), "{steps:?}");
    for (step, name) in steps.iter().zip(&names) {
        assert!(step.starts_with(name), "{step:?} is {name}");
    }

    // The player plays the changed routine, and says so first.
    browser.click_link("Start").await;
    browser.see_heading("Changed for you").await;
    browser.see_text(&adapted.changes[0].explain()).await;

    // Lists flag what does not suit; the stretch page puts yours first.
    browser.open("/stretches").await;
    browser.see_text("May not suit you · Hip replacement").await;
    browser.open("/stretches/happy-baby").await;
    let cautions = browser.list_under_heading("Take care").await;
    assert!(
        cautions
            .first()
            .is_some_and(|c| c.starts_with("Hip replacement (you):")),
        "{cautions:?}"
    );

    // Unticked, the routine is the original again.
    browser.open("/settings").await;
    browser.toggle_checkbox("Hip replacement").await;
    browser.open("/routines/bedtime-wind-down").await;
    let steps = browser.list_under_heading("Steps").await;
    assert_eq!(steps.len(), original.steps.len(), "{steps:?}");
    browser.finish().await;
}
