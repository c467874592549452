export { buildReleaseSbom, SBOM_SPEC_VERSION, type ReleaseSbomInput, type SbomSubject } from './build-release-sbom.js';
export { writeReleaseSbom, type WriteReleaseSbomOptions } from './write-release-sbom.js';
export { readProjectLockfile, type ProjectLockfile } from './project-lockfile.js';
export { parseCargoLock } from './cargo-lock.js';
export { parseGoMod } from './go-modules.js';
export { parsePackageLock } from './npm-lock.js';
export { packageUrl, type LockedPackage, type PackageHash } from './locked-package.js';
export { sbomFileName, isSbomFile, isReleaseMetadataFile } from './sbom-file-name.js';
export { withReleaseSbom, type ReleaseSbomFiles } from './release-sbom-files.js';
