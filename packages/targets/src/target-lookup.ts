import { ConfigurationError, describeValue } from '@deployforge/diagnostics';
import { closest, distance } from 'fastest-levenshtein';
import { TARGET_IDS, type TargetId } from './target-ids.js';
import type { TargetInfo, TargetOs } from './target-info.js';
import { TARGETS } from './target-table.js';

export function isTargetId(value: unknown): value is TargetId {
  return typeof value === 'string' && (TARGET_IDS as readonly string[]).includes(value);
}

/**
 * The row for `id`. Accepts any string because ids arrive from config files, flags and matrix
 * outputs; an unknown one is a user error, reported with the closest valid id.
 */
export function targetInfo(id: string, origin = 'target'): TargetInfo {
  if (isTargetId(id)) return TARGETS[id];
  const suggestion = typeof id === 'string' ? suggestTargetId(id) : undefined;
  const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
  throw ConfigurationError.forInput(
    origin,
    `unknown target ${describeValue(id)}${hint}; expected one of ${TARGET_IDS.join(', ')}`,
  );
}

/** Every target, in canonical order (the order of TARGET_IDS, which is the matrix order). */
export function allTargets(): TargetInfo[] {
  return TARGET_IDS.map((id) => TARGETS[id]);
}

/** The targets of one operating system, in canonical order: `targetsFor('windows')` for Scoop. */
export function targetsFor(os: TargetOs, among: readonly TargetId[] = TARGET_IDS): TargetInfo[] {
  return sortTargets(among).filter((t) => t.os === os);
}

/** Dedupe and order ids canonically, so output never depends on the order a user listed them. */
export function sortTargets(ids: readonly TargetId[]): TargetInfo[] {
  const wanted = new Set(ids);
  return TARGET_IDS.filter((id) => wanted.has(id)).map((id) => TARGETS[id]);
}

// Other ecosystems' words for the same OS / CPU, so `darwin-aarch64` suggests `macos-arm64` rather
// than whatever happens to be closest letter by letter.
const WORDS: Record<string, string> = {
  darwin: 'macos', mac: 'macos', osx: 'macos', apple: 'macos',
  win: 'windows', win32: 'windows', win64: 'windows',
  amd64: 'x64', x86_64: 'x64',
  aarch64: 'arm64', arm: 'arm64',
  glibc: 'gnu',
};

/**
 * The target a user most likely meant: an exact rust triple / GOOS-GOARCH / Nix system of a row,
 * then the id with other ecosystems' words translated, then the closest id if it is close at all.
 */
export function suggestTargetId(raw: string): TargetId | undefined {
  const lower = raw.trim().toLowerCase();
  const direct = TARGET_IDS.find((id) => {
    const t = TARGETS[id];
    return t.rustTriple === lower || t.nix === lower || (`${t.goos}/${t.goarch}` === lower && t.libc !== 'musl');
  });
  if (direct) return direct;
  // Any order, any separator: `x86_64-linux-musl`, `darwin/arm64`, `win-aarch64`.
  const words = lower.split(/[-/ ]+/).map((word) => WORDS[word] ?? word);
  const os = words.find((w) => w === 'linux' || w === 'macos' || w === 'windows');
  const arch = words.find((w) => w === 'x64' || w === 'arm64');
  const musl = os === 'linux' && words.includes('musl') ? '-musl' : '';
  const composed = `${os}-${arch}${musl}`;
  if (os && arch && isTargetId(composed)) return composed;
  const near = closest(lower, [...TARGET_IDS]) as TargetId;
  return distance(lower, near) <= 3 ? near : undefined;
}
