import { ConfigurationError } from '@deployforge/diagnostics';
import { formatPath, GITHUB_MAX_WORKFLOW_BYTES, type LoadedConfig } from '@deployforge/config';

/**
 * GitHub starts no run from a workflow file over 500 KB, and says so only when the tag is pushed.
 * The size is known once the file is rendered, so `generate` (and doctor's comparison) refuse it
 * here, as bad input (exit 2), pointing at the platforms that make the file long.
 */
export function checkWorkflowSize(text: string, loaded: LoadedConfig): void {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes <= GITHUB_MAX_WORKFLOW_BYTES) return;
  const path = loaded.config.platforms?.custom ? ['platforms', 'custom'] : ['platforms'];
  const where = loaded.locate(path);
  const count = (n: number): string => n.toLocaleString('en-US');
  throw ConfigurationError.fromDiagnostics([{
    file: loaded.file, line: where.line, column: where.column, path: formatPath(path),
    message: `the generated workflow would be ${count(bytes)} bytes; GitHub starts no run from a workflow file over ${count(GITHUB_MAX_WORKFLOW_BYTES)} bytes (500 KB): enable fewer platforms or custom entries, or give them shorter names`,
  }]);
}
