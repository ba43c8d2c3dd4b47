//! A static file server over `dist/` on an ephemeral loopback port. Like a
//! static host with clean URLs and a 404 fallback, it answers `/a/b` with
//! `a/b.html` when that page was prerendered, and any other path without a
//! file extension with the empty shell, `404.html`, so deep links load the app.
//!
//! Every HTML page it serves gets test-only scripts at the top of its
//! `<head>`, before the page's Content-Security-Policy takes effect (a meta
//! policy covers only what follows it): first [`CATCH_ERRORS`], then any a
//! test added with [`StaticServer::add_init_script`]. That is how errors are
//! caught and APIs removed in every engine, without Chromium's DevTools.

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;

pub struct StaticServer {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    /// What is served; `None` is a network that is down.
    root: Arc<Mutex<Option<PathBuf>>>,
    /// Every path requested, in order.
    log: Arc<Mutex<Vec<String>>>,
    /// Requests for paths ending so wait until released, as a slow download.
    held: Arc<Held>,
    /// Scripts that run first in every page served from now on.
    scripts: Arc<Mutex<Vec<String>>>,
    accept_loop: Option<JoinHandle<()>>,
}

/// A listener on a port no earlier server of this run has had. Browsers are
/// pooled and keep each origin's storage and service worker, so a port
/// handed out twice would give a later test an earlier one's saved data
/// (a "newcomer" who had already taken the safety check).
fn unused_origin() -> std::io::Result<TcpListener> {
    static USED: Mutex<Vec<u16>> = Mutex::new(Vec::new());
    loop {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let port = listener.local_addr()?.port();
        let mut used = USED.lock().unwrap_or_else(|e| e.into_inner());
        if !used.contains(&port) {
            used.push(port);
            return Ok(listener);
        }
    }
}

impl StaticServer {
    pub fn start(root: PathBuf) -> std::io::Result<Self> {
        let listener = unused_origin()?;
        let addr = listener.local_addr()?;
        let stop = Arc::new(AtomicBool::new(false));
        let stopping = Arc::clone(&stop);
        let root = Arc::new(Mutex::new(Some(root)));
        let log = Arc::new(Mutex::new(Vec::new()));
        let held = Arc::new(Held::default());
        let scripts = Arc::new(Mutex::new(vec![CATCH_ERRORS.to_string()]));
        let (serving, logging, holding) = (Arc::clone(&root), Arc::clone(&log), Arc::clone(&held));
        let injecting = Arc::clone(&scripts);
        let accept_loop = std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stopping.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                // Offline: the connection closes with no answer, as when the
                // network is down.
                let Some(root) = serving.lock().map(|r| r.clone()).unwrap_or_default() else {
                    continue;
                };
                let logging = Arc::clone(&logging);
                let holding = Arc::clone(&holding);
                let head = injecting
                    .lock()
                    .map(|s| format!("<script>{}</script>", s.join("\n")))
                    .unwrap_or_default();
                std::thread::spawn(move || {
                    // A browser that drops a connection mid-response is not a test failure.
                    let _ = serve(stream, &root, &logging, &holding, &head);
                });
            }
        });
        Ok(Self {
            addr,
            stop,
            root,
            log,
            held,
            scripts,
            accept_loop: Some(accept_loop),
        })
    }

    /// Runs `source` before any script of every page served from now on
    /// (a fake clock, an API removed).
    pub fn add_init_script(&self, source: &str) {
        if let Ok(mut scripts) = self.scripts.lock() {
            scripts.push(source.to_string());
        }
    }

    /// From now on, no request is answered.
    pub fn go_offline(&self) {
        if let Ok(mut root) = self.root.lock() {
            *root = None;
        }
    }

    /// From now on, serve `root` (another build).
    pub fn serve_from(&self, root: PathBuf) {
        if let Ok(mut current) = self.root.lock() {
            *current = Some(root);
        }
    }

    /// From now on, requests for paths ending in `suffix` wait (a download
    /// that has not arrived yet) until [`StaticServer::release`].
    pub fn hold(&self, suffix: &str) {
        if let Ok(mut held) = self.held.suffix.lock() {
            *held = Some(suffix.to_string());
        }
    }

    /// Answers every held request, and holds no more.
    pub fn release(&self) {
        if let Ok(mut held) = self.held.suffix.lock() {
            *held = None;
        }
        self.held.released.notify_all();
    }

    /// Every path requested so far, and forget them.
    pub fn take_requests(&self) -> Vec<String> {
        self.log
            .lock()
            .map(|mut l| std::mem::take(&mut *l))
            .unwrap_or_default()
    }

    /// The absolute URL of `path` on this server.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }
}

