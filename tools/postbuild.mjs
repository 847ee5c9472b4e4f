// Trunk's post-build hook (see Trunk.toml). In the staged bundle it:
// 0. writes the view each page's plain link opens, rendered natively by src/bin/prerender.rs,
//    into that page: the chooser into index.html, the embedded matrix into embed.html (the
//    page embed.js frames), so that each is readable before the wasm arrives (and without
//    JavaScript);
// 1. minifies the CSS and JavaScript (esbuild, a build tool that is never shipped), puts the CSS
//    inline in both pages and in place of Trunk's loader one that starts the app after the
//    first paint, so that the first paint waits on nothing but the page itself;
// 2. adds a Content-Security-Policy to both pages that allows their one inline script and one
//    inline style by their hashes, and nothing inline else (cspDirectives builds it and the
//    single file's; checkCsp fails the build if a page's policy misses a piece it needs);
// 3. names the build in both pages, puts the locale files the app reads under that name
//    (locales/<build>/) and fills in the service worker's build id, files and their hashes;
// 4. writes messenger-compare.html: one self-contained file (CSS, JS and wasm inlined, no
//    imports, no fetches) that works opened straight from disk;
// 5. publishes the dataset for other sites: data/messenger-compare.v1.json (the bytes of the
//    widget's own "Download the dataset", from src/bin/dataset-json.rs) and its JSON Schema.

import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFile, writeFile, readdir, mkdir, copyFile, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const { transformSync } = createRequire(join(process.cwd(), 'tests', 'package.json'))('esbuild');
// The browsers the widget supports (README): CSS features older ones lack are lowered.
const minify = (code, loader) => transformSync(code, { loader, minify: true, target: ['chrome111', 'firefox115', 'safari16.4'] }).code;

const stage = process.env.TRUNK_STAGING_DIR;
if (!stage) {
  console.error('postbuild: TRUNK_STAGING_DIR is not set; run through `trunk build`.');
  process.exit(1);
}

const sha256 = (text) => createHash('sha256').update(text).digest('base64');
const fail = (message) => {
  console.error(`postbuild: ${message}`);
  process.exit(1);
};

// The bundle's plain English file is the one the wasm was built from (build.rs takes a
// synthetic dataset's own, where it brings one), as is the build's (its long texts, below).
const ownEnglish = process.env.MC_DATA_DIR && join(process.env.MC_DATA_DIR, 'locales', 'en.json');
if (ownEnglish && existsSync(ownEnglish)) await copyFile(ownEnglish, join(stage, 'locales', 'en.json'));

const indexPath = join(stage, 'index.html');
let index = await readFile(indexPath, 'utf8');

const ROOT = '<div id="messenger-compare"></div>';
if (!index.includes(ROOT)) fail(`index.html has no ${ROOT}`);
// The bundle's two pages, each with the view its plain link opens prerendered: index.html the
// chooser, and embed.html (what embed.js frames, always with embed=1) the matrix, so that an
// embed shows its own view at the first paint, not the chooser until the app replaces it.
const PAGES = {
  'index.html': { query: '', id: 'choose', view: 'the chooser', marker: 'data-view="choose"' },
  'embed.html': { query: 'embed=1', id: 'matrix', view: 'the embedded matrix', marker: 'class="mc-matrix"' },
};
for (const [name, page] of Object.entries(PAGES)) {
  page.html = execFileSync('cargo', ['run', '--quiet', '--bin', 'prerender', '--', page.query], {
    env: process.env,
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 256 * 1024 * 1024,
  }).toString('utf8');
  if (!page.html.includes(page.marker)) fail(`the view prerendered for ${name} is not ${page.view}`);
}
// The view it holds is named for the loader (below), which starts the app at once for a link
// that asks for another.
const prerendered = (name) => `<div id="messenger-compare" data-prerendered="en" data-prerendered-view="${PAGES[name].id}">${PAGES[name].html}</div>`;
// Trunk's loader imports the app at once and preloads it from <head>, so that fetching and
// starting the wasm sit on the path to the first paint of the served view. Ours fetches the
// same files, both at once and each checked against its SRI hash, once the browser has painted:
// the frame after the first (or after 200 ms where no frame comes, as in a tab opened in the
// background). A link to another view starts at once: what it paints first is not its view.
const trunkLoader = index.match(/<script type="module">([\s\S]*?)<\/script>/);
if (!trunkLoader) fail('no inline loader script found in index.html');
const jsName = trunkLoader[1].match(/from '\.\/([^']+\.js)'/)?.[1];
const wasmName = trunkLoader[1].match(/module_or_path: '\.\/([^']+\.wasm)'/)?.[1];
if (!jsName || !wasmName) fail('could not find the js and wasm files in Trunk\'s loader');
// Kept as written for the single file, which appends to it and minifies the whole.
const glue = await readFile(join(stage, jsName), 'utf8');
await writeFile(join(stage, jsName), minify(glue, 'js'));
const sri = async (name) => `sha384-${createHash('sha384').update(await readFile(join(stage, name))).digest('base64')}`;
const loaderScript = `
let started = false;
const start = async () => {
  if (started) return;
  started = true;
  const wasm = fetch(${JSON.stringify(`./${wasmName}`)}, { integrity: ${JSON.stringify(await sri(wasmName))} });
  document.head.append(Object.assign(document.createElement('link'), { rel: 'modulepreload', href: ${JSON.stringify(`./${jsName}`)}, integrity: ${JSON.stringify(await sri(jsName))}, crossOrigin: 'anonymous' }));
  const { default: init } = await import(${JSON.stringify(`./${jsName}`)});
  await init({ module_or_path: wasm });
};
const view = new URLSearchParams(location.search).get('view');
if (view && view !== document.getElementById('messenger-compare').dataset.prerenderedView) start();
else {
  requestAnimationFrame(() => setTimeout(start));
  setTimeout(start, 200);
}
`;
index = index
  .replace(trunkLoader[0], () => `<script type="module">${loaderScript}</script>`)
  .replace(/<link rel="modulepreload"[^>]*>/, '')
  .replace(/<link rel="preload"[^>]*>/, '');
