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
import {
  at,
  logOut,
  openEditor,
  publish,
  register,
  signIn,
  visible,
  writeArticle,
} from './steps.mjs';

const CSRF_REFUSAL = 'Invalid or missing CSRF token.';
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

async function backToList(page) {
  await page.getByRole('link', { name: 'Your articles' }).click();
  await at(page, '/articles');
}

scenario('register, publish, read, log out and sign in by email', async (page) => {
  const user = newUser('alice');
  await page.goto('/');
  await at(page, '/login');
  await page.getByRole('link', { name: 'Create an account' }).click();
  await at(page, '/register');
  await register(page, user);
  await visible(page.getByText('No articles yet'));

  const content = 'First paragraph.\n\nSecond paragraph with <b>markup</b> shown as text.';
  const id = await publish(page, 'My first article', content);
  const body = page.locator('.article-html');
  assert.equal(await body.innerText(), content);
  assert.equal(await body.locator('b').count(), 0, 'article text must not be rendered as HTML');

  await backToList(page);
  await page.getByRole('link', { name: 'My first article' }).click();
  await at(page, `/articles/${id}`);
  await visible(page.getByRole('heading', { name: 'My first article' }));

  await backToList(page);
  await publish(
    page,
    'Notes from the mountains',
    'Snow, wind and a very long climb.\nWorth every step.',
  );
  await backToList(page);
  await publish(
    page,
    'Why I write',
    'Writing makes thinking visible. This blog is where I practise it every week.',
  );
  await backToList(page);
  const titles = await page.locator('li h2').allInnerTexts();
  assert.deepEqual(titles, ['Why I write', 'Notes from the mountains', 'My first article']);
  await readmeScreenshot(page, 'screenshot-articles.png');

  await logOut(page);
  assert.equal(await page.getByText(`Hello ${user.username}`).count(), 0);
  // Signing in by email, case-insensitively, with the keyboard only.
  await page.getByLabel('Username or email').focus();
  await page.keyboard.type(user.email.toUpperCase());
  await page.keyboard.press('Tab');
  await page.keyboard.type(user.password);
  await page.keyboard.press('Enter');
  await at(page, '/articles');
  await visible(page.getByText(`Hello ${user.username}`));
  await page.getByRole('link', { name: 'My first article' }).click();
  assert.equal(await page.locator('.article-html').innerText(), content);
});

scenario('another user sees none of the first user’s articles', async (page, context) => {
  const alice = newUser('anna');
  await register(page, alice);
  const id = await publish(page, 'Private to Alice', 'Only Alice may read this article.');

  const other = await context.browser().newContext({ baseURL: api.baseUrl });
  try {
    const bobPage = await other.newPage();
    await register(bobPage, newUser('bob'));
    await visible(bobPage.getByText('No articles yet'));
    await bobPage.goto(`/articles/${id}`);
    await visible(bobPage.getByRole('heading', { name: 'Article not found' }));
    assert.equal(await bobPage.getByText('Only Alice may read this article.').count(), 0);
  } finally {
    await other.close();
  }
});

scenario('unsafe requests without the CSRF header are refused', async (page, context) => {
  await page.goto('/login');
  const forgedLogin = await page.evaluate(async () => {
    const response = await fetch('/api/v1/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ usernameOrEmail: 'nobody', password: 'whatever-password' }),
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: await response.json(),
    };
  });
  assert.equal(forgedLogin.status, 400);
  assert.match(forgedLogin.type, /^application\/problem\+json/);
  assert.equal(forgedLogin.body.title, CSRF_REFUSAL);

  await register(page, newUser('carol'));
  const article = { title: 'Forged', content: 'This article was never meant to exist.' };
  const fromPage = await page.evaluate(async (data) => {
    const response = await fetch('/api/v1/articles', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(data),
    });
    return { status: response.status, body: await response.json() };
  }, article);
  assert.equal(fromPage.status, 400);
  assert.equal(fromPage.body.title, CSRF_REFUSAL);

  const withCookiesOnly = await page.request.post('/api/v1/articles', { data: article });
  assert.equal(withCookiesOnly.status(), 400);
  assert.equal((await withCookiesOnly.json()).title, CSRF_REFUSAL);

  // The same request with the token echoed from the cookie goes through: the header is what was missing.
  const token = (await context.cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN');
  assert.ok(token, 'the XSRF-TOKEN cookie is set');
  const withHeader = await page.request.post('/api/v1/articles', {
    data: { title: 'Legit', content: 'Sent with the token from the cookie.' },
    headers: { 'X-XSRF-TOKEN': decodeURIComponent(token.value) },
  });
  assert.equal(withHeader.status(), 201);

  await page.reload();
  await visible(page.getByRole('link', { name: 'Legit' }));
  assert.equal(await page.getByRole('link', { name: 'Forged' }).count(), 0);
});

