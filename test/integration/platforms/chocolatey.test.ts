import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryLogger, createRedactor } from '@deployforge/diagnostics';
import type { PlatformContext } from '@deployforge/platforms';
import { publishSpoke } from '@deployforge/publish';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chocolateyPlatform } from '../../../packages/platforms/src/chocolatey/index.js';
import { buildNupkg } from '../../../packages/platforms/src/chocolatey/nupkg.js';
import { startNuGetFake, type NuGetFake } from '../../fakes/nuget/index.js';
import { createReleaseFixture, type ReleaseFixture } from '../../helpers/release-fixture.js';
import { run, runOk, uniqueName } from '../../helpers/services.js';

// The Chocolatey spoke against the in-process NuGet v2 feed, with Debian's real NuGet 2.8.7 client
// (`apt-get install nuget`) pushing, listing and installing what the spoke renders.
const API_KEY = `choco-key-${uniqueName('k')}`;
// The real client runs on mono, whose first start on a fresh machine (its caches and certificate
// store still empty) took over 30 s in a clean CI run where the same test takes 6 s once warm.
const NUGET_CLIENT_TIMEOUT_MS = 120_000;

function config(id: string, feed: string): string {
  return `
project:
  name: hello-choco
  description: Says hello, for the Chocolatey tests
  homepage: https://example.invalid/hello-choco
  license: MIT
  repository: acme/hello-choco
  maintainer: Acme <dev@acme.test>
build:
  binary: hello-choco
  targets: [linux-x64, windows-x64, windows-arm64]
platforms:
  chocolatey:
    package: ${id}
    source: ${feed}
`;
}

