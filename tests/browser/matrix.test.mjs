// The feature matrix in the release bundle: rows, values, sorting by mouse and keyboard,
// notes with sources, the detail dialog, layout at 360 px, accessibility in both themes.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser, openPage, axe, rowIds, assertClean } from './harness.mjs';

const env = withBrowser();

const clean = (problems) => assertClean(assert, problems);

test('ten messengers, with the guide’s facts in the DOM contract', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.origin);
  assert.deepEqual(await rowIds(page), ['signal', 'molly', 'simplex', 'briar', 'element', 'session', 'whatsapp', 'telegram', 'threema', 'deltachat']);
  const value = (m, c) => page.getAttribute(`tr[data-messenger="${m}"] td[data-criterion="${c}"]`, 'data-value');
  assert.equal(await value('signal', 'phone-number-required'), 'yes');
  assert.equal(await value('session', 'forward-secrecy'), 'no');
  assert.equal(await value('element', 'forward-secrecy'), 'disputed');
  assert.equal(await value('element', 'e2ee-group-calls'), 'yes');
  assert.equal(await value('signal', 'open-source-servers'), 'partial');
  // Minimum met counts out of the guide's six requirements.
  assert.equal(await page.textContent('tr[data-messenger="signal"] td[data-column="minimum-met"]'), '6 of 6');
  // Every value cell shows a word, not only a colour or an icon.
  const words = await page.$$eval('td[data-value] .mc-value-word', (els) => els.map((e) => e.textContent.trim()));
  assert.equal(words.length, 10 * 21);
  assert.ok(words.every((w) => w.length > 0));
  // Standing: Element and Session are not presented as recommended.
  const standing = await page.$$eval('tr[data-messenger] [data-standing]', (els) =>
    Object.fromEntries(els.map((e) => [e.closest('tr').dataset.messenger, e.dataset.standing])),
  );
  assert.deepEqual(standing, {
    signal: 'recommended', simplex: 'recommended', briar: 'recommended', molly: 'alternative-client',
    element: 'moved-to-social-networks', session: 'no-longer-listed',
    whatsapp: 'never-listed', telegram: 'never-listed', threema: 'never-listed', deltachat: 'never-listed',
  });
  assert.equal(await page.textContent('tr[data-messenger="molly"] [data-standing]'), 'Listed with Signal');
  assert.equal(await page.$$eval('th[data-criterion]', (t) => t.length), 21);
  clean(problems);
  await context.close();
});

test('a header sorts best-first, then reversed, with aria-sort following', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.origin);
  const th = 'th[data-criterion="forward-secrecy"]';
  assert.equal(await page.getAttribute(th, 'aria-sort'), 'none');
  await page.click(`${th} button`);
  assert.equal(await page.getAttribute(th, 'aria-sort'), 'descending');
  const first = await rowIds(page);
  assert.deepEqual(first, ['signal', 'molly', 'simplex', 'briar', 'telegram', 'threema', 'element', 'whatsapp', 'session', 'deltachat']);
  await page.click(`${th} button`);
  assert.equal(await page.getAttribute(th, 'aria-sort'), 'ascending');
  assert.deepEqual(await rowIds(page), ['session', 'deltachat', 'whatsapp', 'element', 'telegram', 'threema', 'signal', 'molly', 'simplex', 'briar']);
  // Only the sorted column claims a direction.
  assert.equal(await page.$$eval('th[aria-sort="ascending"], th[aria-sort="descending"]', (t) => t.length), 1);
  clean(problems);
  await context.close();
});

test('a re-sort moves the existing rows instead of rebuilding them', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.origin);
  await page.evaluate(() => document.querySelectorAll('tbody tr[data-messenger]').forEach((tr) => { tr.__original = true; }));
  for (const column of ['name', 'name', 'network']) {
    await page.click(`th[data-column="${column}"] button`);
  }
  await page.click('th[data-criterion="tor"] button');
  const kept = await page.$$eval('tbody tr[data-messenger]', (trs) => trs.map((tr) => tr.__original === true));
  assert.deepEqual(kept, Array(10).fill(true), 'the same <tr> elements, reordered');
  assert.notDeepEqual(await rowIds(page), ['signal', 'molly', 'simplex', 'briar', 'element', 'session', 'whatsapp', 'telegram', 'threema', 'deltachat']);
  clean(problems);
  await context.close();
});

test('sorting works from the keyboard', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.origin);
  await page.focus('th[data-column="name"] button');
  await page.keyboard.press('Enter');
  assert.deepEqual(await rowIds(page), ['briar', 'deltachat', 'element', 'molly', 'session', 'signal', 'simplex', 'telegram', 'threema', 'whatsapp']);
  await page.keyboard.press('Space');
  assert.deepEqual(await rowIds(page), ['whatsapp', 'threema', 'telegram', 'simplex', 'signal', 'session', 'molly', 'element', 'deltachat', 'briar']);
  assert.equal(await page.getAttribute('th[data-column="name"]', 'aria-sort'), 'descending');
  await page.focus('th[data-criterion="phone-number-required"] button');
  await page.keyboard.press('Enter');
  assert.deepEqual((await rowIds(page)).slice(-4).sort(), ['molly', 'signal', 'telegram', 'whatsapp'], 'needing a phone number sorts last');
  clean(problems);
  await context.close();
});

