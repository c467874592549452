import { readFile } from 'node:fs/promises';
import { ConfigurationError } from '@deployforge/diagnostics';

/**
 * Read a file the config points at, turning "not there" and "not a file" into user errors that say
 * which setting led us there. Other failures (permissions, I/O) stay real errors.
 */
export async function readUserFile(path: string, shown: string, because: string): Promise<string> {
  try {
    // A UTF-8 BOM is invisible in editors but would make the first character not a digit.
    return (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ConfigurationError(`${shown}: file not found (${because})`);
    if (code === 'EISDIR') throw new ConfigurationError(`${shown}: is a directory, expected a file (${because})`);
    throw error;
  }
}
