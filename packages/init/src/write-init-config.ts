import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ConfigurationError } from '@deployforge/diagnostics';
import { buildRecipe } from './build-recipes.js';
import { detectProject } from './detect-project.js';
import { addToGitignore, ignoredFolders } from './gitignore-entries.js';
import { renderInitConfig } from './render-init-config.js';

export const CONFIG_FILE_NAME = 'deployforge.yml';

export interface WriteInitConfigOptions {
  /** Replace an existing deployforge.yml. */
  force?: boolean;
}

/**
 * Detect the project in `cwd` and write `<cwd>/deployforge.yml`; returns the absolute path written.
 *
 * An existing file is someone's hand-tuned config, so it is only replaced when asked. The check
 * and the write are one step (`wx`), so a file created in between is never clobbered either.
 */
export async function writeInitConfig(cwd: string, options: WriteInitConfigOptions = {}): Promise<string> {
  return (await initRepository(cwd, options)).config;
}

export interface InitResult {
  /** The deployforge.yml written. */
  config: string;
  /** The .gitignore and the entries appended to it (none outside a git repository). */
  gitignore: { file: string; added: string[] };
  /** False when no manifest told how the project builds: the config asks for build.command. */
  buildKnown: boolean;
}

/**
 * `deployforge init`: the config, plus `.deployforge/` and the build's output folder in .gitignore
 * (a first release otherwise leaves both as untracked files that a later `git add .` commits).
 */
export async function initRepository(cwd: string, options: WriteInitConfigOptions = {}): Promise<InitResult> {
  const detected = await detectProject(cwd);
  const config = await writeConfigText(cwd, renderInitConfig(detected), options);
  const recipe = buildRecipe(detected);
  const gitignore = await addToGitignore(resolve(cwd), [...ignoredFolders(recipe.command !== undefined ? recipe.path : undefined), ...(recipe.ignore ?? [])]);
  return { config, gitignore, buildKnown: recipe.command !== undefined };
}

async function writeConfigText(cwd: string, text: string, options: WriteInitConfigOptions): Promise<string> {
  const path = join(resolve(cwd), CONFIG_FILE_NAME);
  try {
    await writeFile(path, text, { encoding: 'utf8', flag: options.force ? 'w' : 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new ConfigurationError(`${path} already exists; pass --force to overwrite it.`);
    }
    throw error;
  }
  return path;
}
