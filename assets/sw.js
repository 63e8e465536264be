// Helmand Reader's service worker: after one visit the app works with no network.
// scripts/precache.mjs writes the file list and the version into the copy in dist/ at
// build time: the version is a hash of every file's content, so the cache (and this
// script, which the browser compares byte by byte) changes exactly when a file does.
const VERSION = "__PRECACHE_VERSION__";
const FILES = __PRECACHE_FILES__;
const CACHE = `helmand-reader-${VERSION}`;

self.addEventListener("install", (event) => {
  // fetch every file afresh (not from the HTTP cache) into this version's cache
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: "reload" })))));
});

self.addEventListener("activate", (event) => {
  // a new version took over: drop the caches of the old ones
  event.waitUntil(
    caches.keys().then((keys) => Promise.all(keys.filter((k) => k.startsWith("helmand-reader-") && k !== CACHE).map((k) => caches.delete(k)))),
  );
});

self.addEventListener("message", (event) => {
  // the page's "reload" button: the waiting version takes over now
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  // every address of the app (#/... routes never reach the network) is index.html
  const key = request.mode === "navigate" ? new URL("./", self.registration.scope).href : request;
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(key, { ignoreSearch: request.mode === "navigate" }).then((hit) => hit || fetch(request))),
  );
});
