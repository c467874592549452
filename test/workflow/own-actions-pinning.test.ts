import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { DEPLOYFORGE_RELEASE } from '@deployforge/workflow';
import { createActionsRemote, OFFLINE_ACTIONS_URL } from '../helpers/actions-remote.js';
import { runCliIn, tempRepo } from './helpers/run-cli-in.js';

// DeployForge's own actions are pinned like third-party ones (issue 17.2): by full commit SHA with
// the release as a `# vX.Y.Z` comment, resolved at generate time from a local stand-in repository
// (DEPLOYFORGE_ACTIONS_GIT_URL), never from github.com.

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => { for (const c of cleanups.splice(0)) await c(); });

const SHA = '0123456789abcdef0123456789abcdef01234567';
const WORKFLOW = '.github/workflows/release.yml';

async function repo(fixture = 'clean') {
  const r = await tempRepo(fixture);
  cleanups.push(r.cleanup);
  return r.dir;
}

/** Every `uses:` line of a workflow, as written (comment included). */
function usesLines(text: string): string[] {
  return text.split('\n').filter((l) => /^\s+(?:- )?uses: /.test(l)).map((l) => l.replace(/^\s+(?:- )?uses: /, ''));
}

function ownUses(text: string): string[] {
  return usesLines(text).filter((u) => u.startsWith('deployforge/deployforge/'));
}

async function doctorFindings(dir: string): Promise<{ rule: string; line: number; message: string }[]> {
  const result = await runCliIn(dir, ['doctor', '--json']);
  return (JSON.parse(result.stdout) as { findings: { rule: string; line: number; message: string }[] }).findings;
}

