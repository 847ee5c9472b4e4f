// The three engines behind the harness's one page API (harness.mjs). Each engine gives a
// "session" (one fresh page with its own storage) with the same few primitives:
//   run(src, args, frames)   evaluate a function's source with JSON arguments, in the page or
//                            in nested iframes (a list of iframe selectors), awaiting promises
//   click(sel, frames)       a real (trusted) click on the element's centre
//   press(key)               Enter, Space, Escape or Tab to the focused element
//   navigate(url), reload(), screenshot(), pdf() (null where the engine has none), close()
//   emulatePrint()           false where the engine cannot (the harness then rewrites media rules)
//   native                   true where console, page errors and requests come from the engine
// Chromium: Debian's chromium over CDP (puppeteer-core). Firefox: Debian's firefox-esr over
// WebDriver BiDi (puppeteer-core). WebKit: Debian's WebKitWebDriver (classic WebDriver, over
// fetch) driving MiniBrowser, which needs an X display: run under `xvfb-run -a`.

import { spawn, execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';

export const ENGINE = process.env.ENGINE ?? 'chromium';
if (!['chromium', 'firefox', 'webkit'].includes(ENGINE)) throw new Error(`ENGINE=${ENGINE}: use chromium, firefox or webkit`);

const DEFAULT_LOCALE = 'en-US';

// ------------------------------------------------------------------ Chromium and Firefox

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  `--lang=${DEFAULT_LOCALE}`,
];

// Firefox must never reach the network: no telemetry, studies, remote settings, captive
// portal or connectivity checks, safe browsing lists, updates, add-on metadata, DNS over
// HTTPS, OCSP, prefetching or region lookups. (Its remote agent sets some of these too.)
const FIREFOX_QUIET = {
  'app.update.enabled': false,
  'app.update.auto': false,
  'app.update.checkInstallTime': false,
  'app.normandy.enabled': false,
  'app.normandy.api_url': '',
  'app.shield.optoutstudies.enabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.archive.enabled': false,
  'toolkit.telemetry.server': '',
  'browser.ping-centre.telemetry': false,
  'services.settings.server': 'http://127.0.0.1:9/remote-settings',
  'messaging-system.rsexperimentloader.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.downloads.remote.enabled': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
  'browser.safebrowsing.update.enabled': false,
  'browser.safebrowsing.provider.google.updateURL': '',
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.blocklist.enabled': false,
  'browser.search.update': false,
  'browser.region.update.enabled': false,
  'browser.region.network.url': '',
  'geo.provider.network.url': '',
  'media.gmp-manager.url': '',
  'media.gmp-gmpopenh264.enabled': false,
  'network.trr.mode': 5,
  'security.OCSP.enabled': 0,
  'security.remote_settings.crlite_filters.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.predictor.enabled': false,
  'browser.newtabpage.enabled': false,
  'browser.startup.page': 0,
  'browser.topsites.contile.enabled': false,
  'identity.fxaccounts.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
};

/** The browser-wide settings a page asks for (Firefox takes them as prefs at launch). */
function firefoxPrefs(o) {
  const prefs = { ...FIREFOX_QUIET, 'intl.accept_languages': o.locale ?? DEFAULT_LOCALE };
  if (o.reducedMotion) prefs['ui.prefersReducedMotion'] = o.reducedMotion === 'reduce' ? 1 : 0;
  if (o.colorScheme) prefs['layout.css.prefers-color-scheme.content-override'] = o.colorScheme === 'dark' ? 0 : 1;
  if (o.javaScript === false) prefs['javascript.enabled'] = false;
  // Lets a page read the clipboard without Firefox's paste prompt (a test's own pref).
  if (o.clipboard) prefs['dom.events.testing.asyncClipboard'] = true;
  return prefs;
}

const PUPPETEER_KEYS = { Enter: 'Enter', Space: ' ', Escape: 'Escape', Tab: 'Tab' };

