// What a user does in the client, step by step, for the scenarios of every file.

export async function visible(locator) {
  await locator.waitFor({ state: 'visible' });
}

export async function at(page, pathname) {
  await page.waitForURL((url) => url.pathname === pathname);
}

export async function register(page, user) {
  await page.goto('/register');
  await page.getByLabel('Username', { exact: true }).fill(user.username);
  await page.getByLabel('Email', { exact: true }).fill(user.email);
  await page.getByLabel('Repeat email', { exact: true }).fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await at(page, '/articles');
  await visible(page.getByText(`Hello ${user.username}`));
}

export async function signIn(page, usernameOrEmail, password) {
  await page.getByLabel('Username or email').fill(usernameOrEmail);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function logOut(page) {
  await page.getByRole('button', { name: 'Log out' }).click();
  await at(page, '/login');
}

/**
 * Opens the editor from the article list once its fields are bound to the form: they are on the
 * page a moment before (until the first change detection), and text typed then is wiped by the
 * form's initial empty value. The counters appear in that same change detection.
 */
export async function openEditor(page) {
  await page.locator('a[href="/articles/new"]').first().click();
  await at(page, '/articles/new');
  await visible(page.getByText('0 / 10000', { exact: true }));
}

/** Types an article into the open editor, and waits until the form has counted it. */
export async function writeArticle(page, title, content) {
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Content').fill(content);
  await visible(page.getByText(`${content.length} / 10000`, { exact: true }));
}

/** Publishes from the article list and returns the new article's id. */
export async function publish(page, title, content) {
  await openEditor(page);
  await writeArticle(page, title, content);
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.waitForURL(/\/articles\/\d+$/);
  await visible(page.getByRole('heading', { name: title }));
  return Number(new URL(page.url()).pathname.split('/').pop());
}