if (/<link rel="(modulepreload|preload)"/.test(index)) fail('index.html still preloads the app');
// Inline: one response paints the page. The file goes; the CSP allows the <style> by its hash.
const cssLink = index.match(/<link rel="stylesheet" href="\.\/([^"]+\.css)"[^>]*>/);
if (!cssLink) fail('no stylesheet link in index.html');
const style = minify(await readFile(join(stage, cssLink[1]), 'utf8'), 'css');
await rm(join(stage, cssLink[1]));
index = index.replace(cssLink[0], () => `<style>${style}</style>`);
const loader = index.match(/<script type="module">([\s\S]*?)<\/script>/);
const inlineScripts = index.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? [];
if (inlineScripts.length !== 1) fail(`expected one inline script in index.html, found ${inlineScripts.length}`);

// The Content-Security-Policy, one function for both pages, each with one inline script and
// one inline style allowed by hash. "served": index.html from a web server, where the bundle's
// own files ('self') are the app's script, images, fetches (locale files) and service worker,
// and a site owner's own stylesheet.
// "single-file": messenger-compare.html, opened from disk or from any host, which loads
// nothing: nothing is allowed by origin.
const CSP_MODES = ['served', 'single-file'];
const cspDirectives = (mode, { scriptHash, styleHash }) => {
  if (!CSP_MODES.includes(mode)) fail(`unknown CSP mode ${mode}`);
  if (!scriptHash) fail(`CSP (${mode}): no script hash`);
  if (!styleHash) fail(`CSP (${mode}): no style hash`);
  const served = mode === 'served';
  const own = served ? ["'self'"] : [];
  return [
    ['default-src', served ? "'self'" : "'none'"],
    ['script-src', ...own, "'wasm-unsafe-eval'", `'sha256-${scriptHash}'`],
    // 'self' in the served page: a site owner's own stylesheet, linked from their copy of
    // index.html, restyles the widget (README, Restyling).
    ['style-src', ...own, `'sha256-${styleHash}'`],
    ['img-src', ...own, 'data:'],
    ['connect-src', served ? "'self'" : "'none'"],
    ['worker-src', served ? "'self'" : "'none'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'none'"],
  ];
};
const cspText = (directives) => directives.map((directive) => directive.join(' ')).join('; ');
const cspMeta = (content) => `<meta http-equiv="Content-Security-Policy" content="${content}">`;

