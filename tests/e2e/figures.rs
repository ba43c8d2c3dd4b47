//! Figures in the app: every stretch page draws its exercise.

use limber::domain::catalogue;

use crate::support::Browser;

#[tokio::test]
async fn every_stretch_page_shows_its_figure() {
    let browser = Browser::phone().await;
    for stretch in catalogue::stretches() {
        browser.open(&format!("/stretches/{}", stretch.id)).await;
        browser.see_heading(stretch.name).await;
        // The moving figure is an image named after the exercise; with
        // reduced motion it would be one image per key pose.
        let figure = browser.find_by_role("img", stretch.name).await;
        let lines = browser
            .script_with(
                "return arguments[0].querySelectorAll('line').length",
                &figure,
            )
            .await;
        assert!(
            lines.as_u64().unwrap_or(0) >= 15,
            "{}: the figure has no body",
            stretch.id
        );
    }
    browser.finish().await;
}

#[tokio::test]
async fn reduced_motion_shows_key_poses_side_by_side() {
    let cat_cow = catalogue::stretch("cat-cow").expect("shipped");
    let browser = Browser::phone().await;
    if browser.needs_chromium("ask for reduced motion") {
        return;
    }
    browser.prefer_reduced_motion().await;
    browser.open("/stretches/cat-cow").await;
    for n in 1..=cat_cow.figure.poses.len() {
        let name = format!(
            "{}, position {n} of {}",
            cat_cow.name,
            cat_cow.figure.poses.len()
        );
        browser.find_by_role("img", &name).await;
    }
    let animations = browser
        .script("return document.querySelectorAll('main animate').length")
        .await;
    assert_eq!(
        animations, 0,
        "nothing moves for a person who asked for less motion"
    );
    browser.finish().await;
}

/// Waits until the figure named `name` moves by itself: where its limbs are
/// drawn changes within 2 s, with no input.
async fn see_figure_move(browser: &Browser, name: &str) {
    let figure = browser.find_by_role("img", name).await;
    let drawn = "return Array.from(arguments[0].querySelectorAll('line')).map(l => \
        [l.x1.animVal.value, l.y1.animVal.value, l.x2.animVal.value, l.y2.animVal.value].join()).join(';')";
    let first = browser.script_with(drawn, &figure).await;
    browser
        .wait_until_within(
            &format!("{name} to move with no input"),
            std::time::Duration::from_secs(2),
            || async {
                let now = browser.script_with(drawn, &figure).await;
                (now != first).then_some(())
            },
        )
        .await;
}

#[tokio::test]
async fn a_figure_animates_without_any_input_opened_directly_or_reached_by_a_link() {
    let cat_cow = catalogue::stretch("cat-cow").expect("shipped");
    let browser = Browser::phone().await;
    browser.open("/stretches/cat-cow").await;
    see_figure_move(&browser, cat_cow.name).await;
    browser.click_link("All stretches").await;
    browser.click_link(cat_cow.name).await;
    browser.see_heading(cat_cow.name).await;
    see_figure_move(&browser, cat_cow.name).await;
    browser.finish().await;
}
