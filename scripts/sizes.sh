#!/usr/bin/env bash
# Prints every file of a build with its raw, gzip (-9) and brotli (-q 11) size,
# then the totals: what a first visit downloads. The budget itself is enforced
# by the e2e test `budget::the_first_load_fits_the_gzip_budget`.
set -euo pipefail
dist=${1:-dist}
[ -f "$dist/index.html" ] || { echo "no build in $dist" >&2; exit 1; }
printf '%-48s %10s %10s %10s\n' file raw gzip brotli
total_raw=0 total_gz=0 total_br=0
while IFS= read -r file; do
  raw=$(stat -c %s "$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  br=$(brotli -q 11 -c "$file" | wc -c)
  total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz)) total_br=$((total_br + br))
  printf '%-48s %10d %10d %10d\n' "${file#"$dist"/}" "$raw" "$gz" "$br"
done < <(find "$dist" -type f | sort)
printf '%-48s %10d %10d %10d\n' TOTAL "$total_raw" "$total_gz" "$total_br"
printf 'target: %d of 102400 gzip bytes (%d%%); interim ceiling 409600 (see README, Size budget)\n' \
  "$total_gz" $((total_gz * 100 / 102400))
