//! A browser session (Chromium, Firefox or WebKit: see [`Engine`]) over the
//! release build, with helpers named for what a user does. Elements are found
//! by role and accessible name as the engine's accessibility tree computes
//! them (WebDriver's computed label), never by comparing HTML.

use std::future::Future;
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::Element;
use fantoccini::error::CmdError;
use fantoccini::key::Key;
use fantoccini::wd::{WebDriverCompatibleCommand, WindowHandle};
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};

use super::engine::Engine;
use super::process::{GroupChild, TempDir};
use super::server::StaticServer;

/// How long a condition may take before a test fails.
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// How often a condition is re-checked while waiting.
const POLL: Duration = Duration::from_millis(25);

pub const PHONE: (u32, u32) = (390, 844);
pub const DESKTOP: (u32, u32) = (1280, 800);

/// A browser on the release build, each test with its own file server and
/// so its own origin: storage, caches and service workers never carry over.
/// The browser process itself is reused: [`Browser::finish`] hands a clean
/// session back to a pool for the next test (starting a browser is most of
/// a short test's time on 2 cores). Dropping a `Browser` without `finish`
/// (a failed test) stops every process it started.
pub struct Browser {
    client: Client,
    engine: Engine,
    /// The viewport width the page sees (see [`Engine::min_width`]).
    width: u32,
    media: std::sync::Mutex<Vec<(String, String)>>,
    server: StaticServer,
    session: Option<Session>,
}

/// A running browser with its WebDriver, profile and downloads folder.
struct Session {
    client: Client,
    dark: bool,
    // Field order is drop order: the driver (and its browser) go before the profile.
    _driver: GroupChild,
    _profile: TempDir,
    downloads: TempDir,
}

/// Sessions whose test passed, reset and waiting for the next test.
static IDLE: std::sync::Mutex<Vec<Session>> = std::sync::Mutex::new(Vec::new());

/// fantoccini drives each session from a task on the runtime that connected
/// it, and every test has its own runtime, which ends with the test: a
/// session kept for later tests is connected on this one, which lives as
/// long as the test binary.
fn session_runtime() -> &'static tokio::runtime::Handle {
    static RUNTIME: std::sync::OnceLock<tokio::runtime::Handle> = std::sync::OnceLock::new();
    RUNTIME.get_or_init(|| {
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("a runtime for browser sessions");
            tx.send(runtime.handle().clone())
                .expect("hand the runtime over");
            runtime.block_on(std::future::pending::<()>());
        });
        rx.recv().expect("the session runtime")
    })
}

impl Session {
    /// An idle session started the same way, or a new browser.
    async fn take(engine: Engine, size: (u32, u32), dark: bool) -> Self {
        let idle = {
            let mut idle = IDLE.lock().unwrap_or_else(|e| e.into_inner());
            idle.iter()
                .position(|s| s.dark == dark)
                .map(|i| idle.swap_remove(i))
        };
        match idle {
            Some(session) => session,
            None => Self::start(engine, size, dark).await,
        }
    }

    async fn start(engine: Engine, size: (u32, u32), dark: bool) -> Self {
        let profile = TempDir::new("profile").expect("create a user-data dir");
        let downloads = TempDir::new("downloads").expect("create a downloads dir");
        let port = free_port();
        let driver = engine.start_driver(port);
        let capabilities = engine.capabilities(size, dark, &profile, &downloads);
        let webdriver = format!("http://127.0.0.1:{port}");
        let client = wait_for(
            &format!("{} to accept a session", engine.name()),
            TIMEOUT,
            || {
                let (capabilities, webdriver) = (capabilities.clone(), webdriver.clone());
                async move {
                    session_runtime()
                        .spawn(async move {
                            ClientBuilder::new(HttpConnector::new())
                                .capabilities(capabilities)
                                .connect(&webdriver)
                                .await
                                .ok()
                        })
                        .await
                        .ok()
                        .flatten()
                }
            },
        )
        .await;
        Self {
            client,
            dark,
            _driver: driver,
            _profile: profile,
            downloads,
        }
    }

    /// Resets the session for the next test and puts it in the pool, or
    /// drops it (stopping the browser) if the reset fails. The next test
    /// gets a fresh tab, since Chromium keeps DevTools overrides (emulated
    /// media, init scripts) per tab, and an empty downloads folder.
    async fn recycle(self, engine: Engine) {
        let client = self.client.clone();
        let reset = async {
            let old = client.windows().await.ok()?;
            let fresh = client.new_window(true).await.ok()?.handle;
            for handle in old {
                client.switch_to_window(handle).await.ok()?;
                client.close_window().await.ok()?;
            }
            client.switch_to_window(fresh).await.ok()?;
            client.goto("about:blank").await.ok()?;
            if engine == Engine::Chromium {
                // Reading the browser log clears it.
                client
                    .issue_cmd(SessionCommand::post("se/log", json!({ "type": "browser" })))
                    .await
                    .ok()?;
            }
            Some(())
        };
        let clean = tokio::time::timeout(TIMEOUT, reset)
            .await
            .ok()
            .flatten()
            .is_some()
            && empty_dir(self.downloads.path()).is_ok();
        if clean {
            IDLE.lock().unwrap_or_else(|e| e.into_inner()).push(self);
        }
    }
}

