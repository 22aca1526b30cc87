// Starts the real API (serving the built client) on a fresh SQLite database, or on the database its
// settings name, and Chromium.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
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

const STATIC_FILE_REQUEST = /Request (starting|finished) HTTP\/\S+ \w+ https?:\/\/[^/]+\/(?!api\/)/;

/**
 * Runs the API until `stop()`. Its log, with a line per request, goes to e2e/artifacts/api-<port>.log
 * while it runs; `stop()` deletes the file unless `keepLog()` was called (a scenario failed) or the
 * API failed to start. `env` adds settings or replaces the defaults, e.g. `Blog__Database__Provider`
 * and `ConnectionStrings__Blog` for another database, which several instances can share.
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
  mkdirSync(artifactsDir, { recursive: true });
  const logPath = join(artifactsDir, `api-${port}.log`);
  const log = createWriteStream(logPath);
  let keepLog = false;
  const api = spawn('dotnet', [apiDll, '--urls', baseUrl], {
    cwd: dirname(apiDll),
    env: {
      ...process.env,
      ASPNETCORE_ENVIRONMENT: 'Production',
      ConnectionStrings__Blog: `Data Source=${join(dataDir, 'blog.db')}`,
      Blog__Client__RootPath: clientDist,
      Blog__RateLimits__LoginPerMinute: '1000',
      Blog__RateLimits__RegisterPerMinute: '1000',
      // A line per request and UTC times to the millisecond, to set beside the browser's log.
      'Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics': 'Information',
      Logging__Console__FormatterName: 'simple',
      Logging__Console__FormatterOptions__SingleLine: 'true',
      Logging__Console__FormatterOptions__TimestampFormat: 'HH:mm:ss.fff ',
      Logging__Console__FormatterOptions__UseUtcTimestamp: 'true',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // Characters logged since the start; `output` holds the last 20,000 of them.
  let logged = 0;
  const keep = (chunk) => {
    log.write(chunk);
    logged += chunk.length;
    output = (output + chunk).slice(-20_000);
  };
  for (const stream of [api.stdout, api.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', keep);
  }
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
    await new Promise((done) => log.end(done));
    if (!keepLog) {
      await rm(logPath, { force: true });
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 60_000;
  while (true) {
    if (exitCode !== null) {
      keepLog = true;
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
      keepLog = true;
      await stop();
      throw new Error(`The API did not answer /health within 60 s:\n${output}`);
    }
    await sleep(250);
  }
  return {
    baseUrl,
    address: `127.0.0.1:${port}`,
    stop,
    /** Where the log is now: what `output(since)` reads from. */
    logPosition: () => logged,
    /**
     * For a scenario that checks what the API wrote: the log's last 20,000 characters, or, given a
     * `logPosition()`, what it wrote since then (an error when that no longer fits in them).
     */
    output: (since) => {
      if (since === undefined) {
        return output;
      }
      const written = logged - since;
      if (written > output.length) {
        throw new Error(
          `The API wrote ${written} characters since then; only the last ${output.length} are kept`,
        );
      }
      return output.slice(output.length - written);
    },
    /** Keeps the log file after `stop()`; returns its path and its last lines, static files left out. */
    keepLog: (lines = 30) => {
      keepLog = true;
      const tail = output
        .split('\n')
        .filter((line) => !STATIC_FILE_REQUEST.test(line))
        .slice(-lines - 1)
        .join('\n');
      return { path: logPath, tail };
    },
  };
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
 * Runs a scenario against the API of `startApi()` in a fresh browser context (its own cookies). A
 * Content-Security-Policy violation or an uncaught script error fails the scenario. A failing
 * scenario leaves in e2e/artifacts/ a screenshot of every open page, the browser's log of
 * navigations, API requests and console messages (<name>-browser.log) and the API's log; the error
 * names both logs and ends with the API log's last lines. `contextOptions` adds to or replaces the
 * browser context's options, e.g. a `baseURL` in front of the API (a proxy) and `ignoreHTTPSErrors`.
 */
