import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { RepositorySigner } from '@deployforge/signing';
import type { RemoteSnapshot } from '../git-remote/index.js';
import type { RenderedFile } from '../platform.js';
import type { BuiltPackage } from './deb-package.js';

/** What the yum metadata says about one .rpm (createrepo_c's primary/filelists/other fields). */
export interface RpmFacts {
  name: string;
  arch: string;
  version: string;
  release: string;
  summary: string;
  description: string;
  packager: string;
  url?: string;
  license?: string;
  group: string;
  buildTime: number;
  installedSize: number;
  archiveSize: number;
  /** Byte range of the main header inside the file (`rpm:header-range`). */
  headerStart: number;
  headerEnd: number;
  requires: { name: string; flags?: string; version?: string }[];
  provides: { name: string; flags?: string; epoch?: string; version?: string; release?: string }[];
  files: { path: string; dir: boolean }[];
  changelog: { author: string; date: number; text: string };
}

export interface YumLayout {
  /** Prefix of every path written (`rpm/` or `<path>/rpm/`). */
  base: string;
}

/** One package's three XML fragments, keyed by its sha256 (the pkgid). */
export interface YumEntry {
  pkgid: string;
  key: string;
  primary: string;
  filelists: string;
  other: string;
}

export interface YumState {
  entries: YumEntry[];
}

const NS = {
  common: 'http://linux.duke.edu/metadata/common',
  rpm: 'http://linux.duke.edu/metadata/rpm',
  filelists: 'http://linux.duke.edu/metadata/filelists',
  other: 'http://linux.duke.edu/metadata/other',
  repo: 'http://linux.duke.edu/metadata/repo',
};

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** name-version-release.arch: what identifies a package in the index (a re-publish replaces it). */
const nevra = (f: RpmFacts) => `${f.name}-${f.version}-${f.release}.${f.arch}`;

/**
 * The repository keeps an uncompressed copy of each metadata file beside the `.gz` that
 * `repomd.xml` points at: git reads it back as text on the next release, which appends to it.
 */
const PLAIN = ['primary', 'filelists', 'other'] as const;

function entryFor(pkg: BuiltPackage, f: RpmFacts, href: string): YumEntry {
  const pkgid = pkg.sha256;
  const ver = `<version epoch="0" ver="${xml(f.version)}" rel="${xml(f.release)}"/>`;
  const entry = (e: { name: string; flags?: string; epoch?: string; version?: string; release?: string }) =>
    `      <rpm:entry name="${xml(e.name)}"${e.flags ? ` flags="${e.flags}" epoch="${e.epoch ?? '0'}" ver="${xml(e.version ?? '')}"${e.release ? ` rel="${xml(e.release)}"` : ''}` : ''}/>`;
  const primary = [
    '<package type="rpm">',
    `  <name>${xml(f.name)}</name>`,
    `  <arch>${f.arch}</arch>`,
    `  ${ver}`,
    `  <checksum type="sha256" pkgid="YES">${pkgid}</checksum>`,
    `  <summary>${xml(f.summary)}</summary>`,
    `  <description>${xml(f.description)}</description>`,
    `  <packager>${xml(f.packager)}</packager>`,
    `  <url>${xml(f.url ?? '')}</url>`,
    `  <time file="${f.buildTime}" build="${f.buildTime}"/>`,
    `  <size package="${pkg.data.length}" installed="${f.installedSize}" archive="${f.archiveSize}"/>`,
    `  <location href="${xml(href)}"/>`,
    '  <format>',
    `    <rpm:license>${xml(f.license ?? '')}</rpm:license>`,
    '    <rpm:vendor></rpm:vendor>',
    `    <rpm:group>${xml(f.group)}</rpm:group>`,
    '    <rpm:buildhost>deployforge</rpm:buildhost>',
    `    <rpm:sourcerpm>${xml(`${f.name}-${f.version}-${f.release}.src.rpm`)}</rpm:sourcerpm>`,
    `    <rpm:header-range start="${f.headerStart}" end="${f.headerEnd}"/>`,
    '    <rpm:provides>',
    ...f.provides.map(entry),
    '    </rpm:provides>',
    ...(f.requires.length ? ['    <rpm:requires>', ...f.requires.map(entry), '    </rpm:requires>'] : []),
    // primary lists the files under /usr/bin (and /etc) only, like createrepo_c; filelists has all.
    ...f.files.filter((x) => !x.dir && /^(\/etc\/|\/usr\/bin\/|\/usr\/sbin\/|\/bin\/|\/sbin\/)/.test(x.path)).map((x) => `    <file>${xml(x.path)}</file>`),
    '  </format>',
    '</package>',
  ].join('\n');
  const filelists = [
    `<package pkgid="${pkgid}" name="${xml(f.name)}" arch="${f.arch}">`,
    `  ${ver}`,
    ...f.files.map((x) => `  <file${x.dir ? ' type="dir"' : ''}>${xml(x.path)}</file>`),
    '</package>',
  ].join('\n');
  const other = [
    `<package pkgid="${pkgid}" name="${xml(f.name)}" arch="${f.arch}">`,
    `  ${ver}`,
    `  <changelog author="${xml(f.changelog.author)}" date="${f.changelog.date}">${xml(f.changelog.text)}</changelog>`,
    '</package>',
  ].join('\n');
  return { pkgid, key: nevra(f), primary, filelists, other };
}