fn empty_dir(dir: &std::path::Path) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        std::fs::remove_file(entry?.path())?;
    }
    Ok(())
}

/// Stores a safety check with no warning signs before the app first loads
/// in a tab, unless settings are stored already: most people who open
/// Limber have been through it, and a test of anything else should not have
/// to answer it. Once per tab, so a test that deletes everything and
/// reloads sees what a person would.
const CHECKED: &str = "(() => { try {\
    if (sessionStorage.getItem('limber-test-checked')) return;\
    sessionStorage.setItem('limber-test-checked', '1');\
    if (localStorage.getItem('limber/settings') === null) localStorage.setItem('limber/settings',\
      JSON.stringify({ v: 1, rev: 1, data: { safety_check: { at: 0, outcome: null } } }));\
  } catch (_) {} })();";

impl Browser {
    /// A phone-sized browser (390×844) on the release build.
    pub async fn phone() -> Self {
        Self::launch(PHONE).await
    }

    pub async fn launch(size: (u32, u32)) -> Self {
        Self::start(size, false, true).await
    }

    /// A phone-sized browser of someone opening Limber for the first time,
    /// who has not taken the safety check: every other browser starts as
    /// someone who has, with no warning signs ([`CHECKED`]).
    pub async fn newcomer() -> Self {
        Self::start(PHONE, false, false).await
    }

    /// A browser whose system colour scheme is dark from the start: the
    /// only way to ask Firefox and WebKit for dark through WebDriver.
    /// (Chromium switches at any time with [`Browser::prefer_dark`].)
    pub async fn launch_dark(size: (u32, u32)) -> Self {
        let browser = Self::start(size, true, true).await;
        if browser.engine == Engine::Chromium {
            browser.prefer_dark().await;
        }
        browser
    }

