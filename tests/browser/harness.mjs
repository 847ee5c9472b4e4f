// The browser tests' one harness: a static server for a bundle on loopback (server.mjs), one
// of three engines chosen by ENGINE=chromium|firefox|webkit (engines.mjs), and one small page
// API that the tests call, never an engine library. Every page gets the same checks: no
// console error, no request to another origin, no CSP violation, and what a reader sees (no
// raw text key on screen, no empty or invisible value cell or standing badge).
//
// What each engine cannot observe, and how the harness captures it instead:
// - WebKit (WebKitWebDriver, classic WebDriver) has no console log and no network events:
//   console errors, uncaught errors, CSP violations and requests to other origins come from
//   the server's same-origin probe script (/__probe.js, first in every served page's <head>),
//   read back from the page. On a file:// page there is no probe; the test says so.
// - Firefox over WebDriver BiDi and WebKit cannot emulate print media: the harness turns the
//   page's `@media print` rules on and its screen rules off through the CSSOM. WebKit has no
//   PDF printing at all.
// - Colour scheme, reduced motion, language and JavaScript off are browser-wide in Firefox
//   (prefs, one Firefox per set) and WebKit (MiniBrowser's --dark-mode and
//   --enable-javascript=false, the driver's locale and GTK settings, one driver per set);
//   Chromium emulates them per page.
// - MiniBrowser's window is never narrower than its toolbar: narrower viewports run the page
//   in a same-origin iframe of that size (/__frame.html), and the test says so.
// - Offline is the test server stopped (`env.server.stop()`), the same in every engine.
// - Reading the clipboard: Chromium by a permission for the test server's origin, Firefox by
//   its testing pref (dom.events.testing.asyncClipboard); WebKit shows a paste prompt no
//   driver answers, so a test checks what the page says instead (`page.readsClipboard`).

import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { serve } from './server.mjs';
import { engine, ENGINE } from './engines.mjs';
import { decodePng } from './png.mjs';

export { ENGINE };
const here = dirname(fileURLToPath(import.meta.url));
export const DIST = join(here, '..', '..', 'dist');
/** The 1,000-messenger bundle that `tools/run.sh test` builds for the large-list tests. */
export const LARGE_DIST = join(here, '..', '..', 'target', 'large-dist');
/** The MkDocs Material site that `tools/run.sh test` builds from tests/fixtures/mkdocs/. */
export const MKDOCS_SITE = join(here, '..', '..', 'target', 'mkdocs-site');
/** Where a host site names the widget's origin, until its server puts the real one in place. */
export const WIDGET_ORIGIN_PLACEHOLDER = 'https://messenger-compare.invalid';
/**
 * Where a host site names its own origin (MkDocs' site_url, in its sitemap): Material's instant
 * navigation takes only the links its sitemap lists, port included.
 */
export const HOST_ORIGIN_PLACEHOLDER = 'https://mkdocs-host.invalid';

/** A locale's texts as the repository has them (`data/locales/<tag>.json`): key → text. */
export async function localeTexts(tag) {
  return JSON.parse(await readFile(join(here, '..', '..', 'data', 'locales', `${tag}.json`), 'utf8'));
}
/** The English texts, which every test reads what a reader sees against. */
export const ENGLISH = await localeTexts('en');

const TEXT_KEYS = Object.keys(ENGLISH);
const DEFAULT_VIEWPORT = { width: 1280, height: 900 };

/**
 * Serves a bundle and starts the engine for the test file that calls it, and tears both down
 * after. `env.open(t, path, options)` opens a page; `env.server` is the server, started with
 * `server` options (e.g. `{ cacheControl: 'max-age=3600' }`, see server.mjs). With `host`
 * (a built site), `env.host` serves it on a second origin, with the widget's origin in place
 * of WIDGET_ORIGIN_PLACEHOLDER: a host page that embeds the widget from another origin.
 */
