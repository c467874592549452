import type { LoadedConfig } from '@deployforge/config';
import type { Plan, SpokePlan } from '@deployforge/plan';
import { spokeDisplayName, spokeKeys } from '@deployforge/plan';
import { SPOKE_STATUSES, type SpokeStatus } from '@deployforge/catalog';
import { buildStatusDocument, type HubResultLike, type SpokeResultLike } from './build-status-document.js';
import type { NeededJob, Needs } from './needs-types.js';
import type { ReleaseAssetStatus, StatusDocument } from './status-document.js';

export interface StatusFromNeedsOptions {
  /**
   * The config, only used when the plan failed: it names the platforms that would have run, so
   * the summary still lists them (as not run). A config that itself fails to load is left out.
   */
  config?: LoadedConfig;
  now?: Date;
}

export const PUBLISH_JOB_FAILED = 'the publish job failed before reporting (see its log)';
export const PUBLISH_JOB_CANCELLED = 'the publish job was cancelled before reporting (see its log)';

/**
 * status.json from what the summarize job sees: `toJSON(needs)`. The plan (the plan job's `plan`
 * output) says which spokes exist and why some were never meant to run; each publish job's result
 * and outputs say what happened to the others. Pure: no I/O, so every combination of job results
 * is table-tested.
 */
export function statusFromNeeds(needs: Needs, options: StatusFromNeedsOptions = {}): StatusDocument {
  const now = options.now ?? new Date();
  const plan = planFromNeeds(needs);
  if (!plan) return planFailedDocument(needs, options.config, now);

  const hub = hubFromNeeds(needs, plan);
  const hubDone = hub.status !== 'failed';
  const results = plan.spokes.map((spoke) => spokeResult(spoke, needs[spoke.jobId], plan, hubDone));
  return buildStatusDocument({ plan, results, hub, now });
}

function planFromNeeds(needs: Needs): Plan | undefined {
  const job = needs.plan;
  if (!job || job.result !== 'success' || !job.outputs.plan) return undefined;
  try {
    const plan = JSON.parse(job.outputs.plan) as Plan;
    return plan && plan.schema === 'deployforge-plan/v1' && Array.isArray(plan.spokes) ? plan : undefined;
  } catch {
    // A plan output that is not JSON means the plan step did not finish: report it as failed.
    return undefined;
  }
}

const isSpokeStatus = (s: string | undefined): s is SpokeStatus => SPOKE_STATUSES.includes(s as SpokeStatus);

/** What a spoke's job reported, or why it reported nothing. */
function spokeResult(spoke: SpokePlan, job: NeededJob | undefined, plan: Plan, hubDone: boolean): SpokeResultLike {
  const base = { key: spoke.key, version: plan.version.version, 'duration-ms': 0 };
  const reported = job?.outputs.status;
  if (job && isSpokeStatus(reported)) {
    return {
      ...base,
      status: reported,
      ...(job.outputs.version ? { version: job.outputs.version } : {}),
      ...(job.outputs.url ? { url: job.outputs.url } : {}),
      // Publish jobs export `detail`; older workflows did not, then the job's log holds it.
      detail: job.outputs.detail || defaultDetail(reported, spoke),
      ...(job.outputs['duration-ms'] && Number.isFinite(Number(job.outputs['duration-ms'])) ? { 'duration-ms': Number(job.outputs['duration-ms']) } : {}),
    };
  }
  if (!job || job.result === 'skipped') {
    if (!spoke.run) return { ...base, status: spoke.outcomeIfSkipped ?? 'skipped', detail: spoke.detail };
    // The plan wanted it, but its `if:` let it run only after a complete release.
    if (!hubDone) return { ...base, status: 'skipped', detail: 'not run: the release (hub) did not complete, so nothing was published here' };
    return { ...base, status: 'failed', detail: 'the plan chose this spoke but its job was skipped (see the workflow run)' };
  }
  if (job.result === 'cancelled') return { ...base, status: 'failed', detail: PUBLISH_JOB_CANCELLED };
  if (job.result === 'failure') return { ...base, status: 'failed', detail: PUBLISH_JOB_FAILED };
  return { ...base, status: 'failed', detail: 'the publish job succeeded but reported no status output (is its step id "publish"?)' };
}

