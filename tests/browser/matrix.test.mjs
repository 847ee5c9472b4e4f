// The feature matrix in the release bundle: rows, values, sorting by mouse and keyboard,
// notes with sources, the detail dialog, layout at 360 px, accessibility in both themes.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser } from './harness.mjs';

const env = withBrowser();

test('ten messengers, with the guide’s facts in the DOM contract', async (t) => {
  const page = await env.open(t, '/');
  assert.deepEqual(await page.rowIds(), ['signal', 'molly', 'simplex', 'briar', 'element', 'session', 'whatsapp', 'telegram', 'threema', 'deltachat']);
  const value = (m, c) => page.attribute(`tr[data-messenger="${m}"] td[data-criterion="${c}"]`, 'data-value');
  assert.equal(await value('signal', 'phone-number-required'), 'yes');
  assert.equal(await value('session', 'forward-secrecy'), 'no');
  assert.equal(await value('element', 'forward-secrecy'), 'disputed');
  assert.equal(await value('element', 'e2ee-group-calls'), 'yes');
  assert.equal(await value('signal', 'open-source-servers'), 'partial');
  // Minimum met counts out of the guide's six requirements, as a reader sees it.
  assert.equal((await page.innerText('tr[data-messenger="signal"] td[data-column="minimum-met"]')).trim(), '6 of 6');
  // Every value cell shows a word a reader can see, not only a colour or an icon.
  const words = await page.$$eval('td[data-value] .mc-value-word', (els) => els.map((e) => e.innerText.trim()));
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
  assert.equal((await page.innerText('tr[data-messenger="molly"] [data-standing]')).trim(), 'Listed with Signal');
  assert.equal(await page.count('th[data-criterion]'), 21);
  await page.assertClean();
  await page.close();
});

test('the reader check fails when the value words or the standing badges are hidden', async (t) => {
  // The check every page gets must itself notice a broken widget.
  const page = await env.open(t, '/');
  assert.deepEqual(await page.readerProblems(), []);
  await page.addStyle('.mc-value-word { visibility: hidden }');
  const hidden = await page.readerProblems();
  assert.equal(hidden.filter((p) => p.startsWith('value cell ')).length, 10 * 21, hidden.slice(0, 3).join('\n'));
  await assert.rejects(page.assertClean(), /what a reader sees/);
  await page.addStyle('.mc-value-word { visibility: visible } [data-standing] { font-size: 0 }');
  const badges = await page.readerProblems();
  assert.equal(badges.filter((p) => p.startsWith('standing badge ')).length, 10, badges.join('\n'));
  assert.ok(!badges.some((p) => p.startsWith('value cell ')));
  // A text key shown instead of its text is caught too.
  await page.evaluate(() => { document.querySelector('h1').textContent = 'ui.matrix.title'; });
  assert.ok((await page.readerProblems()).includes('raw text key on screen: ui.matrix.title'));
  await page.close();
});

test('a header sorts best-first, then reversed, with aria-sort following', async (t) => {
  const page = await env.open(t, '/');
  const th = 'th[data-criterion="forward-secrecy"]';
  assert.equal(await page.attribute(th, 'aria-sort'), 'none');
  await page.click(`${th} button`);
  assert.equal(await page.attribute(th, 'aria-sort'), 'descending');
  const first = await page.rowIds();
  assert.deepEqual(first, ['signal', 'molly', 'simplex', 'briar', 'telegram', 'threema', 'element', 'whatsapp', 'session', 'deltachat']);
  await page.click(`${th} button`);
  assert.equal(await page.attribute(th, 'aria-sort'), 'ascending');
  assert.deepEqual(await page.rowIds(), ['session', 'deltachat', 'whatsapp', 'element', 'telegram', 'threema', 'signal', 'molly', 'simplex', 'briar']);
  // Only the sorted column claims a direction.
  assert.equal(await page.count('th[aria-sort="ascending"], th[aria-sort="descending"]'), 1);
  await page.assertClean();
  await page.close();
});

test('a re-sort moves the existing rows instead of rebuilding them', async (t) => {
  const page = await env.open(t, '/');
  await page.evaluate(() => document.querySelectorAll('tbody tr[data-messenger]').forEach((tr) => { tr.__original = true; }));
  for (const column of ['name', 'name', 'network']) {
    await page.click(`th[data-column="${column}"] button`);
  }
  await page.click('th[data-criterion="tor"] button');
  const kept = await page.$$eval('tbody tr[data-messenger]', (trs) => trs.map((tr) => tr.__original === true));
  assert.deepEqual(kept, Array(10).fill(true), 'the same <tr> elements, reordered');
  assert.notDeepEqual(await page.rowIds(), ['signal', 'molly', 'simplex', 'briar', 'element', 'session', 'whatsapp', 'telegram', 'threema', 'deltachat']);
  await page.assertClean();
  await page.close();
});

test('sorting works from the keyboard', async (t) => {
  const page = await env.open(t, '/');
  await page.focus('th[data-column="name"] button');
  await page.press('Enter');
  assert.deepEqual(await page.rowIds(), ['briar', 'deltachat', 'element', 'molly', 'session', 'signal', 'simplex', 'telegram', 'threema', 'whatsapp']);
  await page.press('Space');
  assert.deepEqual(await page.rowIds(), ['whatsapp', 'threema', 'telegram', 'simplex', 'signal', 'session', 'molly', 'element', 'deltachat', 'briar']);
  assert.equal(await page.attribute('th[data-column="name"]', 'aria-sort'), 'descending');
  await page.focus('th[data-criterion="phone-number-required"] button');
  await page.press('Enter');
  assert.deepEqual((await page.rowIds()).slice(-4).sort(), ['molly', 'signal', 'telegram', 'whatsapp'], 'needing a phone number sorts last');
  await page.assertClean();
  await page.close();
});

