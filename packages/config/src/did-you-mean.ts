import { closest, distance } from 'fastest-levenshtein';

/**
 * The closest candidate to a mistyped word, if it is close enough to be a plausible typo.
 * The bound grows with the word's length so that `pakage` finds `package` and `pipy` finds `pypi`, but `foo` finds nothing.
 */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(word.toLowerCase(), [...candidates]);
  // Two edits cover a swapped pair of letters (`pipy` → `pypi`); very short words allow only one.
  const limit = best.length <= 3 ? 1 : Math.min(3, Math.max(2, Math.floor(best.length / 3)));
  return distance(word.toLowerCase(), best) <= limit ? best : undefined;
}

/** ` (did you mean "package"?)`, or nothing. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const match = closestMatch(word, candidates);
  return match === undefined ? '' : ` (did you mean "${match}"?)`;
}
