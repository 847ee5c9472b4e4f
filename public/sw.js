// messenger-compare's service worker: after one visit, the widget works offline.
// tools/postbuild.mjs fills in BUILD (a hash of the build's files) and FILES (every file of
// the build); a new build installs under a new cache name and deletes the old one.
'use strict';
const BUILD = '__BUILD__';
const FILES = ['__FILES__'];
const PREFIX = 'messenger-compare-';
const CACHE = PREFIX + BUILD;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      // The page's query string is view state, not a different file.
      const cached = await cache.match(request, { ignoreSearch: request.mode === 'navigate' });
      if (cached) return cached;
      try {
        return await fetch(request);
      } catch (error) {
        if (request.mode === 'navigate') {
          const page = await cache.match('./index.html');
          if (page) return page;
        }
        throw error;
      }
    }),
  );
});
