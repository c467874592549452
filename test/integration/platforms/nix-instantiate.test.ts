import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sriSha256 } from '../../../packages/platforms/src/nix/nix-literal.js';
import { renderNix } from '../../../packages/platforms/src/nix/render.js';
import { createReleaseFixture, type ReleaseFixture } from '../../helpers/release-fixture.js';
import { requireClient } from '../../helpers/real-clients.js';
import { run, runOk } from '../../helpers/services.js';

// The Nix files checked by Nix itself (Debian's nix-bin, Nix 2.8): every file parses with
// `nix-instantiate --parse`, and the derivation, evaluated with a stub nixpkgs (TESTING.md: `lib = {}`,
// `fetchurl = a: a`, a stdenvNoCC whose mkDerivation returns its argument), picks the right archive and
// digest per system and, for a system the release has no archive for, throws a message naming it.

const CONFIG = `
project: { name: hello-nix, description: A tiny greeter, license: MIT, repository: acme/hello-nix }
build: { binary: hello-nix, targets: [linux-x64, linux-x64-musl, linux-arm64, macos-x64, macos-arm64, windows-x64] }
platforms:
  nix: { repository: acme/nix-packages }
`;

// No daemon and no build users here: evaluation needs neither.
const nixEnv = { ...process.env, NIX_CONFIG: 'build-users-group =' };

let fx: ReleaseFixture;
let dir: string;
beforeAll(async () => {
  requireClient('nix-instantiate', 'nix-bin');
  fx = await createReleaseFixture(CONFIG, '2.1.0');
  dir = mkdtempSync(join(tmpdir(), 'df-nix-eval-'));
  for (const file of renderNix(fx.context())) {
    mkdirSync(join(dir, dirname(file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.contents);
  }
  writeFileSync(
    join(dir, 'stub.nix'),
    // What callPackage does: pass the function the arguments it asks for, from a stub nixpkgs.
    `system: let\n  f = import ./package.nix;\n  stub = { lib = { }; fetchurl = a: a; autoPatchelfHook = null; stdenvNoCC = { hostPlatform = { inherit system; isLinux = true; }; mkDerivation = a: a; }; };\n  d = f (builtins.intersectAttrs (builtins.functionArgs f) stub);\nin { inherit (d) pname version src; }\n`,
  );
});
afterAll(async () => {
  await fx?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('nix-instantiate on the rendered Nix files', () => {
  it.each(['flake.nix', 'package.nix', 'default.nix'])('%s parses', async (file) => {
    const parsed = await run('nix-instantiate', ['--parse', join(dir, file)], { env: nixEnv });
    expect(parsed.code, parsed.stderr).toBe(0);
  });

  it.each([
    ['x86_64-linux', 'linux-x64-musl'],
    ['aarch64-linux', 'linux-arm64'],
    ['x86_64-darwin', 'macos-x64'],
    ['aarch64-darwin', 'macos-arm64'],
  ])('on %s the derivation fetches the %s archive with its digest', async (system, target) => {
    const out = await runOk('nix-instantiate', ['--eval', '--strict', '--json', '--expr', `import ${join(dir, 'stub.nix')} "${system}"`], { env: nixEnv });
    const asset = fx.assets.find((a) => a.target === target)!;
    expect(JSON.parse(out)).toEqual({ pname: 'hello-nix', version: '2.1.0', src: { url: asset.url, sha256: sriSha256(asset.sha256) } });
  });

  it('on a system without an archive, evaluation throws a message that names the system', async () => {
    const failed = await run('nix-instantiate', ['--eval', '--strict', '--json', '--expr', `import ${join(dir, 'stub.nix')} "riscv64-linux"`], { env: nixEnv });
    expect(failed.code).not.toBe(0);
    expect(failed.stderr).toContain('error: hello-nix: no release archive for riscv64-linux');
  });
});
