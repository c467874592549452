import type { BuiltJob } from './build-packages.js';
import { repoPath, type PackageSettings } from './package-settings.js';

/** `.apk` files sit under `apk/<arch>/` (no APKINDEX: it needs an RSA key of its own). */
export function apkPath(settings: PackageSettings, built: BuiltJob): string {
  return repoPath(settings, `apk/${built.job.arch}/${built.pkg.fileName}`);
}
