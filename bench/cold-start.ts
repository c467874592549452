// Cold start of the committed bundles, as the runner starts them: a fresh `node dist/actions/<x>.js`
// with a valid minimal env (INPUT_*, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY), under the machine's Node 20
// and the Node 24 binary GitHub runs actions on; plus `deployforge --help`, `validate` and `plan`.
// `node -e 0` is the floor. Each command is a separate process, so module loading is paid every time.
//
//   npx tsx bench/cold-start.ts [--full]
//
// publish-npm is a dry run against a real release on the GitHub fake (served by this process) and
// verdaccio: its time includes that work (download, verify, pack, packument reads), not just loading.
// build-matrix runs without a token (the action's default is the workflow token): with one it also
// loads Octokit and looks the release up, which is a request, not start-up.
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testServices, uniqueName } from '../test/helpers/services.js';
import { createReleaseFixture, FIXTURE_TOKEN } from '../test/helpers/release-fixture.js';
import { build } from 'esbuild';
import { cell, distDir, expectExit, isFull, printTable, repoRoot, spread, timeCommand, writeResult, type Spread } from './bench-support.js';

const rounds = isFull() ? 15 : 5;
const services = testServices();
// Actions run on node24; `npm run bench` already runs this under it, by hand add the machine's Node.
const nodes = process.version.startsWith('v24.')
  ? [{ label: 'node 24', bin: process.execPath }]
  : [{ label: `node ${process.version}`, bin: process.execPath }, { label: 'node 24', bin: services.DEPLOYFORGE_NODE24 }];

/**
 * The start-up reference: the smallest useful JavaScript action, bundled here as such actions ship
 * (one esbuild file of @actions/core and a few lines), reading an input and setting an output.
 */
const referenceDir = mkdtempSync(join(tmpdir(), 'deployforge-bench-minimal-action-'));
writeFileSync(join(referenceDir, 'main.mjs'), [
  "import * as core from '@actions/core';",
  "core.setOutput('greeting', `hello ${core.getInput('who') || 'world'}`);",
  '',
].join('\n'));
const minimalAction = join(referenceDir, 'index.mjs');
await build({
  entryPoints: [join(referenceDir, 'main.mjs')], outfile: minimalAction, bundle: true, format: 'esm', platform: 'node', target: 'node20',
  nodePaths: [join(repoRoot, 'node_modules')], logLevel: 'warning',
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
});
const minimalActionKiB = statSync(minimalAction).size / 1024;

/** A workspace as actions/checkout leaves it: the Rust example's config and manifests. */
const workspace = mkdtempSync(join(tmpdir(), 'deployforge-bench-ws-'));
for (const f of ['deployforge.yml', 'Cargo.toml', 'Cargo.lock']) cpSync(join(repoRoot, 'examples/rust-cli', f), join(workspace, f));

/** The runner's env contract for one action step, fresh files per run. */
function actionEnv(inputs: Record<string, string>, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), 'deployforge-bench-step-'));
  writeFileSync(join(dir, 'output'), '');
  writeFileSync(join(dir, 'summary'), '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: dir,
    ...extra,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  return env;
}

// A real release for publish-npm to read, with npm pointed at verdaccio under a name no run used.
const pkg = uniqueName('df-bench-cold');
const npmConfig = [
  `project: { name: ${pkg}, repository: bench/cold-start, license: MIT }`,
  `build: { binary: ${pkg}, targets: [linux-x64] }`,
  'release: { notes: none }',
  `platforms:\n  npm: { package: ${pkg}, registry: '${services.DEPLOYFORGE_TEST_NPM_REGISTRY}' }`,
  '',
].join('\n');
const fixture = await createReleaseFixture(npmConfig);
const npmWorkspace = mkdtempSync(join(tmpdir(), 'deployforge-bench-npm-ws-'));
writeFileSync(join(npmWorkspace, 'deployforge.yml'), npmConfig);

