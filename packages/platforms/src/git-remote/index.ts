export { resolveGitRemote, isHttpRemote, browseUrl, type GitRemote } from './remote-url.js';
export type { GitAuth } from './git-auth.js';
export { GitCommandError } from './git-command.js';
export type { GitTarget } from './git-session.js';
export { readRemoteBranch, type RemoteSnapshot } from './read-remote-files.js';
export { commitAndPush, type CommitRequest, type CommitResult } from './commit-and-push.js';
export { gitTargetFor } from './git-target.js';
export { releaseCommitMessage } from './release-commit-message.js';
export { releaseArchives, requireArchives, projectHomepage, type TargetArchive } from './release-archives.js';