export function withBrowser(root = DIST, { host, server = {} } = {}) {
  const env = { engine: null, server: null, host: null };
  before(async () => {
    env.server = await serve(root, { ...server, probe: true });
    if (host) {
      env.host = await serve(host, { probe: true, replace: { [WIDGET_ORIGIN_PLACEHOLDER]: env.server.origin }, allow: [env.server.origin] });
      env.host.replace.set(HOST_ORIGIN_PLACEHOLDER, env.host.origin);
    }
    env.engine = engine();
  });
  after(async () => {
    await env.engine?.close();
    await env.host?.close();
    await env.server?.close();
  });
  env.open = (t, path, options) => openPage(env, t, path, options);
  return env;
}

/**
 * Opens a fresh page (its own storage) at `path` (on the test server, or an absolute URL).
 * Options: viewport {width, height}; colorScheme 'light'|'dark'; reducedMotion 'reduce'|
 * 'no-preference'; locale (the browser's language); javaScript false; initScript (a function
 * that runs first in every page the server serves, until the next page is opened, called with
 * initArg, a JSON value); wait
 * false (do not wait for the app to take over); clipboard true (let the page read the
 * clipboard where the engine can: `page.readsClipboard` says whether it does).
 */
export async function openPage(env, t, path = '/', options = {}) {
  const { viewport = DEFAULT_VIEWPORT, wait = true, initScript, initArg = null } = options;
  env.server.init = initScript ? `(${initScript})(${JSON.stringify(initArg)});\n` : null;
  const url = /^[a-z]+:/.test(path) ? path : env.server.origin + path;
  const origin = url.startsWith('file:') ? 'file://' : new URL(url).origin;
  // A host page's own origin and the widget's, which it embeds.
  const origins = env.host && origin === env.host.origin ? [origin, env.server.origin] : [origin];
  const own = (u) => /^(data|blob|about):/.test(u) || (origin === 'file://' ? u.startsWith('file:') : origins.some((o) => u.startsWith(o + '/')));
  const problems = { errors: [], uncaught: [], foreign: [], csp: [], requests: [] };
  const session = await env.engine.open(options, problems, own, (m) => t?.diagnostic?.(`${ENGINE}: ${m}`));
  const page = new Page(env, t, session, problems, []);
  page.readsClipboard = Boolean(options.clipboard && (await session.allowClipboard?.(origin)));
  // A failed test still closes its page (WebKitWebDriver allows one session at a time).
  t?.after?.(() => page.close());
  const how = await session.setViewport(viewport.width, viewport.height);
  if (how === 'frame') page.note(`MiniBrowser's window cannot be ${viewport.width} px wide; the page runs in a same-origin iframe of ${viewport.width} × ${viewport.height} px`);
  await page.goto(url);
  if (wait) await page.ready();
  return page;
}

/** Runs in the page: what a reader would miss. Returns a list of problems. */
function readerCheck(keys) {
  const out = [];
  const shows = (el) => {
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    const visible = el.checkVisibility
      ? el.checkVisibility({ visibilityProperty: true, opacityProperty: true, contentVisibilityAuto: true })
      : style.visibility === 'visible' && style.display !== 'none' && Number(style.opacity) > 0;
    const colour = style.color.match(/rgba?\(([^)]+)\)/);
    const transparent = colour && colour[1].split(/[ ,/]+/).length === 4 && Number(colour[1].split(/[ ,/]+/)[3]) === 0;
    if (!visible) return 'is invisible';
    if (r.width < 1 || r.height < 1) return 'has no box';
    if (parseFloat(style.fontSize) < 1) return 'has no font size';
    if (transparent) return 'has transparent text';
    if (!el.innerText.trim()) return 'shows no text';
    return null;
  };
  for (const td of document.querySelectorAll('td[data-value]')) {
    const word = td.querySelector('.mc-value-word') ?? td;
    const why = shows(td) ?? shows(word);
    const row = td.closest('[data-messenger]')?.dataset.messenger ?? '?';
    if (why) out.push(`value cell ${row}.${td.dataset.criterion} (${td.dataset.value}) ${why}`);
  }
  for (const badge of document.querySelectorAll('tr[data-messenger] [data-standing]')) {
    const why = shows(badge);
    if (why) out.push(`standing badge of ${badge.closest('tr').dataset.messenger} (${badge.dataset.standing}) ${why}`);
  }
  const text = document.body?.innerText ?? '';
  const known = new Set(keys);
  for (const m of text.matchAll(/(?<![\w@/.-])(?:ui|criterion|group|value|status|platform|channel|network|edition|diagram|messenger)\.[a-z0-9][\w-]*(?:\.[\w-]+)*/g)) {
    const key = m[0].replace(/\.$/, '');
    if (known.has(key) || key.split('.').length >= 3) out.push(`raw text key on screen: ${key}`);
  }
  return out;
}

