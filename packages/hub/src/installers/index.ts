export { configuredInstallers, isConfiguredInstallerFile, INSTALLER_FILES, type InstallerKind } from './installer-kinds.js';
export { baseUrlVariable, installerFacts, type InstallerFacts } from './installer-facts.js';
export { renderInstallSh } from './render-install-sh.js';
export { renderInstallPs1 } from './render-install-ps1.js';
export { renderReleaseInstallers, writeReleaseInstallers, type ReleaseInstallersOptions } from './write-installers.js';
