import { describe, expect, test } from 'vitest';
import type { ExistenceState, SpokeId } from '@deployforge/catalog';
import { decideSpoke } from './decide-spoke.js';
import type { CredentialPlan } from './plan-types.js';

const creds = (satisfied: CredentialPlan['satisfied'], extra: Partial<CredentialPlan> = {}): CredentialPlan => ({
  names: ['NPM_TOKEN'], mode: 'any', oidc: true, trustedPublishing: false, satisfied, missing: satisfied === false ? ['NPM_TOKEN'] : [], ...extra,
});

type Row = [string, { platform?: SpokeId; selected?: boolean; state?: ExistenceState; cred?: CredentialPlan['satisfied']; force?: boolean; dryRun?: boolean }, { run: boolean; reason: string; outcome?: string; detail: RegExp }];

const rows: Row[] = [
  ['selected, absent, credentials ok', { state: 'absent', cred: true }, { run: true, reason: 'selected', detail: /will publish/ }],
  ['unchecked credentials still run', { cred: 'unchecked' }, { run: true, reason: 'selected', detail: /will publish/ }],
  ['not selected wins over everything', { selected: false, state: 'different', cred: false }, { run: false, reason: 'not-selected', outcome: 'skipped', detail: /not selected/ }],
  ['identical is skipped, green', { state: 'identical', cred: true }, { run: false, reason: 'already-published', outcome: 'skipped', detail: /identical/ }],
  ['identical needs no credential', { state: 'identical', cred: false }, { run: false, reason: 'already-published', outcome: 'skipped', detail: /identical/ }],
  ['identical stays skipped with force', { state: 'identical', force: true }, { run: false, reason: 'already-published', outcome: 'skipped', detail: /identical/ }],
  ['different without force fails', { platform: 'homebrew', state: 'different', cred: true }, { run: false, reason: 'conflict', outcome: 'failed', detail: /force/ }],
  ['different with force on an overwritable platform runs', { platform: 'homebrew', state: 'different', force: true, cred: true }, { run: true, reason: 'forced', detail: /replacing/ }],
  ['npm never allows overwrite, even with force', { platform: 'npm', state: 'different', force: true, cred: true }, { run: false, reason: 'conflict', outcome: 'failed', detail: /never allows/ }],
  ['burned fails and says to release a new version', { platform: 'npm', state: 'burned' }, { run: false, reason: 'burned', outcome: 'failed', detail: /new version/ }],
  ['pending is needs-human, not failed', { platform: 'chocolatey', state: 'pending' }, { run: false, reason: 'pending', outcome: 'needs-human', detail: /moderation/ }],
  // Skipped with the words, not failed: nothing of the spoke ran (a required one stops the whole plan instead).
  ['missing credential skips the spoke before writing', { cred: false }, { run: false, reason: 'missing-credential', outcome: 'skipped', detail: /^missing credential: set NPM_TOKEN.*add `trusted-publishing: true` to platforms\.npm/ }],
  ['missing credential in dry run still renders', { cred: false, dryRun: true }, { run: true, reason: 'selected', detail: /would fail: missing credential/ }],
  ['unknown existence runs and says the spoke checks again', { state: 'unknown', cred: true }, { run: true, reason: 'selected', detail: /checks again/ }],
];

describe('decideSpoke', () => {
  test.each(rows)('%s', (_name, f, expected) => {
    const d = decideSpoke({
      platform: f.platform ?? 'npm',
      selected: f.selected ?? true,
      ...(f.state ? { existence: { state: f.state, detail: 'evidence' } } : {}),
      credentials: creds(f.cred ?? true),
      force: f.force ?? false,
      dryRun: f.dryRun ?? false,
    });
    expect(d.run).toBe(expected.run);
    expect(d.reason).toBe(expected.reason);
    expect(d.outcomeIfSkipped).toBe(expected.outcome);
    expect(d.detail).toMatch(expected.detail);
  });
});

describe('decideSpoke: credentials the plan could not see', () => {
  const base = { platform: 'npm' as const, selected: true, force: false, dryRun: false };

  test('a secret kept in an environment the plan job does not run in: the spoke runs and checks for itself', () => {
    const d = decideSpoke({ ...base, credentials: creds('unchecked', { missing: ['NPM_TOKEN'], hiddenIn: 'npm-prod' }) });
    expect(d).toMatchObject({ run: true, reason: 'selected' });
    expect(d.detail).toMatch(/not visible to the plan \(environment npm-prod\); the spoke checks them before writing/);
  });

  test('declared trusted publishing without an OIDC token says what is missing instead of asking to declare it again', () => {
    const d = decideSpoke({ ...base, credentials: creds(false, { trustedPublishing: true }) });
    expect(d).toMatchObject({ run: false, reason: 'missing-credential', outcomeIfSkipped: 'skipped' });
    expect(d.detail).toMatch(/trusted publishing is declared, but no GitHub OIDC token is available here/);
    expect(d.detail).not.toMatch(/add `trusted-publishing: true`/);
  });
});