// Checks a page as written against its mode, from the page's own text (not from the values
// the policy was built with): the policy is the one cspDirectives gives for the hashes of the
// scripts and styles actually inline in the page, it comes before anything it governs, and
// the pieces each mode depends on are there. Fails the build otherwise.
const checkCsp = (file, html, mode) => {
  const problem = (message) => fail(`${file}: CSP: ${message}`);
  const metas = html.match(/<meta http-equiv="Content-Security-Policy"[^>]*>/g) ?? [];
  if (metas.length !== 1) problem(`expected one CSP <meta>, found ${metas.length}`);
  const content = metas[0].match(/ content="([^"]*)"/)?.[1];
  if (!content) problem('the <meta> has no content');
  const first = html.search(/<(script|style|link)\b/);
  if (first !== -1 && html.indexOf(metas[0]) > first) problem('the <meta> comes after a script, style or link');
  const directives = new Map(content.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]));
  const has = (name, source) => directives.get(name)?.includes(source);
  const need = (name, source) => has(name, source) || problem(`${name} lacks ${source}`);
  for (const [name, sources] of directives) {
    for (const bad of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", '*']) {
      if (sources.includes(bad)) problem(`${name} allows ${bad}`);
    }
  }
  // Every inline script that runs (data blocks do not) and every inline style, by its hash.
  const scripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter(([, attributes]) => !/\btype="application\/json"/.test(attributes));
  if (scripts.length !== 1) problem(`expected one inline script, found ${scripts.length}`);
  const scriptHash = sha256(scripts[0][2]);
  need('script-src', `'sha256-${scriptHash}'`);
  need('script-src', "'wasm-unsafe-eval'");
  if (/<[a-z][^>]*\sstyle="/i.test(html)) problem('a style attribute, which no policy here allows');
  const styles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)];
  if (styles.length !== 1) problem(`expected one inline <style>, found ${styles.length}`);
  if (/<link rel="stylesheet"/.test(html)) problem('a stylesheet link: the build inlines its one stylesheet');
  const styleHash = sha256(styles[0][1]);
  need('style-src', `'sha256-${styleHash}'`);
  if (mode === 'served') {
    for (const name of ['default-src', 'script-src', 'style-src', 'connect-src', 'worker-src']) need(name, "'self'");
  } else {
    for (const name of ['default-src', 'script-src', 'style-src', 'img-src', 'connect-src', 'worker-src']) {
      if (has(name, "'self'")) problem(`${name} allows 'self', which the single file never loads from`);
    }
    for (const name of ['default-src', 'connect-src', 'worker-src']) need(name, "'none'");
  }
  for (const name of ['object-src', 'form-action']) need(name, "'none'");
  const expected = cspText(cspDirectives(mode, { scriptHash, styleHash }));
  if (content !== expected) problem(`the policy reads\n  ${content}\nnot, for the page as written,\n  ${expected}`);
};

index = index.replace('<meta charset="utf-8">', () => `<meta charset="utf-8">\n    ${cspMeta(cspText(cspDirectives('served', { scriptHash: sha256(loader[1]), styleHash: sha256(style) })))}`);

// embed.js titles each iframe in the embed's language: every locale's own title, from the
// locale files, so that there is one source for them.
const embedPath = join(stage, 'embed.js');
const TITLES = 'const TITLES = {};';
const embedJs = await readFile(embedPath, 'utf8');
if (!embedJs.includes(TITLES)) fail(`embed.js has no ${TITLES}`);
const titles = {};
for (const name of (await readdir(join(stage, 'locales'))).filter((n) => n.endsWith('.json')).sort()) {
  const title = JSON.parse(await readFile(join(stage, 'locales', name), 'utf8'))['ui.title'];
  if (!title) fail(`locales/${name} has no ui.title`);
  titles[name.slice(0, -'.json'.length)] = `${title} (messenger-compare)`;
}
await writeFile(embedPath, minify(embedJs.replace(TITLES, () => `const TITLES = ${JSON.stringify(titles)};`), 'js'));

// The dataset for other sites. The widget never fetches it, so the service worker skips it.
const DATASET = 'messenger-compare.v1.json';
const SCHEMA = 'messenger-compare.v1.schema.json';
const dataset = execFileSync('cargo', ['run', '--quiet', '--bin', 'dataset-json'], {
  env: process.env,
  stdio: ['ignore', 'pipe', 'inherit'],
  maxBuffer: 64 * 1024 * 1024,
}).toString('utf8');
if (!dataset.includes(`"$schema":"${SCHEMA}"`)) fail(`the dataset export does not name ${SCHEMA}`);
await mkdir(join(stage, 'data'), { recursive: true });
await writeFile(join(stage, 'data', DATASET), dataset);
await copyFile(join('data', 'schema', SCHEMA), join(stage, 'data', SCHEMA));

// The build id: a hash of every file the page uses (the page as it stands, the app's files and
// the locale files). The page names it (<meta name="messenger-compare-build">); the app reads
// its locale files from locales/<build>/, so that every file name the app fetches is unique to
// its build and a tab still running an older build reads its own; the service worker caches
// this build's files under it. The plain locales/<tag>.json stay for other sites (see README).
const PLAIN_LOCALE = /^locales\/[A-Za-z-]+\.json$/;
const listed = (await readdir(stage, { recursive: true, withFileTypes: true }))
  .filter((entry) => entry.isFile())
  .map((entry) => relative(stage, join(entry.parentPath ?? entry.path, entry.name)).split(sep).join('/'))
  // The service worker itself; the single file (written below) and the published dataset,
  // which the widget never fetches; the embedding demo page, which is not the widget.
  .filter((name) => !['sw.js', 'messenger-compare.html', 'embed-example.html'].includes(name) && !name.startsWith('data/'))
  .sort();
