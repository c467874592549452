import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ConfigurationError } from '@deployforge/diagnostics';
import { detectProject } from './detect-project.js';
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
  const path = join(resolve(cwd), CONFIG_FILE_NAME);
  const text = renderInitConfig(await detectProject(cwd));
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
