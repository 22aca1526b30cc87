// Starts the real API (serving the built client) on a fresh SQLite database, or on the database its
// settings name, and Chromium.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const clientRoot = resolve(here, '..');
export const repoRoot = resolve(clientRoot, '..');
export const artifactsDir = join(here, 'artifacts');

const apiDll =
  process.env.BLOG_API_DLL ?? join(repoRoot, 'Blog.Api/bin/Release/net10.0/Blog.Api.dll');
const clientDist = join(clientRoot, 'dist/browser');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A port nothing listens on at `host`, chosen by the kernel. */
export function freePort(host = '127.0.0.1') {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, host, () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/**
 * Runs the API until `stop()`; its output is kept to explain a failure. `env` adds settings or
 * replaces the defaults, e.g. `Blog__Database__Provider` and `ConnectionStrings__Blog` for another
 * database, which several instances can share.
 */
export async function startApi({ env = {} } = {}) {
  if (!existsSync(apiDll)) {
    throw new Error(
      `${apiDll} is missing: run "dotnet build Blog.Api -c Release" first (or set BLOG_API_DLL).`,
    );
  }
  if (!existsSync(join(clientDist, 'index.html'))) {
    throw new Error(
      `${clientDist}/index.html is missing: run "npm run build" in web-client first.`,
    );
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'blog-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const api = spawn('dotnet', [apiDll, '--urls', baseUrl], {
    cwd: dirname(apiDll),
    env: {
      ...process.env,
      ASPNETCORE_ENVIRONMENT: 'Production',
      ConnectionStrings__Blog: `Data Source=${join(dataDir, 'blog.db')}`,
      Blog__Client__RootPath: clientDist,
      Blog__RateLimits__LoginPerMinute: '1000',
      Blog__RateLimits__RegisterPerMinute: '1000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk).slice(-20_000);
  };
  api.stdout.on('data', keep);
  api.stderr.on('data', keep);
  let exitCode = null;
  const exited = new Promise((done) =>
    api.once('exit', (code, signal) => done((exitCode = code ?? signal))),
  );

  const stop = async () => {
    if (exitCode === null) {
      api.kill('SIGTERM');
      const timeout = sleep(10_000).then(() => 'timeout');
      if ((await Promise.race([exited, timeout])) === 'timeout') {
        api.kill('SIGKILL');
        await exited;
      }
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 60_000;
  while (true) {
    if (exitCode !== null) {
      await stop();
      throw new Error(`The API exited (${exitCode}) before answering /health:\n${output}`);
    }
    try {
      const response = await fetch(`${baseUrl}/health`);
      if (response.status === 200) {
        break;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The API did not answer /health within 60 s:\n${output}`);
    }
    await sleep(250);
  }
  return { baseUrl, address: `127.0.0.1:${port}`, stop, output: () => output };
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Runs a scenario in a fresh browser context (its own cookies). A failing step leaves a
 * screenshot of every open page in e2e/artifacts/, and the servers' logs that `logs` returns (file
 * name → text); a Content-Security-Policy violation or an uncaught script error fails the scenario.
 */
export async function inBrowser(
  browser,
  baseUrl,
  name,
  scenario,
  { viewport = { width: 1280, height: 800 }, contextOptions = {}, logs = async () => ({}) } = {},
) {
  const context = await browser.newContext({ baseURL: baseUrl, viewport, ...contextOptions });
  context.setDefaultTimeout(15_000);
  const browserErrors = [];
  context.on('page', (page) => watch(page, browserErrors));
  const page = await context.newPage();
  try {
    await scenario(page, context);
    if (browserErrors.length > 0) {
      throw new Error(`Errors in the browser:\n${browserErrors.join('\n')}`);
    }
  } catch (error) {
    await mkdir(artifactsDir, { recursive: true });
    const slug = name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
    for (const [index, open] of context.pages().entries()) {
      await open
        .screenshot({ path: join(artifactsDir, `${slug}-${index + 1}.png`), fullPage: true })
        .catch(() => {});
    }
    for (const [file, text] of Object.entries(await logs())) {
      await writeFile(join(artifactsDir, `${slug}-${file}`), text);
    }
    throw error;
  } finally {
    await context.close();
  }
}

function watch(page, browserErrors) {
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) {
      browserErrors.push(message.text());
    }
  });
  page.on('pageerror', (error) => browserErrors.push(`Uncaught: ${error.message}`));
}

let counter = 0;
/** A user no other scenario uses (each run starts on an empty database). */
export function newUser(name) {
  counter += 1;
  const username = counter === 1 ? name : `${name}${counter}`;
  return { username, email: `${username}@example.com`, password: `pass-${username}-phrase` };
}
