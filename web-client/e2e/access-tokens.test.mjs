import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { assertAccessible, inBrowser, launchBrowser, newUser, startApi } from './harness.mjs';
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

/** What a script does with a token: one request, `Authorization: Bearer`, no cookie, no CSRF token. */
function asScript(secret, path) {
  return fetch(`${api.baseUrl}${path}`, { headers: { Authorization: `Bearer ${secret}` } });
}

test(
  'a token made on the account page lists articles from a script, and is 401 once revoked there',
  { timeout: 120_000 },
  () =>
    inBrowser(
      browser,
      api,
      'access tokens',
      async (page) => {
        const user = newUser('scripter');
        await register(page, user);
        await publish(page, 'Read by a script', 'An article that a script lists with its token.');

        await page.getByRole('link', { name: 'Account' }).click();
        await at(page, '/account');
        const section = page.getByRole('region', { name: 'Access tokens' });
        await visible(section.getByText('You have no access tokens.'));
        await assertAccessible(page, 'access tokens, empty');

        await section.getByLabel('Name').fill('e2e script');
        await section.getByLabel('Expires in (days)').fill('7');
        await section.getByRole('button', { name: 'Create token' }).click();
        const secretField = section.getByLabel('Token', { exact: true });
        await visible(secretField);
        const secret = await secretField.inputValue();
        assert.match(secret, /^blog_pat_[A-Za-z0-9_-]{43}$/);
        await visible(page.getByRole('status').getByText('Copy it now', { exact: false }));
        await assertAccessible(page, 'access tokens, new secret shown');
        await section.getByRole('button', { name: 'Copy' }).click();
        await visible(page.getByRole('status').getByText('Token copied to the clipboard.'));
        assert.equal(await page.evaluate(() => navigator.clipboard.readText()), secret);

        const listed = await asScript(secret, '/api/v1/articles');
        assert.equal(listed.status, 200);
        const page1 = await listed.json();
        assert.deepEqual(
          page1.items.map((article) => article.title),
          ['Read by a script'],
        );

        await section.getByRole('button', { name: 'I have copied it' }).click();
        // The secret is shown once: dismissed, it is gone from the page.
        await section.getByLabel('Token', { exact: true }).waitFor({ state: 'detached' });
        await page.reload();
        const row = page.getByRole('row', { name: /e2e script/ });
        await visible(row);
        assert.equal(
          await row.getByText('Never').count(),
          0,
          'the script’s request is its last use',
        );

        await row.getByRole('button', { name: 'Revoke e2e script' }).click();
        await row.getByRole('button', { name: 'Yes, revoke e2e script' }).click();
        await visible(page.getByRole('status').getByText('Token e2e script revoked.'));
        await visible(page.getByText('You have no access tokens.'));

        const refused = await asScript(secret, '/api/v1/articles');
        assert.equal(refused.status, 401);
        assert.equal(refused.headers.get('www-authenticate'), 'Bearer error="invalid_token"');
      },
      { contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } },
    ),
);
