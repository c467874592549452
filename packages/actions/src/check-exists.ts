import * as core from '@actions/core';
import { runCheckExists } from '@deployforge/runner';
import { createActionLogger } from './runtime/action-logger.js';
import { stringInput } from './runtime/action-inputs.js';
import { runAction } from './runtime/run-action.js';

/** Inputs exactly as named in actions/check-exists/action.yml. */
interface CheckExistsInputs {
  config: string;
  version: string;
  platform: string;
  'github-token': string;
}

await runAction('check-exists', async () => {
  const env = process.env;
  const inputs: CheckExistsInputs = {
    config: stringInput(env, 'config', 'deployforge.yml'),
    version: stringInput(env, 'version'),
    platform: stringInput(env, 'platform', 'all'),
    'github-token': stringInput(env, 'github-token'),
  };
  if (inputs['github-token']) core.setSecret(inputs['github-token']);
  const states = await runCheckExists({
    configPath: inputs.config,
    ...(inputs.version ? { version: inputs.version } : {}),
    platforms: inputs.platform,
    io: { cwd: process.cwd(), env: { ...env, ...(inputs['github-token'] ? { GITHUB_TOKEN: inputs['github-token'] } : {}) } },
    log: createActionLogger(),
  });
  core.setOutput('states', JSON.stringify(states));
  const single = inputs.platform.includes(',') || inputs.platform === 'all' ? undefined : states[inputs.platform];
  // "exists" means a publish would not write: the same content is there, or a person must act.
  if (single) core.setOutput('exists', String(['identical', 'pending'].includes(single.state)));
  for (const [key, e] of Object.entries(states)) core.info(`${key}: ${e.state}${e.detail ? `: ${e.detail}` : ''}`);
  const unknown = Object.entries(states).filter(([, e]) => e.state === 'unknown').map(([k]) => k);
  if (unknown.length > 0) core.warning(`could not tell for: ${unknown.join(', ')}`);
});
