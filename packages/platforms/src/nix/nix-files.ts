import { posix } from 'node:path';
import type { PlatformContext } from '../platform.js';

/**
 * Where the Nix files go. `path` names the file the user asked for: `flake.nix` (the default) gets
 * the flake plus `package.nix` (the derivation) and `default.nix` (for `nix-build` without flakes);
 * any other name (`pkgs/shimmy/default.nix`, the nixpkgs layout) *is* the derivation, in
 * `callPackage` form, with a flake next to it.
 */
export interface NixLayout {
  derivation: string;
  flake: string;
  /** A non-flake entry point; absent when the derivation file already is `default.nix`. */
  legacy?: string;
}

export function nixLayout(ctx: PlatformContext): NixLayout {
  const path = ctx.config.platforms.nix?.path ?? 'flake.nix';
  const dir = posix.dirname(path);
  const at = (name: string) => (dir === '.' ? name : `${dir}/${name}`);
  const base = posix.basename(path);
  const derivation = base === 'flake.nix' ? at('package.nix') : path;
  return {
    derivation,
    flake: at('flake.nix'),
    ...(posix.basename(derivation) === 'default.nix' ? {} : { legacy: at('default.nix') }),
  };
}
