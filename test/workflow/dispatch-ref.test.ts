import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SCENARIOS, renderScenario, type ParsedJob, type ParsedStep, type ParsedWorkflow } from './helpers/scenarios.js';

// The plan job's first checkout, on a dispatch, used to be `refs/tags/v<input>`: `v1.2.3` became
// `refs/tags/vv1.2.3` and died in git, and so did any malformed input. The generated workflow must
// accept the tag form like the plan does, and keep anything that is not a version away from git.

const run = promisify(execFile);
let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'deployforge-dispatch-ref-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** Run a `run:` step the way the runner does with `shell: bash`, with GITHUB_* and the step's env. */
async function runStep(step: ParsedStep, env: Record<string, string>): Promise<{ code: number; outputs: string; stdout: string }> {
  const script = join(scratch, 'step.sh');
  const outputs = join(scratch, `outputs-${Math.random().toString(36).slice(2)}`);
  await writeFile(script, step.run ?? '');
  await writeFile(outputs, '');
  const result = await run('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
    env: { PATH: process.env.PATH ?? '', GITHUB_OUTPUT: outputs, ...env },
  }).then(
    (r) => ({ code: 0, stdout: r.stdout }),
    (e: { code?: number; stdout?: string }) => ({ code: e.code ?? -1, stdout: e.stdout ?? '' }),
  );
  return { ...result, outputs: await readFile(outputs, 'utf8') };
}

/** The step's env as the runner would evaluate it for a dispatch with this `version` input. */
function dispatchEnv(step: ParsedStep, version: string): Record<string, string> {
  const env: Record<string, string> = { GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_REF: 'refs/heads/main' };
  for (const [name, value] of Object.entries(step.env ?? {})) env[name] = value === '${{ inputs.version }}' ? version : value;
  return env;
}

const rust = SCENARIOS.find((s) => s.name === 'example-rust-cli')!;
const prefixed = SCENARIOS.find((s) => s.name === 'release-prefix')!;

describe.each([
  [rust, 'v'],
  [prefixed, 'release-'],
])('the plan job of $name', (scenario, prefix) => {
  let workflow: ParsedWorkflow;
  let plan: ParsedJob;
  let checkAt: number;
  beforeAll(async () => {
    workflow = (await renderScenario(scenario)).workflow;
    plan = workflow.jobs.plan!;
    checkAt = plan.steps.findIndex((s) => s.run !== undefined);
  });

  test('checks the requested version before the first checkout, and checks out what it validated', () => {
    const checkout = plan.steps.findIndex((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkAt).toBeGreaterThanOrEqual(0);
    expect(checkAt).toBeLessThan(checkout);
    const step = plan.steps[checkAt]!;
    expect(plan.steps[checkout]!.with?.ref).toBe(`\${{ steps.${step.id}.outputs.ref }}`);
    // The input reaches the script only through env.
    expect(step.run).not.toContain('${{');
    expect(step.env).toMatchObject({ DEPLOYFORGE_VERSION_INPUT: '${{ inputs.version }}', DEPLOYFORGE_TAG_PREFIX: prefix });
    // Nothing in the plan job reads the input into a ref by itself any more.
    expect(JSON.stringify(plan.env ?? {})).not.toContain('inputs.version');
  });

  test.each([
    ['1.2.3', 'refs/tags/PREFIX1.2.3'],
    ['PREFIX1.2.3', 'refs/tags/PREFIX1.2.3'],
    ['2.0.0-rc.1', 'refs/tags/PREFIX2.0.0-rc.1'],
  ])('a dispatch of %s checks out %s', async (input, ref) => {
    const step = plan.steps[checkAt]!;
    const result = await runStep(step, dispatchEnv(step, input.replace('PREFIX', prefix)));
    expect(result.code).toBe(0);
    expect(result.outputs).toBe(`ref=${ref.replace('PREFIX', prefix)}\n`);
  });

  test.each(['1.2', 'PREFIXPREFIX1.2.3', '$(id)', '1.2.3 --upload-pack=touch /tmp/x', 'PREFIX1.2.3\n::set-output name=ref::refs/heads/main', ''])(
    'a dispatch of %j stops before git, with a message about the input',
    async (input) => {
      const step = plan.steps[checkAt]!;
      const result = await runStep(step, dispatchEnv(step, input.replaceAll('PREFIX', prefix)));
      expect(result.code).toBe(2);
      expect(result.outputs).toBe('');
      expect(result.stdout).toMatch(/^::error title=Dispatch input version::version: not a valid version; expected a semantic version like 1\.2\.3/);
      // The raw input is never echoed (it could carry a workflow command).
      expect(result.stdout.split('\n').filter((l) => l.startsWith('::'))).toHaveLength(1);
    },
  );

  test('a tag push checks out the pushed ref', async () => {
    const step = plan.steps[checkAt]!;
    const result = await runStep(step, { ...dispatchEnv(step, ''), GITHUB_EVENT_NAME: 'push', GITHUB_REF: `refs/tags/${prefix}1.2.3` });
    expect(result).toMatchObject({ code: 0, outputs: `ref=refs/tags/${prefix}1.2.3\n` });
  });

  test('a dispatch of the tag form joins the tag push in one concurrency group', () => {
    expect(workflow.concurrency.group).toBe(
      `deployforge-release-\${{ inputs.version && (startsWith(inputs.version, '${prefix}') && inputs.version || format('${prefix}{0}', inputs.version)) || github.ref_name }}`,
    );
  });
});
