import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { NOT_PUBLISHED, type StatsReport } from '@deployforge/runner';
import { assertReachable, testServices, uniqueName, type ServicesEnv } from '../helpers/services.js';
import { createDriftProject, type DriftProject } from './drift-project.js';

// `deployforge stats`: GitHub's download counts come from the fake, bumped by real downloads of the
// release assets; npm and docker publish no figure DeployForge can read, and say so.

let services: ServicesEnv;
let project: DriftProject;

beforeAll(async () => {
  services = testServices();
  await assertReachable('verdaccio', services.DEPLOYFORGE_TEST_NPM_REGISTRY);
  project = await createDriftProject(`
project: { name: forge-stats, repository: acme/forge-stats, license: MIT, description: Stats demo, homepage: https://example.test/s }
build: { binary: forge-stats, targets: [linux-x64, linux-arm64] }
platforms:
  npm: { package: '${uniqueName('df-stats')}', registry: ${services.DEPLOYFORGE_TEST_NPM_REGISTRY} }
  docker: { images: [127.0.0.1:5000/it/${uniqueName('df-stats')}] }
`, '1.0.0');
});
afterAll(async () => {
  await project?.close();
});

/** Download a public asset the way a user does (browser_download_url): the fake counts it. */
async function download(url: string): Promise<void> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  await response.arrayBuffer();
}

describe('deployforge stats', () => {
  test('GitHub: asset download counts summed across releases; platforms without a figure say so, never 0', async () => {
    const v110 = (await project.release('1.1.0'))();
    const counted = () => [...project.fx.gh.state.repos.values()].flatMap((r) => r.releases).flatMap((r) => r.assets).reduce((n, a) => n + a.downloadCount, 0);
    const baseline = counted();
    const archives100 = project.fx.assets.filter((a) => a.target);
    const archives110 = v110.assets.filter((a) => a.target);
    for (const asset of [archives100[0]!, archives100[0]!, archives100[1]!]) await download(asset.url);
    for (const asset of [archives110[0]!, archives110[1]!]) await download(asset.url);

    const cli = await project.cli(['stats', '--json']);
    expect(cli.code, cli.stderr).toBe(0);
    const report = JSON.parse(cli.stdout) as StatsReport;
    // The hub itself downloads SHA256SUMS once per release while reading it back, so count from the fake.
    const fromFake = counted();
    expect(fromFake - baseline).toBe(5);
    expect(report.platforms.github?.downloads).toBe(fromFake);
    expect(report.releases.map((r) => r.tag).sort()).toEqual(['v1.0.0', 'v1.1.0']);
    expect(report.releases.reduce((n, r) => n + r.downloads, 0)).toBe(fromFake);
    expect(report.platforms.npm).toMatchObject({ downloads: null, detail: NOT_PUBLISHED });
    expect(report.platforms.docker).toMatchObject({ downloads: null, detail: NOT_PUBLISHED });
    expect(report.total).toBe(fromFake);

    const text = await project.cli(['stats']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(new RegExp(`^github\\s+${fromFake}\\s+release assets of 2 release\\(s\\)`, 'm'));
    expect(text.stdout).toMatch(/^npm\s+-\s+not published by this platform$/m);
    expect(text.stdout).toMatch(/^docker\s+-\s+not published by this platform$/m);
    expect(text.stdout).toMatch(new RegExp(`^total\\s+${fromFake}\\s`, 'm'));
    expect(text.stdout).not.toMatch(/^npm\s+0/m);
  });
});
