import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
  assertAccessible,
  inBrowser,
  launchBrowser,
  newUser,
  readmeScreenshot,
  startApi,
} from './harness.mjs';
import { at, publish, register, visible } from './steps.mjs';

let api;
let browser;

before(async () => {
  api = await startApi();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await api?.stop();
});

function scenario(name, body) {
  test(name, { timeout: 120_000 }, () => inBrowser(browser, api, name, body));
}

function searchBox(page) {
  return page.getByLabel('Search your articles');
}

function results(page) {
  return page.getByRole('list', { name: 'Search results' }).locator('li');
}

scenario(
  'search finds a word of the body, ignores accents, and keeps q in the URL',
  async (page) => {
    await page.goto('/');
    await register(page, newUser('searcher'));
    await publish(
      page,
      'Lisbon weekend',
      'We drank coffee at a small cafe near the river <b>Tagus</b>.',
    );
    await page.getByRole('link', { name: 'Your articles' }).click();
    await publish(page, 'Mountain notes', 'Snow, wind and a very long climb to the summit.');
    await page.getByRole('link', { name: 'Your articles' }).click();
    await at(page, '/articles');

    // A word from the body, not the title; the match is highlighted, the markup shown as text.
    await searchBox(page).fill('summit');
    await page.waitForURL((url) => url.searchParams.get('q') === 'summit');
    await visible(results(page).first());
    assert.equal(await results(page).count(), 1);
    assert.equal(await results(page).first().getByRole('heading').innerText(), 'Mountain notes');
    assert.equal(await results(page).first().locator('mark').innerText(), 'summit');
    await assertAccessible(page, 'search results');
    await readmeScreenshot(page, 'search-results.png');

    // An accented query finds the unaccented text.
    await searchBox(page).fill('CAFÉ');
    await page.waitForURL((url) => url.searchParams.get('q') === 'CAFÉ');
    await visible(results(page).getByRole('heading', { name: 'Lisbon weekend' }));
    assert.equal(await results(page).count(), 1);
    const snippet = results(page).first().locator('.article-snippet');
    assert.equal(await snippet.locator('mark').innerText(), 'cafe');
    assert.equal(
      await snippet.locator('b').count(),
      0,
      'the snippet must not render the article as HTML',
    );
    assert.match(await snippet.innerText(), /<b>Tagus<\/b>/);

    // Reload and back keep the search the URL names.
    await page.reload();
    await visible(results(page).getByRole('heading', { name: 'Lisbon weekend' }));
    assert.equal(await searchBox(page).inputValue(), 'CAFÉ');
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('q') === 'summit');
    await visible(results(page).getByRole('heading', { name: 'Mountain notes' }));
    assert.equal(await searchBox(page).inputValue(), 'summit');

    await searchBox(page).fill('nowhere to be found');
    await visible(page.getByText('No articles match “nowhere to be found”.'));
  },
);