function defaultDetail(status: SpokeStatus, spoke: SpokePlan): string {
  switch (status) {
    case 'published': return `published to ${spoke.displayName}`;
    case 'skipped': return 'already there: nothing to do';
    case 'dry-run': return 'dry run: rendered and validated, nothing written';
    case 'needs-human': return `${spoke.displayName} needs a person: see the annotations of the ${spoke.jobId} job`;
    case 'failed': return `see the log of the ${spoke.jobId} job`;
  }
}

/** The hub's line: from the release job, or why it did not run. */
function hubFromNeeds(needs: Needs, plan: Plan): HubResultLike {
  const release = needs.release;
  const tag = release?.outputs.tag || plan.version.tag;
  const url = release?.outputs['release-url'] || undefined;
  const assets = assetsFromOutput(release?.outputs.assets);
  const hub = (status: SpokeStatus, detail: string): HubResultLike => ({ status, tag, detail, assets, ...(url ? { url } : {}) });

  if (!release || release.result === 'skipped') {
    if (!plan.release.run) return hub('skipped', `already complete: ${plan.release.detail}`);
    // A credentials-<environment> job (a required platform whose secret lives in its own
    // environment) failed: the build waited for it, so nothing was built or written.
    const check = Object.keys(needs).find((id) => id.startsWith('credentials-') && needs[id]?.result === 'failure');
    if (check) return hub('failed', `the ${check} job found a required platform without its credential, so nothing was built or released (see that job's annotations)`);
    const build = needs.build?.result;
    if (build === 'failure' || build === 'cancelled') return hub('failed', `the build ${build === 'failure' ? 'failed' : 'was cancelled'}, so no release was made (see the build job's log)`);
    // The sign job (SBOM, SHA256SUMS, signatures, provenance) runs between build and release.
    const sign = needs.sign?.result;
    if (sign === 'failure' || sign === 'cancelled') {
      return hub('failed', `the sign job ${sign === 'failure' ? 'failed (a missing or wrong signing key, or no id-token permission)' : 'was cancelled'}, so no release was made (see the sign job's log)`);
    }
    return hub('failed', 'the release job did not run although the plan needed it (see the workflow run)');
  }
  if (release.result === 'success') {
    return plan.dryRun ? hub('dry-run', 'dry run: nothing written') : hub('published', 'the release is published with every asset verified');
  }
  return hub('failed', `the release job ${release.result === 'cancelled' ? 'was cancelled' : 'failed'} (see its log)`);
}

/** create-release's `assets` output, when the workflow passes it on; anything malformed is dropped. */
function assetsFromOutput(text: string | undefined): ReleaseAssetStatus[] {
  if (!text) return [];
  try {
    const data: unknown = JSON.parse(text);
    if (!Array.isArray(data)) return [];
    return data.flatMap((a: unknown) => {
      const r = a as Partial<ReleaseAssetStatus> | null;
      return r && typeof r.name === 'string' && typeof r.size === 'number' && typeof r.sha256 === 'string'
        ? [{ name: r.name, size: r.size, sha256: r.sha256, url: typeof r.url === 'string' ? r.url : '' }]
        : [];
    });
  } catch {
    return [];
  }
}

/** The plan failed (bad config or dispatch input): nothing ran, and the document says so. */
function planFailedDocument(needs: Needs, config: LoadedConfig | undefined, now: Date): StatusDocument {
  const job = needs.plan;
  const why = !job ? 'there is no plan job in the results'
    : job.result === 'cancelled' ? 'the plan job was cancelled'
    : job.result === 'skipped' ? 'the plan job was skipped'
    : 'bad config or dispatch input (see the plan job\'s annotations)';
  const required = new Set<string>(config?.config.required ?? []);
  const platforms: StatusDocument['platforms'] = {};
  for (const s of config ? spokeKeys(config.config, config.enabledPlatforms) : []) {
    platforms[s.key] = {
      name: spokeDisplayName(s.platform, config?.config, s.instance),
      status: 'skipped',
      version: job?.outputs.version || 'unknown',
      'duration-ms': 0,
      required: required.has(s.key),
      detail: 'not run: the plan failed, nothing was built or published',
    };
  }
  return {
    project: config?.config.project.name ?? 'unknown',
    version: job?.outputs.version || 'unknown',
    'generated-at': now.toISOString(),
    platforms,
    plan: { status: 'failed', detail: `${why}; no platform ran and nothing was published` },
  };
}
