// The default view (the chooser's answer with nothing picked) is in the HTML as served: readable
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
  assert.match(html, /<div id="messenger-compare" data-prerendered="en">/);
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

test('the app takes over the served answer with no frame painted without it, then re-ranks', async (t) => {
  const page = await env.open(t, '/', {
    wait: false,
    // Runs first in the served page (the server puts it in <head>), before the app starts:
    // looks at every frame the browser paints until the app is ready.
    initScript: () => {
      window.__frames = { painted: 0, withoutAnswer: 0 };
      const look = () => {
        if (document.body) {
          window.__frames.painted++;
          if (!document.querySelector('li[data-rank="1"]')) window.__frames.withoutAnswer++;
        }
        if (!document.documentElement.hasAttribute('data-ready')) requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    },
  });
  await page.waitFor('html[data-ready]');
  const frames = await page.evaluate(() => window.__frames);
  assert.ok(frames.painted > 0, 'frames were seen');
  assert.equal(frames.withoutAnswer, 0, `${frames.withoutAnswer} of ${frames.painted} frames had no answer`);
  assert.equal(await page.count('li[data-rank="1"]'), 1, 'one answer, not two');
  // Started: a need responds.
  await page.click('button[data-need="offline"]');
  await page.waitFor('button[data-need="offline"][aria-pressed="true"]');
  await page.waitFor(() => document.querySelector('li[data-rank="1"]')?.dataset.messenger === 'briar');
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
