// Views that can be shared, embedding, the single file, offline, and the page's security.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { withBrowser, openPage, axe, rowIds, assertClean, DIST } from './harness.mjs';

const env = withBrowser();

const query = (page) => page.evaluate(() => new URLSearchParams(location.search));
const param = (page, name) => page.evaluate((n) => new URLSearchParams(location.search).get(n), name);

test('the address always holds the view, and opening it restores the view', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.origin);
  await page.click('th[data-criterion="tor"] button');
  await page.click('th[data-criterion="tor"] button');
  await page.check('#mc-need-no-phone');
  await page.selectOption('#mc-platform', 'linux');
  await page.click('tr[data-messenger="briar"] td[data-criterion="local-mesh"] button');
  await page.selectOption('#mc-language', 'es');
  await page.selectOption('#mc-theme', 'dark');
  assert.equal(await param(page, 'sort'), '-tor');
  assert.equal(await param(page, 'filter'), 'no-phone');
  assert.equal(await param(page, 'platform'), 'linux');
  assert.equal(await param(page, 'note'), 'briar.local-mesh');
  assert.equal(await param(page, 'lang'), 'es');
  assert.equal(await param(page, 'theme'), 'dark');
  const link = page.url();
  const order = await rowIds(page);
  assertClean(assert, problems);
  await context.close();

  // A fresh reader, with another browser language and nothing stored, opens the link.
  const other = await openPage(env.browser, env.server.origin, new URL(link).pathname + new URL(link).search, { locale: 'ru-RU' });
  const p = other.page;
  assert.deepEqual(await rowIds(p), order);
  assert.equal(await p.getAttribute('th[data-criterion="tor"]', 'aria-sort'), 'ascending');
  assert.equal(await p.isChecked('#mc-need-no-phone'), true);
  assert.equal(await p.inputValue('#mc-platform'), 'linux');
  assert.equal(await p.locator('#mc-note-briar').count(), 1);
  assert.equal(await p.evaluate(() => document.documentElement.lang), 'es');
  assert.equal(await p.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.equal(await p.evaluate(() => getComputedStyle(document.documentElement).colorScheme), 'dark');
  assertClean(assert, other.problems);
  await other.context.close();
});

test('compare: two or three messengers side by side, differences first, in the link', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.origin, '/?view=compare&compare=signal,session');
  const rows = await page.$$eval('.mc-compare-table tbody tr[data-criterion]', (trs) => trs.map((t) => [t.dataset.criterion, t.dataset.differs]));
  const firstSame = rows.findIndex(([, d]) => d === 'false');
  assert.ok(firstSame > 0, 'some criteria differ');
  assert.ok(rows.slice(0, firstSame).every(([, d]) => d === 'true'), 'differences come first');
  assert.ok(rows.slice(firstSame).every(([, d]) => d === 'false'));
  assert.ok(rows.slice(0, firstSame).some(([c]) => c === 'forward-secrecy'));
  await page.check('#mc-compare-briar');
  assert.equal(await param(page, 'compare'), 'signal,session,briar');
  assert.equal(await page.isDisabled('#mc-compare-element'), true, 'a fourth is not allowed');
  assert.equal(await page.$$eval('.mc-compare-table thead th', (t) => t.length), 3);
  assert.deepEqual(await axe(page), []);
  assertClean(assert, problems);
  await context.close();
});

test('a malformed query shows a notice, keeps what it can, and the default for the rest', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.origin, '/?sort=%E2%9C%93&lang=xx&view=nope&filter=tor,,&compare=signal,signal,x&zzz');
  assert.deepEqual(await rowIds(page), ['signal', 'molly', 'simplex', 'briar', 'element', 'session', 'whatsapp', 'telegram', 'threema', 'deltachat']);
  const notice = await page.textContent('[data-notice="ignored"]');
  for (const part of ['sort=✓', 'lang=xx', 'view=nope', 'filter=tor,,', 'compare=signal,signal,x', 'zzz=']) {
    assert.ok(notice.includes(part), `notice names ${part}: ${notice}`);
  }
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  // The address is rewritten to the view actually shown.
  assert.equal(await page.evaluate(() => location.search), '?lang=en');
  await page.click('[data-notice="ignored"] button');
  assert.equal(await page.locator('[data-notice="ignored"]').count(), 0);
  assertClean(assert, problems);
  await context.close();
});

