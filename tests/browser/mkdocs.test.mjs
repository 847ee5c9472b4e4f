// A real host: a MkDocs Material site (Privacy Guides' kind: instant navigation, a light/dark
// palette toggle, no Google Fonts), built by tools/run.sh from tests/fixtures/mkdocs/ and served
// on a second origin, embedding the widget from the harness's server. The widget mounts on a
// direct load and after an instant-navigation page change, follows the palette toggle both
// ways, fits its content as it grows and shrinks, and the host page stays clean.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser, DIST, MKDOCS_SITE } from './harness.mjs';

const env = withBrowser(DIST, { host: MKDOCS_SITE });

const WIDGET = '[data-messenger-compare] iframe';
const WIDE = { viewport: { width: 1280, height: 900 }, wait: false };

/**
 * Opens a page of the MkDocs site (the host's own page, not the widget's), once Material has
 * its sitemap: its instant navigation takes over only the links listed there.
 */
async function openHost(t, path) {
  const host = await env.open(t, env.host.origin + path, WIDE);
  await host.waitFor('html body[data-md-color-scheme]');
  await host.waitFor(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/sitemap.xml')));
  return host;
}

/** The widget inside the host, once it shows its matrix. */
async function widgetIn(host) {
  await host.waitFor(WIDGET);
  // Loaded lazily: the placeholder sits near the top, in view.
  const frame = host.frame(WIDGET);
  await frame.waitFor('html[data-ready] tr[data-messenger="signal"]', undefined, { timeout: 30000 });
  return frame;
}

const iframeHeight = (host) => host.evaluate((sel) => document.querySelector(sel).getBoundingClientRect().height, WIDGET);

/**
 * Waits until the iframe is as tall as the widget inside it (the frame's viewport ends at the
 * widget's bottom edge: no blank band under it and nothing cut), and returns that height.
 * The two sides are read separately: the frame is of another origin.
 */
async function fitted(host, frame) {
  const end = Date.now() + 15000;
  for (;;) {
    const outer = await iframeHeight(host);
    const inner = await frame.evaluate(() => ({ viewport: innerHeight, bottom: document.querySelector('.mc').getBoundingClientRect().bottom + scrollY }));
    if (Math.abs(outer - inner.viewport) <= 1 && Math.abs(inner.viewport - inner.bottom) <= 2) return outer;
    if (Date.now() > end) assert.fail(`the iframe (${outer} px, viewport ${inner.viewport} px) never fitted the widget (bottom at ${inner.bottom} px)`);
    await new Promise((r) => setTimeout(r, 50)); // the polling interval, not a sleep on the result
  }
}

/**
 * Waits until the widget shows `theme`: its own setting, and what a reader sees, light text on
 * a dark background or the reverse (the first opaque background behind the widget).
 */
const showsTheme = (frame, theme) =>
  frame.waitFor((want) => {
    const lightness = (colour) => {
      const [r, g, b, a = 1] = colour.match(/[\d.]+/g).map(Number);
      return a > 0.5 ? (0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? 'dark' : 'light') : null;
    };
    const widget = document.querySelector('.mc');
    let background = null;
    for (let el = widget; el && !background; el = el.parentElement) background = lightness(getComputedStyle(el).backgroundColor);
    const text = lightness(getComputedStyle(widget).color);
    return document.documentElement.dataset.theme === want && background === want && text !== want;
  }, theme);

/** Material's palette toggle, as a reader clicks it (the one label shown is the way out). */
async function togglePalette(host, scheme) {
  const input = scheme === 'slate' ? '__palette_1' : '__palette_0';
  await host.click(`label[for="${input}"]:not([hidden])`);
  await host.waitFor((s) => document.body.dataset.mdColorScheme === s, scheme);
}

test('MkDocs Material, direct load: the widget mounts from another origin, fits its content, and the host stays clean', async (t) => {
  const host = await openHost(t, '/real-time-communication/');
  const frame = await widgetIn(host);
  assert.equal(await host.count(WIDGET), 1);
  assert.equal(new URL(await host.attribute(WIDGET, 'src')).origin, env.server.origin, 'the widget comes from its own origin');
  assert.notEqual(env.server.origin, env.host.origin);
  await fitted(host, frame);
  // The text after the placeholder sits just below the iframe.
  const gap = await host.evaluate((sel) => {
    const iframe = document.querySelector(sel).getBoundingClientRect();
    const after = [...document.querySelectorAll('.md-content p')].find((p) => p.textContent.startsWith('Text after')).getBoundingClientRect();
    return after.top - iframe.bottom;
  }, WIDGET);
  assert.ok(gap >= 0 && gap < 40, `the text after the widget is just below it (${gap} px)`);
  await frame.assertClean();
  await host.assertClean();
});

test('MkDocs Material, instant navigation: a placeholder that comes without a page load is mounted once; leaving and coming back mounts it afresh', async (t) => {
  const host = await openHost(t, '/');
  assert.equal(await host.count('[data-messenger-compare]'), 0, 'the first page has no placeholder');
  // A mark that a page load would wipe.
  await host.evaluate(() => { window.__samePage = true; });
  // The reader picks the dark palette first: the widget that comes later starts dark.
  await togglePalette(host, 'slate');
  await host.click('.md-content a[href$="/real-time-communication/"]');
  await host.waitFor(() => location.pathname === '/real-time-communication/');
  let frame = await widgetIn(host);
  assert.equal(await host.evaluate(() => window.__samePage), true, 'Material swapped the content without a page load');
  assert.equal(await host.count(WIDGET), 1, 'mounted once');
  await showsTheme(frame, 'dark');
  await fitted(host, frame);
  await frame.assertClean();

  // Away to a page without a widget, and back: the old iframe goes with its page, a new one
  // is mounted and follows the palette as the first did.
  await host.click('.md-header a.md-logo');
  await host.waitFor(() => location.pathname === '/' && !document.querySelector('[data-messenger-compare]'));
  await host.click('.md-content a[href$="/real-time-communication/"]');
  await host.waitFor(() => location.pathname === '/real-time-communication/');
  frame = await widgetIn(host);
  assert.equal(await host.evaluate(() => window.__samePage), true, 'still no page load');
  assert.equal(await host.count(WIDGET), 1, 'mounted once');
  await showsTheme(frame, 'dark');
  await togglePalette(host, 'default');
  await showsTheme(frame, 'light');
  await fitted(host, frame);
  await frame.assertClean();
  await host.assertClean();
});

test('MkDocs Material, palette toggle: the widget follows light → dark → light', async (t) => {
  const host = await openHost(t, '/real-time-communication/');
  const frame = await widgetIn(host);
  await showsTheme(frame, 'light');
  await togglePalette(host, 'slate');
  await showsTheme(frame, 'dark');
  assert.equal(await host.evaluate((sel) => document.querySelector(sel).style.colorScheme, WIDGET), 'dark');
  await togglePalette(host, 'default');
  await showsTheme(frame, 'light');
  await frame.assertClean();
  await host.assertClean();
});

test('MkDocs Material, sizing: the iframe shrinks to a short view and grows back, with no blank band', async (t) => {
  const host = await openHost(t, '/real-time-communication/');
  const frame = await widgetIn(host);
  const matrix = await fitted(host, frame);
  // Compare with nothing picked yet: a short view.
  await frame.click('button.mc-tab[data-page="compare"]');
  await frame.waitFor('.mc-compare');
  await host.waitFor((h) => document.querySelector('[data-messenger-compare] iframe').getBoundingClientRect().height < h - 100, matrix);
  const short = await fitted(host, frame);
  await frame.click('button.mc-tab[data-page="matrix"]');
  await frame.waitFor('tr[data-messenger="signal"]');
  await host.waitFor((h) => document.querySelector('[data-messenger-compare] iframe').getBoundingClientRect().height > h + 100, short);
  const back = await fitted(host, frame);
  t.diagnostic(`${host.engine}: iframe height: matrix ${matrix} px, compare ${short} px, matrix again ${back} px`);
  assert.ok(Math.abs(back - matrix) <= 2, `back to the matrix's height (${matrix} → ${back} px)`);
  await frame.assertClean();
  await host.assertClean();
});
