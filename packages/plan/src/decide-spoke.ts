import { PLATFORMS, type Existence, type SpokeId, type SpokeStatus } from '@deployforge/catalog';
import { describeMissingCredentials } from './credential-facts.js';
import type { CredentialPlan, SpokeReason } from './plan-types.js';

export interface SpokeFacts {
  platform: SpokeId;
  /** What messages call the platform: the registry in use (spokeDisplayName); the catalog's name when absent. */
  displayName?: string;
  selected: boolean;
  existence?: Existence;
  credentials: CredentialPlan;
  force: boolean;
  dryRun: boolean;
}

export interface SpokeDecision {
  run: boolean;
  reason: SpokeReason;
  detail: string;
  outcomeIfSkipped?: SpokeStatus;
}

const skip = (reason: SpokeReason, outcome: SpokeStatus, detail: string): SpokeDecision => ({
  run: false, reason, detail, outcomeIfSkipped: outcome,
});

/**
 * The decision table for one spoke. Order matters: selection first (a deselected spoke reports
 * nothing else), then what the platform already has (an identical version needs no credential),
 * then credentials (caught here, before anything is written anywhere).
 */
export function decideSpoke(f: SpokeFacts): SpokeDecision {
  const info = PLATFORMS[f.platform];
  const name = f.displayName ?? info.displayName;
  if (!f.selected) return skip('not-selected', 'skipped', 'not selected for this run');

  const state = f.existence?.state;
  const evidence = f.existence?.detail ? `: ${f.existence.detail}` : '';
  if (state === 'identical') {
    return skip('already-published', 'skipped', `this version is already published with identical content${evidence}`);
  }
  if (state === 'burned') {
    return skip('burned', 'failed', `this version was published and removed, ${name} never accepts it again: release a new version${evidence}`);
  }
  if (state === 'pending') {
    return skip('pending', 'needs-human', `this version is waiting for moderation on ${name}${evidence}`);
  }

  let reason: SpokeReason = 'selected';
  if (state === 'different') {
    if (!f.force) {
      return skip('conflict', 'failed', `this version is already published with different content; re-run with force to replace it${info.overwritable ? '' : ` (${name} never allows that: release a new version)`}${evidence}`);
    }
    if (!info.overwritable) {
      return skip('conflict', 'failed', `this version is already published with different content and ${name} never allows replacing a version, even with force: release a new version${evidence}`);
    }
    reason = 'forced';
  }

  // Skipped, not failed: the spoke never started, so nothing of it was written, and the words say
  // what to set. A *required* spoke never gets here: createPlan refuses the whole plan instead,
  // before the build and the hub (checkRequiredCredentials).
  if (f.credentials.satisfied === false && !f.dryRun) {
    return skip('missing-credential', 'skipped', describeMissingCredentials(info, f.credentials));
  }

  const notes: string[] = [];
  if (reason === 'forced') notes.push('replacing the existing version (force)');
  if (state === 'unknown') notes.push(`existence unknown${evidence}; the spoke checks again before writing`);
  if (f.credentials.hiddenIn !== undefined) {
    notes.push(`its secrets are not visible to the plan (environment ${f.credentials.hiddenIn}); the spoke checks them before writing`);
  }
  if (f.credentials.satisfied === false) notes.push(`dry run; would fail: ${describeMissingCredentials(info, f.credentials)}`);
  if (f.dryRun) notes.push('dry run: renders and validates, writes nothing');
  return { run: true, reason, detail: notes.length > 0 ? notes.join('; ') : 'will publish' };
}