test('a value cell shows its note, sources and checked-on date', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.origin);
  const cell = 'tr[data-messenger="element"] td[data-criterion="forward-secrecy"] button';
  assert.equal(await page.getAttribute(cell, 'aria-expanded'), 'false');
  await page.click(cell);
  assert.equal(await page.getAttribute(cell, 'aria-expanded'), 'true');
  const note = page.locator('#mc-note-element');
  await note.waitFor();
  const links = await note.locator('.mc-sources a').evaluateAll((as) => as.map((a) => [a.href, a.rel]));
  assert.ok(links.length >= 2, 'a disputed value names at least two sources');
  for (const [href, rel] of links) {
    assert.match(href, /^https:\/\//);
    assert.equal(rel, 'noopener noreferrer');
  }
  assert.match(await note.locator('time').getAttribute('datetime'), /^\d{4}-\d{2}-\d{2}$/);
  assert.ok((await note.locator('time').textContent()).trim().length > 0);
  // The note row sits right under its messenger's row.
  const next = await page.$eval('tr[data-messenger="element"]', (tr) => tr.nextElementSibling?.dataset.noteFor);
  assert.equal(next, 'element');
  // Activating the cell again (keyboard) closes it.
  await page.focus(cell);
  await page.keyboard.press('Space');
  assert.equal(await page.locator('#mc-note-element').count(), 0);
  clean(problems);
  await context.close();
});

test('a messenger’s name opens its detail; Escape closes it', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.origin);
  await page.click('tr[data-messenger="element"] .mc-name-button');
  const dialog = page.locator('dialog.mc-detail[open]');
  await dialog.waitFor();
  assert.equal(await dialog.getAttribute('data-messenger'), 'element');
  const text = await dialog.textContent();
  assert.match(text, /Element/);
  assert.ok((await dialog.locator('.mc-history li').count()) >= 4, 'standing history');
  assert.equal(await dialog.locator('.mc-history li').first().getAttribute('data-status'), 'social-networks');
  assert.ok((await dialog.locator('.mc-downloads dt').count()) >= 5, 'downloads per platform');
  assert.ok((await dialog.locator('figure[data-route] svg[role="img"]').count()) >= 1, 'its own route');
  assert.ok((await page.$$eval('dialog a[href]', (as) => as.every((a) => a.href.startsWith('https://')))));
  await page.keyboard.press('Escape');
  await page.waitForSelector('dialog.mc-detail[open]', { state: 'detached' });
  // The state follows the dialog: closed by Escape means no messenger selected.
  await page.waitForFunction(() => !document.querySelector('dialog.mc-detail').hasAttribute('data-messenger'));
  // Focus returns to the name that opened it.
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Element');
  clean(problems);
  await context.close();
});

test('at 360 px the page does not scroll sideways; the table scrolls in its box', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.origin, '/', { viewport: { width: 360, height: 740 } });
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    view: window.innerWidth,
    box: document.querySelector('.mc-scroll').scrollWidth,
    boxVisible: document.querySelector('.mc-scroll').clientWidth,
  }));
  assert.ok(widths.page <= widths.view, `page is ${widths.page}px wide in a ${widths.view}px window`);
  assert.ok(widths.box > widths.boxVisible, 'the table scrolls inside its own box');
  // The name column stays put while the table scrolls.
  const before = await page.$eval('tr[data-messenger="signal"] th', (th) => th.getBoundingClientRect().left);
  await page.$eval('.mc-scroll', (el) => el.scrollBy(400, 0));
  const after = await page.$eval('tr[data-messenger="signal"] th', (th) => th.getBoundingClientRect().left);
  assert.equal(after, before);
  clean(problems);
  await context.close();
});

for (const colorScheme of ['light', 'dark']) {
  for (const width of [360, 1440]) {
    test(`axe-core: no WCAG 2.1 AA violation, ${colorScheme}, ${width} px (matrix, note, detail)`, async () => {
      const { page, context, problems } = await openPage(env.browser, env.server.origin, '/', {
        colorScheme, viewport: { width, height: 900 },
      });
      assert.deepEqual(await axe(page), [], 'matrix');
      await page.click('tr[data-messenger="element"] td[data-criterion="forward-secrecy"] button');
      await page.click('th[data-criterion="tor"] button');
      assert.deepEqual(await axe(page), [], 'matrix with a note open, sorted');
      await page.click('tr[data-messenger="signal"] .mc-name-button');
      await page.locator('dialog.mc-detail[open]').waitFor();
      assert.deepEqual(await axe(page), [], 'detail dialog');
      clean(problems);
      await context.close();
    });
  }
}
