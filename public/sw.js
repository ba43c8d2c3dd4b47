// Limber's service worker. In a release build, scripts/precache.sh replaces the
// two lines below with every built file and a version made from their hashes;
// in development this file is never registered.
const VERSION = "dev";
const PRECACHE = [];

const CACHE = `limber-${VERSION}`;
const INDEX = new URL("index.html", self.registration.scope).href;

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
  // Every page is the app's index.html of this version (any path, any share
  // fragment): cached, so it opens at once and offline.
  if (request.mode === "navigate") {
    event.respondWith(
      caches.match(INDEX, { cacheName: CACHE }).then((hit) => hit || fetch(request)),
    );
    return;
  }
  // Hashed files never change: cache first.
  event.respondWith(
    caches.match(request, { cacheName: CACHE }).then((hit) => hit || fetch(request)),
  );
});
