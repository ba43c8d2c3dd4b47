//! The session screen (issue 16): phases told apart from the floor, where
//! you are in the routine, a session that survives a reload and asks before
//! it is left, the gentler exercise when something hurts, and a finish that
//! tells the truth. Expected words come from the same domain functions the
//! app uses.

use std::collections::BTreeSet;

use fantoccini::key::Key;
use limber::domain::catalogue;
use limber::domain::cue::{phase_title, position};
use limber::domain::plan::{Phase, Plan, Segment, Timing};
use limber::domain::routine::{clock, Routine};
use serde_json::{json, Value};

use crate::support::browser::PHONE;
use crate::support::{single_plan, Browser};

/// What one phase looks like on screen.
#[derive(Debug)]
struct Look {
    field: String,
    ink: String,
    accent: String,
    countdown_px: f64,
}

async fn look(browser: &Browser) -> Look {
    let seen = browser
        .script(
            "const stage = document.querySelector('.stage'); \
             const style = getComputedStyle(stage); \
             return { field: style.backgroundColor, \
               ink: getComputedStyle(stage.querySelector('.phase')).color, \
               accent: style.getPropertyValue('--phase-accent').trim(), \
               countdown: document.querySelector('[role=timer]').getBoundingClientRect().height };",
        )
        .await;
    let text = |key: &str| seen[key].as_str().unwrap_or_default().to_string();
    Look {
        field: text("field"),
        ink: text("ink"),
        accent: text("accent"),
        countdown_px: seen["countdown"].as_f64().unwrap_or(0.0),
    }
}

/// (r, g, b) of a computed colour: `rgb(…)`, `rgba(…)` or `#rrggbb`.
fn rgb(colour: &str) -> (f64, f64, f64) {
    let parts: Vec<f64> = if let Some(hex) = colour.strip_prefix('#') {
        (0..3)
            .map(|i| f64::from(u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap_or(0)))
            .collect()
    } else {
        colour
            .trim_start_matches("rgba(")
            .trim_start_matches("rgb(")
            .trim_end_matches(')')
            .split(',')
            .take(3)
            .map(|p| p.trim().parse().unwrap_or(0.0))
            .collect()
    };
    (parts[0], parts[1], parts[2])
}

