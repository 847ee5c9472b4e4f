// The static server of the browser tests, of `tools/run.sh serve` (tools/serve.mjs) and of the
// benchmark (tools/bench.mjs): serves a bundle on 127.0.0.1, nothing else.
//
// For the tests (`probe: true`) it also serves a few files of the harness's own, under
// `/__`-prefixed paths that no bundle uses:
//   /__probe.js  a same-origin script that it puts first in the <head> of every HTML page it
//                serves. WebKit's WebDriver has no console log and no network events, so the
//                probe records console.error, error and unhandledrejection events, CSP
//                violations (securitypolicyviolation) and the URL of every resource of another
//                origin (PerformanceObserver) in the page itself, and the harness reads them
//                back. The page's CSP (`script-src 'self'`) allows it as it is.
//                sw.js is served with the probe (and its SRI hash) in its file list, so that
//                the probe is there offline too.
//   /__axe.js    axe-core, loaded by a <script src> (the CSP refuses inline scripts).
//   /__init.js   a test's own script to run first (`init`), put after the probe while set.
//   /__frame.html?w=&h=&src=  a page that holds `src` in an iframe of w × h CSS pixels, for a
//                viewport narrower than a browser window can be (MiniBrowser's is ≥ 447 px).
// A second server for a host site on another origin (the MkDocs fixture) takes `replace`, strings
// put in place of others in every HTML and XML file it serves (origins known only when the
// tests run: the widget's, and the site's own for its sitemap), and `allow`, the other origins
// whose resources its probe takes as the page's own (the widget's, which the host embeds).
// `overrides` answers chosen paths with a given status and body (a missing or broken file),
// the same for every engine, instead of each engine's request interception. `stop()` and
// `start()` take the server down and back up on the same port: "offline" for every engine is
// the server gone, as in a real outage. `setRoot(dir)` serves another bundle from then on (a
// deploy: the old bundle's files are gone), and `misses` lists every path answered 404.

import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);

// What a static host gzips (`compress`), as the benchmark and Lighthouse measure a real one.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.xml']);

export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.png': 'image/png',
};

const probeScript = (allow) => `// The test harness's probe (see tests/browser/server.mjs): records what the page reports.
(() => {
  const rec = (window.__mcProbe = { errors: [], uncaught: [], csp: [], foreign: [] });
  const text = (v) => (v instanceof Error ? v.message : typeof v === 'string' ? v : (() => { try { return JSON.stringify(v); } catch { return String(v); } })());
  const original = console.error;
  console.error = function (...args) {
    rec.errors.push(args.map(text).join(' '));
    return original.apply(this, args);
  };
  addEventListener('error', (e) => {
    if (e.target && e.target !== window && e.target.nodeType === 1) {
      rec.errors.push('failed to load ' + (e.target.src || e.target.href || e.target.tagName));
    } else {
      rec.errors.push(e.message || String(e.error));
      rec.uncaught.push(e.message || String(e.error));
    }
  }, true);
  addEventListener('unhandledrejection', (e) => {
    rec.errors.push('unhandled rejection: ' + text(e.reason));
    rec.uncaught.push('unhandled rejection: ' + text(e.reason));
  });
  document.addEventListener('securitypolicyviolation', (e) => rec.csp.push(e.violatedDirective + ' ' + e.blockedURI));
  const own = [location.origin, ...${JSON.stringify(allow)}];
  const look = (entries) => {
    for (const e of entries) {
      const url = e.name;
      if (/^(data|blob|about):/.test(url)) continue;
      if (!own.includes(new URL(url, location.href).origin)) rec.foreign.push(url);
    }
  };
  try {
    new PerformanceObserver((list) => look(list.getEntries())).observe({ type: 'resource', buffered: true });
  } catch (e) {
    rec.errors.push('probe: no PerformanceObserver: ' + e.message);
  }
})();
`;

const FRAME = `<!doctype html>
<html><head><meta charset="utf-8"><title>viewport</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/__frame.css"></head>
<body><iframe id="__viewport" title="viewport"></iframe><script src="/__frame.js"></script></body></html>
`;
const FRAME_CSS = 'html,body{margin:0;padding:0}iframe{border:0;display:block}';
const FRAME_JS = `const q = new URLSearchParams(location.search);
const f = document.getElementById('__viewport');
f.style.width = q.get('w') + 'px';
f.style.height = q.get('h') + 'px';
f.src = q.get('src');
`;

