import type { DeployforgeConfig } from '@deployforge/config';
import type { Job } from './workflow-types.js';

/** The kinds of job a generated workflow has; `workflow.timeout-minutes` is keyed by them. */
export type JobKind = 'plan' | 'build' | 'sign' | 'release' | 'publish' | 'summarize';

/**
 * GitHub's own limit is 360 minutes a job: a hung `cargo build`, a registry that never answers or
 * a stuck upload would hold a runner (and the release's concurrency group) for six hours. Each
 * default is generous for what that job does: plan and summarize read JSON; build compiles (the
 * slowest, release builds of big crates); release uploads up to 1,000 assets of 2 GiB each with
 * retries; a publish spoke renders one package and pushes it (Docker and Snap are the heavy ones).
 */
export const DEFAULT_TIMEOUT_MINUTES: Readonly<Record<JobKind, number>> = {
  plan: 10,
  build: 60,
  sign: 15,
  release: 60,
  publish: 30,
  summarize: 10,
};

/** A job the table does not know yet (a kind added later) still gets a limit rather than six hours. */
const FALLBACK_TIMEOUT_MINUTES = 30;

/** `publish-npm` → publish, everything else is its own kind. */
export function jobKind(jobId: string): JobKind | undefined {
  if (jobId === 'publish' || jobId.startsWith('publish-')) return 'publish';
  return (Object.keys(DEFAULT_TIMEOUT_MINUTES) as JobKind[]).find((k) => k === jobId);
}

/** The limit of one job: its own id in the config (`publish-docker: 90`), then its kind, then the default. */
export function jobTimeoutMinutes(jobId: string, overrides: Readonly<Record<string, number>> = {}): number {
  const kind = jobKind(jobId);
  return overrides[jobId] ?? (kind ? overrides[kind] ?? DEFAULT_TIMEOUT_MINUTES[kind] : FALLBACK_TIMEOUT_MINUTES);
}

/**
 * Every job with its `timeout-minutes` (the config's `workflow.timeout-minutes` over the defaults),
 * written right after `runs-on` so it reads with where the job runs. Added here, where the jobs are
 * assembled, rather than in each job's builder: one place decides every job's limit.
 */
export function withJobTimeouts(jobs: Readonly<Record<string, Job>>, config?: DeployforgeConfig): Record<string, Job> {
  const overrides = (config?.workflow?.['timeout-minutes'] ?? {}) as Readonly<Record<string, number>>;
  const out: Record<string, Job> = {};
  for (const [id, job] of Object.entries(jobs)) {
    const minutes = jobTimeoutMinutes(id, overrides);
    const timed: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(job)) {
      if (key === 'timeout-minutes') continue;
      timed[key] = value;
      if (key === 'runs-on') timed['timeout-minutes'] = minutes;
    }
    out[id] = timed as unknown as Job;
  }
  return out;
}
