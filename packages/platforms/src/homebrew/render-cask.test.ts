import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blankFakeOrigin, EXAMPLES, exampleFixture } from '../git-remote/test-support.js';
import { run } from '../../../../test/helpers/services.js';
import { repoRoot } from '../../../../test/helpers/repo-root.js';
import type { ReleaseFixture } from '../../../../test/helpers/release-fixture.js';
import type { PlatformContext } from '../platform.js';
import { formulaFacts } from './formula-facts.js';
import { renderHomebrew } from './render.js';

const HARNESS = join(repoRoot, 'test/helpers/homebrew-cask-dsl.rb');

/** The example's context with `kind: cask` (and the given extra homebrew keys). */
function caskContext(fx: ReleaseFixture, extra: Record<string, unknown> = {}, targets?: string[]): PlatformContext {
  const base = fx.context();
  const homebrew = { ...base.config.platforms.homebrew!, kind: 'cask' as const, ...extra };
  const ctx = { ...base, config: { ...base.config, platforms: { ...base.config.platforms, homebrew } } };
  if (!targets) return ctx;
  return { ...ctx, assets: ctx.assets.filter((a) => !a.target || targets.includes(a.target)) };
}

/** ruby -c, then the cask evaluated by the DSL harness for each CPU. */
async function evaluate(text: string): Promise<{ syntax: string; arm: Record<string, string>; intel: Record<string, string> }> {
  const dir = mkdtempSync(join(tmpdir(), 'df-cask-'));
  try {
    const file = join(dir, 'cask.rb');
    writeFileSync(file, text);
    const syntax = await run('ruby', ['-c', file]);
    const out: Record<string, Record<string, string>> = {};
    for (const cpu of ['arm', 'intel']) {
      const result = await run('ruby', [HARNESS, file, cpu]);
      expect(result.code, result.stderr).toBe(0);
      out[cpu] = JSON.parse(result.stdout) as Record<string, string>;
    }
    return { syntax: syntax.stdout + syntax.stderr, arm: out.arm!, intel: out.intel! };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(EXAMPLES)('the %s example as a cask', (example) => {
  let fx: ReleaseFixture;
  beforeAll(async () => {
    fx = await exampleFixture(example);
  });
  afterAll(async () => fx?.close());
  const token = () => (example === 'rust-cli' ? 'hello-forge' : 'hello-forge-go');

  it('renders the golden cask at Casks/<token>.rb', async () => {
    const files = renderHomebrew(caskContext(fx));
    expect(files.map((f) => f.path)).toEqual([`Casks/${token()}.rb`]);
    await expect(blankFakeOrigin(String(files[0]!.contents), fx)).toMatchFileSnapshot(`__golden__/${example}.cask.rb`);
  });

  it('passes ruby -c, and the Cask DSL gives each CPU its own macOS archive and sha256', async () => {
    const text = String(renderHomebrew(caskContext(fx))[0]!.contents);
    const { syntax, arm, intel } = await evaluate(text);
    expect(syntax).toContain('Syntax OK');
    for (const [cpu, seen] of [['arm64', arm], ['x64', intel]] as const) {
      const asset = fx.assets.find((a) => a.target === `macos-${cpu}`)!;
      expect(seen).toMatchObject({ token: token(), version: '1.0.0', url: asset.url, sha256: asset.sha256, name: token(), binary: token() });
    }
    expect(text).not.toMatch(/linux|windows/);
    const facts = formulaFacts(text);
    expect(facts.version).toBe('1.0.0');
    expect(facts.sha256s).toHaveLength(2);
  });

  it('an arm64-only release depends on arm64; an Intel-only one runs everywhere', async () => {
    const armOnly = await evaluate(String(renderHomebrew(caskContext(fx, {}, ['macos-arm64']))[0]!.contents));
    expect(armOnly.arm).toMatchObject({ depends_on_arch: 'arm64', url: fx.assets.find((a) => a.target === 'macos-arm64')!.url });
    const intelOnly = await evaluate(String(renderHomebrew(caskContext(fx, {}, ['macos-x64']))[0]!.contents));
    expect(intelOnly.arm.url).toBe(fx.assets.find((a) => a.target === 'macos-x64')!.url);
    expect(intelOnly.arm.depends_on_arch).toBeUndefined();
  });

  it('cask: names the token; quotes and #{} in the description stay text', async () => {
    const ctx = caskContext(fx, { cask: 'forge-tool' });
    const tricky = { ...ctx, config: { ...ctx.config, project: { ...ctx.config.project, description: 'Say "hi" #{system("x")}' } } };
    const files = renderHomebrew(tricky);
    expect(files[0]!.path).toBe('Casks/forge-tool.rb');
    const { arm } = await evaluate(String(files[0]!.contents));
    expect(arm.token).toBe('forge-tool');
    expect(arm.desc).toBe('Say "hi" #{system("x")}');
  });

  it('the harness can fail: an unknown stanza is an error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'df-cask-'));
    try {
      const file = join(dir, 'bad.rb');
      writeFileSync(file, String(renderHomebrew(caskContext(fx))[0]!.contents).replace('  binary ', '  binari '));
      const result = await run('ruby', [HARNESS, file, 'arm']);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain('not a cask stanza DeployForge writes: binari');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a cask with no macOS archive', () => {
  it('is refused, naming platforms.homebrew', async () => {
    const fx = await exampleFixture('rust-cli');
    try {
      expect(() => renderHomebrew(caskContext(fx, {}, ['linux-x64']))).toThrow(/platforms\.homebrew.*no macOS archive/);
    } finally {
      await fx.close();
    }
  });
});
