/** What the renderer needs beyond the config: where the DeployForge actions live and how the file was made. */
export interface RenderOptions {
  /** `owner/repo` holding `actions/<name>/action.yml`. Default `deployforge/deployforge`. */
  actionsRepo?: string;
  /** Ref of that repository the workflow uses: a tag (`v0`) or, to pin, a full commit SHA. Default `v0`. */
  actionsRef?: string;
  /** The config file as the workflow's actions see it: relative to the repository root, POSIX separators. */
  configPath?: string;
  /** Where the workflow is written, relative to the repository root (named in the header's command). */
  outputPath?: string;
}

export const DEFAULT_ACTIONS_REPO = 'deployforge/deployforge';
export const DEFAULT_ACTIONS_REF = 'v0';
export const DEFAULT_CONFIG_PATH = 'deployforge.yml';
export const DEFAULT_WORKFLOW_PATH = '.github/workflows/release.yml';

export type ResolvedRenderOptions = Required<RenderOptions>;

export function resolveRenderOptions(options: RenderOptions = {}): ResolvedRenderOptions {
  return {
    actionsRepo: options.actionsRepo ?? DEFAULT_ACTIONS_REPO,
    actionsRef: options.actionsRef ?? DEFAULT_ACTIONS_REF,
    configPath: options.configPath ?? DEFAULT_CONFIG_PATH,
    outputPath: options.outputPath ?? DEFAULT_WORKFLOW_PATH,
  };
}

/** `deployforge/deployforge/actions/build-matrix@v0` */
export function ownAction(options: ResolvedRenderOptions, name: string): string {
  return `${options.actionsRepo}/actions/${name}@${options.actionsRef}`;
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
