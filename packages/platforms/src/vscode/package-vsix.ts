import { cp, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { format } from 'node:util';
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
  // vsce reports the packaged file list with console.log; on our stdout it would corrupt `--json`
  // output, so while it runs its lines go to the logger (stderr in the CLI) like every other step's.
  const { log: consoleLog, info: consoleInfo } = console;
  console.log = (...args: unknown[]) => options.log.info(format(...args));
  console.info = console.log;
  // vsce stamps each entry with its file's mtime unless SOURCE_DATE_EPOCH is set (then it also
  // sorts them): the fixed time our archives use makes the same extension give the same .vsix,
  // which a snapshot promises and a re-run can compare. vsce reads it from process.env only.
  const sourceDateEpoch = process.env.SOURCE_DATE_EPOCH;
  process.env.SOURCE_DATE_EPOCH = sourceDateEpoch ?? String(Date.UTC(2000, 0, 1) / 1000);
  try {
    await createVSIX({
      cwd: copy,
      packagePath,
      // `npm list --production` only makes sense (and only works) when there are dependencies to ship.
      dependencies: typeof deps === 'object' && deps !== null && Object.keys(deps).length > 0,
      skipLicense: true,
      allowMissingRepository: true,
    });
  } finally {
    console.log = consoleLog;
    console.info = consoleInfo;
    if (sourceDateEpoch === undefined) delete process.env.SOURCE_DATE_EPOCH;
  }
  return packagePath;
}
