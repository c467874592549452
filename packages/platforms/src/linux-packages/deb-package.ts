import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { gzipPayload } from './payload-compression.js';
import { writeAr } from './ar-writer.js';
import { libcDepends } from './libc-dependency.js';
import type { Payload, PayloadFile } from './package-payload.js';
import type { PackageSettings } from './package-settings.js';
import { writeTar, type TarEntry } from './tar-writer.js';

export interface BuiltPackage {
  fileName: string;
  data: Buffer;
  sha256: string;
  /** The control stanza (deb) / summary fields the repository index repeats. */
  control: string;
  /** RPMs: what the yum metadata repeats from the header. */
  rpm?: import('./yum-repository.js').RpmFacts;
}

/** `hello-forge_1.0.0~rc.1-1_amd64.deb`: Debian's file name rule (the epoch-less version). */
export function debFileName(settings: PackageSettings, arch: string): string {
  return `${settings.name}_${settings.versions.deb}_${arch}.deb`;
}

/** Every folder above the files, parents first, as `./usr/`, `./usr/bin/`. */
function folders(files: readonly PayloadFile[]): string[] {
  const dirs = new Set<string>();
  for (const f of files) {
    const parts = f.path.split('/').filter(Boolean).slice(0, -1);
    for (let i = 1; i <= parts.length; i++) dirs.add(`./${parts.slice(0, i).join('/')}/`);
  }
  return [...dirs].sort();
}

/** Debian's extended description: each line indented by one space, blank lines as ` .`. */
function descriptionField(settings: PackageSettings): string {
  const body = settings.description.split('\n').map((line) => (line.trim() === '' ? ' .' : ` ${line}`));
  return `Description: ${settings.summary}\n${body.join('\n')}`;
}

/** The control file: what `dpkg-deb --info` shows and the apt index repeats. */
export function debControl(settings: PackageSettings, arch: string, installedKiB: number, depends: readonly string[]): string {
  const fields = [
    `Package: ${settings.name}`,
    `Version: ${settings.versions.deb}`,
    `Architecture: ${arch}`,
    `Maintainer: ${settings.maintainer}`,
    `Installed-Size: ${installedKiB}`,
    ...(depends.length ? [`Depends: ${depends.join(', ')}`] : []),
    'Section: utils',
    'Priority: optional',
    ...(settings.homepage ? [`Homepage: ${settings.homepage}`] : []),
    descriptionField(settings),
  ];
  return `${fields.join('\n')}\n`;
}

/** RFC 2822 date, as Debian changelogs write it. */
function changelogDate(seconds: number): string {
  return new Date(seconds * 1000).toUTCString().replace(/GMT$/, '+0000');
}

/**
 * The files Debian policy wants in every binary package: the copyright file (machine-readable
 * format) and a gzip'd changelog. lintian reports their absence as errors.
 */
export function debDocs(settings: PackageSettings, mtime: number): PayloadFile[] {
  const doc = `/usr/share/doc/${settings.name}`;
  const copyright = [
    'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/',
    `Upstream-Name: ${settings.name}`,
    ...(settings.homepage ? [`Source: ${settings.homepage}`] : []),
    '',
    'Files: *',
    `Copyright: ${settings.maintainer.replace(/\s*<.*$/, '')}`,
    `License: ${settings.license ?? 'unknown'}`,
    '',
  ].join('\n');
  const changelog = [
    `${settings.name} (${settings.versions.deb}) stable; urgency=medium`,
    '',
    `  * Release ${settings.version}, packaged from the release archives by DeployForge.`,
    '',
    ` -- ${settings.maintainer}  ${changelogDate(mtime)}`,
    '',
  ].join('\n');
  return [
    { path: `${doc}/copyright`, data: Buffer.from(copyright), mode: 0o644 },
    // gzip -9n: Node writes no name and no timestamp, so the bytes depend on the text only.
    { path: `${doc}/changelog.Debian.gz`, data: gzipSync(changelog, { level: 9 }), mode: 0o644 },
  ];
}

/** Builds the .deb: `debian-binary`, `control.tar.gz` (control, md5sums), `data.tar.gz`. */
export function buildDeb(settings: PackageSettings, arch: string, payload: Payload): BuiltPackage {
  const files = [...payload.files, ...debDocs(settings, payload.mtime)].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const { mtime } = payload;
  const data: TarEntry[] = [
    { path: './', mode: 0o755, mtime },
    ...folders(files).map((path) => ({ path, mode: 0o755, mtime })),
    ...files.map((f) => ({ path: `.${f.path}`, data: f.data, mode: f.mode, mtime })),
  ];
  // Installed-Size: KiB, counting each file rounded up to 1 KiB and each folder as 1, like dpkg-gencontrol.
  const installed = files.reduce((n, f) => n + Math.ceil(f.data.length / 1024), 0) + folders(files).length;
  const control = debControl(settings, arch, installed, libcDepends('deb', payload, `/usr/bin/${settings.binary}`));
  const md5sums = files.map((f) => `${createHash('md5').update(f.data).digest('hex')}  ${f.path.slice(1)}\n`).join('');
  const controlTar = writeTar([
    { path: './', mode: 0o755, mtime },
    { path: './control', data: Buffer.from(control), mode: 0o644, mtime },
    { path: './md5sums', data: Buffer.from(md5sums), mode: 0o644, mtime },
  ]);
  const deb = writeAr([
    { name: 'debian-binary', data: Buffer.from('2.0\n') },
    { name: 'control.tar.gz', data: gzipSync(controlTar, { level: 9 }) },
    { name: 'data.tar.gz', data: gzipPayload(writeTar(data)) },
  ], mtime);
  return { fileName: debFileName(settings, arch), data: deb, sha256: createHash('sha256').update(deb).digest('hex'), control };
}
