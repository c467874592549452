import type { SemVer } from 'semver';
import parse from 'semver/functions/parse.js';

// semver prerelease labels with a PEP 440 meaning. `pre`/`preview` are release candidates in
// practice (nobody publishes a "preview" after an "rc"), so they map to rc as well.
const LABELS: Record<string, 'a' | 'b' | 'rc' | '.dev'> = {
  alpha: 'a',
  a: 'a',
  beta: 'b',
  b: 'b',
  rc: 'rc',
  c: 'rc',
  pre: 'rc',
  preview: 'rc',
  dev: '.dev',
};

/**
 * The PEP 440 spelling of a semver version, or undefined when there is none.
 *
 * Accepted prereleases: one label from LABELS, optionally followed by a number, written `rc.1`,
 * `rc1` or `rc-1` (case-insensitive); no number means 0, as PEP 440 normalization does. Anything
 * else (`-foo.1`, `-rc.1.2`, `-alpha.beta`) is undefined rather than guessed at, because a wrong
 * guess would publish a PyPI version that can never be replaced.
 *
 * Caveat the caller may want to surface: orderings differ (semver sorts `-dev` after `-alpha`,
 * PEP 440 sorts `.dev` first), which only matters when mixing labels within one release line.
 */
export function toPypiVersion(version: string | SemVer): string | undefined {
  const parsed = typeof version === 'string' ? parse(version) : version;
  if (!parsed) return undefined;
  const release = `${parsed.major}.${parsed.minor}.${parsed.patch}`;
  if (parsed.prerelease.length === 0) return release;
  const match = /^([a-z]+)(?:[.-]?(\d+))?$/.exec(parsed.prerelease.join('.').toLowerCase());
  const label = match?.[1] !== undefined ? LABELS[match[1]] : undefined;
  if (!match || !label) return undefined;
  // PEP 440 numbers are plain integers: `rc01` is `rc1`.
  const number = (match[2] ?? '0').replace(/^0+(?=\d)/, '');
  return `${release}${label}${number}`;
}
