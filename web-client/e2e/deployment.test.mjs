// The deployment the README describes, for real: nginx serves the built client over HTTPS with the
// repository's deploy/nginx/blog.conf and passes /api to the API instances; Chromium goes through
// it, accepting the test's self-signed certificate. With the PostgreSQL cluster of the test command
// (BLOG_TEST_POSTGRES_DIR), there are two instances on one new database of it, sharing nothing
// else; without it (node --test e2e/ on a developer's machine), one instance on its own SQLite file.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';

import { inBrowser, launchBrowser, newUser, repoRoot, startApi } from './harness.mjs';
import { nginxPath, startNginx } from './nginx.mjs';
import { at, logOut, publish, register, signIn, visible } from './steps.mjs';

// All of 127.0.0.0/8 is this machine's. nginx listens on one address and connects to the API from
// another, the only one the API believes forwarded headers from; the browser connects from a third
// (the system's choice, 127.0.0.1).
const NGINX_ADDRESS = '127.0.0.2';
const PROXY_ADDRESS = '127.0.0.4';
const LOGINS_PER_MINUTE = 5;
// The API's line for each request it answered, e.g. "Request finished HTTP/1.1 GET
// http://127.0.0.2/api/v1/articles?limit=20 - 200 ...": the host nginx passed on, the path, the status.
const REQUEST_FINISHED =
  /Request finished HTTP\/\S+ \w+ https?:\/\/([^/:\s]+)[^/\s]*(\/\S*) - (\d{3})/g;
// The API answers these with a 2xx to a signed-in browser only (anonymous, it is a 401).
const SIGNED_IN_ONLY = /^\/api\/v1\/(users\/current|articles)(?:[/?]|$)/;
// The security headers the API sends with the client's pages, which nginx sends when it serves them
// itself.
const PAGE_HEADERS = [
  'content-security-policy',
  'x-content-type-options',
  'referrer-policy',
  'x-frame-options',
];

const postgresCluster = process.env.BLOG_TEST_POSTGRES_DIR;
const instances = postgresCluster
  ? 'two API instances on PostgreSQL'
  : 'one API instance on SQLite';

// Without nginx, each scenario is reported as skipped, with the reason.
const skip = nginxPath ? false : 'nginx is not installed (bash scripts/setup.sh installs it)';
let apis = [];
let nginx;
let browser;

/** The settings of each instance to start: the database is all they have in common. */
async function databasesOfInstances() {
  if (!postgresCluster) {
    return [{}];
  }
  const name = `e2e_deployment_${process.pid}_${Date.now()}`;
  const { stdout } = await promisify(execFile)('bash', [
    join(repoRoot, 'scripts/postgres.sh'),
    'database',
    postgresCluster,
    name,
  ]);
  const database = { Blog__Database__Provider: 'Postgres', ConnectionStrings__Blog: stdout.trim() };
  return [database, database];
}

