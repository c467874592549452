import { fileURLToPath } from 'node:url';
import { loadConfig } from '@deployforge/config';
import { SPOKE_IDS } from '@deployforge/catalog';
import { describe, expect, it } from 'vitest';

// The examples are what `init`'s output grows into, and later tests and the demo load them, so
// they are held to the same parser here, next to the code that writes their starting point.
const example = (name: string): string => fileURLToPath(new URL(`../../../examples/${name}/deployforge.yml`, import.meta.url));

describe('example configs', () => {
  // github-action moves the v1/v1.2 tags of a repository that is a GitHub Action; the examples are
  // command-line tools (DeployForge's own deployforge.yml enables it).
  const forCli = SPOKE_IDS.filter((id) => id !== 'github-action');

  it('rust-cli enables every platform for a CLI and all 8 targets', async () => {
    const { config, enabledPlatforms } = await loadConfig(example('rust-cli'));
    expect(enabledPlatforms).toEqual(forCli);
    expect(config.build?.targets).toHaveLength(8);
    expect(config.required).toEqual(['npm', 'pypi']);
    expect(config.version?.from).toBe('cargo');
  });

  it('go-cli enables every platform that fits a Go binary', async () => {
    const { enabledPlatforms, config } = await loadConfig(example('go-cli'));
    expect(enabledPlatforms).toEqual(forCli.filter((id) => !['crates', 'vscode', 'huggingface'].includes(id)));
    expect(config.build?.command).toMatch(/^CGO_ENABLED=0 go build /);
  });
});
