import type { Diagnostic } from '@deployforge/diagnostics';
import { isSpokeId } from '@deployforge/catalog';
import {
  GITHUB_MAX_JOBS_PER_RUN, GITHUB_MAX_MATRIX_COMBINATIONS, MAX_BUILD_FILES, MAX_CUSTOM_SPOKES,
} from './config-limits.js';
import { formatPath, type ConfigPath, type NodeLocator } from './locate-node.js';

/** The jobs one run of the generated release workflow starts, by kind. */
export interface WorkflowJobCount {
  /** Legs of the build matrix: one per target. */
  buildLegs: number;
  /** One publish job per enabled platform, and one per `platforms.custom` entry. */
  spokes: number;
  /** plan, release, summarize, and sign when signing or attestation is on. */
  fixed: number;
  /**
   * At most one credential check per environment, other than the plan job's, that holds a required
   * spoke: counted whether or not that spoke has a secret to check, so this is an upper bound.
   */
  credentialChecks: number;
  total: number;
}

/**
 * What the generated workflow will start, counted from the config alone, so that `validate` and `plan`
 * refuse what GitHub would cancel without rendering the workflow. A workflow test renders scenarios and
 * checks this count against the jobs and matrix legs actually generated, so the two cannot drift.
 */
export function workflowJobCount(config: Record<string, unknown>): WorkflowJobCount {
  const build = asRecord(config.build);
  const targets = Array.isArray(build?.targets) ? build.targets.length : 0;
  const release = asRecord(config.release);
  const signs = release?.attest === true || release?.sign === true || release?.['gpg-key'] !== undefined;
  const platforms = asRecord(config.platforms) ?? {};
  const planEnvironment = stringOr(asRecord(config.workflow)?.environment, 'release');
  const required = new Set(Array.isArray(config.required) ? config.required.map(String) : []);
  const checkedEnvironments = new Set<string>();
  let spokes = 0;
  const spoke = (key: string, platform: string, block: Record<string, unknown> | undefined): void => {
    spokes += 1;
    const environment = stringOr(block?.environment, planEnvironment);
    if ((required.has(key) || required.has(platform)) && environment !== planEnvironment) checkedEnvironments.add(environment);
  };
  for (const id of Object.keys(platforms)) {
    if (id === 'custom') {
      for (const [name, entry] of Object.entries(asRecord(platforms.custom) ?? {})) spoke(`custom:${name}`, id, asRecord(entry));
    } else if (isSpokeId(id)) {
      spoke(id, id, asRecord(platforms[id]));
    }
  }
  const fixed = 3 + (signs ? 1 : 0);
  const credentialChecks = checkedEnvironments.size;
  return { buildLegs: targets, spokes, fixed, credentialChecks, total: fixed + credentialChecks + targets + spokes };
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

/**
 * GitHub's limits on a workflow run, and our caps on lists that grow a run or every archive. Each
 * message names the limit, so a user who reaches one learns which one and what to do instead.
 */
export function limitDiagnostics(config: Record<string, unknown>, locator: NodeLocator, file: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  const report = (path: ConfigPath, message: string): void => {
    const where = locator.keyAt(path);
    found.push({ file, line: where.line, column: where.column, path: formatPath(path), message });
  };
  const count = (n: number): string => n.toLocaleString('en-US');

  const build = asRecord(config.build);
  const files = build?.files;
  if (Array.isArray(files) && files.length > MAX_BUILD_FILES) {
    report(['build', 'files'], `${count(files.length)} files listed; at most ${count(MAX_BUILD_FILES)} are allowed: each is copied into every archive, so list a folder instead`);
  }
  const targets = build?.targets;
  if (Array.isArray(targets) && targets.length > GITHUB_MAX_MATRIX_COMBINATIONS) {
    report(['build', 'targets'], `${count(targets.length)} targets would make a build matrix of ${count(targets.length)} combinations; GitHub allows at most ${count(GITHUB_MAX_MATRIX_COMBINATIONS)} in one job's matrix`);
  }
  const platforms = asRecord(config.platforms);
  const custom = asRecord(platforms?.custom);
  const customCount = custom ? Object.keys(custom).length : 0;
  if (customCount > MAX_CUSTOM_SPOKES) {
    report(['platforms', 'custom'], `${count(customCount)} custom spokes; at most ${count(MAX_CUSTOM_SPOKES)} are allowed: each is a job of its own, and GitHub runs at most ${count(GITHUB_MAX_JOBS_PER_RUN)} jobs in one workflow run. Deploy several places from one entry's run command instead`);
  }

  const jobs = workflowJobCount(config);
  if (jobs.total > GITHUB_MAX_JOBS_PER_RUN) {
    const checks = jobs.credentialChecks > 0 ? `, ${jobs.credentialChecks} credential checks (one per other environment of a required platform)` : '';
    const breakdown = `${jobs.fixed} for plan, ${jobs.fixed > 3 ? 'sign, ' : ''}release and summarize${checks}, ${jobs.buildLegs} build legs (one per target), ${count(jobs.spokes)} publish jobs (one per platform and per custom entry)`;
    // Shown where most of the jobs come from, which is also where the user can cut them.
    const where: ConfigPath = custom ? ['platforms', 'custom'] : jobs.spokes >= jobs.buildLegs ? ['platforms'] : ['build', 'targets'];
    report(where, `the release workflow would run ${count(jobs.total)} jobs (${breakdown}); GitHub runs at most ${count(GITHUB_MAX_JOBS_PER_RUN)} jobs in one workflow run: enable fewer platforms, custom entries or targets`);
  }
  return found;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