export async function inBrowser(
  browser,
  api,
  name,
  scenario,
  { viewport = { width: 1280, height: 800 }, contextOptions = {} } = {},
) {
  const context = await browser.newContext({ baseURL: api.baseUrl, viewport, ...contextOptions });
  context.setDefaultTimeout(15_000);
  const browserErrors = [];
  const browserLog = [];
  context.on('page', (page) => watch(page, context, browserErrors, browserLog));
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
    const browserLogPath = join(artifactsDir, `${slug}-browser.log`);
    await writeFile(browserLogPath, browserLog.join('\n') + '\n');
    const apiLog = api.keepLog();
    const explained = `Browser log: ${browserLogPath}\nAPI log: ${apiLog.path}, ending:\n${apiLog.tail}`;
    if (error instanceof Error) {
      error.message += `\n\n${explained}`;
    }
    throw error;
  } finally {
    await context.close();
  }
}

/** Collects a page's errors, and a log line (UTC time, like the API's log) for what it does. */
function watch(page, context, browserErrors, browserLog) {
  const tab = context.pages().indexOf(page) + 1;
  const note = (line) =>
    browserLog.push(`${new Date().toISOString().slice(11, 23)} tab ${tab}: ${line}`);
  page.on('console', (message) => {
    note(`console.${message.type()}: ${message.text()}`);
    if (/Content Security Policy/i.test(message.text())) {
      browserErrors.push(message.text());
    }
  });
  page.on('pageerror', (error) => {
    note(`uncaught: ${error.message}`);
    browserErrors.push(`Uncaught: ${error.message}`);
  });
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) {
      note(`at ${frame.url()}`);
    }
  });
  const isApi = (request) => new URL(request.url()).pathname.startsWith('/api/');
  page.on('request', (request) => {
    if (isApi(request)) {
      note(`> ${request.method()} ${request.url()}`);
    }
  });
  page.on('response', (response) => {
    if (isApi(response.request())) {
      note(`< ${response.status()} ${response.request().method()} ${response.url()}`);
    }
  });
  page.on('requestfailed', (request) =>
    note(`failed ${request.method()} ${request.url()}: ${request.failure()?.errorText}`),
  );
}

let counter = 0;
/** A user no other scenario uses (each run starts on an empty database). */
export function newUser(name) {
  counter += 1;
  const username = counter === 1 ? name : `${name}${counter}`;
  return { username, email: `${username}@example.com`, password: `pass-${username}-phrase` };
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
/** axe-core tags each rule with the WCAG version and level it checks: these make WCAG 2.2 AA. */
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Fails with axe-core's findings unless the page, as it is now, meets WCAG 2.2 AA. The app's CSP
 * refuses inline script, so `addScriptTag` cannot load axe; its source is evaluated through the
 * DevTools protocol instead (`page.evaluate`), which the page's CSP does not govern.
 */
export async function assertAccessible(page, screen) {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.evaluate(axeSource);
  }
  const violations = await page.evaluate(async (tags) => {
    const results = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return results.violations.map(({ id, impact, help, nodes }) => ({
      rule: `${id} (${impact}): ${help}`,
      nodes: nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary}`.trim()),
    }));
  }, WCAG_22_AA);
  if (violations.length > 0) {
    const found = violations.map(({ rule, nodes }) =>
      [rule, ...nodes].join('\n').replaceAll('\n', '\n    '),
    );
    throw new Error(`${screen} fails WCAG 2.2 AA (axe-core):\n  ${found.join('\n  ')}`);
  }
}

/**
 * Saves a picture the README shows: into docs/ when UPDATE_SCREENSHOT=1, otherwise into e2e/artifacts/, so that a
 * test run leaves the tree as it was.
 */
export async function readmeScreenshot(page, file, { fullPage = false } = {}) {
  const dir = process.env.UPDATE_SCREENSHOT === '1' ? join(repoRoot, 'docs') : artifactsDir;
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: join(dir, file), fullPage });
}