describe('generate pins DeployForge actions by SHA', () => {
  test('the default ref (the generating release) resolved: every uses: is a full SHA with a # vX.Y.Z comment, and doctor is clean', async () => {
    const remote = createActionsRemote();
    const dir = await repo();
    const result = await runCliIn(dir, ['generate'], { DEPLOYFORGE_ACTIONS_GIT_URL: remote.url });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const text = await readFile(join(dir, WORKFLOW), 'utf8');
    const uses = usesLines(text);
    expect(uses.length).toBeGreaterThan(6);
    for (const u of uses) expect(u).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
    // build-matrix, package, prepare-release, create-release, publish-npm, summarize
    expect(ownUses(text)).toHaveLength(6);
    for (const u of ownUses(text)) expect(u).toMatch(new RegExp(`^deployforge/deployforge/actions/[a-z-]+@${remote.sha} # ${DEPLOYFORGE_RELEASE}$`));
    expect(text).toContain(`# DeployForge actions pinned to: ${remote.sha} (${DEPLOYFORGE_RELEASE})\n`);
    expect(parse(text)).toBeTruthy();
    expect(await doctorFindings(dir)).toEqual([]);
  });

  test('an annotated tag resolves to the commit it names, not to the tag object', async () => {
    const remote = createActionsRemote(['v3.1.0']);
    const dir = await repo();
    await runCliIn(dir, ['generate', '--actions-ref', 'v3.1.0'], { DEPLOYFORGE_ACTIONS_GIT_URL: remote.url });
    const text = await readFile(join(dir, WORKFLOW), 'utf8');
    for (const u of ownUses(text)) expect(u).toMatch(new RegExp(`@${remote.sha} # v3\\.1\\.0$`));
    expect(text).toContain('# Regenerate with: npx deployforge generate --actions-ref v3.1.0\n');
  });

  test('--actions-ref <sha>: written as is, no lookup, no warning', async () => {
    const dir = await repo();
    const result = await runCliIn(dir, ['generate', '--actions-ref', SHA], { DEPLOYFORGE_ACTIONS_GIT_URL: OFFLINE_ACTIONS_URL });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const text = await readFile(join(dir, WORKFLOW), 'utf8');
    for (const u of usesLines(text)) expect(u).toMatch(/@[0-9a-f]{40} # v[\d.]+$/);
    for (const u of ownUses(text)) expect(u).toMatch(new RegExp(`@${SHA} # ${DEPLOYFORGE_RELEASE}$`));
    expect(await doctorFindings(dir)).toEqual([]);
  });

  test('workflow.actions-ref in the config pins the same way, and the header needs no flag for it', async () => {
    const dir = await repo();
    const config = join(dir, 'deployforge.yml');
    await writeFile(config, `${await readFile(config, 'utf8')}workflow:\n  actions-ref: ${SHA}\n`);
    expect((await runCliIn(dir, ['generate'], { DEPLOYFORGE_ACTIONS_GIT_URL: OFFLINE_ACTIONS_URL })).stderr).toBe('');
    const text = await readFile(join(dir, WORKFLOW), 'utf8');
    for (const u of ownUses(text)) expect(u).toMatch(new RegExp(`@${SHA} # ${DEPLOYFORGE_RELEASE}$`));
    expect(text).toContain('# Regenerate with: npx deployforge generate\n');
    expect(await doctorFindings(dir)).toEqual([]);
    expect((await runCliIn(dir, ['generate', '--check'], { DEPLOYFORGE_ACTIONS_GIT_URL: OFFLINE_ACTIONS_URL })).code).toBe(0);
  });

  test('--actions-ref on the command line wins over workflow.actions-ref', async () => {
    const remote = createActionsRemote(['v2.0.0']);
    const dir = await repo();
    const config = join(dir, 'deployforge.yml');
    await writeFile(config, `${await readFile(config, 'utf8')}workflow:\n  actions-ref: ${SHA}\n`);
    await runCliIn(dir, ['generate', '--actions-ref', 'v2.0.0'], { DEPLOYFORGE_ACTIONS_GIT_URL: remote.url });
    for (const u of ownUses(await readFile(join(dir, WORKFLOW), 'utf8'))) expect(u).toMatch(new RegExp(`@${remote.sha} # v2\\.0\\.0$`));
  });
});

describe('when the ref cannot be resolved', () => {
  test('generate writes the tag form and says so on stderr; doctor flags every DeployForge action used by tag', async () => {
    const dir = await repo();
    const result = await runCliIn(dir, ['generate'], { DEPLOYFORGE_ACTIONS_GIT_URL: OFFLINE_ACTIONS_URL });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`warning: could not resolve deployforge/deployforge@${DEPLOYFORGE_RELEASE} to a commit`);
    expect(result.stderr).toContain('doctor flags');
    const text = await readFile(join(dir, WORKFLOW), 'utf8');
    const own = ownUses(text);
    expect(own).toHaveLength(6);
    for (const u of own) expect(u).toMatch(new RegExp(`@${DEPLOYFORGE_RELEASE.replaceAll('.', '\\.')}$`));
    expect(text).not.toContain('DeployForge actions pinned to');

    const findings = await doctorFindings(dir);
    expect(findings.map((f) => f.rule)).toEqual(Array(6).fill('unpinned-action'));
    const lines = text.split('\n');
    for (const f of findings) {
      expect(lines[f.line - 1]).toContain('uses: deployforge/deployforge/actions/');
      expect(f.message).toContain("is DeployForge's own action by tag");
      expect(f.message).toContain('workflow.actions-ref');
    }
  });

  test('a file pinned earlier keeps its commit when regenerated or checked offline', async () => {
    const remote = createActionsRemote();
    const dir = await repo();
    await runCliIn(dir, ['generate'], { DEPLOYFORGE_ACTIONS_GIT_URL: remote.url });
    const pinned = await readFile(join(dir, WORKFLOW), 'utf8');
    const offline = { DEPLOYFORGE_ACTIONS_GIT_URL: OFFLINE_ACTIONS_URL };
    expect(await runCliIn(dir, ['generate', '--check'], offline)).toEqual({
      code: 0, stdout: `${WORKFLOW} is up to date with deployforge.yml\n`, stderr: '',
    });
    // A config change regenerated offline: the new job is pinned to the same commit.
    const config = join(dir, 'deployforge.yml');
    await writeFile(config, `${await readFile(config, 'utf8')}  homebrew: { tap: acme/homebrew-tap }\n`);
    expect((await runCliIn(dir, ['generate'], offline)).stderr).toBe('');
    const text = await readFile(join(dir, WORKFLOW), 'utf8');
    expect(text).not.toBe(pinned);
    expect(ownUses(text)).toHaveLength(7);
    for (const u of ownUses(text)) expect(u).toContain(`@${remote.sha} # ${DEPLOYFORGE_RELEASE}`);
  });
});