/// WCAG 2.2 contrast ratio between two colours.
fn contrast(a: &str, b: &str) -> f64 {
    let luminance = |(r, g, b): (f64, f64, f64)| {
        let channel = |c: f64| {
            let c = c / 255.0;
            if c <= 0.040_45 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    };
    let (x, y) = (luminance(rgb(a)), luminance(rgb(b)));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

fn seconds(segment: &Segment) -> String {
    clock(u32::try_from(segment.duration_ms / 1000).expect("short"))
}

/// A built-in routine with every phase in its plan.
fn routine_with_every_phase() -> (Routine, Vec<Segment>) {
    catalogue::routines()
        .iter()
        .filter_map(Routine::from_builtin)
        .map(|r| {
            let plan = Plan::new(&r, &Timing::default()).segments;
            (r, plan)
        })
        .find(|(_, plan)| {
            [
                Phase::GetReady,
                Phase::Hold,
                Phase::SwitchSides,
                Phase::Rest,
            ]
            .iter()
            .all(|phase| plan.iter().any(|s| s.phase == *phase))
        })
        .expect("a routine with every phase")
}

/// Plays a routine through one segment of each phase, then pauses, checking and photographing each: its own field, readable ink,
/// a visible bar, a countdown at least 120 px tall on a phone, and where
/// the person is in the routine.
async fn every_phase_at(browser: Browser, label: &str) {
    let (routine, plan) = routine_with_every_phase();
    browser.install_fake_clock().await;
    browser.open(&format!("/play/{}", routine.id)).await;
    browser.see_heading(&routine.name).await;
    browser.click_button("Start").await;
    let mut fields = BTreeSet::new();
    let mut elapsed = 0;
    // The first segment of each phase, in the order they come.
    let mut firsts: Vec<usize> = [
        Phase::GetReady,
        Phase::Hold,
        Phase::SwitchSides,
        Phase::Rest,
    ]
    .iter()
    .filter_map(|phase| plan.iter().position(|s| s.phase == *phase))
    .collect();
    firsts.sort_unstable();
    for index in firsts {
        let phase = plan[index].phase;
        let starts: u64 = plan[..index].iter().map(|s| s.duration_ms).sum();
        browser.advance_clock(starts - elapsed).await;
        elapsed = starts;
        browser.see_text(&phase_title(&plan[index])).await;
        browser.see_timer(&seconds(&plan[index])).await;
        let place = position(&plan, index).expect("a position").words();
        browser.see_text(&place.join(" · ")).await;
        let seen = look(&browser).await;
        check(&seen, &format!("{label}, {phase:?}"));
        fields.insert(seen.field);
        browser
            .screenshot(&format!("session-{label}-{phase:?}").to_lowercase())
            .await;
    }
    browser.click_button("Pause").await;
    browser.see_text("Paused").await;
    browser.find_by_role("button", "Resume").await;
    let seen = look(&browser).await;
    check(&seen, &format!("{label}, paused"));
    fields.insert(seen.field);
    browser.screenshot(&format!("session-{label}-paused")).await;
    assert_eq!(
        fields.len(),
        5,
        "{label}: get ready, hold, switch, rest and paused each have their own field: {fields:?}"
    );
    browser.finish().await;
}

fn check(seen: &Look, what: &str) {
    let ink = contrast(&seen.ink, &seen.field);
    assert!(
        ink >= 4.5,
        "{what}: the words on the field reach {ink:.2}:1, {seen:?}"
    );
    let bar = contrast(&seen.accent, &seen.field);
    assert!(
        bar >= 3.0,
        "{what}: the bar on the field reaches {bar:.2}:1, {seen:?}"
    );
    assert!(
        seen.countdown_px >= 120.0 || !what.starts_with("phone"),
        "{what}: the countdown is {} px tall",
        seen.countdown_px
    );
}

#[tokio::test]
async fn every_phase_has_its_own_field_and_a_big_countdown_on_a_phone() {
    every_phase_at(Browser::phone().await, "phone").await;
    every_phase_at(Browser::launch_dark(PHONE).await, "phone-dark").await;
}

#[tokio::test]
async fn every_phase_has_its_own_field_on_a_laptop() {
    every_phase_at(Browser::launch((1024, 768)).await, "laptop").await;
    every_phase_at(Browser::launch_dark((1024, 768)).await, "laptop-dark").await;
}

/// The planned deadline of the segment playing, on the wall clock, as the
/// app keeps it for a reload.
async fn kept_deadline(browser: &Browser) -> f64 {
    let kept = browser
        .script("return JSON.parse(localStorage.getItem('limber/live'))")
        .await;
    let state = &kept["snapshot"]["state"];
    assert_eq!(
        state["kind"], "running",
        "a running session is kept: {kept}"
    );
    state["ends_at_wall"].as_f64().expect("a deadline")
}

/// Waits for the countdown to tick down a second and returns the wall
/// time it did (by `Date.now()`), with the seconds it then showed.
async fn next_tick(browser: &Browser) -> (f64, u64) {
    browser
        .script(
            "window.__tick = null; const timer = document.querySelector('[role=timer]'); \
             const before = timer.textContent; \
             new MutationObserver((_, observer) => { \
               if (timer.textContent !== before && window.__tick === null) { \
                 window.__tick = { at: Date.now(), shown: timer.textContent }; observer.disconnect(); } \
             }).observe(timer, { subtree: true, childList: true, characterData: true });",
        )
        .await;
    browser
        .wait_until("the countdown to tick", || async {
            let tick = browser.script("return window.__tick").await;
            let shown = tick["shown"].as_str()?;
            let (m, s) = shown.split_once(':')?;
            let left = m.parse::<u64>().ok()? * 60 + s.parse::<u64>().ok()?;
            Some((tick["at"].as_f64()?, left))
        })
        .await
}

/// Real time, no fake clock: the countdown ticks on the kept deadline
/// before a reload, and again after it, each within 250 ms.
#[tokio::test]
async fn a_reload_mid_hold_comes_back_where_real_time_says() {
    let plan = single_plan("knee-to-chest", 30);
    let name = catalogue::stretch("knee-to-chest").expect("shipped").name;
    let browser = Browser::phone().await;
    browser.open("/play/stretch/knee-to-chest?hold=30").await;
    browser.see_heading(name).await;
    browser.click_button("Start").await;
    browser.see_text(&phase_title(&plan[1])).await;
    let deadline = kept_deadline(&browser).await;
    // A tick to `n` seconds left happens when n s remain before the deadline.
    let error = |(at, left): (f64, u64)| at - (deadline - left as f64 * 1000.0);
    let before = error(next_tick(&browser).await);
    assert!(
        before.abs() <= 250.0,
        "before the reload a tick was {before:.0} ms off"
    );
    browser.reload().await;
    browser.see_text(&phase_title(&plan[1])).await;
    let after = error(next_tick(&browser).await);
    assert!(
        after.abs() <= 250.0,
        "after the reload a tick was {after:.0} ms off"
    );
    browser.find_by_role("button", "Pause").await;
    browser.finish().await;
}

#[tokio::test]
async fn leaving_mid_session_asks_and_home_offers_to_resume_or_discard() {
    let name = catalogue::stretch("figure-four").expect("shipped").name;
    let browser = Browser::phone().await;
    browser.install_fake_clock().await;
    browser.open("/stretches/figure-four").await;
    browser.select_option("Hold for", "30 seconds").await;
    browser.click_link("Try it now").await;
    browser.see_heading(name).await;
    browser.click_button("Start").await;
    browser.advance_clock(9_000).await;
    browser.see_timer("0:26").await;

    // A link asks; staying goes on from the same second.
    browser.click_link("Limber").await;
    browser.see_heading("Leave this session?").await;
    browser.advance_clock(5_000).await;
    browser.see_timer("0:26").await;
    browser.click_button("Stay").await;
    browser.advance_clock(1_000).await;
    browser.see_timer("0:25").await;

    // So does the back button; leaving keeps the session, paused.
    browser.go_back().await;
    browser.see_heading("Leave this session?").await;
    browser.click_button("Leave").await;
    browser.see_path("/stretches/figure-four").await;
    browser.see_heading("Your session is waiting").await;
    browser.screenshot("resume-offer-phone").await;
    browser.click_link("Resume").await;
    browser.see_heading(name).await;
    browser.see_text("Paused").await;
    browser.see_timer("0:25").await;
    browser.click_button("Resume").await;
    browser.advance_clock(1_000).await;
    browser.see_timer("0:24").await;

    // Discarding forgets it.
    browser.click_link("Limber").await;
    browser.click_button("Leave").await;
    browser.see_heading("Your session is waiting").await;
    browser.click_button("Discard").await;
    browser
        .wait_until("the offer to go away", || async {
            let gone = browser
                .script("return document.getElementById('resume-title') === null")
                .await;
            (gone == Value::Bool(true)).then_some(())
        })
        .await;
    let kept = browser
        .script("return localStorage.getItem('limber/live')")
        .await;
    assert_eq!(kept, Value::Null, "nothing is kept after Discard");
    browser.finish().await;
}

#[tokio::test]
async fn this_hurts_offers_the_gentler_exercise_first() {
    let from = catalogue::stretch("figure-four").expect("shipped");
    let gentler = catalogue::stretch(from.gentler.expect("a gentler one")).expect("shipped");
    let browser = Browser::phone().await;
    browser.install_fake_clock().await;
    browser.open("/play/stretch/figure-four?hold=30").await;
    browser.see_heading(from.name).await;
    browser.click_button("Start").await;
    browser.advance_clock(9_000).await;
    browser.see_timer("0:26").await;
    browser.click_button("This hurts").await;
    let swap = format!("Try {} instead", gentler.name);
    browser
        .wait_until("focus to land on the gentler exercise", || async {
            (browser.focused_name().await == swap).then_some(())
        })
        .await;
    browser.click_button(&swap).await;
    browser.see_heading(gentler.name).await;
    browser.see_text("Get ready").await;
    browser.advance_clock(1_000).await;
    browser.see_timer("0:04").await;
    browser.finish().await;
}

#[tokio::test]
async fn finish_counts_the_time_really_spent_after_skipping_everything() {
    let routine = Routine::builtin("desk-break").expect("shipped");
    let plan = Plan::new(&routine, &Timing::default()).segments;
    let browser = Browser::phone().await;
    browser.install_fake_clock().await;
    browser.open("/play/desk-break").await;
    browser.see_heading(&routine.name).await;
    browser.choose("pain-before", "4").await;
    browser.click_button("Start").await;
    browser.advance_clock(2_000).await;
    browser.see_timer("0:03").await;
    for _ in &plan {
        browser.press(Key::Right).await;
    }
    browser.see_heading("Session ended").await;
    browser.see_text("Time\n0:02").await;
    browser.see_text("Done\n0").await;
    browser.choose("pain-after", "2").await;
    browser.see_text("Pain 4 → 2: 2 lower.").await;
    browser.see_text("This week: 1 of").await;
    browser.click_button("Finish").await;
    browser.find_by_role("link", "See your progress").await;
    browser.finish().await;
}

/// Keeps the handlers the app gives Media Session, so the test can press
/// the lock screen's buttons.
const RECORD_MEDIA_BUTTONS: &str = "(() => { const s = navigator.mediaSession; if (!s) return;\
    window.__media = {}; const set = s.setActionHandler.bind(s);\
    s.setActionHandler = (action, handler) => { window.__media[action] = handler; return set(action, handler); };\
  })();";

async fn see_lock_screen(browser: &Browser, title: &str, artist: &str, state: &str) {
    browser
        .wait_until(
            &format!("the lock screen to show {title}, {artist}, {state}"),
            || async {
                let shown = browser
                    .script(
                        "const s = navigator.mediaSession; const m = s.metadata; \
                         return m && [m.title, m.artist, s.playbackState, m.artwork.length];",
                    )
                    .await;
                (shown[0] == title && shown[1] == artist && shown[2] == state && shown[3] == 1)
                    .then_some(())
            },
        )
        .await;
}

#[tokio::test]
async fn the_lock_screen_shows_the_exercise_and_its_buttons_drive_the_session() {
    let plan = single_plan("figure-four", 30);
    let name = catalogue::stretch("figure-four").expect("shipped").name;
    let browser = Browser::phone().await;
    browser.install_fake_clock().await;
    browser.add_init_script(RECORD_MEDIA_BUTTONS).await;
    browser.open("/play/stretch/figure-four?hold=30").await;
    if browser.script("return 'mediaSession' in navigator").await != Value::Bool(true) {
        // `missing_apis::media_session_missing` plays a whole routine
        // without it; here there is no lock screen to check.
        eprintln!(
            "{}: no Media Session in this engine",
            browser.engine().name()
        );
        browser.finish().await;
        return;
    }
    browser.click_button("Start").await;
    let first = phase_title(&plan[0]);
    see_lock_screen(&browser, name, &first, "playing").await;
    browser.script("window.__media.pause()").await;
    browser.find_by_role("button", "Resume").await;
    see_lock_screen(&browser, name, "Paused", "paused").await;
    browser.script("window.__media.play()").await;
    browser.find_by_role("button", "Pause").await;
    browser.script("window.__media.nexttrack()").await;
    browser.see_timer(&seconds(&plan[1])).await;
    see_lock_screen(&browser, name, &phase_title(&plan[1]), "playing").await;
    browser.script("window.__media.previoustrack()").await;
    browser.see_timer(&seconds(&plan[0])).await;
    see_lock_screen(&browser, name, &first, "playing").await;
    browser.finish().await;
}

/// Keeps every `Audio` element the app makes, so the test can watch the
/// cue track.
const KEEP_TRACKS: &str = "(() => { const Made = window.Audio; if (!Made) return; window.__tracks = [];\
    window.Audio = function (...args) { const element = new Made(...args); window.__tracks.push(element); return element; };\
    window.Audio.prototype = Made.prototype; })();";

/// The cue track's state: (playing, seconds in, seconds long).
async fn track(browser: &Browser) -> Option<(bool, f64, f64)> {
    let seen = browser
        .script(
            "const t = (window.__tracks || []).at(-1); \
             return t ? [!t.paused, t.currentTime, t.duration] : null;",
        )
        .await;
    Some((
        seen[0].as_bool()?,
        seen[1].as_f64()?,
        seen[2].as_f64().unwrap_or(0.0),
    ))
}

async fn see_track(browser: &Browser, what: &str, expect: impl Fn(bool, f64, f64) -> bool) {
    // What the track did last, printed when the wait fails.
    let last = std::cell::RefCell::new(None);
    browser
        .wait_until(&format!("the cue track {what}"), || async {
            let seen = track(browser).await;
            if *last.borrow() != seen {
                eprintln!("cue track: {seen:?}");
                *last.borrow_mut() = seen;
            }
            let (playing, at, long) = seen?;
            expect(playing, at, long).then_some(())
        })
        .await;
}

/// With "Cues with the screen off" on, the tones play as one track as
/// long as the session, which follows Start, Skip, Pause and Resume to the
/// engine's place. The session's clock is held still, so the track's place
/// is known exactly whenever its media pipeline gets going (WebKit's has
/// taken over 5 s under load).
#[tokio::test]
async fn the_cue_track_follows_the_session() {
    let plan = single_plan("knee-to-chest", 30);
    let total = plan.iter().map(|s| s.duration_ms).sum::<u64>() as f64 / 1000.0;
    let name = catalogue::stretch("knee-to-chest").expect("shipped").name;
    let browser = Browser::phone().await;
    browser.install_fake_clock().await;
    browser.add_init_script(KEEP_TRACKS).await;
    browser.open("/settings").await;
    browser.toggle_checkbox("Cues with the screen off").await;
    browser.open("/play/stretch/knee-to-chest?hold=30").await;
    browser.see_heading(name).await;
    browser.click_button("Start").await;
    see_track(
        &browser,
        "to play from the start, a second longer than the session",
        |playing, at, long| playing && at > 0.1 && at < 5.0 && (long - (total + 1.0)).abs() < 0.1,
    )
    .await;
    // Skip lands on the hold, 5 s in: so does the track.
    let hold = plan[0].duration_ms as f64 / 1000.0;
    browser.click_button("Skip").await;
    see_track(&browser, "to move to the hold", |playing, at, _| {
        playing && at >= hold && at < hold + 1.5
    })
    .await;
    browser.click_button("Pause").await;
    see_track(&browser, "to pause", |playing, _, _| !playing).await;
    browser.click_button("Resume").await;
    see_track(&browser, "to play on from the hold", |playing, at, _| {
        playing && at >= hold && at < hold + 3.0
    })
    .await;
    browser.finish().await;
}

/// Chromium only: minimising the window through DevTools is the way a test
/// can hide a page, as a locked phone does. With the page hidden for two
/// seconds of real time, the track plays on through them.
#[tokio::test]
async fn the_cue_track_plays_on_while_the_page_is_hidden() {
    let browser = Browser::phone().await;
    if browser.needs_chromium("hide the page by minimising its window through DevTools") {
        return;
    }
    browser.add_init_script(KEEP_TRACKS).await;
    browser.open("/settings").await;
    browser.toggle_checkbox("Cues with the screen off").await;
    browser.open("/play/stretch/knee-to-chest?hold=30").await;
    browser.click_button("Start").await;
    see_track(&browser, "to play", |playing, at, _| playing && at > 0.1).await;
    browser
        .script(
            "window.__seen = []; document.addEventListener('visibilitychange', () => { \
               const t = window.__tracks.at(-1); \
               window.__seen.push([document.visibilityState, Date.now(), t.currentTime, t.paused]); });",
        )
        .await;
    let window = browser.cdp("Browser.getWindowForTarget", json!({})).await;
    let id = window["windowId"].clone();
    let state = |s: &str| json!({ "windowId": id, "bounds": { "windowState": s } });
    browser
        .cdp("Browser.setWindowBounds", state("minimized"))
        .await;
    // The scenario itself is time passing with the page hidden.
    browser
        .wait_until("two seconds of track with the page hidden", || async {
            let seen = browser
                .script(
                    "const t = window.__tracks.at(-1), hidden = window.__seen.find(s => s[0] === 'hidden'); \
                     return hidden && document.visibilityState === 'hidden' && t.currentTime >= hidden[2] + 2;",
                )
                .await;
            (seen == Value::Bool(true)).then_some(())
        })
        .await;
    browser
        .cdp("Browser.setWindowBounds", state("normal"))
        .await;
    let seen = browser
        .wait_until("the page to be shown again", || async {
            let seen = browser.script("return window.__seen").await;
            (seen.as_array()?.len() >= 2).then_some(seen)
        })
        .await;
    let (hidden, shown) = (&seen[0], &seen[1]);
    assert_eq!(
        (&hidden[0], &shown[0]),
        (&json!("hidden"), &json!("visible"))
    );
    let wall = (shown[1].as_f64().unwrap_or(0.0) - hidden[1].as_f64().unwrap_or(0.0)) / 1000.0;
    let played = shown[2].as_f64().unwrap_or(0.0) - hidden[2].as_f64().unwrap_or(0.0);
    assert!(wall >= 2.0, "hidden for {wall:.2} s");
    assert!(
        (played - wall).abs() < 0.3 && shown[3] == false,
        "hidden for {wall:.2} s, the track played {played:.2} s: {seen}"
    );
    browser.finish().await;
}

/// The guard's extra history entry never traps anyone: after a reload Back
/// still asks once and Leave goes to the page before; once the session has
/// ended, one Back goes there without asking. "Play again" starts afresh.
#[tokio::test]
async fn back_leaves_after_a_reload_and_once_a_session_has_ended() {
    let name = catalogue::stretch("figure-four").expect("shipped").name;
    let browser = Browser::phone().await;
    browser.install_fake_clock().await;
    browser.open("/stretches/figure-four").await;
    browser.select_option("Hold for", "10 seconds").await;
    browser.click_link("Try it now").await;
    browser.click_button("Start").await;
    browser.advance_clock(6_000).await;
    browser.see_timer("0:09").await;
    browser.reload().await;
    browser.find_by_role("button", "Pause").await;
    browser.go_back().await;
    browser.see_heading("Leave this session?").await;
    browser.click_button("Leave").await;
    browser.see_path("/stretches/figure-four").await;

    browser.click_link("Resume").await;
    browser.see_heading(name).await;
    browser.click_button("End").await;
    browser.click_button("End session").await;
    browser.see_heading("Session ended").await;
    browser.click_button("Play again").await;
    browser.find_by_role("button", "Start").await;
    browser.go_back().await;
    browser.see_path("/stretches/figure-four").await;
    browser.see_heading(name).await;
    browser.finish().await;
}
