import { dirname, resolve } from 'node:path';
import * as core from '@actions/core';
import { ConfigurationError, describeValue } from '@deployforge/diagnostics';
import { loadPlanInputs } from '@deployforge/inputs';
import { createPlan } from '@deployforge/plan';
import { packageTarget } from '@deployforge/runner';
import { stringInput } from './runtime/action-inputs.js';
import { runAction } from './runtime/run-action.js';

/** Inputs exactly as named in actions/package/action.yml. */
interface PackageInputs {
  config: string;
  version: string;
  target: string;
  binary: string;
  directory: string;
}

function readInputs(env: NodeJS.ProcessEnv): PackageInputs {
  return {
    config: stringInput(env, 'config', 'deployforge.yml'),
    version: stringInput(env, 'version'),
    target: stringInput(env, 'target'),
    binary: stringInput(env, 'binary'),
    directory: stringInput(env, 'directory', 'deployforge-archives'),
  };
}

await runAction('package', async () => {
  const inputs = readInputs(process.env);
  const io = { cwd: process.cwd(), env: process.env };
  const planInputs = await loadPlanInputs(inputs.config, inputs.version ? { version: inputs.version } : {}, io);
  // The plan names the archive and the binary inside it, exactly as the local runner's build reads them.
  const planned = createPlan(planInputs).targets;
  const target = planned.find((t) => t.target === inputs.target);
  if (!target) {
    throw ConfigurationError.forInput('target', `expected one of build.targets (${planned.map((t) => t.target).join(', ') || 'none'}), got ${describeValue(inputs.target)}`);
  }
  const packaged = await packageTarget({
    loaded: planInputs.loaded,
    version: planInputs.version,
    entry: target,
    projectDir: dirname(resolve(io.cwd, inputs.config)),
    outDir: resolve(io.cwd, inputs.directory),
    // An explicit binary is a path as the workflow sees it (the workspace); build.path is the config's.
    ...(inputs.binary ? { binaryPath: resolve(io.cwd, inputs.binary) } : {}),
    env: io.env,
  });
  core.setOutput('archive', packaged.archive);
  core.setOutput('sha256', packaged.sha256);
  core.info(`packaged ${target.archive} from ${packaged.binary}: sha256 ${packaged.sha256}`);
});
