import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import {
  assertAccessible,
  inBrowser,
  launchBrowser,
  newUser,
  readmeScreenshot,
  repoRoot,
  startApi,
} from './harness.mjs';
import { at, publish, register, visible } from './steps.mjs';

let api;
let browser;

before(async () => {
  // The XSS scenario publishes the whole corpus at once.
  api = await startApi({ env: { Blog__RateLimits__ArticlesPerMinute: '1000' } });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await api?.stop();
});

function scenario(name, body, options) {
  test(name, { timeout: 240_000 }, () => inBrowser(browser, api, name, body, options));
}

/** Opens the editor of the article on screen once its form holds the stored text. */
async function openEdit(page, id, content) {
  await page.getByRole('link', { name: 'Edit' }).click();
  await at(page, `/articles/${id}/edit`);
  await visible(page.getByText(`${content.length} / 10000`, { exact: true }));
}

scenario('edit an article, and the list shows the new title', async (page) => {
  await register(page, newUser('edith'));
  const content = 'A first draft with a typo.';
  const id = await publish(page, 'Frist title', content);

  await openEdit(page, id, content);
  await page.getByLabel('Title').fill('First title');
  await page.getByLabel('Content').fill('A **first** draft, fixed.');
  await page.getByRole('tab', { name: 'Preview' }).click();
  await visible(page.locator('#preview-panel strong', { hasText: 'first' }));
  await assertAccessible(page, 'the editor, previewing');
  await page.getByRole('tab', { name: 'Write' }).click();
  await page.getByRole('button', { name: 'Save' }).click();

  await at(page, `/articles/${id}`);
  await visible(page.getByRole('heading', { name: 'First title' }));
  assert.equal(await page.locator('.article-html strong').innerText(), 'first');
  await visible(page.getByText('edited'));
  await page.getByRole('link', { name: 'Your articles' }).click();
  await at(page, '/articles');
  await visible(page.getByRole('link', { name: 'First title' }));
  assert.equal(await page.getByRole('link', { name: 'Frist title' }).count(), 0);
});

scenario(
  'an article in Markdown shows its headings, lists, table, code and links',
  async (page) => {
    await register(page, newUser('marta'));
    const markdown = [
      '## Three days in Porto',
      '',
      'We took the **early train** and walked the ~~whole~~ riverside. See [the timetable](https://example.com/trains).',
      '',
      '- [x] Book the hostel',
      '- [ ] Try the *francesinha*',
      '',
      '| Day | Walked |',
      '|---|---:|',
      '| Friday | 12 km |',
      '| Saturday | 18 km |',
      '',
      '```',
      'total = 12 + 18',
      '```',
      '',
      '> Bring good shoes. <script>alert(1)</script>',
    ].join('\n');
    await publish(page, 'A weekend in Porto', markdown);

    const html = page.locator('.article-html');
    await visible(html.getByRole('heading', { name: 'Three days in Porto' }));
    assert.equal(await html.locator('strong').innerText(), 'early train');
    assert.equal(await html.locator('del').innerText(), 'whole');
    assert.equal(
      await html.getByRole('link', { name: 'the timetable' }).getAttribute('rel'),
      'nofollow noopener noreferrer',
    );
    assert.equal(await html.locator('table tbody tr').count(), 2);
    assert.equal((await html.locator('pre code').innerText()).trim(), 'total = 12 + 18');
    assert.match(await html.locator('blockquote').innerText(), /<script>alert\(1\)<\/script>/);
    assert.equal(await html.locator('script').count(), 0);
    await assertAccessible(page, 'an article in Markdown');
    await readmeScreenshot(page, 'article-markdown.png', { fullPage: true });
  },
);

