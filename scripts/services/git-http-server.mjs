// Git smart-HTTP server for scripts/test-services: `git http-backend` (the CGI that ships with git) behind a
// small Node HTTP front that enforces GitHub-style token auth, i.e. basic auth `x-access-token:<token>`.
// Only built-in modules, so it runs under whatever Node the machine has before `npm ci`.
//
// Environment: GIT_HTTP_TOKEN (required), GIT_PROJECT_ROOT (required), GIT_HTTP_PORT (default 8418).
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { timingSafeEqual } from 'node:crypto';

const token = process.env.GIT_HTTP_TOKEN;
const projectRoot = process.env.GIT_PROJECT_ROOT;
const port = Number(process.env.GIT_HTTP_PORT ?? '8418');
if (!token || !projectRoot) {
  console.error('git-http-server: GIT_HTTP_TOKEN and GIT_PROJECT_ROOT must be set');
  process.exit(2);
}
const expected = Buffer.from(`x-access-token:${token}`);

function authorized(header) {
  if (!header || !header.startsWith('Basic ')) return false;
  const given = Buffer.from(header.slice('Basic '.length).trim(), 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function deny(res, status, message) {
  // GitHub answers 401 with a Basic challenge both for missing and for bad credentials; git then reports
  // "Authentication failed" (or asks a credential helper, which tests disable with GIT_TERMINAL_PROMPT=0).
  res.writeHead(status, { 'WWW-Authenticate': 'Basic realm="DeployForge test git"', 'Content-Type': 'text/plain' });
  res.end(`${message}\n`);
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname === '/-/ping') {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('ok\n');
    return;
  }
  const header = req.headers.authorization;
  if (!header) return deny(res, 401, 'Authentication required');
  if (!authorized(header)) return deny(res, 401, 'Invalid username or token');

  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    GIT_PROJECT_ROOT: projectRoot,
    GIT_HTTP_EXPORT_ALL: '1',
    GATEWAY_INTERFACE: 'CGI/1.1',
    REQUEST_METHOD: req.method ?? 'GET',
    PATH_INFO: decodeURIComponent(url.pathname),
    QUERY_STRING: url.search.slice(1),
    CONTENT_TYPE: req.headers['content-type'] ?? '',
    // http-backend only enables receive-pack (push) for an authenticated REMOTE_USER.
    REMOTE_USER: 'x-access-token',
    REMOTE_ADDR: req.socket.remoteAddress ?? '127.0.0.1',
    SERVER_PROTOCOL: `HTTP/${req.httpVersion}`,
  };
  // Without CONTENT_LENGTH http-backend reads the (chunked) body until EOF, which is what git sends for packs.
  if (req.headers['content-length']) env.CONTENT_LENGTH = req.headers['content-length'];
  if (req.headers['content-encoding']) env.HTTP_CONTENT_ENCODING = req.headers['content-encoding'];
  if (req.headers['git-protocol']) env.GIT_PROTOCOL = String(req.headers['git-protocol']);

  const cgi = spawn('git', ['http-backend'], { env, stdio: ['pipe', 'pipe', 'inherit'] });
  req.pipe(cgi.stdin);
  cgi.stdin.on('error', () => {});

  // CGI output: header lines, a blank line, then the body, which is streamed through untouched.
  let head = Buffer.alloc(0);
  let headersDone = false;
  cgi.stdout.on('data', (chunk) => {
    if (headersDone) {
      res.write(chunk);
      return;
    }
    head = Buffer.concat([head, chunk]);
    let sep = head.indexOf('\r\n\r\n');
    let sepLen = 4;
    if (sep < 0) {
      sep = head.indexOf('\n\n');
      sepLen = 2;
    }
    if (sep < 0) return;
    headersDone = true;
    let status = 200;
    const headers = {};
    for (const line of head.subarray(0, sep).toString('latin1').split(/\r?\n/)) {
      const i = line.indexOf(':');
      if (i < 0) continue;
      const name = line.slice(0, i).trim();
      const value = line.slice(i + 1).trim();
      if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10) || 500;
      else headers[name] = value;
    }
    res.writeHead(status, headers);
    res.write(head.subarray(sep + sepLen));
  });
  cgi.on('close', (code) => {
    if (!headersDone) {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(`git http-backend exited ${code} without a response\n`);
      return;
    }
    res.end();
  });
  cgi.on('error', (err) => {
    if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
    res.end(`git http-backend failed: ${err.message}\n`);
  });
});

server.listen(port, '127.0.0.1');
for (const signal of ['SIGTERM', 'SIGINT']) {
  // Nothing is in flight that matters once the rig is being stopped.
  process.on(signal, () => process.exit(0));
}
