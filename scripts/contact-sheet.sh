#!/usr/bin/env bash
# Renders every catalogue figure on one page (written by the native test
# `write_the_contact_sheet`) and screenshots it at phone width and desktop width.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --quiet --lib write_the_contact_sheet >/dev/null
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
shoot() {
  chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$profile" --hide-scrollbars \
    --window-size="$1" --screenshot="$2" "file://$PWD/tests/artifacts/figures.html" 2>/dev/null
}
shoot 1250,2100 tests/artifacts/figures.png
shoot 390,4200 tests/artifacts/figures-phone.png
echo "tests/artifacts/figures.png tests/artifacts/figures-phone.png"
