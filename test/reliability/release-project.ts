import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createArchive } from '@deployforge/archive';
import { createMemoryLogger, createRedactor, type Logger } from '@deployforge/diagnostics';
import { createGitHubClient, type GitHubClient, type ReleaseResult } from '@deployforge/github';
import { assetFetcher, loadReleaseAssets, releaseExistence, runHub } from '@deployforge/hub';
import { loadPlanInputs } from '@deployforge/inputs';
import type { Existence } from '@deployforge/catalog';
import { createPlan, credentialFactsFromEnv } from '@deployforge/plan';
import { credentialValues, runSpokes, type SpokeOutcome } from '@deployforge/publish';
import { archiveName, binaryName, targetInfo, type TargetId } from '@deployforge/targets';
import type { GitHubFake } from '../fakes/github/index.js';

export const RELIABILITY_TOKEN = 'ghs_reliability_token_0123456789abcdef';

/** How many releases/kill points a test runs: small in `npm test`, more with DEPLOYFORGE_RELIABILITY_RUNS. */
export function reliabilityRuns(fallback: number): number {
  const raw = process.env.DEPLOYFORGE_RELIABILITY_RUNS;
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`DEPLOYFORGE_RELIABILITY_RUNS: expected a whole number >= 1, got ${raw}`);
  return n;
}

/**
 * Prebuilt archives of a stand-in binary per target, built once: every release of a test uploads the
 * same bytes, so any difference between their digests is the release path's doing.
 */
export async function standInArtifacts(name: string, version: string, targets: readonly TargetId[]): Promise<string> {
  const work = mkdtempSync(join(tmpdir(), 'df-rel-artifacts-'));
  const out = join(work, 'artifacts');
  mkdirSync(out);
  for (const target of targets) {
    const exe = join(work, `${target}-bin`);
    // Some bulk so uploads take more than one chunk and a reset can land mid-body.
    writeFileSync(exe, `#!/bin/sh\necho "${name} ${version} (${target})"\n# ${'x'.repeat(200_000)}\n`, { mode: 0o755 });
    await createArchive(targetInfo(target).archive, [{ source: exe, name: binaryName(name, target), mode: 0o755 }], join(out, archiveName(name, version, target)));
  }
  return out;
}

/** A short-retry client for tests against the fake: the production defaults wait seconds between tries. */
export function fastClient(gh: GitHubFake, log: Logger = createMemoryLogger()): GitHubClient {
  return createGitHubClient({ token: RELIABILITY_TOKEN, baseUrl: gh.url, log, retries: 6, retryBaseMs: 2, rateLimitRetries: 6, rateLimitUnitMs: 1, writeIntervalMs: 0 });
}

export interface InProcessRelease {
  hub?: ReleaseResult;
  outcomes: SpokeOutcome[];
}

/**
 * `deployforge release` in-process with an injected GitHub client: the same sequence as
 * packages/runner/src/run-local-release.ts (plan with the hub's existence, runHub, the release's
 * assets, runSpokes), which builds its own client from the environment and so cannot take the
 * short retry settings a fault-injection loop needs.
 */
export async function releaseInProcess(options: {
  configPath: string;
  version: string;
  artifacts: string;
  env: Record<string, string>;
  client: GitHubClient;
  log?: Logger;
}): Promise<InProcessRelease> {
  const log = options.log ?? createMemoryLogger();
  const io = { cwd: tmpdir(), env: options.env };
  const inputs = await loadPlanInputs(options.configPath, { version: options.version }, io);
  const hubExistence: Existence = await releaseExistence(options.client, inputs.loaded, inputs.version, options.env)
    .catch((error: unknown) => ({ state: 'unknown' as const, detail: error instanceof Error ? error.message : String(error) }));
  const plan = createPlan({
    ...inputs, trigger: 'local', existence: { github: hubExistence }, credentials: credentialFactsFromEnv(options.env),
    force: false, dryRun: false, artifactsProvided: true,
  });
  let hub: ReleaseResult | undefined;
  if (plan.release.run) {
    hub = await runHub({ loaded: inputs.loaded, version: inputs.version, artifacts: options.artifacts, cwd: io.cwd, env: options.env, token: RELIABILITY_TOKEN, log, force: false, dryRun: false, client: options.client });
  }
  const workRoot = mkdtempSync(join(tmpdir(), 'df-rel-work-'));
  const assets = await loadReleaseAssets(options.client, inputs.loaded, inputs.version, options.env);
  const outcomes = await runSpokes({
    loaded: inputs.loaded, version: inputs.version, spokes: plan.spokes, assets, fetchAsset: assetFetcher(options.client, join(workRoot, 'downloads')),
    env: options.env, workRoot, dryRun: false, force: false, log, redact: createRedactor(credentialValues(options.env)),
  });
  return { ...(hub ? { hub } : {}), outcomes };
}

/** What a repository on the fake holds for one tag: every release, and the assets of each. */
export function releasesOf(gh: GitHubFake, repository: string, tag: string): { draft: boolean; assets: { name: string; state: string; sha256: string }[] }[] {
  const repo = gh.state.repos.get(repository);
  return (repo?.releases ?? [])
    .filter((r) => r.tagName === tag)
    .map((r) => ({ draft: r.draft, assets: r.assets.map((a) => ({ name: a.name, state: a.state, sha256: a.sha256 ?? '' })) }));
}
