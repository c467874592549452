import type { LoadedConfig } from '@deployforge/config';
import { ConfigurationError, type Diagnostic } from '@deployforge/diagnostics';
import type { SpokePlan } from './plan-types.js';

/**
 * A required platform (`required: [...]`) that would run without its credential stops the whole
 * plan (exit 2, and in the workflow a failed plan job with an annotation on the `required` entry),
 * before anything is built or written: otherwise the release goes out and the run fails afterwards
 * on the one platform it promised. Optional spokes are only skipped (decideSpoke). Dry runs and
 * spokes that need not run (not selected, already published) are never refused.
 */
export function checkRequiredCredentials(loaded: LoadedConfig, spokes: readonly SpokePlan[]): void {
  const required = loaded.config.required ?? [];
  const diagnostics: Diagnostic[] = spokes
    .filter((s) => s.required && s.reason === 'missing-credential')
    .map((s) => {
      const index = required.findIndex((r) => r === s.key || r === s.platform);
      const at = loaded.locate(index >= 0 ? ['required', index] : ['required']);
      return {
        file: loaded.file, line: at.line, column: at.column, path: index >= 0 ? `required[${index}]` : 'required',
        message: `${s.key} is required, but ${s.detail}. Nothing was built or published: set it (a local release reads it from the environment, the workflow from the secret of that name), or remove ${s.key} from required.`,
      };
    });
  if (diagnostics.length > 0) throw ConfigurationError.fromDiagnostics(diagnostics);
}
