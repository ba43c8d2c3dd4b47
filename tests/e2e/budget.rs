//! The first-load budget: everything a first visit downloads, gzipped.

use std::io::Write;

use flate2::write::GzEncoder;
use flate2::Compression;

/// The target is 100 KB gzip for every file in `dist/`, but Leptos 0.8 and its
/// router alone cost 88 KB on an empty shell, so that target cannot hold once
/// the catalogue's text and pages are in. This is the interim ceiling; README
/// ("Size budget") records why. Raise it only with a reason written there.
const BUDGET_GZIP_BYTES: u64 = 470 * 1024;

#[test]
fn the_first_load_fits_the_gzip_budget() {
    let dist = crate::support::dist_dir();
    let mut total = 0u64;
    let mut files = Vec::new();
    for entry in walk(&dist).into_iter().filter(|p| first_load(&dist, p)) {
        let bytes = std::fs::read(&entry).expect("read a built file");
        let mut gz = GzEncoder::new(Vec::new(), Compression::best());
        gz.write_all(&bytes).expect("gzip in memory");
        let size = gz.finish().expect("finish gzip").len() as u64;
        total += size;
        files.push((size, entry));
    }
    files.sort();
    assert!(
        total <= BUDGET_GZIP_BYTES,
        "first load is {total} B gzip, over the {BUDGET_GZIP_BYTES} B budget; largest: {:?}",
        files.iter().rev().take(3).collect::<Vec<_>>()
    );
}

/// What a first visit downloads before Limber is usable: the page, its
/// styles, the loader and the wasm. The service worker then precaches the
/// rest (icons, screenshots, manifest, the shell and the other prerendered
/// pages) in the background; that is reported by `make sizes`, not counted
/// here.
fn first_load(dist: &std::path::Path, path: &std::path::Path) -> bool {
    let name = path
        .strip_prefix(dist)
        .ok()
        .and_then(|p| p.to_str())
        .unwrap_or("");
    name == "index.html"
        || (!name.contains('/')
            && name != "sw.js"
            && [".js", ".wasm", ".css"]
                .iter()
                .any(|ext| name.ends_with(ext)))
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read dist") {
        let path = entry.expect("a dist entry").path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}