class PuppeteerSession {
  native = true;
  constructor(page, context, problems) {
    this.page = page;
    this.context = context;
    this.problems = problems;
  }
  async target(frames = []) {
    let t = this.page.mainFrame();
    for (const sel of frames) {
      const handle = await t.waitForSelector(sel);
      t = await handle.contentFrame();
    }
    return t;
  }
  async run(src, args = [], frames = []) {
    const t = await this.target(frames);
    return t.evaluate(`(${src})(...${JSON.stringify(args)})`);
  }
  async click(sel, frames = []) {
    const t = await this.target(frames);
    await t.click(sel);
  }
  press(key) {
    return this.page.keyboard.press(PUPPETEER_KEYS[key] ?? key);
  }
  async navigate(url) {
    await this.page.goto(url, { waitUntil: 'load' });
  }
  async reload() {
    await this.page.reload({ waitUntil: 'load' });
  }
  setViewport(width, height) {
    return this.page.setViewport({ width, height });
  }
  screenshot() {
    return this.page.screenshot({ type: 'png' });
  }
  pdf(options) {
    return this.page.pdf(options);
  }
  /** Lets pages of `origin` read and write the clipboard; whether the engine allows it. */
  async allowClipboard(origin) {
    if (ENGINE === 'firefox') return true; // by a pref at launch (clipboard: true)
    await this.context.overridePermissions(origin, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
    return true;
  }
  async emulatePrint() {
    if (ENGINE !== 'chromium') return false; // Firefox over BiDi: puppeteer needs CDP for this.
    await this.page.emulateMediaType('print');
    return true;
  }
  async close() {
    await this.context.close();
  }
}

class PuppeteerEngine {
  browsers = new Map();
  async browser(o) {
    // Chromium: one browser, per-page emulation. Firefox: one browser per set of prefs.
    const key = ENGINE === 'chromium' ? 'one' : JSON.stringify(firefoxPrefs(o));
    if (!this.browsers.has(key)) {
      const launching =
        ENGINE === 'chromium'
          ? puppeteer.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS })
          : puppeteer.launch({
              browser: 'firefox',
              protocol: 'webDriverBiDi',
              executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
              headless: true,
              extraPrefsFirefox: firefoxPrefs(o),
            });
      this.browsers.set(key, launching);
    }
    return this.browsers.get(key);
  }
  async open(o, problems, own) {
    const browser = await this.browser(o);
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    page.setDefaultTimeout(15000);
    if (ENGINE === 'chromium') {
      const locale = o.locale ?? DEFAULT_LOCALE;
      const cdp = await page.createCDPSession();
      await cdp.send('Network.setUserAgentOverride', { userAgent: await browser.userAgent(), acceptLanguage: locale });
      await cdp.send('Emulation.setLocaleOverride', { locale });
      const features = [];
      if (o.colorScheme) features.push({ name: 'prefers-color-scheme', value: o.colorScheme });
      if (o.reducedMotion) features.push({ name: 'prefers-reduced-motion', value: o.reducedMotion });
      if (features.length) await page.emulateMediaFeatures(features);
      if (o.javaScript === false) await page.setJavaScriptEnabled(false);
    }
    page.on('console', (m) => {
      if (m.type() === 'error') problems.errors.push(m.text());
    });
    page.on('pageerror', (e) => {
      problems.errors.push(e.message);
      problems.uncaught.push(e.message);
    });
    page.on('request', (r) => {
      const url = r.url();
      problems.requests.push(url);
      if (!own(url)) problems.foreign.push(url);
    });
    return new PuppeteerSession(page, context, problems);
  }
  async close() {
    for (const b of this.browsers.values()) await (await b).close();
    this.browsers.clear();
  }
}

// ------------------------------------------------------------------ WebKit

const MINIBROWSER = ['/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.0/MiniBrowser'];
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const WD_KEYS = { Enter: '\uE007', Space: '\uE00D', Escape: '\uE00C', Tab: '\uE004' };
/** MiniBrowser's window cannot be narrower than its toolbar. */
export const WEBKIT_MIN_WIDTH = 480;

const freePort = () =>
  new Promise((ok) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });

