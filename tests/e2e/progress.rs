//! Progress kept in localStorage: saved, shown after a reload, never lost to
//! corrupt data, a full quota or a second tab.

use limber::domain::catalogue;
use limber::domain::plan::{Plan, Timing};
use limber::domain::routine::Routine;
use limber::domain::storage::HISTORY_KEY;

use crate::support::Browser;

/// Plays cat-cow for 10 s to the end with the fake clock and taps Finish.
pub async fn finish_a_short_session(browser: &Browser) {
    let stretch = catalogue::stretch("cat-cow").expect("shipped");
    let plan = Plan::new(&Routine::single(stretch, Some(10)), &Timing::default());
    browser.open("/play/stretch/cat-cow?hold=10").await;
    browser.see_heading(stretch.name).await;
    browser.choose("pain-before", "5").await;
    browser.click_button("Start").await;
    browser.advance_clock(plan.total_ms()).await;
    browser.see_heading("Well done").await;
    browser.choose("pain-after", "2").await;
    browser.click_button("Finish").await;
    browser.find_by_role("link", "Back to home").await;
}

#[tokio::test]
async fn a_finished_session_is_in_the_history_after_a_reload() {
    let browser = Browser::phone().await;
    browser.install_fake_clock().await;
    browser.open("/progress").await;
    browser.see_text("No sessions yet").await;
    finish_a_short_session(&browser).await;
    browser.open("/progress").await;
    browser.see_heading("Cat-cow").await;
    browser.see_text("1 of 7 days").await;
    browser.see_text("pain 5 → 2").await;
    // Each chart says in words what it draws.
    browser
        .see_text("In the last 12 weeks you stretched on 1 day")
        .await;
    browser
        .see_text(
            "Over your last 1 rated session, pain averaged 5.0 out of 10 before and 2.0 after.",
        )
        .await;
    browser.screenshot("progress-phone").await;
    browser.prefer_dark().await;
    browser.screenshot("progress-phone-dark").await;
    browser.finish().await;
}

#[tokio::test]
async fn corrupt_data_is_kept_aside_and_explained() {
    let browser = Browser::phone().await;
    browser.open("/").await;
    browser
        .script(&format!(
            "localStorage.setItem('{HISTORY_KEY}', '{{\"v\":1,broken')"
        ))
        .await;
    browser.open("/progress").await;
    browser.see_text("could not be read").await;
    browser.see_text("No sessions yet").await;
    let kept = browser
        .script(&format!(
            "return Object.keys(localStorage).filter(k => k.startsWith('{HISTORY_KEY}/backup-'))\
             .map(k => localStorage.getItem(k))"
        ))
        .await;
    assert_eq!(
        kept,
        serde_json::json!(["{\"v\":1,broken"]),
        "the original text is kept"
    );
    browser.screenshot("progress-notice-phone").await;
    // The unreadable text can be taken away as a file, exactly as it was.
    if !browser.cannot_download() {
        browser.click_button("Download the unreadable data").await;
        let (file, text) = browser.downloaded("limber-history-backup-").await;
        assert_eq!(text, "{\"v\":1,broken");
        assert!(file.extension().is_some_and(|e| e == "txt"));
    }
    browser.click_button("Dismiss").await;
    browser.finish().await;
}

#[tokio::test]
async fn a_full_quota_says_progress_is_not_kept_but_still_shows_it() {
    let browser = Browser::phone().await;
    browser.install_fake_clock().await;
    browser.open("/").await;
    // Fill localStorage to the brim, as years of other data might.
    browser
        .script(
            "let chunk = 'x'.repeat(1 << 20), i = 0;\
             try { for (;; i++) localStorage.setItem('filler-' + i, chunk); } catch (e) {}\
             chunk = 'x'.repeat(1024);\
             try { for (;; i++) localStorage.setItem('filler-' + i, chunk); } catch (e) {}\
             try { for (;; i++) localStorage.setItem('f' + i, 'x'); } catch (e) {}",
        )
        .await;
    finish_a_short_session(&browser).await;
    browser.see_text("storage for Limber is full").await;
    // In-app navigation, no reload: the session still shows.
    browser.click_link("Back to home").await;
    browser.click_link("Progress").await;
    browser.see_heading("Cat-cow").await;
    browser.finish().await;
}

#[tokio::test]
async fn a_session_saved_in_one_tab_shows_in_another() {
    let browser = Browser::phone().await;
    browser.install_fake_clock().await;
    browser.open("/progress").await;
    browser.see_text("No sessions yet").await;
    let (first, _second) = browser.open_second_tab().await;
    browser.install_fake_clock().await;
    finish_a_short_session(&browser).await;
    browser.switch_to(&first).await;
    browser.see_heading("Cat-cow").await;
    browser.finish().await;
}
