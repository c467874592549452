import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '@deployforge/config';
import { parseNeeds, statusFromNeeds, type Needs, type StatusDocument } from '@deployforge/status';
import { repoRoot } from '../helpers/repo-root.js';

export const NOW = new Date('2025-03-04T10:20:30.000Z');
export const exampleConfig = 'examples/rust-cli/deployforge.yml';

export function needsText(name: string): string {
  return readFileSync(join(repoRoot, 'test/fixtures/needs', `${name}.json`), 'utf8');
}

export function needsFixture(name: string): Needs {
  return parseNeeds(needsText(name));
}

/** status.json as the summarize action computes it (the config only matters after a failed plan). */
export function statusOf(name: string): StatusDocument {
  const loaded = parseConfig(readFileSync(join(repoRoot, exampleConfig), 'utf8'), exampleConfig);
  return statusFromNeeds(needsFixture(name), { config: loaded, now: NOW });
}
