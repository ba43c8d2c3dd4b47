//! Settings apply at once, persist across reloads and change the player.

use limber::domain::catalogue;
use limber::domain::plan::Timing;
use limber::domain::routine::{clock, exercise_count, Routine};

use crate::support::Browser;

#[tokio::test]
async fn theme_and_text_size_apply_at_once_and_persist() {
    let browser = Browser::phone().await;
    browser.open("/settings").await;
    browser.see_heading("Settings").await;
    // Whether the browser keeps storage is said plainly, either way.
    browser
        .see_text("Everything you save stays in this browser on this device. The browser")
        .await;
    browser.screenshot("settings-phone").await;
    browser.choose("theme", "Dark").await;
    browser.choose("text-size", "Large").await;
    let applied = browser
        .script(
            "return [document.documentElement.dataset.theme,\
             getComputedStyle(document.body).backgroundColor,\
             document.documentElement.style.getPropertyValue('--text-scale')]",
        )
        .await;
    assert_eq!(
        applied,
        serde_json::json!(["dark", "rgb(16, 23, 22)", "1.15"])
    );
    browser.screenshot("settings-phone-dark").await;
    browser.open("/settings").await;
    browser
        .wait_until("the dark theme after a reload", || async {
            (browser
                .script("return document.documentElement.dataset.theme")
                .await
                == "dark")
                .then_some(())
        })
        .await;
    let checked = browser
        .script(
            "return document.querySelector('input[name=theme]:checked').parentElement.textContent",
        )
        .await;
    assert_eq!(checked, "Dark");
    browser.choose("theme", "Same as this device").await;
    assert_eq!(
        browser
            .script("return document.documentElement.hasAttribute('data-theme')")
            .await,
        false
    );
    browser.finish().await;
}

#[tokio::test]
async fn the_get_ready_time_changes_the_player() {
    let browser = Browser::phone().await;
    browser.install_fake_clock().await;
    browser.open("/settings").await;
    browser
        .select_option("Time to get ready", "10 seconds")
        .await;
    browser.open("/play/stretch/cat-cow?hold=20").await;
    // The intro's total counts the same timings the session will use.
    let stretch = catalogue::stretch("cat-cow").expect("shipped");
    let timing = Timing {
        get_ready_seconds: 10,
        ..Timing::default()
    };
    let total = Routine::single(stretch, Some(20)).total_seconds(&timing);
    assert_ne!(
        total,
        Routine::single(stretch, Some(20)).total_seconds(&Timing::default())
    );
    browser
        .see_text(&format!("{} · {}", clock(total), exercise_count(1)))
        .await;
    browser.click_button("Start").await;
    browser.see_timer("0:10").await;
    browser.advance_clock(10_000).await;
    browser.see_timer("0:20").await;
    // A routine's page and its player's first screen agree on the total
    // under these timings.
    let routine = Routine::builtin("desk-break").expect("shipped");
    let total = clock(routine.total_seconds(&timing));
    browser.open("/routines/desk-break").await;
    browser.see_text(&format!("Total time\n{total}")).await;
    browser.click_link("Start").await;
    browser.see_heading(&routine.name).await;
    browser
        .see_text(&format!(
            "{total} · {}",
            exercise_count(routine.steps.len())
        ))
        .await;
    browser.finish().await;
}

/// A voice that records what it is asked to say, and an audio context that
/// counts the notes scheduled on it, so the test hears what a person would.
const LISTEN: &str = "(() => { window.__spoken = []; window.__notes = 0;\
    const voice = { name: 'Test voice', lang: 'en-GB', localService: true, default: true };\
    const synth = { getVoices: () => [voice], cancel() {}, speak(u) { window.__spoken.push(u.text); } };\
    Object.defineProperty(window, 'speechSynthesis', { get: () => synth, configurable: true });\
    if (!window.SpeechSynthesisUtterance) window.SpeechSynthesisUtterance = function (text) { this.text = text; };\
    const Audio = window.AudioContext || window.webkitAudioContext;\
    if (Audio) { const make = Audio.prototype.createOscillator;\
      Audio.prototype.createOscillator = function () { window.__notes += 1; return make.call(this); }; }\
  })();";

#[tokio::test]
async fn test_sound_and_test_voice_play_what_a_session_would() {
    let browser = Browser::phone().await;
    browser.add_init_script(LISTEN).await;
    browser.open("/settings").await;
    browser.see_heading("Settings").await;
    browser.click_button("Test voice").await;
    browser.see_text("Speaking now.").await;
    let spoken = browser.script("return window.__spoken").await;
    assert_eq!(
        spoken[0], "Hold, left side. Breathe out and ease into the stretch.",
        "the test voice speaks a cue"
    );
    browser.click_button("Test sound").await;
    browser
        .see_text("Playing: get ready, hold, countdown, switch sides, rest, done.")
        .await;
    let has_audio = browser
        .script("return !!(window.AudioContext || window.webkitAudioContext)")
        .await;
    if has_audio == true {
        // Two notes to get ready, go, a tick, two to switch, rest, three
        // for done.
        let notes = browser.script("return window.__notes").await;
        assert_eq!(notes, 10, "every tone a session uses is scheduled");
    }
    browser.finish().await;
}
