// Languages: ?lang=, storage, the browser's languages, the picker, right-to-left Hebrew,
// and every locale actually translated.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { withBrowser, localeTexts } from './harness.mjs';

const LOCALES = ['en', 'nl', 'es', 'fr', 'it', 'he', 'ru', 'zh-Hant'];
const texts = Object.fromEntries(
  await Promise.all(LOCALES.map(async (l) => [l, await localeTexts(l)])),
);

const env = withBrowser();
// The page reads its locale files under its build id (tools/postbuild.mjs).
const BUILD = (await readFile(new URL('../../dist/index.html', import.meta.url), 'utf8')).match(/<meta name="messenger-compare-build" content="([0-9a-f]{16})">/)[1];
const NL_FILE = `/locales/${BUILD}/nl.json`;

const htmlAttrs = (page) => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);
// What a reader sees (innerText), trimmed.
const shown = (page, sel) => page.innerText(sel).then((t) => t.trim());
const header = (page, id) => shown(page, `th[data-criterion="${id}"] button`);

test('below 1,000 every locale writes numbers as plain digits, as the app assumes to skip Intl', async (t) => {
  const page = await env.open(t, '/');
  const differing = await page.evaluate((tags) => tags.flatMap((tag) => {
    const format = new Intl.NumberFormat([tag]);
    return Array.from({ length: 1000 }, (_, n) => n).filter((n) => format.format(n) !== String(n)).map((n) => `${tag}: ${n}`);
  }), LOCALES);
  assert.deepEqual(differing, []);
  await page.close();
});

test('?lang=nl gives Dutch, with the guide’s own terms', async (t) => {
  const page = await env.open(t, '/?view=matrix&lang=nl');
  assert.deepEqual(await htmlAttrs(page), ['nl', 'ltr']);
  assert.equal(await shown(page, 'th[data-group="minimum"] .mc-group-label'), 'Minimale vereisten');
  assert.equal(await shown(page, 'th[data-group="best-case"] .mc-group-label'), 'Beste geval');
  assert.equal(await header(page, 'phone-number-required'), texts.nl['criterion.phone-number-required.label']);
  await page.assertClean();
  await page.close();
});

test('?lang=he lays out right to left and passes axe-core', async (t) => {
  const page = await env.open(t, '/?view=matrix&lang=he');
  assert.deepEqual(await htmlAttrs(page), ['he', 'rtl']);
  const [name, next] = await page.$$eval('tr[data-messenger="signal"] > *', (cells) => cells.slice(0, 2).map((c) => c.getBoundingClientRect().left));
  assert.ok(name > next, 'the name column is on the right');
  assert.deepEqual(await page.axe(), []);
  await page.assertClean();
  await page.close();
});

test('the picker switches language at once and keeps the sort and the open note', async (t) => {
  const page = await env.open(t, '/?view=matrix');
  await page.click('th[data-criterion="forward-secrecy"] button');
  await page.click('th[data-criterion="forward-secrecy"] button');
  await page.click('tr[data-messenger="session"] td[data-criterion="tor"] button');
  const order = await page.rowIds();
  await page.evaluate(() => { window.__sameDocument = true; });
  await page.select('#mc-language', 'fr');
  await page.waitFor(() => document.documentElement.lang === 'fr');
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no reload');
  assert.equal(await header(page, 'forward-secrecy'), texts.fr['criterion.forward-secrecy.label']);
  assert.deepEqual(await page.rowIds(), order);
  assert.equal(await page.attribute('th[data-criterion="forward-secrecy"]', 'aria-sort'), 'ascending');
  assert.equal(await page.count('#mc-note-session'), 1);
  assert.equal(await page.evaluate(() => localStorage.getItem('messenger-compare.lang')), 'fr');
  // The choice is remembered on the next visit.
  await page.goto('/?view=matrix');
  await page.waitFor('html[data-ready] tr[data-messenger]');
  assert.deepEqual(await htmlAttrs(page), ['fr', 'ltr']);
  await page.assertClean();
  await page.close();
});

test('an unknown ?lang= and a corrupt stored choice fall back to English without error', async (t) => {
  const page = await env.open(t, '/?view=matrix&lang=xx', { locale: 'pt-BR' });
  assert.deepEqual(await page.evaluate(() => navigator.languages[0]), 'pt-BR', 'the browser language reaches the page');
  assert.deepEqual(await htmlAttrs(page), ['en', 'ltr']);
  await page.evaluate(() => localStorage.setItem('messenger-compare.lang', '{"broken'));
  await page.goto('/?view=matrix');
  await page.waitFor('html[data-ready] tr[data-messenger]');
  assert.deepEqual(await htmlAttrs(page), ['en', 'ltr']);
  assert.equal(await shown(page, 'th[data-group="minimum"] .mc-group-label'), texts.en['group.minimum.label']);
  await page.assertClean();
  await page.close();
});

test('the browser’s languages choose the start locale (zh-TW → zh-Hant)', async (t) => {
  const page = await env.open(t, '/?view=matrix', { locale: 'zh-TW' });
  assert.deepEqual(await htmlAttrs(page), ['zh-Hant', 'ltr']);
  await page.assertClean();
  await page.close();
});

for (const locale of LOCALES) {
  test(`${locale}: headers, values and dates are in the locale`, async (t) => {
    const page = await env.open(t, `/?view=matrix&lang=${locale}`);
    const tx = texts[locale];
    assert.equal(await header(page, 'forward-secrecy'), tx['criterion.forward-secrecy.label']);
    assert.equal(await shown(page, 'th[data-group="more"] .mc-group-label'), tx['group.more.label']);
    assert.equal(await shown(page, 'h1'), tx['ui.title']);
    assert.equal(await shown(page, 'tr[data-messenger="session"] td[data-criterion="forward-secrecy"] .mc-value-word'), tx['value.no']);
    if (locale !== 'en') assert.notEqual(tx['ui.title'], texts.en['ui.title']);
    await page.click('tr[data-messenger="signal"] td[data-criterion="tor"] button');
    const time = '#mc-note-signal time';
    const [date, iso] = [await shown(page, time), await page.attribute(time, 'datetime')];
    const [year, month, day] = iso.split('-').map(Number);
    const expected = tx['ui.date.format']
      .replace('{day}', day)
      .replace('{month}', tx[`ui.date.month.${month}`])
      .replace('{year}', year);
    assert.equal(date, expected, 'checked-on date written as the locale writes it');
    await page.assertClean();
    await page.close();
  });
}

test('a locale file that cannot be had, or is broken, leaves English and says so', async (t) => {
  // The server answers for the file, the same in every engine.
  for (const [name, answer] of [['missing', { status: 404, body: 'gone' }], ['broken', { status: 200, body: '{"ui.title": ' }]]) {
    env.server.overrides.set(NL_FILE, answer);
    try {
      const page = await env.open(t, '/?view=matrix&lang=nl', { wait: false });
      await page.waitFor('html[data-ready] tr[data-messenger]');
      await page.waitFor('.mc-notice[role="status"]');
      assert.ok((await page.innerText('.mc-notice')).includes(NL_FILE.slice(1)), name);
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', name);
      assert.equal(await shown(page, 'h1'), texts.en['ui.title'], name);
      await page.collect();
      assert.deepEqual(page.problems.uncaught, [], name);
      assert.deepEqual(await page.readerProblems(), [], name);
      await page.close();
    } finally {
      env.server.overrides.delete(NL_FILE);
    }
  }
});
