// Prerenders the pages that look the same for everyone (home, the catalogue,
// each stretch, routine and tip, safety, about) into static HTML, so their
// text paints before the wasm has arrived. The app replaces this copy with
// itself when it starts (`limber::mount`).
//
// It runs the built app in the system Chromium (puppeteer-core, which
// downloads no browser) with an empty profile, starting at `/` and following
// every link whose path is one of those pages, so the list of pages is never
// written twice. `/a/b` is saved as `a/b.html`, `/` as `index.html`; any
// other path keeps getting the empty shell, `404.html`.
//
// The build fails if a page logs an error, if a followed link leads to a
// not-found page, or if a page would need inline styles the CSP forbids.
// Usage: node scripts/prerender.mjs DIR   (CHROME_PATH overrides `chromium`)
import { mkdtemp, rm, writeFile, mkdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import puppeteer from "puppeteer-core";
import { serve } from "./serve-dist.mjs";

const dir = process.argv[2];
if (!dir) throw new Error("usage: prerender.mjs DIR");
const chrome = process.env.CHROME_PATH ||
  (process.env.PATH ?? "").split(delimiter).map((d) => join(d, "chromium")).find((f) => existsSync(f));
if (!chrome) throw new Error("prerender: no chromium on PATH (make browser installs it), nor CHROME_PATH");
const STATIC = /^\/(stretches(\/[a-z0-9-]+)?|routines\/[a-z0-9-]+|tips\/[a-z0-9-]+|safety|about)?$/;

// A service worker that never finishes installing: the real one would take
// over and add its "Ready to work offline" line to the copy.
const NEVER_INSTALLS = 'self.addEventListener("install", (e) => e.waitUntil(new Promise(() => {})));\n';
const server = await serve(dir, 0, { replace: { "sw.js": NEVER_INSTALLS } });
const origin = `http://127.0.0.1:${server.address().port}`;
const profile = await mkdtemp(join(tmpdir(), "limber-prerender-"));
const browser = await puppeteer.launch({
  executablePath: chrome,
  userDataDir: profile,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});

try {
  const page = await browser.newPage();
  const problems = [];
  let current = "/";
  page.on("console", (m) => m.type() === "error" && problems.push(`${current}: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`${current}: ${e.message}`));
  await page.evaluateOnNewDocument(() =>
    addEventListener("TrunkApplicationStarted", () => { window.__limberStarted = true; }));

  const pages = new Map();
  // About is linked only from Settings, which holds the person's data and is
  // not prerendered, so it is a starting point of its own.
  const queue = ["/", "/about"];
  const seen = new Set(queue);
  while (queue.length) {
    current = queue.shift();
    await page.goto(origin + current, { waitUntil: "load" });
    // The app shows `#app` once every part of the page has rendered.
    await page.waitForFunction(() => window.__limberStarted && document.querySelector("#app:not([hidden])"),
      { timeout: 30000 });
    const { html, title, links, styled } = await page.evaluate(() => {
      const root = document.documentElement.cloneNode(true);
      // The app sets its text size through the CSSOM; as markup the CSP
      // would refuse it, and the app sets it again when it starts.
      root.removeAttribute("style");
      // The copy is the app's content without its `#app` holder, which the
      // app brings itself; the mark tells the loader and the app it is a copy
      // (see limber::mount).
      const body = root.querySelector("body");
      const app = body.querySelector("#app");
      body.replaceChildren(...app.childNodes);
      body.setAttribute("data-prerendered", "");
      // Preloads would start fetching the app before this copy is painted;
      // the loader fetches it once it has been.
      root.querySelectorAll('link[rel="modulepreload"], link[rel="preload"][as="fetch"]').forEach((l) => l.remove());
      return {
        html: `<!DOCTYPE html>\n${root.outerHTML}\n`,
        title: document.title,
        links: [...document.querySelectorAll("a[href]")].map((a) => a.getAttribute("href")),
        styled: root.querySelectorAll("[style]").length,
      };
    });
    if (/not found · Limber$/.test(title)) problems.push(`${current}: a link leads to "${title}"`);
    if (styled) problems.push(`${current}: ${styled} inline style attributes, which the CSP refuses`);
    pages.set(current, html);
    for (const href of links) {
      if (STATIC.test(href) && !seen.has(href)) {
        seen.add(href);
        queue.push(href);
      }
    }
  }
  if (problems.length) throw new Error(`prerender:\n  ${problems.join("\n  ")}`);
  for (const [path, html] of pages) {
    const file = join(dir, path === "/" ? "index.html" : `${path.slice(1)}.html`);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, html);
  }
  console.log(`prerender: ${pages.size} pages`);
} finally {
  await browser.close();
  server.close();
  await rm(profile, { recursive: true, force: true });
}
