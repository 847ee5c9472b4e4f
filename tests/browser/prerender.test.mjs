// Each page's default view is in its HTML as served: index.html the chooser's answer with
// nothing picked, embed.html (what embed.js frames) the embedded matrix. Each is readable
// before the wasm arrives and without JavaScript; the app then replaces it with its own render
// in one go, so that no painted frame is without it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser } from './harness.mjs';

const env = withBrowser();

/** The chooser's order with nothing picked: the guide's picks first (see model/choose.rs). */
const SERVED_RANKING = ['simplex', 'signal', 'briar', 'molly', 'deltachat', 'threema', 'session', 'element', 'whatsapp', 'telegram'];

const ranking = (page) => page.evaluate(() => [...document.querySelectorAll('li[data-rank]')].map((li) => li.dataset.messenger));

test('the chooser’s answer is in the HTML as served', async () => {
  const html = await (await fetch(env.server.origin + '/')).text();
  assert.match(html, /<div id="messenger-compare" data-prerendered="en" data-prerendered-view="choose">/);
  SERVED_RANKING.forEach((id, i) => {
    assert.match(html, new RegExp(`data-messenger="${id}" data-rank="${i + 1}"`));
  });
  assert.match(html, /data-need="no-phone"/);
});

test('with JavaScript disabled the ranked answer is there to read', async (t) => {
  const page = await env.open(t, '/', { javaScript: false, wait: false });
  await page.waitFor('li[data-rank]');
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-ready')), false, 'no script ran');
  assert.deepEqual(await ranking(page), SERVED_RANKING);
  assert.ok(await page.visible('li[data-rank="1"]'));
  assert.match(await page.innerText('li[data-rank="1"]'), /SimpleX Chat/);
  assert.deepEqual(await page.readerProblems(), []);
  await page.close();
});

