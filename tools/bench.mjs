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
import { lighthouseRuns } from './lighthouse.mjs';
import { TARGET, defaultView } from './budget.mjs';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'tests', 'package.json'));
const { chromium } = require('playwright-core');
const out = join(root, 'target', 'bench');
const SIZES = (process.env.BENCH_SIZES ?? '5,100,1000,10000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 5);

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
  const server = await serve(dirs, { cacheControl: 'no-store', compress: true });
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
  // The matrix as embed.js frames it, prerendered in its page; the same app, so its sort and
  // language switch are not measured twice.
  embed: { path: 'embed.html?embed=1&lang=en', sorter: 'th[data-criterion="forward-secrecy"] button', sorted: 'th[data-criterion="forward-secrecy"][aria-sort="descending"]' },
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

// From an action to the frame after the DOM has reached the state `until` names, split in two:
// script, up to the mutation that reached it (for a language, the locale file's fetch too),
// and rendering, from there to the next frame (style, layout, paint).
async function timed(page, action) {
  return page.evaluate(async (action) => {
    const reached = () => !!document.querySelector(action.until);
    let t0;
    const done = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (!reached()) return;
        const settled = performance.now();
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => resolve({ script: settled - t0, render: performance.now() - settled }), 0));
      });
      observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true });
    });
    t0 = performance.now();
    if (action.click) document.querySelector(action.click).click();
    if (action.select) {
      const select = document.querySelector(action.select);
      select.value = action.value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }
    return done;
  }, action);
}

// The widget's two interactions, each changing what is shown (the sort alternates columns'
// directions from the default; the language goes to Dutch and back).
const WIDGET_ACTIONS = {
  sort: [
    { click: 'th[data-criterion="tor"] button', until: 'th[data-criterion="tor"][aria-sort="descending"]' },
    { click: 'th[data-criterion="tor"] button', until: 'th[data-criterion="tor"][aria-sort="ascending"]' },
  ],
  locale: [
    { select: '#mc-language', value: 'nl', until: 'html[lang="nl"]' },
    { select: '#mc-language', value: 'en', until: 'html[lang="en"]' },
  ],
};
const PEER_ACTIONS = {
  sort: [
    { click: 'th:nth-child(3) button.datatable-sorter', until: 'th:nth-child(3)[aria-sort="ascending"]' },
    { click: 'th:nth-child(3) button.datatable-sorter', until: 'th:nth-child(3)[aria-sort="descending"]' },
  ],
};

