#!/usr/bin/env bash
# Trunk post_build hook (and `scripts/precache.sh DIR` by hand): makes the
# built site work offline and on any static host.
# - index.html: a Content-Security-Policy meta tag.
# - the JS glue: minified.
# - 404.html: the empty shell (index.html as Trunk wrote it), for every path
#   that has no page of its own, on hosts without rewrite rules too.
# - the pages that look the same for everyone, prerendered by
#   scripts/prerender.mjs so their text paints before the wasm arrives
#   (`/` becomes index.html, `/stretches/cat-cow` stretches/cat-cow.html).
# - sw.js: its precache list becomes every built file, and its cache version
#   a hash of their contents, so any change to any file is a new version.
# A release build fails if this fails. Development builds get no service worker.
set -euo pipefail
scripts=$(cd "$(dirname "$0")" && pwd)
dir="${1:-${TRUNK_STAGING_DIR:?TRUNK_STAGING_DIR is not set}}"
if [ -z "${1:-}" ] && [ "${TRUNK_PROFILE:-}" != "release" ]; then
  rm -f "$dir/sw.js"
  exit 0
fi
cd "$dir"
[ -f index.html ] || { echo "precache: no index.html in $dir" >&2; exit 1; }
[ -f sw.js ] || { echo "precache: no sw.js in $dir (public/sw.js)" >&2; exit 1; }
# A Content-Security-Policy that allows only this site's files, wasm, and the
# page's inline scripts (the loader, whose hash changes every build, and the
# settings script in index.html) by their hashes.
script_hashes=$(perl -MDigest::SHA=sha256_base64 -0ne \
  'my @h; while (/<script(?: type="?module"?)?>(.*?)<\/script>/sg) { my $h = sha256_base64($1); push @h, "\x27sha256-$h" . ("=" x ((4 - length($h) % 4) % 4)) . "\x27" } print join(" ", @h)' index.html)
[ "$(wc -w <<< "$script_hashes")" -eq 2 ] || { echo "precache: expected the loader and the settings script in index.html, found: $script_hashes" >&2; exit 1; }
csp="default-src 'self'; script-src 'self' 'wasm-unsafe-eval' $script_hashes; style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'"
grep -q "Content-Security-Policy" index.html ||
  perl -0pi -e "s|<meta charset=utf-8>|<meta charset=utf-8><meta http-equiv=Content-Security-Policy content=\"$csp\">|" index.html
grep -q "Content-Security-Policy" index.html || { echo "precache: could not add the CSP" >&2; exit 1; }
# Run by hand on a finished build (a test's second version), these steps are
# done already.
if [ ! -f 404.html ]; then
  # wasm-bindgen's glue, minified: Trunk's minifier can't parse its
  # `export default`. Nothing checks its integrity (no SRI on the loader).
  for js in limber-*.js; do
    "$scripts/../node_modules/.bin/terser" "$js" --module --compress --mangle -o "$js.min"
    mv "$js.min" "$js"
  done
  cp index.html 404.html
  node "$scripts/prerender.mjs" .
fi
list=$(find . -type f ! -name sw.js | sed 's|^\./||' | LC_ALL=C sort)
[ -n "$list" ] || { echo "precache: nothing to precache" >&2; exit 1; }
hashes=$(printf '%s\n' "$list" | while IFS= read -r f; do printf '%s  %s\n' "$(sha256sum "$f" | cut -c1-64)" "$f"; done)
version=$(printf '%s\n' "$hashes" | sha256sum | cut -c1-16)
json=$(printf '%s\n' "$list" | sed 's/.*/"&"/' | paste -sd, -)
tmp=$(mktemp)
sed -e "s|^const VERSION = .*;$|const VERSION = \"$version\";|" \
    -e "s|^const PRECACHE = .*;$|const PRECACHE = [$json];|" sw.js > "$tmp"
grep -q "^const VERSION = \"$version\";$" "$tmp" || { echo "precache: could not write the version into sw.js" >&2; exit 1; }
grep -q '^const PRECACHE = \["' "$tmp" || { echo "precache: could not write the list into sw.js" >&2; exit 1; }
mv "$tmp" sw.js
echo "precache: $(printf '%s\n' "$list" | wc -l) files, version $version"
