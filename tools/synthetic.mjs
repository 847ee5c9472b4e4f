// Synthetic datasets for the benchmark and the large-list browser test: n messengers × 40
// criteria, deterministic (seeded), valid for the app's parser. Written under target/, never
// shipped. With `texts`, it also writes locales/en.json: the real English texts plus one for
// every key the synthetic items need (build.rs embeds it instead of data/locales/en.json), so
// that a reader of that bundle sees no raw text key; the benchmark leaves it out at sizes where
// 40 notes a messenger would be most of the bundle.

import { mkdir, readFile, writeFile, copyFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CRITERIA = 40;

function prng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VALUES = ['yes', 'no', 'partial', 'disputed', 'unknown', 'not-applicable'];
const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'to', 'ne', 'vi', 'su', 'da', 'pe', 'zo', 'li', 'qu', 'fa', 'ro', 'xi'];

/**
 * Writes a dataset of `n` messengers × 40 criteria into `dir`, and with `texts` its English
 * texts into `dir/locales/en.json`; returns it.
 */
export async function writeSynthetic(n, dir, { texts = false } = {}) {
  const real = join(root, 'data');
  await mkdir(dir, { recursive: true });
  const criteria = JSON.parse(await readFile(join(real, 'criteria.json'), 'utf8'));
  for (let i = criteria.criteria.length; i < CRITERIA; i++) {
    criteria.criteria.push({ id: `extra-${String(i).padStart(2, '0')}`, group: 'more', best: 'yes' });
  }
  const editions = JSON.parse(await readFile(join(real, 'editions.json'), 'utf8'));
  const random = prng(n);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const messengers = [];
  for (let i = 0; i < n; i++) {
    const name = Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(SYLLABLES)).join('');
    const id = `m${String(i).padStart(5, '0')}`;
    const values = {};
    for (const c of criteria.criteria) {
      const value = pick(VALUES);
      values[c.id] = {
        value,
        sources: value === 'disputed'
          ? [{ name: 'A', url: 'https://a.org/', date: '2026-11-01', claims: 'yes' }, { name: 'B', url: 'https://b.org/', date: '2026-11-01', claims: 'no' }]
          : [{ name: 'E', url: 'https://e.org/', date: '2026-11-01' }],
        checked: '2026-11-01',
      };
    }
    messengers.push({
      id,
      name: name[0].toUpperCase() + name.slice(1) + ' ' + i,
      maker: 'Example',
      protocol: 'Example',
      networks: [pick(['centralized', 'federated', 'p2p', 'anonymous-routing'])],
      links: { homepage: 'https://example.org/', privacy_policy: 'https://example.org/', documentation: 'https://example.org/', source_code: 'https://example.org/' },
      downloads: [{ platform: pick(['android', 'ios', 'linux', 'windows', 'macos', 'web']), channel: 'website', url: 'https://example.org/' }],
      audits: [],
      caveats: [],
      standing: editions.editions.map((e) => ({ edition: e.id, status: pick(['recommended', 'additional-option', 'not-listed']) })),
      values,
    });
  }
  await writeFile(join(dir, 'criteria.json'), JSON.stringify(criteria));
  await writeFile(join(dir, 'messengers.json'), JSON.stringify({ messengers }));
  await copyFile(join(real, 'editions.json'), join(dir, 'editions.json'));
  await copyFile(join(real, 'networks.json'), join(dir, 'networks.json'));
  await copyFile(join(real, 'chooser.json'), join(dir, 'chooser.json'));
  if (texts) {
    // The keys as src/model/text.rs spells them; a key spelled wrong here shows raw in the
    // large-list tests, which fail on any raw key.
    const english = JSON.parse(await readFile(join(real, 'locales', 'en.json'), 'utf8'));
    for (const c of criteria.criteria.filter((c) => c.id.startsWith('extra-'))) {
      const n = c.id.slice('extra-'.length);
      english[`criterion.${c.id}.label`] = `Extra criterion ${n}`;
      english[`criterion.${c.id}.explanation`] = `A synthetic criterion (${n}) for testing long lists.`;
    }
    for (const m of messengers) {
      english[`messenger.${m.id}.description`] = `${m.name} is a synthetic messenger for testing long lists.`;
      english[`messenger.${m.id}.network`] = `${m.name} uses one ${m.networks[0]} network.`;
      english[`messenger.${m.id}.tradeoff`] = `${m.name} exists only in this test.`;
      for (const c of criteria.criteria) english[`value.${m.id}.${c.id}`] = `${m.name}: synthetic value.`;
    }
    await mkdir(join(dir, 'locales'), { recursive: true });
    await writeFile(join(dir, 'locales', 'en.json'), JSON.stringify(english));
  }
  return { dir, criteria: criteria.criteria, messengers };
}

// `node tools/synthetic.mjs N DIR [--texts]` writes one from the command line.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [n, dir, flag] = process.argv.slice(2);
  await writeSynthetic(Number(n), dir, { texts: flag === '--texts' });
}
