// messenger-compare host script. On a page that includes it, every
//   <div data-messenger-compare data-lang="nl" data-show="signal,briar"></div>
// becomes an iframe of the widget showing that view, sized to its content. The widget posts
// only its height; this script accepts a height only from its own iframes, only from the
// widget's origin, and only as a finite number within sane bounds.
(() => {
  'use strict';
  const script = document.currentScript;
  if (!script) return;
  const widget = new URL('index.html', script.src);
  // The view parameters a host may set, as data-* attributes (see the README).
  const PARAMS = ['view', 'needs', 'sort', 'filter', 'platform', 'network', 'compare', 'show',
    'cols', 'detail', 'note', 'lang', 'theme', 'bg'];
  const MIN_HEIGHT = 120;
  const MAX_HEIGHT = 20000;
  const frames = new Set();

  function mount(host) {
    if (host.dataset.messengerCompareMounted) return;
    host.dataset.messengerCompareMounted = '1';
    const url = new URL(widget);
    url.searchParams.set('embed', '1');
    for (const name of PARAMS) {
      const value = host.getAttribute('data-' + name);
      if (value) url.searchParams.set(name, value);
    }
    const iframe = document.createElement('iframe');
    iframe.src = url.href;
    iframe.title = host.getAttribute('data-title') || 'Private messenger comparison (messenger-compare)';
    iframe.loading = 'lazy';
    iframe.referrerPolicy = 'no-referrer';
    iframe.style.width = '100%';
    iframe.style.border = '0';
    iframe.style.display = 'block';
    iframe.style.height = '640px';
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
      }
    }
  });

  const start = () => document.querySelectorAll('[data-messenger-compare]').forEach(mount);
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
