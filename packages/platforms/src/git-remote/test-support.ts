// Test-only helpers shared by the integration tests of the git-committed platforms (homebrew,
// scoop, nix, huggingface): bare repositories on the real local git servers, the real `git`
// client to look at them, and the real publish flow.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createMemoryLogger, createRedactor } from '@deployforge/diagnostics';
import { credentialValues, publishSpoke, type SpokeOutcome } from '@deployforge/publish';
import type { Platform, PlatformContext } from '../platform.js';
import type { ReleaseFixture } from '../../../../test/helpers/release-fixture.js';
import { clientEnv, run, runOk, testServices, uniqueName, type ServicesEnv } from '../../../../test/helpers/services.js';

export interface BareRepo {
  /** Folder name under the git root, e.g. `tap-xyz.git`. */
  name: string;
  path: string;
  /** `http://127.0.0.1:8418/<name>` (token auth). */
  httpUrl: string;
  /** `git://127.0.0.1:9418/<name>` (no auth). */
  daemonUrl: string;
  /** The branch's commit in the bare repository, or undefined. */
  tip(branch?: string): Promise<string | undefined>;
  /** A file's text on a branch, read with the real git client from the bare repository. */
  show(path: string, branch?: string): Promise<string | undefined>;
  /** Every path on a branch. */
  files(branch?: string): Promise<string[]>;
  /** Commit count on a branch. */
  commits(branch?: string): Promise<number>;
  /** Commits `files` on `branch` directly (someone else's push, or a seed). */
  seed(files: Record<string, string>, message: string, branch?: string): Promise<void>;
  remove(): void;
}

const gitEnv = () => clientEnv();

/** `owner` puts the repository at `<owner>/<name>.git`, so its URL names an owner/repo like GitHub's. */
export async function createBareRepo(services: ServicesEnv, prefix: string, owner?: string): Promise<BareRepo> {
  const name = `${owner ? `${owner}/` : ''}${uniqueName(prefix)}.git`;
  const path = join(services.DEPLOYFORGE_TEST_GIT_ROOT, name);
  await runOk('git', ['init', '-q', '--bare', '-b', 'main', path], { env: gitEnv() });
  const git = (args: string[]) => run('git', ['--git-dir', path, ...args], { env: gitEnv() });
  const repo: BareRepo = {
    name,
    path,
    httpUrl: new URL(name, services.DEPLOYFORGE_TEST_GIT_HTTP).toString(),
    daemonUrl: new URL(name, services.DEPLOYFORGE_TEST_GIT_DAEMON).toString(),
    async tip(branch = 'main') {
      const r = await git(['rev-parse', '--verify', '-q', `refs/heads/${branch}`]);
      return r.code === 0 ? r.stdout.trim() : undefined;
    },
    async show(file, branch = 'main') {
      const r = await git(['show', `refs/heads/${branch}:${file}`]);
      return r.code === 0 ? r.stdout : undefined;
    },
    async files(branch = 'main') {
      const r = await git(['ls-tree', '-r', '--name-only', `refs/heads/${branch}`]);
      return r.code === 0 ? r.stdout.split('\n').filter(Boolean).sort() : [];
    },
    async commits(branch = 'main') {
      const r = await git(['rev-list', '--count', `refs/heads/${branch}`]);
      return r.code === 0 ? Number(r.stdout.trim()) : 0;
    },
    async seed(files, message, branch = 'main') {
      const work = mkdtempSync(join(tmpdir(), 'df-seed-'));
      try {
        const env = gitEnv();
        await runOk('git', ['clone', '-q', path, work], { env });
        const has = (await run('git', ['rev-parse', '--verify', '-q', `origin/${branch}`], { cwd: work, env })).code === 0;
        await runOk('git', ['checkout', '-q', ...(has ? ['-B', branch, `origin/${branch}`] : ['--orphan', branch])], { cwd: work, env });
        for (const [file, text] of Object.entries(files)) {
          mkdirSync(dirname(join(work, file)), { recursive: true });
          writeFileSync(join(work, file), text);
        }
        await runOk('git', ['add', '-A'], { cwd: work, env });
        await runOk('git', ['commit', '-q', '-m', message], { cwd: work, env });
        await runOk('git', ['push', '-q', 'origin', `HEAD:refs/heads/${branch}`], { cwd: work, env });
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    },
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
  return repo;
}

/** Clones a repository with the real client over the git daemon, for assertions on what a user gets. */
export async function cloneWithGit(url: string, branch = 'main'): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'df-clone-'));
  await runOk('git', ['clone', '-q', '--branch', branch, url, dir], { env: gitEnv() });
  return dir;
}

/** Runs a spoke the way the runner does (check → refuse → render → publish), with the real redactor. */
export async function runSpoke(platform: Platform, ctx: PlatformContext): Promise<SpokeOutcome> {
  return publishSpoke({ key: platform.id, platform, ctx, redact: createRedactor(credentialValues(ctx.env)) });
}

export { testServices, createMemoryLogger };

/** The example projects' configs (examples/<name>/deployforge.yml) over a real fixture release. */
export const EXAMPLES = ['rust-cli', 'go-cli'] as const;
export type ExampleName = (typeof EXAMPLES)[number];

export async function exampleFixture(example: ExampleName): Promise<ReleaseFixture> {
  const { createReleaseFixture } = await import('../../../../test/helpers/release-fixture.js');
  const { repoRoot } = await import('../../../../test/helpers/repo-root.js');
  return createReleaseFixture(readFileSync(join(repoRoot, 'examples', example, 'deployforge.yml'), 'utf8'));
}

/** Golden files must not depend on the fake's random port: its origin becomes a fixed placeholder. */
export function blankFakeOrigin(text: string, fx: ReleaseFixture): string {
  return text.split(fx.gh.url).join('https://github.example');
}
