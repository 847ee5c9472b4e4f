// Lighthouse 12 (mobile, its default simulated throttling) against a bundle served gzipped on
// loopback, in Debian's Chromium. Used by the benchmark (tools/bench.mjs); on its own:
//   node tools/lighthouse.mjs [dist] [path]      prints the scores and the metrics as JSON
// Lighthouse lives in tools/lighthouse/ (its own lockfile): only the benchmark needs it.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { serve } from '../tests/browser/server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'tools', 'lighthouse', 'package.json'));

// The same no-network flags as the tests: Chromium must not try to reach the internet.
const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const METRICS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  si: 'speed-index',
  tti: 'interactive',
};

/** `runs` Lighthouse runs on `path` of `dist`; returns Lighthouse's version, every run's
 * scores, metrics and audits not passed, and the run of median performance. */
export async function lighthouseRuns(dist, { path = '/', runs = 3 } = {}) {
  const { default: lighthouse } = await import(require.resolve('lighthouse'));
  const chromeLauncher = await import(require.resolve('chrome-launcher'));
  const server = await serve(dist, { compress: true });
  const profile = await mkdtemp(join(tmpdir(), 'mc-lighthouse-'));
  const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: FLAGS, userDataDir: profile });
  const results = [];
  let version;
  try {
    for (let i = 0; i < runs; i++) {
      const { lhr } = await lighthouse(`${server.origin}${path}`, { port: chrome.port, output: 'json', logLevel: 'error' });
      version = lhr.lighthouseVersion;
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
      const metrics = Object.fromEntries(Object.entries(METRICS).map(([k, id]) => [k, lhr.audits[id]?.numericValue]));
      const failed = Object.values(lhr.audits)
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual')
        .map((a) => `${a.id} (${a.displayValue ?? a.score})`);
      const errors = lhr.runtimeError ? [lhr.runtimeError.message] : [];
      results.push({ scores, metrics, failed, errors });
    }
  } finally {
    await chrome.kill();
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
  const byPerformance = [...results].sort((a, b) => a.scores.performance - b.scores.performance);
  return { version, runs: results, median: byPerformance[Math.floor(byPerformance.length / 2)] };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2] ?? join(root, 'dist');
  const path = process.argv[3] ?? '/';
  const result = await lighthouseRuns(dist, { path, runs: Number(process.env.LH_RUNS ?? 1) });
  console.log(JSON.stringify(result, null, 2));
}
