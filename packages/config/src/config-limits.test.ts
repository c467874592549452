import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { ConfigurationError, type Diagnostic } from '@deployforge/diagnostics';
import { workflowJobCount } from './config-limit-checks.js';
import {
  GITHUB_MAX_JOBS_PER_RUN, GITHUB_MAX_MATRIX_COMBINATIONS, GITHUB_MAX_WORKFLOW_BYTES, MAX_ALIAS_EXPANSION_NODES, MAX_BUILD_FILES, MAX_CONFIG_BYTES, MAX_CUSTOM_SPOKES,
} from './config-limits.js';
import { parseConfig } from './parse-config.js';

function customEntries(n: number): Record<string, { run: string }> {
  return Object.fromEntries(Array.from({ length: n }, (_, i) => [`deploy-${i}`, { run: `./deploy ${i}` }]));
}

/** Platforms that need nothing but their block's defaults or one key. */
const TEN_PLATFORMS = {
  npm: {}, pypi: {}, crates: {}, docker: { images: ['ghcr.io/acme/demo'] }, homebrew: { tap: 'acme/homebrew-tap' },
  scoop: { bucket: 'acme/scoop-bucket' }, chocolatey: {}, aur: {}, snap: {}, vscode: {},
};

function problems(config: object): readonly Diagnostic[] {
  try {
    parseConfig(stringify(config), 'deployforge.yml');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as ConfigurationError).diagnostics;
  }
  return [];
}

const project = { name: 'demo' };

describe("GitHub's limits on a workflow run", () => {
  test('the job count is plan, release, summarize (+ sign), one build leg per target and one job per spoke', () => {
    const config = { build: { targets: ['linux-x64', 'macos-arm64'] }, release: { sign: true }, platforms: { npm: {}, custom: customEntries(3) } };
    expect(workflowJobCount(config)).toEqual({ fixed: 4, credentialChecks: 0, buildLegs: 2, spokes: 4, total: 10 });
    // Provenance is on by default (release.attest), and it runs in the sign job.
    expect(workflowJobCount({ release: { attest: false } }).fixed).toBe(3);
  });

  test('a required spoke in an environment other than the plan job\'s adds one credential check per such environment', () => {
    const config = {
      required: ['npm', 'pypi', 'custom:docs', 'crates'],
      platforms: { npm: { environment: 'npm-publish' }, pypi: { environment: 'npm-publish' }, crates: {}, custom: { docs: { run: 'x', environment: 'docs' }, site: { run: 'y', environment: 'site' } } },
    };
    expect(workflowJobCount(config)).toMatchObject({ credentialChecks: 2, spokes: 5 });
  });

  test(`${MAX_CUSTOM_SPOKES} custom entries fit; with ten platforms and eight targets the run would pass ${GITHUB_MAX_JOBS_PER_RUN} jobs`, () => {
    const targets = ['linux-x64', 'linux-arm64', 'linux-x64-musl', 'linux-arm64-musl', 'macos-x64', 'macos-arm64', 'windows-x64', 'windows-arm64'];
    expect(problems({ project, build: { targets }, platforms: { custom: customEntries(MAX_CUSTOM_SPOKES) } })).toEqual([]);

    const found = problems({ project, build: { targets }, platforms: { ...TEN_PLATFORMS, custom: customEntries(MAX_CUSTOM_SPOKES) } });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ path: 'platforms.custom', line: 28, column: 3 });
    expect(found[0]?.message).toContain('the release workflow would run 262 jobs (4 for plan, sign, release and summarize, 8 build legs (one per target), 250 publish jobs');
    expect(found[0]?.message).toContain('GitHub runs at most 256 jobs in one workflow run');
  });

  test('2,000 custom spokes (a 2.86 MB workflow of 2,001 jobs before) are refused by both limits, at platforms.custom', () => {
    const found = problems({ project, platforms: { custom: customEntries(2000) } });
    expect(found.map((d) => `${d.line}:${d.column} ${d.path}`)).toEqual(['4:3 platforms.custom', '4:3 platforms.custom']);
    expect(found[0]?.message).toContain(`2,000 custom spokes; at most ${MAX_CUSTOM_SPOKES} are allowed`);
    expect(found[1]?.message).toContain('would run 2,009 jobs');
  });

  test(`a build matrix over ${GITHUB_MAX_MATRIX_COMBINATIONS} combinations is refused at build.targets`, () => {
    const targets = Array.from({ length: 300 }, (_, i) => (i % 2 === 0 ? 'linux-x64' : 'macos-arm64'));
    const found = problems({ project, build: { targets } }).filter((d) => !d.message.includes('listed more than once'));
    expect(found.map((d) => `${d.line}:${d.column} ${d.path}`)).toEqual(['4:3 build.targets', '4:3 build.targets']);
    expect(found[0]?.message).toBe(`300 targets would make a build matrix of 300 combinations; GitHub allows at most ${GITHUB_MAX_MATRIX_COMBINATIONS} in one job's matrix`);
    expect(found[1]?.message).toContain('would run 304 jobs');
  });
});

describe('our own caps', () => {
  test(`build.files lists at most ${MAX_BUILD_FILES} entries`, () => {
    const files = Array.from({ length: MAX_BUILD_FILES + 1 }, (_, i) => `docs/page-${i}.md`);
    expect(problems({ project, build: { files: files.slice(1) } })).toEqual([]);
    const found = problems({ project, build: { files } });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ path: 'build.files', line: 4, column: 3 });
    expect(found[0]?.message).toBe(`${MAX_BUILD_FILES + 1} files listed; at most ${MAX_BUILD_FILES} are allowed: each is copied into every archive, so list a folder instead`);
  });

  test('docs/configuration.md states every limit with the number the code enforces', () => {
    const docs = readFileSync(fileURLToPath(new URL('../../../docs/configuration.md', import.meta.url)), 'utf8');
    const limits = docs.slice(docs.indexOf('## Limits'), docs.indexOf('## Top-level keys'));
    const n = (value: number): string => value.toLocaleString('en-US');
    expect(limits).toContain(`at most ${n(GITHUB_MAX_JOBS_PER_RUN)} jobs in one workflow run`);
    expect(limits).toContain(`at most ${n(GITHUB_MAX_MATRIX_COMBINATIONS)} combinations in one job's matrix`);
    expect(limits).toContain(`at most ${n(MAX_CONFIG_BYTES)} bytes`);
    expect(limits).toContain(`a workflow file of at most ${n(GITHUB_MAX_WORKFLOW_BYTES)} bytes`);
    expect(limits).toContain(`at most ${n(MAX_ALIAS_EXPANSION_NODES)} values`);
    expect(limits).toContain(`\`build.files\` lists at most ${n(MAX_BUILD_FILES)} files`);
    expect(limits).toContain(`\`platforms.custom\` at most ${n(MAX_CUSTOM_SPOKES)} entries`);
  });
});