// Every page once unmeasured (the server's and the browser's caches warm), then the runs, the
// three pages in turn within each run, so that a slow spell of the machine hits all of them.
async function measure(browser, origin, site, n) {
  const runs = n >= 10000 ? Math.min(RUNS, 3) : RUNS;
  const samples = Object.fromEntries(Object.keys(SUBJECTS).map((name) => [name, { firstRow: [], interactive: [], sort: [], locale: [] }]));
  for (let r = -1; r < runs; r++) {
    for (const [name, subject] of Object.entries(SUBJECTS)) {
      const { page, context, result } = await loadOnce(browser, `${origin}/${site[name]}/${subject.path}`, subject);
      const actions = name === 'widget' ? WIDGET_ACTIONS : name === 'peer' ? PEER_ACTIONS : {};
      const times = {};
      for (const [kind, steps] of Object.entries(actions)) {
        times[kind] = [];
        for (const step of steps) times[kind].push(await timed(page, step));
      }
      await context.close();
      if (r < 0) continue;
      const sample = samples[name];
      sample.firstRow.push(result.firstRow);
      if (subject.sorter) sample.interactive.push(result.interactive);
      for (const [kind, list] of Object.entries(times)) sample[kind].push(...list);
    }
  }
  // Each part's median, and the median of the totals (not the sum of the two medians).
  const split = (times) => ({
    script: median(times.map((t) => t.script)),
    render: median(times.map((t) => t.render)),
    total: median(times.map((t) => t.script + t.render)),
  });
  return Object.entries(samples).map(([name, s]) => ({
    n,
    name,
    firstRow: median(s.firstRow),
    interactive: median(s.interactive),
    sort: split(s.sort),
    locale: split(s.locale),
  }));
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
  all.push({ n, site: { floor: `floor-${n}`, peer: `peer-${n}`, widget: `widget-${n}`, embed: `widget-${n}` } });
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
process.stderr.write(`bench: Lighthouse, ${LIGHTHOUSE_RUNS} runs\n`);
const lighthouse = await lighthouseRuns(join(root, 'dist'), { runs: LIGHTHOUSE_RUNS });
const view = await defaultView(join(root, 'dist'));
const embedView = await defaultView(join(root, 'dist'), 'embed.html');

const lines = [];
const row = (n, name) => results.find((r) => r.n === n && r.name === name);
const slowest = (kind) => Math.max(...results.filter((r) => r.name === 'widget' && [5, 1000].includes(r.n)).map((r) => r[kind].total));
const notSlower = (kind) => results.filter((r) => r.name === 'widget').every((w) => !Number.isFinite(row(w.n, 'peer')?.[kind]?.total) || w[kind].total <= row(w.n, 'peer')[kind].total);
const lhMedian = (pick) => median(lighthouse.runs.map(pick));
const firstRowRatio = (name) => row(5, name).firstRow / row(5, 'floor').firstRow;
const met = (ok) => (ok ? 'met' : '**missed**');
lines.push(`# messenger-compare benchmark`, '');
lines.push(`Headless Chromium over loopback on this machine (${new Date().toISOString().slice(0, 10)}), files gzipped as a static host serves them. Every page is loaded once unmeasured first, then the floor, the peer and the widget take turns run by run; medians of ${RUNS} runs (3 at N = 10,000), times in ms. Lighthouse ${lighthouse.version}: mobile, default simulated throttling, medians of ${LIGHTHOUSE_RUNS} runs on the default view.`, '');
lines.push('## Targets (issue 12)', '');
lines.push('| target | goal | measured | |', '|---|---|---|---|');
for (const v of [view, embedView]) lines.push(`| default view transfer (${v.files.map((f) => f.name.replace(/-[0-9a-f]+(?=(_bg)?\.(js|wasm)$)/, '')).join(' + ')}), gzip | ≤ ${kb(TARGET)} KB | ${kb(v.gzip)} KB | ${met(v.gzip <= TARGET)} |`);
for (const category of ['performance', 'accessibility', 'best-practices', 'seo']) {
  const score = lhMedian((r) => r.scores[category]);
  lines.push(`| Lighthouse ${category} | 100 | ${score} | ${met(score === 100)} |`);
}
const lcp = lhMedian((r) => r.metrics.lcp);
const tbt = lhMedian((r) => r.metrics.tbt);
lines.push(`| largest contentful paint | ≤ 800 ms | ${ms(lcp)} ms | ${met(lcp <= 800)} |`);
lines.push(`| total blocking time | ≤ 50 ms | ${ms(tbt)} ms | ${met(tbt <= 50)} |`);
for (const [name, label] of [['embed', 'embedded (embed.html)'], ['widget', 'a link to the matrix (index.html?view=matrix)']]) {
  lines.push(`| first matrix row, N = 5, ${label} | ≤ 1.20× floor | ${firstRowRatio(name).toFixed(2)}× | ${met(firstRowRatio(name) <= 1.2)} |`);
}
lines.push(`| sort, click to next paint, N = 5 and 1,000 | ≤ 50 ms | ${ms(slowest('sort'))} ms (slower of the two) | ${met(slowest('sort') <= 50)} |`);
lines.push(`| language switch, N = 5 and 1,000 | ≤ 50 ms | ${ms(slowest('locale'))} ms (slower of the two) | ${met(slowest('locale') <= 50)} |`);
lines.push(`| sort never slower than the peer, every N | | | ${met(notSlower('sort'))} |`);
lines.push('', '## Lighthouse runs', '');
lines.push('| run | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS | TTI | audits not passed |', '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
lighthouse.runs.forEach((r, i) => lines.push(`| ${i + 1} | ${r.scores.performance} | ${r.scores.accessibility} | ${r.scores['best-practices']} | ${r.scores.seo} | ${ms(r.metrics.fcp)} | ${ms(r.metrics.lcp)} | ${ms(r.metrics.tbt)} | ${r.metrics.cls.toFixed(3)} | ${ms(r.metrics.tti)} | ${[...r.errors, ...r.failed].join(', ') || '–'} |`));
lines.push('', '## Loading and interaction', '');
lines.push('Sort and language switch: from the click to the next frame after the DOM shows the new state; script is up to the mutation that showed it (for a language, the locale file\'s fetch too), rendering from there to the frame (style, layout, paint).', '');
lines.push('| N | page | first row | × floor | interactive (sort works) | sort: script + render = total | language: script + render = total |');
lines.push('|---:|---|---:|---:|---:|---:|---:|');
const split = (x) => (Number.isFinite(x.total) ? `${ms(x.script)} + ${ms(x.render)} = ${ms(x.total)}` : '–');
for (const r of results) {
  const floor = row(r.n, 'floor');
  lines.push(`| ${r.n} | ${r.name} | ${ms(r.firstRow)} | ${ratio(r.firstRow, floor.firstRow)} | ${ms(r.interactive)} | ${split(r.sort)} | ${split(r.locale)} |`);
}
lines.push('', '## Transfer size of the real bundle (dist/)', '');
lines.push('| file | raw KB | gzip KB | brotli KB |', '|---|---:|---:|---:|');
for (const f of widgetSizes) lines.push(`| ${f.name} | ${kb(f.raw)} | ${kb(f.gzip)} | ${kb(f.brotli)} |`);
lines.push(`| **default view** | | **${kb(view.gzip)}** | |`);
lines.push('', '## Where the wasm\'s bytes go (twiggy)', '', ...breakdownTables(wasmBytes));
const report = lines.join('\n') + '\n';
await writeFile(join(out, 'report.md'), report);
process.stdout.write(report);
