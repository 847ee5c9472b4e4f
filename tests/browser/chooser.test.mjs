// "Which one fits me": the chooser in the release bundle, and the exports in the footer.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { withBrowser, DIST } from './harness.mjs';

const env = withBrowser();

const ranking = (page) => page.evaluate(() => [...document.querySelectorAll('li[data-rank]')].map((li) => li.dataset.messenger));
const entry = (id) => `li[data-messenger="${id}"]`;

test('the chooser is the front door: nothing picked, the guide’s picks come first', async (t) => {
  const page = await env.open(t, '/');
  assert.equal(await page.attribute('button[data-page="choose"]', 'aria-pressed'), 'true');
  const order = await ranking(page);
  assert.equal(order.length, 10);
  assert.deepEqual(order.slice(0, 3).sort(), ['briar', 'signal', 'simplex'], 'the three the guide recommends');
  const ranks = await page.evaluate(() => [...document.querySelectorAll('li[data-rank]')].map((li) => Number(li.dataset.rank)));
  assert.deepEqual(ranks, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  assert.match(await page.innerText('.mc-answer-summary'), /recommends come first/);
  assert.match(await page.innerText(`${entry('signal')} .mc-entry-cost`), /phone number/);
  await page.assertClean();
  await page.close();
});

test('one tap per need: the answer re-ranks, says why, and the link keeps it', async (t) => {
  const page = await env.open(t, '/');
  await page.click('button[data-need="offline"]');
  await page.waitFor('button[data-need="offline"][aria-pressed="true"]');
  assert.equal((await ranking(page))[0], 'briar');
  assert.match(await page.innerText(`${entry('briar')} .mc-entry-reason`), /works without internet/);
  assert.match(await page.innerText('.mc-answer-summary'), /everything you picked: 1 of 10\./);
  assert.match(await page.url(), /[?&]needs=offline(&|$)/);
  // A second need no messenger meets together with the first: said plainly.
  await page.click('button[data-need="group-calls"]');
  await page.waitFor(() => /needs=offline,group-calls/.test(location.search));
  assert.match(await page.innerText('.mc-answer-summary'), /No messenger does everything you picked/);
  assert.match(await page.innerText(`${entry('briar')} .mc-entry-shortfall`), /no private group calls/);
  // Clearing starts over.
  await page.click('.mc-clear-needs');
  await page.waitFor(() => !location.search.includes('needs='));
  await page.assertClean();
  await page.close();
});

test('a preset sets its needs at once, and a link opens with them', async (t) => {
  const page = await env.open(t, '/?needs=no-phone,anonymity');
  assert.equal(await page.attribute('button[data-need="no-phone"]', 'aria-pressed'), 'true');
  assert.equal(await page.attribute('button[data-need="anonymity"]', 'aria-pressed'), 'true');
  await page.click('button[data-preset="family"]');
  await page.waitFor('button[data-preset="family"][aria-pressed="true"]');
  assert.equal(await page.attribute('button[data-need="no-phone"]', 'aria-pressed'), 'false');
  assert.equal(await page.attribute('button[data-need="everyone"]', 'aria-pressed'), 'true');
  assert.equal(await page.attribute('button[data-need="group-calls"]', 'aria-pressed'), 'true');
  assert.match(await page.url(), /needs=everyone,group-calls/);
  await page.assertClean();
  await page.close();
});

test('an app that fails the guide’s minimum never comes first without a warning, and unlisted apps say who outranks them', async (t) => {
  const page = await env.open(t, '/?needs=no-phone,group-calls');
  const first = (await ranking(page))[0];
  const warning = await page.innerText('[data-warning="top-fails-minimum"]');
  assert.match(warning, /minimum requirements/);
  assert.ok(warning.includes(await page.innerText(`${entry(first)} .mc-entry-name`)), warning);
  assert.match(await page.innerText(`${entry(first)} .mc-entry-minimum`), /Meets only \d of the guide's 6/);
  // With nothing picked, an app the guide never listed names the recommended one above it.
  await page.click('.mc-clear-needs');
  await page.waitFor(() => !location.search.includes('needs='));
  assert.equal(await page.count('[data-warning]'), 0);
  assert.match(await page.innerText(`${entry('whatsapp')} .mc-entry-outranked`), /The guide lists (SimpleX Chat|Signal|Briar)/);
  await page.assertClean();
  await page.close();
});

test('the evidence link opens the matrix on the criteria that decided', async (t) => {
  const page = await env.open(t, '/?needs=offline');
  await page.click(`${entry('briar')} a[data-evidence]`);
  await page.waitFor('tr[data-messenger]');
  const criteria = await page.evaluate(() => [...document.querySelectorAll('th[data-criterion]')].map((th) => th.dataset.criterion));
  assert.deepEqual(criteria, ['local-mesh']);
  assert.equal(await page.count('tbody tr[data-messenger]'), 10, 'every messenger, to compare with');
  assert.match(await page.url(), /view=matrix/);
  // Its profile opens from the chooser too.
  await page.click('button[data-page="choose"]');
  await page.click(`${entry('briar')} .mc-link-button`);
  await page.waitFor('dialog.mc-detail[open]');
  assert.match(await page.innerText('dialog.mc-detail .mc-today'), /Recommended/);
  await page.assertClean();
  await page.close();
});

test('embedded, the matrix stays the default unless the host asks for the chooser', async (t) => {
  const page = await env.open(t, '/?embed=1');
  assert.equal(await page.count('li[data-rank]'), 0);
  assert.equal(await page.count('tbody tr[data-messenger]'), 10);
  await page.goto('/?embed=1&view=choose');
  await page.waitFor('li[data-rank="10"]');
  await page.assertClean();
  await page.close();
});

test('every word in Hebrew, right to left', async (t) => {
  const page = await env.open(t, '/?lang=he&needs=offline');
  await page.waitFor(() => document.documentElement.dir === 'rtl');
  const text = await page.innerText('.mc-choose');
  assert.ok(!/[A-Za-z]{4,}/.test(text.replace(/Android|Windows|Linux|SimpleX|Chat|Signal|Molly|Briar|Element|Session|WhatsApp|Telegram|Threema|Delta|Bluetooth|Wi-Fi|iPhone|Tor|Mac|macOS|iOS/g, '')), 'no English left');
  assert.deepEqual(await page.readerProblems(), []);
  assert.deepEqual(await page.axe(), []);
  await page.assertClean();
  await page.close();
});

for (const colorScheme of ['light', 'dark']) {
  for (const width of [360, 1440]) {
    test(`axe-core on the chooser, ${colorScheme}, ${width} px`, async (t) => {
      const page = await env.open(t, '/?needs=no-phone,group-calls', { colorScheme, viewport: { width, height: 900 } });
      assert.deepEqual(await page.axe(), []);
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      assert.equal(sideways, false, 'nothing scrolls sideways');
      await page.assertClean();
      await page.close();
    });
  }
}

test('export: the view as CSV and the dataset as JSON, built in the page with no request', async (t) => {
  const page = await env.open(t, '/?view=matrix&show=signal,briar&cols=phone-number-required&lang=nl', {
    // Records what a download link would save instead of saving it.
    initScript: () => {
      window.__saved = [];
      HTMLAnchorElement.prototype.click = function () {
        window.__saved.push({ name: this.download, href: this.href });
      };
    },
  });
  await page.waitFor(() => document.documentElement.lang === 'nl');
  const requests = page.problems.requests.length;
  await page.click('button[data-export="csv"]');
  await page.click('button[data-export="json"]');
  const saved = await page.evaluate(() => window.__saved);
  assert.equal(saved.length, 2);
  const body = (href) => decodeURIComponent(href.slice(href.indexOf(',') + 1));
  const csv = body(saved[0].href).split('\r\n');
  assert.equal(csv.length, 4, 'header, two rows, and the end');
  assert.match(csv[0], /^Messenger,.*,Telefoonnummer verplicht,Telefoonnummer verplicht: [^,]+,Telefoonnummer verplicht: [^,]+$/);
  assert.match(csv[1], /^Signal,Aanbevolen,6\/6,/);
  assert.match(csv[1], /,Ja,Slecht,\d{4}-\d{2}-\d{2}$/);
  assert.match(csv[2], /^Briar,/);
  assert.equal(saved[1].name, 'messenger-compare.v1.json');
  const published = await readFile(join(DIST, 'data', 'messenger-compare.v1.json'), 'utf8');
  assert.equal(body(saved[1].href), published, 'the button gives exactly what dist/data/ publishes');
  // data: URLs are not requests to anyone (Firefox loads a built-in font as one).
  assert.deepEqual(page.problems.requests.slice(requests).filter((u) => !u.startsWith('data:')), [], 'no request');
  await page.assertClean();
  await page.close();
});
