import type { Existence, SpokeId, SpokeStatus } from '@deployforge/catalog';
import type { TargetId, TargetInfo } from '@deployforge/targets';
import type { ResolvedVersion } from '@deployforge/version';

/** What started this run. Dispatch and local runs may reuse an existing release; tag pushes build. */
export type Trigger = 'tag' | 'dispatch' | 'local';

/** `all`, or the spokes a dispatch / `--platforms` named. */
export type PlatformSelection = { kind: 'all' } | { kind: 'some'; keys: readonly string[] };

/** Why a job runs or not, as a stable code (for tests and `if:` logic) plus words (for people). */
export interface JobDecision {
  run: boolean;
  reason: 'needed' | 'already-published' | 'artifacts-provided' | 'forced';
  detail: string;
}

export type SpokeReason =
  | 'selected'
  | 'forced'
  | 'not-selected'
  | 'already-published'
  | 'conflict'
  | 'burned'
  | 'pending'
  | 'missing-credential';

export interface CredentialPlan {
  /** Environment variable / secret names. */
  names: string[];
  /** `any`: one of them is enough; `all`: every one is needed. */
  mode: 'any' | 'all';
  /** The platform supports trusted publishing (OIDC). */
  oidc: boolean;
  /** The config declares trusted publishing for it (`trusted-publishing: true`): OIDC counts. */
  trustedPublishing: boolean;
  /**
   * `unchecked` when the caller gave no credential facts (e.g. `deployforge plan` on a laptop), or
   * when the secrets may sit in an environment the plan job cannot see (`hiddenIn`).
   */
  satisfied: boolean | 'unchecked';
  /** Names that were looked for and not found. */
  missing: string[];
  /** The spoke's environment, when it differs from the plan job's and its secrets were not seen. */
  hiddenIn?: string;
}

/** One spoke: a platform, or one named entry of `platforms.custom`. */
export interface SpokePlan {
  /** Unique key: the platform id, or `custom:<name>`. What `--platforms` accepts. */
  key: string;
  platform: SpokeId;
  /** Workflow job id: `publish-npm`, `publish-custom-railway`. */
  jobId: string;
  displayName: string;
  run: boolean;
  reason: SpokeReason;
  detail: string;
  /** The status summarize reports when the spoke does not run. */
  outcomeIfSkipped?: SpokeStatus;
  required: boolean;
  /** GitHub environment the publish job runs in (secrets behind protection rules). */
  environment: string;
  credentials: CredentialPlan;
  existence?: Existence;
}

/** One build-matrix row, kebab-case keys so the generated workflow reads naturally. */
export interface MatrixEntry {
  target: TargetId;
  'runs-on': string;
  'rust-target': string;
  goos: string;
  goarch: string;
  /** Archive file name: `<name>-<version>-<target>.tar.gz` (`.zip` on Windows). */
  archive: string;
  'archive-format': 'tar.gz' | 'zip';
  /** Executable name inside the archive (with `.exe` on Windows). */
  binary: string;
}

/** Every ecosystem's name for one target, for `deployforge plan` and the spokes. */
export type PlannedTarget = MatrixEntry &
  Pick<TargetInfo, 'os' | 'arch' | 'libc' | 'pypi' | 'oci' | 'homebrew' | 'scoop' | 'winget' | 'aur' | 'snap' | 'nix'> & {
    npm: TargetInfo['npm'] & { package: string };
  };

export interface Plan {
  schema: 'deployforge-plan/v1';
  project: string;
  version: ResolvedVersion;
  trigger: Trigger;
  force: boolean;
  dryRun: boolean;
  targets: PlannedTarget[];
  /** Ready for `strategy.matrix: ${{ fromJSON(needs.plan.outputs.matrix) }}`. */
  matrix: { include: MatrixEntry[] };
  build: JobDecision;
  release: JobDecision & { existence?: Existence };
  spokes: SpokePlan[];
}
