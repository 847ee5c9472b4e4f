// messenger-compare's service worker: after one visit the widget works offline, and a deploy
// never breaks a visit. tools/postbuild.mjs fills in BUILD (a hash of the build's files), FILES
// (every file the app fetches, with its SRI hash) and PAGES (the page's own URLs).
// - Install fetches every file from the network, never from the HTTP cache (which may hold
//   another build's file under the same name), checks each against this build's hash and each
//   page for this build's id, and only then stores them: a stale or wrong file fails the
//   install, the previous worker stays, and no half-filled cache is left.
// - Pages are network first (a reload after a deploy gets the new build), the installed page
//   when offline. Files are cache first across this build's cache and the previous build's:
//   every file name the app fetches is unique to its build, so a tab still running the
//   previous build keeps getting its own files. Older caches are deleted.
'use strict';
const BUILD = '__BUILD__';
const FILES = { __FILES__: '' };
const PAGES = ['__PAGES__'];
const PREFIX = 'messenger-compare-';
const CACHE = PREFIX + BUILD;
// Which build is current and which came before it (its cache is kept for its open tabs). Not
// under PREFIX, so never taken for a build's cache.
const RECORD = 'messenger-compare.builds';
const RECORD_KEY = './__builds';

const fetched = async (url, init) => {
  const response = await fetch(new Request(url, { cache: 'reload', ...init }));
  if (!response.ok) throw new Error(`sw.js: ${url}: HTTP ${response.status}`);
  return [url, response];
};

async function install() {
  const responses = await Promise.all([
    ...Object.entries(FILES).map(([url, integrity]) => fetched(url, { integrity })),
    ...PAGES.map(async (url) => {
      const [, response] = await fetched(url);
      const html = await response.clone().text();
      if (!html.includes(`name="messenger-compare-build" content="${BUILD}"`)) throw new Error(`sw.js: ${url} is not build ${BUILD}`);
      return [url, response];
    }),
  ]);
  const cache = await caches.open(CACHE);
  try {
    await Promise.all(responses.map(([url, response]) => cache.put(url, response)));
  } catch (error) {
    await caches.delete(CACHE);
    throw error;
  }
}

async function activate() {
  const record = await caches.open(RECORD);
  const known = await record.match(RECORD_KEY).then((r) => (r ? r.json() : {})).catch(() => ({}));
  const previous = known.current && known.current !== BUILD ? known.current : known.previous;
  await record.put(RECORD_KEY, new Response(JSON.stringify({ current: BUILD, previous })));
  const keep = [CACHE, PREFIX + previous];
  const names = await caches.keys();
  await Promise.all(names.filter((n) => n.startsWith(PREFIX) && !keep.includes(n)).map((n) => caches.delete(n)));
  await self.clients.claim();
}

async function page(request) {
  try {
    // Revalidated: an HTTP cache never hands back an older build's page.
    return await fetch(request, { cache: 'no-cache' });
  } catch (error) {
    // The page's query string is view state, not a different file.
    const cached = (await caches.match(request, { cacheName: CACHE, ignoreSearch: true })) ?? (await caches.match('./index.html', { cacheName: CACHE }));
    if (cached) return cached;
    throw error;
  }
}

async function file(request) {
  const names = [CACHE, ...(await caches.keys()).filter((n) => n.startsWith(PREFIX) && n !== CACHE)];
  for (const cacheName of names) {
    const cached = await caches.match(request, { cacheName });
    if (cached) return cached;
  }
  return fetch(request);
}

self.addEventListener('install', (event) => {
  event.waitUntil(install().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(activate());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(request.mode === 'navigate' ? page(request) : file(request));
});
