// The default view is in the HTML as served: readable before the wasm arrives and without
// JavaScript; the app then hydrates it (takes it over) rather than building it again.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser, openPage, rowIds, assertClean } from './harness.mjs';

const env = withBrowser();

test('the first row is in the HTML as served', async () => {
  const html = await (await fetch(env.server.origin + '/')).text();
  assert.match(html, /<div id="messenger-compare" data-prerendered="en">/);
  for (const id of ['signal', 'molly', 'simplex', 'briar', 'element', 'session', 'whatsapp', 'telegram', 'threema', 'deltachat']) {
    assert.match(html, new RegExp(`<tr data-messenger="${id}"`));
  }
  assert.match(html, /<td[^>]*data-criterion="phone-number-required"[^>]*data-value="yes"/);
});

test('with JavaScript disabled the matrix is there', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(env.server.origin + '/');
  assert.deepEqual(await rowIds(page), ['signal', 'molly', 'simplex', 'briar', 'element', 'session', 'whatsapp', 'telegram', 'threema', 'deltachat']);
  assert.equal(await page.getAttribute('tr[data-messenger="session"] td[data-criterion="forward-secrecy"]', 'data-value'), 'no');
  assert.ok(await page.isVisible('table.mc-table'));
  assert.ok(await page.isVisible('noscript, .mc-noscript').catch(() => true));
  await context.close();
});

test('the app hydrates the served rows instead of replacing them, then sorts', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__removedRows = 0;
    new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.removedNodes) {
          if (n.nodeType === 1 && (n.matches?.('tr[data-messenger]') || n.querySelector?.('tr[data-messenger]'))) window.__removedRows++;
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(env.server.origin + '/');
  // Trunk's loader sets window.wasmBindings once the app has started (and hydrated).
  await page.waitForFunction(() => window.wasmBindings !== undefined);
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.__removedRows), 0, 'no served row was thrown away');
  // Hydrated: the sort header responds.
  await page.click('th[data-criterion="forward-secrecy"] button');
  await page.waitForSelector('th[data-criterion="forward-secrecy"][aria-sort="descending"]');
  await page.click('th[data-criterion="forward-secrecy"] button');
  assert.deepEqual(await rowIds(page), ['session', 'deltachat', 'whatsapp', 'element', 'telegram', 'threema', 'signal', 'molly', 'simplex', 'briar']);
  assert.deepEqual(errors, [], 'no console error, no hydration mismatch');
  await context.close();
});

test('a link to another view renders afresh over the prerendered markup', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.origin, '/?lang=nl&sort=-tor');
  await page.waitForFunction(() => document.documentElement.lang === 'nl');
  assert.equal(await page.locator('table.mc-table').count(), 1, 'one matrix, not two');
  assert.equal(await page.getAttribute('th[data-criterion="tor"]', 'aria-sort'), 'ascending');
  assertClean(assert, problems);
  await context.close();
});
