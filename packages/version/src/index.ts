export type { ResolvedVersion, VersionSource } from './resolved-version.js';
export { parseVersionInput, tagFor, type ParseVersionOptions } from './parse-version-input.js';
export { toPypiVersion } from './pypi-version.js';
export { resolveVersion, type ResolveVersionOptions, type VersionFrom } from './resolve-version.js';
export { versionFromRef } from './tag-ref.js';
export { versionFromFile } from './version-file.js';
export { versionFromCargo } from './cargo-version.js';
export { versionFromPackageJson } from './package-json-version.js';
