import * as core from '@actions/core';
import type { Existence } from '@deployforge/catalog';
import { createPlan, credentialFactsFromEnv, signingCredentialGaps } from '@deployforge/plan';
import { planOutputs } from '@deployforge/workflow';
import { loadPlanInputs } from '@deployforge/inputs';
import { planSummaryMarkdown } from './runtime/plan-summary.js';
import { booleanInput, stringInput } from './runtime/action-inputs.js';
import { runAction } from './runtime/run-action.js';

/** Inputs exactly as named in actions/build-matrix/action.yml. */
interface BuildMatrixInputs {
  config: string;
  version: string;
  platforms: string;
  force: boolean;
  'dry-run': boolean;
  token: string;
}

function readInputs(env: NodeJS.ProcessEnv): BuildMatrixInputs {
  return {
    config: stringInput(env, 'config', 'deployforge.yml'),
    version: stringInput(env, 'version'),
    platforms: stringInput(env, 'platforms', 'all'),
    force: booleanInput(env, 'force', false),
    'dry-run': booleanInput(env, 'dry-run', false),
    token: stringInput(env, 'token'),
  };
}

await runAction('build-matrix', async () => {
  const inputs = readInputs(process.env);
  const io = { cwd: process.cwd(), env: process.env };
  // Validate everything (config, version, platform selection) before any output is set, so a bad
  // dispatch input fails the plan job and no later job writes anything.
  const planInputs = await loadPlanInputs(inputs.config, {
    ...(inputs.version ? { version: inputs.version } : {}),
    platforms: inputs.platforms,
  }, io);
  const existence: Record<string, Existence> = {};
  if (inputs.token) {
    core.setSecret(inputs.token);
    const { githubReleaseExistence } = await import('./runtime/github-release-existence.js');
    existence.github = await githubReleaseExistence(inputs.token, planInputs.loaded, planInputs.version);
  }
  const plan = createPlan({
    ...planInputs,
    existence,
    credentials: credentialFactsFromEnv(process.env),
    force: inputs.force,
    dryRun: inputs['dry-run'],
  });

  // The generated workflow's `if:`s read exactly these names: one function writes them for both.
  for (const [name, value] of Object.entries(planOutputs(plan, planInputs.loaded.config))) core.setOutput(name, value);
  // Not an error here: a secret of the sign job's environment is invisible to this job. The sign
  // job refuses a missing key before anything is written.
  for (const gap of signingCredentialGaps(planInputs.loaded.config, plan.release, credentialFactsFromEnv(process.env))) {
    core.warning(`${gap} as a repository secret; unless it is a secret of the sign job's environment, the sign job will stop the release`, { title: 'SHA256SUMS signing key' });
  }
  for (const spoke of plan.spokes) {
    if (spoke.reason === 'missing-credential') core.warning(`${spoke.key}: ${spoke.detail}`, { title: `${spoke.displayName} will not run` });
    // Its secrets live in an environment this job does not run in: say who checks them instead.
    else if (spoke.run && spoke.credentials.hiddenIn !== undefined) {
      const who = spoke.required ? `the credentials-${spoke.credentials.hiddenIn} job checks them before the build` : 'its publish job checks them before writing';
      core.notice(`${spoke.key}: ${spoke.credentials.names.join(', ')} not visible here (environment ${spoke.credentials.hiddenIn}); ${who}`, { title: `${spoke.displayName} credentials are checked in ${spoke.credentials.hiddenIn}` });
    }
  }
  await core.summary.addRaw(planSummaryMarkdown(plan)).write();
});
