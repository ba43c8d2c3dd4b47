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
