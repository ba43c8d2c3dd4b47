//! Fault injection: each optional browser API removed, or made to throw,
//! before the app loads. The app must start and a routine must play to its
//! end and be saved, with no page error. One row per API; the README lists
//! them. Runs in every engine (the scripts come from the test server).

use limber::domain::catalogue;
use limber::domain::plan::{Plan, Timing};
use limber::domain::routine::Routine;

use crate::support::Browser;

/// Removes `name` from `target` and its prototype chain; where the engine
/// will not delete it, shadows it with `undefined`.
const REMOVE: &str = "const remove = (target, name) => {\
    for (let o = target; o; o = Object.getPrototypeOf(o)) { try { delete o[name]; } catch (_) {} }\
    if (target[name] !== undefined) Object.defineProperty(target, name, { value: undefined, configurable: true });\
  };";

/// (what is broken, the script that breaks it, what the page must then say).
const FAULTS: &[(&str, &str, Option<&str>)] = &[
    ("navigator.vibrate missing", "remove(navigator, 'vibrate');", None),
    ("navigator.vibrate throws", "Navigator.prototype.vibrate = () => { throw new TypeError('vibrate failed'); };", None),
    ("speechSynthesis missing", "remove(window, 'speechSynthesis'); remove(window, 'SpeechSynthesisUtterance');", None),
    (
        "speechSynthesis throws",
        "const s = { getVoices: () => [{ name: 'Test', lang: 'en-US', localService: true, default: true }],\
           speak() { throw new Error('speak failed'); }, cancel() { throw new Error('cancel failed'); } };\
         Object.defineProperty(window, 'speechSynthesis', { get: () => s, configurable: true });",
        None,
    ),
    ("AudioContext missing", "remove(window, 'AudioContext'); remove(window, 'webkitAudioContext');", None),
    ("AudioContext throws", "window.AudioContext = function () { throw new Error('no audio device'); };", None),
    (
        "navigator.audioSession throws",
        "Object.defineProperty(Navigator.prototype, 'audioSession', { configurable: true,\
           get() { return { set type(_) { throw new Error('audio session refused'); } }; } });",
        None,
    ),
    ("navigator.wakeLock missing", "remove(navigator, 'wakeLock');", None),
    (
        "navigator.wakeLock throws",
        "Object.defineProperty(Navigator.prototype, 'wakeLock', { configurable: true,\
           get() { return { request() { throw new Error('wake lock refused'); } }; } });",
        None,
    ),
    ("navigator.serviceWorker missing", "remove(navigator, 'serviceWorker');", None),
    (
        "serviceWorker.register throws",
        "if (navigator.serviceWorker) navigator.serviceWorker.register = () => { throw new Error('register failed'); };",
        None,
    ),
    ("navigator.storage missing", "remove(navigator, 'storage');", None),
    (
        "navigator.storage.persist throws",
        "Object.defineProperty(Navigator.prototype, 'storage', { configurable: true,\
           get() { return { persist() { throw new Error('persist failed'); }, persisted() { throw new Error('persisted failed'); } }; } });",
        None,
    ),
    ("navigator.share and clipboard missing", "remove(navigator, 'share'); remove(navigator, 'canShare'); remove(navigator, 'clipboard');", None),
    ("matchMedia missing", "remove(window, 'matchMedia');", None),
    (
        "localStorage throws on access",
        "Object.defineProperty(window, 'localStorage', { configurable: true,\
           get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });",
        Some("not letting Limber save anything"),
    ),
    (
        "localStorage.setItem full",
        "Storage.prototype.setItem = function () { throw new DOMException('Quota exceeded', 'QuotaExceededError'); };",
        Some("storage for Limber is full"),
    ),
];

/// Plays cat-cow segment by segment on the fake clock (so every boundary's
/// cues fire on time, as in real use) and finishes it.
async fn play_to_the_end(browser: &Browser) {
    let stretch = catalogue::stretch("cat-cow").expect("shipped");
    let plan = Plan::new(&Routine::single(stretch, Some(10)), &Timing::default());
    browser.open("/play/stretch/cat-cow?hold=10").await;
    browser.see_heading(stretch.name).await;
    browser.click_button("Start").await;
    for (i, segment) in plan.segments.iter().enumerate() {
        browser.advance_clock(segment.duration_ms).await;
        match plan.segments.get(i + 1) {
            Some(next) => {
                let full = format!("0:{:02}", next.duration_ms / 1000);
                browser.see_timer(&full).await;
            }
            None => {
                browser.see_heading("Well done").await;
            }
        }
    }
    browser.click_button("Finish").await;
    browser.find_by_role("link", "Back to home").await;
}

#[tokio::test]
async fn with_any_optional_api_missing_or_throwing_a_routine_plays_to_its_end() {
    for &(fault, script, said) in FAULTS {
        let browser = Browser::phone().await;
        browser.install_fake_clock().await;
        browser
            .add_init_script(&format!("(() => {{ {REMOVE} {script} }})();"))
            .await;
        browser.open("/").await;
        play_to_the_end(&browser).await;
        match said {
            // Nothing could be saved: the person is told so on the spot.
            Some(said) => {
                browser
                    .wait_until(&format!("{fault}: a notice saying {said:?}"), || async {
                        let text = browser.script("return document.body.textContent").await;
                        text.as_str()
                            .is_some_and(|t| t.contains(said))
                            .then_some(())
                    })
                    .await;
            }
            None => {
                browser.open("/progress").await;
                browser.see_heading("Cat-cow").await;
            }
        }
        let errors = browser.errors().await;
        assert!(errors.is_empty(), "{fault}: the page logged {errors:#?}");
        browser.finish().await;
        eprintln!(
            "{}: {fault}: played to the end",
            crate::support::engine::Engine::current().name()
        );
    }
}

#[tokio::test]
async fn settings_say_what_this_browser_cannot_do() {
    let browser = Browser::phone().await;
    browser
        .add_init_script(&format!(
            "(() => {{ {REMOVE} remove(navigator, 'vibrate'); remove(window, 'speechSynthesis'); remove(navigator, 'wakeLock'); }})();"
        ))
        .await;
    browser.open("/settings").await;
    browser.see_text("This browser can't vibrate").await;
    browser.see_text("This browser can't speak").await;
    browser
        .see_text("This browser can't keep the screen on")
        .await;
    let toggles = browser
        .script("return Array.from(document.querySelectorAll('label.check')).map(l => l.textContent.trim())")
        .await;
    assert!(
        !toggles.to_string().contains("\"Vibration\""),
        "no vibration setting where the browser cannot vibrate: {toggles}"
    );
    browser.finish().await;
}
