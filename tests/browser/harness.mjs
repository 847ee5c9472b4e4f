// Shared set-up for the browser tests: a static server for dist/ on loopback, headless
// Chromium through playwright-core, and checks every test wants (console errors, requests to
// other origins, axe-core).

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const DIST = join(here, '..', '..', 'dist');
const require = createRequire(import.meta.url);
const AXE_SOURCE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/** The 1,000-messenger bundle that `tools/run.sh test` builds for the large-list tests. */
export const LARGE_DIST = join(here, '..', '..', 'target', 'large-dist');

/** Serves a bundle (dist/ unless told) on 127.0.0.1 at a free port. */
export async function serveDist(root = DIST) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Launches Debian's Chromium, headless. */
export function launch() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
}

/**
 * Opens a page that records console errors, page errors and every request to another origin.
 * `options` go to `browser.newContext` (viewport, colorScheme, reducedMotion, locale, ...).
 */
export async function openPage(browser, origin, path = '/', options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const problems = { errors: [], foreign: [], csp: [] };
  await page.exposeFunction('__reportCsp', (v) => problems.csp.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => window.__reportCsp(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.errors.push(m.text());
  });
  page.on('pageerror', (e) => problems.errors.push(e.message));
  page.on('request', (r) => {
    const url = r.url();
    const own = origin.startsWith('file:') ? url.startsWith('file:') : url.startsWith(origin + '/');
    if (!own && !url.startsWith('data:')) problems.foreign.push(url);
  });
  await page.goto(origin + path);
  // The served page already holds the prerendered matrix: wait for the app to take over.
  await page.waitForSelector('html[data-ready]', { timeout: 15000 });
  await page.waitForSelector('tr[data-messenger], .mc-networks, .mc-compare', { timeout: 15000 });
  return { page, context, problems };
}

/** Fails on any console error, request to another origin or CSP violation. */
export function assertClean(assert, problems) {
  assert.deepEqual(problems.errors, [], 'console errors');
  assert.deepEqual(problems.foreign, [], 'requests to other origins');
  assert.deepEqual(problems.csp, [], 'CSP violations');
}

/** Runs axe-core for WCAG 2.0/2.1 A and AA; returns the violations, summarised. */
export async function axe(page) {
  // Evaluated over the DevTools protocol, which the page's CSP (rightly) does not allow to
  // inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  );
  return result.violations.map((v) => ({
    id: v.id,
    help: v.help,
    nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
  }));
}

/** The messenger ids of the matrix rows, top to bottom. */
export function rowIds(page) {
  return page.$$eval('tbody tr[data-messenger]', (rows) => rows.map((r) => r.dataset.messenger));
}

/**
 * Serves a bundle and launches Chromium for the test file that calls it, and tears both down
 * after; the returned object holds `server` and `browser` once the tests run.
 */
export function withBrowser(root = DIST) {
  const env = {};
  before(async () => {
    env.server = await serveDist(root);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