test('filters: each narrows the matrix, and clearing restores it', async () => {
  const { page, context } = await openPage(env.browser, env.server.origin);
  await page.check('#mc-need-minimum');
  assert.deepEqual(await rowIds(page), ['signal', 'simplex', 'briar']);
  await page.check('#mc-need-tor');
  assert.deepEqual(await rowIds(page), ['simplex', 'briar']);
  await page.check('#mc-need-local-mesh');
  assert.deepEqual(await rowIds(page), ['briar']);
  await page.click('.mc-clear');
  await page.selectOption('#mc-platform', 'ios');
  assert.ok(!(await rowIds(page)).includes('briar'));
  await page.selectOption('#mc-network-filter', 'federated');
  assert.deepEqual(await rowIds(page), ['element', 'deltachat']);
  await page.click('.mc-clear');
  assert.equal((await rowIds(page)).length, 10);
  assert.equal(await param(page, 'filter'), null);
  await context.close();
});

test('embedded: no chrome, chosen rows and columns, an attribution link', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.origin, '/?embed=1&show=signal,briar&cols=tor,forward-secrecy&bg=transparent&theme=light');
  assert.equal(await page.locator('h1').count(), 0);
  assert.deepEqual(await rowIds(page), ['signal', 'briar']);
  assert.deepEqual(await page.$$eval('th[data-criterion]', (t) => t.map((x) => x.dataset.criterion)), ['forward-secrecy', 'tor']);
  const link = page.locator('.mc-footer a');
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.ok(!(await link.getAttribute('href')).includes('embed=1'));
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgba(0, 0, 0, 0)');
  assert.deepEqual(await axe(page), []);
  assertClean(assert, problems);
  await context.close();
});

test('the example host page: the iframe fits its content; forged heights are ignored', async () => {
  // The host page has no matrix of its own, so it is opened by hand rather than by openPage.
  const context = await env.browser.newContext({ viewport: { width: 1024, height: 800 } });
  const host = await context.newPage();
  const errors = [];
  host.on('pageerror', (e) => errors.push(e.message));
  host.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await host.goto(env.server.origin + '/embed-example.html');
  const iframe = host.locator('iframe');
  await iframe.waitFor();
  assert.equal(await iframe.getAttribute('loading'), 'lazy');
  assert.ok((await iframe.getAttribute('title')).length > 0);
  const src = new URL(await iframe.getAttribute('src'));
  assert.equal(src.searchParams.get('embed'), '1');
  assert.equal(src.searchParams.get('lang'), 'nl');
  assert.equal(src.searchParams.get('show'), 'signal,briar');
  const frame = host.frameLocator('iframe');
  await frame.locator('html[data-ready] tr[data-messenger="briar"]').waitFor();
  const iframeHeight = () => host.evaluate(() => document.querySelector('iframe').getBoundingClientRect().height);
  // The iframe grows to the widget's height, so nothing scrolls inside it.
  await host.waitForFunction(() => {
    const f = document.querySelector('iframe');
    const inner = f.contentDocument?.documentElement.scrollHeight;
    return inner && Math.abs(f.getBoundingClientRect().height - inner) <= 2;
  });
  const fitted = await iframeHeight();
  // Opening a note makes the widget taller; the iframe follows.
  await frame.locator('tr[data-messenger="signal"] td[data-criterion="tor"] button').click();
  await host.waitForFunction((h) => document.querySelector('iframe').getBoundingClientRect().height > h + 20, fitted);
  const grown = await iframeHeight();
  // Forged messages: from the host window itself, and from another frame on the page.
  await host.evaluate(() => {
    window.postMessage({ type: 'messenger-compare:height', height: 150 }, '*');
    const other = document.createElement('iframe');
    other.name = 'forger';
    document.body.append(other);
  });
  const forger = host.frame({ name: 'forger' });
  await forger.evaluate(() => parent.postMessage({ type: 'messenger-compare:height', height: 200 }, '*'));
  // And malformed heights from the widget's own frame.
  const widget = host.frames().find((f) => f.url().includes('embed=1'));
  for (const height of [Number.NaN, Infinity, -5, 1e9, '300']) {
    await widget.evaluate((h) => parent.postMessage({ type: 'messenger-compare:height', height: h }, '*'), height);
  }
  await host.waitForTimeout(300);
  assert.equal(await iframeHeight(), grown, 'forged or malformed heights change nothing');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the single file works opened from disk, with no request at all', async () => {
  const fileUrl = pathToFileURL(join(DIST, 'messenger-compare.html')).href;
  const { page, context, problems } = await openPage(env.browser, 'file://', fileUrl.slice('file://'.length));
  assert.deepEqual(await rowIds(page), ['signal', 'molly', 'simplex', 'briar', 'element', 'session', 'whatsapp', 'telegram', 'threema', 'deltachat']);
  const html = await page.content();
  assert.ok(!/<link[^>]+rel="(stylesheet|modulepreload|preload)"/.test(html));
  assert.ok(!/<script[^>]+src=/.test(html), 'no external script');
  await page.click('th[data-criterion="forward-secrecy"] button');
  assert.equal(await page.getAttribute('th[data-criterion="forward-secrecy"]', 'aria-sort'), 'descending');
  await page.selectOption('#mc-language', 'he');
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.reload();
  await page.waitForSelector('html[data-ready] tr[data-messenger]');
  assert.deepEqual(requests.filter((u) => u !== fileUrl && !u.startsWith(fileUrl + '?')), [], 'nothing fetched but the file itself');
  assertClean(assert, problems);
  await context.close();
});

