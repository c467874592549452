import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blankFakeOrigin, EXAMPLES, exampleFixture } from '../git-remote/test-support.js';
import { run } from '../../../../test/helpers/services.js';
import { repoRoot } from '../../../../test/helpers/repo-root.js';
import type { ReleaseFixture } from '../../../../test/helpers/release-fixture.js';
import { formulaDescription } from './formula-description.js';
import { formulaFacts } from './formula-facts.js';
import { formulaClassName } from './formula-name.js';
import { renderHomebrew } from './render.js';
import { rubyLicense, rubyString } from './ruby-literal.js';

describe('formulaClassName (Homebrew Formulary.class_s)', () => {
  it.each([
    ['hello-forge', 'HelloForge'],
    ['foo@2', 'FooAT2'],
    ['python@3.12', 'PythonAT312'],
    ['c++', 'Cxx'],
    ['shimmy', 'Shimmy'],
    ['go_task', 'GoTask'],
    ['lib.so', 'LibSo'],
    ['hello-forge-go', 'HelloForgeGo'],
  ])('%s → %s', (name, expected) => {
    expect(formulaClassName(name)).toBe(expected);
  });
});

describe('ruby literals and metadata', () => {
  it('escapes quotes, backslashes and interpolation', () => {
    expect(rubyString('say "hi" #{x} \\ ok')).toBe('"say \\"hi\\" \\#{x} \\\\ ok"');
  });
  it.each([
    ['MIT', 'license "MIT"'],
    ['MIT OR Apache-2.0', 'license any_of: ["MIT", "Apache-2.0"]'],
    ['(MIT AND BSD-3-Clause)', 'license all_of: ["MIT", "BSD-3-Clause"]'],
  ])('license %s', (spdx, expected) => {
    expect(rubyLicense(spdx)).toBe(expected);
  });
  it('trims descriptions the way brew audit wants them', () => {
    expect(formulaDescription('A tiny greeter.', 'x')).toBe('Tiny greeter');
    expect(formulaDescription(undefined, 'shimmy command-line tool')).toBe('Shimmy command-line tool');
    expect(formulaDescription('x'.repeat(100), '').length).toBeLessThanOrEqual(80);
  });
});

describe.each(EXAMPLES)('the %s example', (example) => {
  let fx: ReleaseFixture;
  beforeAll(async () => {
    fx = await exampleFixture(example);
  });
  afterAll(async () => fx?.close());

  it('renders the golden formula', async () => {
    const files = renderHomebrew(fx.context());
    expect(files.map((f) => f.path)).toEqual([`Formula/${example === 'rust-cli' ? 'hello-forge' : 'hello-forge-go'}.rb`]);
    await expect(blankFakeOrigin(String(files[0]!.contents), fx)).toMatchFileSnapshot(`__golden__/${example}.rb`);
  });

  it('passes ruby -c and reads back its own version and sha256s', async () => {
    const text = String(renderHomebrew(fx.context())[0]!.contents);
    const dir = mkdtempSync(join(tmpdir(), 'df-formula-'));
    try {
      writeFileSync(join(dir, 'formula.rb'), text);
      const syntax = await run('ruby', ['-c', join(dir, 'formula.rb')]);
      expect(syntax.code, syntax.stderr).toBe(0);
      expect(syntax.stdout).toContain('Syntax OK');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const facts = formulaFacts(text);
    expect(facts.version).toBe('1.0.0');
    expect(facts.sha256s).toHaveLength(4);
  });

  it('read by the Formula DSL on each OS and CPU, names that machine\'s archive (glibc over musl on Linux)', async () => {
    const text = String(renderHomebrew(fx.context())[0]!.contents);
    const dir = mkdtempSync(join(tmpdir(), 'df-formula-'));
    try {
      const file = join(dir, 'formula.rb');
      writeFileSync(file, text);
      for (const [os, cpu, target] of [['macos', 'arm', 'macos-arm64'], ['macos', 'intel', 'macos-x64'], ['linux', 'arm', 'linux-arm64'], ['linux', 'intel', 'linux-x64']] as const) {
        const result = await run('ruby', [join(repoRoot, 'test/helpers/homebrew-formula-dsl.rb'), file, os, cpu]);
        expect(result.code, result.stderr).toBe(0);
        const asset = fx.assets.find((a) => a.target === target)!;
        expect(JSON.parse(result.stdout), `${os} ${cpu}`).toMatchObject({ version: '1.0.0', url: asset.url, sha256: asset.sha256 });
      }
      // The harness can fail: a stanza Homebrew does not know is an error.
      writeFileSync(file, text.replace('  desc ', '  descr '));
      expect((await run('ruby', [join(repoRoot, 'test/helpers/homebrew-formula-dsl.rb'), file, 'macos', 'arm'])).stderr).toContain('not a formula stanza DeployForge writes: descr');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
