import { resolve } from 'node:path';
import type { LoadedConfig } from '@deployforge/config';
import type { ReleaseNotesSource } from '@deployforge/github';

/** `release.notes`: `generate` (GitHub's generator), `none`, or `file:<path>` relative to the config. */
export function releaseNotesSource(loaded: LoadedConfig, configDir: string, override?: string): ReleaseNotesSource {
  const value = override || loaded.config.release?.notes || 'generate';
  if (value === 'none') return { kind: 'none' };
  if (value.startsWith('file:')) return { kind: 'file', path: resolve(configDir, value.slice('file:'.length)) };
  return { kind: 'generate' };
}
