//! The three browser engines the suite runs in, chosen by `LIMBER_ENGINE`
//! (`chromium`, the default; `firefox`; `webkit`), and how each is started.
//! `make e2e` runs the suite once per engine, one after another.

use serde_json::{json, Value};

use super::process::{GroupChild, TempDir};

/// A browser engine and its WebDriver.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    /// Debian's Chromium through ChromeDriver, headless.
    Chromium,
    /// Debian's Firefox ESR through geckodriver, headless.
    Firefox,
    /// WebKitGTK's MiniBrowser through WebKitWebDriver. It has no headless
    /// mode: `make e2e` runs it under `xvfb-run`.
    WebKit,
}

impl Engine {
    /// The engine this run tests, from `LIMBER_ENGINE`.
    pub fn current() -> Self {
        match std::env::var("LIMBER_ENGINE").as_deref() {
            Ok("firefox") => Self::Firefox,
            Ok("webkit") => Self::WebKit,
            Ok("chromium") | Err(_) => Self::Chromium,
            Ok(other) => panic!("LIMBER_ENGINE={other}: expected chromium, firefox or webkit"),
        }
    }

    /// The narrowest viewport this engine's window allows: MiniBrowser's
    /// windows stop at 447 px and headless Firefox's at 500 px. Narrower
    /// screens are tested there inside an iframe of the right width.
    pub fn min_width(self) -> u32 {
        match self {
            Self::Chromium => 0,
            Self::Firefox => 500,
            Self::WebKit => 447,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Chromium => "chromium",
            Self::Firefox => "firefox",
            Self::WebKit => "webkit",
        }
    }

    /// Starts this engine's WebDriver on `port`.
    pub fn start_driver(self, port: u16) -> GroupChild {
        let (program, args): (&str, Vec<String>) = match self {
            Self::Chromium => (
                "chromedriver",
                vec![format!("--port={port}"), "--log-level=OFF".into()],
            ),
            Self::Firefox => (
                "geckodriver",
                vec![format!("--port={port}"), "--log=fatal".into()],
            ),
            Self::WebKit => ("WebKitWebDriver", vec![format!("--port={port}")]),
        };
        GroupChild::spawn(program, &args).unwrap_or_else(|e| {
            panic!("start {program} ({e}): `make test` installs it, see the README")
        })
    }

    /// The capabilities for a fresh session of `width`×`height`, with its own
    /// profile and downloads folder; `dark` starts Firefox and WebKit with a
    /// dark system colour scheme.
    pub fn capabilities(
        self,
        (width, height): (u32, u32),
        dark: bool,
        profile: &TempDir,
        downloads: &TempDir,
    ) -> serde_json::Map<String, Value> {
        let capabilities = match self {
            Self::Chromium => {
                let chromium =
                    std::env::var("CHROME_PATH").unwrap_or_else(|_| "/usr/bin/chromium".into());
                json!({
                    "browserName": "chrome",
                    "goog:loggingPrefs": { "browser": "ALL" },
                    "goog:chromeOptions": {
                        "binary": chromium,
                        "args": [
                            "--headless",
                            "--no-sandbox",
                            "--disable-gpu",
                            "--no-first-run",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--lang=en-US",
                            format!("--user-data-dir={}", profile.path().display()),
                            format!("--window-size={width},{height}"),
                        ],
                    },
                })
            }
            Self::Firefox => json!({
                "browserName": "firefox",
                "moz:firefoxOptions": {
                    "binary": std::env::var("FIREFOX_PATH").unwrap_or_else(|_| "/usr/bin/firefox-esr".into()),
                    "args": [
                        "-headless",
                        "-profile", profile.path().display().to_string(),
                        format!("--width={width}"),
                        format!("--height={height}"),
                    ],
                    "prefs": {
                        "intl.accept_languages": "en-US",
                        "ui.systemUsesDarkTheme": i32::from(dark),
                        // No update checks, telemetry or first-run pages: the
                        // machine has no network beyond loopback.
                        "app.update.disabledForTesting": true,
                        "browser.shell.checkDefaultBrowser": false,
                        "datareporting.policy.dataSubmissionEnabled": false,
                        "toolkit.telemetry.reportingpolicy.firstRun": false,
                        // Fewer processes and no built-in add-ons: the
                        // suite starts a Firefox per test on 2 cores.
                        "fission.autostart": false,
                        "dom.ipc.processCount": 1,
                        "extensions.autoDisableScopes": 15,
                        "extensions.enabledScopes": 0,
                        "browser.startup.page": 0,
                        "browser.startup.homepage_override.mstone": "ignore",
                        "browser.newtabpage.enabled": false,
                        "browser.aboutwelcome.enabled": false,
                        "browser.download.folderList": 2,
                        "browser.download.dir": downloads.path().display().to_string(),
                        "browser.download.useDownloadDir": true,
                        "browser.download.always_ask_before_handling_new_types": false,
                        "browser.helperApps.neverAsk.saveToDisk": "text/plain,text/csv,application/json,text/calendar",
                    },
                },
            }),
            Self::WebKit => json!({
                "browserName": "MiniBrowser",
                "webkitgtk:browserOptions": {
                    "binary": minibrowser(),
                    "args": if dark { json!(["--automation", "--dark-mode"]) } else { json!(["--automation"]) },
                },
            }),
        };
        let Value::Object(capabilities) = capabilities else {
            unreachable!("capabilities are a JSON object")
        };
        capabilities
    }
}

/// Where Debian's WebKitGTK keeps MiniBrowser (not on `PATH`).
fn minibrowser() -> String {
    if let Ok(path) = std::env::var("MINIBROWSER_PATH") {
        return path;
    }
    ["4.1", "4.0", "6.0"]
        .iter()
        .map(|api| format!("/usr/lib/x86_64-linux-gnu/webkit2gtk-{api}/MiniBrowser"))
        .chain(std::iter::once(
            "/usr/lib/x86_64-linux-gnu/webkitgtk-6.0/MiniBrowser".to_string(),
        ))
        .find(|p| std::path::Path::new(p).is_file())
        .unwrap_or_else(|| panic!("no MiniBrowser: `make test` installs webkit2gtk-driver"))
}
