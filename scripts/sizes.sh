#!/usr/bin/env bash
# Prints every file of a build with its raw, gzip (-9) and brotli (-q 11) size:
# first the first load (index.html, CSS, the loader and the wasm, which the
# e2e test `budget::the_first_load_fits_the_gzip_budget` holds to its budget),
# then what the service worker precaches afterwards in the background.
set -euo pipefail
dist=${1:-dist}
[ -f "$dist/index.html" ] || { echo "no build in $dist" >&2; exit 1; }
printf '%-48s %10s %10s %10s\n' file raw gzip brotli
first_load() {
  case "${1#"$dist"/}" in
    index.html) return 0 ;;
    */*|sw.js) return 1 ;;
    *.js|*.wasm|*.css) return 0 ;;
    *) return 1 ;;
  esac
}
later_gz=0
total_raw=0 total_gz=0 total_br=0
while IFS= read -r file; do
  raw=$(stat -c %s "$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  br=$(brotli -q 11 -c "$file" | wc -c)
  if first_load "$file"; then
    total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz)) total_br=$((total_br + br))
    printf '%-48s %10d %10d %10d\n' "${file#"$dist"/}" "$raw" "$gz" "$br"
  else
    later_gz=$((later_gz + gz))
    printf '%-48s %10d %10d %10d  (precached later)\n' "${file#"$dist"/}" "$raw" "$gz" "$br"
  fi
done < <(find "$dist" -type f | sort)
printf '%-48s %10d %10d %10d\n' "TOTAL first load" "$total_raw" "$total_gz" "$total_br"
printf '%-48s %21d\n' "precached after first load (gzip)" "$later_gz"
printf 'target: %d of 102400 gzip bytes (%d%%); interim ceiling 450560 (see README, Size budget)\n' \
  "$total_gz" $((total_gz * 100 / 102400))
