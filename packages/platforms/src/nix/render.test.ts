import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blankFakeOrigin, EXAMPLES, exampleFixture } from '../git-remote/test-support.js';
import type { ReleaseFixture } from '../../../../test/helpers/release-fixture.js';
import { nixFacts } from './nix-facts.js';
import { nixLayout } from './nix-files.js';
import { nixLicense } from './nix-license.js';
import { nixString, sriSha256 } from './nix-literal.js';
import { checkNixSyntax } from './nix-syntax.js';
import { renderNix } from './render.js';

describe('checkNixSyntax', () => {
  it('accepts well-formed Nix with strings, indented strings, antiquotations and comments', () => {
    const ok = `# c\n{ lib, x ? { } }:\nlet\n  a = "q\\"\${lib.x {}}";\n  b = ''\n    echo ''\${x} \${a} '''\n  '';\n  inherit (lib) y;\nin\n{ c = a == b; d = [ 1 (2) ]; /* } */ e = with lib; { f = 1; }; }\n`;
    expect(checkNixSyntax(ok)).toEqual([]);
  });
  it.each([
    ['a missing semicolon', '{ a = 1; b = 2 }'],
    ['an unclosed brace', '{ a = { b = 1; };'],
    ['a stray bracket', '{ a = [ 1 2 ; }'],
    ['an unterminated string', '{ a = "x; }'],
    ['an unescaped quote', '{ a = "say "hi"; }'],
    ['a let without semicolons', 'let a = 1 in a'],
    ['an unterminated indented string', "{ a = ''x; }"],
  ])('rejects %s', (_what, source) => {
    expect(checkNixSyntax(source)).not.toEqual([]);
  });
});

describe('literals', () => {
  it('writes SRI hashes from hex', () => {
    expect(sriSha256('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')).toBe('sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
  });
  it('escapes quotes and antiquotations in strings', () => {
    expect(nixString('a "b" ${c} \\')).toBe('"a \\"b\\" \\${c} \\\\"');
    expect(checkNixSyntax(`{ a = ${nixString('a "b" ${c} \\')}; }`)).toEqual([]);
  });
  it.each([
    ['MIT', 'lib.licenses.mit'],
    ['Apache-2.0', 'lib.licenses.asl20'],
    ['MIT OR Apache-2.0', '[ lib.licenses.mit lib.licenses.asl20 ]'],
    ['EUPL-1.2', '(lib.licenses.eupl12 or (lib.getLicenseFromSpdxId "EUPL-1.2"))'],
  ])('license %s', (spdx, expected) => {
    expect(nixLicense(spdx)).toBe(expected);
  });
});

describe.each(EXAMPLES)('the %s example', (example) => {
  let fx: ReleaseFixture;
  beforeAll(async () => {
    fx = await exampleFixture(example);
  });
  afterAll(async () => fx?.close());

  it('renders golden files that pass the structural check', async () => {
    const ctx = fx.context();
    const files = renderNix(ctx);
    const name = example === 'rust-cli' ? 'hello-forge' : 'hello-forge-go';
    expect(files.map((f) => f.path)).toEqual([`pkgs/${name}/flake.nix`, `pkgs/${name}/default.nix`]);
    for (const file of files) {
      const text = String(file.contents);
      expect(checkNixSyntax(text), file.path).toEqual([]);
      await expect(blankFakeOrigin(text, fx)).toMatchFileSnapshot(`__golden__/${example}/${file.path.split('/').pop()}`);
    }
    const facts = nixFacts(String(files[1]!.contents));
    expect(facts.version).toBe('1.0.0');
    expect(facts.hashes).toHaveLength(4);
  });

  it('with the default path writes flake.nix, package.nix and default.nix, all well-formed', () => {
    const base = fx.context();
    const ctx = { ...base, config: { ...base.config, platforms: { ...base.config.platforms, nix: { repository: 'acme/nix', path: 'flake.nix' } } } };
    expect(nixLayout(ctx)).toEqual({ derivation: 'package.nix', flake: 'flake.nix', legacy: 'default.nix' });
    for (const file of renderNix(ctx)) expect(checkNixSyntax(String(file.contents)), file.path).toEqual([]);
  });
});
