import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LoadedConfig } from '@deployforge/config';
import { ConfigurationError } from '@deployforge/diagnostics';
import type { ReleaseNotesSource } from '@deployforge/github';

/**
 * `release.notes`: `generate` (GitHub's generator), `none`, or `file:<path>` relative to the config.
 * A notes file that is not there is bad input, refused here, before the hub's first request, at the
 * key that names it (an earlier step or the build may write the file: it is looked for only now).
 */
export function releaseNotesSource(loaded: LoadedConfig, configDir: string, override?: string): ReleaseNotesSource {
  const value = override || loaded.config.release?.notes || 'generate';
  if (value === 'none') return { kind: 'none' };
  if (value.startsWith('file:')) {
    const path = resolve(configDir, value.slice('file:'.length));
    if (existsSync(path)) return { kind: 'file', path };
    const message = `${JSON.stringify(value)}: no such file (looked for ${path}); expected the release notes there, or notes: generate | none`;
    if (override) throw ConfigurationError.forInput('notes', message);
    const at = loaded.locate(['release', 'notes']);
    throw ConfigurationError.fromDiagnostics([{ file: loaded.file, line: at.line, column: at.column, path: 'release.notes', message }]);
  }
  return { kind: 'generate' };
}
