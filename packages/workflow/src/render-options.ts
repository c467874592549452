import { DEPLOYFORGE_RELEASE } from './deployforge-release.js';
import { FULL_SHA } from './pinned-actions.js';

/** What the renderer needs beyond the config: where the DeployForge actions live and how the file was made. */
export interface RenderOptions {
  /** `owner/repo` holding `actions/<name>/action.yml`. Default `deployforge/deployforge`. */
  actionsRepo?: string;
  /**
   * Ref of that repository the workflow uses, as the user chose it (`--actions-ref`): a tag or a
   * full commit SHA. Default: `workflow.actions-ref` from the config, else the release generating.
   */
  actionsRef?: string;
  /**
   * The commit a tag `actionsRef` was resolved to at generate time (git ls-remote): written after
   * `@` with the tag as the `# vX.Y.Z` comment, and recorded in the header so doctor and
   * `--check` re-render the same file without the network.
   */
  actionsSha?: string;
  /** The config file as the workflow's actions see it: relative to the repository root, POSIX separators. */
  configPath?: string;
  /** Where the workflow is written, relative to the repository root (named in the header's command). */
  outputPath?: string;
}

export const DEFAULT_ACTIONS_REPO = 'deployforge/deployforge';
/**
 * `--actions-repo .`: the actions of the repository the workflow runs in, at the commit each job has
 * checked out (`uses: ./actions/<name>`). That is how DeployForge releases itself: the release of
 * v1.2.3 runs the actions and bundles of v1.2.3, which no tag or SHA written beforehand could name.
 * A local path is pinned by the checkout itself, so no ref or SHA is written.
 */
export const LOCAL_ACTIONS_REPO = '.';
/** The release generating: its own actions are the ones whose inputs this generator writes. */
export const DEFAULT_ACTIONS_REF = DEPLOYFORGE_RELEASE;
export const DEFAULT_CONFIG_PATH = 'deployforge.yml';
export const DEFAULT_WORKFLOW_PATH = '.github/workflows/release.yml';

export type ResolvedRenderOptions = Required<Omit<RenderOptions, 'actionsSha'>> & Pick<RenderOptions, 'actionsSha'>;

export function resolveRenderOptions(options: RenderOptions = {}): ResolvedRenderOptions {
  return {
    actionsRepo: options.actionsRepo ?? DEFAULT_ACTIONS_REPO,
    actionsRef: options.actionsRef ?? DEFAULT_ACTIONS_REF,
    // A SHA for another ref than the one chosen would pin the wrong code: it only counts for a tag.
    ...(options.actionsSha !== undefined && options.actionsRepo !== LOCAL_ACTIONS_REPO && !FULL_SHA.test(options.actionsRef ?? DEFAULT_ACTIONS_REF)
      ? { actionsSha: options.actionsSha }
      : {}),
    configPath: options.configPath ?? DEFAULT_CONFIG_PATH,
    outputPath: options.outputPath ?? DEFAULT_WORKFLOW_PATH,
  };
}

/** `deployforge/deployforge/actions/build-matrix@<sha>` (or `@v0.1.0` when no commit is known). */
export function ownAction(options: ResolvedRenderOptions, name: string): string {
  if (options.actionsRepo === LOCAL_ACTIONS_REPO) return `./actions/${name}`;
  return `${options.actionsRepo}/actions/${name}@${options.actionsSha ?? options.actionsRef}`;
}

/**
 * The `# vX.Y.Z` comment after a DeployForge `uses:` pinned by SHA: the tag it was resolved from,
 * or, for a SHA the user chose, the release generating (whose actions' inputs the file is written
 * against). Undefined for the tag form, which names its release already.
 */
export function ownActionVersion(options: ResolvedRenderOptions): string | undefined {
  if (options.actionsRepo === LOCAL_ACTIONS_REPO) return undefined;
  if (options.actionsSha) return options.actionsRef;
  return FULL_SHA.test(options.actionsRef) ? DEPLOYFORGE_RELEASE : undefined;
}

/**
 * The `generate` flags that reproduce these options, defaults left out, so the header and
 * `--check` can print a fixing command that regenerates exactly this file.
 */
export function generateFlags(options: ResolvedRenderOptions): string[] {
  const flags: string[] = [];
  if (options.configPath !== DEFAULT_CONFIG_PATH) flags.push('--config', options.configPath);
  if (options.outputPath !== DEFAULT_WORKFLOW_PATH) flags.push('--output', options.outputPath);
  if (options.actionsRepo !== DEFAULT_ACTIONS_REPO) flags.push('--actions-repo', options.actionsRepo);
  if (options.actionsRef !== DEFAULT_ACTIONS_REF) flags.push('--actions-ref', options.actionsRef);
  return flags;
}

/** Written as a header line of its own: the commit is a fact of that generation, not a flag to repeat. */
export const PINNED_SHA_PREFIX = 'DeployForge actions pinned to: ';

/** Parse what generateFlags wrote (doctor reads it back from a generated file's header). */
export function parseGenerateFlags(args: readonly string[]): RenderOptions {
  const options: RenderOptions = {};
  for (let i = 0; i < args.length; i += 1) {
    const value = args[i + 1];
    if (value === undefined) break;
    switch (args[i]) {
      case '--config': options.configPath = value; i += 1; break;
      case '--output': options.outputPath = value; i += 1; break;
      case '--actions-repo': options.actionsRepo = value; i += 1; break;
      case '--actions-ref': options.actionsRef = value; i += 1; break;
      default: break;
    }
  }
  return options;
}

/** Flags are printed in a shell command: quote anything beyond the characters paths and refs normally use. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9._/@:=+-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** The serializer's `# vX.Y.Z` for DeployForge's own `uses:` (actions/<name> and the root action). */
export function ownActionComments(options: ResolvedRenderOptions): (uses: string) => string | undefined {
  const version = ownActionVersion(options);
  const ref = options.actionsSha ?? options.actionsRef;
  return (uses) => {
    if (!version || !uses.endsWith(`@${ref}`)) return undefined;
    return uses.startsWith(`${options.actionsRepo}/actions/`) || uses === `${options.actionsRepo}@${ref}` ? version : undefined;
  };
}
