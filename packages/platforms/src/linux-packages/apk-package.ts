import type { BuiltPackage } from './deb-package.js';
import type { Payload } from './package-payload.js';
import type { PackageSettings } from './package-settings.js';

export function apkInfoPreview(settings: PackageSettings, arch: string): string {
  return `pkgname = ${settings.name}\npkgver = ${settings.versions.apk ?? ''}\narch = ${arch}\n`;
}

export function buildApk(_settings: PackageSettings, _arch: string, _payload: Payload): BuiltPackage {
  throw new Error('apk: not implemented yet');
}