/** A WebKitWebDriver process, with the environment that sets MiniBrowser's language and motion. */
class WebKitDriver {
  static async start(o) {
    // WebKitGTK takes navigator.languages from the process's locale (which must be generated:
    // tools/run.sh does `localedef`) and prefers-reduced-motion from GTK's
    // gtk-enable-animations setting.
    const locale = (o.locale ?? DEFAULT_LOCALE).replace('-', '_');
    const installed = execFileSync('locale', ['-a'], { encoding: 'utf8' }).toLowerCase();
    if (!installed.includes(`${locale.toLowerCase()}.utf8`)) {
      throw new Error(`WebKit takes the browser language from the system locale; ${locale}.UTF-8 is not generated (localedef -i ${locale} -f UTF-8 ${locale}.UTF-8)`);
    }
    const config = await mkdtemp(join(tmpdir(), 'mc-webkit-'));
    await mkdir(join(config, 'gtk-3.0'));
    await writeFile(join(config, 'gtk-3.0', 'settings.ini'), `[Settings]\ngtk-enable-animations=${o.reducedMotion === 'reduce' ? 0 : 1}\n`);
    const port = await freePort();
    const env = { ...process.env, LANG: `${locale}.UTF-8`, LANGUAGE: locale, LC_ALL: `${locale}.UTF-8`, XDG_CONFIG_HOME: config };
    // In a process group of its own, so that closing it also ends the MiniBrowsers it started.
    const proc = spawn(process.env.WEBKIT_DRIVER ?? 'WebKitWebDriver', [`--port=${port}`], { env, stdio: 'ignore', detached: true });
    const driver = new WebKitDriver(`http://127.0.0.1:${port}`, proc, config);
    for (let i = 0; ; i++) {
      try {
        await fetch(driver.base + '/status');
        break;
      } catch (e) {
        if (i > 100 || proc.exitCode !== null) throw new Error(`WebKitWebDriver did not start: ${e.message}`);
        await new Promise((r) => setTimeout(r, 50)); // polling the driver's port until it listens
      }
    }
    return driver;
  }
  constructor(base, proc, config) {
    this.base = base;
    this.proc = proc;
    this.config = config;
  }
  async call(method, path, body, timeout = 60000) {
    const res = await fetch(this.base + path, {
      method,
      signal: AbortSignal.timeout(timeout),
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`WebDriver ${method} ${path.replace(/^\/session\/[^/]+/, '')}: ${json.value?.error}: ${json.value?.message}`);
    return json.value;
  }
  async close() {
    try {
      process.kill(-this.proc.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await rm(this.config, { recursive: true, force: true });
  }
}

class WebKitSession {
  native = false;
  frameMode = null; // { width, height } while the page runs inside the harness's sized iframe
  constructor(driver, id) {
    this.driver = driver;
    this.id = id;
  }
  call(method, path, body) {
    return this.driver.call(method, `/session/${this.id}${path}`, body);
  }
  async find(sel) {
    const el = await this.call('POST', '/element', { using: 'css selector', value: sel });
    return el[ELEMENT];
  }
  /** Makes the frame that `frames` names (inside the sized iframe, if any) the current one. */
  async enter(frames = []) {
    if (!frames.length && !this.nested) return;
    await this.call('POST', '/frame', { id: null });
    this.nested = false;
    const path = this.frameMode ? ['#__viewport', ...frames] : frames;
    for (const sel of path) {
      const id = await this.waitFind(sel);
      await this.call('POST', '/frame', { id: { [ELEMENT]: id } });
    }
    this.nested = frames.length > 0;
  }
  async waitFind(sel) {
    for (let i = 0; ; i++) {
      try {
        return await this.find(sel);
      } catch (e) {
        if (i > 150) throw e;
        await new Promise((r) => setTimeout(r, 50)); // polling until the element exists
      }
    }
  }
  async leave() {
    if (!this.nested) return;
    await this.call('POST', '/frame', { id: null });
    this.nested = false;
    if (this.frameMode) await this.call('POST', '/frame', { id: { [ELEMENT]: await this.find('#__viewport') } });
  }
  async run(src, args = [], frames = []) {
    await this.enter(frames);
    try {
      const script = `const done = arguments[arguments.length - 1];
        Promise.resolve().then(() => (${src})(...JSON.parse(arguments[0])))
          .then((v) => done({ ok: v === undefined ? null : v }), (e) => done({ err: String((e && e.stack) || e) }));`;
      const r = await this.call('POST', '/execute/async', { script, args: [JSON.stringify(args)] });
      if (r && 'err' in r) throw new Error(`in the page: ${r.err}`);
      return r?.ok;
    } finally {
      if (frames.length) await this.leave();
    }
  }
  async click(sel, frames = []) {
    await this.enter(frames);
    try {
      await this.call('POST', `/element/${await this.find(sel)}/click`, {});
    } finally {
      if (frames.length) await this.leave();
    }
  }
  async press(key) {
    const value = WD_KEYS[key] ?? key;
    await this.call('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value }, { type: 'keyUp', value }] }] });
  }
  async navigate(url) {
    if (this.frameMode && !url.startsWith('file:')) {
      const { width, height } = this.frameMode;
      const u = new URL(url);
      await this.call('POST', '/frame', { id: null });
      await this.call('POST', '/url', { url: `${u.origin}/__frame.html?w=${width}&h=${height}&src=${encodeURIComponent(u.pathname + u.search)}` });
      await this.enterViewport();
    } else {
      await this.call('POST', '/url', { url });
    }
  }
  async enterViewport() {
    const id = await this.waitFind('#__viewport');
    // Wait until the iframe has its document, then make it the current browsing context.
    for (let i = 0; i < 300; i++) {
      const ok = await this.call('POST', '/execute/sync', {
        script: 'const f = document.getElementById("__viewport"); return !!(f.contentDocument && f.contentDocument.readyState === "complete" && f.contentWindow.location.href !== "about:blank");',
        args: [],
      });
      if (ok) break;
      await new Promise((r) => setTimeout(r, 50)); // polling the iframe's load
    }
    await this.call('POST', '/frame', { id: { [ELEMENT]: id } });
  }
  async reload() {
    if (this.frameMode) {
      await this.call('POST', '/frame', { id: null });
      await this.call('POST', '/refresh', {});
      await this.enterViewport();
    } else {
      await this.call('POST', '/refresh', {});
    }
  }
  async setViewport(width, height) {
    if (width < WEBKIT_MIN_WIDTH) {
      this.frameMode = { width, height };
      await this.call('POST', '/window/rect', { width: WEBKIT_MIN_WIDTH + 100, height: height + 200 });
      return 'frame';
    }
    this.frameMode = null;
    // The window's rect includes MiniBrowser's toolbar: size it so the page gets width × height.
    await this.call('POST', '/window/rect', { width, height });
    const inner = await this.call('POST', '/execute/sync', { script: 'return [innerWidth, innerHeight]', args: [] });
    await this.call('POST', '/window/rect', { width: 2 * width - inner[0], height: 2 * height - inner[1] });
    return 'window';
  }
  async screenshot() {
    return Buffer.from(await this.call('GET', '/screenshot'), 'base64');
  }
  pdf() {
    return null; // WebKitWebDriver has no Print Page command.
  }
  emulatePrint() {
    return false;
  }
  async close() {
    await this.call('DELETE', '').catch(() => {});
  }
}


class WebKitEngine {
  drivers = new Map();
  async open(o, problems, own, note) {
    const key = JSON.stringify([o.locale ?? DEFAULT_LOCALE, o.reducedMotion ?? 'no-preference']);
    try {
      return await this.session(key, o);
    } catch (e) {
      // MiniBrowser now and then never answers a new session: start the driver afresh, once.
      note?.(`a new WebDriver session failed (${e.message}); the driver was restarted`);
      const stale = this.drivers.get(key);
      this.drivers.delete(key);
      await (await stale)?.close();
      return this.session(key, o);
    }
  }
  async session(key, o) {
    if (!this.drivers.has(key)) this.drivers.set(key, WebKitDriver.start(o));
    const driver = await this.drivers.get(key);
    const binary = process.env.MINIBROWSER ?? MINIBROWSER.find((p) => { try { execFileSync('test', ['-x', p]); return true; } catch { return false; } });
    const args = ['--automation'];
    if (o.colorScheme === 'dark') args.push('--dark-mode');
    if (o.javaScript === false) args.push('--enable-javascript=false');
    const s = await driver.call('POST', '/session', {
      capabilities: { alwaysMatch: { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary, args } } },
    }, 30000);
    return new WebKitSession(driver, s.sessionId);
  }
  async close() {
    for (const d of this.drivers.values()) await (await d).close();
    this.drivers.clear();
  }
}

export function engine() {
  return ENGINE === 'webkit' ? new WebKitEngine() : new PuppeteerEngine();
}