describe('chocolatey spoke against the NuGet v2 fake, with the real nuget client', () => {
  let work: string;
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    // A missing client must fail the run, not skip it.
    // (`nuget help` pages its output and never exits without a terminal, so ask the shell instead.)
    const probe = await run('sh', ['-c', 'command -v nuget && command -v script']);
    if (probe.code !== 0) throw new Error('the nuget client is missing: apt-get install nuget (and util-linux for script)');
    work = mkdtempSync(join(tmpdir(), 'df-choco-it-'));
  });
  afterAll(async () => {
    for (const c of cleanups) await c();
    rmSync(work, { recursive: true, force: true });
  });

  const setup = async (options: { moderation?: boolean } = {}): Promise<{ feed: NuGetFake; fx: ReleaseFixture; id: string }> => {
    const feed = await startNuGetFake({ apiKey: API_KEY, ...options });
    const id = uniqueName('hello-choco');
    const fx = await createReleaseFixture(config(id, feed.url));
    cleanups.push(() => feed.close(), () => fx.close());
    return { feed, fx, id };
  };
  const publish = async (fx: ReleaseFixture, options: { key?: string; dryRun?: boolean; mutate?: (ctx: PlatformContext) => PlatformContext } = {}) => {
    const log = createMemoryLogger();
    const key = options.key ?? API_KEY;
    const base = fx.context({ env: { CHOCOLATEY_API_KEY: key }, log, ...(options.dryRun ? { dryRun: true } : {}) });
    const ctx = options.mutate ? options.mutate(base) : base;
    const outcome = await publishSpoke({ key: 'chocolatey', platform: chocolateyPlatform, ctx, redact: createRedactor([key]) });
    return { outcome, log };
  };
  // mono's Console reports a zero-wide window when stdout is not a terminal, and `nuget list` then prints
  // blank lines: give it a terminal with columns through script(1).
  const nugetList = (feed: NuGetFake): Promise<string> =>
    runOk('script', ['-qec', `stty cols 200 rows 50; nuget list -Source ${feed.url}api/v2/ -NonInteractive -Prerelease`, '/dev/null']);
  const nugetInstall = async (feed: NuGetFake, id: string, version: string): Promise<string> => {
    const out = join(work, uniqueName('install'));
    await runOk('nuget', ['install', id, '-Version', version, '-Source', `${feed.url}api/v2/`, '-OutputDirectory', out, '-NonInteractive'], { cwd: work });
    return join(out, `${id}.${version}`);
  };

  it('pushes the .nupkg; the real client lists and installs it with the right checksums; a re-run writes nothing', async () => {
    const { feed, fx, id } = await setup();
    const { outcome } = await publish(fx);
    expect(outcome.status, outcome.detail).toBe('published');
    expect(feed.writeCount()).toBe(1);
    // The key travels in the header only.
    expect(feed.pushHeaders[0]?.['x-nuget-apikey']).toBe(API_KEY);
    expect(feed.requests.filter((r) => r.includes(API_KEY))).toEqual([]);

    expect(await nugetList(feed)).toContain(`${id} 1.0.0`);
    const installed = await nugetInstall(feed, id, '1.0.0');
    expect(readdirSync(join(installed, 'tools'))).toEqual(['chocolateyinstall.ps1']);
    const script = readFileSync(join(installed, 'tools', 'chocolateyinstall.ps1'), 'utf8');
    for (const target of ['windows-x64', 'windows-arm64'] as const) {
      const asset = fx.assets.find((a) => a.target === target)!;
      expect(script).toContain(`'${asset.url}'`);
      expect(script).toContain(`$checksum64 = '${asset.sha256}'`);
    }
    expect(script).toContain("Install-ChocolateyZipPackage -PackageName $env:ChocolateyPackageName -UnzipLocation $toolsDir `\r\n  -Url64bit $url64 -Checksum64 $checksum64 -ChecksumType64 'sha256'");
    const nuspec = await runOk('unzip', ['-p', join(installed, `${id}.1.0.0.nupkg`), `${id}.nuspec`]);
    expect(nuspec).toContain('<version>1.0.0</version>');
    expect(nuspec).toContain('<packageSourceUrl>https://github.com/acme/hello-choco</packageSourceUrl>');

    const again = await publish(fx);
    expect(again.outcome.status, again.outcome.detail).toBe('skipped');
    expect(again.outcome.existence?.state).toBe('identical');
    expect(feed.writeCount()).toBe(1);
  }, NUGET_CLIENT_TIMEOUT_MS);

  it('sees a package pushed by the real nuget client as identical (same bytes, same PackageHash)', async () => {
    const { feed, fx, id } = await setup();
    const nupkg = join(work, `${id}.1.0.0.nupkg`);
    writeFileSync(nupkg, await buildNupkg(chocolateyPlatform.render(fx.context())));
    // The key goes through argv here only because this is the third-party client under test, not our code.
    await runOk('nuget', ['push', `${id}.1.0.0.nupkg`, '-Source', `${feed.url}api/v2/package`, '-ApiKey', API_KEY, '-NonInteractive'], { cwd: work });
    const duplicate = await run('nuget', ['push', `${id}.1.0.0.nupkg`, '-Source', `${feed.url}api/v2/package`, '-ApiKey', API_KEY, '-NonInteractive'], { cwd: work });
    expect(duplicate.code).not.toBe(0);
    expect(duplicate.stdout + duplicate.stderr).toMatch(/409|Conflict/);

    const { outcome } = await publish(fx);
    expect(outcome.status, outcome.detail).toBe('skipped');
    expect(feed.writeCount()).toBe(1);
  }, NUGET_CLIENT_TIMEOUT_MS);

  it('dry run renders and writes nothing', async () => {
    const { feed, fx, id } = await setup();
    const { outcome } = await publish(fx, { dryRun: true });
    expect(outcome.status, outcome.detail).toBe('dry-run');
    expect(outcome.files).toEqual([`${id}.nuspec`, 'tools/chocolateyinstall.ps1', '[Content_Types].xml', '_rels/.rels', expect.stringMatching(/^package\/services\/metadata\/core-properties\/[0-9a-f]{32}\.psmdcp$/)]);
    expect(feed.writeCount()).toBe(0);
    expect(feed.requests.some((r) => r.startsWith('PUT'))).toBe(false);
  });

  it('a version held for moderation is needs-human until approved, then identical', async () => {
    const { feed, fx, id } = await setup({ moderation: true });
    expect((await publish(fx)).outcome.status).toBe('published');
    const waiting = await publish(fx);
    expect(waiting.outcome.status, waiting.outcome.detail).toBe('needs-human');
    expect(waiting.outcome.detail).toMatch(/moderation/);
    expect(feed.writeCount()).toBe(1);
    expect((await chocolateyPlatform.status(fx.context())).latest).toBeUndefined();
    feed.approve(id, '1.0.0');
    expect((await chocolateyPlatform.status(fx.context())).latest).toBe('1.0.0');
    expect((await publish(fx)).outcome.status).toBe('skipped');
  });

  it('the same version with other content is refused without pushing', async () => {
    const { feed, fx } = await setup();
    expect((await publish(fx)).outcome.status).toBe('published');
    const reworded = (ctx: PlatformContext): PlatformContext => ({ ...ctx, config: { ...ctx.config, project: { ...ctx.config.project, description: 'Another description' } } });
    const { outcome } = await publish(fx, { mutate: reworded });
    expect(outcome.status).toBe('failed');
    expect(outcome.existence?.state).toBe('different');
    expect(outcome.detail).toMatch(/never allows replacing a version/);
    expect(feed.writeCount()).toBe(1);
  });

  it('a bad API key fails clearly and the key never appears in the outcome or the logs', async () => {
    const { feed, fx } = await setup();
    const canary = `CANARY${uniqueName('chocokey').replace(/-/g, '')}`;
    const { outcome, log } = await publish(fx, { key: canary });
    expect(outcome.status).toBe('failed');
    expect(outcome.detail).toMatch(/refused CHOCOLATEY_API_KEY \(403/);
    expect(JSON.stringify(outcome) + log.lines.join('\n')).not.toContain(canary);
    expect(feed.writeCount()).toBe(0);
  });
});
