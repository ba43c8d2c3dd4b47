//! The app shell: loading, deep links, not-found, keyboard navigation, phone fit.

use crate::support::browser::DESKTOP;
use crate::support::Browser;
use fantoccini::key::Key;

#[tokio::test]
async fn the_app_loads_at_the_root() {
    let browser = Browser::phone().await;
    browser.open("/").await;
    browser
        .see_heading("Gentle stretches for your lower back")
        .await;
    assert_eq!(browser.title().await, "Home · Limber");
    browser.finish().await;
}

#[tokio::test]
async fn a_deep_link_loads_its_page() {
    let browser = Browser::phone().await;
    browser.open("/about").await;
    browser.see_heading("About Limber").await;
    assert_eq!(browser.path().await, "/about");
    browser.finish().await;
}

#[tokio::test]
async fn an_unknown_route_shows_not_found() {
    let browser = Browser::phone().await;
    browser.open("/no/such/page").await;
    browser.see_heading("Page not found").await;
    browser.click_link("Go to the home page").await;
    browser
        .see_heading("Gentle stretches for your lower back")
        .await;
    browser.see_path("/").await;
    browser.finish().await;
}

#[tokio::test]
async fn navigation_works_by_keyboard() {
    let browser = Browser::phone().await;
    browser.open("/").await;
    browser.tab_to("Settings").await;
    browser.press(Key::Enter).await;
    browser.see_heading("Settings").await;
    browser.see_path("/settings").await;
    // Focus moves to the new page so a screen reader starts reading it.
    let focused = browser.script("return document.activeElement.id").await;
    assert_eq!(focused, "main");
    browser.tab_to("Home").await;
    browser.press(Key::Enter).await;
    browser
        .see_heading("Gentle stretches for your lower back")
        .await;
    browser.finish().await;
}

#[tokio::test]
async fn every_page_fits_a_phone_without_horizontal_scroll() {
    let browser = Browser::phone().await;
    for path in [
        "/",
        "/about",
        "/missing",
        "/stretches",
        "/stretches/low-lunge-open-hip",
        "/routines/bedtime-wind-down",
        "/safety",
        "/progress",
        "/settings",
        "/tips/getting-out-of-bed",
    ] {
        browser.open(path).await;
        let size = browser
            .script("return [window.innerWidth, document.documentElement.scrollWidth]")
            .await;
        assert_eq!(size[0], browser.width(), "viewport width on {path}");
        assert!(
            size[1].as_u64() <= size[0].as_u64(),
            "{path} scrolls sideways at a phone's width: {size}"
        );
        if path == "/" {
            browser.screenshot("shell-home-phone").await;
        }
    }
    browser.finish().await;
}

#[tokio::test]
async fn the_dark_theme_follows_the_system() {
    let browser = Browser::phone().await;
    if browser.needs_chromium("switch the system's colour scheme") {
        return;
    }
    browser.prefer_dark().await;
    browser.open("/").await;
    let background = browser
        .script("return getComputedStyle(document.body).backgroundColor")
        .await;
    assert_eq!(background, "rgb(16, 23, 22)", "dark background");
    browser.screenshot("shell-home-phone-dark").await;
    browser.finish().await;
}

#[tokio::test]
async fn the_navigation_marks_the_current_page_on_desktop_too() {
    let browser = Browser::launch(DESKTOP).await;
    browser.open("/settings").await;
    let current = browser.find_by_role("link", "Settings").await;
    assert_eq!(
        current
            .attr("aria-current")
            .await
            .expect("read aria-current"),
        Some("page".to_string())
    );
    browser.screenshot("shell-settings-desktop").await;
    browser.finish().await;
}

