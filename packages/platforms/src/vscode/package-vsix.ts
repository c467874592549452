import { cp, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '@deployforge/diagnostics';
import type { ExtensionManifest } from './extension-manifest.js';
import { commonjsExport } from './commonjs-export.js';

/**
 * Packages the extension with vsce's own `createVSIX`, from a copy of the folder whose
 * package.json carries the release version: the user's tree is never written to, and the .vsix
 * always says the version being released whatever the checked-in package.json says.
 */
export async function packageVsix(options: {
  folder: string;
  manifest: ExtensionManifest;
  version: string;
  workDir: string;
  log: Logger;
}): Promise<string> {
  const copy = join(options.workDir, 'extension');
  await cp(options.folder, copy, { recursive: true, filter: (src) => !src.split(/[\\/]/).includes('.git') });
  await writeFile(join(copy, 'package.json'), `${JSON.stringify({ ...options.manifest.raw, version: options.version }, null, 2)}\n`);
  const files = await readdir(copy);
  // vsce would ask about these on a terminal; a release never stops to ask, it says so in the log.
  if (!files.some((f) => /^licen[cs]e(\.(md|txt))?$/i.test(f))) options.log.warning(`vscode: ${options.folder} has no LICENSE file; the stores show the package.json license only`);
  if (!options.manifest.raw.repository) options.log.warning('vscode: the extension package.json has no "repository"');
  const packagePath = join(options.workDir, `${options.manifest.name}-${options.version}.vsix`);
  const deps = options.manifest.raw.dependencies;
  const createVSIX = commonjsExport<typeof import('@vscode/vsce').createVSIX>(await import('@vscode/vsce'), 'createVSIX');
  await createVSIX({
    cwd: copy,
    packagePath,
    // `npm list --production` only makes sense (and only works) when there are dependencies to ship.
    dependencies: typeof deps === 'object' && deps !== null && Object.keys(deps).length > 0,
    skipLicense: true,
    allowMissingRepository: true,
  });
  return packagePath;
}
