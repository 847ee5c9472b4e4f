// The benchmark: messenger-compare against a plain static HTML table of the same data (the
// floor) and the same data in simple-datatables (the peer), in headless Chromium over
// loopback, at N = 5 (the real dataset), 100, 1,000 and 10,000 messengers × 40 criteria
// (synthetic, generated here, never shipped). Medians over several runs.
//
// Run through `bash tools/run.sh bench` (it builds what this needs). Writes the report to
// stdout and to target/bench/report.md, with the wasm's bytes by crate and by our module
// (tools/wasm-breakdown.mjs).

import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile, readdir, rm, copyFile } from 'node:fs/promises';
import { join, dirname, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { writeSynthetic, CRITERIA } from './synthetic.mjs';
import { serve } from '../tests/browser/server.mjs';
import { breakdown, breakdownTables } from './wasm-breakdown.mjs';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'tests', 'package.json'));
const { chromium } = require('playwright-core');
const out = join(root, 'target', 'bench');
const SIZES = (process.env.BENCH_SIZES ?? '5,100,1000,10000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

async function realData() {
  const real = join(root, 'data');
  const criteria = JSON.parse(await readFile(join(real, 'criteria.json'), 'utf8')).criteria;
  const { messengers } = JSON.parse(await readFile(join(real, 'messengers.json'), 'utf8'));
  return { dir: real, criteria, messengers };
}

// ---------------------------------------------------------------- the three pages

const escape = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');

function staticTable({ criteria, messengers }) {
  const head = criteria.map((c) => `<th>${escape(c.id)}</th>`).join('');
  const rows = messengers
    .map((m) => `<tr><th>${escape(m.name)}</th>${criteria.map((c) => `<td>${m.values[c.id].value}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table id="t"><thead><tr><th>Messenger</th>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

function floorPage(data) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<link rel="stylesheet" href="plain.css"></head><body>${staticTable(data)}</body></html>`;
}

function peerPage(data) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>peer</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<link rel="stylesheet" href="simple-datatables.css"><link rel="stylesheet" href="plain.css">
<script type="module" src="peer.js"></script></head><body>${staticTable(data)}</body></html>`;
}

const PLAIN_CSS = 'body{font-family:system-ui,sans-serif;margin:1rem}table{border-collapse:collapse;font-size:14px}th,td{border-bottom:1px solid #ccc;padding:4px;text-align:start}';
const PEER_JS = "import { DataTable } from './simple-datatables.js';\nnew DataTable('#t', { paging: false, searchable: false });\n";

// ---------------------------------------------------------------- serving

// The browser tests' static server (tests/browser/server.mjs), one site per path segment.
async function serveSites(dirs) {
  const server = await serve(dirs, { cacheControl: 'no-store' });
  return { server, origin: server.origin };
}

// ---------------------------------------------------------------- measuring

// In every page before it loads: note when the first body row appears and is painted, and,
// where asked, click a sort header as soon as there is one until the sort takes effect.
function probe({ sorter, sorted }) {
  window.__bench = {};
  const start = () => {
    const seen = () => document.querySelector('tbody tr');
    const onRow = () => {
      window.__bench.firstRowSeen = performance.now();
      requestAnimationFrame(() => setTimeout(() => { window.__bench.firstRow = performance.now(); }, 0));
    };
    if (seen()) return onRow();
    const observer = new MutationObserver(() => {
      if (seen()) {
        observer.disconnect();
        onRow();
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  };
  start();
  if (sorter) {
    const tryClick = () => {
      if (document.querySelector(sorted)) {
        window.__bench.interactive = performance.now();
        return;
      }
      const button = document.querySelector(sorter);
      if (button) button.click();
      setTimeout(tryClick, 2);
    };
    tryClick();
  }
}

const median = (xs) => {
  const s = [...xs].filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const SUBJECTS = {
  floor: { path: 'index.html', sorter: null },
  peer: { path: 'index.html', sorter: 'th button.datatable-sorter', sorted: 'th[aria-sort]' },
  widget: { path: 'index.html?lang=en&view=matrix', sorter: 'th[data-criterion="forward-secrecy"] button', sorted: 'th[data-criterion="forward-secrecy"][aria-sort="descending"]' },
};

async function loadOnce(browser, url, subject) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(probe, { sorter: subject.sorter, sorted: subject.sorted });
  await page.goto(url, { waitUntil: 'load', timeout: 600000 });
  await page.waitForFunction(() => window.__bench.firstRow !== undefined, null, { timeout: 600000 });
  if (subject.sorter) await page.waitForFunction(() => window.__bench.interactive !== undefined, null, { timeout: 600000 });
  const result = await page.evaluate(() => window.__bench);
  return { page, context, result };
}

// Time from an action to the frame after the DOM has changed.
async function timed(page, action) {
  return page.evaluate(async (action) => {
    const changed = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(resolve, 0));
      });
      observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true });
    });
    const t0 = performance.now();
    if (action.click) document.querySelector(action.click).click();
    if (action.select) {
      const select = document.querySelector(action.select);
      select.value = action.value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }
    await changed;
    if (action.until) {
      while (!document.querySelector(action.until)) await new Promise((r) => requestAnimationFrame(r));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
    return performance.now() - t0;
  }, action);
}

