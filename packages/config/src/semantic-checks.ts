import type { Diagnostic } from '@deployforge/diagnostics';
import { isSpokeId } from '@deployforge/catalog';
import { formatPath, type ConfigPath, type NodeLocator } from './locate-node.js';

/**
 * GitHub evaluates `${{ … }}` wherever it appears in a workflow. The generator passes every config
 * value through `env:` and never pastes one into the file, so an expression in the config would
 * either do nothing or, if a future change ever inlined it, become a template injection. Refusing
 * them outright keeps that class of bug impossible.
 */
const EXPRESSION_MESSAGE =
  'expressions are not allowed ("${{ … }}"): values are passed to the workflow through env, never pasted into it, which keeps the generated workflow safe from template injection';

export interface ExpressionFinding {
  path: ConfigPath;
}

export function expressionDiagnostics(findings: readonly ExpressionFinding[], locator: NodeLocator, file: string): Diagnostic[] {
  return findings.map(({ path }) => {
    const where = locator.valueAt(path);
    return { file, line: where.line, column: where.column, path: formatPath(path), message: EXPRESSION_MESSAGE };
  });
}

/**
 * Checks the schema cannot express: they need two parts of the config at once, or a rule about a
 * path inside a `file:` value. They run on whatever parsed, even when the schema found errors, so
 * one run reports everything.
 */
export function semanticDiagnostics(config: Record<string, unknown>, locator: NodeLocator, file: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  const report = (path: ConfigPath, message: string): void => {
    const where = locator.valueAt(path);
    found.push({ file, line: where.line, column: where.column, path: formatPath(path), message });
  };

  const platforms = asRecord(config.platforms);
  const required = config.required;
  if (Array.isArray(required)) {
    required.forEach((id, index) => {
      if (typeof id !== 'string' || !isSpokeId(id)) return; // the schema already said it is unknown
      if (!platforms || !(id in platforms)) {
        report(['required', index], `platform "${id}" is required but not enabled: add a "${id}:" block under platforms, or remove it from required`);
      } else if (id === 'pypi' && asRecord(platforms.pypi)?.mode === 'skip') {
        report(['required', index], 'platform "pypi" is required but platforms.pypi.mode is skip (nothing is published there): remove it from required, or set mode: binary-wheels');
      }
    });
  }

  checkFileSource(asRecord(config.version)?.from, ['version', 'from'], report);

  const release = asRecord(config.release);
  if (release && release['gpg-passphrase'] !== undefined && release['gpg-key'] === undefined) {
    report(['release', 'gpg-passphrase'], 'a passphrase without a key signs nothing: add release.gpg-key naming the secret that holds the private key');
  }
  checkFileSource(asRecord(config.release)?.notes, ['release', 'notes'], report);
  checkInstallerTargets(release?.installers, asRecord(config.build)?.targets, report);
  const homebrew = asRecord(platforms?.homebrew);
  const targets = asRecord(config.build)?.targets;
  if (homebrew?.kind === 'cask' && Array.isArray(targets) && !targets.some((t) => typeof t === 'string' && t.startsWith('macos-'))) {
    report(['platforms', 'homebrew', 'kind'], 'a cask installs on macOS only, and build.targets has no macOS target: add macos-arm64 or macos-x64, or use kind: formula');
  }
  checkReleaseLinuxPackages(release?.['linux-packages'], asRecord(config.project), targets, report);
  // The apt and yum spokes publish the release's own .deb/.rpm assets: the release must carry them.
  const kinds = Array.isArray(release?.['linux-packages']) ? (release['linux-packages'] as unknown[]) : [];
  for (const [id, kind] of [['apt', 'deb'], ['yum', 'rpm']] as const) {
    if (platforms?.[id] !== undefined && !kinds.includes(kind)) {
      report(['platforms', id], `${id} publishes the release's .${kind} packages, and release.linux-packages does not list ${kind}: add it (release: { linux-packages: [${[...kinds.filter((k) => typeof k === 'string'), kind].join(', ')}] })`);
    }
  }
  return found;
}

/**
 * `release.linux-packages` builds from the Linux archives with `project.maintainer` (Debian's
 * `Name <email>`); `apk` is for Alpine, so it needs a musl build. Said at validate time, not when the
 * release job is halfway through.
 */
function checkReleaseLinuxPackages(kinds: unknown, project: Record<string, unknown> | undefined, targets: unknown, report: (path: ConfigPath, message: string) => void): void {
  if (!Array.isArray(kinds) || kinds.length === 0) return;
  const maintainer = project?.maintainer;
  if (maintainer === undefined) {
    report(['release', 'linux-packages'], 'packages name their maintainer: add project.maintainer as "Name <email>"');
  } else if (typeof maintainer === 'string' && !/^[^<>\r\n]+ <[^<>@\s]+@[^<>\s]+>$/.test(maintainer)) {
    report(['project', 'maintainer'], `Linux packages use project.maintainer, which must be "Name <email>" (got ${JSON.stringify(maintainer)})`);
  }
  if (!Array.isArray(targets)) return;
  const ids = targets.filter((t): t is string => typeof t === 'string');
  if (!ids.some((t) => t.startsWith('linux-'))) {
    report(['release', 'linux-packages'], 'Linux packages are built from the Linux archives, and build.targets has none: add linux-x64 or linux-arm64');
    return;
  }
  kinds.forEach((kind, index) => {
    if (kind === 'apk' && !ids.some((t) => t.startsWith('linux-') && t.endsWith('-musl'))) {
      report(['release', 'linux-packages', index], 'an .apk is for Alpine (musl) and build.targets has no musl build: add linux-x64-musl or linux-arm64-musl, or remove apk');
    }
  });
}

/**
 * An installer named in `release.installers` needs archives it can install: install.sh the Linux or
 * macOS ones, install.ps1 the Windows ones. (`true` asks only for the kinds the targets allow.)
 */
function checkInstallerTargets(installers: unknown, targets: unknown, report: (path: ConfigPath, message: string) => void): void {
  if (!Array.isArray(installers) || !Array.isArray(targets)) return;
  const ids = targets.filter((t): t is string => typeof t === 'string');
  installers.forEach((kind, index) => {
    if (kind === 'sh' && !ids.some((t) => !t.startsWith('windows-'))) {
      report(['release', 'installers', index], 'install.sh installs Linux and macOS archives, and build.targets has none: add a Linux or macOS target, or remove sh');
    } else if (kind === 'ps1' && !ids.some((t) => t.startsWith('windows-'))) {
      report(['release', 'installers', index], 'install.ps1 installs Windows archives, and build.targets has none: add windows-x64 or windows-arm64, or remove ps1');
    }
  });
}

/** `file:<path>` must name a file inside the repository: relative, non-empty, never climbing out with `..`. */
function checkFileSource(value: unknown, path: ConfigPath, report: (path: ConfigPath, message: string) => void): void {
  if (typeof value !== 'string' || !value.startsWith('file:')) return;
  const target = value.slice('file:'.length).trim();
  if (target === '') {
    report(path, 'expected a path after "file:", such as file:VERSION');
  } else if (target.startsWith('/') || /^[A-Za-z]:[\\/]/.test(target) || target.startsWith('\\')) {
    report(path, `expected a path relative to the repository root, got the absolute path ${JSON.stringify(target.slice(0, 40))}`);
  } else if (target.split(/[\\/]/).includes('..')) {
    report(path, 'expected a path inside the repository: ".." is not allowed');
  } else if (/[\r\n\0]/.test(target)) {
    report(path, 'expected a path on one line');
  }
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
