import { readFile } from 'node:fs/promises';

/**
 * Each spoke's `duration-ms` in the status.json of the last local run (by spoke key), so this run
 * starts the longest first. No file, or one this version cannot read, means no history: the static
 * estimates order the spokes then, and nothing fails for it.
 */
export async function lastSpokeDurations(statusFile: string): Promise<Record<string, number>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(statusFile, 'utf8'));
  } catch {
    return {};
  }
  const platforms = (parsed as { platforms?: unknown } | null)?.platforms;
  if (typeof platforms !== 'object' || platforms === null) return {};
  const durations: Record<string, number> = {};
  for (const [key, entry] of Object.entries(platforms)) {
    const ms = (entry as { 'duration-ms'?: unknown } | null)?.['duration-ms'];
    if (typeof ms === 'number' && Number.isFinite(ms) && ms > 0) durations[key] = ms;
  }
  return durations;
}
