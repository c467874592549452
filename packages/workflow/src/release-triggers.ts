/**
 * A tag push of a version releases; a manual dispatch (re)deploys an existing tag's version to all
 * or some platforms. No `pull_request_target` or `workflow_run`: nothing here may run on code or
 * events from outside the repository.
 */
export function releaseTriggers(tagPrefix: string): Record<string, unknown> {
  return {
    push: { tags: [tagPattern(tagPrefix)] },
    workflow_dispatch: {
      inputs: {
        version: {
          description: `Version to release or redeploy (1.2.3 or ${tagPrefix}1.2.3); its tag ${tagPrefix}<version> must exist`,
          required: true,
          type: 'string',
        },
        platforms: {
          description: 'Platforms to publish to: all, or a comma-separated list such as npm,homebrew',
          required: false,
          type: 'string',
          default: 'all',
        },
        force: {
          description: 'Replace versions that exist with other content, where the platform allows it',
          required: false,
          type: 'boolean',
          default: false,
        },
        'dry-run': {
          description: 'Render and validate every package, publish nothing',
          required: false,
          type: 'boolean',
          default: false,
        },
      },
    },
  };
}

/**
 * `v[0-9]*` rather than `v*`: versions start with a digit, and a tag such as `vscode-1` or
 * `very-old` should not start a release. The prefix only holds characters that are literal in
 * GitHub's filter patterns (letters, digits, `.`, `_`, `-`, `/`; the schema enforces it).
 */
export function tagPattern(tagPrefix: string): string {
  return `${tagPrefix}[0-9]*`;
}