const buildHash = createHash('sha256');
for (const name of [...listed, 'embed.html'].sort()) buildHash.update(name).update(PAGES[name] ? index.replace(ROOT, () => prerendered(name)) : await readFile(join(stage, name)));
const build = buildHash.digest('hex').slice(0, 16);

const BUILD_META = `<meta name="messenger-compare-build" content="${build}">`;
index = index.replace(/(<meta http-equiv="Content-Security-Policy"[^>]*>)/, (csp) => `${csp}\n    ${BUILD_META}`);
if (!index.includes(BUILD_META)) fail('could not name the build in index.html');
for (const name of Object.keys(PAGES)) {
  const html = index.replace(ROOT, () => prerendered(name));
  checkCsp(name, html, 'served');
  await writeFile(join(stage, name), html);
}
// English's is its long texts alone: the wasm embeds the rest (src/bin/english-long.rs).
const plainLocales = listed.filter((name) => PLAIN_LOCALE.test(name));
const buildLocales = plainLocales.map((name) => name.replace('locales/', `locales/${build}/`));
const englishLong = execFileSync('cargo', ['run', '--quiet', '--bin', 'english-long'], {
  env: process.env,
  stdio: ['ignore', 'pipe', 'inherit'],
  maxBuffer: 64 * 1024 * 1024,
}).toString('utf8');
const ENGLISH_BUILD_FILE = `locales/${build}/en.json`;
if (!buildLocales.includes(ENGLISH_BUILD_FILE)) fail('no English locale file');
await mkdir(join(stage, 'locales', build));
for (const name of buildLocales) {
  if (name === ENGLISH_BUILD_FILE) await writeFile(join(stage, name), englishLong);
  else await copyFile(join(stage, name.replace(`${build}/`, '')), join(stage, name));
}

// The service worker: each file with its SRI hash, which the install checks; the page, which
// hosts may rewrite (and the tests' server does), by the build id it must name.
const swFiles = {};
for (const name of [...listed.filter((n) => n !== 'index.html' && !PLAIN_LOCALE.test(n)), ...buildLocales].sort()) swFiles[`./${name}`] = await sri(name);
const swPath = join(stage, 'sw.js');
const sw = (await readFile(swPath, 'utf8'))
  .replace("'__BUILD__'", JSON.stringify(build))
  .replace("{ __FILES__: '' }", JSON.stringify(swFiles))
  .replace("['__PAGES__']", JSON.stringify(['./', ...Object.keys(PAGES).map((name) => `./${name}`)]));
if (/__(BUILD|FILES|PAGES)__/.test(sw)) fail('sw.js placeholders not found');
// Left as written: it is small, off the page's path, and the one file a reader may want to audit.
await writeFile(swPath, sw);

// One self-contained file.
if (/^\s*import\s/m.test(glue)) fail(`${jsName} imports other modules; it cannot be inlined`);
const wasm = (await readFile(join(stage, wasmName))).toString('base64');
// The glue's exports are harmless in an inline module; initSync runs the app without a fetch.
const inlineScript = minify(`${glue}
const bytes = Uint8Array.from(atob(${JSON.stringify(wasm)}), (c) => c.charCodeAt(0));
initSync({ module: bytes });
`, 'js');
// Every locale rides along as a data block (English's, as above, its long texts alone),
// which the app reads instead of fetching. JSON in HTML must not close its element: `<` is
// written as \u003c, which JSON reads back as `<`.
const localeBlocks = (
  await Promise.all(
    buildLocales
      .map(async (name) => {
        const tag = name.slice(`locales/${build}/`.length, -'.json'.length);
        const json = (await readFile(join(stage, name), 'utf8')).replace(/</g, '\\u003c');
        return `<script type="application/json" id="mc-locale-${tag}">${json}</script>`;
      }),
  )
).join('\n');
let single = (await readFile(join(stage, 'index.html'), 'utf8'))
  // Nothing to fetch under a build id: every locale is inline.
  .replace(`\n    ${BUILD_META}`, '')
  .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, () => cspMeta(
    cspText(cspDirectives('single-file', { scriptHash: sha256(inlineScript), styleHash: sha256(style) })),
  ))
  .replace(loader[0], () => `<script type="module">${inlineScript}</script>`)
  .replace('</body>', () => `${localeBlocks}\n</body>`);
if (/<link rel="(stylesheet|modulepreload|preload)"/.test(single)) fail('single file still links other files');
checkCsp('messenger-compare.html', single, 'single-file');
await writeFile(join(stage, 'messenger-compare.html'), single);

console.log(`postbuild: default views prerendered (index.html ${PAGES['index.html'].html.length} bytes, embed.html ${PAGES['embed.html'].html.length}), CSP added, sw.js caches ${Object.keys(swFiles).length} files and the page as build ${build}, messenger-compare.html ${single.length} bytes, data/${DATASET} ${dataset.length} bytes`);
