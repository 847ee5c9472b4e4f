// Where the widget's wasm bytes go, by crate and by our own module: twiggy on the module as
// rustc leaves it (target/wasm32-unknown-unknown/release/messenger-compare.wasm), before
// wasm-bindgen and wasm-opt strip its names. Its sizes are larger than the shipped file's; the
// shares are what a cut is weighed by. Custom sections (names, wasm-bindgen's descriptors) are
// left out: they are never shipped. The benchmark prints both tables; `node
// tools/wasm-breakdown.mjs` prints them for the last build.

import { execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The pre-bindgen module of the last release build. */
export const MODULE = join(process.env.CARGO_TARGET_DIR ?? join(root, 'target'), 'wasm32-unknown-unknown', 'release', 'messenger-compare.wasm');

// twiggy's CSV quotes names that hold commas or quotes (generics do).
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') {
      field += c;
    }
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

const NOT_SHIPPED = /^(custom section|"function names"|export "__wbindgen_describe|__wbindgen_describe)/;
const CRATE = /^[<&(]*(?:dyn )?([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::/;
const OURS = /^[<&(]*messenger_compare(?:\[[0-9a-f]+\])?::(?:(model|components|browser)::([a-z_0-9]+)|([a-z_0-9]+))/;

/** Shallow bytes by crate and by our module, largest first: `{ total, crates, ours }`. */
export function breakdown(module = MODULE) {
  const csv = execFileSync('twiggy', ['top', '-n', '100000000', '-f', 'csv', module], { maxBuffer: 512 * 1024 * 1024 }).toString('utf8');
  const [header, ...rows] = parseCsv(csv);
  const name = header.indexOf('Name');
  const size = header.indexOf('ShallowSize');
  const crates = new Map();
  const ours = new Map();
  const add = (map, key, bytes) => map.set(key, (map.get(key) ?? 0) + bytes);
  let total = 0;
  for (const row of rows) {
    const label = row[name];
    const bytes = Number(row[size]);
    if (!label || !Number.isFinite(bytes) || NOT_SHIPPED.test(label)) continue;
    total += bytes;
    if (label.startsWith('data segment')) {
      add(crates, 'data segments (the embedded dataset and texts, string constants)', bytes);
      continue;
    }
    const crate = label.match(CRATE)?.[1] ?? 'other (glue, tables, unnamed)';
    add(crates, crate, bytes);
    const own = label.match(OURS);
    if (own) add(ours, own[1] ? `${own[1]}::${own[2]}` : own[3], bytes);
  }
  const sorted = (map) => [...map].sort((a, b) => b[1] - a[1]);
  return { total, crates: sorted(crates), ours: sorted(ours) };
}

/** The two tables as Markdown lines, the `top` largest rows of each. */
export function breakdownTables({ total, crates, ours }, top = 12) {
  const pct = (b) => `${((100 * b) / total).toFixed(1)} %`;
  const table = (title, rows) => {
    const shown = rows.slice(0, top);
    const rest = rows.slice(top).reduce((a, [, b]) => a + b, 0);
    return [
      `| ${title} | bytes | share |`,
      '|---|---:|---:|',
      ...shown.map(([k, b]) => `| ${k} | ${b} | ${pct(b)} |`),
      ...(rest ? [`| the rest (${rows.length - shown.length}) | ${rest} | ${pct(rest)} |`] : []),
    ];
  };
  return [
    `Shallow bytes in the module before wasm-bindgen and wasm-opt (${total} in all, custom sections left out); a crate's generic code instantiated for ours counts as that crate's.`,
    '',
    ...table('crate', crates),
    '',
    ...table('our module', ours),
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(breakdownTables(breakdown()).join('\n') + '\n');
}
