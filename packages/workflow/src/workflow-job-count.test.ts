import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { parseConfig, workflowJobCount } from '@deployforge/config';
import { releaseWorkflow } from './render-release-workflow.js';

// `validate` and `plan` refuse a config whose workflow run would pass GitHub's 256 jobs by counting
// from the config alone (workflowJobCount); these scenarios render the workflow and hold that count to
// the jobs actually generated, so adding a job kind here without counting it there fails.

const project = { name: 'demo' };
const build = { command: 'make', path: 'out/demo' };
const SCENARIOS: Record<string, object> = {
  'minimal (attestation on by default: a sign job)': { project, build },
  'no sign job': { project, build, release: { attest: false } },
  'gpg signing, eight targets': {
    project,
    release: { 'gpg-key': 'GPG_PRIVATE_KEY' },
    build: { ...build, targets: ['linux-x64', 'linux-arm64', 'linux-x64-musl', 'linux-arm64-musl', 'macos-x64', 'macos-arm64', 'windows-x64', 'windows-arm64'] },
  },
  'many platforms and custom entries': {
    project,
    build,
    platforms: {
      npm: {}, pypi: {}, crates: {}, homebrew: { tap: 'acme/homebrew-tap' }, scoop: { bucket: 'acme/scoop-bucket' },
      custom: { docs: { run: './deploy docs' }, site: { run: './deploy site' }, mirror: { run: './mirror' } },
    },
  },
  'required spokes in environments of their own': {
    project,
    build,
    required: ['npm', 'pypi', 'crates'],
    platforms: { npm: { environment: 'npm-publish' }, pypi: { environment: 'pypi-publish' }, crates: {} },
  },
};

describe('workflowJobCount matches the generated workflow', () => {
  test.each(Object.entries(SCENARIOS))('%s', (_name, config) => {
    const loaded = parseConfig(stringify(config), 'deployforge.yml');
    const workflow = releaseWorkflow(loaded);
    const targets = loaded.config.build?.targets?.length ?? 0;
    // The build job is one matrix leg per target; every other job runs once.
    const generated = Object.keys(workflow.jobs).length - 1 + targets;
    expect(workflowJobCount(loaded.config as unknown as Record<string, unknown>).total).toBe(generated);
  });
});
