// "How messengers connect": four labelled diagrams, filtering the matrix, the network column
// linking back, reduced motion, accessibility.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser, ENGLISH } from './harness.mjs';

const env = withBrowser();

test('a link to the networks page shows every architecture’s description, read with the English long texts', async (t) => {
  const page = await env.open(t, '/?view=networks');
  for (const network of ['centralized', 'federated', 'p2p', 'anonymous-routing', 'independent-relays']) {
    await page.waitFor(([n, text]) => document.querySelector(`article[data-network="${n}"] figure + p`)?.innerText.trim() === text, [network, ENGLISH[`network.${network}.description`]]);
    assert.ok(await page.visible(`article[data-network="${network}"] figure + p`));
  }
  await page.assertClean();
  await page.close();
});

async function showNetworks(page) {
  await page.click('.mc-tab[data-page="networks"]');
  await page.waitFor('.mc-networks');
}

test('five diagrams, each titled, described and labelled', async (t) => {
  const page = await env.open(t, '/?view=matrix');
  await showNetworks(page);
  const diagrams = await page.$$eval('figure[data-network]', (figs) =>
    figs.map((f) => {
      const svg = f.querySelector('svg[role="img"]');
      const ids = (svg.getAttribute('aria-labelledby') || '').split(' ');
      const r = svg.getBoundingClientRect();
      return {
        network: f.dataset.network,
        title: svg.querySelector('title')?.textContent.trim(),
        desc: svg.querySelector('desc')?.textContent.trim(),
        labelled: ids.every((id) => document.getElementById(id)),
        shown: r.width > 0 && r.height > 0,
        // SVG text has no innerText: what a reader sees is a visible, painted label.
        labels: [...svg.querySelectorAll('text')]
          .filter((t) => getComputedStyle(t).visibility === 'visible' && getComputedStyle(t).display !== 'none' && Number(getComputedStyle(t).opacity) > 0 && t.getBBox().width > 0)
          .map((t) => t.textContent.trim()),
        hops: svg.querySelectorAll('.mc-hop').length,
      };
    }),
  );
  assert.deepEqual(diagrams.map((d) => d.network), ['centralized', 'federated', 'p2p', 'anonymous-routing', 'independent-relays']);
  for (const d of diagrams) {
    assert.ok(d.title && d.desc && d.labelled, `${d.network} has a title and a description`);
    assert.ok(d.shown, `${d.network} is drawn`);
    assert.ok(d.labels.includes('Sender') && d.labels.includes('Recipient'), `${d.network} labels its ends`);
    assert.ok(d.hops >= 1, `${d.network} highlights a path`);
  }
  assert.ok(diagrams[0].labels.includes('Server'));
  assert.ok(diagrams[1].labels.includes('Homeserver'));
  assert.ok(!diagrams[2].labels.some((l) => /server|relay/i.test(l)), 'peer-to-peer has no servers');
  assert.equal(diagrams[3].hops, 4, 'anonymous routing passes three relays');
  // Messengers listed under each architecture, as a reader sees them.
  const users = await page.$$eval('article[data-network]', (arts) =>
    Object.fromEntries(arts.map((a) => [a.dataset.network, [...a.querySelectorAll('.mc-inline-list button')].map((b) => b.innerText.trim())])),
  );
  assert.deepEqual(users.centralized, ['Signal', 'Molly', 'WhatsApp', 'Telegram', 'Threema']);
  assert.deepEqual(users['independent-relays'], ['SimpleX Chat']);
  // Ours, not the guide's: the card says so where a reader sees it.
  assert.match(await page.innerText('article[data-network="independent-relays"] [data-not-guide]'), /Not one of the guide/);
  assert.equal(await page.count('article[data-network="centralized"] [data-not-guide]'), 0);
  assert.deepEqual(users['anonymous-routing'], ['Briar', 'Session']);
  assert.deepEqual(await page.axe(), []);
  await page.assertClean();
  await page.close();
});

test('choosing peer-to-peer filters the matrix to the P2P messengers, and back', async (t) => {
  const page = await env.open(t, '/?view=matrix');
  await showNetworks(page);
  await page.click('article[data-network="p2p"] .mc-inline-list button');
  await page.waitFor('html[data-ready] tr[data-messenger]');
  assert.deepEqual(await page.rowIds(), ['briar']);
  assert.ok(await page.visible('.mc-filter'));
  await page.click('.mc-filter button');
  assert.equal((await page.rowIds()).length, 10);
  await showNetworks(page);
  await page.click('[data-filter-network="federated"]');
  assert.deepEqual(await page.rowIds(), ['element', 'deltachat']);
  await page.assertClean();
  await page.close();
});

test('the matrix’s network column links back to the architecture', async (t) => {
  const page = await env.open(t, '/?view=matrix');
  await page.click('tr[data-messenger="session"] td[data-column="network"] button');
  await page.waitFor('.mc-networks');
  const focused = await page.evaluate(() => document.activeElement?.id);
  assert.equal(focused, 'mc-network-anonymous-routing');
  await page.assertClean();
  await page.close();
});

test('with reduced motion nothing animates, and the path is drawn complete', async (t) => {
  const page = await env.open(t, '/?view=matrix', { reducedMotion: 'reduce' });
  assert.equal(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches), true, 'the preference reaches the page');
  await showNetworks(page);
  const state = await page.$$eval('.mc-hop', (hops) =>
    hops.map((h) => ({ running: h.getAnimations().length, offset: getComputedStyle(h).strokeDashoffset })),
  );
  assert.ok(state.length > 0);
  assert.ok(state.every((s) => s.running === 0), 'no animation runs');
  assert.ok(state.every((s) => parseFloat(s.offset) === 0), 'every hop is drawn');
  await page.close();
  const moving = await env.open(t, '/?view=matrix', { reducedMotion: 'no-preference' });
  await showNetworks(moving);
  const animated = await moving.$$eval('.mc-hop', (hops) => hops.filter((h) => h.getAnimations().length > 0).length);
  assert.ok(animated > 0, 'without the preference, the path animates');
  await moving.close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe-core on the networks view and a detail route, ${colorScheme}, 360 px`, async (t) => {
    const page = await env.open(t, '/?view=matrix', { colorScheme, viewport: { width: 360, height: 800 } });
    assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), colorScheme === 'dark');
    await showNetworks(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scroll (${overflow}px)`);
    assert.deepEqual(await page.axe(), []);
    await page.click('.mc-tab[data-page="matrix"]');
    await page.click('tr[data-messenger="briar"] .mc-name-button');
    await page.waitFor('dialog[open] figure[data-route]');
    assert.equal(await page.count('dialog[open] figure[data-route]'), 2, 'Briar over Tor and nearby');
    assert.deepEqual(await page.axe(), []);
    await page.assertClean();
    await page.close();
  });
}
