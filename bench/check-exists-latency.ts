// check-exists across every platform whose server (or fake) runs here, each behind a proxy that adds
// 200 ms to every request, against the same command limited to one platform. The checks run
// concurrently (bound 8), so all platforms should cost about as much as the slowest one, not the sum.
//
//   npx tsx bench/check-exists-latency.ts [--full]
//
// Real servers from scripts/test-services (verdaccio, the OCI registry, git over HTTP, sshd for the
// AUR's git) and in-process fakes (GitHub, PyPI, crates, NuGet, the two VS Code stores, the AUR RPC),
// all of them reached through the latency proxies. Snap is left out (no store client here), custom
// too (a shell command, no server). Fresh names everywhere, so every platform answers `absent`
// (the state of a first release); crates then runs `cargo publish --dry-run`, as the check does.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { createMemoryLogger } from '../packages/diagnostics/src/index.js';
import { releaseExistence } from '../packages/hub/src/index.js';
import { openReleaseSession, runCheckExists } from '../packages/runner/src/index.js';
import { startAurRpcFake } from '../test/fakes/aur-rpc/index.js';
import { startCratesFake } from '../test/fakes/crates/index.js';
import { startNuGetFake } from '../test/fakes/nuget/index.js';
import { startPypiFake } from '../test/fakes/pypi/index.js';
import { startExtensionStoreFake } from '../test/fakes/vscode/index.js';
import { createReleaseFixture, FIXTURE_TOKEN } from '../test/helpers/release-fixture.js';
import { clientEnv, testServices, uniqueName } from '../test/helpers/services.js';
import { cell, isFull, printTable, repoRoot, spread, writeResult } from './bench-support.js';
import { latencyProxies } from './latency-proxy.js';

const DELAY_MS = 200;
const rounds = isFull() ? 5 : 3;
const TOKEN = 'bench_registry_token_0123456789';
const services = testServices();
const proxies = latencyProxies(DELAY_MS);
const via = proxies.via;

// The project: the Rust example (crate, VS Code extension and Space folders), with a fresh name on
// every shared server so earlier runs and parallel tests never answer for us.
const project = mkdtempSync(join(tmpdir(), 'deployforge-bench-check-'));
cpSync(join(repoRoot, 'examples/rust-cli'), project, { recursive: true, filter: (src) => !src.includes('/target') });
const unique = uniqueName('dfbench');
function bareRepo(name: string): string {
  execFileSync('git', ['init', '--quiet', '--bare', '--initial-branch=main', join(services.DEPLOYFORGE_TEST_GIT_ROOT, `${name}.git`)]);
  return `${services.DEPLOYFORGE_TEST_GIT_HTTP}${name}.git`;
}

const config = parse(readFileSync(join(project, 'deployforge.yml'), 'utf8')) as Record<string, any>;
config.release = { ...config.release, attest: false, sbom: false, notes: 'none' };
config.required = [];
const version = /^version = "([^"]+)"/m.exec(readFileSync(join(project, 'Cargo.toml'), 'utf8'))![1]!;
const fixture = await createReleaseFixture(stringify({ ...config, platforms: {} }), version);
for (const repo of ['microsoft/winget-pkgs', 'acme-bot/winget-pkgs', 'flathub/io.github.acme.HelloForge']) fixture.gh.state.addRepo(repo);

const pypi = await startPypiFake({ token: TOKEN });
const crates = await startCratesFake({ token: TOKEN });
const nuget = await startNuGetFake({ apiKey: TOKEN });
const stores = await startExtensionStoreFake({ marketplacePat: TOKEN, openVsxToken: TOKEN });
const aurRpc = await startAurRpcFake({ reposDir: join(services.DEPLOYFORGE_TEST_SERVICES_DIR, 'aur', 'repos') });

