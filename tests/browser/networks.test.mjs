// "How messengers connect": four labelled diagrams, filtering the matrix, the network column
// linking back, reduced motion, accessibility.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser, openPage, axe, rowIds } from './harness.mjs';

const env = withBrowser();

async function showNetworks(page) {
  await page.click('.mc-tab:nth-child(2)');
  await page.waitForSelector('.mc-networks');
}

test('five diagrams, each titled, described and labelled', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.origin);
  await showNetworks(page);
  const diagrams = await page.$$eval('figure[data-network]', (figs) =>
    figs.map((f) => {
      const svg = f.querySelector('svg[role="img"]');
      const ids = (svg.getAttribute('aria-labelledby') || '').split(' ');
      return {
        network: f.dataset.network,
        title: svg.querySelector('title')?.textContent.trim(),
        desc: svg.querySelector('desc')?.textContent.trim(),
        labelled: ids.every((id) => document.getElementById(id)),
        labels: [...svg.querySelectorAll('text')].map((t) => t.textContent.trim()),
        hops: svg.querySelectorAll('.mc-hop').length,
      };
    }),
  );
  assert.deepEqual(diagrams.map((d) => d.network), ['centralized', 'federated', 'p2p', 'anonymous-routing', 'independent-relays']);
  for (const d of diagrams) {
    assert.ok(d.title && d.desc && d.labelled, `${d.network} has a title and a description`);
    assert.ok(d.labels.includes('Sender') && d.labels.includes('Recipient'), `${d.network} labels its ends`);
    assert.ok(d.hops >= 1, `${d.network} highlights a path`);
  }
  assert.ok(diagrams[0].labels.includes('Server'));
  assert.ok(diagrams[1].labels.includes('Homeserver'));
  assert.ok(!diagrams[2].labels.some((l) => /server|relay/i.test(l)), 'peer-to-peer has no servers');
  assert.equal(diagrams[3].hops, 4, 'anonymous routing passes three relays');
  // Messengers listed under each architecture.
  const users = await page.$$eval('article[data-network]', (arts) =>
    Object.fromEntries(arts.map((a) => [a.dataset.network, [...a.querySelectorAll('.mc-inline-list button')].map((b) => b.textContent.trim())])),
  );
  assert.deepEqual(users.centralized, ['Signal', 'Molly', 'WhatsApp', 'Telegram', 'Threema']);
  assert.deepEqual(users['independent-relays'], ['SimpleX Chat']);
  // Ours, not the guide's: the card says so where a reader sees it.
  assert.match(await page.innerText('article[data-network="independent-relays"] [data-not-guide]'), /Not one of the guide/);
  assert.equal(await page.locator('article[data-network="centralized"] [data-not-guide]').count(), 0);
  assert.deepEqual(users['anonymous-routing'], ['Briar', 'Session']);
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems.errors, []);
  assert.deepEqual(problems.foreign, []);
  await context.close();
});

test('choosing peer-to-peer filters the matrix to the P2P messengers, and back', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.origin);
  await showNetworks(page);
  await page.click('article[data-network="p2p"] .mc-inline-list button');
  await page.waitForSelector('html[data-ready] tr[data-messenger]');
  assert.deepEqual(await rowIds(page), ['briar']);
  assert.ok(await page.isVisible('.mc-filter'));
  await page.click('.mc-filter button');
  assert.equal((await rowIds(page)).length, 10);
  await showNetworks(page);
  await page.click('[data-filter-network="federated"]');
  assert.deepEqual(await rowIds(page), ['element', 'deltachat']);
  assert.deepEqual(problems.errors, []);
  await context.close();
});

test('the matrix’s network column links back to the architecture', async () => {
  const { page, context, problems } = await openPage(env.browser, env.server.origin);
  await page.click('tr[data-messenger="session"] td[data-column="network"] button');
  await page.waitForSelector('.mc-networks');
  const focused = await page.evaluate(() => document.activeElement?.id);
  assert.equal(focused, 'mc-network-anonymous-routing');
  assert.deepEqual(problems.errors, []);
  await context.close();
});

test('with reduced motion nothing animates, and the path is drawn complete', async () => {
  const { page, context } = await openPage(env.browser, env.server.origin, '/', { reducedMotion: 'reduce' });
  await showNetworks(page);
  const state = await page.$$eval('.mc-hop', (hops) =>
    hops.map((h) => ({ running: h.getAnimations().length, offset: getComputedStyle(h).strokeDashoffset })),
  );
  assert.ok(state.length > 0);
  assert.ok(state.every((s) => s.running === 0), 'no animation runs');
  assert.ok(state.every((s) => parseFloat(s.offset) === 0), 'every hop is drawn');
  await context.close();
  const moving = await openPage(env.browser, env.server.origin);
  await showNetworks(moving.page);
  const animated = await moving.page.$$eval('.mc-hop', (hops) => hops.filter((h) => h.getAnimations().length > 0).length);
  assert.ok(animated > 0, 'without the preference, the path animates');
  await moving.context.close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe-core on the networks view and a detail route, ${colorScheme}, 360 px`, async () => {
    const { page, context } = await openPage(env.browser, env.server.origin, '/', { colorScheme, viewport: { width: 360, height: 800 } });
    await showNetworks(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scroll (${overflow}px)`);
    assert.deepEqual(await axe(page), []);
    await page.click('.mc-tab:nth-child(1)');
    await page.click('tr[data-messenger="briar"] .mc-name-button');
    await page.locator('dialog[open] figure[data-route]').first().waitFor();
    assert.equal(await page.locator('dialog[open] figure[data-route]').count(), 2, 'Briar over Tor and nearby');
    assert.deepEqual(await axe(page), []);
    await context.close();
  });
}