/** Splits a metadata file back into its `<package …>…</package>` blocks, in order. */
function blocks(text: string | undefined): string[] {
  return text ? [...text.matchAll(/<package[ >][\s\S]*?\n<\/package>/g)].map((m) => m[0]) : [];
}

export async function readYumState(snapshot: RemoteSnapshot, layout: YumLayout): Promise<YumState> {
  const [primary, filelists, other] = await Promise.all(PLAIN.map((k) => snapshot.read(`${layout.base}repodata/${k}.xml`)));
  const p = blocks(primary);
  const fl = new Map(blocks(filelists).map((b) => [/pkgid="([0-9a-f]+)"/.exec(b)?.[1], b]));
  const ot = new Map(blocks(other).map((b) => [/pkgid="([0-9a-f]+)"/.exec(b)?.[1], b]));
  const entries = p.map((block) => {
    const pkgid = /pkgid="YES">([0-9a-f]+)</.exec(block)?.[1] ?? '';
    const name = /<name>([^<]*)<\/name>/.exec(block)?.[1] ?? '';
    const arch = /<arch>([^<]*)<\/arch>/.exec(block)?.[1] ?? '';
    const v = /<version epoch="\d+" ver="([^"]*)" rel="([^"]*)"\/>/.exec(block);
    return { pkgid, key: `${name}-${v?.[1]}-${v?.[2]}.${arch}`, primary: block, filelists: fl.get(pkgid) ?? '', other: ot.get(pkgid) ?? '' };
  });
  return { entries };
}

/** The index's entry for this package's name-version-release.arch, if it lists it. */
export function listedEntry(state: YumState, facts: RpmFacts): YumEntry | undefined {
  return state.entries.find((e) => e.key === nevra(facts));
}

/**
 * The yum repository after adding `rpms`: the packages at the root of `rpm/`, and `repodata/`
 * with primary, filelists and other (gzip'd, as createrepo_c writes them, plus the plain copies
 * we merge from) and `repomd.xml` with its detached signature `repomd.xml.asc`.
 */
export async function yumFiles(options: {
  layout: YumLayout;
  state: YumState;
  rpms: { pkg: BuiltPackage; facts: RpmFacts }[];
  signer: RepositorySigner;
  now: Date;
}): Promise<RenderedFile[]> {
  const { layout, state, rpms, signer } = options;
  const out: RenderedFile[] = [];
  const fresh = rpms.map(({ pkg, facts }) => {
    out.push({ path: pkg.fileName, contents: pkg.data });
    return entryFor(pkg, facts, pkg.fileName);
  });
  const replaced = new Set(fresh.map((e) => e.key));
  const all = [...state.entries.filter((e) => !replaced.has(e.key)), ...fresh];
  const docs = {
    primary: `<?xml version="1.0" encoding="UTF-8"?>\n<metadata xmlns="${NS.common}" xmlns:rpm="${NS.rpm}" packages="${all.length}">\n${all.map((e) => e.primary).join('\n')}\n</metadata>\n`,
    filelists: `<?xml version="1.0" encoding="UTF-8"?>\n<filelists xmlns="${NS.filelists}" packages="${all.length}">\n${all.map((e) => e.filelists).join('\n')}\n</filelists>\n`,
    other: `<?xml version="1.0" encoding="UTF-8"?>\n<otherdata xmlns="${NS.other}" packages="${all.length}">\n${all.map((e) => e.other).join('\n')}\n</otherdata>\n`,
  };
  const timestamp = Math.floor(options.now.getTime() / 1000);
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  const data = PLAIN.map((kind) => {
    const plain = Buffer.from(docs[kind]);
    const gz = gzipSync(plain, { level: 9 });
    out.push({ path: `repodata/${kind}.xml`, contents: plain }, { path: `repodata/${kind}.xml.gz`, contents: gz });
    return [
      `  <data type="${kind}">`,
      `    <checksum type="sha256">${sha(gz)}</checksum>`,
      `    <open-checksum type="sha256">${sha(plain)}</open-checksum>`,
      `    <location href="repodata/${kind}.xml.gz"/>`,
      `    <timestamp>${timestamp}</timestamp>`,
      `    <size>${gz.length}</size>`,
      `    <open-size>${plain.length}</open-size>`,
      '  </data>',
    ].join('\n');
  });
  const repomd = `<?xml version="1.0" encoding="UTF-8"?>\n<repomd xmlns="${NS.repo}" xmlns:rpm="${NS.rpm}">\n  <revision>${timestamp}</revision>\n${data.join('\n')}\n</repomd>\n`;
  out.push({ path: 'repodata/repomd.xml', contents: repomd });
  out.push({ path: 'repodata/repomd.xml.asc', contents: await signer.detach(Buffer.from(repomd)) });
  return out.map((f) => ({ ...f, path: `${layout.base}${f.path}` }));
}
