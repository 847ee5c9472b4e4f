// The size budget (tools/budget.mjs) of the release bundle in dist/: deterministic, so a test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { BUDGET, TARGET, defaultView } from '../tools/budget.mjs';

const dist = fileURLToPath(new URL('../dist', import.meta.url));
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;

for (const page of ['index.html', 'embed.html']) {
  test(`${page}: its default view transfers no more than the budget`, async () => {
    const view = await defaultView(dist, page);
    const detail = view.files.map((f) => `${f.name} ${kb(f.gzip)}`).join(', ');
    assert.ok(view.gzip <= BUDGET, `default view ${kb(view.gzip)} gzip (${detail}) is over the budget of ${kb(BUDGET)}`);
    assert.ok(BUDGET >= TARGET, 'the budget never needs to go below the target');
  });

  test(`${page}: the page paints from one response, no stylesheet, no preload`, async () => {
    const html = await readFile(`${dist}/${page}`, 'utf8');
    assert.equal((html.match(/<style>/g) ?? []).length, 1, 'one inline style');
    assert.doesNotMatch(html, /<link rel="(stylesheet|preload|modulepreload)"/);
  });
}
