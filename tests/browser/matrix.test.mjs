// The feature matrix in the release bundle: rows, values, sorting by mouse and keyboard,
// notes with sources, the detail dialog, layout at 360 px, accessibility in both themes.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser, ENGLISH } from './harness.mjs';

const env = withBrowser();
const ELEMENT_FS = 'tr[data-messenger="element"] td[data-criterion="forward-secrecy"] button';
// How many times the page has asked for an English locale file.
const englishReads = () => performance.getEntriesByType('resource').filter((e) => /\/locales\/([0-9a-f]{16}\/)?en\.json$/.test(new URL(e.name).pathname)).length;

test('ten messengers, with the guide’s facts in the DOM contract', async (t) => {
  const page = await env.open(t, '/?view=matrix');
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
  const page = await env.open(t, '/?view=matrix');
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
  const page = await env.open(t, '/?view=matrix');
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
  const page = await env.open(t, '/?view=matrix');
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
  const page = await env.open(t, '/?view=matrix');
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
  const page = await env.open(t, '/?view=matrix');
  const cell = 'tr[data-messenger="element"] td[data-criterion="forward-secrecy"] button';
  assert.equal(await page.attribute(cell, 'aria-expanded'), 'false');
  await page.click(cell);
  assert.equal(await page.attribute(cell, 'aria-expanded'), 'true');
  const note = '#mc-note-element';
  await page.waitFor(note);
  assert.ok(await page.visible(note), 'the note is on screen');
  // The note's text, in the guide's words as we put them (read from the bundle's English file).
  await page.waitFor((text) => document.querySelector('#mc-note-element > p')?.innerText.trim() === text, ENGLISH['value.element.forward-secrecy']);
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

test('the long texts’ English is read when a first note opens, once, for every view; the matrix needs none of it', async (t) => {
  const page = await env.open(t, '/?view=matrix');
  assert.equal(await page.evaluate(englishReads), 0, 'the default view and the matrix read no English file');
  await page.click(ELEMENT_FS);
  await page.waitFor((text) => document.querySelector('#mc-note-element > p')?.innerText.trim() === text, ENGLISH['value.element.forward-secrecy']);
  assert.equal(await page.evaluate(englishReads), 1);
  await page.click('tr[data-messenger="signal"] td[data-criterion="tor"] button');
  await page.waitFor('#mc-note-signal');
  assert.equal((await page.innerText('#mc-note-signal > p')).trim(), ENGLISH['value.signal.tor']);
  // The comparison's notes come from the same read.
  await page.click('.mc-tabs button[data-page="compare"]');
  await page.check('#mc-compare-briar');
  await page.check('#mc-compare-session');
  await page.waitFor('td[data-messenger="briar"] .mc-compare-note');
  assert.equal((await page.innerText('tr[data-criterion="tor"] td[data-messenger="briar"] .mc-compare-note')).trim(), ENGLISH['value.briar.tor']);
  // So do a messenger's profile and the architectures' descriptions.
  await page.click('.mc-tabs button[data-page="matrix"]');
  await page.click('tr[data-messenger="signal"] .mc-name-button');
  await page.waitFor('dialog.mc-detail[open]');
  assert.equal((await page.innerText('dialog.mc-detail[open] .mc-maker + p')).trim(), ENGLISH['messenger.signal.description']);
  await page.press('Escape');
  await page.click('.mc-tabs button[data-page="networks"]');
  await page.waitFor('article[data-network="p2p"]');
  assert.equal((await page.innerText('article[data-network="p2p"] .mc-tradeoffs li')).trim(), ENGLISH['network.p2p.advantage.1']);
  assert.equal(await page.evaluate(englishReads), 1, 'read once');
  await page.assertClean();
  await page.close();
});

test('a slow read shows a line saying the text is loading; a failed one says why, the rest of the note stays', async (t) => {
  const page = await env.open(t, '/?view=matrix');
  // The app asks window.fetch; the English file is held back 1.5 s, then the next read fails.
  await page.evaluate(() => {
    const real = window.fetch;
    let reads = 0;
    window.fetch = function (url, ...rest) {
      if (!/en\.json$/.test(String(url))) return real.call(this, url, ...rest);
      reads += 1;
      return reads === 1
        ? new Promise((resolve) => setTimeout(resolve, 1500)).then(() => real.call(this, url, ...rest))
        : Promise.reject(new TypeError('no network'));
    };
  });
  await page.click(ELEMENT_FS);
  await page.waitFor('#mc-note-element .mc-text-loading');
  assert.ok(!(await page.visible('#mc-note-element .mc-text-loading')), 'not shown for a quick read');
  await page.waitFor(() => {
    const line = document.querySelector('#mc-note-element .mc-text-loading');
    return line && line.checkVisibility({ visibilityProperty: true }) && line.getBoundingClientRect().height > 0;
  });
  assert.equal((await page.innerText('#mc-note-element .mc-text-loading')).trim(), ENGLISH['ui.text.loading']);
  await page.waitFor((text) => document.querySelector('#mc-note-element > p')?.innerText.trim() === text, ENGLISH['value.element.forward-secrecy']);
  await page.assertClean();

  // A fresh page whose read fails: the note says so, with its sources and date still there.
  await page.goto('/?view=matrix');
  await page.ready();
  await page.evaluate(() => {
    const real = window.fetch;
    window.fetch = function (url, ...rest) {
      return /en\.json$/.test(String(url)) ? Promise.reject(new TypeError('no network')) : real.call(this, url, ...rest);
    };
  });
  await page.click(ELEMENT_FS);
  await page.waitFor('#mc-note-element .mc-text-missing');
  const said = (await page.innerText('#mc-note-element .mc-text-missing')).trim();
  assert.match(said, /^This text could not be loaded \(locales\/[0-9a-f]{16}\/en\.json: could not be fetched\)\.$/);
  assert.ok(await page.visible('#mc-note-element .mc-sources a'));
  assert.ok(await page.visible('#mc-note-element time'));
  await page.assertClean();
  await page.close();
});

test('a messenger’s name opens its detail; Escape closes it', async (t) => {
  const page = await env.open(t, '/?view=matrix');
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

test('at 360 px the matrix is one card per messenger: data on the first screen, nothing scrolls sideways', async (t) => {
  const page = await env.open(t, '/?view=matrix', { viewport: { width: 360, height: 740 } });
  const layout = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    view: window.innerWidth,
    height: window.innerHeight,
    cards: [...document.querySelectorAll('tbody tr[data-messenger]')].map((tr) => {
      const r = tr.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top };
    }),
    label: (() => {
      const td = document.querySelector('tr[data-messenger="signal"] td[data-criterion="phone-number-required"]');
      return { attribute: td.dataset.label, content: getComputedStyle(td, '::before').content };
    })(),
  }));
  assert.equal(layout.view, 360);
  assert.ok(layout.page <= layout.view, `page is ${layout.page}px wide in a ${layout.view}px window`);
  assert.equal(layout.cards.length, 10);
  for (const card of layout.cards) assert.ok(card.left >= 0 && card.right <= layout.view, `a card spans ${card.left}–${card.right}px`);
  assert.ok(layout.cards[0].top < layout.height, `the first card starts at ${layout.cards[0].top}px, below the first screen`);
  // Each value names its column (Firefox reports the rule, attr(data-label), not its result).
  assert.equal(layout.label.attribute, 'Phone number required');
  assert.ok(['"Phone number required"', 'attr(data-label)'].includes(layout.label.content), layout.label.content);
  // The filters fold behind one button, and open from it.
  assert.equal(await page.visible('#mc-filters'), false);
  await page.click('.mc-filters-toggle');
  assert.equal(await page.visible('#mc-filters'), true);
  await page.check('#mc-need-no-phone');
  assert.ok(!(await page.rowIds()).includes('signal'));
  await page.assertClean();
  await page.close();
});

