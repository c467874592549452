// The harness itself: GitHub's rules for results, outputs and conditions on a tiny workflow of
// bash steps, and the loud refusals of whatever the harness does not implement.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { clientEnv } from '../helpers/services.js';
import { runWorkflow, rerunWorkflow, type RunSetup } from './workflow-run.js';

const work = mkdtempSync(join(tmpdir(), 'df-harness-self-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let runs = 0;
/** A repository holding only `workflow` (tag v1.0.0), and a run of it on a tag push. */
function setup(workflow: string, changes: Partial<RunSetup> = {}): RunSetup {
  const origin = join(work, `repo-${++runs}`);
  mkdirSync(origin);
  const git = (...args: string[]) => execFileSync('git', ['-C', origin, ...args], { env: clientEnv() as Record<string, string>, stdio: 'pipe' });
  git('init', '--quiet', '--initial-branch=main');
  writeFileSync(join(origin, 'release.yml'), workflow);
  git('add', '-A');
  git('commit', '--quiet', '-m', 'workflow');
  git('tag', 'v1.0.0');
  return {
    workflowFile: join(origin, 'release.yml'), origin, repository: 'acme/tiny', event: { name: 'push', ref: 'refs/tags/v1.0.0' },
    secrets: { GITHUB_TOKEN: 'tok-123' }, machines: { 'ubuntu-latest': { os: 'Linux', arch: 'X64', env: { PATH: process.env.PATH ?? '' } } },
    apiUrl: 'http://127.0.0.1:9', serverUrl: 'http://127.0.0.1:9', node24: process.execPath, actionsRoot: work, dir: join(work, `run-${runs}`),
    ...changes,
  };
}

const HEAD = 'name: t\non:\n  push:\n    tags: [v*]\njobs:\n';

describe('the workflow harness', () => {
  test('results, outputs, needs and status functions follow GitHub', async () => {
    const run = await runWorkflow(setup(`${HEAD}
  a:
    runs-on: ubuntu-latest
    outputs:
      word: \${{ steps.say.outputs.word }}
      leak: \${{ steps.say.outputs.leak }}
    steps:
      - id: say
        run: printf 'word=hello\\nleak=%s\\n' "$T" >> "$GITHUB_OUTPUT"
        env:
          T: \${{ secrets.GITHUB_TOKEN }}
      - run: exit 3
        continue-on-error: true
      - id: fail
        run: test "$ATTEMPT" != 1
        env:
          ATTEMPT: \${{ github.run_attempt }}
      - if: failure() && steps.fail.outcome == 'failure'
        run: echo "cleanup=yes" >> "$GITHUB_OUTPUT"
  b:
    needs: a
    runs-on: ubuntu-latest
    steps:
      - run: echo never
  c:
    needs: [a, b]
    if: always() && needs.a.result == 'failure' && needs.b.result == 'skipped'
    runs-on: ubuntu-latest
    steps:
      - run: test "$WORD" = hello
        env:
          WORD: \${{ needs.a.outputs.word }}
`));
    expect(Object.fromEntries(Object.entries(run.jobs).map(([id, j]) => [id, j.result]))).toEqual({ a: 'failure', b: 'skipped', c: 'success' });
    expect(run.jobs.a!.legs[0]!.steps.map((s) => [s.outcome, s.conclusion])).toEqual([
      ['success', 'success'], ['failure', 'success'], ['failure', 'failure'], ['success', 'success'],
    ]);
    // Outputs are kept from a failed job, as GitHub does, except one holding a secret.
    expect(run.jobs.a!.outputs).toEqual({ word: 'hello' });
    expect(run.jobs.a!.legs[0]!.steps[0]!.outputs).toEqual({ word: 'hello', leak: 'tok-123' });

    // "Re-run failed jobs": a again, and b and c because they need it.
    const again = await rerunWorkflow(run, 'failed');
    expect(again.ran).toEqual(['a', 'b', 'c']);
    expect(Object.fromEntries(Object.entries(again.jobs).map(([id, j]) => [id, j.result]))).toEqual({ a: 'success', b: 'success', c: 'skipped' });
  }, 30_000);

  test('timeout-minutes bounds the whole job', async () => {
    const started = Date.now();
    const run = await runWorkflow(setup(`${HEAD}
  a:
    runs-on: ubuntu-latest
    timeout-minutes: 0.02
    steps:
      - run: sleep 0.6
      - run: sleep 5
`));
    expect(run.jobs.a!.result).toBe('failure');
    expect(run.jobs.a!.legs[0]!.steps.map((s) => s.outcome)).toEqual(['success', 'failure']);
    expect(Date.now() - started).toBeLessThan(4_000);
  }, 30_000);

  test.each([
    ['a workflow key', `defaults:\n  run:\n    shell: bash\n${HEAD}  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: 'true'\n`, /the workflow uses defaults/],
    ['a job key', `${HEAD}  a:\n    runs-on: ubuntu-latest\n    services: {}\n    steps:\n      - run: 'true'\n`, /jobs\.a uses services/],
    ['a step key', `${HEAD}  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: 'true'\n        working-directory: x\n`, /steps\[0\] uses working-directory/],
    ['another shell', `${HEAD}  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: 'true'\n        shell: pwsh\n`, /shell: pwsh is not implemented/],
    ['an action without a stand-in', `${HEAD}  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/cache@v4\n`, /no stand-in for actions\/cache@v4/],
    ['a runner it has no machine for', `${HEAD}  a:\n    runs-on: macos-15\n    steps:\n      - run: 'true'\n`, /runs-on macos-15: no such machine/],
    ['a context not available there', `${HEAD}  a:\n    if: secrets.X != ''\n    runs-on: ubuntu-latest\n    steps:\n      - run: 'true'\n`, /cannot parse expression/],
    ['an expression where the harness takes values as written', `${HEAD}  a:\n    runs-on: ubuntu-latest\n    environment: \${{ inputs.env }}\n    steps:\n      - run: 'true'\n`, /environment must be a literal string/],
    ['a matrix with fail-fast on', `${HEAD}  a:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix: \${{ fromJSON('{"include":[{"x":1},{"x":2}]}') }}\n    steps:\n      - run: 'true'\n`, /fail-fast on, which is not implemented/],
  ])('refuses %s loudly', async (_, workflow, message) => {
    await expect(runWorkflow(setup(workflow))).rejects.toThrow(message);
  });
});
