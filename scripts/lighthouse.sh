#!/usr/bin/env bash
# `make bench`: Lighthouse (npm package, Debian's Chromium) three times on the
# default mobile profile for three pages of the release build, served with
# brotli; prints the median of each category score and of FCP, LCP, TBT, CLS
# and Speed Index.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/index.html ] || { echo "no release build in dist/ (make release)" >&2; exit 1; }
port=8099
node scripts/serve-dist.mjs dist "$port" &
server=$!
out=$(mktemp -d)
trap 'kill "$server" 2>/dev/null; rm -rf "$out"' EXIT
for _ in $(seq 50); do
  (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
for page in / /stretches /stretches/cat-cow; do
  name=$(echo "$page" | tr '/' '_')
  for run in 1 2 3; do
    node_modules/.bin/lighthouse "http://127.0.0.1:$port$page" --quiet --output=json \
      --output-path="$out/$name-$run.json" \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync" \
      >/dev/null
  done
done
node - "$out" <<'JS'
const fs = require("fs");
const dir = process.argv[2];
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pages = {};
for (const f of fs.readdirSync(dir)) {
  const r = JSON.parse(fs.readFileSync(`${dir}/${f}`, "utf8"));
  const page = new URL(r.finalDisplayedUrl ?? r.finalUrl).pathname;
  (pages[page] ??= []).push(r);
}
for (const [page, runs] of Object.entries(pages)) {
  const cat = (k) => Math.round(median(runs.map((r) => r.categories[k].score)) * 100);
  const ms = (k) => median(runs.map((r) => r.audits[k].numericValue));
  const score = (k) => median(runs.map((r) => r.audits[k].score)).toFixed(2);
  console.log(
    `lighthouse ${page}: performance ${cat("performance")}, accessibility ${cat("accessibility")}, ` +
    `best practices ${cat("best-practices")}, SEO ${cat("seo")} | ` +
    `FCP ${Math.round(ms("first-contentful-paint"))} ms (${score("first-contentful-paint")}), ` +
    `LCP ${Math.round(ms("largest-contentful-paint"))} ms (${score("largest-contentful-paint")}), ` +
    `TBT ${Math.round(ms("total-blocking-time"))} ms (${score("total-blocking-time")}), ` +
    `CLS ${ms("cumulative-layout-shift").toFixed(3)} (${score("cumulative-layout-shift")}), ` +
    `SI ${Math.round(ms("speed-index"))} ms (${score("speed-index")})`,
  );
  const failed = runs[0].categories.accessibility.auditRefs
    .concat(runs[0].categories["best-practices"].auditRefs, runs[0].categories.seo.auditRefs)
    .map((a) => runs[0].audits[a.id])
    .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "notApplicable");
  for (const a of failed) console.log(`  not passed on ${page}: ${a.id}: ${a.title}`);
}
JS