/** Opens `path` and counts, until the app is ready, the painted frames without `selector`. */
async function framesWithout(t, path, selector) {
  const page = await env.open(t, path, {
    wait: false,
    // Runs first in the served page (the server puts it in <head>), before the app starts:
    // looks at every frame the browser paints from the end of parsing (a long page may paint
    // its top while the rest is still arriving; the app starts only after) until the app is
    // ready.
    initScript: (selector) => {
      window.__frames = { painted: 0, without: 0, seen: [] };
      const look = () => {
        if (document.readyState !== 'loading') {
          window.__frames.painted++;
          const all = [...document.querySelectorAll(selector)];
          if (!all.some((e) => e.checkVisibility({ visibilityProperty: true }))) {
            window.__frames.without++;
            window.__frames.seen.push(`frame ${window.__frames.painted}: ${all.length} found, app ${document.querySelector('.mc--staging') ? 'rendering' : 'not rendering'}`);
          }
        }
        if (!document.documentElement.hasAttribute('data-ready')) requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    },
    initArg: selector,
  });
  await page.waitFor('html[data-ready]');
  const frames = await page.evaluate(() => window.__frames);
  assert.ok(frames.painted > 0, 'frames were seen');
  assert.equal(frames.without, 0, `${frames.without} of ${frames.painted} frames had no ${selector} (${frames.seen.join('; ')})`);
  return page;
}

test('the app takes over the served answer with no frame painted without it, then re-ranks', async (t) => {
  const page = await framesWithout(t, '/', 'li[data-rank="1"]');
  assert.equal(await page.count('li[data-rank="1"]'), 1, 'one answer, not two');
  // Started: a need responds.
  await page.click('button[data-need="offline"]');
  await page.waitFor('button[data-need="offline"][aria-pressed="true"]');
  await page.waitFor(() => document.querySelector('li[data-rank="1"]')?.dataset.messenger === 'briar');
  await page.assertClean();
  await page.close();
});

const SERVED_ROWS = ['signal', 'molly', 'simplex', 'briar', 'element', 'session', 'whatsapp', 'telegram', 'threema', 'deltachat'];

test('embed.html serves the embedded matrix, every row and value in the HTML', async () => {
  const html = await (await fetch(env.server.origin + '/embed.html?embed=1')).text();
  assert.match(html, /<div id="messenger-compare" data-prerendered="en" data-prerendered-view="matrix"><div lang="en" dir="ltr" class="mc mc--embed">/);
  for (const id of SERVED_ROWS) assert.match(html, new RegExp(`<tr data-messenger="${id}"`));
  assert.match(html, /<td data-criterion="forward-secrecy" data-value="yes"/);
  assert.doesNotMatch(html, /data-rank=/, 'not the chooser');
});

test('an embed with JavaScript disabled shows its matrix, with words on every value', async (t) => {
  const page = await env.open(t, '/embed.html?embed=1', { javaScript: false, wait: false });
  await page.waitFor('tr[data-messenger="signal"]');
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-ready')), false, 'no script ran');
  assert.ok(await page.visible('tr[data-messenger="signal"] td[data-criterion="forward-secrecy"]'));
  assert.match(await page.innerText('tr[data-messenger="signal"] td[data-criterion="forward-secrecy"]'), /Yes/);
  assert.deepEqual(await page.readerProblems(), []);
  await page.close();
});

test('an embed shows its matrix in every painted frame, and the app then sorts it', async (t) => {
  const page = await framesWithout(t, '/embed.html?embed=1', 'tr[data-messenger] td[data-value]');
  assert.equal(await page.count('table.mc-table'), 1, 'one matrix, not two');
  assert.equal(await page.count('.mc--embed'), 1, 'embedded');
  await page.click('th[data-criterion="tor"] button');
  await page.waitFor('th[data-criterion="tor"][aria-sort="descending"]');
  await page.assertClean();
  await page.close();
});

test('a link to another view renders afresh over the prerendered markup', async (t) => {
  const page = await env.open(t, '/?view=matrix&lang=nl&sort=-tor');
  await page.waitFor(() => document.documentElement.lang === 'nl');
  assert.equal(await page.count('table.mc-table'), 1, 'one matrix, not two');
  assert.equal(await page.count('li[data-rank]'), 0, 'the served answer is gone');
  assert.equal(await page.attribute('th[data-criterion="tor"]', 'aria-sort'), 'ascending');
  await page.assertClean();
  await page.close();
});

test('the app is fetched after the first paint, at once only for a link to a view not served', async (t) => {
  // Frames never come here (requestAnimationFrame does nothing), so a loader that waits for
  // the first paint starts on its 200 ms fallback, after DOMContentLoaded; one that starts at
  // once asks for the wasm while the page's scripts run, before it. The page itself notes
  // which came first: WebKit's resource timing may start a fetch after the call, and its
  // clock has a resolution of 1 ms.
  const wasmBeforeLoaded = async (path) => {
    const page = await env.open(t, path, {
      wait: false,
      initScript: () => {
        window.requestAnimationFrame = () => 0;
        const order = { next: 1 };
        window.__loading = order;
        const fetch = window.fetch;
        window.fetch = (resource, ...rest) => {
          if (String(resource).endsWith('.wasm')) order.wasm ??= order.next++;
          return fetch(resource, ...rest);
        };
        document.addEventListener('DOMContentLoaded', () => {
          order.loaded = order.next++;
        });
      },
    });
    const { wasm, loaded } = await page.waitFor(() => window.__loading?.wasm !== undefined && window.__loading.loaded !== undefined && window.__loading);
    await page.close();
    return wasm < loaded;
  };
  assert.equal(await wasmBeforeLoaded('/?view=matrix'), true, 'index.html, linked to the matrix');
  assert.equal(await wasmBeforeLoaded('/embed.html?embed=1&view=networks'), true, 'embed.html, linked to the networks');
  assert.equal(await wasmBeforeLoaded('/'), false, 'index.html, the chooser it serves');
  assert.equal(await wasmBeforeLoaded('/?view=choose'), false, 'index.html, asked for the chooser it serves');
  assert.equal(await wasmBeforeLoaded('/embed.html?embed=1&view=matrix'), false, 'embed.html, asked for the matrix it serves');
});
