/**
 * Platforms DeployForge once had, each with what replaced it: a config that still names one is told
 * how to move (in `platforms:` and in `required:`), rather than only that the platform is unknown.
 */
const REMOVED_PLATFORMS: Readonly<Record<string, string>> = {
  'linux-packages':
    'the platform "linux-packages" was removed: the release now builds the packages (release: { linux-packages: [deb, rpm] }, from project.name and project.maintainer), and platforms.apt and platforms.yum publish them in signed repositories; move repository, branch and path to those blocks',
};

/** What to write instead of a removed platform, or undefined for any other id. */
export function removedPlatformMessage(id: string): string | undefined {
  return Object.hasOwn(REMOVED_PLATFORMS, id) ? REMOVED_PLATFORMS[id] : undefined;
}
