import { describe, expect, it } from 'vitest';
import { longestFirst, spokeEstimateMs, STATIC_SPOKE_ESTIMATE_MS } from './spoke-order.js';

const spoke = (key: string, platform = key) => ({ key, platform });

describe('spoke start order (issue 20: longest first)', () => {
  it('starts the longest last-run spoke first, whatever the config order', () => {
    const spokes = [spoke('homebrew'), spoke('custom:quick', 'custom'), spoke('custom:slow', 'custom'), spoke('npm')];
    const last = { homebrew: 2_000, 'custom:quick': 1_000, 'custom:slow': 300_000, npm: 40_000 };
    expect(longestFirst(spokes, last).map((s) => s.key)).toEqual(['custom:slow', 'npm', 'homebrew', 'custom:quick']);
  });

  it('falls back to the static per-platform estimate without a last run', () => {
    const spokes = [spoke('scoop'), spoke('npm'), spoke('docker'), spoke('homebrew')];
    expect(longestFirst(spokes).map((s) => s.key)).toEqual(['docker', 'npm', 'scoop', 'homebrew']);
    expect(STATIC_SPOKE_ESTIMATE_MS.docker).toBeGreaterThan(STATIC_SPOKE_ESTIMATE_MS.homebrew!);
  });

  it('keeps config order between equal estimates, and ignores unusable durations', () => {
    const spokes = [spoke('custom:b', 'custom'), spoke('custom:a', 'custom'), spoke('custom:c', 'custom')];
    expect(longestFirst(spokes).map((s) => s.key)).toEqual(['custom:b', 'custom:a', 'custom:c']);
    expect(spokeEstimateMs(spoke('npm'), { npm: 0 })).toBe(STATIC_SPOKE_ESTIMATE_MS.npm);
    expect(spokeEstimateMs(spoke('npm'), { npm: Number.NaN })).toBe(STATIC_SPOKE_ESTIMATE_MS.npm);
  });
});