describe(`the client and ${instances} behind nginx over HTTPS`, () => {
  before(async () => {
    if (skip) {
      return;
    }
    const settings = {
      Blog__ForwardedHeaders__KnownProxies: PROXY_ADDRESS,
      Blog__RateLimits__LoginPerMinute: String(LOGINS_PER_MINUTE),
    };
    // One after the other, each kept as soon as it runs, so that `after` stops it whatever fails next.
    for (const database of await databasesOfInstances()) {
      apis.push(await startApi({ env: { ...settings, ...database } }));
    }
    nginx = await startNginx({
      upstreams: apis.map((api) => api.address),
      address: NGINX_ADDRESS,
      proxyBind: PROXY_ADDRESS,
    });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await nginx?.stop();
    await Promise.all(apis.map((api) => api.stop()));
  });

  /** Where each instance's log is now. */
  const logPositions = () => apis.map((api) => api.logPosition());

  /**
   * Fails unless every instance has answered, since `positions`, a request that only a signed-in
   * browser gets a 2xx for: then each of them read the session cookie, which only one of them
   * issued (sessions, and the Data Protection keys that protect the cookie, are in the database).
   */
  async function assertEveryInstanceServed(positions, session) {
    const served = (index) =>
      [...apis[index].output(positions[index]).matchAll(REQUEST_FINISHED)].some(
        ([, host, path, status]) =>
          host === NGINX_ADDRESS && SIGNED_IN_ONLY.test(path) && status.startsWith('2'),
      );
    // The API logs a request a moment after the browser has its answer.
    const deadline = Date.now() + 5_000;
    while (!apis.every((_, index) => served(index)) && Date.now() < deadline) {
      await sleep(100);
    }
    for (const [index, api] of apis.entries()) {
      assert.ok(
        served(index),
        `instance ${index + 1} of ${apis.length} (${api.address}) answered ${session} through nginx`,
      );
    }
  }

  function scenario(name, body) {
    test(name, { timeout: 120_000, skip }, async () => {
      try {
        await inBrowser(browser, apis[0], name, body, {
          contextOptions: { baseURL: nginx.origin, ignoreHTTPSErrors: true },
        });
      } catch (error) {
        // inBrowser keeps the first instance's log; the other instances' and nginx's logs show
        // which requests reached which instance, and what nginx answered itself.
        const kept = [
          ...apis.slice(1).map((api) => api.keepLog().path),
          ...(await nginx.keepLogs()),
        ];
        if (error instanceof Error) {
          error.message += `\nAlso kept: ${kept.join(', ')}`;
        }
        throw error;
      }
    });
  }

  scenario('register, publish, sign out and sign in again', async (page, context) => {
    const user = newUser('olga');
    const entered = page.waitForResponse(
      (response) => new URL(response.url()).pathname === '/api/v1/users/current',
    );
    const pageResponse = await page.goto('/');
    await at(page, '/login');
    const fromNginx = await pageResponse.allHeaders();
    const fromApi = Object.fromEntries((await fetch(`${apis[0].baseUrl}/`)).headers);
    for (const name of PAGE_HEADERS) {
      assert.ok(fromNginx[name], `nginx sends ${name} with the page`);
      assert.equal(
        fromNginx[name],
        fromApi[name],
        `nginx sends the ${name} the API sends with the page`,
      );
    }
    assert.equal(
      fromNginx['cache-control'],
      'no-cache',
      'index.html is fetched anew at each visit',
    );
    const hsts = (await (await entered).allHeaders())['strict-transport-security'];
    assert.match(
      hsts ?? '',
      /max-age=\d+/,
      'the API sends HSTS: it knows the request came over HTTPS',
    );

    const beforeRegistering = logPositions();
    await register(page, user);
    const session = (await context.cookies()).find((cookie) =>
      cookie.name.endsWith('blog_session'),
    );
    assert.ok(session, 'a session cookie is set');
    assert.equal(session.name, '__Host-blog_session');
    assert.equal(session.secure, true);
    assert.equal(session.httpOnly, true);

    const id = await publish(page, 'Served by nginx', 'Through the reverse proxy, over HTTPS.');
    await assertEveryInstanceServed(beforeRegistering, 'the session begun by registering');
    await logOut(page);
    assert.equal(
      (await context.cookies()).some((cookie) => cookie.name.endsWith('blog_session')),
      false,
      'signing out removes the session cookie',
    );
    const beforeSigningIn = logPositions();
    await signIn(page, user.username, user.password);
    await at(page, '/articles');
    await page.getByRole('link', { name: 'Served by nginx' }).click();
    await at(page, `/articles/${id}`);
    await visible(page.getByText('Through the reverse proxy, over HTTPS.'));
    await assertEveryInstanceServed(beforeSigningIn, 'the session begun by signing in');
  });

  scenario('plain HTTP is sent to HTTPS, and the built files are kept', async (page) => {
    await page.goto(`${nginx.httpOrigin}/register?from=http`);
    assert.equal(new URL(page.url()).origin, nginx.origin);
    await at(page, '/register');
    assert.equal(new URL(page.url()).searchParams.get('from'), 'http');

    const script = await page.evaluate(() => document.querySelector('script[src]').src);
    const response = await page.request.get(script);
    assert.equal(response.status(), 200);
    assert.equal(response.headers()['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal((await page.request.get('/no-such-file.js')).status(), 404);
  });

  scenario('bodies over 64 KiB are refused as problems, by the API and by nginx', async (page) => {
    await page.goto('/login');
    const post = (bytes) =>
      page.evaluate(async (size) => {
        const response = await fetch('/api/v1/login', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: `"${'x'.repeat(size - 2)}"`,
        });
        return {
          status: response.status,
          type: response.headers.get('content-type'),
          problem: await response.json(),
        };
      }, bytes);
    const justOver = await post(64 * 1024 + 100);
    const farOver = await post(1024 * 1024);
    for (const answer of [justOver, farOver]) {
      assert.equal(answer.status, 413);
      assert.match(answer.type, /^application\/problem\+json/);
      assert.equal(answer.problem.status, 413);
    }
    assert.ok(justOver.problem.traceId, "within nginx's limit, the API answers (with its traceId)");
    assert.equal(farOver.problem.traceId, undefined, 'far over it, nginx answers');
  });

  // Last: it spends this address's logins for the minute.
  scenario('the login rate limit counts the browser’s address, not nginx’s', async (page) => {
    await page.goto('/login');
    const spoofed = '203.0.113.9';
    // Without the XSRF header, each attempt is refused before any password is checked (no lockout),
    // but after the limiter has counted it.
    let status;
    for (let attempt = 0; attempt <= LOGINS_PER_MINUTE && status !== 429; attempt += 1) {
      status = await page.evaluate(async (forwardedFor) => {
        const response = await fetch('/api/v1/login', {
          method: 'POST',
          // A client's own X-Forwarded-For is replaced by nginx, so it cannot choose its address.
          headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': forwardedFor },
          body: JSON.stringify({
            usernameOrEmail: 'nobody-at-all',
            password: 'not-the-password',
          }),
        });
        return response.status;
      }, spoofed);
    }
    assert.equal(status, 429, `more than ${LOGINS_PER_MINUTE} logins a minute are refused`);

    // nginx spreads the attempts over the instances: a refusal within LOGINS_PER_MINUTE + 1 of them
    // shows that the instances count them together, and it may come from any of them.
    const refusal = /Rate limit refused \/api\/v1\/login from (\S+)/.exec(
      apis.map((api) => api.output()).join('\n'),
    );
    assert.ok(refusal, 'an instance logs the refusal with the address it counted');
    const counted = refusal[1];
    const seenByNginx = (await nginx.accessLog())
      .split('\n')
      .filter((line) => line.includes('"POST /api/v1/login ') && / 429 /.test(line))
      .map((line) => line.split(' ')[0]);
    assert.deepEqual(
      [...new Set(seenByNginx)],
      [counted],
      'the API counted the address nginx saw the browser at',
    );
    assert.notEqual(counted, PROXY_ADDRESS);
    assert.notEqual(counted, spoofed);
  });
});
