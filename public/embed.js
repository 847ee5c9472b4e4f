// messenger-compare host script. On a page that includes it, every
//   <div data-messenger-compare data-lang="nl" data-show="signal,briar"></div>
// becomes an iframe of the widget showing that view, sized to its content. The widget posts
// only its height; this script accepts a height only from its own iframes, only from the
// widget's origin, and only as a finite number within sane bounds. Unless a placeholder
// forces a theme (data-theme), each iframe follows the host page's colour scheme, including
// a theme toggle on the host that changes it after load: this script tells the widget, at its
// origin only, {type: "messenger-compare:theme", theme: "light" | "dark"}. Placeholders that
// come later (a site that swaps its content without a page load) are mounted when they come.
(() => {
  'use strict';
  const script = document.currentScript;
  if (!script) return;
  const widget = new URL('embed.html', script.src);
  // The view parameters a host may set, as data-* attributes (see the README).
  const PARAMS = ['view', 'needs', 'sort', 'filter', 'platform', 'network', 'compare', 'show',
    'cols', 'detail', 'note', 'lang', 'theme', 'bg', 'accent', 'density', 'font', 'hide'];
  // The host options, read as strictly as the widget reads them (src/model/host_options.rs):
  // a value that fails is never passed on, and the console says which attribute and value.
  // (Whether an accent keeps its contrast is the widget's to judge, and its notice names it.)
  const COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
  const PARTS = ['lang', 'theme', 'tabs', 'glossary'];
  const VALID = {
    accent: (v) => {
      const sides = v.split(',');
      if (sides.length === 1) return COLOUR.test(v);
      return sides.length === 2 && sides.some(Boolean) && sides.every((c) => !c || COLOUR.test(c));
    },
    density: (v) => v === 'normal' || v === 'compact',
    font: (v) => ['system', 'sans', 'serif', 'mono'].includes(v),
  };
  const warn = (name, value) =>
    console.warn(`messenger-compare: ignored data-${name}="${value}": not a value the widget accepts (see its README)`);

  // The value to pass on for one attribute, or null; what is dropped is named.
  function checked(name, value) {
    if (name === 'hide') {
      // Each unknown part is dropped on its own; the known ones still apply.
      const parts = value.split(',');
      for (const part of parts.filter((p) => !PARTS.includes(p))) warn(name, part);
      return parts.filter((p) => PARTS.includes(p)).join(',') || null;
    }
    if (VALID[name] && !VALID[name](value)) {
      warn(name, value);
      return null;
    }
    return value;
  }
  const MIN_HEIGHT = 120;
  const MAX_HEIGHT = 20000;
  const frames = new Set();
  // Each locale's title for the iframe, filled in by the build (tools/postbuild.mjs).
  const TITLES = {};

  // The language the widget will show: the placeholder's data-lang, else the reader's.
  function language(host) {
    const wanted = [host.getAttribute('data-lang'), ...navigator.languages].filter(Boolean);
    for (const tag of wanted) {
      if (TITLES[tag]) return tag;
      const primary = tag.split('-')[0];
      if (/^zh-(Hant|TW|HK|MO)\b/i.test(tag)) return 'zh-Hant';
      if (TITLES[primary]) return primary;
    }
    return 'en';
  }

  // The host's effective scheme where the widget sits: the first opaque background behind
  // the placeholder (a dark page paints one), else the page's color-scheme, else the system's.
  function hostScheme(iframe) {
    for (let el = iframe.parentElement; el; el = el.parentElement) {
      const rgba = getComputedStyle(el).backgroundColor.match(/[\d.]+/g);
      if (rgba && (rgba.length < 4 || Number(rgba[3]) > 0.5)) {
        const [r, g, b] = rgba.slice(0, 3).map(Number);
        return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? 'dark' : 'light';
      }
    }
    const declared = getComputedStyle(document.documentElement).colorScheme;
    if (declared === 'dark' || declared === 'light') return declared;
    return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }

  function tellTheme(iframe) {
    if (!iframe.dataset.follow) return;
    const theme = hostScheme(iframe);
    // The frame's own color-scheme must match, or a transparent widget is painted over an
    // opaque backdrop.
    iframe.style.colorScheme = theme;
    iframe.contentWindow?.postMessage({ type: 'messenger-compare:theme', theme }, widget.origin);
  }
  const tellAll = () => frames.forEach(tellTheme);

  function mount(host) {
    if (host.dataset.messengerCompareMounted) return;
    host.dataset.messengerCompareMounted = '1';
    const url = new URL(widget);
    url.searchParams.set('embed', '1');
    for (const name of PARAMS) {
      const value = host.getAttribute('data-' + name);
      const passed = value && checked(name, value);
      if (passed) url.searchParams.set(name, passed);
    }
    const iframe = document.createElement('iframe');
    iframe.src = url.href;
    const lang = language(host);
    iframe.title = host.getAttribute('data-title') || TITLES[lang] || 'messenger-compare';
    iframe.lang = lang;
    iframe.loading = 'lazy';
    iframe.referrerPolicy = 'no-referrer';
    iframe.style.width = '100%';
    iframe.style.border = '0';
    iframe.style.display = 'block';
    iframe.style.height = '640px';
    const forced = host.getAttribute('data-theme');
    if (forced === 'light' || forced === 'dark') {
      iframe.style.colorScheme = forced;
    } else {
      iframe.dataset.follow = '1';
      iframe.addEventListener('load', () => tellTheme(iframe));
    }
    host.replaceChildren(iframe);
    frames.add(iframe);
  }

  window.addEventListener('message', (event) => {
    if (event.origin !== widget.origin) return;
    const data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'messenger-compare:height') return;
    const height = data.height;
    if (typeof height !== 'number' || !Number.isFinite(height)) return;
    if (height < MIN_HEIGHT || height > MAX_HEIGHT) return;
    for (const iframe of frames) {
      if (iframe.contentWindow === event.source) {
        iframe.style.height = Math.ceil(height) + 'px';
        // The first height says the widget is listening (the frame's load event may come
        // before the app starts): tell it the host's scheme then.
        if (!iframe.dataset.heard) {
          iframe.dataset.heard = '1';
          tellTheme(iframe);
        }
      }
    }
  });

  // A host's theme toggle changes attributes (class, data-*, style) on <html> or <body>.
  const watch = new MutationObserver(tellAll);
  const SELECTOR = '[data-messenger-compare]';
  // A site that swaps its content without a page load (MkDocs Material's instant navigation,
  // any single-page app) brings placeholders in later and takes iframes away: mount each new
  // placeholder once, and forget the iframes that left the page.
  const pages = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== Node.ELEMENT_NODE) continue;
        if (node.matches(SELECTOR)) mount(node);
        node.querySelectorAll(SELECTOR).forEach(mount);
      }
    }
    for (const iframe of frames) if (!iframe.isConnected) frames.delete(iframe);
  });
  const start = () => {
    document.querySelectorAll(SELECTOR).forEach(mount);
    for (const el of [document.documentElement, document.body]) {
      if (el) watch.observe(el, { attributes: true });
    }
    pages.observe(document.documentElement, { childList: true, subtree: true });
  };
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', tellAll);
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
