// Limber's service worker. In a release build, scripts/precache.sh replaces the
// two lines below with every built file and a version made from their hashes;
// in development this file is never registered.
const VERSION = "dev";
const PRECACHE = [];

const CACHE = `limber-${VERSION}`;
const SCOPE = self.registration.scope;
// The empty shell, for every path without a prerendered page of its own.
const SHELL = new URL("404.html", SCOPE).href;

// The prerendered page for a navigation, as scripts/prerender.mjs names them:
// `/` is index.html, `/stretches/cat-cow` is stretches/cat-cow.html.
function pageFor(url) {
  const path = new URL(url.pathname, url.origin).href;
  if (!path.startsWith(SCOPE)) return SHELL;
  const rest = path.slice(SCOPE.length);
  if (rest === "") return new URL("index.html", SCOPE).href;
  return new URL(rest.endsWith("/") ? `${rest}index.html` : `${rest}.html`, SCOPE).href;
}

// Install the whole new version before it can take over, so a page never
// mixes files of two versions. It waits until the page asks (Reload).
self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((url) => new Request(url, { cache: "reload" })))),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((key) => key.startsWith("limber-") && key !== CACHE).map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  // Every page comes from this version's cache (its prerendered page, or the
  // shell), so it opens at once and offline and never mixes versions.
  if (request.mode === "navigate") {
    event.respondWith(
      caches
        .match(pageFor(new URL(request.url)), { cacheName: CACHE })
        .then((hit) => hit || caches.match(SHELL, { cacheName: CACHE }))
        .then((hit) => hit || fetch(request)),
    );
    return;
  }
  // Hashed files never change: cache first.
  event.respondWith(
    caches.match(request, { cacheName: CACHE }).then((hit) => hit || fetch(request)),
  );
});
