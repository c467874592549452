import { closest, distance } from 'fastest-levenshtein';

/**
 * The closest candidate to a mistyped word, if it is close enough to be a plausible typo.
 * The bound grows with the word's length so that `pakage` finds `package` and `pipy` finds `pypi`, but `foo` finds nothing.
 */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const lower = word.toLowerCase();
  // Levenshtein counts a swapped pair as two edits, too many for short ids (`nmp`, `aru`).
  const swapped = candidates.find((c) => isOneSwapAway(lower, c));
  if (swapped !== undefined) return swapped;
  const best = closest(lower, [...candidates]);
  // Two edits allow `pipy` → `pypi`; very short words allow only one, or `npm` would match `nix`.
  const limit = best.length <= 3 ? 1 : Math.min(3, Math.max(2, Math.floor(best.length / 3)));
  return distance(lower, best) <= limit ? best : undefined;
}

function isOneSwapAway(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  const [i, j] = diff;
  return diff.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}

/** ` (did you mean "package"?)`, or nothing. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const match = closestMatch(word, candidates);
  return match === undefined ? '' : ` (did you mean "${match}"?)`;
}
