import type { LoadedConfig } from '@deployforge/config';
import { PLATFORMS, type Existence, type PlatformId } from '@deployforge/catalog';
import type { ResolvedVersion } from '@deployforge/version';
import { planCredentials, type CredentialFacts } from './credential-facts.js';
import { spokeCredentialInfo } from './custom-command-credentials.js';
import { decideBuild, decideRelease } from './decide-release.js';
import { decideSpoke } from './decide-spoke.js';
import { isSelected } from './parse-selection.js';
import { matrixEntry, planTargets } from './plan-targets.js';
import type { Plan, PlatformSelection, SpokePlan, Trigger } from './plan-types.js';
import { checkRequiredCredentials } from './required-credentials.js';
import { checkSigningCredentials } from './signing-credentials.js';
import { spokeDisplayName } from './spoke-display-name.js';
import { spokeKeys } from './spoke-keys.js';
import { trustedPublishingDeclared } from './trusted-publishing.js';

export interface PlanInput {
  loaded: LoadedConfig;
  version: ResolvedVersion;
  trigger: Trigger;
  selection: PlatformSelection;
  /** Existence facts per platform id (or spoke key for custom entries); `github` is the hub. */
  existence?: Readonly<Partial<Record<PlatformId | string, Existence>>>;
  /** Omit to leave credentials unchecked (e.g. a laptop `deployforge plan`). */
  credentials?: CredentialFacts;
  force?: boolean;
  dryRun?: boolean;
  /** Local runs with `--artifacts DIR`: the archives exist, nothing is built. */
  artifactsProvided?: boolean;
  /** Spokes to run as dry runs even when the run is real (platforms unreachable from here). */
  dryRunKeys?: ReadonlySet<string>;
}

/**
 * The release plan: a pure function of config, version, selection and the facts the caller
 * gathered. No I/O, so the workflow generator, the `build-matrix` action and the local runner all
 * read the same decisions, and every decision is table-tested.
 */
export function createPlan(input: PlanInput): Plan {
  const { config, enabledPlatforms } = input.loaded;
  const force = input.force ?? false;
  const dryRun = input.dryRun ?? false;
  const project = config.project.name;
  const targets = planTargets(config.build?.targets ?? [], {
    project,
    version: input.version.version,
    binary: config.build?.binary ?? project,
    npmPackage: config.platforms?.npm?.package ?? project,
    // build.cross: every target builds on the one Linux runner of the cross build job.
    ...(config.build?.cross === true ? { crossRunner: config.workflow?.['runs-on'] ?? 'ubuntu-latest' } : {}),
  });

  const release = decideRelease(input.existence?.github, force);
  checkSigningCredentials(config, release, input.credentials, input.trigger);
  const build = decideBuild(release, input.artifactsProvided ?? false);
  const required = new Set<string>(config.required ?? []);
  const defaultEnvironment = config.workflow?.environment ?? 'release';

  const spokes: SpokePlan[] = spokeKeys(config, enabledPlatforms).map((s) => {
    const info = PLATFORMS[s.platform];
    // A custom entry carries its own environment; every other platform's is on its block.
    const blocks = config.platforms as Record<string, { environment?: string } | null | undefined> | undefined;
    const block = s.instance !== undefined ? config.platforms?.custom?.[s.instance] : blocks?.[s.platform];
    const environment = block?.environment ?? defaultEnvironment;
    // A custom entry's credentials are the `secrets:` it lists.
    const credentialInfo = spokeCredentialInfo(info, s.instance, s.instance !== undefined ? config.platforms?.custom?.[s.instance] : undefined);
    const credentials = planCredentials(credentialInfo, input.credentials, { trustedPublishing: trustedPublishingDeclared(config, s.platform), environment });
    const existence = input.existence?.[s.key];
    const displayName = spokeDisplayName(s.platform, config, s.instance);
    const decision = decideSpoke({
      platform: s.platform,
      displayName,
      selected: isSelected(input.selection, s.key),
      ...(existence ? { existence } : {}),
      credentials,
      force,
      dryRun: dryRun || (input.dryRunKeys?.has(s.key) ?? false),
    });
    return {
      key: s.key,
      platform: s.platform,
      jobId: s.jobId,
      displayName,
      ...decision,
      required: required.has(s.platform) || required.has(s.key),
      environment,
      credentials,
      ...(existence ? { existence } : {}),
    };
  });
  checkRequiredCredentials(input.loaded, spokes);

  return {
    schema: 'deployforge-plan/v1',
    project,
    version: input.version,
    trigger: input.trigger,
    force,
    dryRun,
    targets,
    matrix: { include: targets.map(matrixEntry) },
    build,
    release,
    spokes,
  };
}
