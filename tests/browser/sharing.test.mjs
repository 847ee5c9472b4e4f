// Views that can be shared, embedding, the single file, offline, and the page's security.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { withBrowser, DIST, ENGLISH } from './harness.mjs';

const env = withBrowser();

const param = async (page, name) => new URL(await page.url()).searchParams.get(name);
const DEFAULT_ORDER = ['signal', 'molly', 'simplex', 'briar', 'element', 'session', 'whatsapp', 'telegram', 'threema', 'deltachat'];

test('the address always holds the view, and opening it restores the view', async (t) => {
  const page = await env.open(t, '/?view=matrix');
  await page.click('th[data-criterion="tor"] button');
  await page.click('th[data-criterion="tor"] button');
  await page.check('#mc-need-no-phone');
  await page.select('#mc-platform', 'linux');
  await page.click('tr[data-messenger="briar"] td[data-criterion="local-mesh"] button');
  await page.select('#mc-language', 'es');
  await page.select('#mc-theme', 'dark');
  assert.equal(await param(page, 'sort'), '-tor');
  assert.equal(await param(page, 'filter'), 'no-phone');
  assert.equal(await param(page, 'platform'), 'linux');
  assert.equal(await param(page, 'note'), 'briar.local-mesh');
  assert.equal(await param(page, 'lang'), 'es');
  assert.equal(await param(page, 'theme'), 'dark');
  const link = new URL(await page.url());
  const order = await page.rowIds();
  await page.assertClean();
  await page.close();

  // A fresh reader, with another browser language and nothing stored, opens the link.
  const p = await env.open(t, link.pathname + link.search, { locale: 'ru-RU' });
  assert.equal(await p.evaluate(() => navigator.languages[0]), 'ru-RU', 'the browser language reaches the page');
  assert.deepEqual(await p.rowIds(), order);
  assert.equal(await p.attribute('th[data-criterion="tor"]', 'aria-sort'), 'ascending');
  assert.equal(await p.checked('#mc-need-no-phone'), true);
  assert.equal(await p.value('#mc-platform'), 'linux');
  assert.equal(await p.count('#mc-note-briar'), 1);
  assert.ok(await p.visible('#mc-note-briar'));
  assert.equal(await p.evaluate(() => document.documentElement.lang), 'es');
  assert.equal(await p.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.equal(await p.evaluate(() => getComputedStyle(document.documentElement).colorScheme), 'dark');
  await p.assertClean();
  await p.close();
});

test('compare: two or three messengers side by side, differences first, in the link', async (t) => {
  const page = await env.open(t, '/?view=compare&compare=signal,session');
  const rows = await page.$$eval('.mc-compare-table tbody tr[data-criterion]', (trs) => trs.map((tr) => [tr.dataset.criterion, tr.dataset.differs]));
  const firstSame = rows.findIndex(([, d]) => d === 'false');
  assert.ok(firstSame > 0, 'some criteria differ');
  assert.ok(rows.slice(0, firstSame).every(([, d]) => d === 'true'), 'differences come first');
  assert.ok(rows.slice(firstSame).every(([, d]) => d === 'false'));
  assert.ok(rows.slice(0, firstSame).some(([c]) => c === 'forward-secrecy'));
  await page.check('#mc-compare-briar');
  assert.equal(await param(page, 'compare'), 'signal,session,briar');
  assert.equal(await page.disabled('#mc-compare-element'), true, 'a fourth is not allowed');
  assert.equal(await page.count('.mc-compare-table thead th'), 3);
  assert.deepEqual(await page.axe(), []);
  await page.assertClean();
  await page.close();
});

test('a malformed query shows a notice, keeps what it can, and the default for the rest', async (t) => {
  const page = await env.open(t, '/?sort=%E2%9C%93&lang=xx&view=nope&filter=tor,,&compare=signal,signal,x&zzz');
  // The default page for a standalone visit: the chooser, with every messenger ranked.
  assert.equal(await page.count('li[data-rank]'), 10);
  const notice = await page.innerText('[data-notice="ignored"]');
  for (const part of ['sort=✓', 'lang=xx', 'view=nope', 'filter=tor,,', 'compare=signal,signal,x', 'zzz=']) {
    assert.ok(notice.includes(part), `notice names ${part}: ${notice}`);
  }
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  // The address is rewritten to the view actually shown.
  assert.equal(new URL(await page.url()).search, '?lang=en');
  await page.click('[data-notice="ignored"] button');
  assert.equal(await page.count('[data-notice="ignored"]'), 0);
  await page.assertClean();
  await page.close();
});

test('filters: each narrows the matrix, and clearing restores it', async (t) => {
  const page = await env.open(t, '/?view=matrix');
  await page.check('#mc-need-minimum');
  assert.deepEqual(await page.rowIds(), ['signal', 'simplex', 'briar']);
  await page.check('#mc-need-tor');
  assert.deepEqual(await page.rowIds(), ['simplex', 'briar']);
  await page.check('#mc-need-local-mesh');
  assert.deepEqual(await page.rowIds(), ['briar']);
  await page.click('.mc-clear');
  await page.select('#mc-platform', 'ios');
  assert.ok(!(await page.rowIds()).includes('briar'));
  await page.select('#mc-network-filter', 'federated');
  assert.deepEqual(await page.rowIds(), ['element', 'deltachat']);
  await page.click('.mc-clear');
  assert.equal((await page.rowIds()).length, 10);
  assert.equal(await param(page, 'filter'), null);
  await page.assertClean();
  await page.close();
});

test('embedded: no chrome, chosen rows and columns, an attribution link', async (t) => {
  const page = await env.open(t, '/?embed=1&show=signal,briar&cols=tor,forward-secrecy&bg=transparent&theme=light');
  assert.equal(await page.count('h1'), 0);
  assert.deepEqual(await page.rowIds(), ['signal', 'briar']);
  assert.deepEqual(await page.$$eval('th[data-criterion]', (ths) => ths.map((x) => x.dataset.criterion)), ['forward-secrecy', 'tor']);
  const link = '.mc-footer a';
  assert.ok(await page.visible(link));
  assert.equal(await page.attribute(link, 'target'), '_blank');
  assert.ok(!(await page.attribute(link, 'href')).includes('embed=1'));
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgba(0, 0, 0, 0)');
  assert.deepEqual(await page.axe(), []);
  await page.assertClean();
  await page.close();
});

test('the example host page: the iframe fits its content, grows and shrinks with it; forged heights are ignored', async (t) => {
  // The host page has no matrix of its own: it is not waited on as the widget is.
  const host = await env.open(t, '/embed-example.html', { viewport: { width: 1024, height: 800 }, wait: false });
  await host.waitFor('iframe');
  assert.equal(await host.attribute('iframe', 'loading'), 'lazy');
  // Titled in the embed's language (data-lang="nl"), from the locale files.
  assert.equal(await host.attribute('iframe', 'title'), 'Privé-messengers vergelijken (messenger-compare)');
  assert.equal(await host.attribute('iframe', 'lang'), 'nl');
  const src = new URL(await host.attribute('iframe', 'src'), env.server.origin);
  assert.equal(src.searchParams.get('embed'), '1');
  assert.equal(src.searchParams.get('lang'), 'nl');
  assert.equal(src.searchParams.get('show'), 'signal,briar');
  const frame = host.frame('iframe[src*="embed=1"]');
  await frame.waitFor('html[data-ready] tr[data-messenger="briar"]');
  const iframeHeight = () => host.evaluate(() => document.querySelector('iframe').getBoundingClientRect().height);
  // The iframe takes the widget's height: nothing scrolls inside it, and no empty space is
  // left under it. (The content's own height: the document's scrollHeight is never less
  // than the iframe's, so it cannot show an iframe that is too tall.)
  const fits = () => {
    const f = document.querySelector('iframe');
    const inner = f.contentDocument?.documentElement.getBoundingClientRect().height;
    return inner && Math.abs(f.getBoundingClientRect().height - inner) <= 2;
  };
  await host.waitFor(fits);
  const fitted = await iframeHeight();
  // Opening a note makes the widget taller; the iframe follows.
  await frame.click('tr[data-messenger="signal"] td[data-criterion="tor"] button');
  await host.waitFor((h) => document.querySelector('iframe').getBoundingClientRect().height > h + 20, fitted);
  const grown = await iframeHeight();
  await host.waitFor(fits);
  // Closing it makes the widget shorter again; the iframe shrinks back, leaving no blank band.
  await frame.click('.mc-note-close');
  await host.waitFor((h) => document.querySelector('iframe').getBoundingClientRect().height < h - 20, grown);
  await host.waitFor(fits);
  assert.ok(Math.abs((await iframeHeight()) - fitted) <= 2, 'back to its first height');
  // Open again for the forged-message checks below.
  await frame.click('tr[data-messenger="signal"] td[data-criterion="tor"] button');
  await host.waitFor((h) => document.querySelector('iframe').getBoundingClientRect().height > h + 20, fitted);
  await host.waitFor(fits);
  // Forged messages: from the host window itself, and from another frame on the page.
  await host.evaluate(() => {
    window.postMessage({ type: 'messenger-compare:height', height: 150 }, '*');
    const other = document.createElement('iframe');
    other.name = 'forger';
    document.body.append(other);
  });
  await host.frame('iframe[name="forger"]').evaluate(() => parent.postMessage({ type: 'messenger-compare:height', height: 200 }, '*'));
  // And malformed heights from the widget's own frame.
  await frame.evaluate(() => {
    for (const height of [Number.NaN, Infinity, -5, 1e9, '300']) parent.postMessage({ type: 'messenger-compare:height', height }, '*');
  });
  // Messages to one window arrive in the order they were sent: once a last one of the host's
  // own has arrived, every forged one has been handled.
  await host.evaluate(() => new Promise((done) => {
    addEventListener('message', function last(e) {
      if (e.data === 'test:last') { removeEventListener('message', last); done(); }
    });
    postMessage('test:last', '*');
  }));
  assert.equal(await iframeHeight(), grown, 'forged or malformed heights change nothing');
  await host.collect();
  assert.deepEqual(host.problems.errors, []);
  assert.deepEqual(await frame.readerProblems(), [], 'what a reader sees in the iframe');
  await host.close();
});

test('an embed follows the host page’s colour scheme, also after a theme toggle; forged theme messages are ignored', async (t) => {
  const host = await env.open(t, '/embed-example.html', { viewport: { width: 1024, height: 800 }, wait: false });
  const frame = host.frame('iframe[src*="embed=1"]');
  await frame.waitFor('html[data-ready] tr[data-messenger="briar"]');
  const theme = () => frame.evaluate(() => document.documentElement.dataset.theme ?? 'auto');
  await frame.waitFor(() => document.documentElement.dataset.theme === 'light');
  // Records every theme the widget shows from here on.
  await frame.evaluate(() => {
    window.__themes = [];
    new MutationObserver(() => window.__themes.push(document.documentElement.dataset.theme))
      .observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  });
  // The host's toggle: a dark page, later light again.
  await host.evaluate(() => { document.body.style.background = '#111'; document.body.style.color = '#eee'; });
  await frame.waitFor(() => document.documentElement.dataset.theme === 'dark');
  assert.equal(await host.evaluate(() => document.querySelector('iframe').style.colorScheme), 'dark');
  assert.equal(await frame.evaluate(() => getComputedStyle(document.documentElement).colorScheme), 'dark');
  await host.evaluate(() => { document.body.style.background = '#fff'; document.body.style.color = '#000'; });
  await frame.waitFor(() => document.documentElement.dataset.theme === 'light');
  // Forged: from another frame of the page, and malformed from the host itself.
  await host.evaluate(() => {
    const other = document.createElement('iframe');
    other.name = 'forger';
    document.body.append(other);
  });
  await host.frame('iframe[name="forger"]').evaluate(() => {
    const widget = parent.document.querySelector('iframe[src*="embed=1"]').contentWindow;
    widget.postMessage({ type: 'messenger-compare:theme', theme: 'dark' }, '*');
  });
  await host.evaluate(() => {
    const widget = document.querySelector('iframe[src*="embed=1"]').contentWindow;
    for (const bad of [
      { type: 'messenger-compare:theme', theme: 'dark', extra: 1 },
      { type: 'messenger-compare:theme', theme: 'purple' },
      { type: 'messenger-compare:height', theme: 'dark' },
      { theme: 'dark' },
      'dark',
      null,
    ]) widget.postMessage(bad, '*');
    // Then one valid message: once it shows, every message before it from the host was read.
    widget.postMessage({ type: 'messenger-compare:theme', theme: 'dark' }, '*');
  });
  await frame.waitFor(() => document.documentElement.dataset.theme === 'dark');
  assert.deepEqual(await frame.evaluate(() => window.__themes), ['dark', 'light', 'dark'], 'no forged or malformed message changed the theme');
  assert.equal(await theme(), 'dark');
  await host.collect();
  assert.deepEqual(host.problems.errors, []);
  await host.close();
});

test('an embed with data-theme keeps that theme whatever the host does', async (t) => {
  const host = await env.open(t, '/embed-example.html', { viewport: { width: 1024, height: 800 }, wait: false });
  // A second placeholder that forces dark, mounted by the same host script.
  await host.evaluate(() => {
    const forced = document.createElement('div');
    forced.setAttribute('data-messenger-compare', '');
    forced.setAttribute('data-theme', 'dark');
    forced.id = 'forced';
    // First on the page, in view: the iframe loads lazily.
    document.querySelector('main').prepend(forced);
    const script = document.createElement('script');
    script.src = 'embed.js';
    document.body.append(script);
  });
  await host.waitFor('#forced iframe');
  // The iframe loads lazily: bring it into view.
  await host.evaluate(() => document.getElementById('forced').scrollIntoView());
  const frame = host.frame('#forced iframe');
  await frame.waitFor('html[data-ready][data-theme="dark"]', undefined, { timeout: 30000 });
  await host.evaluate(() => { document.body.style.background = '#fff'; });
  await host.evaluate(() => document.querySelector('#forced iframe').contentWindow.postMessage({ type: 'messenger-compare:theme', theme: 'light' }, '*'));
  // The message is read (it is valid) but the link's theme wins.
  await frame.evaluate(() => new Promise((done) => setTimeout(done, 0)));
  assert.equal(await frame.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.equal(await host.evaluate(() => document.querySelector('#forced iframe').style.colorScheme), 'dark');
  await host.close();
});

test('the single file works opened from disk, with no request at all', async (t) => {
  const fileUrl = pathToFileURL(join(DIST, 'messenger-compare.html')).href;
  const page = await env.open(t, fileUrl + '?view=matrix');
  assert.deepEqual(await page.rowIds(), DEFAULT_ORDER);
  const html = await page.content();
  assert.ok(!/<link[^>]+rel="(stylesheet|modulepreload|preload)"/.test(html));
  assert.ok(!/<script[^>]+src=/.test(html), 'no external script');
  await page.click('th[data-criterion="forward-secrecy"] button');
  assert.equal(await page.attribute('th[data-criterion="forward-secrecy"]', 'aria-sort'), 'descending');
  await page.select('#mc-language', 'he');
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  const seen = page.problems.requests.length;
  await page.reload();
  await page.waitFor('html[data-ready] tr[data-messenger]');
  const own = (u) => u === fileUrl || u.startsWith(fileUrl + '?') || u.startsWith('data:');
  // What the engine saw requested (Chromium, Firefox) and what the page itself loaded (all).
  assert.deepEqual(page.problems.requests.slice(seen).filter((u) => !own(u)), [], 'nothing fetched but the file itself');
  const resources = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  assert.deepEqual(resources.filter((u) => !own(u)), [], 'no resource loaded by the page');
  // The English notes, which the wasm leaves out, are in the file too.
  await page.select('#mc-language', 'en');
  await page.click('tr[data-messenger="briar"] td[data-criterion="tor"] button');
  await page.waitFor((text) => document.querySelector('#mc-note-briar > p')?.innerText.trim() === text, ENGLISH['value.briar.tor']);
  const after = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  assert.deepEqual(after.filter((u) => !own(u)), [], 'no resource loaded for the notes');
  await page.assertClean();
  await page.close();
});

test('offline after one visit: the service worker serves the whole build', async (t) => {
  const page = await env.open(t, '/?view=matrix&lang=nl');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.waitFor(() => navigator.serviceWorker.controller !== null);
  const caches = await page.evaluate(() => caches.keys().then((names) => names.filter((n) => n.startsWith('messenger-compare-'))));
  assert.equal(caches.length, 1);
  assert.match(caches[0], /^messenger-compare-[0-9a-f]{16}$/);
  // Offline, the same in every engine: the server is gone.
  await env.server.stop();
  try {
    await page.reload();
    await page.waitFor('html[data-ready] tr[data-messenger]');
    assert.equal((await page.rowIds()).length, 10);
    assert.equal((await page.innerText('th[data-group="minimum"] .mc-group-label')).trim(), 'Minimale vereisten');
    await page.goto('/?view=networks');
    await page.waitFor('figure[data-network="p2p"]');
    // The English notes, which the wasm leaves out, come from the cache too.
    await page.goto('/?view=matrix&lang=en');
    await page.click('tr[data-messenger="briar"] td[data-criterion="tor"] button');
    await page.waitFor(() => /\S/.test(document.querySelector('#mc-note-briar > p')?.innerText ?? '') && !document.querySelector('#mc-note-briar .mc-text-loading, #mc-note-briar .mc-text-missing'));
    await page.assertClean();
  } finally {
    await env.server.start();
  }
  await page.close();
});

test('a cache of a build other than this one and the previous one is deleted', async (t) => {
  const page = await env.open(t, '/?view=matrix');
  await page.waitFor(() => navigator.serviceWorker.controller !== null);
  // Stand in for an old build's cache left by an earlier version.
  await page.evaluate(() => caches.open('messenger-compare-0000000000000000').then((c) => c.put('./old', new Response('old'))));
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    await registration.unregister();
  });
  await page.reload();
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  const ours = () => caches.keys().then((names) => names.filter((n) => n.startsWith('messenger-compare-')));
  await page.waitFor(async () => (await caches.keys()).filter((n) => n.startsWith('messenger-compare-')).length === 1);
  const names = await page.evaluate(ours);
  assert.ok(!names.includes('messenger-compare-0000000000000000'));
  await page.assertClean();
  await page.close();
});

