/**
 * The subset of GitHub's workflow syntax the generator writes. Objects are built with keys in the
 * order they should appear in the file: the serializer keeps insertion order, which is what makes
 * the output byte-stable and lets a reviewer read a job top to bottom (when → where → what).
 */

export type Permission = 'read' | 'write' | 'none';
export type Permissions = Record<string, Permission>;

export interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  with?: Record<string, string | number | boolean>;
  shell?: string;
  /** Only where a failure must not cost the release: attestations on repositories without support. */
  'continue-on-error'?: boolean;
  env?: Record<string, string>;
  run?: string;
}

export interface Job {
  name?: string;
  needs?: string | string[];
  if?: string;
  'runs-on': string;
  /** Set for every job where the jobs are assembled (job-timeouts.ts). */
  'timeout-minutes'?: number;
  environment?: string;
  permissions: Permissions;
  strategy?: { 'fail-fast': boolean; matrix: string };
  outputs?: Record<string, string>;
  env?: Record<string, string>;
  steps: Step[];
}

export interface DispatchInput {
  description: string;
  required: boolean;
  type: 'string' | 'boolean';
  default?: string | boolean;
}

export interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions: Permissions;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}
