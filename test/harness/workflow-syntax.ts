// The subset of workflow syntax the harness implements: exactly what DeployForge's generator emits.
// Every key is checked against it, so a generator change that emits something new fails the harness
// loudly ("implement it here") instead of being silently ignored.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export interface StepSpec {
  name?: string;
  id?: string;
  if?: string | boolean;
  uses?: string;
  with?: Record<string, unknown>;
  run?: string;
  shell?: string;
  env?: Record<string, unknown>;
  'continue-on-error'?: boolean | string;
}

export interface JobSpec {
  name?: string;
  needs?: string | string[];
  if?: string | boolean;
  'runs-on': string;
  'timeout-minutes'?: number;
  environment?: string;
  permissions?: Record<string, string>;
  outputs?: Record<string, string>;
  env?: Record<string, unknown>;
  strategy?: { 'fail-fast'?: boolean; matrix: unknown };
  steps: StepSpec[];
}

export interface DispatchInput {
  description?: string;
  required?: boolean;
  type?: 'string' | 'boolean';
  default?: string | boolean;
}

export interface WorkflowSpec {
  name?: string;
  /** `pull_request: {}` (or `pull_request:`): every pull request, of the default activity types. */
  on: { push?: { tags?: string[] }; workflow_dispatch?: { inputs?: Record<string, DispatchInput> }; pull_request?: Record<string, never> | null };
  permissions?: unknown;
  concurrency?: { group: string; 'cancel-in-progress'?: boolean };
  env?: Record<string, unknown>;
  jobs: Record<string, JobSpec>;
}

const WORKFLOW_KEYS = ['name', 'on', 'permissions', 'concurrency', 'env', 'jobs'];
const JOB_KEYS = ['name', 'needs', 'if', 'runs-on', 'timeout-minutes', 'environment', 'permissions', 'outputs', 'env', 'strategy', 'steps'];
const STEP_KEYS = ['name', 'id', 'if', 'uses', 'with', 'run', 'shell', 'env', 'continue-on-error'];
const STRATEGY_KEYS = ['fail-fast', 'matrix'];
const ON_KEYS = ['push', 'workflow_dispatch', 'pull_request'];
const INPUT_KEYS = ['description', 'required', 'type', 'default'];

function unsupported(where: string, keys: string[], allowed: string[]): void {
  const extra = keys.filter((k) => !allowed.includes(k));
  if (extra.length > 0) throw new Error(`harness: ${where} uses ${extra.join(', ')}, which the harness does not implement (it knows ${allowed.join(', ') || 'none'})`);
}

/** Values the harness uses as written: an expression in one would be taken literally, so it is refused. */
function literal(where: string, value: unknown, type: 'string' | 'number'): void {
  if (value === undefined) return;
  if (typeof value !== type || (typeof value === 'string' && value.includes('${{'))) {
    throw new Error(`harness: ${where} must be a literal ${type} here, got ${JSON.stringify(value)}`);
  }
}

/** Reads and checks a workflow file; throws on anything outside the implemented subset. */
export function loadWorkflow(file: string): WorkflowSpec {
  const spec = parse(readFileSync(file, 'utf8')) as WorkflowSpec;
  unsupported('the workflow', Object.keys(spec), WORKFLOW_KEYS);
  unsupported('on:', Object.keys(spec.on), ON_KEYS);
  if (spec.on.push) unsupported('on.push', Object.keys(spec.on.push), ['tags']);
  // No filters (types, branches, paths…): a filter the harness ignored would run jobs GitHub does not.
  if (spec.on.pull_request) unsupported('on.pull_request', Object.keys(spec.on.pull_request), []);
  for (const [name, input] of Object.entries(spec.on.workflow_dispatch?.inputs ?? {})) {
    unsupported(`on.workflow_dispatch.inputs.${name}`, Object.keys(input), INPUT_KEYS);
    if (input.type && input.type !== 'string' && input.type !== 'boolean') throw new Error(`harness: input ${name} has type ${input.type}, not implemented`);
  }
  if (spec.concurrency?.['cancel-in-progress']) throw new Error('harness: concurrency.cancel-in-progress: true is not implemented');
  for (const [id, job] of Object.entries(spec.jobs)) {
    unsupported(`jobs.${id}`, Object.keys(job), JOB_KEYS);
    if (job.strategy) unsupported(`jobs.${id}.strategy`, Object.keys(job.strategy), STRATEGY_KEYS);
    literal(`jobs.${id}.environment`, job.environment, 'string');
    literal(`jobs.${id}.timeout-minutes`, job['timeout-minutes'], 'number');
    if (job.strategy?.['fail-fast'] !== undefined && typeof job.strategy['fail-fast'] !== 'boolean') throw new Error(`harness: jobs.${id}.strategy.fail-fast must be a literal boolean`);
    for (const need of needsOf(job)) if (!spec.jobs[need]) throw new Error(`harness: jobs.${id} needs unknown job ${need}`);
    job.steps.forEach((step, i) => {
      const where = `jobs.${id}.steps[${i}]`;
      unsupported(where, Object.keys(step), STEP_KEYS);
      for (const key of ['id', 'uses', 'shell'] as const) literal(`${where}.${key}`, step[key], 'string');
      if ((step.uses === undefined) === (step.run === undefined)) throw new Error(`harness: ${where} needs exactly one of uses: and run:`);
      if (step.run !== undefined && step.shell !== undefined && step.shell !== 'bash') throw new Error(`harness: ${where} shell: ${step.shell} is not implemented (bash only)`);
      if (step.uses !== undefined && step.shell !== undefined) throw new Error(`harness: ${where} has shell: on a uses: step`);
    });
  }
  return spec;
}

export function needsOf(job: JobSpec): string[] {
  if (job.needs === undefined) return [];
  return Array.isArray(job.needs) ? job.needs : [job.needs];
}

/** Jobs in an order where every job comes after its needs (ties by file order, for stable logs). */
export function jobOrder(spec: WorkflowSpec): string[] {
  const order: string[] = [];
  const visiting = new Set<string>();
  const visit = (id: string): void => {
    if (order.includes(id)) return;
    if (visiting.has(id)) throw new Error(`harness: needs cycle through ${id}`);
    visiting.add(id);
    for (const need of needsOf(spec.jobs[id]!)) visit(need);
    order.push(id);
  };
  for (const id of Object.keys(spec.jobs)) visit(id);
  return order;
}

/** Every job `id` depends on, directly or through others. */
export function ancestorsOf(spec: WorkflowSpec, id: string): Set<string> {
  const seen = new Set<string>();
  const walk = (job: string): void => {
    for (const need of needsOf(spec.jobs[job]!)) if (!seen.has(need)) (seen.add(need), walk(need));
  };
  walk(id);
  return seen;
}

/**
 * GitHub's tag filter patterns, the part our generator uses: literal characters, `*` (no slash),
 * `**`, and `[...]` classes. Anything else (`?`, `+`, `!`) is refused rather than approximated.
 */
export function tagFilterMatches(pattern: string, tag: string): boolean {
  if (/[?+!]/.test(pattern)) throw new Error(`harness: tag filter ${pattern} uses syntax the harness does not implement`);
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') (source += '.*', i++);
    else if (c === '*') source += '[^/]*';
    else if (c === '[') {
      const end = pattern.indexOf(']', i);
      if (end < 0) throw new Error(`harness: unclosed [ in tag filter ${pattern}`);
      source += pattern.slice(i, end + 1);
      i = end;
    } else source += c.replace(/[.\\^$(){}|]/g, '\\$&');
  }
  return new RegExp(`^${source}$`).test(tag);
}