test('offline after one visit: the service worker serves the whole build', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.origin, '/?lang=nl');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const caches = await page.evaluate(() => caches.keys());
  assert.equal(caches.length, 1);
  assert.match(caches[0], /^messenger-compare-[0-9a-f]{16}$/);
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('html[data-ready] tr[data-messenger]');
  assert.equal((await rowIds(page)).length, 10);
  assert.equal(await page.textContent('th[data-group="minimum"]'), 'Minimale vereisten');
  await page.goto(env.server.origin + '/?view=networks');
  await page.waitForSelector('figure[data-network="p2p"]');
  await context.setOffline(false);
  assertClean(assert, problems);
  await context.close();
});

test('a new build replaces the old cache and deletes it', async () => {
  const { page, context } = await openPage(env.browser, env.server.origin);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  // Stand in for an old build's cache left by an earlier version.
  await page.evaluate(() => caches.open('messenger-compare-0000000000000000').then((c) => c.put('./old', new Response('old'))));
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    await registration.unregister();
  });
  await page.reload();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(async () => (await caches.keys()).length === 1);
  const names = await page.evaluate(() => caches.keys());
  assert.ok(!names.includes('messenger-compare-0000000000000000'));
  await context.close();
});

test('the page carries a strict CSP, and external links do not leak the page', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.origin);
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
  assert.ok(!csp.includes('unsafe-inline') && !csp.includes("'unsafe-eval'"));
  await page.click('tr[data-messenger="signal"] .mc-name-button');
  await page.locator('dialog[open]').waitFor();
  const rels = await page.$$eval('a[href^="https://"]', (as) => as.map((a) => a.rel));
  assert.ok(rels.length > 5);
  assert.ok(rels.every((r) => r.includes('noopener') && r.includes('noreferrer')));
  // An injected inline script is refused: the policy is in force.
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.body.append(s);
  });
  assert.equal(await page.evaluate(() => window.__injected), undefined);
  assert.equal(problems.csp.length, 1, 'exactly the injected script was refused');
  problems.csp.length = 0;
  problems.errors = problems.errors.filter((e) => !e.includes('Content Security Policy'));
  assertClean(assert, problems);
  await context.close();
});

test('the matrix prints on A4 landscape, every column on the page', async () => {
  // A4 landscape less 8 mm margins is 281 mm, 1062 CSS pixels wide.
  const { page, context } = await openPage(env.browser, env.server.origin, '/', { viewport: { width: 1062, height: 750 } });
  await page.emulateMedia({ media: 'print' });
  const fit = await page.evaluate(() => ({
    table: document.querySelector('.mc-table').getBoundingClientRect().right,
    page: document.documentElement.clientWidth,
    filters: getComputedStyle(document.querySelector('.mc-filters')).display,
    columns: document.querySelectorAll('th[data-criterion]').length,
  }));
  assert.equal(fit.columns, 21);
  assert.ok(fit.table <= fit.page, `the table ends at ${fit.table}px on a ${fit.page}px page`);
  assert.equal(fit.filters, 'none', 'controls are not printed');
  const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
  assert.ok(pdf.length > 10000);
  await context.close();
});
