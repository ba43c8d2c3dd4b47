//! A QR code of a share link as SVG, so a routine passes from phone to
//! phone across a room with no network at all.

use std::fmt::Write as _;

use qrcodegen::{QrCode, QrCodeEcc};

use super::figure::escape;

/// Light modules around the code, as scanners expect.
const QUIET: i32 = 4;

/// The SVG of a QR code holding `text`, dark on light whatever the theme
/// (scanners need that), or `None` if the text is too long for any QR code.
/// Each row's runs of dark modules are one path segment, to keep it small.
pub fn qr_svg(text: &str, label: &str) -> Option<String> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let size = code.size();
    let mut path = String::new();
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if code.get_module(x, y) {
                let start = x;
                while x < size && code.get_module(x, y) {
                    x += 1;
                }
                let _ = write!(
                    path,
                    "M{} {}h{}v1h-{}z",
                    start + QUIET,
                    y + QUIET,
                    x - start,
                    x - start
                );
            } else {
                x += 1;
            }
        }
    }
    let full = size + 2 * QUIET;
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {full} {full}\" class=\"qr\" role=\"img\" aria-label=\"{}\" shape-rendering=\"crispEdges\"><rect width=\"{full}\" height=\"{full}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>",
        escape(label)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The dark modules an SVG draws, read back from its path.
    fn drawn(svg: &str) -> Vec<(i32, i32)> {
        let d = svg
            .split("d=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .expect("a path");
        let mut cells = Vec::new();
        for segment in d.split('M').filter(|s| !s.is_empty()) {
            let (xy, rest) = segment.split_once('h').expect("a run");
            let (x, y) = xy.split_once(' ').expect("x y");
            let len: i32 = rest
                .split('v')
                .next()
                .and_then(|n| n.parse().ok())
                .expect("length");
            let (x, y): (i32, i32) = (x.parse().expect("x"), y.parse().expect("y"));
            cells.extend((0..len).map(|i| (x + i - QUIET, y - QUIET)));
        }
        cells.sort_unstable();
        cells
    }

    #[test]
    fn the_svg_draws_exactly_the_codes_dark_modules() {
        for text in [
            "https://limber.example/#r=1.FE15IGV2ZW5pbmcgYmFjayBjYXJlCggPKAIMHgICFAQEBRIHHgIFCgQRFAILHgI",
            &format!("https://limber.example/#r=1.{}", "A".repeat(560)),
        ] {
            let svg = qr_svg(text, "QR code \"link\"").expect("fits");
            let code = QrCode::encode_text(text, QrCodeEcc::Medium).expect("fits");
            let mut dark = Vec::new();
            for y in 0..code.size() {
                for x in 0..code.size() {
                    if code.get_module(x, y) {
                        dark.push((x, y));
                    }
                }
            }
            dark.sort_unstable();
            assert_eq!(drawn(&svg), dark);
            // The three finder patterns' corners are dark.
            let s = code.size();
            for corner in [(0, 0), (s - 1, 0), (0, s - 1)] {
                assert!(dark.contains(&corner), "{corner:?}");
            }
            assert!(svg.contains(&format!("viewBox=\"0 0 {0} {0}\"", s + 8)));
            assert!(svg.contains("aria-label=\"QR code &quot;link&quot;\""));
        }
        assert_eq!(qr_svg(&"x".repeat(5000), "too long"), None);
    }
}