scenario(
  'two tabs edit one article: the second save shows the conflict and keeps its text',
  async (page, context) => {
    await register(page, newUser('tabs'));
    const content = 'The text both tabs start from.';
    const id = await publish(page, 'Shared', content);
    const other = await context.newPage();
    await other.goto(`/articles/${id}`);
    await visible(other.getByRole('heading', { name: 'Shared' }));
    await openEdit(page, id, content);
    await openEdit(other, id, content);

    await other.getByLabel('Content').fill('The other tab saved first.');
    await other.getByRole('button', { name: 'Save' }).click();
    await at(other, `/articles/${id}`);

    const mine = 'My long, careful rewrite that must not be lost.';
    await page.getByLabel('Content').fill(mine);
    await page.getByRole('button', { name: 'Save' }).click();
    await visible(page.getByText('This article was changed elsewhere'));
    assert.equal(await page.getByLabel('Content').inputValue(), mine);
    assert.equal(await page.getByLabel('Your text (not saved)').inputValue(), `Shared\n\n${mine}`);
    await assertAccessible(page, 'the editor after a conflict');

    await page.getByRole('button', { name: 'Load the latest version' }).click();
    await visible(page.getByText('The form now shows the latest version'));
    assert.equal(await page.getByLabel('Content').inputValue(), 'The other tab saved first.');
    assert.equal(await page.getByLabel('Your text (not saved)').inputValue(), `Shared\n\n${mine}`);

    // Saving on top of the latest version now succeeds.
    await page.getByLabel('Content').fill(mine);
    await page.getByRole('button', { name: 'Save' }).click();
    await at(page, `/articles/${id}`);
    await visible(page.getByText(mine));
  },
);

scenario(
  'delete an article after confirming, at 375 px',
  async (page) => {
    await register(page, newUser('dora'));
    const id = await publish(page, 'Doomed', 'This one goes away.');
    await page.goto('/articles');
    await publish(page, 'Kept', 'This one stays here.');
    await page.goto(`/articles/${id}`);
    await visible(page.getByRole('heading', { name: 'Doomed' }));

    await page.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this article?' });
    await visible(dialog);
    await assertAccessible(page, 'the delete confirmation');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await visible(page.getByRole('heading', { name: 'Doomed' }));

    await page.getByRole('button', { name: 'Delete' }).click();
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await at(page, '/articles');
    await visible(page.getByRole('link', { name: 'Kept' }));
    assert.equal(await page.getByRole('link', { name: 'Doomed' }).count(), 0);
    await page.goto(`/articles/${id}`);
    await visible(page.getByText('Article not found'));
  },
  { viewport: { width: 375, height: 740 } },
);

scenario(
  'no payload of the XSS corpus runs script or breaks the CSP on the article page',
  async (page, context) => {
    const corpus = JSON.parse(
      await readFile(join(repoRoot, 'Blog.Tests/Markdown/xss-corpus.json'), 'utf8'),
    );
    // Before any of the page's own script: every way a payload could announce that it ran.
    await context.addInitScript(() => {
      window.__scriptRan = [];
      for (const name of ['alert', 'confirm', 'prompt', 'print']) {
        window[name] = (...args) => window.__scriptRan.push(`${name}(${args.join(',')})`);
      }
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) =>
        window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    const dialogs = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await register(page, newUser('xss'));

    const ids = await page.evaluate(async (payloads) => {
      const xsrf = decodeURIComponent(document.cookie.match(/XSRF-TOKEN=([^;]+)/)[1]);
      const created = [];
      for (const { name, markdown } of payloads) {
        const response = await fetch('/api/v1/articles', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': xsrf },
          body: JSON.stringify({ title: name, content: `${markdown}\n\npadding.` }),
        });
        if (response.status !== 201) {
          throw new Error(`${name}: ${response.status} ${await response.text()}`);
        }
        created.push({ name, id: (await response.json()).id });
      }
      return created;
    }, corpus);
    assert.equal(ids.length, corpus.length);

    // Through the client's own router, so that one window sees every article and keeps the flags.
    for (const { name, id } of ids) {
      await page.evaluate((path) => {
        history.pushState(null, '', path);
        dispatchEvent(new PopStateEvent('popstate'));
      }, `/articles/${id}`);
      await visible(page.getByRole('heading', { name, exact: true }));
      await page.locator('.article-html').waitFor({ state: 'attached' });
    }
    // Events that fire late (an image failing to load, a meta refresh) have had their chance.
    await page.waitForTimeout(1_000);

    const seen = await page.evaluate(() => ({
      ran: window.__scriptRan,
      csp: window.__cspViolations,
    }));
    assert.deepEqual(seen.ran, [], 'no payload may run script');
    assert.deepEqual(dialogs, [], 'no payload may open a dialog');
    assert.deepEqual(seen.csp, [], 'no payload may make the page break its CSP');
    assert.equal(
      new URL(page.url()).pathname,
      `/articles/${ids.at(-1).id}`,
      'no payload may navigate',
    );
  },
);
