// A deploy seen by a returning visitor. The server sends ordinary caching headers
// (`Cache-Control: max-age=3600` on every file), so the browser's HTTP cache holds build A's
// files; then build B is deployed (the server's root switches to B: A's files are gone). Build
// B is the 1,000-messenger bundle that tools/run.sh test builds anyway: the same app with
// another wasm, another page and another build id.

import { test, before, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { withBrowser, DIST, LARGE_DIST, localeTexts } from './harness.mjs';

before(() => assert.ok(existsSync(LARGE_DIST), `${LARGE_DIST} is missing: run the tests through tools/run.sh test`));
const env = withBrowser(DIST, { server: { cacheControl: 'max-age=3600' } });
afterEach(() => {
  env.server.setRoot(DIST);
  env.server.misses.length = 0;
});

/** A bundle's build id and wasm file, from its page. */
const bundle = async (dir) => {
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  return {
    build: html.match(/<meta name="messenger-compare-build" content="([0-9a-f]{16})">/)[1],
    wasm: html.match(/fetch\("\.\/([^"]+\.wasm)"/)[1],
  };
};
const A = await bundle(DIST);
const B = await bundle(LARGE_DIST);
const nl = await localeTexts('nl');
const fr = await localeTexts('fr');

/** The wasm files the page has loaded (resource timing sees them whoever answered). */
const wasmInUse = (page) => page.evaluate(() => [...new Set(performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname.split('/').pop()).filter((n) => n.endsWith('.wasm')))]);
/** Our caches, by build id. */
const builds = (page) => page.evaluate(() => caches.keys().then((names) => names.filter((n) => n.startsWith('messenger-compare-')).map((n) => n.slice('messenger-compare-'.length)).sort()));
/** Waits until `build`'s worker is installed and active, with its cache. */
const activated = (page, build) =>
  page.waitFor(async (b) => {
    const registration = await navigator.serviceWorker.getRegistration();
    const names = await caches.keys();
    return registration?.active?.state === 'activated' && !registration.installing && !registration.waiting && names.includes(`messenger-compare-${b}`) && navigator.serviceWorker.controller !== null;
  }, build, { timeout: 30000 });
const groupLabel = async (page) => (await page.innerText('th[data-group="minimum"] .mc-group-label')).trim();

/** Build A, visited once: its worker controls the page, its cache is complete. */
async function visitA(t, query) {
  const page = await env.open(t, `/?view=matrix&${query}`);
  await activated(page, A.build);
  assert.deepEqual(await wasmInUse(page), [A.wasm]);
  assert.deepEqual(await builds(page), [A.build]);
  return page;
}

test('after a deploy a reload runs the new build, online and then offline', async (t) => {
  const page = await visitA(t, 'lang=nl');
  env.server.setRoot(LARGE_DIST);
  await page.reload();
  await page.ready();
  // B runs: its wasm, its rows, the reader's language.
  assert.deepEqual(await wasmInUse(page), [B.wasm]);
  assert.equal(await page.attribute('table.mc-table', 'aria-rowcount'), '1002');
  assert.match(await page.innerText('tbody tr[data-messenger] .mc-name-button'), /^[A-Z][a-z]+ \d+$/, 'a synthetic messenger, not Signal');
  assert.equal(await groupLabel(page), nl['group.minimum.label']);
  // The reload also brought B's worker, with B's cache; A's stays for tabs still open on A.
  await activated(page, B.build);
  assert.deepEqual(await builds(page), [A.build, B.build].sort());
  const cachedPage = await page.evaluate((b) => caches.match('./index.html', { cacheName: `messenger-compare-${b}` }).then((r) => r.text()), B.build);
  assert.ok(cachedPage.includes(`content="${B.build}"`), "B's cache holds B's page, not the HTTP cache's copy of A's");
  assert.deepEqual(env.server.misses, [], 'no 404');
  await page.assertClean();

  await env.server.stop();
  try {
    await page.reload();
    await page.ready();
    assert.deepEqual(await wasmInUse(page), [B.wasm]);
    assert.equal(await page.attribute('table.mc-table', 'aria-rowcount'), '1002');
    assert.equal(await groupLabel(page), nl['group.minimum.label']);
    await page.assertClean();
  } finally {
    await env.server.start();
  }
  await page.close();
});

test('a tab still running the old build keeps working after the new build takes over', async (t) => {
  const page = await visitA(t, 'lang=nl');
  // A build older than A left a cache (made after A's: the kept one is known, not guessed).
  await page.evaluate(() => caches.open('messenger-compare-0000000000000000').then((c) => c.put('./old', new Response('old'))));
  env.server.setRoot(LARGE_DIST);
  // The new build's worker installs and takes over this tab, which still runs A.
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()).then(() => true));
  await activated(page, B.build);
  assert.deepEqual(await builds(page), [A.build, B.build].sort(), "A's cache is kept for this tab, the older one deleted");
  // The install's own fetches also filled the browser's HTTP cache with A's files, so a copy
  // marked in A's cache is what shows where the answer comes from: A's cache, not the network.
  const marked = `${fr['ui.title']} (A)`;
  await page.evaluate(async ([build, title]) => {
    const cache = await caches.open(`messenger-compare-${build}`);
    const url = `./locales/${build}/fr.json`;
    const json = await (await cache.match(url)).json();
    await cache.put(url, new Response(JSON.stringify({ ...json, 'ui.title': title }), { headers: { 'content-type': 'application/json' } }));
  }, [A.build, marked]);
  await page.select('#mc-language', 'fr');
  await page.waitFor(() => document.documentElement.lang === 'fr');
  assert.equal((await page.innerText('h1')).trim(), marked);
  assert.equal(await groupLabel(page), fr['group.minimum.label']);
  assert.deepEqual(await wasmInUse(page), [A.wasm], 'still build A');
  assert.equal(await page.count('.mc-notice[role="status"]'), 0, 'no notice of a missing locale');
  assert.deepEqual(env.server.misses, [], 'no 404');
  await page.assertClean();
  await page.close();
});

test('a build whose file does not match its hash never installs, and leaves no cache', async (t) => {
  const page = await visitA(t, 'lang=en');
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => { window.__workerA = r.active; return true; }));
  env.server.setRoot(LARGE_DIST);
  // A stale copy of B's wasm, as a wrong cache on the way would answer.
  env.server.overrides.set(`/${B.wasm}`, { status: 200, body: 'not the wasm of build B' });
  try {
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()).then(() => true, () => true));
    await page.waitFor(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      return !r.installing && !r.waiting;
    });
  } finally {
    env.server.overrides.delete(`/${B.wasm}`);
  }
  assert.deepEqual(await builds(page), [A.build], 'no cache of B, not even a partial one');
  assert.equal(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.active === window.__workerA)), true, "A's worker stays");
  // And A still works offline.
  await env.server.stop();
  try {
    await page.reload();
    await page.ready();
    assert.deepEqual(await wasmInUse(page), [A.wasm]);
    assert.equal((await page.rowIds()).length, 10);
    await page.assertClean();
  } finally {
    await env.server.start();
  }
  await page.close();
});
