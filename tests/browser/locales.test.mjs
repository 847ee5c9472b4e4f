// Languages: ?lang=, storage, the browser's languages, the picker, right-to-left Hebrew,
// and every locale actually translated.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { withBrowser, openPage, axe, rowIds } from './harness.mjs';

const LOCALES = ['en', 'nl', 'es', 'fr', 'it', 'he', 'ru', 'zh-Hant'];
const texts = Object.fromEntries(
  await Promise.all(LOCALES.map(async (l) => [l, JSON.parse(await readFile(new URL(`../../data/locales/${l}.json`, import.meta.url)))])),
);

const env = withBrowser();

const htmlAttrs = (page) => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);
const header = (page, id) => page.textContent(`th[data-criterion="${id}"] button`).then((t) => t.trim());

test('?lang=nl gives Dutch, with the guide’s own terms', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.origin, '/?lang=nl');
  assert.deepEqual(await htmlAttrs(page), ['nl', 'ltr']);
  assert.equal(await page.textContent('th[data-group="minimum"]'), 'Minimale vereisten');
  assert.equal(await page.textContent('th[data-group="best-case"]'), 'Beste geval');
  assert.equal(await header(page, 'phone-number-required'), texts.nl['criterion.phone-number-required.label']);
  assert.deepEqual(problems.errors, []);
  await context.close();
});

test('?lang=he lays out right to left and passes axe-core', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.origin, '/?lang=he');
  assert.deepEqual(await htmlAttrs(page), ['he', 'rtl']);
  const [name, next] = await page.$$eval('tr[data-messenger="signal"] > *', (cells) => cells.slice(0, 2).map((c) => c.getBoundingClientRect().left));
  assert.ok(name > next, 'the name column is on the right');
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems.errors, []);
  await context.close();
});

test('the picker switches language at once and keeps the sort and the open note', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.origin);
  await page.click('th[data-criterion="forward-secrecy"] button');
  await page.click('th[data-criterion="forward-secrecy"] button');
  await page.click('tr[data-messenger="session"] td[data-criterion="tor"] button');
  const order = await rowIds(page);
  await page.evaluate(() => { window.__sameDocument = true; });
  await page.selectOption('#mc-language', 'fr');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no reload');
  assert.equal(await header(page, 'forward-secrecy'), texts.fr['criterion.forward-secrecy.label']);
  assert.deepEqual(await rowIds(page), order);
  assert.equal(await page.getAttribute('th[data-criterion="forward-secrecy"]', 'aria-sort'), 'ascending');
  assert.equal(await page.locator('#mc-note-session').count(), 1);
  assert.equal(await page.evaluate(() => localStorage.getItem('messenger-compare.lang')), 'fr');
  // The choice is remembered on the next visit.
  await page.goto(env.server.origin + '/');
  await page.waitForSelector('html[data-ready] tr[data-messenger]');
  assert.deepEqual(await htmlAttrs(page), ['fr', 'ltr']);
  assert.deepEqual(problems.errors, []);
  await context.close();
});

test('an unknown ?lang= and a corrupt stored choice fall back to English without error', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.origin, '/?lang=xx', { locale: 'pt-BR' });
  assert.deepEqual(await htmlAttrs(page), ['en', 'ltr']);
  await page.evaluate(() => localStorage.setItem('messenger-compare.lang', '{"broken'));
  await page.goto(env.server.origin + '/');
  await page.waitForSelector('html[data-ready] tr[data-messenger]');
  assert.deepEqual(await htmlAttrs(page), ['en', 'ltr']);
  assert.equal(await page.textContent('th[data-group="minimum"]'), texts.en['group.minimum.label']);
  assert.deepEqual(problems.errors, []);
  await context.close();
});

test('the browser’s languages choose the start locale (zh-TW → zh-Hant)', async () => {
  const { page, context } = await openPage(env.browser, env.server.origin, '/', { locale: 'zh-TW' });
  assert.deepEqual(await htmlAttrs(page), ['zh-Hant', 'ltr']);
  await context.close();
});

for (const locale of LOCALES) {
  test(`${locale}: headers, values and dates are in the locale`, async () => {
    const { page, context, problems } = await openPage(env.browser, env.server.origin, `/?lang=${locale}`);
    const t = texts[locale];
    assert.equal(await header(page, 'forward-secrecy'), t['criterion.forward-secrecy.label']);
    assert.equal(await page.textContent('th[data-group="more"]'), t['group.more.label']);
    assert.equal((await page.textContent('h1')).trim(), t['ui.title']);
    assert.equal((await page.textContent('tr[data-messenger="session"] td[data-criterion="forward-secrecy"] .mc-value-word')).trim(), t['value.no']);
    if (locale !== 'en') assert.notEqual(t['ui.title'], texts.en['ui.title']);
    await page.click('tr[data-messenger="signal"] td[data-criterion="tor"] button');
    const time = page.locator('#mc-note-signal time');
    const [shown, iso] = [await time.textContent(), await time.getAttribute('datetime')];
    const expected = await page.evaluate(
      ([tag, iso]) => new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`)),
      [locale, iso],
    );
    assert.equal(shown.trim(), expected, 'checked-on date formatted for the locale');
    assert.deepEqual(problems.errors, []);
    await context.close();
  });
}

test('a locale file that cannot be had, or is broken, leaves English and says so', async () => {
  for (const [name, fulfil] of [['missing', { status: 404, body: 'gone' }], ['broken', { status: 200, body: '{"ui.title": ' }]]) {
    const context = await env.browser.newContext({ serviceWorkers: 'block' });
    await context.route('**/locales/nl.json', (route) => route.fulfill(fulfil));
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(env.server.origin + '/?lang=nl');
    await page.waitForSelector('html[data-ready] tr[data-messenger]');
    await page.waitForSelector('.mc-notice[role="status"]');
    assert.match(await page.textContent('.mc-notice'), /locales\/nl\.json/, name);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', name);
    assert.equal((await page.textContent('h1')).trim(), texts.en['ui.title'], name);
    assert.deepEqual(pageErrors, [], name);
    await context.close();
  }
});
