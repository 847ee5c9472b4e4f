// The default view is in the HTML as served: readable before the wasm arrives and without
// JavaScript; the app then hydrates it (takes it over) rather than building it again.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser } from './harness.mjs';

const env = withBrowser();

test('the first row is in the HTML as served', async () => {
  const html = await (await fetch(env.server.origin + '/')).text();
  assert.match(html, /<div id="messenger-compare" data-prerendered="en">/);
  for (const id of ['signal', 'molly', 'simplex', 'briar', 'element', 'session', 'whatsapp', 'telegram', 'threema', 'deltachat']) {
    assert.match(html, new RegExp(`<tr data-messenger="${id}"`));
  }
  assert.match(html, /<td[^>]*data-criterion="phone-number-required"[^>]*data-value="yes"/);
});

test('with JavaScript disabled the matrix is there', async (t) => {
  const page = await env.open(t, '/', { javaScript: false, wait: false });
  await page.waitFor('tr[data-messenger]');
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-ready')), false, 'no script ran');
  assert.deepEqual(await page.rowIds(), ['signal', 'molly', 'simplex', 'briar', 'element', 'session', 'whatsapp', 'telegram', 'threema', 'deltachat']);
  assert.equal(await page.attribute('tr[data-messenger="session"] td[data-criterion="forward-secrecy"]', 'data-value'), 'no');
  assert.ok(await page.visible('table.mc-table'));
  // A reader sees every value word and badge in the served markup too.
  assert.deepEqual(await page.readerProblems(), []);
  await page.close();
});

test('the app hydrates the served rows instead of replacing them, then sorts', async (t) => {
  const page = await env.open(t, '/', {
    wait: false,
    // Runs first in the served page (the server puts it in <head>), before the app starts.
    initScript: () => {
      window.__removedRows = 0;
      new MutationObserver((records) => {
        for (const r of records) {
          for (const n of r.removedNodes) {
            if (n.nodeType === 1 && (n.matches?.('tr[data-messenger]') || n.querySelector?.('tr[data-messenger]'))) window.__removedRows++;
          }
        }
      }).observe(document, { childList: true, subtree: true });
    },
  });
  // Trunk's loader sets window.wasmBindings once the app has started; data-ready once it
  // has hydrated.
  await page.waitFor(() => window.wasmBindings !== undefined);
  await page.waitFor('html[data-ready]');
  assert.equal(await page.evaluate(() => window.__removedRows), 0, 'no served row was thrown away');
  // Hydrated: the sort header responds.
  await page.click('th[data-criterion="forward-secrecy"] button');
  await page.waitFor('th[data-criterion="forward-secrecy"][aria-sort="descending"]');
  await page.click('th[data-criterion="forward-secrecy"] button');
  assert.deepEqual(await page.rowIds(), ['session', 'deltachat', 'whatsapp', 'element', 'telegram', 'threema', 'signal', 'molly', 'simplex', 'briar']);
  await page.assertClean(); // no console error, no hydration mismatch
  await page.close();
});

test('a link to another view renders afresh over the prerendered markup', async (t) => {
  const page = await env.open(t, '/?lang=nl&sort=-tor');
  await page.waitFor(() => document.documentElement.lang === 'nl');
  assert.equal(await page.count('table.mc-table'), 1, 'one matrix, not two');
  assert.equal(await page.attribute('th[data-criterion="tor"]', 'aria-sort'), 'ascending');
  await page.assertClean();
  await page.close();
});
