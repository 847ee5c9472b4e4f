// The dataset that dist/data/ publishes for other sites: it validates against the JSON Schema
// published beside it, and the schema is strict enough to refuse what a careless edit makes.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const DATA = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'data');
const read = async (name) => JSON.parse(await readFile(join(DATA, name), 'utf8'));
const schema = await read('messenger-compare.v1.schema.json');
const dataset = await read('messenger-compare.v1.json');
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

const problems = (doc) => (validate(doc) ? [] : validate.errors.map((e) => `${e.instancePath} ${e.message}`));

test('the published dataset validates against its published schema', () => {
  assert.deepEqual(problems(dataset), []);
  assert.equal(dataset.$schema, 'messenger-compare.v1.schema.json');
  assert.equal(dataset.version, 1);
  assert.ok(dataset.messengers.messengers.some((m) => m.id === 'signal'));
});

const signalTor = (doc) => doc.messengers.messengers.find((m) => m.id === 'signal').values.tor;

for (const [what, breakIt, where] of [
  ['a value outside the six words', (d) => { signalTor(d).value = 'maybe'; }, '/values/tor/value'],
  ['a cell without its checked-on date', (d) => { delete signalTor(d).checked; }, '/values/tor'],
  ['a source that is not https', (d) => { signalTor(d).sources[0].url = 'http://example.org/'; }, '/values/tor/sources/0/url'],
  ['a source without a date', (d) => { delete signalTor(d).sources[0].date; }, '/values/tor/sources/0'],
  ['a field the schema does not know', (d) => { d.messengers.messengers[0].rating = 5; }, '/messengers/messengers/0'],
  ['an edition whose commit is not a full hash', (d) => { d.editions.editions[0].commit = 'abc123'; }, '/editions/editions/0/commit'],
]) {
  test(`the schema refuses ${what}`, () => {
    const broken = structuredClone(dataset);
    breakIt(broken);
    const found = problems(broken);
    assert.ok(found.some((p) => p.includes(where)), `expected a problem at ${where}, got ${JSON.stringify(found)}`);
  });
}
