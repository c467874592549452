#!/usr/bin/env node
// Cuts the GitHub REST description down to the operations DeployForge calls.
//
// Why: the GitHub fake in test/fakes/github validates every request and response against GitHub's own
// description, but @octokit/openapi unpacks to ~385 MB, far too big for a devDependency. So this script
// fetches it on demand into a temp dir, keeps only the operations listed below plus the `$ref` closure of
// their schemas/parameters/responses/headers, drops prose and examples, and writes a small committed fixture.
// Re-run it (and commit the result) when a spoke starts calling a new endpoint or when bumping the version.
//
// Usage: node scripts/cut-openapi.mjs [--from path/to/api.github.com.json] [--out file]
//   --from  skip the download and cut a local copy of generated/api.github.com.json (the package version
//           is then read from its info.version).

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Pinned so that the fixture only changes when someone decides to change it.
const OPENAPI_PACKAGE = '@octokit/openapi';
const OPENAPI_VERSION = '23.0.2';
const DESCRIPTION_FILE = 'package/generated/api.github.com.json';

// Every operation DeployForge (or its test fake) may call. Add here, re-run, commit the fixture.
export const OPERATIONS = [
  // Releases (the hub).
  { method: 'get', path: '/repos/{owner}/{repo}/releases' },
  { method: 'post', path: '/repos/{owner}/{repo}/releases' },
  { method: 'get', path: '/repos/{owner}/{repo}/releases/{release_id}' },
  { method: 'patch', path: '/repos/{owner}/{repo}/releases/{release_id}' },
  { method: 'delete', path: '/repos/{owner}/{repo}/releases/{release_id}' },
  { method: 'get', path: '/repos/{owner}/{repo}/releases/tags/{tag}' },
  { method: 'get', path: '/repos/{owner}/{repo}/releases/latest' },
  { method: 'post', path: '/repos/{owner}/{repo}/releases/generate-notes' },
  // Release assets. The upload is served by uploads.github.com (the operation carries its own `servers`).
  { method: 'get', path: '/repos/{owner}/{repo}/releases/{release_id}/assets' },
  { method: 'post', path: '/repos/{owner}/{repo}/releases/{release_id}/assets' },
  { method: 'get', path: '/repos/{owner}/{repo}/releases/assets/{asset_id}' },
  { method: 'patch', path: '/repos/{owner}/{repo}/releases/assets/{asset_id}' },
  { method: 'delete', path: '/repos/{owner}/{repo}/releases/assets/{asset_id}' },
  // Room for the git-based spokes (Homebrew tap, Scoop bucket, Winget/Flathub PRs).
  { method: 'get', path: '/repos/{owner}/{repo}' },
  { method: 'get', path: '/repos/{owner}/{repo}/git/ref/{ref}' },
  { method: 'post', path: '/repos/{owner}/{repo}/git/refs' },
  { method: 'patch', path: '/repos/{owner}/{repo}/git/refs/{ref}' },
  // The github-action spoke: peel an annotated release tag to its commit, list the files at that commit.
  { method: 'get', path: '/repos/{owner}/{repo}/git/tags/{tag_sha}' },
  { method: 'get', path: '/repos/{owner}/{repo}/git/trees/{tree_sha}' },
  { method: 'get', path: '/repos/{owner}/{repo}/contents/{path}' },
  { method: 'put', path: '/repos/{owner}/{repo}/contents/{path}' },
  { method: 'post', path: '/repos/{owner}/{repo}/forks' },
  { method: 'post', path: '/repos/{owner}/{repo}/merge-upstream' },
  { method: 'get', path: '/repos/{owner}/{repo}/pulls' },
  { method: 'post', path: '/repos/{owner}/{repo}/pulls' },
  // The published dashboard (issue 23): summarize finds the Pages site; the monitor keeps one drift issue.
  { method: 'get', path: '/repos/{owner}/{repo}/pages' },
  { method: 'get', path: '/repos/{owner}/{repo}/issues' },
  { method: 'post', path: '/repos/{owner}/{repo}/issues' },
  { method: 'patch', path: '/repos/{owner}/{repo}/issues/{issue_number}' },
];

// Keys that only carry prose or samples. Dropping them keeps the fixture small; validation never reads them.
const PROSE_KEYS = new Set(['description', 'example', 'examples', 'externalDocs', 'x-github', 'x-octokit']);
// Keys whose value is a map from user-chosen names to schemas: a property called "description" is data.
const NAME_MAPS = new Set(['properties', 'patternProperties', 'schemas', 'parameters', 'responses', 'headers', 'content']);

function parseArgs(argv) {
  const args = { from: undefined, out: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--from') args.from = argv[++i];
    else if (a === '--out') args.out = argv[++i];
    else throw new Error(`unknown argument ${a} (expected --from FILE or --out FILE)`);
  }
  return args;
}