scenario('the list pages with Load more', async (page, context) => {
  await register(page, newUser('heidi'));
  const token = (await context.cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN');
  for (let number = 1; number <= 21; number += 1) {
    const response = await page.request.post('/api/v1/articles', {
      data: { title: `Article ${number}`, content: `Content of article ${number}.` },
      headers: { 'X-XSRF-TOKEN': decodeURIComponent(token.value) },
    });
    assert.equal(response.status(), 201);
  }
  await page.reload();
  await visible(page.getByRole('link', { name: 'Article 21' }));
  assert.equal(await page.locator('li h2').count(), 20);
  await page.getByRole('button', { name: 'Load more' }).click();
  await visible(page.getByRole('link', { name: 'Article 1', exact: true }));
  assert.equal(await page.locator('li h2').count(), 21);
  assert.equal(await page.getByRole('button', { name: 'Load more' }).count(), 0);
});

scenario('a wrong password shows the API message', async (page) => {
  const user = newUser('dave');
  await register(page, user);
  await logOut(page);
  await signIn(page, user.username, 'not-the-password');
  await visible(page.getByText('Wrong username or password.'));
  assert.equal(new URL(page.url()).pathname, '/login');
  await signIn(page, 'no-such-user', 'not-the-password');
  await visible(page.getByText('Wrong username or password.'));
  await signIn(page, user.username, user.password);
  await at(page, '/articles');
});

scenario('logging out in another tab ends the session here too', async (page, context) => {
  const user = newUser('erin');
  await register(page, user);

  const otherTab = await context.newPage();
  await otherTab.goto('/articles');
  await visible(otherTab.getByText(`Hello ${user.username}`));
  await logOut(otherTab);

  // Back to the first tab, as a person would: Chromium renders a background tab only now and then,
  // so the editor's fields could be typed into before the form was bound to them (and then wiped).
  await page.bringToFront();
  await openEditor(page);
  await writeArticle(page, 'Too late', 'The session has already ended.');
  await page.getByRole('button', { name: 'Publish' }).click();
  await at(page, '/login');
  await visible(page.getByText('Your session has ended. Please sign in again.'));
  assert.equal(await page.getByText(`Hello ${user.username}`).count(), 0);

  await signIn(page, user.username, user.password);
  await at(page, '/articles/new');
});

scenario('a lost session cookie sends the user to sign in and back', async (page, context) => {
  const user = newUser('frank');
  await register(page, user);
  const id = await publish(page, 'Still mine', 'Readable again after signing in.');
  await backToList(page);

  await context.clearCookies();
  await page.getByRole('link', { name: 'Still mine' }).click();
  await at(page, '/login');
  await visible(page.getByText('Your session has ended. Please sign in again.'));
  assert.equal(new URL(page.url()).searchParams.get('returnUrl'), `/articles/${id}`);

  // No XSRF cookie is left either: the client fetches a fresh token and retries the sign-in.
  await signIn(page, user.username, user.password);
  await at(page, `/articles/${id}`);
  await visible(page.getByRole('heading', { name: 'Still mine' }));
});

scenario(
  'every screen fits a 375 px phone and meets WCAG 2.2 AA there',
  async (page) => {
    const check = async (screen) => {
      const fits = await page.evaluate(
        () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
      );
      assert.ok(fits, `${screen} fits`);
      await assertAccessible(page, `${screen} on a phone`);
    };
    await page.goto('/login');
    await visible(page.getByRole('button', { name: 'Sign in' }));
    await check('Sign in');
    await page.goto('/register');
    await visible(page.getByRole('button', { name: 'Create account' }));
    await check('Create account');
    await register(page, newUser('grace'));
    await visible(page.getByText('No articles yet'));
    await check('Article list, empty');
    const title = `A-title-without-any-spaces-${'x'.repeat(80)}`;
    await publish(page, title, `Content-without-spaces-${'y'.repeat(300)}`);
    await check('Article');
    await backToList(page);
    await visible(page.getByRole('link', { name: title }));
    await check('Article list');
    await page.goto('/no/such/page');
    await visible(page.getByRole('heading', { name: 'Page not found' }));
    await check('Page not found');
  },
  { viewport: { width: 375, height: 740 } },
);

scenario('every screen meets WCAG 2.2 AA (axe-core)', async (page, context) => {
  await page.goto('/login');
  await visible(page.getByRole('button', { name: 'Sign in' }));
  await assertAccessible(page, 'Sign in');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await visible(page.getByText('Enter your password.'));
  await assertAccessible(page, 'Sign in with empty fields');
  await signIn(page, 'nobody', 'not-the-password');
  await visible(page.getByText('Wrong username or password.'));
  await assertAccessible(page, 'Sign in refused');

  await page.getByRole('link', { name: 'Create an account' }).click();
  await visible(page.getByRole('button', { name: 'Create account' }));
  await assertAccessible(page, 'Create account');
  await page.getByLabel('Username', { exact: true }).fill('x');
  await page.getByLabel('Email', { exact: true }).fill('not-an-address');
  await page.getByRole('button', { name: 'Create account' }).click();
  await visible(page.getByText('Enter a valid email address.'));
  await assertAccessible(page, 'Create account with broken rules');

  const user = newUser('ivy');
  await register(page, user);
  await visible(page.getByText('No articles yet'));
  await assertAccessible(page, 'Article list, empty');

  await openEditor(page);
  await assertAccessible(page, 'Editor');
  await page.getByRole('button', { name: 'Publish' }).click();
  await visible(page.getByText('Enter a title.'));
  await assertAccessible(page, 'Editor with empty fields');
  await writeArticle(page, 'Readable for everyone', 'Contrast, labels and landmarks.');
  await page.getByRole('button', { name: 'Publish' }).click();
  await visible(page.getByRole('heading', { name: 'Readable for everyone' }));
  await assertAccessible(page, 'Article');

  await backToList(page);
  await visible(page.getByRole('link', { name: 'Readable for everyone' }));
  await assertAccessible(page, 'Article list');

  await page.goto('/articles/999999');
  await visible(page.getByRole('heading', { name: 'Article not found' }));
  await assertAccessible(page, 'Article not found');
  await page.goto('/no/such/page');
  await visible(page.getByRole('heading', { name: 'Page not found' }));
  await assertAccessible(page, 'Page not found');

  await page.goto('/articles');
  await visible(page.getByRole('link', { name: 'Readable for everyone' }));
  await context.clearCookies();
  await page.getByRole('link', { name: 'Readable for everyone' }).click();
  await visible(page.getByText('Your session has ended. Please sign in again.'));
  await assertAccessible(page, 'Sign in after the session ended');
});
