import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { RepositorySigner } from '@deployforge/signing';
import type { RenderedFile } from '../platform.js';
import type { BuiltPackage } from './deb-package.js';
import { parseStanza, parseStanzas, stanzaKey, type Stanza } from './deb-stanzas.js';

/** The apt repository's shape: `deb/dists/<suite>/…` and `deb/pool/<component>/<letter>/<name>/`. */
export interface AptLayout {
  suite: string;
  component: string;
  /** Prefix of every path written (`deb/` or `<path>/deb/`). */
  base: string;
}

export const packagesPath = (l: AptLayout, arch: string) => `dists/${l.suite}/${l.component}/binary-${arch}/Packages`;
export const releasePath = (l: AptLayout) => `dists/${l.suite}/Release`;

/** Debian's pool layout: `lib` packages under `libx/`, the others under their first letter. */
export function poolPath(l: AptLayout, name: string, fileName: string): string {
  const letter = name.startsWith('lib') && name.length > 3 ? name.slice(0, 4) : name[0]!;
  return `pool/${l.component}/${letter}/${name}/${fileName}`;
}

/** A `Packages` entry: the .deb's control file plus where it is and its digests. */
export function packagesStanza(deb: BuiltPackage, filename: string): Stanza {
  const text = [
    deb.control.replace(/\n+$/, ''),
    `Filename: ${filename}`,
    `Size: ${deb.data.length}`,
    `MD5sum: ${createHash('md5').update(deb.data).digest('hex')}`,
    `SHA256: ${deb.sha256}`,
  ].join('\n');
  return parseStanza(text);
}

export interface AptState {
  /** arch → the `Packages` text now on the branch (undefined when absent). */
  packages: Map<string, string | undefined>;
  release?: string;
}

/** The entry of this exact package (name, version, arch) in the current index, if any. */
export function findStanza(state: AptState, arch: string, deb: BuiltPackage): Stanza | undefined {
  const key = stanzaKey(parseStanza(deb.control));
  return parseStanzas(state.packages.get(arch)).find((s) => stanzaKey(s) === key);
}

function hashLine(algorithm: 'md5' | 'sha256', data: Buffer, path: string): string {
  return ` ${createHash(algorithm).update(data).digest('hex')} ${String(data.length).padStart(8)} ${path}`;
}

/** `Mon, 07 Dec 2026 12:00:00 UTC`: the date format apt parses in Release files. */
function releaseDate(now: Date): string {
  return now.toUTCString().replace(/GMT$/, 'UTC');
}

/**
 * The files of the repository after adding `debs`: each architecture's `Packages` (+ `.gz`) with
 * the older entries kept and this version's replaced, the pool files, and `Release` with
 * `InRelease` and `Release.gpg` signed by the release key. Paths are relative to `layout.base`.
 */
export async function aptFiles(options: {
  layout: AptLayout;
  state: AptState;
  debs: { arch: string; deb: BuiltPackage }[];
  signer: RepositorySigner;
  origin: string;
  now: Date;
}): Promise<RenderedFile[]> {
  const { layout, state, debs, signer } = options;
  const out: RenderedFile[] = [];
  const indexes = new Map<string, Buffer>();
  const arches = new Set<string>([...state.packages.keys()].filter((a) => state.packages.get(a) !== undefined));
  // Architectures listed in the old Release that this run did not read stay listed.
  const oldArches = /^Architectures:\s*(.*)$/m.exec(state.release ?? '')?.[1]?.split(/\s+/).filter(Boolean) ?? [];
  for (const a of oldArches) arches.add(a);
  for (const { arch } of debs) arches.add(arch);

  for (const arch of [...arches].sort()) {
    const mine = debs.filter((d) => d.arch === arch);
    const existing = parseStanzas(state.packages.get(arch));
    if (mine.length === 0 && state.packages.get(arch) === undefined) continue;
    const fresh = mine.map(({ deb }) => {
      const filename = poolPath(layout, deb.control.match(/^Package: (.+)$/m)![1]!, deb.fileName);
      out.push({ path: filename, contents: deb.data });
      return packagesStanza(deb, filename);
    });
    const replaced = new Set(fresh.map(stanzaKey));
    const all = [...existing.filter((s) => !replaced.has(stanzaKey(s))), ...fresh];
    const text = all.map((s) => `${s.text}\n`).join('\n');
    const data = Buffer.from(text);
    indexes.set(packagesPath(layout, arch), data);
    indexes.set(`${packagesPath(layout, arch)}.gz`, gzipSync(data, { level: 9 }));
  }

  // Every index this run did not rewrite keeps its old digests only if we knew it; since each run
  // reads every architecture's Packages, `indexes` holds the complete set.
  const listed = [...indexes.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  const prefix = `dists/${layout.suite}/`;
  const release = [
    `Origin: ${options.origin}`,
    `Label: ${options.origin}`,
    `Suite: ${layout.suite}`,
    `Codename: ${layout.suite}`,
    `Date: ${releaseDate(options.now)}`,
    `Architectures: ${[...arches].sort().join(' ')}`,
    `Components: ${layout.component}`,
    `Description: ${options.origin} packages, published by DeployForge`,
    'MD5Sum:',
    ...listed.map(([path, data]) => hashLine('md5', data, path.slice(prefix.length))),
    'SHA256:',
    ...listed.map(([path, data]) => hashLine('sha256', data, path.slice(prefix.length))),
    '',
  ].join('\n');
  for (const [path, data] of listed) out.push({ path, contents: data });
  out.push({ path: releasePath(layout), contents: release });
  out.push({ path: `dists/${layout.suite}/InRelease`, contents: await signer.clearsign(release) });
  out.push({ path: `dists/${layout.suite}/Release.gpg`, contents: await signer.detach(Buffer.from(release)) });
  return out.map((f) => ({ ...f, path: `${layout.base}${f.path}` }));
}
