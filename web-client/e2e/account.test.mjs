import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';

import {
  assertAccessible,
  inBrowser,
  launchBrowser,
  newUser,
  readmeScreenshot,
  startApi,
} from './harness.mjs';
import { at, logOut, register, signIn, visible } from './steps.mjs';

const SESSION_ENDED = 'Your session has ended. Please sign in again.';
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

function scenario(name, body, options) {
  test(name, { timeout: 120_000 }, () => inBrowser(browser, api, name, body, options));
}

/** A second browser of the same user (another device), signed in; closed by the caller. */
async function secondDevice(context, user) {
  const other = await context.browser().newContext({ baseURL: api.baseUrl });
  const page = await other.newPage();
  await page.goto('/login');
  await signIn(page, user.username, user.password);
  await at(page, '/articles');
  return { other, page };
}

async function openAccount(page) {
  await page.getByRole('link', { name: 'Account' }).click();
  await at(page, '/account');
  await visible(page.getByRole('heading', { name: 'Your sessions' }));
  await visible(page.getByText('This device'));
}

/** A request of the page's browser to the API, with its cookies and XSRF token, as the client sends it. */
async function callApi(page, method, path, data) {
  const cookies = await page.context().cookies();
  const token = cookies.find((cookie) => cookie.name === 'XSRF-TOKEN')?.value;
  return page.request.fetch(path, {
    method,
    data,
    headers: token ? { 'X-XSRF-TOKEN': decodeURIComponent(token) } : {},
  });
}

scenario(
  'a session ended from another device lands on sign-in at its next click',
  async (page, context) => {
    const user = newUser('devi');
    await register(page, user);
    const { other, page: laptop } = await secondDevice(context, user);
    try {
      await openAccount(page);
      const rows = page.locator('tbody tr');
      await visible(rows.nth(1));
      assert.equal(await rows.count(), 2);
      await rows
        .filter({ hasNotText: 'This device' })
        .getByRole('button', { name: /Sign out/ })
        .click();
      await visible(page.locator('tbody tr').first());
      await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);

      await laptop.getByRole('link', { name: 'Account' }).click();
      await at(laptop, '/login');
      await visible(laptop.getByText(SESSION_ENDED));
    } finally {
      await other.close();
    }
  },
);

scenario(
  'a password change ends the other device and this one stays signed in',
  async (page, context) => {
    const user = newUser('pia');
    await register(page, user);
    const { other, page: laptop } = await secondDevice(context, user);
    try {
      await openAccount(page);
      await assertAccessible(page, 'account');
      await page.getByLabel('Current password').fill('not the password');
      await page.getByLabel('New password').fill('a new and long passphrase');
      await page.getByRole('button', { name: 'Change password' }).click();
      await visible(page.getByText('The current password is wrong.'));

      await page.getByLabel('Current password').fill(user.password);
      await page.getByRole('button', { name: 'Change password' }).click();
      await visible(page.getByText('Your password has been changed.'));
      await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);

      await laptop.getByRole('link', { name: 'Account' }).click();
      await at(laptop, '/login');
      await visible(laptop.getByText(SESSION_ENDED));

      await page.reload();
      await visible(page.getByText(`Hello ${user.username}`));
      await visible(page.getByText('This device'));
      await logOut(page);
      await signIn(page, user.username, 'a new and long passphrase');
      await at(page, '/articles');
    } finally {
      await other.close();
    }
  },
);

scenario('the export download holds every article', async (page) => {
  const user = newUser('exa');
  await register(page, user);
  const titles = [];
  for (let i = 1; i <= 30; i++) {
    const title = `Exported article ${i}`;
    const response = await callApi(page, 'POST', '/api/v1/articles', {
      title,
      content: `The content of article number ${i}.`,
    });
    assert.equal(response.status(), 201);
    titles.unshift(title);
  }
  await page.goto('/account');
  await visible(page.getByText('This device'));

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download your articles' }).click(),
  ]);
  const today = new Date().toISOString().slice(0, 10);
  assert.equal(download.suggestedFilename(), `blog-export-${user.username}-${today}.json`);
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(exported.user.username, user.username);
  assert.deepEqual(
    exported.articles.map((article) => article.title),
    titles,
  );
  assert.equal(exported.articles[29].content, 'The content of article number 1.');
});

scenario(
  'after deletion the old credentials are refused and the name is free again',
  async (page) => {
    const user = newUser('dora');
    await register(page, user);
    await page.goto('/account');
    await visible(page.getByText('This device'));
    await readmeScreenshot(page, 'account.png', { fullPage: true });

    await page.getByRole('button', { name: 'Delete account' }).click();
    await visible(page.getByText('Confirm that you want to delete your account.'));
    await page.getByLabel('Password', { exact: true }).fill('not the password');
    await page.getByLabel(/I understand/).check();
    await page.getByRole('button', { name: 'Delete account' }).click();
    await visible(page.getByText('The password is wrong.'));
    await page.getByLabel('Password', { exact: true }).fill(user.password);
    await page.getByRole('button', { name: 'Delete account' }).click();
    await at(page, '/register');

    await page.request.get('/api/v1/users/current');
    const login = await callApi(page, 'POST', '/api/v1/login', {
      usernameOrEmail: user.username,
      password: user.password,
    });
    assert.equal(login.status(), 401);
    await register(page, user);
  },
);

scenario(
  'the account page fits a 375 px screen',
  async (page) => {
    await register(page, newUser('mia'));
    await openAccount(page);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.equal(overflow, 0, 'nothing scrolls sideways');
    await assertAccessible(page, 'account at 375 px');
  },
  { viewport: { width: 375, height: 740 } },
);