test('a header explains itself where it stands, by keyboard too', async (t) => {
  const page = await env.open(t, '/?view=matrix');
  const explain = 'th[data-criterion="forward-secrecy"] .mc-explain';
  assert.equal(await page.visible(`${explain} p`), false);
  await page.focus(`${explain} summary`);
  await page.press('Enter');
  await page.waitFor(`${explain}[open]`);
  assert.ok(await page.visible(`${explain} p`));
  assert.match(await page.innerText(`${explain} p`), /\w{3,}/);
  await page.assertClean();
  await page.close();
});

test('the everyday columns come first, and a guide group folds into one column', async (t) => {
  const page = await env.open(t, '/?view=matrix');
  const columns = () => page.evaluate(() => [...document.querySelectorAll('thead tr:last-child th')].map((th) => th.dataset.criterion ?? th.dataset.column));
  assert.deepEqual((await columns()).slice(0, 6), ['name', 'phone-number-required', 'local-mesh', 'platforms', 'e2ee-calls', 'e2ee-group-calls']);
  assert.equal(await page.innerText('tr[data-messenger="briar"] td[data-column="platforms"]'), 'Android, Windows, Linux');
  await page.click('th[data-group="minimum"] .mc-fold');
  await page.waitFor('th[data-group="minimum"] .mc-fold[aria-expanded="false"]');
  assert.ok(!(await columns()).includes('forward-secrecy'), 'the minimum requirements are folded away');
  assert.equal(await page.count('td[data-criterion="forward-secrecy"]'), 0);
  await page.click('th[data-group="minimum"] .mc-fold');
  assert.ok((await columns()).includes('forward-secrecy'));
  await page.assertClean();
  await page.close();
});

