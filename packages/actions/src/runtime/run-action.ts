import * as core from '@actions/core';
import { asUserFacingError, isConfigurationError } from '@deployforge/diagnostics';
import { redactActionOutput, type ActionRedaction } from './redacted-output.js';

/**
 * The one error boundary of every action. A ConfigurationError becomes one annotation per
 * diagnostic (pinned to deployforge.yml's line and column in the PR/commit view) and a failed step;
 * anything else is reported with what the action was doing. Never a silent non-Error throw.
 *
 * It is the output boundary too: everything the action logs, fails with, outputs or puts in the
 * job summary is redacted (see redactActionOutput); `redact` is handed to the body for the files it
 * writes itself.
 */
export async function runAction(name: string, body: (boundary: Pick<ActionRedaction, 'redact'>) => Promise<void>): Promise<void> {
  const output = redactActionOutput(process.env);
  try {
    await body({ redact: output.redact });
  } catch (error) {
    if (isConfigurationError(error)) {
      // Titled by its file: deployforge.yml, or the Cargo.toml / pyproject.toml a tag disagrees with.
      for (const d of error.diagnostics) {
        core.error(`${d.path ? `${d.path}: ` : ''}${d.message}`, { title: d.file, file: d.file, startLine: d.line, startColumn: d.column });
      }
      core.setFailed(error.message);
      process.exitCode = 2;
      return;
    }
    // A network failure names the URL it could not reach (the raw error says only "fetch failed").
    const message = asUserFacingError(error)?.message ?? (error instanceof Error ? error.message : `non-Error thrown: ${String(error)}`);
    core.setFailed(`${name} failed: ${message}`);
    if (error instanceof Error && error.stack) core.debug(error.stack);
  } finally {
    output.finish();
  }
}
