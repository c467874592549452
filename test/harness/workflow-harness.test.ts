// The harness itself: GitHub's rules for results, outputs and conditions on a tiny workflow of
// bash steps, and the loud refusals of whatever the harness does not implement.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
    ['a pull_request filter', `name: t\non:\n  pull_request:\n    branches: [main]\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: 'true'\n`, /on\.pull_request uses branches, which the harness does not implement/],
    ['a matrix with fail-fast on', `${HEAD}  a:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix: \${{ fromJSON('{"include":[{"x":1},{"x":2}]}') }}\n    steps:\n      - run: 'true'\n`, /fail-fast on, which is not implemented/],
  ])('refuses %s loudly', async (_, workflow, message) => {
    await expect(runWorkflow(setup(workflow))).rejects.toThrow(message);
  });

  test('a pull request runs on its merge commit, with its context and payload; a fork gets no secret; closed or conflicting runs nothing', async () => {
    const workflow = `name: t\non:\n  pull_request: {}\njobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: grep -q main main.txt && grep -q feature feature.txt && grep -q '"number":7' "$GITHUB_EVENT_PATH"
        env:
          REF: \${{ github.ref }}
          REF_NAME: \${{ github.ref_name }}
          HEAD: \${{ github.head_ref }}
          BASE: \${{ github.base_ref }}
          PR_HEAD: \${{ github.event.pull_request.head.ref }}
          SHA: \${{ github.sha }}
          TOKEN: \${{ secrets.GITHUB_TOKEN }}
          OTHER: \${{ secrets.OTHER }}
`;
    const base = setup(workflow, { secrets: { GITHUB_TOKEN: 'tok-123', OTHER: 'other-456' } });
    const git = (...args: string[]) => execFileSync('git', ['-C', base.origin, ...args], { env: clientEnv() as Record<string, string>, encoding: 'utf8' }).trim();
    const commit = (branch: string, file: string, text: string, from = 'main') => {
      git('switch', '--quiet', '-C', branch, from);
      writeFileSync(join(base.origin, file), text);
      git('add', file);
      git('commit', '--quiet', '-m', `${branch}: ${file}`);
      git('switch', '--quiet', 'main');
    };
    commit('feature', 'feature.txt', 'feature\n');
    // main moves on after the branch: the merge commit has both.
    writeFileSync(join(base.origin, 'main.txt'), 'main\n');
    git('add', 'main.txt');
    git('commit', '--quiet', '-m', 'main moves on');
    const event = { name: 'pull_request', number: 7, head: 'feature', base: 'main', action: 'opened' } as const;

    const run = await runWorkflow({ ...base, event, dir: join(work, 'pr-run') });
    const step = run.jobs.a!.legs[0]!.steps[1]!;
    expect(run.jobs.a!.result, step.log).toBe('success');
    const sha = step.env!.SHA!;
    expect(git('rev-parse', `${sha}^1`, `${sha}^2`).split('\n')).toEqual([git('rev-parse', 'main'), git('rev-parse', 'feature')]);
    expect(git('rev-parse', 'refs/pull/7/merge')).toBe(sha);
    expect(step.env).toMatchObject({
      REF: 'refs/pull/7/merge', REF_NAME: '7/merge', HEAD: 'feature', BASE: 'main', PR_HEAD: 'feature', TOKEN: 'tok-123', OTHER: 'other-456',
      GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/7/merge', GITHUB_HEAD_REF: 'feature', GITHUB_BASE_REF: 'main', GITHUB_SHA: sha,
    });
    expect(JSON.parse(readFileSync(step.env!.GITHUB_EVENT_PATH!, 'utf8'))).toMatchObject({ action: 'opened', number: 7, pull_request: { merge_commit_sha: sha, base: { ref: 'main' } } });
    expect(run.jobs.a!.legs[0]!.contextsRead).toEqual(['github', 'secrets']);

    const fromFork = await runWorkflow({ ...base, event: { ...event, fork: true }, dir: join(work, 'pr-fork') });
    expect(fromFork.jobs.a!.legs[0]!.steps[1]!.env).toMatchObject({ TOKEN: 'tok-123', OTHER: '' });

    const closed = await runWorkflow({ ...base, event: { ...event, action: 'closed' }, dir: join(work, 'pr-closed') });
    expect([closed.triggered, closed.jobs]).toEqual([false, {}]);

    // Branched before main.txt was added, it adds another main.txt: no merge commit.
    commit('clash', 'main.txt', 'not main\n', 'main~1');
    const conflicting = await runWorkflow({ ...base, event: { ...event, number: 8, head: 'clash' }, dir: join(work, 'pr-conflict') });
    expect([conflicting.triggered, conflicting.jobs]).toEqual([false, {}]);
  }, 30_000);
});
