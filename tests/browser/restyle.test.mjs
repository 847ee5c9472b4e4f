// A site owner's copy of index.html with a stylesheet of their own linked (README, Restyling):
// the page's CSP lets the same-origin file in, and its rules, outside the widget's cascade
// layer, win over the widget's.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withBrowser, DIST } from './harness.mjs';

const copy = await mkdtemp(join(tmpdir(), 'mc-restyle-'));
await cp(DIST, copy, { recursive: true });
const index = await readFile(join(copy, 'index.html'), 'utf8');
await writeFile(join(copy, 'index.html'), index.replace('</head>', '<link rel="stylesheet" href="./own.css">\n</head>'));
await writeFile(join(copy, 'own.css'), '.mc h1 { color: rgb(153, 0, 51); }\n');
after(() => rm(copy, { recursive: true, force: true }));

const env = withBrowser(copy);

test('a stylesheet of the site owner’s own, linked from their index.html, restyles the widget', async (t) => {
  const page = await env.open(t, '/');
  const color = await page.evaluate(() => getComputedStyle(document.querySelector('.mc h1')).color);
  assert.equal(color, 'rgb(153, 0, 51)');
  await page.assertClean(); // no CSP violation
  await page.close();
});