class Page {
  constructor(env, t, session, problems, frames) {
    this.env = env;
    this.t = t;
    this.session = session;
    this.problems = problems;
    this.frames = frames;
    this.engine = ENGINE;
  }

  /** Says in the test's output what this engine cannot do here, and what is done instead. */
  note(message) {
    this.t?.diagnostic?.(`${ENGINE}: ${message}`);
  }

  /**
   * The same page API, inside the iframe `selector`, of this origin or another (every engine
   * enters a cross-origin frame: puppeteer's frame over CDP or BiDi, WebDriver's Switch To
   * Frame); `collect()` and `assertClean()` there read that frame's own probe.
   */
  frame(selector) {
    return new Page(this.env, this.t, this.session, this.problems, [...this.frames, selector]);
  }

  // ------------------------------------------------------------ navigation

  async goto(path) {
    await this.collect();
    const url = /^[a-z]+:/.test(path) ? path : this.env.server.origin + path;
    await this.session.navigate(url);
  }
  async reload() {
    await this.collect();
    await this.session.reload();
  }
  /** Waits until the app has taken over the served page and shows a view. */
  async ready() {
    await this.waitFor('html[data-ready]');
    await this.waitFor('tr[data-messenger], .mc-networks, .mc-compare, .mc-choose');
  }
  /** The page's address once the app has written it: the app writes it after the frame that
   * shows a change, so this waits for one painted frame first. */
  url() {
    return this.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(location.href), 0))));
  }

  // ------------------------------------------------------------ reading

  /** Runs `fn(...args)` in the page (arguments and result as JSON); awaits a promise. */
  evaluate(fn, ...args) {
    return this.session.run(String(fn), args, this.frames);
  }
  /** `fn(elements, ...args)` over every element matching `selector`. */
  $$eval(selector, fn, ...args) {
    return this.session.run(`(sel, ...a) => (${fn})([...document.querySelectorAll(sel)], ...a)`, [selector, ...args], this.frames);
  }
  /** `fn(element, ...args)` for the first element matching `selector`; fails if none. */
  async $eval(selector, fn, ...args) {
    await this.waitFor(selector);
    return this.session.run(`(sel, ...a) => (${fn})(document.querySelector(sel), ...a)`, [selector, ...args], this.frames);
  }
  count(selector) {
    return this.$$eval(selector, (els) => els.length);
  }
  attribute(selector, name) {
    return this.$eval(selector, (el, n) => el.getAttribute(n), name);
  }
  /** The text as rendered: what a reader sees (CSS-hidden text is not in it). */
  innerText(selector) {
    return this.$eval(selector, (el) => el.innerText);
  }
  textContent(selector) {
    return this.$eval(selector, (el) => el.textContent);
  }
  visible(selector) {
    return this.$$eval(selector, ([el]) => {
      if (!el) return false;
      const r = el.getBoundingClientRect();
      const seen = el.checkVisibility ? el.checkVisibility({ visibilityProperty: true, opacityProperty: true }) : getComputedStyle(el).visibility === 'visible';
      return seen && r.width > 0 && r.height > 0;
    });
  }
  checked(selector) {
    return this.$eval(selector, (el) => el.checked);
  }
  value(selector) {
    return this.$eval(selector, (el) => el.value);
  }
  disabled(selector) {
    return this.$eval(selector, (el) => el.disabled);
  }
  /** The document's serialised HTML. */
  content() {
    return this.evaluate(() => document.documentElement.outerHTML);
  }

  /**
   * Waits until `condition` holds: a selector that matches, or a function (run in the page
   * with `arg`) that returns something truthy, which is returned. `{ state: 'detached' }`
   * waits for a selector to match nothing.
   */
  async waitFor(condition, arg, { timeout = 15000, state } = {}) {
    const src =
      typeof condition === 'string'
        ? state === 'detached'
          ? `(sel) => !document.querySelector(sel)`
          : `(sel) => !!document.querySelector(sel)`
        : String(condition);
    const args = typeof condition === 'string' ? [condition] : [arg];
    const end = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        const v = await this.session.run(src, args, this.frames);
        if (v) return v;
        last = v;
      } catch (e) {
        last = e; // e.g. the page is between two documents: try again
      }
      if (Date.now() > end) throw new Error(`waitFor timed out after ${timeout} ms: ${typeof condition === 'string' ? condition : src}${last instanceof Error ? ` (${last.message})` : ''}`);
      await new Promise((r) => setTimeout(r, 50)); // the polling interval, not a sleep on the result
    }
  }

  // ------------------------------------------------------------ acting

  /** Lets the page finish what an input started (Yew renders in a microtask). */
  settle() {
    return this.evaluate(() => new Promise((r) => setTimeout(r, 0)));
  }
  async click(selector) {
    await this.waitFor(selector);
    // Into view first, as a reader would scroll (nested scroll boxes included), once the
    // fonts the page asked for have loaded: a font that arrives late (a CJK fallback, say)
    // moves the rows, and WebDriver clicks the centre it measured, whatever is there by then.
    await this.$eval(selector, (el) => document.fonts.ready.then(() => el.scrollIntoView({ block: 'center', inline: 'center' })));
    await this.session.click(selector, this.frames);
    await this.settle();
  }
  async focus(selector) {
    await this.$eval(selector, (el) => el.focus());
  }
  /** A key (Enter, Space, Escape, Tab) to the focused element. */
  async press(key) {
    await this.session.press(key);
    await this.settle();
  }
  /** Chooses an option of a <select>, as a reader's choice would: input and change events. */
  async select(selector, value) {
    await this.$eval(selector, (el, v) => {
      el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }, value);
    await this.settle();
  }
  /** Ticks a checkbox by clicking it (or its label, where the box itself is drawn by CSS). */
  async check(selector) {
    if (await this.checked(selector)) return;
    const target = await this.$eval(selector, (el) => {
      const r = el.getBoundingClientRect();
      return r.width >= 4 && r.height >= 4 && getComputedStyle(el).opacity !== '0' ? null : el.id && `label[for="${el.id}"]`;
    });
    await this.click(target ?? selector);
    assert.equal(await this.checked(selector), true, `${selector} is ticked`);
  }
  /** Adds a stylesheet through the CSSOM (the page's CSP refuses <style> elements). */
  addStyle(css) {
    return this.evaluate((text) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }, css);
  }
  /** Lays the page out as for print. */
  async emulatePrint() {
    if (await this.session.emulatePrint()) return;
    this.note('cannot emulate print media over its protocol: the page’s @media print rules are switched on, and screen-only ones off, through the CSSOM');
    await this.evaluate(() => {
      const walk = (rules) => {
        for (const r of rules) {
          if (r.media && r.cssRules) r.media.mediaText = r.media.mediaText.replace(/\bprint\b/g, '__p').replace(/\bscreen\b/g, 'print').replace(/__p/g, 'all');
          if (r.cssRules) walk(r.cssRules);
        }
      };
      for (const sheet of document.styleSheets) {
        try {
          walk(sheet.cssRules);
        } catch {
          // another origin's sheet: none here
        }
      }
    });
  }
  /** A PDF of the page, or null where the engine cannot print (the test says so). */
  async pdf(options) {
    const pdf = await this.session.pdf(options);
    if (!pdf) this.note('cannot print to PDF (WebKitWebDriver has no Print command): the PDF is not checked');
    return pdf;
  }
  async screenshot(path) {
    const png = await this.session.screenshot();
    if (path) await writeFile(path, png);
    return png;
  }
  /**
   * What the screen shows in the box of the first element matching `selector`, scrolled into
   * view first: `{ width, height, rgba }` in the screenshot's pixels, four bytes each. Reads
   * the top-level page only (a frame's boxes are not the screenshot's).
   */
  async pixels(selector) {
    if (this.frames.length) throw new Error('pixels() reads the top-level page, not a frame');
    // Measured once the scroll has been painted (two frames on), so that the screenshot
    // shows the box where it was measured.
    const box = await this.$eval(selector, (el) => document.fonts.ready.then(() => new Promise((resolve) => {
      el.scrollIntoView({ block: 'center', inline: 'center' });
      requestAnimationFrame(() => requestAnimationFrame(() => {
        const r = el.getBoundingClientRect();
        resolve({ x: r.left, y: r.top, width: r.width, height: r.height, viewport: innerWidth });
      }));
    })));
    const shot = decodePng(await this.screenshot());
    const scale = shot.width / box.viewport;
    const [x0, y0] = [Math.round(box.x * scale), Math.round(box.y * scale)];
    const [width, height] = [Math.round(box.width * scale), Math.round(box.height * scale)];
    const rgba = Buffer.alloc(width * height * 4);
    for (let y = 0; y < height; y++) {
      shot.rgba.copy(rgba, y * width * 4, ((y0 + y) * shot.width + x0) * 4, ((y0 + y) * shot.width + x0 + width) * 4);
    }
    return { width, height, rgba };
  }

  // ------------------------------------------------------------ checks

  /** Reads the probe's records (of this page or frame) into `problems`, emptying them there. */
  async collect() {
    let url;
    try {
      url = await this.session.run('() => location.href', [], this.frames);
    } catch {
      return this.problems;
    }
    if (!/^https?:/.test(url)) {
      if (!this.session.native && url.startsWith('file:')) this.note('no console or network record on a file:// page (no probe there, and WebKitWebDriver has no log)');
      return this.problems;
    }
    const got = await this.session
      .run(
        `() => {
          const p = window.__mcProbe;
          if (!p) return null;
          const out = JSON.parse(JSON.stringify(p));
          for (const k of Object.keys(p)) p[k].length = 0;
          return out;
        }`,
        [],
        this.frames,
      )
      .catch(() => null);
    if (!got) {
      if (!this.session.native) this.note(`the probe was not in ${url}: its console and requests are not recorded`);
      return this.problems;
    }
    this.problems.csp.push(...got.csp);
    if (!this.session.native) {
      // WebKit: no log, no network events; the probe is the record.
      this.problems.errors.push(...got.errors);
      this.problems.uncaught.push(...got.uncaught);
      this.problems.foreign.push(...got.foreign);
    }
    return this.problems;
  }
  /** What a reader would miss on this page (raw keys, empty or invisible values and badges). */
  readerProblems() {
    return this.evaluate(readerCheck, TEXT_KEYS);
  }
  /** Fails on any console error, request to another origin, CSP violation, or reader problem. */
  async assertClean() {
    await this.collect();
    assert.deepEqual(this.problems.errors, [], 'console errors');
    assert.deepEqual(this.problems.foreign, [], 'requests to other origins');
    assert.deepEqual(this.problems.csp, [], 'CSP violations');
    assert.deepEqual(await this.readerProblems(), [], 'what a reader sees');
  }
  /** Runs axe-core for WCAG 2.0/2.1 A and AA, and 2.2 AA (target size); returns the violations, summarised. */
  async axe() {
    await this.evaluate(() =>
      'axe' in window
        ? null
        : new Promise((ok, fail) => {
            // A same-origin <script src>: the page's CSP refuses inline scripts.
            const s = document.createElement('script');
            s.src = '/__axe.js';
            s.onload = ok;
            s.onerror = () => fail(new Error('axe-core did not load'));
            document.head.append(s);
          }),
    );
    return this.evaluate(async () => {
      const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
      return result.violations.map((v) => ({
        id: v.id,
        help: v.help,
        nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
      }));
    });
  }
  /** The messenger ids of the matrix rows, top to bottom. */
  rowIds() {
    return this.$$eval('tbody tr[data-messenger]', (rows) => rows.map((r) => r.dataset.messenger));
  }
  async close() {
    this.closing ??= this.session.close();
    await this.closing;
  }
}