test('a value cell shows its note, sources and checked-on date', async (t) => {
  const page = await env.open(t, '/');
  const cell = 'tr[data-messenger="element"] td[data-criterion="forward-secrecy"] button';
  assert.equal(await page.attribute(cell, 'aria-expanded'), 'false');
  await page.click(cell);
  assert.equal(await page.attribute(cell, 'aria-expanded'), 'true');
  const note = '#mc-note-element';
  await page.waitFor(note);
  assert.ok(await page.visible(note), 'the note is on screen');
  const links = await page.$$eval(`${note} .mc-sources a`, (as) => as.map((a) => [a.href, a.rel]));
  assert.ok(links.length >= 2, 'a disputed value names at least two sources');
  for (const [href, rel] of links) {
    assert.match(href, /^https:\/\//);
    assert.equal(rel, 'noopener noreferrer');
  }
  assert.match(await page.attribute(`${note} time`, 'datetime'), /^\d{4}-\d{2}-\d{2}$/);
  assert.ok((await page.innerText(`${note} time`)).trim().length > 0);
  // The note row sits right under its messenger's row.
  const next = await page.$eval('tr[data-messenger="element"]', (tr) => tr.nextElementSibling?.dataset.noteFor);
  assert.equal(next, 'element');
  // Activating the cell again (keyboard) closes it.
  await page.focus(cell);
  await page.press('Space');
  assert.equal(await page.count('#mc-note-element'), 0);
  await page.assertClean();
  await page.close();
});

test('a messenger’s name opens its detail; Escape closes it', async (t) => {
  const page = await env.open(t, '/');
  await page.click('tr[data-messenger="element"] .mc-name-button');
  const dialog = 'dialog.mc-detail[open]';
  await page.waitFor(dialog);
  assert.ok(await page.visible(dialog), 'the dialog is on screen');
  assert.equal(await page.attribute(dialog, 'data-messenger'), 'element');
  assert.match(await page.innerText(dialog), /Element/);
  assert.ok((await page.count(`${dialog} .mc-history li`)) >= 4, 'standing history');
  assert.equal(await page.attribute(`${dialog} .mc-history li`, 'data-status'), 'social-networks');
  assert.ok((await page.count(`${dialog} .mc-downloads dt`)) >= 5, 'downloads per platform');
  assert.ok((await page.count(`${dialog} figure[data-route] svg[role="img"]`)) >= 1, 'its own route');
  assert.ok(await page.$$eval('dialog a[href]', (as) => as.every((a) => a.href.startsWith('https://'))));
  await page.press('Escape');
  await page.waitFor('dialog.mc-detail[open]', undefined, { state: 'detached' });
  // The state follows the dialog: closed by Escape means no messenger selected.
  await page.waitFor(() => !document.querySelector('dialog.mc-detail').hasAttribute('data-messenger'));
  // Focus returns to the name that opened it.
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Element');
  await page.assertClean();
  await page.close();
});

test('at 360 px the page does not scroll sideways; the table scrolls in its box', async (t) => {
  const page = await env.open(t, '/', { viewport: { width: 360, height: 740 } });
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    view: window.innerWidth,
    box: document.querySelector('.mc-scroll').scrollWidth,
    boxVisible: document.querySelector('.mc-scroll').clientWidth,
  }));
  assert.equal(widths.view, 360);
  assert.ok(widths.page <= widths.view, `page is ${widths.page}px wide in a ${widths.view}px window`);
  assert.ok(widths.box > widths.boxVisible, 'the table scrolls inside its own box');
  // The name column stays put while the table scrolls.
  const before = await page.$eval('tr[data-messenger="signal"] th', (th) => th.getBoundingClientRect().left);
  await page.$eval('.mc-scroll', (el) => el.scrollBy(400, 0));
  const after = await page.$eval('tr[data-messenger="signal"] th', (th) => th.getBoundingClientRect().left);
  assert.equal(after, before);
  await page.assertClean();
  await page.close();
});

for (const colorScheme of ['light', 'dark']) {
  for (const width of [360, 1440]) {
    test(`axe-core: no WCAG 2.1 AA violation, ${colorScheme}, ${width} px (matrix, note, detail)`, async (t) => {
      const page = await env.open(t, '/', { colorScheme, viewport: { width, height: 900 } });
      // The system's scheme, as the page sees it (theme "auto" follows it).
      assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), colorScheme === 'dark');
      assert.deepEqual(await page.axe(), [], 'matrix');
      await page.click('tr[data-messenger="element"] td[data-criterion="forward-secrecy"] button');
      await page.click('th[data-criterion="tor"] button');
      assert.deepEqual(await page.axe(), [], 'matrix with a note open, sorted');
      await page.click('tr[data-messenger="signal"] .mc-name-button');
      await page.waitFor('dialog.mc-detail[open]');
      assert.deepEqual(await page.axe(), [], 'detail dialog');
      await page.assertClean();
      await page.close();
    });
  }
}
