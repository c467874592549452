import * as core from '@actions/core';
import { PLATFORMS, SPOKE_IDS, type SpokeId } from '@deployforge/catalog';
import { runPublish } from '@deployforge/runner';
import { ConfigurationError } from '@deployforge/diagnostics';
import { createActionLogger } from './action-logger.js';
import { booleanInput, stringInput } from './action-inputs.js';
import { publishOutputs } from './publish-outputs.js';
import { maskSecret } from './mask-secret.js';
import { runAction } from './run-action.js';

/** `NPM_TOKEN` → `npm-token`: the input name each credential has in every publish action. */
export function credentialInput(name: string): string {
  return name.toLowerCase().replaceAll('_', '-');
}

/** Every credential input any platform reads, for the root action which serves them all. */
export function allCredentialNames(): string[] {
  return [...new Set(SPOKE_IDS.flatMap((id) => PLATFORMS[id].credentials.map((c) => c.name)))];
}

/**
 * The body of every `publish-<platform>` action and of the root action: inputs → the spoke's env
 * (credentials masked first), then the same runPublish the CLI uses, then the CONTRACT outputs.
 * A failed spoke fails the step; needs-human and skipped do not.
 */
export async function runPublishAction(fixed: SpokeId | undefined): Promise<void> {
  await runAction(fixed ? `publish-${fixed}` : 'deployforge publish', async () => {
    const env = process.env;
    const platformInput = fixed ?? stringInput(env, 'platform');
    if (!platformInput) throw ConfigurationError.forInput('platform', 'required: a platform id such as npm, or custom:<name>');
    const key = fixed === 'custom' ? `custom:${stringInput(env, 'name')}` : platformInput;
    if (key === 'custom:') throw ConfigurationError.forInput('name', 'required: the name of the entry under platforms.custom');

    const spokeEnv: Record<string, string | undefined> = { ...env };
    const githubToken = stringInput(env, 'github-token');
    if (githubToken) {
      core.setSecret(githubToken);
      spokeEnv.GITHUB_TOKEN = githubToken;
    }
    for (const name of allCredentialNames()) {
      const value = stringInput(env, credentialInput(name));
      if (!value) continue;
      // Multi-line credentials (the AUR SSH key) are masked line by line too.
      maskSecret(value);
      spokeEnv[name] = value;
    }
    const { outcome } = await runPublish({
      configPath: stringInput(env, 'config', 'deployforge.yml'),
      key,
      ...(stringInput(env, 'version') ? { version: stringInput(env, 'version') } : {}),
      dryRun: booleanInput(env, 'dry-run', false),
      force: booleanInput(env, 'force', false),
      io: { cwd: process.cwd(), env: spokeEnv },
      log: createActionLogger(),
    });
    for (const [name, value] of Object.entries(publishOutputs(outcome))) core.setOutput(name, value);
    await core.summary.addRaw(`| ${outcome.key} | ${outcome.status} | ${outcome.version} | ${outcome.url ?? ''} | ${outcome.detail.replace(/\|/g, '\\|')} |\n`).write();
    if (outcome.status === 'failed') core.setFailed(`${outcome.key}: ${outcome.detail}`);
    else if (outcome.status === 'needs-human') core.warning(`${outcome.key}: ${outcome.detail}`, { title: 'needs a person' });
    else core.info(`${outcome.key}: ${outcome.status}: ${outcome.detail}`);
  });
}
