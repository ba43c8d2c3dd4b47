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

/// What the page says when it can read and save nothing at all.
const NOTHING_SAVED: &str = "not letting Limber save anything";

/// One test per fault: `name: (what is broken, the script that breaks it,
/// what the page must then say)`. Separate tests, so they run in parallel.
macro_rules! faults {
    ($($name:ident: ($fault:expr, $script:expr, $said:expr $(,)?);)*) => {
        $(
            #[tokio::test]
            async fn $name() {
                plays_to_its_end_with($fault, $script, $said).await;
            }
        )*
    };
}

faults! {
    vibrate_missing: ("navigator.vibrate missing", "remove(navigator, 'vibrate');", None);
    vibrate_throws: ("navigator.vibrate throws", "Navigator.prototype.vibrate = () => { throw new TypeError('vibrate failed'); };", None);
    speech_missing: ("speechSynthesis missing", "remove(window, 'speechSynthesis'); remove(window, 'SpeechSynthesisUtterance');", None);
    speech_throws: ("speechSynthesis throws",
        "const s = { getVoices: () => [{ name: 'Test', lang: 'en-US', localService: true, default: true }],\
           speak() { throw new Error('speak failed'); }, cancel() { throw new Error('cancel failed'); } };\
         Object.defineProperty(window, 'speechSynthesis', { get: () => s, configurable: true });",
        None);
    audio_context_missing: ("AudioContext missing", "remove(window, 'AudioContext'); remove(window, 'webkitAudioContext');", None);
    audio_context_throws: ("AudioContext throws", "window.AudioContext = function () { throw new Error('no audio device'); };", None);
    audio_session_throws: ("navigator.audioSession throws",
        "Object.defineProperty(Navigator.prototype, 'audioSession', { configurable: true,\
           get() { return { set type(_) { throw new Error('audio session refused'); } }; } });",
        None);
    wake_lock_missing: ("navigator.wakeLock missing", "remove(navigator, 'wakeLock');", None);
    wake_lock_throws: ("navigator.wakeLock throws",
        "Object.defineProperty(Navigator.prototype, 'wakeLock', { configurable: true,\
           get() { return { request() { throw new Error('wake lock refused'); } }; } });",
        None);
    service_worker_missing: ("navigator.serviceWorker missing", "remove(navigator, 'serviceWorker');", None);
    service_worker_register_throws: ("serviceWorker.register throws",
        "if (navigator.serviceWorker) navigator.serviceWorker.register = () => { throw new Error('register failed'); };",
        None);
    storage_manager_missing: ("navigator.storage missing", "remove(navigator, 'storage');", None);
    storage_persist_throws: ("navigator.storage.persist throws",
        "Object.defineProperty(Navigator.prototype, 'storage', { configurable: true,\
           get() { return { persist() { throw new Error('persist failed'); }, persisted() { throw new Error('persisted failed'); } }; } });",
        None);
    share_and_clipboard_missing: ("navigator.share and clipboard missing", "remove(navigator, 'share'); remove(navigator, 'canShare'); remove(navigator, 'clipboard');", None);
    match_media_missing: ("matchMedia missing", "remove(window, 'matchMedia');", None);
    media_session_missing: ("navigator.mediaSession missing", "remove(navigator, 'mediaSession'); remove(window, 'MediaMetadata');", None);
    media_session_throws: ("navigator.mediaSession throws",
        "Object.defineProperty(Navigator.prototype, 'mediaSession', { configurable: true,\
           get() { return { setActionHandler() { throw new Error('action refused'); },\
             set metadata(_) { throw new Error('metadata refused'); }, set playbackState(_) { throw new Error('state refused'); } }; } });",
        None);
    local_storage_throws_on_access: ("localStorage throws on access",
        "Object.defineProperty(window, 'localStorage', { configurable: true,\
           get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });",
        Some(NOTHING_SAVED));
    local_storage_full: ("localStorage.setItem full",
        "Storage.prototype.setItem = function () { throw new DOMException('Quota exceeded', 'QuotaExceededError'); };",
        Some("storage for Limber is full"));
}

/// Plays cat-cow segment by segment on the fake clock (so every boundary's
/// cues fire on time, as in real use) and finishes it.
async fn play_to_the_end(browser: &Browser, remembers: bool) {
    let stretch = catalogue::stretch("cat-cow").expect("shipped");
    let plan = Plan::new(&Routine::single(stretch, Some(10)), &Timing::default());
    browser.open("/play/stretch/cat-cow?hold=10").await;
    browser.see_heading(stretch.name).await;
    if !remembers {
        // Nothing stored can be read, so the safety check is asked again.
        browser.see_heading("A quick safety check").await;
        browser.click_button("Not now").await;
    }
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

/// With `fault` made by `script` before the app loads, the app starts and a
/// routine plays to its end and is saved, or the page says `said`.
async fn plays_to_its_end_with(fault: &str, script: &str, said: Option<&str>) {
    let browser = Browser::phone().await;
    browser.install_fake_clock().await;
    browser
        .add_init_script(&format!("(() => {{ {REMOVE} {script} }})();"))
        .await;
    browser.open("/").await;
    play_to_the_end(&browser, said != Some(NOTHING_SAVED)).await;
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
