import * as core from '@actions/core';
import { isConfigurationError } from '@deployforge/diagnostics';

/**
 * The one error boundary of every action. A ConfigurationError becomes one annotation per
 * diagnostic (pinned to deployforge.yml's line and column in the PR/commit view) and a failed step;
 * anything else is reported with what the action was doing. Never a silent non-Error throw.
 */
export async function runAction(name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    if (isConfigurationError(error)) {
      for (const d of error.diagnostics) {
        core.error(`${d.path ? `${d.path}: ` : ''}${d.message}`, { title: 'deployforge.yml', file: d.file, startLine: d.line, startColumn: d.column });
      }
      core.setFailed(error.message);
      process.exitCode = 2;
      return;
    }
    const message = error instanceof Error ? error.message : `non-Error thrown: ${String(error)}`;
    core.setFailed(`${name} failed: ${message}`);
    if (error instanceof Error && error.stack) core.debug(error.stack);
  }
}
