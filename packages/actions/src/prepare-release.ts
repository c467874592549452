import * as core from '@actions/core';
import { prepareRelease } from '@deployforge/hub';
import { loadPlanInputs } from '@deployforge/inputs';
import { createActionLogger } from './runtime/action-logger.js';
import { booleanInput, stringInput } from './runtime/action-inputs.js';
import { maskSecret } from './runtime/mask-secret.js';
import { runAction } from './runtime/run-action.js';

await runAction('prepare-release', async () => {
  const env = process.env;
  const io = { cwd: process.cwd(), env };
  const version = stringInput(env, 'version');
  const { loaded, version: resolved } = await loadPlanInputs(stringInput(env, 'config', 'deployforge.yml'), version ? { version } : {}, io);
  // The signing secrets arrive in the step's env under the names deployforge.yml gives them.
  for (const key of ['gpg-key', 'gpg-passphrase'] as const) {
    const name = loaded.config.release?.[key];
    const value = name ? env[name] : undefined;
    if (value) maskSecret(value);
  }
  const prepared = await prepareRelease({
    loaded,
    version: resolved,
    artifacts: stringInput(env, 'artifacts', 'artifacts'),
    outDir: stringInput(env, 'output', 'deployforge-signed'),
    cwd: io.cwd,
    env,
    log: createActionLogger(),
    dryRun: booleanInput(env, 'dry-run', false),
  });
  core.setOutput('checksums', prepared.checksums);
  core.setOutput('files', JSON.stringify(prepared.files));
});
