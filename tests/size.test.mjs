// The size budget (tools/budget.mjs) of the release bundle in dist/: deterministic, so a test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { BUDGET, TARGET, defaultView } from '../tools/budget.mjs';

const dist = fileURLToPath(new URL('../dist', import.meta.url));
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;

test('the default view transfers no more than the budget', async () => {
  const view = await defaultView(dist);
  const detail = view.files.map((f) => `${f.name} ${kb(f.gzip)}`).join(', ');
  assert.ok(view.gzip <= BUDGET, `default view ${kb(view.gzip)} gzip (${detail}) is over the budget of ${kb(BUDGET)}`);
  assert.ok(BUDGET >= TARGET, 'the budget never needs to go below the target');
});

test('the page itself paints from one response: no stylesheet, no preload', async () => {
  const index = await readFile(`${dist}/index.html`, 'utf8');
  assert.equal((index.match(/<style>/g) ?? []).length, 1, 'one inline style');
  assert.doesNotMatch(index, /<link rel="(stylesheet|preload|modulepreload)"/);
});
