export { suppliedPackageFiles, writeReleasePackages, type ReleasePackagesOptions } from './write-release-packages.js';
