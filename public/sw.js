// Care Assist offline shell. Plain JS: trunk cannot build a worker from
// Rust. scripts/stamp-sw.mjs fills in VERSION and ASSETS at build time.
//
// - install: precache every file of this build under its own cache (each
//   once: addAll refuses duplicates);
// - a new version waits (no skipWaiting) until the app asks for it, which
//   it does only on the case list, when the user presses "apply": a case is
//   never switched to another version halfway;
// - fetch: this version's cache first (so the app starts with no network),
//   the network for anything else, cached as it comes.
const VERSION = "dev";
const ASSETS = [];
const CACHE = `care-assist-shell-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll([...new Set(["/", "/index.html", ...ASSETS])])).then(async () => {
      // The very first worker has no running version to wait for.
      if (!self.registration.active) await self.skipWaiting();
    }),
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("care-assist-shell-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      // Every route of the app is the same page.
      const key = request.mode === "navigate" ? "/index.html" : request;
      const hit = await cache.match(key);
      if (hit) return hit;
      try {
        const response = await fetch(request);
        if (response.ok) cache.put(request, response.clone());
        return response;
      } catch (e) {
        return Response.error();
      }
    }),
  );
});