const p = config.platforms;
config.platforms = {
  npm: { ...p.npm, package: unique, registry: await via(services.DEPLOYFORGE_TEST_NPM_REGISTRY), provenance: false },
  pypi: { ...p.pypi, package: unique, repository: await via(pypi.uploadUrl), index: await via(pypi.indexUrl) },
  crates: { ...p.crates, path: '.', registry: 'local', index: `sparse+${await via(crates.indexUrl)}` },
  // scratch: the public base image cannot be pulled here, and the stand-in binaries need nothing.
  docker: { ...p.docker, images: [`${await via(services.DEPLOYFORGE_TEST_OCI_REGISTRY)}/bench/${unique}`], base: 'scratch' },
  homebrew: { ...p.homebrew, tap: await via(bareRepo(`bench/${unique}-tap`)) },
  scoop: { ...p.scoop, bucket: await via(bareRepo(`bench/${unique}-bucket`)) },
  nix: { ...p.nix, repository: await via(bareRepo(`bench/${unique}-nix`)) },
  huggingface: { ...p.huggingface, remote: await via(bareRepo(`spaces/bench/${unique}`)) },
  chocolatey: { ...p.chocolatey, source: await via(nuget.url) },
  winget: p.winget,
  flathub: p.flathub,
  aur: { ...p.aur, package: `${unique}-bin`, remote: `ssh://aur@127.0.0.1:${services.DEPLOYFORGE_TEST_SSH_PORT}/${unique}-bin.git` },
  vscode: p.vscode,
};
const configPath = join(project, 'deployforge.yml');
writeFileSync(configPath, stringify(config));

const env = clientEnv({
  GITHUB_TOKEN: FIXTURE_TOKEN,
  GITHUB_API_URL: await via(fixture.gh.url),
  GITHUB_REPOSITORY: 'acme/hello-forge',
  NPM_TOKEN: services.DEPLOYFORGE_TEST_NPM_TOKEN,
  PYPI_TOKEN: TOKEN,
  CARGO_REGISTRY_TOKEN: TOKEN,
  CHOCOLATEY_API_KEY: TOKEN,
  DOCKER_USERNAME: 'bench',
  DOCKER_PASSWORD: 'the-local-registry-has-no-auth',
  HOMEBREW_TAP_TOKEN: services.DEPLOYFORGE_TEST_GIT_HTTP_TOKEN,
  SCOOP_BUCKET_TOKEN: services.DEPLOYFORGE_TEST_GIT_HTTP_TOKEN,
  NIX_REPO_TOKEN: services.DEPLOYFORGE_TEST_GIT_HTTP_TOKEN,
  HF_TOKEN: services.DEPLOYFORGE_TEST_GIT_HTTP_TOKEN,
  HF_USERNAME: 'x-access-token',
  WINGET_TOKEN: FIXTURE_TOKEN,
  FLATHUB_TOKEN: FIXTURE_TOKEN,
  AUR_SSH_PRIVATE_KEY: readFileSync(services.DEPLOYFORGE_TEST_SSH_KEY, 'utf8'),
  DEPLOYFORGE_AUR_KNOWN_HOSTS: readFileSync(services.DEPLOYFORGE_TEST_SSH_KNOWN_HOSTS, 'utf8'),
  DEPLOYFORGE_AUR_RPC_URL: await via(aurRpc.url),
  DEPLOYFORGE_VSCE_MARKETPLACE_URL: await via(stores.marketplaceUrl),
  DEPLOYFORGE_OVSX_URL: await via(stores.openVsxUrl),
});
const platforms = Object.keys(config.platforms);

async function check(selection?: string): Promise<{ ms: number; states: Record<string, string>; requests: number }> {
  const before = proxies.all().reduce((n, x) => n + x.requests, 0);
  const started = performance.now();
  const result = await runCheckExists({ configPath, version, ...(selection ? { platforms: selection } : {}), io: { cwd: project, env }, log: createMemoryLogger() });
  const ms = performance.now() - started;
  const unknown = Object.entries(result).filter(([, e]) => e.state === 'unknown');
  // An unknown is a broken check: its time would not be the platform's, so the run stops here.
  if (unknown.length > 0) throw new Error(`check-exists ${selection ?? 'all'}: ${unknown.map(([k, e]) => `${k}: ${e.detail}`).join('; ')}`);
  return { ms, states: Object.fromEntries(Object.entries(result).map(([k, e]) => [k, e.state])), requests: proxies.all().reduce((n, x) => n + x.requests, 0) - before };
}

