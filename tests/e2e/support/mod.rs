//! What every end-to-end test needs: the release build served over HTTP, a
//! headless Chromium driven through ChromeDriver, and helpers named for what
//! a person does.

pub mod browser;
pub mod engine;
pub mod process;
pub mod server;

pub use browser::Browser;

use std::path::PathBuf;

use limber::domain::catalogue;
use limber::domain::plan::{Plan, Segment, Timing};
use limber::domain::routine::Routine;

/// The release build the tests drive. `make test` builds it first.
pub fn dist_dir() -> PathBuf {
    let dist = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist");
    assert!(
        dist.join("index.html").is_file(),
        "no release build in {}: run `make test` (or `trunk build --release --offline`) first",
        dist.display()
    );
    dist
}

/// Copies the release build into `dir`, for a test to change it.
pub fn copy_dist(dir: &std::path::Path) {
    let status = std::process::Command::new("cp")
        .arg("-r")
        .arg(format!("{}/.", dist_dir().display()))
        .arg(dir)
        .status()
        .expect("copy dist");
    assert!(status.success(), "copy dist into {}", dir.display());
}

/// The plan of `/play/stretch/<id>?hold=<hold>`, as the app builds it.
pub fn single_plan(id: &str, hold: u16) -> Vec<Segment> {
    let stretch = catalogue::stretch(id).expect("shipped");
    Plan::new(&Routine::single(stretch, Some(hold)), &Timing::default()).segments
}