test('colour follows what is good for the reader: a phone number required reads as bad', async (t) => {
  const page = await env.open(t, '/?view=matrix');
  const cell = (m, c) => `tr[data-messenger="${m}"] td[data-criterion="${c}"]`;
  assert.equal(await page.attribute(cell('signal', 'phone-number-required'), 'data-verdict'), 'bad');
  assert.equal(await page.attribute(cell('signal', 'tor'), 'data-value'), 'unknown');
  assert.equal(await page.attribute(cell('briar', 'phone-number-required'), 'data-verdict'), 'good');
  assert.equal(await page.attribute(cell('briar', 'tor'), 'data-verdict'), 'good');
  const colour = (selector) => page.$eval(`${selector} button`, (b) => getComputedStyle(b).backgroundColor);
  // Signal's "Yes" (phone required) is painted like Session's "No" for Tor, not like Briar's "No" for phone.
  assert.equal(await colour(cell('signal', 'phone-number-required')), await colour(cell('session', 'tor')));
  assert.notEqual(await colour(cell('signal', 'phone-number-required')), await colour(cell('briar', 'phone-number-required')));
  assert.equal(await page.innerText(`${cell('signal', 'phone-number-required')} .mc-value-word`), 'Yes');
  await page.assertClean();
  await page.close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`every kind of value has an icon of its own on screen beside its word, ${colorScheme}`, async (t) => {
    const page = await env.open(t, '/?view=matrix', { colorScheme });
    const shapes = new Map();
    for (const verdict of ['good', 'bad', 'partial', 'unknown', 'not-applicable', 'disputed']) {
      const button = `td[data-verdict="${verdict}"] .mc-value-button`;
      // The part of the button before its word: the icon and the padding around it.
      await page.$eval(button, (b) => b.setAttribute('data-icon-test', ''));
      const iconWidth = await page.$eval('[data-icon-test]', (b) => b.querySelector('.mc-value-word').getBoundingClientRect().left - b.getBoundingClientRect().left);
      const { width, height, rgba } = await page.pixels('[data-icon-test]');
      await page.$eval('[data-icon-test]', (b) => b.removeAttribute('data-icon-test'));
      const columns = Math.floor(width * iconWidth / (await page.$eval(button, (b) => b.getBoundingClientRect().width)));
      // Ink: pixels far from the button's own background (its most common colour).
      const at = (x, y) => rgba.subarray((y * width + x) * 4, (y * width + x) * 4 + 3);
      const counts = new Map();
      for (let y = 0; y < height; y++) for (let x = 0; x < columns; x++) counts.set(at(x, y).join(), (counts.get(at(x, y).join()) ?? 0) + 1);
      const background = [...counts].sort((a, b) => b[1] - a[1])[0][0].split(',').map(Number);
      const ink = [];
      for (let y = 0; y < height; y++) for (let x = 0; x < columns; x++) {
        if (at(x, y).reduce((sum, v, i) => sum + Math.abs(v - background[i]), 0) > 120) ink.push([x, y]);
      }
      assert.ok(ink.length >= 12, `${verdict}: an icon a reader can see (${ink.length} pixels of ink in ${columns}×${height} on ${background})`);
      const [xs, ys] = [ink.map(([x]) => x), ink.map(([, y]) => y)];
      const box = { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
      const scale = width / (await page.$eval(button, (b) => b.getBoundingClientRect().width));
      assert.ok(box.right - box.left < 20 * scale && box.bottom - box.top < 20 * scale, `${verdict}: an icon of about 1rem, not ${JSON.stringify(box)}`);
      // Level with the word: the icon's middle within 4 px of the button's middle.
      assert.ok(Math.abs((box.top + box.bottom) / 2 - height / 2) <= 4 * scale, `${verdict}: centred beside the word, ${JSON.stringify(box)} of ${height}`);
      // Unlike every other kind's icon: placed on each other, at most 70 % of their ink meets.
      const shape = new Set(ink.map(([x, y]) => `${x - box.left},${y - box.top}`));
      for (const [other, drawn] of shapes) {
        const shared = [...shape].filter((p) => drawn.has(p)).length;
        assert.ok(shared < 0.7 * new Set([...shape, ...drawn]).size, `${verdict} drawn like ${other}`);
      }
      shapes.set(verdict, shape);
    }
    await page.assertClean();
    await page.close();
  });

  for (const width of [360, 1440]) {
    test(`axe-core: no WCAG 2.1 AA violation, ${colorScheme}, ${width} px (matrix, note, detail)`, async (t) => {
      const page = await env.open(t, '/?view=matrix', { colorScheme, viewport: { width, height: 900 } });
      // The system's scheme, as the page sees it (theme "auto" follows it).
      assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), colorScheme === 'dark');
      assert.deepEqual(await page.axe(), [], 'matrix');
      await page.click('tr[data-messenger="element"] td[data-criterion="forward-secrecy"] button');
      // Narrow screens show cards, which have no header row to sort by.
      if (width > 640) await page.click('th[data-criterion="tor"] button');
      assert.deepEqual(await page.axe(), [], 'matrix with a note open');
      await page.click('tr[data-messenger="signal"] .mc-name-button');
      await page.waitFor('dialog.mc-detail[open]');
      assert.deepEqual(await page.axe(), [], 'detail dialog');
      await page.assertClean();
      await page.close();
    });
  }
}