interface Case {
  name: string;
  args: string[];
  cwd: string;
  env: () => NodeJS.ProcessEnv;
  exit: number;
}
const cases: Case[] = [
  { name: 'node -e 0', args: ['-e', '0'], cwd: workspace, env: () => ({ PATH: process.env.PATH ?? '' }), exit: 0 },
  { name: 'minimal @actions/core action', args: [minimalAction], cwd: workspace, exit: 0, env: () => actionEnv({ who: 'bench' }) },
  {
    name: 'build-matrix', args: [join(distDir, 'actions/build-matrix.js')], cwd: workspace, exit: 0,
    // The version the example's Cargo.toml declares (build-matrix refuses one that disagrees), and the
    // credentials of the platforms it marks required (present, never used: nothing is published).
    env: () => actionEnv({ config: 'deployforge.yml', version: '0.1.0' }, { GITHUB_EVENT_NAME: 'workflow_dispatch', NPM_TOKEN: 'bench', PYPI_TOKEN: 'bench' }),
  },
  {
    name: 'summarize', args: [join(distDir, 'actions/summarize.js')], cwd: workspace, exit: 0,
    env: () => actionEnv({ results: readNeeds('all-green'), config: 'deployforge.yml' }),
  },
  {
    name: 'publish-npm (dry run)', args: [join(distDir, 'actions/publish-npm.js')], cwd: npmWorkspace, exit: 0,
    env: () => actionEnv(
      { config: 'deployforge.yml', version: '1.0.0', 'dry-run': 'true', 'npm-token': services.DEPLOYFORGE_TEST_NPM_TOKEN, 'github-token': FIXTURE_TOKEN },
      { GITHUB_API_URL: fixture.gh.url, GITHUB_REPOSITORY: 'bench/cold-start' },
    ),
  },
  { name: 'deployforge --help', args: [join(distDir, 'cli.js'), '--help'], cwd: workspace, env: () => ({ PATH: process.env.PATH ?? '' }), exit: 0 },
  { name: 'deployforge validate', args: [join(distDir, 'cli.js'), 'validate'], cwd: workspace, env: () => ({ PATH: process.env.PATH ?? '' }), exit: 0 },
  { name: 'deployforge plan', args: [join(distDir, 'cli.js'), 'plan'], cwd: workspace, env: () => ({ PATH: process.env.PATH ?? '' }), exit: 0 },
];

/** A `toJSON(needs)` fixture, as the summarize job receives it. */
function readNeeds(name: string): string {
  return readFileSync(join(repoRoot, 'test/fixtures/needs', `${name}.json`), 'utf8');
}

const samples = new Map<string, { ms: number[]; rss: number[] }>();
try {
  // Rounds interleave every command and both Node versions, so drift on the machine hits all alike.
  for (let round = 0; round < rounds; round++) {
    for (const node of nodes) {
      for (const c of cases) {
        const run = expectExit(await timeCommand(node.bin, c.args, { cwd: c.cwd, env: c.env() }), c.exit, `${node.label} ${c.name}`);
        const key = `${node.label}\t${c.name}`;
        const s = samples.get(key) ?? { ms: [], rss: [] };
        s.ms.push(run.ms);
        s.rss.push(run.maxRssKiB / 1024);
        samples.set(key, s);
      }
    }
  }
} finally {
  await fixture.close();
  rmSync(referenceDir, { recursive: true, force: true });
}

const rows: Array<{ node: string; command: string; ms: Spread; rssMiB: Spread; overFloorMs: number }> = [];
for (const node of nodes) {
  const floor = spread(samples.get(`${node.label}\tnode -e 0`)!.ms).median;
  for (const c of cases) {
    const s = samples.get(`${node.label}\t${c.name}`)!;
    const ms = spread(s.ms);
    rows.push({ node: node.label, command: c.name, ms, rssMiB: spread(s.rss), overFloorMs: ms.median - floor });
  }
}
printTable(
  `cold start: wall ms and peak RSS MiB, median (min–max) of ${rounds} runs, fresh process each`,
  ['node', 'command', 'wall ms', '+ over node -e 0', 'peak RSS MiB'],
  rows.map((r) => [r.node, r.command, cell(r.ms), r.command === 'node -e 0' ? '' : r.overFloorMs.toFixed(0), cell(r.rssMiB)]),
);
writeResult('cold-start', { rounds, rows, minimalActionKiB });
