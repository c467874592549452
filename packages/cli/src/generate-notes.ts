import type { DeployforgeConfig } from '@deployforge/config';

/**
 * What `generate` cannot do for a config and must say so: some keys are served by a workflow it does
 * not write. `status.issues` is kept by the scheduled monitor (a fixed template, one per repository,
 * not generated per config), so without that file the key would do nothing, silently.
 */
export function generateNotes(config: DeployforgeConfig, release: string): string[] {
  const notes: string[] = [];
  if (config.status?.issues) {
    notes.push(
      'note: status.issues is kept by the monitor workflow, which generate does not write: copy ' +
        `https://github.com/deployforge/deployforge/blob/${release}/workflows-templates/deployforge-monitor.yml ` +
        'to .github/workflows/ (docs/usage.md, the monitor starter); it opens, updates and closes the drift issue on its schedule.',
    );
  }
  return notes;
}
