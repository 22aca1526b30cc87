// Runs Debian's nginx with the repository's deploy/nginx/blog.conf, as an operator would, but in
// the foreground, as an unprivileged user, with everything under a temporary folder and a
// self-signed certificate made here.
import { execFile, spawn, spawnSync } from 'node:child_process';
import { chown, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';

import { artifactsDir, clientRoot, freePort, repoRoot } from './harness.mjs';

const siteTemplate = join(repoRoot, 'deploy/nginx/blog.conf');
const clientDist = join(clientRoot, 'dist/browser');

/** nginx's executable, or undefined when it is not installed. */
export const nginxPath = [process.env.NGINX_PATH, '/usr/sbin/nginx', '/usr/bin/nginx'].find(
  (path) => path && existsSync(path),
);

/**
 * Fills the `${BLOG_...}` placeholders of the site's file, as the envsubst command its header shows
 * does; a placeholder without a value is an error, not an empty word.
 */
function renderSite(template, values) {
  return template.replace(/\$\{(BLOG_[A-Z_]+)\}/g, (_, name) => {
    if (values[name] === undefined) {
      throw new Error(`No value for the placeholder ${name} of ${siteTemplate}`);
    }
    return values[name];
  });
}

/**
 * Starts nginx on `address` (HTTPS and HTTP ports chosen here) in front of the API instances at
 * `upstreams` ("host:port"), connecting to them from `proxyBind`. Resolves once it accepts
 * connections; `stop()` ends it and deletes its folder, logs included, so a failed scenario calls
 * `keepLogs()` first.
 */
export async function startNginx({ upstreams, address, proxyBind }) {
  const prefix = await mkdtemp(join(tmpdir(), 'blog-nginx-'));
  const httpsPort = await freePort(address);
  let httpPort = await freePort(address);
  while (httpPort === httpsPort) {
    httpPort = await freePort(address);
  }
  const origin = `https://${address}:${httpsPort}`;
  const errorLogPath = join(prefix, 'error.log');
  const certificate = join(prefix, 'certificate.pem');
  const key = join(prefix, 'key.pem');
  await promisify(execFile)('openssl', [
    ...'req -x509 -nodes -days 1 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1'.split(' '),
    ...['-subj', '/CN=blog-e2e', '-addext', `subjectAltName=IP:${address}`],
    ...['-keyout', key, '-out', certificate],
  ]);
  // A copy in the prefix: nginx may run as nobody, who cannot always enter the checkout (a clone in a 0700 folder).
  const servedClient = join(prefix, 'client');
  await cp(clientDist, servedClient, { recursive: true });
  const site = renderSite(await readFile(siteTemplate, 'utf8'), {
    BLOG_SERVER_NAME: address,
    BLOG_PUBLIC_ORIGIN: origin,
    BLOG_HTTPS_LISTEN: `${address}:${httpsPort}`,
    BLOG_HTTP_LISTEN: `${address}:${httpPort}`,
    BLOG_TLS_CERTIFICATE: certificate,
    BLOG_TLS_CERTIFICATE_KEY: key,
    BLOG_CLIENT_ROOT: servedClient,
    BLOG_API_SERVERS: upstreams.map((upstream) => `server ${upstream};`).join(' '),
    BLOG_PROXY_BIND: proxyBind,
  });
  await writeFile(join(prefix, 'blog.conf'), site);
  // What Debian's /etc/nginx/nginx.conf gives the site, with every file nginx writes in the prefix.
  const temp = (name) => `${name}_temp_path ${join(prefix, name)};`;
  await writeFile(
    join(prefix, 'nginx.conf'),
    `daemon off;
worker_processes 1;
pid ${join(prefix, 'nginx.pid')};
error_log ${errorLogPath} notice;
events { worker_connections 256; }
http {
    include ${join(configDir(), 'mime.types')};
    default_type application/octet-stream;
    access_log ${join(prefix, 'access.log')};
    ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n    ')}
    include ${join(prefix, 'blog.conf')};
}
`,
  );

  // nginx needs no privilege for ports above 1024: as root, it runs as nobody, which owns the prefix.
  const user = process.getuid() === 0 ? unprivilegedUser() : {};
  if (user.uid !== undefined) {
    for (const file of ['', 'certificate.pem', 'key.pem', 'blog.conf', 'nginx.conf']) {
      await chown(join(prefix, file), user.uid, user.gid);
    }
  }
  const nginx = spawn(
    nginxPath,
    ['-p', prefix, '-e', errorLogPath, '-c', join(prefix, 'nginx.conf')],
    { stdio: ['ignore', 'pipe', 'pipe'], ...user },
  );
  let output = '';
  nginx.stdout.on('data', (chunk) => (output += chunk));
  nginx.stderr.on('data', (chunk) => (output += chunk));
  let exitCode = null;
  const exited = new Promise((done) =>
    nginx.once('exit', (code, signal) => done((exitCode = code ?? signal))),
  );
  const readLog = (name) => readFile(join(prefix, name), 'utf8').catch(() => '');
  const errorLog = async () => `${output}${await readLog('error.log')}`;
  // Copied rather than written to e2e/artifacts/ from the start: nginx may run as nobody, who cannot
  // write there.
  const keepLogs = async () => {
    await mkdir(artifactsDir, { recursive: true });
    const logs = { error: await errorLog(), access: await readLog('access.log') };
    return Promise.all(
      Object.entries(logs).map(async ([kind, text]) => {
        const path = join(artifactsDir, `nginx-${httpsPort}-${kind}.log`);
        await writeFile(path, text);
        return path;
      }),
    );
  };

  const stop = async () => {
    if (exitCode === null) {
      nginx.kill('SIGTERM');
      if ((await Promise.race([exited, sleep(10_000).then(() => 'timeout')])) === 'timeout') {
        nginx.kill('SIGKILL');
        await exited;
      }
    }
    await rm(prefix, { recursive: true, force: true });
  };

  const deadline = Date.now() + 20_000;
  while (!(await accepts(address, httpsPort))) {
    if (exitCode !== null || Date.now() > deadline) {
      const log = await errorLog();
      await stop();
      throw new Error(`nginx did not start (exit ${exitCode}):\n${log}`);
    }
    await sleep(100);
  }
  return {
    origin,
    httpOrigin: `http://${address}:${httpPort}`,
    stop,
    /** Copies the error and access logs, as they are now, to e2e/artifacts/; returns their paths. */
    keepLogs,
    accessLog: () => readLog('access.log'),
  };
}

function accepts(host, port) {
  return new Promise((done) => {
    const socket = connect(port, host);
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

// Where nginx's own configuration lives (mime.types), as it was built.
function configDir() {
  const built = spawnSync(nginxPath, ['-V'], { encoding: 'utf8' }).stderr;
  const confPath = /--conf-path=(\S+)/.exec(built)?.[1] ?? '/etc/nginx/nginx.conf';
  return dirname(confPath);
}

function unprivilegedUser() {
  const entry = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .map((line) => line.split(':'))
    .find(([name]) => name === 'nobody');
  if (!entry) {
    throw new Error('No user "nobody" to run nginx as');
  }
  return { uid: Number(entry[2]), gid: Number(entry[3]) };
}
