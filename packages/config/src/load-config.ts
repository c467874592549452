import { readFile, stat } from 'node:fs/promises';
import { ConfigurationError } from '@deployforge/diagnostics';
import { decodeConfigBytes } from './config-encoding.js';
import { checkConfigSize, parseConfig, type LoadedConfig } from './parse-config.js';

/** Read and parse a deployforge.yml. A missing or unreadable file is the user's to fix, so it is a ConfigurationError. */
export async function loadConfig(path: string): Promise<LoadedConfig> {
  let bytes: Buffer;
  try {
    // The size first: a huge file is refused without being read into memory.
    const info = await stat(path);
    if (info.isFile()) checkConfigSize(info.size, path);
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'ENOENT') {
      throw new ConfigurationError(`${path}: no such file. Run \`deployforge init\` to create one, or point --config at your config file.`);
    }
    if (code === 'EISDIR') throw new ConfigurationError(`${path}: is a directory, expected a deployforge.yml file`);
    if (code === 'EACCES' || code === 'EPERM') throw new ConfigurationError(`${path}: permission denied while reading the config file`);
    throw error;
  }
  return parseConfig(decodeConfigBytes(bytes, path), path);
}
