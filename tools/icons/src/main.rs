//! `limber-icons [--check]`: renders `public/icons/icon.svg` (and its
//! maskable variant, with the mark inside the safe zone) to every PNG the
//! manifest and iOS use. With `--check`, fails if a committed PNG differs
//! from what the source renders to, so the PNGs can never drift.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use resvg::{tiny_skia, usvg};

/// (source SVG, output PNG, size in pixels).
const ICONS: [(&str, &str, u32); 5] = [
    ("icon.svg", "icon-192.png", 192),
    ("icon.svg", "icon-512.png", 512),
    ("icon-maskable.svg", "icon-maskable-512.png", 512),
    ("icon-maskable.svg", "apple-touch-icon.png", 180),
    ("icon.svg", "icon-32.png", 32),
];

fn render(svg: &Path, size: u32) -> Result<Vec<u8>, String> {
    let data = std::fs::read(svg).map_err(|e| format!("{}: {e}", svg.display()))?;
    let tree = usvg::Tree::from_data(&data, &usvg::Options::default())
        .map_err(|e| format!("{}: {e}", svg.display()))?;
    let mut pixmap = tiny_skia::Pixmap::new(size, size).ok_or("a pixmap of that size")?;
    let scale = size as f32 / tree.size().width();
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|e| e.to_string())
}

fn main() -> ExitCode {
    let check = std::env::args().any(|a| a == "--check");
    let dir: PathBuf = [env!("CARGO_MANIFEST_DIR"), "..", "..", "public", "icons"]
        .iter()
        .collect();
    let mut stale = Vec::new();
    for (source, output, size) in ICONS {
        let png = match render(&dir.join(source), size) {
            Ok(png) => png,
            Err(e) => {
                eprintln!("limber-icons: {e}");
                return ExitCode::FAILURE;
            }
        };
        let path = dir.join(output);
        if check {
            if std::fs::read(&path).ok().as_deref() != Some(png.as_slice()) {
                stale.push(output);
            }
        } else if let Err(e) = std::fs::write(&path, png) {
            eprintln!("limber-icons: {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    if stale.is_empty() {
        println!("icons: {} PNGs match public/icons/*.svg", ICONS.len());
        ExitCode::SUCCESS
    } else {
        eprintln!("icons out of date (run `make icons`): {stale:?}");
        ExitCode::FAILURE
    }
}
