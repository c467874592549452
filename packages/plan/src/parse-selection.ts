import { closest, distance } from 'fastest-levenshtein';
import { ConfigurationError, describeValue } from '@deployforge/diagnostics';
import type { PlatformSelection } from './plan-types.js';

// Spoke keys are platform ids or `custom:<name>`; anything else (spaces, `$`, quotes, newlines) is
// refused before it can reach a log line, a job name or a shell.
const KEY_PATTERN = /^[a-z0-9][a-z0-9-]*(?::[a-z0-9][a-z0-9-]*)?$/;

/**
 * Parse the `platforms` dispatch input / `--platforms` flag against the spokes the config enables.
 *
 * `''` and `all` mean every enabled spoke. `custom` selects every custom entry. An unknown or
 * disabled name is a ConfigurationError naming the input, so nothing is published on a typo.
 */
export function parsePlatformSelection(
  raw: string | undefined,
  spokeKeys: readonly string[],
  inputName = 'platforms',
): PlatformSelection {
  const text = (raw ?? '').trim();
  if (text === '' || text === 'all') return { kind: 'all' };

  const keys: string[] = [];
  const problems: string[] = [];
  for (const part of text.split(',')) {
    const key = part.trim();
    if (key === '') continue;
    if (!KEY_PATTERN.test(key)) {
      problems.push(`${describeValue(key)} is not a platform id (expected names like npm, homebrew or custom:deploy)`);
      continue;
    }
    // Two words a user reaches for that are no spoke: "all" inside a list, and the hub itself.
    if (key === 'all') {
      problems.push('"all" stands alone (it selects every platform): give either "all" or the names');
      continue;
    }
    if (key === 'github' && !spokeKeys.includes('github')) {
      problems.push('"github" is the release itself, which every run makes (or finds complete); name only the platforms that publish from it');
      continue;
    }
    const matches = key === 'custom' ? spokeKeys.filter((k) => k.startsWith('custom:')) : spokeKeys.filter((k) => k === key);
    if (matches.length === 0) {
      const guess = spokeKeys.length > 0 ? closest(key, [...spokeKeys]) : undefined;
      const hint = guess !== undefined && distance(key, guess) <= 2 ? ` (did you mean "${guess}"?)` : '';
      problems.push(`"${key}" is not enabled in deployforge.yml${hint}`);
      continue;
    }
    for (const m of matches) if (!keys.includes(m)) keys.push(m);
  }
  if (problems.length > 0) {
    const enabled = spokeKeys.length > 0 ? spokeKeys.join(', ') : '(none)';
    throw ConfigurationError.forInput(
      inputName,
      `${problems.join('; ')}. Expected "all" or a comma-separated list of: ${enabled}`,
    );
  }
  if (keys.length === 0) {
    throw ConfigurationError.forInput(inputName, 'no platform named. Expected "all" or a comma-separated list');
  }
  return { kind: 'some', keys };
}

export function isSelected(selection: PlatformSelection, key: string): boolean {
  return selection.kind === 'all' || selection.keys.includes(key);
}