/** The part every run shares: config, the release and its SHA256SUMS, the hub's own existence. */
async function lookupOnly(): Promise<number> {
  const started = performance.now();
  const session = await openReleaseSession({ configPath, version, io: { cwd: project, env }, log: createMemoryLogger() });
  await releaseExistence(session.client, session.loaded, session.version, env);
  return performance.now() - started;
}

const lookup: number[] = [];
const single = new Map<string, { ms: number[]; requests: number; state: string }>();
const all: number[] = [];
let allRequests = 0;
try {
  await check(); // warm-up: loads every platform's code and cargo's build cache, as later rounds find them
  for (let round = 0; round < rounds; round++) {
    lookup.push(await lookupOnly());
    const a = await check();
    all.push(a.ms);
    allRequests = a.requests;
    for (const key of platforms) {
      const s = await check(key);
      const entry = single.get(key) ?? { ms: [], requests: s.requests, state: s.states[key] ?? '?' };
      entry.ms.push(s.ms);
      single.set(key, entry);
    }
  }
} finally {
  await proxies.close();
  await Promise.all([fixture.close(), pypi.close(), crates.close(), nuget.close(), stores.close(), aurRpc.close()]);
}

const rows = platforms.map((key) => ({ key, ...single.get(key)!, spread: spread(single.get(key)!.ms) }));
const allSpread = spread(all);
const slowest = rows.reduce((a, b) => (b.spread.median > a.spread.median ? b : a));
const fastest = rows.reduce((a, b) => (b.spread.median < a.spread.median ? b : a));
const sumOfSingles = rows.reduce((n, r) => n + r.spread.median, 0);
const lookupSpread = spread(lookup);
printTable(
  `check-exists, ${DELAY_MS} ms added to every request, ms median (min–max) of ${rounds} rounds; one platform = runCheckExists --platforms <it> (release lookup included)`,
  ['platforms', 'state', 'proxied requests', 'ms', 'ms beyond the release lookup'],
  [
    ['release lookup only (no check)', '', '', cell(lookupSpread), ''],
    ...rows.map((r) => [r.key, r.state, r.requests, cell(r.spread), (r.spread.median - lookupSpread.median).toFixed(0)]),
    [`all ${platforms.length} (concurrency 8)`, '', allRequests, cell(allSpread), (allSpread.median - lookupSpread.median).toFixed(0)],
  ],
);
const summary = {
  allMs: allSpread.median,
  lookupMs: lookupSpread.median,
  slowestSingle: { key: slowest.key, ms: slowest.spread.median },
  fastestSingle: { key: fastest.key, ms: fastest.spread.median },
  sumOfSinglesMs: sumOfSingles,
  ratioAllToSlowest: allSpread.median / slowest.spread.median,
  ratioAllToFastest: allSpread.median / fastest.spread.median,
  ratioAllToSum: allSpread.median / sumOfSingles,
};
console.log(
  `all / slowest one (${slowest.key}) = ${summary.ratioAllToSlowest.toFixed(2)}; all / fastest one (${fastest.key}) = ${summary.ratioAllToFastest.toFixed(2)}; ` +
    `all / sum of the ${platforms.length} singles = ${summary.ratioAllToSum.toFixed(2)}`,
);
writeResult('check-exists-latency', { delayMs: DELAY_MS, rounds, rows: rows.map(({ key, state, requests, spread: s }) => ({ key, state, requests, ms: s })), all: { ms: allSpread, requests: allRequests }, lookup: lookupSpread, summary });
