import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMemoryLogger } from '@deployforge/diagnostics';
import { runStatus, type DriftReport } from '@deployforge/runner';
import { parseStatusDocument } from '@deployforge/status';
import { assertReachable, testServices, uniqueName, type ServicesEnv } from '../helpers/services.js';
import { closedPort, createDriftProject, type DriftProject } from './drift-project.js';

// `deployforge status` against real servers: npm on verdaccio (published through the npm spoke),
// releases on the GitHub fake made by the real hub, and a registry on a closed loopback port.

let services: ServicesEnv;
const projects: DriftProject[] = [];

beforeAll(async () => {
  services = testServices();
  await assertReachable('verdaccio', services.DEPLOYFORGE_TEST_NPM_REGISTRY);
});
afterAll(async () => {
  await Promise.all(projects.map((p) => p.close()));
});

function config(pkg: string, extra = ''): string {
  return `
project:
  name: forge-drift
  description: A demo CLI for the drift tests
  license: MIT
  homepage: https://example.test/forge-drift
  repository: acme/forge-drift
build:
  binary: forge-drift
  targets: [linux-x64, linux-arm64]
platforms:
  npm:
    package: '${pkg}'
    registry: ${services.DEPLOYFORGE_TEST_NPM_REGISTRY}
${extra}`;
}

async function project(yaml: string, version = '1.0.0'): Promise<DriftProject> {
  const p = await createDriftProject(yaml, version, { NPM_TOKEN: services.DEPLOYFORGE_TEST_NPM_TOKEN });
  projects.push(p);
  return p;
}

const status = (p: DriftProject, timeoutMs?: number) =>
  runStatus({ configPath: 'deployforge.yml', io: { cwd: p.dir, env: p.env }, log: createMemoryLogger(), ...(timeoutMs ? { timeoutMs } : {}) });

describe('deployforge status', () => {
  test('in sync: npm serves the newest release, GitHub marks it latest; exit 0', async () => {
    const p = await project(config(uniqueName('df-drift-sync')));
    const published = await p.publish('npm', p.context());
    expect(published.status, published.detail).toBe('published');

    const report = await status(p);
    expect(report.tag).toBe('v1.0.0');
    expect(report.drift).toBe(false);
    expect(report.platforms.npm).toMatchObject({ state: 'in-sync', live: '1.0.0', release: '1.0.0', status: 'published' });
    expect(report.platforms.github).toMatchObject({ state: 'in-sync', live: '1.0.0' });

    const cli = await p.cli(['status']);
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(/^npm\s+1\.0\.0\s+1\.0\.0\s+in-sync/m);
    expect(cli.stdout).toContain('every platform serves the newest release');
  });

  test('drift: npm still on 1.0.0 after release 1.1.0 is behind; --json is one status.json-compatible document; exit 1', async () => {
    const p = await project(config(uniqueName('df-drift-behind')));
    expect((await p.publish('npm', p.context())).status).toBe('published');
    await p.release('1.1.0');

    const report = await status(p);
    expect(report.tag).toBe('v1.1.0');
    expect(report.drift).toBe(true);
    expect(report.platforms.npm).toMatchObject({ state: 'behind', live: '1.0.0', release: '1.1.0', status: 'failed' });
    expect(report.platforms.github).toMatchObject({ state: 'in-sync', live: '1.1.0' });

    const cli = await p.cli(['status', '--json']);
    expect(cli.code).toBe(1);
    const doc = JSON.parse(cli.stdout) as DriftReport;
    expect(doc.platforms.npm?.state).toBe('behind');
    // The dashboard reads status.json; the drift report passes the same validation.
    expect(() => parseStatusDocument(cli.stdout, 'status.json')).not.toThrow();
    expect(cli.stdout).not.toContain(services.DEPLOYFORGE_TEST_NPM_TOKEN);
  });

  test('the highest stable release is the reference; a prerelease only while it is the most recently published', async () => {
    const p = await project(config(uniqueName('df-drift-ahead')), '1.0.0');
    const ctx110 = await p.release('1.1.0');
    expect((await p.publish('npm', ctx110())).status).toBe('published');
    // Then a release 1.0.1 (a patch of the old line, published last): the highest stable is still 1.1.0.
    await p.release('1.0.1');
    let report = await status(p);
    expect(report.tag).toBe('v1.1.0');
    expect(report.platforms.npm?.state).toBe('in-sync');

    await p.release('2.0.0-rc.1');
    report = await status(p);
    expect(report.tag).toBe('v2.0.0-rc.1');
    expect(report.platforms.npm).toMatchObject({ state: 'behind', live: '1.1.0' });
  });

  test('missing and unreachable: a package that was never published is missing; a registry on a closed port is unknown with the reason, not a crash', async () => {
    const port = await closedPort();
    const yaml = config(uniqueName('df-drift-missing'), `  docker:\n    images: [127.0.0.1:${port}/it/df-unreachable]\n    tags: ['{version}', latest]\n`);
    const p = await project(yaml);

    const started = Date.now();
    const report = await status(p, 10_000);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(report.platforms.npm).toMatchObject({ state: 'missing', status: 'failed' });
    expect(report.platforms.npm?.live).toBeUndefined();
    expect(report.platforms.docker?.state).toBe('unknown');
    expect(report.platforms.docker?.detail).toMatch(/could not read the live version: .+/);
    expect(report.drift).toBe(true);

    const cli = await p.cli(['status']);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toMatch(/^docker\s+-\s+1\.0\.0\s+unknown\s+could not read/m);
    expect(cli.stderr).not.toContain('unexpected error');
  });

  test('--platforms limits the rows; bad input exits 2', async () => {
    const p = await project(config(uniqueName('df-drift-select')));
    const only = await p.cli(['status', '--json', '--platforms', 'github']);
    expect(Object.keys((JSON.parse(only.stdout) as DriftReport).platforms)).toEqual(['github']);
    const bad = await p.cli(['status', '--platforms', 'npmm']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('did you mean "npm"');
    const noToken = await createDriftProjectCli(p, ['status'], { GITHUB_TOKEN: '' });
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('GITHUB_TOKEN: not set');
  });
});

/** The same project's CLI with some variables overridden. */
async function createDriftProjectCli(p: DriftProject, argv: string[], env: Record<string, string>) {
  const saved = { ...p.env };
  Object.assign(p.env, env);
  try {
    return await p.cli(argv);
  } finally {
    for (const key of Object.keys(p.env)) delete p.env[key];
    Object.assign(p.env, saved);
  }
}