test('the page carries a strict CSP, and external links do not leak the page', async (t) => {
  const page = await env.open(t, '/?view=matrix');
  const csp = await page.attribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
  assert.ok(!csp.includes('unsafe-inline') && !csp.includes("'unsafe-eval'"));
  await page.click('tr[data-messenger="signal"] .mc-name-button');
  await page.waitFor('dialog[open]');
  const rels = await page.$$eval('a[href^="https://"]', (as) => as.map((a) => a.rel));
  assert.ok(rels.length > 5);
  assert.ok(rels.every((r) => r.includes('noopener') && r.includes('noreferrer')));
  // An injected inline script is refused: the policy is in force.
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.body.append(s);
  });
  assert.equal(await page.evaluate(() => window.__injected ?? null), null);
  const problems = await page.collect();
  assert.equal(problems.csp.length, 1, 'exactly the injected script was refused');
  problems.csp.length = 0;
  problems.errors = problems.errors.filter((e) => !e.includes('Content Security Policy') && !e.includes('Content-Security-Policy'));
  await page.assertClean();
  await page.close();
});

test('the matrix prints on A4 landscape, every column on the page', async (t) => {
  // A4 landscape less 8 mm margins is 281 mm, 1062 CSS pixels wide.
  const page = await env.open(t, '/?view=matrix', { viewport: { width: 1062, height: 750 } });
  await page.emulatePrint();
  const fit = await page.evaluate(() => ({
    table: document.querySelector('.mc-table').getBoundingClientRect().right,
    page: document.documentElement.clientWidth,
    filters: getComputedStyle(document.querySelector('.mc-filters')).display,
    columns: document.querySelectorAll('th[data-criterion]').length,
  }));
  assert.equal(fit.columns, 21);
  assert.ok(fit.table <= fit.page, `the table ends at ${fit.table}px on a ${fit.page}px page`);
  assert.equal(fit.filters, 'none', 'controls are not printed');
  assert.deepEqual(await page.readerProblems(), [], 'every value word and badge is printed');
  const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
  if (pdf) assert.ok(pdf.length > 10000);
  await page.close();
});