function fetchDescription() {
  const tmp = mkdtempSync(join(tmpdir(), 'deployforge-openapi-'));
  try {
    // `npm pack` downloads the tarball only (no install, no dependency tree), then we extract one file.
    execFileSync('npm', ['pack', `${OPENAPI_PACKAGE}@${OPENAPI_VERSION}`, '--pack-destination', tmp, '--silent'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const tarball = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
    if (!tarball) throw new Error(`npm pack ${OPENAPI_PACKAGE}@${OPENAPI_VERSION} produced no tarball`);
    execFileSync('tar', ['xzf', join(tmp, tarball), '-C', tmp, DESCRIPTION_FILE]);
    return JSON.parse(readFileSync(join(tmp, DESCRIPTION_FILE), 'utf8'));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// Removes prose everywhere except inside name maps, where every key is a name and every value a node.
function stripProse(node, keysAreNames = false) {
  if (Array.isArray(node)) return node.map((n) => stripProse(n));
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (!keysAreNames && PROSE_KEYS.has(key) && !(key === 'description' && typeof value === 'object')) continue;
    // `enum`/`default`/`required` hold data, never nested schemas: copy verbatim.
    if (!keysAreNames && (key === 'enum' || key === 'default' || key === 'required')) {
      out[key] = value;
      continue;
    }
    out[key] = stripProse(value, !keysAreNames && NAME_MAPS.has(key));
  }
  return out;
}

function collectRefs(node, into) {
  if (Array.isArray(node)) {
    for (const n of node) collectRefs(n, into);
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') into.add(value);
      else collectRefs(value, into);
    }
  }
}

function resolvePointer(doc, ref) {
  if (!ref.startsWith('#/')) throw new Error(`external $ref not supported: ${ref}`);
  let node = doc;
  for (const raw of ref.slice(2).split('/')) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = node?.[part];
  }
  if (node === undefined) throw new Error(`dangling $ref ${ref}`);
  return node;
}

export function cut(full, sourceVersion) {
  const paths = {};
  for (const { method, path } of OPERATIONS) {
    const item = full.paths[path];
    const op = item?.[method];
    if (!op) throw new Error(`${method.toUpperCase()} ${path} is not in the description`);
    paths[path] ??= {};
    if (item.parameters) paths[path].parameters = stripProse(item.parameters);
    paths[path][method] = stripProse(op);
  }

  // Walk the $ref closure: components referenced by the kept operations, then by those components, etc.
  const components = {};
  const seen = new Set();
  const queue = new Set();
  collectRefs(paths, queue);
  while (queue.size > 0) {
    const [ref] = queue;
    queue.delete(ref);
    if (seen.has(ref)) continue;
    seen.add(ref);
    const match = /^#\/components\/([^/]+)\/(.+)$/.exec(ref);
    if (!match) throw new Error(`unexpected $ref ${ref}`);
    const [, kind, name] = match;
    const stripped = stripProse(resolvePointer(full, ref));
    (components[kind] ??= {})[name] = stripped;
    const next = new Set();
    collectRefs(stripped, next);
    for (const r of next) if (!seen.has(r)) queue.add(r);
  }
  // Stable key order so a re-run with the same version produces a byte-identical file.
  for (const kind of Object.keys(components)) {
    components[kind] = Object.fromEntries(Object.entries(components[kind]).sort(([a], [b]) => a.localeCompare(b)));
  }

  return {
    openapi: full.openapi,
    info: {
      title: full.info.title,
      version: full.info.version,
      'x-deployforge-source': {
        package: OPENAPI_PACKAGE,
        version: sourceVersion,
        file: DESCRIPTION_FILE.replace(/^package\//, ''),
        operations: OPERATIONS.length,
        regenerate: 'node scripts/cut-openapi.mjs',
      },
    },
    servers: full.servers,
    paths,
    components,
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const out = args.out ?? join(root, 'test/fixtures/github-openapi/api.github.com.json');
  const full = args.from ? JSON.parse(readFileSync(args.from, 'utf8')) : fetchDescription();
  const version = args.from ? String(full.info?.version ?? 'unknown') : OPENAPI_VERSION;
  const fixture = cut(full, version);
  mkdirSync(dirname(out), { recursive: true });
  const text = `${JSON.stringify(fixture, null, 1)}\n`;
  writeFileSync(out, text);
  const counts = Object.entries(fixture.components).map(([k, v]) => `${Object.keys(v).length} ${k}`).join(', ');
  console.log(`wrote ${out}: ${OPERATIONS.length} operations, ${counts}, ${(text.length / 1024).toFixed(0)} KiB (${OPENAPI_PACKAGE}@${version})`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(`cut-openapi: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
