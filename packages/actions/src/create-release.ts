import * as core from '@actions/core';
import { runHub } from '@deployforge/hub';
import { loadPlanInputs } from '@deployforge/inputs';
import { createActionLogger } from './runtime/action-logger.js';
import { booleanInput, stringInput } from './runtime/action-inputs.js';
import { releaseSummaryMarkdown } from './runtime/release-summary.js';
import { runAction } from './runtime/run-action.js';

/** Inputs exactly as named in actions/create-release/action.yml. */
interface CreateReleaseInputs {
  config: string;
  version: string;
  artifacts: string;
  'draft-until-complete': boolean;
  notes: string;
  token: string;
  force: boolean;
  'dry-run': boolean;
}

function readInputs(env: NodeJS.ProcessEnv): CreateReleaseInputs {
  return {
    config: stringInput(env, 'config', 'deployforge.yml'),
    version: stringInput(env, 'version'),
    artifacts: stringInput(env, 'artifacts', 'artifacts'),
    'draft-until-complete': booleanInput(env, 'draft-until-complete', true),
    notes: stringInput(env, 'notes'),
    token: stringInput(env, 'token'),
    force: booleanInput(env, 'force', false),
    'dry-run': booleanInput(env, 'dry-run', false),
  };
}

await runAction('create-release', async () => {
  const inputs = readInputs(process.env);
  if (inputs.token) core.setSecret(inputs.token);
  const io = { cwd: process.cwd(), env: process.env };
  const { loaded, version } = await loadPlanInputs(inputs.config, inputs.version ? { version: inputs.version } : {}, io);
  if (!inputs.token) throw new Error('the token input is empty: pass token: ${{ secrets.GITHUB_TOKEN }} (contents: write)');
  const result = await runHub({
    loaded,
    version,
    artifacts: inputs.artifacts,
    cwd: io.cwd,
    env: io.env,
    token: inputs.token,
    log: createActionLogger(),
    force: inputs.force,
    dryRun: inputs['dry-run'],
    draftUntilComplete: inputs['draft-until-complete'],
    ...(inputs.notes ? { notes: inputs.notes } : {}),
  });
  core.setOutput('release-id', result.releaseId === undefined ? '' : String(result.releaseId));
  core.setOutput('release-url', result.url);
  core.setOutput('tag', result.tag);
  core.setOutput('assets', JSON.stringify(result.assets));
  await core.summary.addRaw(releaseSummaryMarkdown(result)).write();
});
