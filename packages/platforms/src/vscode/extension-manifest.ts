import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigurationError, errorMessage } from '@deployforge/diagnostics';

export interface ExtensionManifest {
  publisher: string;
  name: string;
  /** `publisher.name`: the id both stores know the extension by. */
  id: string;
  raw: Record<string, unknown>;
}

/** The extension's package.json: publisher and name decide where it lives in both stores. */
export async function readExtensionManifest(folder: string): Promise<ExtensionManifest> {
  const file = join(folder, 'package.json');
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new ConfigurationError(`platforms.vscode.path: cannot read ${file}: ${errorMessage(error)}`);
  }
  const json = raw as Record<string, unknown>;
  const { publisher, name } = json;
  if (typeof publisher !== 'string' || !publisher || typeof name !== 'string' || !name) {
    throw new ConfigurationError(`${file}: an extension needs "publisher" and "name" (the store id is publisher.name)`);
  }
  return { publisher, name, id: `${publisher}.${name}`, raw: json };
}
