import { stringify } from 'yaml';
import { SNAP_BASE, type SnapSettings } from './snap-settings.js';

/** The interfaces a command-line tool needs under strict confinement: the user's files and the network. */
export const STRICT_PLUGS = ['home', 'network'] as const;

/**
 * `meta/snap.yaml` for one architecture: what snapd reads from inside the squashfs. It is the
 * built form of snapcraft.yaml (no parts: the binary is already built by the release).
 */
export function renderSnapYaml(settings: SnapSettings, arch: string): string {
  const app: Record<string, unknown> = { command: `bin/${settings.binary}` };
  if (settings.confinement !== 'classic') app.plugs = [...STRICT_PLUGS];
  const doc = {
    name: settings.name,
    // Quoted by the stringifier when it looks like a number (`1.10` must not become 1.1).
    version: settings.version,
    summary: settings.summary,
    description: settings.description,
    base: SNAP_BASE,
    confinement: settings.confinement,
    grade: settings.grade,
    architectures: [arch],
    apps: { [settings.binary]: app },
  };
  return stringify(doc, { lineWidth: 0 });
}

/** `hello-forge_1.2.3_amd64.snap`: the file name snapcraft itself gives a build. */
export function snapFileName(settings: SnapSettings, arch: string): string {
  return `${settings.name}_${settings.version}_${arch}.snap`;
}
