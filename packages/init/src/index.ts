export type { DetectedProject, ProjectKind, VersionSource } from './detected-project.js';
export { detectProject } from './detect-project.js';
export { renderInitConfig } from './render-init-config.js';
export { writeInitConfig, initRepository, CONFIG_FILE_NAME, type WriteInitConfigOptions, type InitResult } from './write-init-config.js';
export { addToGitignore, ignoredFolders } from './gitignore-entries.js';
export { githubRepositoryFromUrl } from './git-remote.js';
export { SCHEMA_URL } from './schema-url.js';
