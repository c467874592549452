import type { Step } from './workflow-types.js';

/**
 * The snapcraft the Snap spoke uploads with, by track: a snap cannot be installed at an exact
 * version from a public channel, but a track holds one major version (what the spoke's parsing of
 * snapcraft's answers was written against), so `latest/stable` moving to the next major cannot
 * change what runs. To bump: check the spoke's store-answers.ts against the new major, then change it here.
 */
export const SNAPCRAFT_CHANNEL = '8.x/stable';

/**
 * The Snap spoke builds .snap files with mksquashfs and uploads them with snapcraft: neither is on
 * the runner image. The package lists are refreshed first: an image's lists go stale between its
 * builds, and `apt-get install` from stale lists fails with 404s.
 */
export function snapcraftInstallStep(): Step {
  return {
    name: 'Install squashfs-tools and snapcraft',
    shell: 'bash',
    run: [
      'sudo apt-get update',
      'sudo apt-get install -y --no-install-recommends squashfs-tools',
      `sudo snap install snapcraft --classic --channel=${SNAPCRAFT_CHANNEL}`,
      'snapcraft --version',
      '',
    ].join('\n'),
  };
}