async function measure(browser, origin, site, n) {
  const rows = [];
  for (const [name, subject] of Object.entries(SUBJECTS)) {
    const runs = n >= 10000 ? Math.min(RUNS, 3) : RUNS;
    const firstRow = [];
    const interactive = [];
    const sortLatency = [];
    const localeLatency = [];
    for (let r = 0; r < runs; r++) {
      const { page, context, result } = await loadOnce(browser, `${origin}/${site[name]}/${subject.path}`, subject);
      firstRow.push(result.firstRow);
      if (subject.sorter) interactive.push(result.interactive);
      if (name === 'widget') {
        // Alternate between two columns so that every click changes the order.
        sortLatency.push(await timed(page, { click: 'th[data-criterion="tor"] button', until: 'th[data-criterion="tor"][aria-sort="descending"]' }));
        localeLatency.push(await timed(page, { select: '#mc-language', value: 'nl', until: 'html[lang="nl"]' }));
      } else if (name === 'peer') {
        sortLatency.push(await timed(page, { click: 'th:nth-child(3) button.datatable-sorter', until: 'th:nth-child(3)[aria-sort]' }));
      }
      await context.close();
    }
    rows.push({ n, name, firstRow: median(firstRow), interactive: median(interactive), sort: median(sortLatency), locale: median(localeLatency) });
  }
  return rows;
}

// ---------------------------------------------------------------- sizes

async function sizes(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = [];
  for (const e of entries) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath ?? e.path, e.name);
    const body = await readFile(path);
    files.push({
      name: relative(dir, path).split(sep).join('/'),
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  return files.sort((a, b) => a.name.localeCompare(b.name));
}

// ---------------------------------------------------------------- main

function buildWidget(dataDir, dist) {
  execFileSync('trunk', ['build', '--release', '--offline', '--dist', dist], {
    cwd: root,
    env: { ...process.env, MC_DATA_DIR: dataDir },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const kb = (b) => (b / 1024).toFixed(1);
const ms = (x) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const ratio = (x, floor) => (Number.isFinite(x) && Number.isFinite(floor) && floor > 0 ? `${(x / floor).toFixed(2)}×` : '–');

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
// Before the synthetic builds below replace it: the module of dist/, which run.sh just built.
const wasmBytes = breakdown();
const peerDist = join(root, 'tests', 'node_modules', 'simple-datatables', 'dist');
const sites = {};
const all = [];
let widgetSizes = null;
for (const n of SIZES) {
  const data = n === 5 ? await realData() : await writeSynthetic(n, join(out, `data-${n}`));
  const floorDir = join(out, `floor-${n}`);
  const peerDir = join(out, `peer-${n}`);
  const widgetDir = n === 5 ? join(root, 'dist') : join(out, `widget-${n}`);
  await mkdir(floorDir, { recursive: true });
  await mkdir(peerDir, { recursive: true });
  await writeFile(join(floorDir, 'index.html'), floorPage(data));
  await writeFile(join(floorDir, 'plain.css'), PLAIN_CSS);
  await writeFile(join(peerDir, 'index.html'), peerPage(data));
  await writeFile(join(peerDir, 'plain.css'), PLAIN_CSS);
  await writeFile(join(peerDir, 'peer.js'), PEER_JS);
  await copyFile(join(peerDist, 'module.js'), join(peerDir, 'simple-datatables.js'));
  await copyFile(join(peerDist, 'style.css'), join(peerDir, 'simple-datatables.css'));
  if (n !== 5) {
    process.stderr.write(`bench: building the widget with ${n} synthetic messengers\n`);
    buildWidget(data.dir, widgetDir);
  }
  if (n === 5) widgetSizes = await sizes(widgetDir);
  Object.assign(sites, { [`floor-${n}`]: floorDir, [`peer-${n}`]: peerDir, [`widget-${n}`]: widgetDir });
  all.push({ n, site: { floor: `floor-${n}`, peer: `peer-${n}`, widget: `widget-${n}` } });
}

const { server, origin } = await serveSites(sites);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const results = [];
for (const { n, site } of all) {
  process.stderr.write(`bench: measuring N = ${n}\n`);
  results.push(...(await measure(browser, origin, site, n)));
}
await browser.close();
server.close();

const lines = [];
lines.push(`# messenger-compare benchmark`, '');
lines.push(`Headless Chromium over loopback on this machine (${new Date().toISOString().slice(0, 10)}); medians of ${RUNS} runs (3 at N = 10,000), times in ms. ${CRITERIA} criteria for synthetic N; the real dataset has 21. Ratios are against the static floor.`, '');
lines.push('| N | page | first row | × floor | interactive (sort works) | sort latency | locale switch |');
lines.push('|---:|---|---:|---:|---:|---:|---:|');
for (const r of results) {
  const floor = results.find((x) => x.n === r.n && x.name === 'floor');
  lines.push(`| ${r.n} | ${r.name} | ${ms(r.firstRow)} | ${ratio(r.firstRow, floor.firstRow)} | ${ms(r.interactive)} | ${ms(r.sort)} | ${ms(r.locale)} |`);
}
lines.push('', '## Transfer size of the real bundle (dist/)', '');
lines.push('| file | raw KB | gzip KB | brotli KB |', '|---|---:|---:|---:|');
for (const f of widgetSizes) lines.push(`| ${f.name} | ${kb(f.raw)} | ${kb(f.gzip)} | ${kb(f.brotli)} |`);
const defaultView = widgetSizes.filter((f) => /^(index\.html|.*\.(js|wasm|css))$/.test(f.name) && !['embed.js', 'sw.js'].includes(f.name));
const sum = (key) => defaultView.reduce((a, f) => a + f[key], 0);
lines.push(`| **default view: ${defaultView.map((f) => f.name).join(' + ')}** | ${kb(sum('raw'))} | **${kb(sum('gzip'))}** | ${kb(sum('brotli'))} |`);
lines.push('', '## Where the wasm\'s bytes go (twiggy)', '', ...breakdownTables(wasmBytes));
const report = lines.join('\n') + '\n';
await writeFile(join(out, 'report.md'), report);
process.stdout.write(report);
