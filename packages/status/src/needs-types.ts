/** A job's conclusion as `toJSON(needs)` reports it. */
export type JobResult = 'success' | 'failure' | 'cancelled' | 'skipped';

export const JOB_RESULTS: readonly JobResult[] = ['success', 'failure', 'cancelled', 'skipped'];

/** One entry of `toJSON(needs)`: the job's result and its declared outputs (all strings). */
export interface NeededJob {
  result: JobResult;
  outputs: Record<string, string>;
}

/** `${{ toJSON(needs) }}` of the summarize job, keyed by job id. */
export type Needs = Record<string, NeededJob>;