#[tokio::test]
async fn a_console_error_fails_the_test_harness() {
    // Guards the guard: if the log reading broke, every other test would pass blind.
    let browser = Browser::phone().await;
    browser.open("/").await;
    // From the page's own scripts: WebDriver's scripts run in a sandbox in
    // Firefox, where the page's error handlers never see them.
    browser
        .add_init_script(
            "setTimeout(() => { console.error('deliberate test error'); \
             throw new Error('deliberate uncaught error'); });",
        )
        .await;
    browser.open("/about").await;
    let errors = browser
        .wait_until("both errors to be reported", || async {
            let errors = browser.errors().await;
            let both = errors.iter().any(|e| e.contains("deliberate test error"))
                && errors
                    .iter()
                    .any(|e| e.contains("deliberate uncaught error"));
            both.then_some(errors)
        })
        .await;
    assert!(!errors.is_empty());
    browser.finish().await;
}

/// The six screens a person uses Limber on: a small and a common phone, a
/// tablet both ways up, a laptop and a landscape phone.
const SCREENS: &[(u32, u32)] = &[
    (320, 640),
    (390, 844),
    (768, 1024),
    (1024, 768),
    (1440, 900),
    (844, 390),
];

/// One screen size. Where the engine's window cannot be that narrow
/// ([`crate::support::engine::Engine::min_width`]), the app runs in a same-origin iframe of exactly
/// that size, and every check reads that frame's document.
struct Screen<'a> {
    browser: &'a Browser,
    size: (u32, u32),
    framed: bool,
}

/// How long a page may take to start in [`Screen::open`].
const SLOW_START: std::time::Duration = std::time::Duration::from_secs(20);

impl<'a> Screen<'a> {
    fn new(browser: &'a Browser, size: (u32, u32)) -> Self {
        let framed = size.0 < browser.engine().min_width();
        Self {
            browser,
            size,
            framed,
        }
    }

    /// `(document, window)` of the app, as JavaScript expressions.
    fn scope(&self) -> &'static str {
        if self.framed {
            "const frame = document.querySelector('iframe'); \
             const doc = frame.contentDocument, win = frame.contentWindow;"
        } else {
            "const doc = document, win = window;"
        }
    }

    async fn run(&self, body: &str) -> serde_json::Value {
        self.browser
            .script(&format!("{} {body}", self.scope()))
            .await
    }

    /// Opens `path` and waits for the app to show its page.
    async fn open(&self, path: &str) {
        if !self.framed {
            self.browser.visit(path).await;
        } else if self
            .browser
            .try_script("return document.querySelector('iframe') !== null")
            .await
            == Some(serde_json::Value::Bool(true))
        {
            // Only the frame navigates: the holding page stays, as the
            // service worker would answer a new navigation with the app.
            self.run(&format!("frame.src = '{path}';")).await;
        } else {
            // A plain-text page of the same origin holds the frame.
            self.browser.visit("/screen-test-frame.txt").await;
            self.browser
                .script(&format!(
                    "document.body.replaceChildren(); const f = document.createElement('iframe'); \
                     f.width = '{}'; f.height = '{}'; f.style.border = '0'; f.src = '{path}'; \
                     document.body.style.margin = '0'; document.body.append(f);",
                    self.size.0, self.size.1
                ))
                .await;
        }
        let scope = self.scope();
        // Each open loads and compiles the app afresh (in a frame, every
        // time): on a cold CI machine under three engines' load that has
        // taken over 10 s, so this wait allows twice the usual.
        self.browser
            .wait_until_within(
                &format!("{path} to start at {:?}", self.size),
                SLOW_START,
                || async {
                    let started = self
                        .browser
                        .try_script(&format!(
                        "{scope} return doc.location.pathname + doc.location.search === '{path}' \
                         && win.wasmBindings !== undefined \
                         && doc.querySelector('#app:not([hidden]) main h1') !== null"
                    ))
                        .await;
                    (started == Some(serde_json::Value::Bool(true))).then_some(())
                },
            )
            .await;
    }

    async fn fits_without_sideways_scroll(&self, what: &str) {
        let size = self
            .run("return [win.innerWidth, doc.documentElement.scrollWidth]")
            .await;
        assert_eq!(size[0], self.size.0, "{what}: the viewport's width");
        assert!(
            size[1].as_u64() <= size[0].as_u64(),
            "{what} scrolls sideways at {}×{}: {size}",
            self.size.0,
            self.size.1
        );
    }

    async fn tap(&self, name: &str) {
        let tapped = self
            .run(&format!(
                "const b = Array.from(doc.querySelectorAll('button')).find(b => b.textContent.trim() === '{name}'); \
                 if (b) b.click(); return !!b;"
            ))
            .await;
        assert_eq!(tapped, true, "no button {name:?}");
    }

    async fn see_timer(&self, text: &str) {
        let scope = self.scope();
        self.browser
            .wait_until(&format!("the timer to show {text}"), || async {
                let shown = self
                    .browser
                    .try_script(&format!(
                        "{scope} const t = doc.querySelector('[role=timer]'); return t && t.textContent.trim();"
                    ))
                    .await;
                (shown.as_ref().and_then(|s| s.as_str()) == Some(text)).then_some(())
            })
            .await;
    }
}

