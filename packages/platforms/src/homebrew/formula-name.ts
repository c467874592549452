import type { PlatformContext } from '../platform.js';

/** `platforms.homebrew.kind: cask`: a cask in `Casks/` instead of a formula in `Formula/`. */
export function isCask(ctx: PlatformContext): boolean {
  return ctx.config.platforms.homebrew?.kind === 'cask';
}

/** The formula's name (`platforms.homebrew.formula`) or the cask's token (`.cask`), else the project's name. */
export function formulaName(ctx: PlatformContext): string {
  const block = ctx.config.platforms.homebrew;
  return (isCask(ctx) ? block?.cask : block?.formula) ?? ctx.config.project.name;
}

/**
 * The Ruby class Homebrew expects for a formula name (its `Formulary.class_s` rule): capitalise,
 * drop `-`, `_` and `.` and capitalise what follows, `+` becomes `x`, `@<digit>` becomes `AT<digit>`.
 * `hello-forge` → `HelloForge`, `foo@2` → `FooAT2`, `c++` → `Cxx`. Any other class name makes
 * `brew install` fail with "No available formula".
 */
export function formulaClassName(name: string): string {
  const capitalised = name.charAt(0).toUpperCase() + name.slice(1).toLowerCase();
  return capitalised
    .replace(/[-_.\s]([a-zA-Z0-9])/g, (_m, c: string) => c.toUpperCase())
    .replace(/\+/g, 'x')
    .replace(/(.)@(\d)/, '$1AT$2');
}

/** Where the tap keeps it: `Formula/<name>.rb`, or `Casks/<token>.rb` for a cask. */
export function formulaPath(ctx: PlatformContext): string {
  return `${isCask(ctx) ? 'Casks' : 'Formula'}/${formulaName(ctx)}.rb`;
}

/** The branch a pull request is proposed from: one per formula and version, so re-runs find it. */
export function pullRequestBranch(ctx: PlatformContext): string {
  return `deployforge/${formulaName(ctx)}-${ctx.version.version}`;
}