let axeSource;

/**
 * Serves `root` on 127.0.0.1 (a free port unless `port` is given): a folder, or an object
 * of folders by first path segment ({ site: dir } serves dir at /site/). With `probe`, also
 * the harness's files and the probe in every HTML page (`allow`: other origins the probe
 * takes as the page's own); `replace` ({ from: to }, also a Map on the result, to add to once
 * the port is known) rewrites every HTML and XML file it serves; `cacheControl` is the
 * Cache-Control header of every file of the bundle (none unless given: `no-store`,
 * `max-age=3600`); `compress` gzips text and wasm for a client that accepts it, as a static
 * host does (the benchmark and Lighthouse). Returns { origin, port, overrides, misses, replace, init, setRoot, stop,
 * start, close }.
 */
export async function serve(root, { port = 0, probe = false, log = false, cacheControl, replace = {}, allow = [], compress = false } = {}) {
  const mounts = typeof root === 'string' ? null : Object.fromEntries(Object.entries(root).map(([k, v]) => [k, resolve(v)]));
  if (!mounts) root = resolve(root);
  const overrides = new Map();
  const misses = [];
  const rewrites = new Map(Object.entries(replace));
  const self = { init: null };
  const PROBE = probeScript(allow);
  const PROBE_SRI = `sha384-${createHash('sha384').update(PROBE).digest('base64')}`;
  const handler = async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const path = decodeURIComponent(url.pathname);
    if (log) console.log(`${req.method} ${req.url}`);
    const send = (status, type, body) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (overrides.has(path)) {
      const o = overrides.get(path);
      return send(o.status ?? 200, o.type ?? TYPES[extname(path)] ?? 'text/plain', o.body ?? '');
    }
    if (probe) {
      if (path === '/__probe.js') return send(200, TYPES['.js'], PROBE);
      if (path === '/__init.js') return send(200, TYPES['.js'], self.init ?? '');
      if (path === '/__frame.html') return send(200, TYPES['.html'], FRAME);
      if (path === '/__frame.css') return send(200, TYPES['.css'], FRAME_CSS);
      if (path === '/__frame.js') return send(200, TYPES['.js'], FRAME_JS);
      if (path === '/__axe.js') {
        axeSource ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
        return send(200, TYPES['.js'], axeSource);
      }
    }
    let base = root;
    let rest = path;
    if (mounts) {
      const [, site, ...more] = path.split('/');
      base = mounts[site];
      rest = '/' + more.join('/');
      if (!base) return send(404, 'text/plain', 'not found');
    }
    let file = normalize(join(base, rest));
    if (file !== base && !file.startsWith(base + '/')) return send(403, 'text/plain', 'forbidden');
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file);
      const ext = extname(file);
      if ((ext === '.html' || ext === '.xml') && rewrites.size) {
        body = [...rewrites].reduce((text, [from, to]) => text.replaceAll(from, to), body.toString('utf8'));
      }
      if (probe && ext === '.html') {
        body = body.toString('utf8').replace(/<head>/i, '<head><script src="/__probe.js"></script>' + (self.init ? '<script src="/__init.js"></script>' : ''));
      } else if (probe && file.endsWith('/sw.js')) {
        body = body.toString('utf8').replace('const FILES = {', () => `const FILES = {"/__probe.js":"${PROBE_SRI}",`);
      }
      const headers = { 'content-type': TYPES[ext] ?? 'application/octet-stream', ...(cacheControl ? { 'cache-control': cacheControl } : {}) };
      if (compress && COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        body = gzipSync(body, { level: 9 });
        Object.assign(headers, { 'content-encoding': 'gzip', vary: 'accept-encoding' });
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      misses.push(path);
      send(404, 'text/plain', 'not found');
    }
  };
  let server;
  const start = () =>
    new Promise((ok, fail) => {
      server = createServer(handler);
      server.on('error', fail);
      server.listen(port, '127.0.0.1', () => {
        port = server.address().port;
        ok();
      });
    });
  const stop = () =>
    new Promise((ok) => {
      if (!server) return ok();
      server.close(() => ok());
      server.closeAllConnections();
      server = undefined;
    });
  await start();
  const setRoot = (dir) => {
    root = resolve(dir);
  };
  return Object.assign(self, { origin: `http://127.0.0.1:${port}`, port, overrides, misses, replace: rewrites, setRoot, start, stop, close: stop });
}
