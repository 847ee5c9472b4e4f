// A long matrix (1,000 synthetic messengers × 40 criteria, built by tools/run.sh test) renders
// only the rows in view, and still sorts, scrolls, opens notes and passes axe-core.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { withBrowser, LARGE_DIST } from './harness.mjs';

before(() => assert.ok(existsSync(LARGE_DIST), `${LARGE_DIST} is missing: run the tests through tools/run.sh test`));
const env = withBrowser(LARGE_DIST);

const rendered = (page) =>
  page.$$eval('tbody tr[data-messenger]', (trs) => trs.map((tr) => ({ id: tr.dataset.messenger, index: Number(tr.getAttribute('aria-rowindex')) })));
const names = (page) => page.$$eval('tbody tr[data-messenger] .mc-name-button', (bs) => bs.map((b) => b.innerText.trim()));
const lastRowIs = (page, index) =>
  page.waitFor((i) => [...document.querySelectorAll('tbody tr[data-messenger]')].at(-1)?.getAttribute('aria-rowindex') === i, index);

test('only the rows in view are in the DOM, and scrolling brings the rest', async (t) => {
  const page = await env.open(t, '/?view=matrix&lang=en');
  assert.equal(await page.attribute('table.mc-table', 'aria-rowcount'), '1002');
  const first = await rendered(page);
  assert.ok(first.length > 5 && first.length < 60, `${first.length} rows rendered`);
  assert.equal(first[0].index, 3);
  await page.$eval('.mc-scroll', (el) => { el.scrollTop = el.scrollHeight; });
  await lastRowIs(page, '1002');
  const last = await rendered(page);
  assert.ok(last.length < 60);
  // The rendered rows are consecutive.
  assert.ok(last.every((r, i) => i === 0 || r.index === last[i - 1].index + 1));
  // The last row is actually inside the scrolled box.
  const inside = await page.evaluate(() => {
    const box = document.querySelector('.mc-scroll').getBoundingClientRect();
    const row = [...document.querySelectorAll('tbody tr[data-messenger]')].at(-1).getBoundingClientRect();
    return row.bottom <= box.bottom + 1 && row.top >= box.top;
  });
  assert.ok(inside);
  await page.assertClean();
  await page.close();
});

test('sorting a long list orders all of it, not just the rows in view', async (t) => {
  const page = await env.open(t, '/?view=matrix&lang=en');
  await page.click('th[data-column="name"] button');
  const top = await names(page);
  const collator = new Intl.Collator('en', { sensitivity: 'base' });
  assert.deepEqual(top, [...top].sort((a, b) => collator.compare(a, b)));
  await page.$eval('.mc-scroll', (el) => { el.scrollTop = el.scrollHeight; });
  await lastRowIs(page, '1002');
  const bottom = await names(page);
  assert.ok(collator.compare(top.at(-1), bottom[0]) <= 0, 'the bottom of the list sorts after its top');
  assert.equal(await page.attribute('th[data-column="name"]', 'aria-sort'), 'ascending');
  await page.assertClean();
  await page.close();
});

test('a note opens below the box, and the long list passes axe-core', async (t) => {
  const page = await env.open(t, '/?view=matrix&lang=en');
  await page.click('tbody tr[aria-rowindex="3"] td[data-criterion="tor"] button');
  await page.waitFor('.mc-matrix > .mc-note');
  assert.ok(await page.visible('.mc-matrix > .mc-note'));
  assert.equal(await page.count('.mc-note-row'), 0, 'no note row inside the windowed table');
  assert.deepEqual(await page.axe(), []);
  await page.assertClean();
  await page.close();
});
