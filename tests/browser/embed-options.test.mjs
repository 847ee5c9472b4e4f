// Host options (accent, density, font, hidden parts) as a reader sees them, bad values ignored
// and named, embed.js passing them on, and the "Embed this view" builder.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { withBrowser, DIST } from './harness.mjs';

const env = withBrowser();

/** Runs in the page: the colour of `selector` as [r, g, b]. */
const colourOf = (page, selector, property = 'color') =>
  page.$eval(selector, (el, p) => getComputedStyle(el)[p].match(/\d+(\.\d+)?/g).slice(0, 3).map(Number), property);

/** WCAG 2.1 contrast of two [r, g, b] colours. */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.map((v) => {
      const x = v / 255;
      return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

// Links take the accent (so do the selected tab's underline and a selected chip's fill).
const ACCENTED = '.mc a[href]';

test('an accent colours the links and buttons, as given where it reads and nearest where it does not', async (t) => {
  const light = await env.open(t, '/?view=matrix&theme=light&accent=%230b7a4b');
  assert.deepEqual(await colourOf(light, ACCENTED), [11, 122, 75], 'the host’s green, as given, in light');
  assert.equal(await light.count('[data-notice="ignored"]'), 0, 'one colour is never refused');
  await light.assertClean();
  assert.deepEqual(await light.axe(), []);
  await light.close();

  const dark = await env.open(t, '/?view=matrix&theme=dark&accent=%230b7a4b');
  const shade = await colourOf(dark, ACCENTED);
  const background = await colourOf(dark, 'html', 'backgroundColor');
  assert.notDeepEqual(shade, [11, 122, 75], 'dark green is too dark on the dark theme');
  assert.ok(shade[1] > 122 && shade[1] > shade[0] && shade[1] > shade[2], `a lighter green: ${shade}`);
  assert.ok(contrast(shade, background) >= 4.5, `contrast ${contrast(shade, background).toFixed(2)}`);
  assert.deepEqual(await dark.axe(), []);
  await dark.close();

  // A pair: each theme its own, exactly.
  const pair = await env.open(t, '/?view=matrix&theme=dark&accent=%230b7a4b,%236fdca6');
  assert.deepEqual(await colourOf(pair, ACCENTED), [111, 220, 166]);
  await pair.assertClean();
  await pair.close();
});

test('compact spacing makes rows shorter and keeps every target at least 24 px', async (t) => {
  const rowHeight = (page) => page.$eval('tr[data-messenger="signal"]', (tr) => tr.getBoundingClientRect().height);
  const normal = await env.open(t, '/?view=matrix');
  const normalRow = await rowHeight(normal);
  await normal.close();
  const compact = await env.open(t, '/?view=matrix&density=compact');
  const compactRow = await rowHeight(compact);
  assert.ok(compactRow <= normalRow * 0.9, `compact row ${compactRow}px, normal ${normalRow}px`);
  // The controls whose height compact spacing changes (links and text buttons in a line of
  // text keep their line's height).
  const smallest = await compact.$$eval('.mc-value-button, .mc-sort-button, .mc-name-button, .mc-tab, select, .mc-check, .mc-fold, summary', (els) =>
    Math.min(...els.filter((e) => e.getBoundingClientRect().width > 0).map((e) => e.getBoundingClientRect().height)));
  assert.ok(smallest >= 24, `the smallest target is ${smallest}px`);
  await compact.assertClean();
  await compact.close();
  // The chooser's cards too.
  const chooser = (q) => `/?view=choose&needs=no-phone${q}`;
  const cardHeight = (page) => page.$eval('li[data-rank="1"]', (li) => li.getBoundingClientRect().height);
  const a = await env.open(t, chooser(''));
  const normalCard = await cardHeight(a);
  await a.close();
  const b = await env.open(t, chooser('&density=compact'));
  assert.ok((await cardHeight(b)) < normalCard, 'a shorter card');
  await b.close();
});

test('each font is a fixed local stack, and hidden parts are gone', async (t) => {
  const first = (page) => page.evaluate(() => getComputedStyle(document.body).fontFamily.split(',')[0].trim().replace(/"/g, ''));
  for (const [font, family] of [['', 'system-ui'], ['system', 'system-ui'], ['sans', 'Helvetica Neue'], ['serif', 'Georgia'], ['mono', 'ui-monospace']]) {
    const page = await env.open(t, `/?view=matrix${font ? `&font=${font}` : ''}`);
    assert.equal(await first(page), family, `font=${font}`);
    // Controls take the font too.
    assert.equal(await page.$eval('#mc-language', (el) => getComputedStyle(el).fontFamily.split(',')[0].trim().replace(/"/g, '')), family);
    await page.assertClean();
    await page.close();
  }
  const page = await env.open(t, '/?view=matrix&hide=lang,theme,tabs,glossary');
  for (const selector of ['#mc-language', '#mc-theme', '.mc-tabs', '.mc-criteria', '#mc-criteria-history-title']) {
    assert.equal(await page.count(selector), 0, `${selector} is hidden`);
  }
  assert.ok(!(await page.innerText('.mc')).includes('How the guide'), 'no criteria history');
  assert.equal((await page.rowIds()).length, 10, 'the matrix stays');
  assert.deepEqual(await page.axe(), []);
  await page.assertClean();
  await page.close();
});

test('bad option values are ignored and named in the notice; the rest applies', async (t) => {
  const page = await env.open(t, '/?view=matrix&accent=red&density=tight&font=Comic%20Sans&hide=lang,footer');
  const notice = await page.innerText('[data-notice="ignored"]');
  for (const named of ['accent=red', 'density=tight', 'font=Comic Sans', 'hide=footer']) {
    assert.ok(notice.includes(named), `${named} in: ${notice}`);
  }
  assert.ok(!notice.includes('hide=lang'), 'a known part is not named');
  assert.equal(await page.count('#mc-language'), 0, 'the known part still applies');
  assert.deepEqual(await colourOf(page, ACCENTED), [10, 86, 194], 'the widget’s own accent');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.density ?? null), null);
  await page.assertClean();
  await page.close();

  // A pair's colour that is hard to read in its theme: refused there, named with the theme.
  const grey = await env.open(t, '/?view=matrix&theme=light&accent=%23808080,%236fdca6');
  assert.ok((await grey.innerText('[data-notice="ignored"]')).includes('accent=#808080,#6fdca6 (theme=light)'));
  assert.deepEqual(await colourOf(grey, ACCENTED), [10, 86, 194]);
  await grey.close();
  // CSS smuggled in a colour is never applied.
  const smuggled = await env.open(t, '/?view=matrix&accent=%230b7a4b;background:red');
  assert.ok((await smuggled.innerText('[data-notice="ignored"]')).includes('accent=#0b7a4b;background:red'));
  assert.equal(await smuggled.evaluate(() => document.documentElement.getAttribute('style') ?? ''), '');
  await smuggled.close();
});

test('embed.js passes the options on, and names each bad one in a console warning', async (t) => {
  const host = await env.open(t, '/embed-example.html', {
    viewport: { width: 1024, height: 800 },
    wait: false,
    // Records the host script's warnings (the harness records errors only).
    initScript: () => {
      window.__warnings = [];
      const warn = console.warn.bind(console);
      console.warn = (...a) => {
        window.__warnings.push(a.join(' '));
        warn(...a);
      };
    },
  });
  await host.waitFor('iframe');
  await host.evaluate(() => {
    const add = (id, attributes) => {
      const div = document.createElement('div');
      div.id = id;
      div.setAttribute('data-messenger-compare', '');
      for (const [k, v] of Object.entries(attributes)) div.setAttribute(`data-${k}`, v);
      // First on the page, in view: the iframe loads lazily.
      document.querySelector('main').prepend(div);
    };
    add('bad', { accent: 'red', density: 'tight', font: 'Comic Sans', hide: 'footer,lang' });
    add('good', { accent: '#0b7a4b', density: 'compact', font: 'serif', hide: 'tabs,glossary', theme: 'light' });
    const script = document.createElement('script');
    script.src = 'embed.js';
    document.body.append(script);
  });
  await host.waitFor('#good iframe');
  await host.waitFor('#bad iframe');
  const params = (id) => host.evaluate((i) => Object.fromEntries(new URL(document.querySelector(`#${i} iframe`).src).searchParams), id);
  assert.deepEqual(await params('good'), { embed: '1', theme: 'light', accent: '#0b7a4b', density: 'compact', font: 'serif', hide: 'tabs,glossary' });
  assert.deepEqual(await params('bad'), { embed: '1', hide: 'lang' });
  const warnings = await host.evaluate(() => window.__warnings);
  for (const named of ['data-accent="red"', 'data-density="tight"', 'data-font="Comic Sans"', 'data-hide="footer"']) {
    assert.ok(warnings.some((w) => w.includes(named)), `${named} in ${JSON.stringify(warnings)}`);
  }
  assert.equal(warnings.length, 4, 'one warning per dropped value, none for good ones');
  // The good embed shows its options.
  await host.evaluate(() => document.getElementById('good').scrollIntoView());
  const frame = host.frame('#good iframe');
  await frame.waitFor('html[data-ready] tr[data-messenger]', undefined, { timeout: 30000 });
  assert.deepEqual(await colourOf(frame, ACCENTED), [11, 122, 75]);
  assert.equal(await frame.evaluate(() => getComputedStyle(document.body).fontFamily.split(',')[0]), 'Georgia');
  assert.equal(await frame.count('.mc-tabs'), 0);
  assert.equal(await frame.count('.mc-criteria'), 0);
  assert.equal(await frame.evaluate(() => document.documentElement.dataset.density), 'compact');
  await host.collect();
  assert.deepEqual(host.problems.errors, []);
  await host.close();
});

test('the builder: nothing until opened; options change the code and the live preview; copy', async (t) => {
  const page = await env.open(t, '/?view=matrix&show=signal,briar', { viewport: { width: 1280, height: 900 }, clipboard: true });
  assert.equal(await page.count('.mc-embed-builder'), 0, 'the builder is not built before it is opened');
  assert.equal(await page.count('iframe'), 0, 'no preview frame on a normal visit');
  const before = (await page.collect()).requests.length;
  await page.click('.mc-embed-code summary');
  await page.waitFor('.mc-embed-preview iframe');
  const snippet = () => page.value('#mc-embed-snippet');
  assert.match(await snippet(), /^<div data-messenger-compare data-show="signal,briar" data-lang="en"><\/div>\n<script src="http:\/\/127\.0\.0\.1:\d+\/embed\.js" defer><\/script>$/);
  const preview = page.frame('.mc-embed-preview iframe');
  await preview.waitFor('html[data-ready] tr[data-messenger="briar"]');
  assert.deepEqual(await preview.rowIds(), ['signal', 'briar'], 'the preview shows the view');
  if (page.session.native) {
    assert.ok(page.problems.requests.slice(before).some((u) => u.includes('embed=1')), 'the frame loads only once opened');
  }

  // The preview sizes itself as a real embed: the frame is as tall as the widget in it.
  const fits = () => {
    const f = document.querySelector('.mc-embed-preview iframe');
    const inner = f.contentDocument?.querySelector('.mc')?.getBoundingClientRect();
    return inner && Math.abs(f.getBoundingClientRect().height - Math.ceil(inner.bottom + f.contentWindow.scrollY)) <= 2;
  };
  await page.waitFor(fits);

  // Each option: into the code, and into the preview.
  const type = (selector, text) =>
    page.$eval(selector, (el, v) => {
      el.value = v;
      el.dispatchEvent(new InputEvent('input', { bubbles: true }));
    }, text);
  // The preview shows a change once it has loaded it, as a person would wait to see it.
  const shows = (expected) =>
    preview.waitFor((want) => {
      const got = new URLSearchParams(location.search);
      return Object.entries(want).every(([k, v]) => got.get(k) === v) && !!document.querySelector('html[data-ready] tr[data-messenger="briar"]');
    }, expected);
  await page.select('#mc-embed-theme', 'dark');
  await shows({ theme: 'dark' });
  await page.check('#mc-embed-transparent');
  await shows({ bg: 'transparent' });
  await type('#mc-embed-accent', '#0b7a4b,#6fdca6');
  await shows({ accent: '#0b7a4b,#6fdca6' });
  await page.check('#mc-embed-density');
  await shows({ density: 'compact' });
  await page.select('#mc-embed-font', 'mono');
  await shows({ font: 'mono' });
  await page.check('#mc-embed-hide-tabs');
  await shows({ hide: 'tabs' });
  await page.check('#mc-embed-hide-glossary');
  await shows({ hide: 'tabs,glossary' });
  assert.equal(
    (await snippet()).split('\n')[0],
    '<div data-messenger-compare data-show="signal,briar" data-lang="en" data-theme="dark" data-bg="transparent" data-accent="#0b7a4b,#6fdca6" data-density="compact" data-font="mono" data-hide="tabs,glossary"></div>',
  );
  assert.equal(await preview.count('html[data-theme="dark"][data-bg="transparent"][data-density="compact"][data-font="mono"]'), 1);
  assert.deepEqual(await colourOf(preview, ACCENTED), [111, 220, 166]);
  assert.equal(await preview.count('.mc-tabs'), 0);
  assert.equal(await preview.count('.mc-criteria'), 0);
  assert.match(await preview.evaluate(() => getComputedStyle(document.body).fontFamily), /^ui-monospace/);
  await page.waitFor(fits);
  // The page itself keeps its own look.
  assert.equal(await page.evaluate(() => document.documentElement.dataset.font ?? null), null);
  assert.match(new URL(await page.url()).search, /^\?view=matrix&show=signal,briar&lang=en$/);

  // A malformed accent is said in words and never reaches the code.
  await type('#mc-embed-accent', 'blue');
  await page.waitFor('[data-problem="accent"]');
  assert.match(await page.innerText('[data-problem="accent"]'), /#rrggbb/);
  assert.equal(await page.attribute('#mc-embed-accent', 'aria-invalid'), 'true');
  assert.ok(!(await snippet()).includes('data-accent'));
  await shows({ accent: null });
  // A pair's side that is hard to read: said for that theme.
  await type('#mc-embed-accent', '#0b7a4b,#0b7a4b');
  await page.waitFor(() => /dark theme/.test(document.querySelector('[data-problem="accent"]')?.innerText ?? ''));
  await shows({ accent: '#0b7a4b,' });
  await type('#mc-embed-accent', '#0b7a4b');
  await page.waitFor('[data-problem="accent"]', undefined, { state: 'detached' });
  await page.waitFor(() => document.querySelector('#mc-embed-snippet').value.includes('data-accent="#0b7a4b"'));
  await shows({ accent: '#0b7a4b' });

  // Copy: the code on the clipboard, and a confirmation a screen reader hears.
  await page.click('[data-copy="embed"]');
  const status = await page.waitFor(() => document.querySelector('.mc-embed-status[role="status"]')?.innerText.trim());
  if (page.readsClipboard) {
    assert.equal(status, 'Copied.');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await snippet());
  } else {
    page.note(`the page cannot read the clipboard here (a paste prompt no driver answers): the confirmation is checked instead (“${status}”)`);
    if (status !== 'Copied.') {
      // Refused: the code is selected for the reader to copy by hand, and the page says so.
      assert.match(status, /Ctrl\+C/);
      assert.equal(await page.evaluate(() => {
        const a = document.querySelector('#mc-embed-snippet');
        return a.value.slice(a.selectionStart, a.selectionEnd);
      }), await snippet());
    }
  }
  // A change clears the confirmation, which would no longer be true.
  await page.select('#mc-embed-font', 'serif');
  await page.waitFor(() => document.querySelector('.mc-embed-status').innerText.trim() === '');
  await shows({ font: 'serif' });

  assert.deepEqual(await page.axe(), []);
  await page.assertClean();
  // Closing it removes the preview again.
  await page.click('.mc-embed-code summary');
  await page.waitFor('.mc-embed-builder', undefined, { state: 'detached' });
  assert.equal(await page.count('iframe'), 0);
  await page.close();
});

test('the builder passes axe in dark and in Hebrew at 360 px, keyboard only', async (t) => {
  const page = await env.open(t, '/?view=matrix&lang=he', { viewport: { width: 360, height: 800 }, colorScheme: 'dark' });
  await page.focus('.mc-embed-code summary');
  await page.press('Enter');
  await page.waitFor('.mc-embed-preview iframe');
  // The options are reachable and work from the keyboard.
  await page.focus('#mc-embed-density');
  await page.press('Space');
  await page.waitFor(() => document.querySelector('#mc-embed-snippet').value.includes('data-density="compact"'));
  assert.equal(await page.attribute('#mc-embed-snippet', 'dir'), 'ltr', 'code reads left to right');
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.mc-embed-builder')).direction), 'rtl');
  const right = await page.evaluate(() => document.documentElement.clientWidth);
  const widest = await page.$$eval('.mc-embed-builder *', (els) => Math.max(...els.map((e) => e.getBoundingClientRect().right)));
  assert.ok(widest <= right + 1, `nothing wider than the screen (${widest} > ${right})`);
  assert.deepEqual(await page.axe(), []);
  await page.assertClean();
  await page.close();
});

test('the single file says why it has no preview', async (t) => {
  const page = await env.open(t, pathToFileURL(join(DIST, 'messenger-compare.html')).href + '?view=matrix');
  await page.click('.mc-embed-code summary');
  await page.waitFor('[data-preview="unavailable"]');
  assert.equal(await page.count('iframe'), 0);
  assert.match(await page.innerText('[data-preview="unavailable"]'), /single-file/);
  assert.ok((await page.value('#mc-embed-snippet')).startsWith('<div data-messenger-compare'));
  await page.assertClean();
  await page.close();
});