    async fn start((width, height): (u32, u32), dark: bool, checked: bool) -> Self {
        let engine = Engine::current();
        let server = StaticServer::start(super::dist_dir()).expect("start the static server");
        let session = Session::take(engine, (width, height), dark).await;
        let browser = Self {
            client: session.client.clone(),
            engine,
            width: width.max(engine.min_width()),
            media: std::sync::Mutex::new(Vec::new()),
            server,
            session: Some(session),
        };
        if engine == Engine::Chromium {
            browser
                .cdp(
                    "Browser.setDownloadBehavior",
                    json!({ "behavior": "allow", "downloadPath": browser.downloads().path() }),
                )
                .await;
            browser
                .cdp(
                    "Emulation.setDeviceMetricsOverride",
                    json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600 }),
                )
                .await;
        } else {
            browser.resize_viewport(width, height).await;
        }
        if checked {
            browser.add_init_script(CHECKED).await;
        }
        browser
    }

    /// The viewport width the page sees.
    pub fn width(&self) -> u32 {
        self.width
    }

    /// The engine this browser runs.
    pub fn engine(&self) -> Engine {
        self.engine
    }

    /// True (and says so) when this test cannot run in this engine because
    /// it needs Chromium's DevTools protocol to do `what`; the test then ends.
    pub fn needs_chromium(&self, what: &str) -> bool {
        self.cannot_run_in(
            &[Engine::Firefox, Engine::WebKit],
            &format!("needs Chromium's DevTools protocol to {what}"),
        )
    }

    /// True (and says so) when this engine is one of `engines`, where this
    /// test cannot run for the reason `why`; the test then ends.
    pub fn cannot_run_in(&self, engines: &[Engine], why: &str) -> bool {
        let skip = engines.contains(&self.engine);
        if skip {
            eprintln!("skipped in {}: {why}", self.engine.name());
        }
        skip
    }

    /// Sizes the window so the page's viewport is `width`×`height` (WebDriver
    /// sizes the outer window, whose frame differs by engine), or as close
    /// as the engine allows ([`Engine::min_width`]).
    async fn resize_viewport(&self, width: u32, height: u32) {
        let width = width.max(self.engine.min_width());
        let read = || async {
            let sizes = self
                .client
                .execute(
                    "return [innerWidth, innerHeight, outerWidth, outerHeight]",
                    vec![],
                )
                .await
                .ok()?;
            serde_json::from_value::<(u32, u32, u32, u32)>(sizes).ok()
        };
        // The frame around the page (toolbars, borders) differs by engine:
        // measure it, then size the window to the page plus its frame.
        let (inner_w, inner_h, outer_w, outer_h) = self.wait_until("the window's size", read).await;
        let (w, h) = (
            width + outer_w.saturating_sub(inner_w),
            height + outer_h.saturating_sub(inner_h),
        );
        self.client
            .set_window_size(w, h)
            .await
            .unwrap_or_else(|e| panic!("resize the window to {w}×{h}: {e}"));
        self.wait_until(&format!("a {width}×{height} viewport"), || async {
            let (iw, ih, _, _) = read().await?;
            (iw == width && ih.abs_diff(height) <= 2).then_some(())
        })
        .await;
    }

    /// Opens `path` (e.g. "/about") and waits until the app has rendered a page heading.
    pub async fn open(&self, path: &str) {
        self.go_to(path).await;
        self.wait_for_app().await;
    }

    /// Reloads the page, as a person pulling down to refresh, and waits for
    /// the app to start again.
    pub async fn reload(&self) {
        self.client.refresh().await.expect("reload the page");
        self.wait_for_app().await;
    }

    /// The browser's back button.
    pub async fn go_back(&self) {
        self.client.back().await.expect("go back");
    }

    /// Loads `path` and waits for nothing more.
    pub async fn visit(&self, path: &str) {
        self.go_to(path).await;
    }

    /// Runs a script; `None` if it failed (a page still loading, a frame
    /// not there yet), for checks that wait.
    pub async fn try_script(&self, body: &str) -> Option<Value> {
        self.client.execute(body, vec![]).await.ok()
    }

    async fn go_to(&self, path: &str) {
        // Errors from the page being left are no one's to see (see
        // `CATCH_ERRORS`); a page that refuses scripts has nothing to mark.
        let _ = self
            .client
            .execute("window.__limberTestLeaving = true", vec![])
            .await;
        self.client
            .goto(&self.server.url(path))
            .await
            .unwrap_or_else(|e| panic!("open {path}: {e}"));
    }

    /// Opens `path` and waits only for its heading, as a person sees a
    /// prerendered page before the app has started (or when it never does).
    pub async fn open_as_text(&self, path: &str) {
        self.go_to(path).await;
        self.wait_until("a level-one heading", || async {
            self.client.find(Locator::Css("main h1")).await.ok()
        })
        .await;
    }

    /// When the page first painted, when its largest text was painted, when
    /// the app's wasm began to download, and how much the layout shifted,
    /// from the page's own performance entries (milliseconds from navigation).
    pub async fn paint_timeline(&self) -> PaintTimeline {
        let script = r#"
            const done = arguments[0];
            const observed = (type) => new Promise((resolve) => {
              new PerformanceObserver((list, o) => { o.disconnect(); resolve(list.getEntries()); })
                .observe({ type, buffered: true });
              setTimeout(() => resolve([]), 1000);
            });
            Promise.all([observed("largest-contentful-paint"), observed("layout-shift")]).then(([lcp, shifts]) => {
              const wasm = performance.getEntriesByType("resource").find((e) => e.name.endsWith(".wasm"));
              done({
                first_paint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
                largest_paint: lcp.length ? lcp[lcp.length - 1].startTime : null,
                wasm_requested: wasm ? wasm.startTime : null,
                layout_shift: shifts.reduce((sum, e) => sum + e.value, 0),
              });
            });
        "#;
        let value = self
            .client
            .execute_async(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("read the paint timeline: {e}"));
        serde_json::from_value(value.clone())
            .unwrap_or_else(|e| panic!("a paint timeline, not {value}: {e}"))
    }

    /// Waits until the app has started and drawn its page. A prerendered
    /// page shows its heading before then, but its buttons do nothing yet;
    /// the app shows its own `#app` when it replaces the copy.
    pub async fn wait_for_app(&self) {
        self.wait_until(
            "the app to start and render a level-one heading",
            || async {
                // A page still loading may refuse scripts for a moment: wait on.
                let started = self
                    .client
                    .execute(
                        "return window.wasmBindings !== undefined \
                        && document.querySelector('#app:not([hidden]) main h1') !== null",
                        vec![],
                    )
                    .await;
                matches!(started, Ok(Value::Bool(true))).then_some(())
            },
        )
        .await;
    }

    /// Waits for a heading with this accessible name to be shown.
    pub async fn see_heading(&self, name: &str) -> Element {
        self.find_by_role("heading", name).await
    }

    /// Waits for a link with this accessible name, then clicks it.
    pub async fn click_link(&self, name: &str) {
        self.click_role("link", name).await;
    }

    /// Waits for a button with this accessible name, then clicks it.
    pub async fn click_button(&self, name: &str) {
        self.click_role("button", name).await;
    }

    /// Finds the element with this role and name, scrolls it into view and
    /// clicks it. WebKitWebDriver has (once in CI, under load) answered a
    /// click with an error that has no message at all, not a stale element
    /// or an intercepted click; the element is then found afresh and clicked
    /// once more. Any other error, or a second one, fails the test.
    async fn click_role(&self, role: &str, name: &str) {
        let element = self.find_by_role(role, name).await;
        self.reveal(&element).await;
        let Err(first) = element.click().await else {
            return;
        };
        let blank = matches!(&first, CmdError::Standard(e) if e.message.trim().is_empty());
        if self.engine != Engine::WebKit || !blank {
            panic!("click {role} {name:?}: {first:?}");
        }
        eprintln!("webkit: a click on {role} {name:?} failed with no message; finding it again");
        let element = self.find_by_role(role, name).await;
        self.reveal(&element).await;
        element
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {role} {name:?} (second try): {e:?}"));
    }

    /// Types `text` into the field with this accessible name.
    pub async fn type_into(&self, role: &str, name: &str, text: &str) {
        let field = self.find_by_role(role, name).await;
        field
            .send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("type into {name:?}: {e}"));
    }

    /// Ticks or unticks the checkbox with this accessible name.
    pub async fn toggle_checkbox(&self, name: &str) {
        let checkbox = self.find_by_role("checkbox", name).await;
        self.reveal(&checkbox).await;
        checkbox
            .click()
            .await
            .unwrap_or_else(|e| panic!("tick {name:?}: {e}"));
    }

    /// Whether the checkbox with this accessible name is ticked.
    pub async fn is_checked(&self, name: &str) -> bool {
        let checkbox = self.find_by_role("checkbox", name).await;
        checkbox
            .is_selected()
            .await
            .unwrap_or_else(|e| panic!("read {name:?}: {e}"))
    }

    /// The names of the links that head each item of the page's lists, in order:
    /// what a person scanning a list of cards reads.
    pub async fn listed_names(&self) -> Vec<String> {
        let names = self
            .script(
                "return Array.from(document.querySelectorAll('main li :is(h2, h3) a'))\
                 .map(a => a.textContent.trim())",
            )
            .await;
        serde_json::from_value(names).expect("a list of names")
    }

    /// The text of every item of the list that follows the heading `heading`.
    pub async fn list_under_heading(&self, heading: &str) -> Vec<String> {
        let heading = self.see_heading(heading).await;
        let items = self
            .client
            .execute(
                "let el = arguments[0].nextElementSibling;\
                 while (el && !['OL', 'UL'].includes(el.tagName)) el = el.nextElementSibling;\
                 return el ? Array.from(el.children).map(li => li.textContent.trim()) : [];",
                vec![serde_json::to_value(&heading).expect("an element reference")],
            )
            .await
            .expect("read the list");
        serde_json::from_value(items).expect("a list of strings")
    }

    /// The visible text of the main region.
    pub async fn main_text(&self) -> String {
        let main = self
            .client
            .find(Locator::Css("main"))
            .await
            .expect("a main region");
        if self.engine == Engine::WebKit {
            // WebKitWebDriver's element text runs block elements together
            // ("Time3:00"); `innerText` breaks lines as the others do.
            return self
                .script_with("return arguments[0].innerText", &main)
                .await
                .as_str()
                .unwrap_or_default()
                .to_string();
        }
        main.text().await.expect("its text")
    }

    /// Waits until the page lists exactly these names, in this order.
    pub async fn see_listed_names(&self, expected: &[&str]) {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let last = self.listed_names().await;
            if last == expected {
                return;
            }
            if Instant::now() > deadline {
                panic!("listed {last:?}, expected {expected:?}");
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Presses a key on whatever has focus, as a keyboard user would: a real
    /// key press, which works on every control (even a file picker, where
    /// WebDriver's "send keys" would mean "choose this file").
    pub async fn press(&self, key: Key) {
        let value = char::from(key);
        let actions = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value })
            .then(KeyAction::Up { value });
        self.client
            .perform_actions(actions)
            .await
            .unwrap_or_else(|e| panic!("press {key:?}: {e}"));
    }

    /// Types `text` into whatever has focus, key by key.
    pub async fn press_text(&self, text: &str) {
        let mut actions = KeyActions::new("keyboard".into());
        for value in text.chars() {
            actions = actions
                .then(KeyAction::Down { value })
                .then(KeyAction::Up { value });
        }
        self.client
            .perform_actions(actions)
            .await
            .unwrap_or_else(|e| panic!("type {text:?}: {e}"));
    }

    /// Presses Tab until the focused element has this accessible name, as a
    /// keyboard user tabbing through the page would. Fails after 80 presses.
    pub async fn tab_to(&self, name: &str) {
        let mut seen = Vec::new();
        for _ in 0..80 {
            self.press(Key::Tab).await;
            let focused = self.focused_name().await;
            if focused == name {
                return;
            }
            seen.push(focused);
        }
        panic!("tabbing never reached {name:?}; focus went through {seen:?}");
    }

    /// The accessible name of the focused element.
    pub async fn focused_name(&self) -> String {
        let focused = self
            .client
            .active_element()
            .await
            .expect("an active element");
        self.name_of(&focused).await
    }

    /// The current path, without origin.
    pub async fn path(&self) -> String {
        let url = self.client.current_url().await.expect("the current URL");
        url.path().to_string()
    }

    /// Waits until the path is `expected`.
    pub async fn see_path(&self, expected: &str) {
        self.wait_until(&format!("the path to become {expected}"), || async {
            (self.path().await == expected).then_some(())
        })
        .await;
    }

    /// The document's title.
    pub async fn title(&self) -> String {
        self.client.title().await.expect("the document title")
    }

    /// Runs a script in the page and returns its result.
    pub async fn script(&self, body: &str) -> Value {
        self.client
            .execute(body, vec![])
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{body}"))
    }

    /// Switches the system colour scheme the page sees, as a phone in dark mode would.
    pub async fn prefer_dark(&self) {
        self.emulate_media("prefers-color-scheme", "dark").await;
    }

    /// Asks for the light colour scheme.
    pub async fn prefer_light(&self) {
        self.emulate_media("prefers-color-scheme", "light").await;
    }

    /// Asks for reduced motion, as a person with that system setting would.
    pub async fn prefer_reduced_motion(&self) {
        self.emulate_media("prefers-reduced-motion", "reduce").await;
    }

    /// Chromium emulates media features through DevTools. WebDriver has no
    /// such command in Firefox or WebKit, so there this changes nothing and
    /// says so; a test that asserts on the result checks
    /// [`Browser::needs_chromium`] first.
    async fn emulate_media(&self, name: &str, value: &str) {
        if self.engine != Engine::Chromium {
            eprintln!("{}: cannot emulate {name}: {value}", self.engine.name());
            return;
        }
        // One call sets every emulated feature, so remember the earlier ones.
        let mut features = self.media.lock().expect("media features").clone();
        features.retain(|(n, _)| n != name);
        features.push((name.to_string(), value.to_string()));
        *self.media.lock().expect("media features") = features.clone();
        let list: Vec<Value> = features
            .iter()
            .map(|(n, v)| json!({ "name": n, "value": v }))
            .collect();
        self.cdp("Emulation.setEmulatedMedia", json!({ "features": list }))
            .await;
    }

    /// Replaces the page's monotonic clock before any page script runs, so a
    /// test moves time with [`Browser::advance_clock`]. The app is unchanged:
    /// it reads `performance.now()` as always.
    pub async fn install_fake_clock(&self) {
        let source = "(() => { let now = performance.now(); \
            performance.now = () => now; \
            window.__limberTestClock = { advance(ms) { now += ms; } }; })();";
        self.add_init_script(source).await;
    }

    /// Runs `source` before any script of every page loaded from now on.
    /// Chromium runs it through DevTools, so it also reaches pages its
    /// service worker serves from its cache; the other engines get it from
    /// the test server, in every page it serves.
    pub async fn add_init_script(&self, source: &str) {
        if self.engine == Engine::Chromium {
            self.cdp("Page.enable", json!({})).await;
            self.cdp(
                "Page.addScriptToEvaluateOnNewDocument",
                json!({ "source": source }),
            )
            .await;
        } else {
            self.server.add_init_script(source);
        }
    }

    /// Moves the fake clock forward.
    pub async fn advance_clock(&self, ms: u64) {
        self.script(&format!("window.__limberTestClock.advance({ms})"))
            .await;
    }

    /// Waits until the element with role `timer` shows `text`.
    pub async fn see_timer(&self, text: &str) {
        self.see_timer_within(text, TIMEOUT).await;
    }

    /// Waits up to `timeout` until the element with role `timer` shows `text`.
    pub async fn see_timer_within(&self, text: &str, timeout: Duration) {
        let mut last = String::new();
        let deadline = Instant::now() + timeout;
        loop {
            if let Ok(el) = self.client.find(Locator::Css("[role=timer]")).await {
                last = el.text().await.unwrap_or_default();
                if last.trim() == text {
                    return;
                }
            }
            if Instant::now() > deadline {
                panic!("the timer shows {last:?}, expected {text:?}");
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Picks the option (radio button) named `name` in the group `group` by
    /// tapping its visible label.
    pub async fn choose(&self, group: &str, name: &str) {
        let css = format!("input[type=radio][name='{group}']");
        let deadline = Instant::now() + TIMEOUT;
        loop {
            for radio in self
                .client
                .find_all(Locator::Css(&css))
                .await
                .unwrap_or_default()
            {
                if self.name_of(&radio).await == name {
                    // A visible radio is tapped itself; a visually hidden one
                    // (a styled scale) through its label.
                    let target = if radio.is_displayed().await.unwrap_or(false) {
                        radio.clone()
                    } else {
                        let id = radio.attr("id").await.ok().flatten().unwrap_or_default();
                        self.client
                            .find(Locator::Css(&format!("label[for='{id}']")))
                            .await
                            .unwrap_or_else(|e| panic!("the label of {name:?}: {e}"))
                    };
                    self.reveal(&target).await;
                    target
                        .click()
                        .await
                        .unwrap_or_else(|e| panic!("choose {name:?}: {e}"));
                    assert!(
                        radio.is_selected().await.unwrap_or(false),
                        "{name:?} is chosen"
                    );
                    return;
                }
            }
            if Instant::now() > deadline {
                panic!("no option {name:?} in {group}");
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// The file server this browser talks to (to cut the network or swap builds).
    pub fn server(&self) -> &StaticServer {
        &self.server
    }

    /// Runs axe-core (from `node_modules`, never a CDN) on the whole page at
    /// WCAG 2.2 A and AA, and returns each violation as one line naming the
    /// rule, what it means, and where.
    pub async fn accessibility_violations(&self) -> Vec<String> {
        let axe = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("node_modules/axe-core/axe.min.js"),
        )
        .expect("axe-core in node_modules (`make test` installs it)");
        self.client
            .execute(&format!("{axe}\nreturn true;"), vec![])
            .await
            .expect("load axe-core");
        let result = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];\
                 axe.run(document, { runOnly: { type: 'tag', values: \
                   ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })\
                   .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' at ' + \
                     v.nodes.map(n => n.target.join(' ')).join(', '))))\
                   .catch(e => done(['axe failed: ' + e]));",
                vec![],
            )
            .await
            .expect("run axe-core");
        serde_json::from_value(result).expect("a list of violations")
    }

    /// Waits until a live status region anywhere on the page says `text`.
    pub async fn see_status(&self, text: &str) {
        self.wait_until(&format!("a status saying {text:?}"), || async {
            self.script(
                "return Array.from(document.querySelectorAll('[role=status]')).map(e => e.textContent).join(' | ')",
            )
            .await
            .as_str()
            .filter(|said| said.contains(text))
            .map(str::to_string)
        })
        .await;
    }

    /// Waits until a service worker controls the page (it installed and
    /// took over), as after a first visit.
    pub async fn wait_for_service_worker(&self) {
        self.wait_until("a service worker to control the page", || async {
            self.script("return navigator.serviceWorker.controller !== null")
                .await
                .as_bool()
                .filter(|&on| on)
        })
        .await;
    }

    /// True (and says so) in WebKit, where WebKitWebDriver cannot choose
    /// where downloads go: a test that downloads ends there.
    pub fn cannot_download(&self) -> bool {
        self.cannot_run_in(
            &[Engine::WebKit],
            "WebKitWebDriver cannot choose where downloads go",
        )
    }

    /// Waits for a finished download whose name starts with `prefix`;
    /// returns its path and text. Chromium reserves the final name with an
    /// empty file while it writes `.crdownload`, so finished means: no
    /// `.crdownload` left and the file has content.
    pub async fn downloaded(&self, prefix: &str) -> (std::path::PathBuf, String) {
        let dir = self.downloads().path().to_path_buf();
        self.wait_until(&format!("a download named {prefix}…"), || {
            let dir = dir.clone();
            async move {
                let paths: Vec<_> = std::fs::read_dir(&dir)
                    .ok()?
                    .filter_map(Result::ok)
                    .map(|entry| entry.path())
                    .collect();
                let name = |p: &std::path::Path| {
                    p.file_name()
                        .and_then(|n| n.to_str())
                        .unwrap_or("")
                        .to_string()
                };
                if paths.iter().any(|p| name(p).ends_with(".crdownload")) {
                    return None;
                }
                let path = paths.into_iter().find(|p| name(p).starts_with(prefix))?;
                let text = std::fs::read_to_string(&path).ok()?;
                (!text.is_empty()).then_some((path, text))
            }
        })
        .await
    }

    /// Chooses `file` in the file picker named `name`, as a person picks a
    /// file from their phone.
    pub async fn choose_file(&self, name: &str, file: &std::path::Path) {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            for input in self
                .client
                .find_all(Locator::Css("input[type=file]"))
                .await
                .unwrap_or_default()
            {
                // Engines name a file picker differently ("Backup file
                // Browse… No file selected." in Firefox): its label says it.
                let label = self
                    .script_with(
                        "const l = arguments[0].labels && arguments[0].labels[0]; return l ? l.textContent.trim() : ''",
                        &input,
                    )
                    .await;
                if self.name_of(&input).await == name || label == name {
                    input
                        .send_keys(&file.display().to_string())
                        .await
                        .unwrap_or_else(|e| panic!("choose {} in {name:?}: {e}", file.display()));
                    return;
                }
            }
            if Instant::now() > deadline {
                panic!("no file picker named {name:?}");
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Picks `option` in the drop-down list named `name`.
    pub async fn select_option(&self, name: &str, option: &str) {
        let select = self.find_by_role("combobox", name).await;
        self.reveal(&select).await;
        select
            .select_by_label(option)
            .await
            .unwrap_or_else(|e| panic!("pick {option:?} in {name:?}: {e}"));
    }

    /// Waits until the main region's text contains `text`.
    pub async fn see_text(&self, text: &str) {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let last = self.main_text().await;
            if last.contains(text) {
                return;
            }
            if Instant::now() > deadline {
                panic!("never saw {text:?}; the page says {last:?}");
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Opens a second tab and switches to it; returns (first, second) handles.
    pub async fn open_second_tab(&self) -> (WindowHandle, WindowHandle) {
        let first = self.client.window().await.expect("the current tab");
        let second = self
            .client
            .new_window(true)
            .await
            .expect("a new tab")
            .handle;
        self.client
            .switch_to_window(second.clone())
            .await
            .expect("switch to the new tab");
        (first, second)
    }

    /// Brings the tab `handle` to the front.
    pub async fn switch_to(&self, handle: &WindowHandle) {
        self.client
            .switch_to_window(handle.clone())
            .await
            .expect("switch tabs");
    }

    /// Runs a script with one element as `arguments[0]`.
    pub async fn script_with(&self, body: &str, element: &Element) -> Value {
        let arg = serde_json::to_value(element).expect("an element reference");
        self.client
            .execute(body, vec![arg])
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{body}"))
    }

    /// Saves a PNG of the viewport under `tests/artifacts/` for a person to look at.
    pub async fn screenshot(&self, name: &str) {
        let png = self.client.screenshot().await.expect("a screenshot");
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/artifacts");
        std::fs::create_dir_all(&dir).expect("create tests/artifacts");
        std::fs::write(dir.join(format!("{name}.png")), png).expect("write the screenshot");
    }

    /// Sends a Chrome DevTools Protocol command through ChromeDriver; only
    /// in Chromium (a test checks [`Browser::needs_chromium`] first).
    pub async fn cdp(&self, cmd: &str, params: Value) -> Value {
        assert_eq!(self.engine, Engine::Chromium, "CDP {cmd} needs Chromium");
        let body = json!({ "cmd": cmd, "params": params });
        self.client
            .issue_cmd(SessionCommand::post("goog/cdp/execute", body))
            .await
            .unwrap_or_else(|e| panic!("CDP {cmd}: {e}"))
    }

    /// Console errors and uncaught exceptions so far, as the test server's
    /// injected script recorded them in every engine, and in Chromium also
    /// its own log (which adds failed loads). Reading clears both.
    pub async fn errors(&self) -> Vec<String> {
        let caught = self
            .client
            .execute(
                "return window.__limberTestErrors ? window.__limberTestErrors.take() : []",
                vec![],
            )
            .await
            .ok()
            .and_then(|v| serde_json::from_value::<Vec<String>>(v).ok())
            .unwrap_or_default();
        if self.engine != Engine::Chromium {
            return caught;
        }
        let log = self
            .client
            .issue_cmd(SessionCommand::post("se/log", json!({ "type": "browser" })))
            .await
            .expect("read the browser log");
        let logged = log
            .as_array()
            .into_iter()
            .flatten()
            .filter(|entry| entry["level"] == "SEVERE")
            .map(|entry| entry["message"].as_str().unwrap_or_default().to_string());
        caught.into_iter().chain(logged).collect()
    }

    /// Fails if the page logged any error other than the refused connections
    /// Chromium logs by itself while the network is down.
    pub async fn expect_only_refused_connections(&self) {
        let errors: Vec<String> = self
            .errors()
            .await
            .into_iter()
            .filter(|e| !e.contains("net::ERR"))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }

    /// Ends the test: fails if the page logged any error, then closes the session.
    pub async fn finish(mut self) {
        let errors = self.errors().await;
        assert!(errors.is_empty(), "the page logged errors: {errors:#?}");
        if let Some(session) = self.session.take() {
            session.recycle(self.engine).await;
        }
    }

    fn downloads(&self) -> &TempDir {
        &self
            .session
            .as_ref()
            .expect("a running session until the test finishes")
            .downloads
    }

    /// Waits for an element of `role` whose accessible name is `name`.
    pub async fn find_by_role(&self, role: &str, name: &str) -> Element {
        self.find_by_role_within(role, name, TIMEOUT).await
    }

    /// Waits up to `timeout` for a heading with this accessible name.
    pub async fn see_heading_within(&self, name: &str, timeout: Duration) -> Element {
        self.find_by_role_within("heading", name, timeout).await
    }

    async fn find_by_role_within(&self, role: &str, name: &str, timeout: Duration) -> Element {
        let css = match role {
            "button" => "button, [role=button], input[type=button], input[type=submit]".to_string(),
            "link" => "a[href], [role=link]".to_string(),
            "heading" => "h1, h2, h3, h4, h5, h6, [role=heading]".to_string(),
            "checkbox" => "input[type=checkbox], [role=checkbox]".to_string(),
            "searchbox" => "input[type=search], [role=searchbox]".to_string(),
            "disclosure" => "summary".to_string(),
            "img" => "img, [role=img]".to_string(),
            "radio" => "input[type=radio], [role=radio]".to_string(),
            "combobox" => "select, [role=combobox]".to_string(),
            "time" => "input[type=time]".to_string(),
            "textbox" => {
                "input:not([type]), input[type=text], input[type=url], textarea, [role=textbox]"
                    .to_string()
            }
            other => format!("[role={other}]"),
        };
        let deadline = Instant::now() + timeout;
        loop {
            for element in self.might_be_named(&css, name).await {
                if self.name_of(&element).await.trim() == name
                    && element.is_displayed().await.unwrap_or(false)
                {
                    return element;
                }
            }
            if Instant::now() > deadline {
                let mut seen = Vec::new();
                for element in self
                    .client
                    .find_all(Locator::Css(&css))
                    .await
                    .unwrap_or_default()
                {
                    seen.push(self.name_of(&element).await);
                }
                panic!("no visible {role} named {name:?}; saw {seen:?}");
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// The elements matching `css` whose text, labels or label attributes
    /// hold `name` somewhere: only those can have it as their accessible
    /// name, which the engine then computes one round trip per element.
    async fn might_be_named(&self, css: &str, name: &str) -> Vec<Element> {
        let script = "const [css, name] = arguments; \
            const norm = (s) => (s || '').replace(/\\s+/g, ' ').trim(); \
            const wanted = norm(name); \
            return [...document.querySelectorAll(css)].filter((el) => { \
              const parts = [el.textContent, el.value]; \
              const named = [el, ...el.querySelectorAll('[alt], [aria-label], [title]')]; \
              for (const n of named) for (const a of ['aria-label', 'title', 'alt', 'placeholder']) parts.push(n.getAttribute(a)); \
              for (const id of (el.getAttribute('aria-labelledby') || '').split(/\\s+/)) { \
                const label = id && document.getElementById(id); if (label) parts.push(label.textContent); } \
              for (const label of el.labels || []) parts.push(label.textContent); \
              return norm(parts.join(' ')).includes(wanted); \
            });";
        let found = self
            .client
            .execute(script, vec![json!(css), json!(name)])
            .await;
        let Ok(Value::Array(found)) = found else {
            // A page still loading may refuse scripts for a moment: none yet.
            return Vec::new();
        };
        found
            .into_iter()
            .filter_map(|e| {
                // A web element reference: {"element-6066-…": id}.
                let id = e.as_object()?.values().next()?.as_str()?.to_string();
                Some(Element::from_element_id(self.client.clone(), id.into()))
            })
            .collect()
    }

    /// Waits until `check` returns `Some`, failing the test after [`TIMEOUT`].
    pub async fn wait_until<T, F, Fut>(&self, what: &str, check: F) -> T
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Option<T>>,
    {
        wait_for(what, TIMEOUT, check).await
    }

    /// Waits up to `timeout` until `check` returns `Some` (for what takes
    /// longer than [`TIMEOUT`] by design, such as a routine in real time).
    pub async fn wait_until_within<T, F, Fut>(&self, what: &str, timeout: Duration, check: F) -> T
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Option<T>>,
    {
        wait_for(what, timeout, check).await
    }

    /// Scrolls an element to the middle of the screen, as a person scrolls a
    /// control out from under the bottom navigation before tapping it.
    async fn reveal(&self, element: &Element) {
        let arg = serde_json::to_value(element).expect("an element reference");
        self.client
            .execute(
                "arguments[0].scrollIntoView({ block: 'center' })",
                vec![arg],
            )
            .await
            .expect("scroll into view");
    }

    /// The element's accessible name, as the engine computes it (WebDriver's
    /// computed label). WebKit adds a form control's value to it ("Name
    /// Morning back"); there a labelled control's name is its label's text
    /// without the control itself, which is what a screen reader announces
    /// before the value.
    async fn name_of(&self, element: &Element) -> String {
        if self.engine == Engine::WebKit {
            // A node redrawn in the meantime has no name: the caller looks again.
            let arg = serde_json::to_value(element).expect("an element reference");
            let label = self
                .client
                .execute(
                    "const el = arguments[0]; \
                     if (!['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName)) return null; \
                     if (el.getAttribute('aria-label')) return el.getAttribute('aria-label'); \
                     const label = el.labels && el.labels[0]; if (!label) return null; \
                     const copy = label.cloneNode(true); \
                     copy.querySelectorAll('input, select, textarea').forEach(c => c.remove()); \
                     return copy.textContent.replace(/\\s+/g, ' ').trim();",
                    vec![arg],
                )
                .await
                .unwrap_or(Value::String(String::new()));
            if let Some(label) = label.as_str() {
                return label.to_string();
            }
        }
        let path = format!("element/{}/computedlabel", element.element_id());
        self.client
            .issue_cmd(SessionCommand::get(path))
            .await
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }
}

async fn wait_for<T, F, Fut>(what: &str, timeout: Duration, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Option<T>>,
{
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(value) = check().await {
            return value;
        }
        if Instant::now() > deadline {
            panic!("timed out after {timeout:?} waiting for {what}");
        }
        tokio::time::sleep(POLL).await;
    }
}

fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind an ephemeral port");
    listener.local_addr().expect("its address").port()
}

/// A WebDriver command under the current session that fantoccini has no
/// method for (vendor endpoints such as ChromeDriver's CDP bridge and logs).
#[derive(Debug)]
struct SessionCommand {
    path: String,
    body: Option<Value>,
}

impl SessionCommand {
    fn get(path: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            body: None,
        }
    }

    fn post(path: impl Into<String>, body: Value) -> Self {
        Self {
            path: path.into(),
            body: Some(body),
        }
    }
}

impl WebDriverCompatibleCommand for SessionCommand {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        let session = session_id.unwrap_or_default();
        base_url.join(&format!("session/{session}/{}", self.path))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        match &self.body {
            Some(body) => (http::Method::POST, Some(body.to_string())),
            None => (http::Method::GET, None),
        }
    }
}

/// See [`Browser::paint_timeline`].
#[derive(Debug, serde::Deserialize)]
pub struct PaintTimeline {
    pub first_paint: Option<f64>,
    pub largest_paint: Option<f64>,
    pub wasm_requested: Option<f64>,
    pub layout_shift: f64,
}