#[tokio::test]
async fn every_screen_size_fits_and_the_player_uses_its_width() {
    for &(width, height) in SCREENS {
        let browser = Browser::launch((width, height)).await;
        browser.install_fake_clock().await;
        let screen = Screen::new(&browser, (width, height));
        let engine = browser.engine().name();
        for path in ["/", "/stretches", "/stretches/cat-cow", "/settings"] {
            screen.open(path).await;
            screen.fits_without_sideways_scroll(path).await;
        }
        screen.open("/").await;
        browser
            .screenshot(&format!("screen-{width}x{height}-home-{engine}"))
            .await;
        screen.open("/play/stretch/figure-four?hold=30").await;
        screen.tap("Start").await;
        screen.run("win.__limberTestClock.advance(5000)").await;
        screen.see_timer("0:30").await;
        screen.fits_without_sideways_scroll("the player").await;
        let layout = screen
            .run(
                "const t = doc.querySelector('[role=timer]'); \
                 const m = doc.querySelector('.player-main'); \
                 const main = doc.querySelector('main'); \
                 const c = doc.querySelector('.player-controls'); \
                 return { line: parseFloat(getComputedStyle(t).fontSize), height: t.getBoundingClientRect().height, \
                   player: m.getBoundingClientRect().width, \
                   main: main.clientWidth - parseFloat(getComputedStyle(main).paddingLeft) - parseFloat(getComputedStyle(main).paddingRight), \
                   inside: Array.from(c.querySelectorAll('button')).every(b => b.getBoundingClientRect().right <= win.innerWidth) };",
            )
            .await;
        let number = |key: &str| layout[key].as_f64().unwrap_or(0.0);
        assert!(
            number("height") < number("line") * 1.6,
            "{width}×{height}: the countdown wraps: {layout}"
        );
        assert!(
            number("player") >= number("main") * 0.9,
            "{width}×{height}: the player is squeezed: {layout}"
        );
        assert_eq!(
            layout["inside"], true,
            "{width}×{height}: a control is cut off: {layout}"
        );
        browser
            .screenshot(&format!("screen-{width}x{height}-player-{engine}"))
            .await;
        browser.finish().await;
        // The same screen in dark, from a browser started dark.
        let dark = Browser::launch_dark((width, height)).await;
        dark.install_fake_clock().await;
        let screen = Screen::new(&dark, (width, height));
        screen.open("/play/stretch/figure-four?hold=30").await;
        let background = screen
            .run("return getComputedStyle(doc.body).backgroundColor")
            .await;
        assert_eq!(
            background, "rgb(16, 23, 22)",
            "{width}×{height}: dark background"
        );
        screen.tap("Start").await;
        screen.run("win.__limberTestClock.advance(5000)").await;
        screen.see_timer("0:30").await;
        dark.screenshot(&format!("screen-{width}x{height}-player-dark-{engine}"))
            .await;
        dark.finish().await;
    }
}
