import type { Diagnostic } from '@deployforge/diagnostics';
import type { LoadedConfig } from './parse-config.js';

/**
 * What a valid config says that will not do what it seems to: shown by `validate` as warnings (exit
 * stays 0), each at the key that is ignored, naming the key that wins.
 */
export function configWarnings(loaded: LoadedConfig): Diagnostic[] {
  const found: Diagnostic[] = [];
  const status = loaded.config.status;
  // The workflow publishes to one place: status.branch takes the place of status.pages (the schema
  // says so), so `pages: true` beside a branch does nothing, which the file does not show.
  if (status?.pages === true && status.branch !== undefined) {
    const at = loaded.locate(['status', 'pages']);
    found.push({
      file: loaded.file, line: at.line, column: at.column, path: 'status.pages',
      message: `ignored: status.branch is set too, and the dashboard is published to the branch ${JSON.stringify(status.branch)} only (status.branch takes the place of status.pages); remove one of the two`,
    });
  }
  return found;
}