#[derive(Default)]
struct Held {
    suffix: Mutex<Option<String>>,
    released: Condvar,
}

impl Held {
    fn wait_for(&self, path: &str) {
        let Ok(mut held) = self.suffix.lock() else {
            return;
        };
        while held.as_deref().is_some_and(|suffix| path.ends_with(suffix)) {
            match self.released.wait(held) {
                Ok(next) => held = next,
                Err(_) => return,
            }
        }
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.release();
        self.stop.store(true, Ordering::SeqCst);
        // Wake the blocking accept so the loop sees the flag.
        let _ = TcpStream::connect(self.addr);
        if let Some(handle) = self.accept_loop.take() {
            let _ = handle.join();
        }
    }
}

fn serve(
    stream: TcpStream,
    root: &Path,
    log: &Mutex<Vec<String>>,
    held: &Held,
    head: &str,
) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header == "\r\n" {
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("GET");
    let target = parts.next().unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/");
    if let Ok(mut log) = log.lock() {
        log.push(path.to_string());
    }
    held.wait_for(path);
    let (status, mut body, content_type) = resolve(root, path);
    if content_type.starts_with("text/html") {
        body = inject(&body, head);
    }
    let mut out = stream;
    write!(
        out,
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    if method != "HEAD" {
        out.write_all(&body)?;
    }
    out.flush()
}

fn resolve(root: &Path, path: &str) -> (&'static str, Vec<u8>, &'static str) {
    let relative = path.trim_start_matches('/');
    let not_found = ("404 Not Found", b"not found".to_vec(), "text/plain");
    if relative.split('/').any(|segment| segment == "..") {
        return not_found;
    }
    let candidate = root.join(if relative.is_empty() {
        "index.html"
    } else {
        relative
    });
    let page = root.join(format!("{relative}.html"));
    let file = if candidate.is_file() {
        candidate
    } else if relative
        .rsplit('/')
        .next()
        .is_some_and(|last| !last.contains('.'))
    {
        if page.is_file() {
            page
        } else {
            root.join("404.html")
        }
    } else {
        return not_found;
    };
    match std::fs::read(&file) {
        Ok(body) => ("200 OK", body, content_type(&file)),
        Err(_) => not_found,
    }
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "json" | "webmanifest" => "application/manifest+json",
        "ics" => "text/calendar",
        _ => "application/octet-stream",
    }
}

/// Records every uncaught error, unhandled rejection and `console.error` of
/// the page in `sessionStorage` (so they survive a reload or a link
/// followed), where [`super::browser::Browser::errors`] takes them from. It
/// keeps its own references to `sessionStorage` and its methods, so a test
/// that breaks storage still has its errors reported.
pub const CATCH_ERRORS: &str = r#"(() => {
  const store = window.sessionStorage, key = "__limber_test_errors";
  const getItem = Storage.prototype.getItem, setItem = Storage.prototype.setItem,
    removeItem = Storage.prototype.removeItem;
  const read = () => { try { return JSON.parse(getItem.call(store, key) || "[]"); } catch (_) { return []; } };
  // Errors raised while the page is being left (a download cut off by a
  // navigation, which Firefox reports in the old page) are no one's to see.
  let leaving = false;
  addEventListener("beforeunload", () => { leaving = true; });
  addEventListener("pagehide", () => { leaving = true; });
  addEventListener("pageshow", () => { leaving = false; });
  const record = (text) => {
    // WebKit cancels the old page's loads when the next navigation starts,
    // before `pagehide`; the test marks the page as left before it goes.
    if (leaving || window.__limberTestLeaving) return;
    try { const all = read(); all.push(String(text)); setItem.call(store, key, JSON.stringify(all)); } catch (_) {}
  };
  addEventListener("error", (e) => record("uncaught: " + (e.message || e.error)));
  addEventListener("unhandledrejection", (e) =>
    record("unhandled rejection: " + ((e.reason && e.reason.message) || e.reason)));
  const error = console.error;
  console.error = function (...args) { record("console.error: " + args.join(" ")); return error.apply(this, args); };
  window.__limberTestErrors = { take() { const all = read(); try { removeItem.call(store, key); } catch (_) {} return all; } };
})();"#;

/// `body` with `head` (a `<script>` element) placed right after its
/// `<meta charset>`, or at the top of its `<head>`.
fn inject(body: &[u8], head: &str) -> Vec<u8> {
    let text = String::from_utf8_lossy(body);
    for anchor in ["<meta charset=utf-8>", "<meta charset=\"utf-8\">", "<head>"] {
        if let Some(at) = text.find(anchor) {
            let end = at + anchor.len();
            return format!("{}{head}{}", &text[..end], &text[end..]).into_bytes();
        }
    }
    body.to_vec()
}
