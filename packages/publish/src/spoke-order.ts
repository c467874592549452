/** What ordering needs of a spoke (a SpokePlan has both). */
export interface OrderedSpoke {
  key: string;
  platform: string;
}

/**
 * A spoke's usual duration when no earlier run says otherwise (ms): image and package builds
 * (docker, snap, flathub, crates) take minutes, a formula or manifest push seconds. Only the order
 * matters, so rough figures are enough; a platform not listed counts as a minute.
 */
export const STATIC_SPOKE_ESTIMATE_MS: Readonly<Record<string, number>> = {
  docker: 240_000,
  snap: 240_000,
  flathub: 180_000,
  crates: 150_000,
  vscode: 120_000,
  pypi: 90_000,
  npm: 90_000,
  'github-packages': 75_000,
  chocolatey: 75_000,
  winget: 60_000,
  huggingface: 60_000,
  aur: 45_000,
  homebrew: 30_000,
  scoop: 30_000,
  nix: 30_000,
};
const DEFAULT_ESTIMATE_MS = 60_000;

/** What a spoke is expected to take: its duration in the last status.json, else the static estimate. */
export function spokeEstimateMs(spoke: OrderedSpoke, lastDurations: Readonly<Record<string, number>> = {}): number {
  const last = lastDurations[spoke.key];
  if (last !== undefined && Number.isFinite(last) && last > 0) return last;
  return STATIC_SPOKE_ESTIMATE_MS[spoke.platform] ?? DEFAULT_ESTIMATE_MS;
}

/**
 * The order spokes start in: longest first (LPT), so the longest one never starts last behind a
 * full pool of short ones (issue 20: config order cost 1.27x the best makespan). Ties keep config
 * order, so the order is stable from run to run.
 */
export function longestFirst<T extends OrderedSpoke>(spokes: readonly T[], lastDurations: Readonly<Record<string, number>> = {}): T[] {
  return spokes
    .map((spoke, index) => ({ spoke, index, estimate: spokeEstimateMs(spoke, lastDurations) }))
    .sort((a, b) => b.estimate - a.estimate || a.index - b.index)
    .map((e) => e.spoke);
}
