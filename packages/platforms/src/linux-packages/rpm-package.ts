import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { gzipPayload, PAYLOAD_GZIP_LEVEL } from './payload-compression.js';
import { writeCpio } from './cpio-writer.js';
import { libcDepends } from './libc-dependency.js';
import type { BuiltPackage } from './deb-package.js';
import type { Payload } from './package-payload.js';
import type { PackageSettings } from './package-settings.js';
import { bin, i18n, int16, int32, str, strs, writeRpmHeader, writeRpmLead, type RpmValue } from './rpm-header.js';
import type { RpmFacts } from './yum-repository.js';

/** Tag numbers from rpm's rpmtag.h (facts of the format). */
const TAG = {
  HEADERI18NTABLE: 100, SIG_SHA1: 269, SIG_SHA256: 273, SIG_SIZE: 1000, SIG_MD5: 1004, SIG_PAYLOADSIZE: 1007,
  NAME: 1000, VERSION: 1001, RELEASE: 1002, SUMMARY: 1004, DESCRIPTION: 1005, BUILDTIME: 1006, BUILDHOST: 1007,
  SIZE: 1009, LICENSE: 1014, PACKAGER: 1015, GROUP: 1016, URL: 1020, OS: 1021, ARCH: 1022,
  FILESIZES: 1028, FILEMODES: 1030, FILERDEVS: 1033, FILEMTIMES: 1034, FILEDIGESTS: 1035, FILELINKTOS: 1036,
  FILEFLAGS: 1037, FILEUSERNAME: 1039, FILEGROUPNAME: 1040, SOURCERPM: 1044, ARCHIVESIZE: 1046,
  PROVIDENAME: 1047, REQUIREFLAGS: 1048, REQUIRENAME: 1049, REQUIREVERSION: 1050, RPMVERSION: 1064,
  CHANGELOGTIME: 1080, CHANGELOGNAME: 1081, CHANGELOGTEXT: 1082,
  FILEDEVICES: 1095, FILEINODES: 1096, FILELANGS: 1097, PROVIDEFLAGS: 1112, PROVIDEVERSION: 1113,
  DIRINDEXES: 1116, BASENAMES: 1117, DIRNAMES: 1118,
  PAYLOADFORMAT: 1124, PAYLOADCOMPRESSOR: 1125, PAYLOADFLAGS: 1126,
  FILEDIGESTALGO: 5011, PAYLOADDIGEST: 5092, PAYLOADDIGESTALGO: 5093,
} as const;

const SENSE = { LESS: 2, GREATER: 4, EQUAL: 8, RPMLIB: 1 << 24 };
const SHA256_ALGO = 8;
/** rpmlint reports a missing or `Unspecified` group as an error, though Fedora no longer uses groups. */
const GROUP = 'Applications/System';

/** Features of rpm itself the package relies on, as rpmbuild records them. */
const RPMLIB = [
  ['rpmlib(CompressedFileNames)', '3.0.4-1'],
  ['rpmlib(FileDigests)', '4.6.0-1'],
  ['rpmlib(PayloadFilesHavePrefix)', '4.0-1'],
  ['rpmlib(TildeInVersions)', '4.10.0-1'],
] as const;

export function rpmFileName(settings: PackageSettings, arch: string): string {
  const { version, release } = settings.versions.rpm;
  return `${settings.name}-${version}-${release}.${arch}.rpm`;
}

/** `glibc >= 2.31` → name, flags, version. */
function parseDependency(text: string): { name: string; flags: number; version: string } {
  const m = /^(\S+)(?: (<=|>=|<|>|=) (\S+))?$/.exec(text.trim());
  if (!m) return { name: text.trim(), flags: 0, version: '' };
  const op = m[2] ?? '';
  const flags = (op.includes('<') ? SENSE.LESS : 0) | (op.includes('>') ? SENSE.GREATER : 0) | (op.includes('=') ? SENSE.EQUAL : 0);
  return { name: m[1]!, flags, version: m[3] ?? '' };
}

const FLAG_NAMES: Record<number, string> = { 2: 'LT', 4: 'GT', 8: 'EQ', 10: 'LE', 12: 'GE' };

/** What `rpm -qip` shows (without sizes): the built package's summary beside its bytes. */
export function rpmSummary(settings: PackageSettings, arch: string): string {
  const { version, release } = settings.versions.rpm;
  return [
    `Name        : ${settings.name}`,
    `Version     : ${version}`,
    `Release     : ${release}`,
    `Architecture: ${arch}`,
    `License     : ${settings.license ?? 'unknown'}`,
    `Packager    : ${settings.maintainer}`,
    ...(settings.homepage ? [`URL         : ${settings.homepage}`] : []),
    `Summary     : ${settings.summary}`,
    'Description :',
    settings.description,
    '',
  ].join('\n');
}

/**
 * Builds the .rpm: lead, signature header (sizes and digests; no OpenPGP signature: the release's
 * signed SHA256SUMS vouches for the file, and the yum spoke signs its repomd.xml), main header,
 * gzip'd cpio.
 */
export function buildRpm(settings: PackageSettings, arch: string, payload: Payload): BuiltPackage {
  const { version, release } = settings.versions.rpm;
  const mtime = payload.mtime;
  const files = [...payload.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const dirs = [...new Set(files.map((f) => `${posix.dirname(f.path)}/`))];
  const cpio = writeCpio(files.map((f, i) => ({ name: `.${f.path}`, data: f.data, mode: 0o100000 | f.mode, mtime, ino: i + 1 })));
  const compressed = gzipPayload(cpio);
  const installed = files.reduce((n, f) => n + f.data.length, 0);
  const deps = libcDepends('rpm', payload, `/usr/bin/${settings.binary}`).map(parseDependency);
  const requires = [...deps, ...RPMLIB.map(([name, v]) => ({ name, flags: SENSE.RPMLIB | SENSE.LESS | SENSE.EQUAL, version: v }))];
  const evr = `${version}-${release}`;
  const rpmArchTag = arch === 'x86_64' ? 'x86-64' : arch;
  const provides = [
    { name: settings.name, flags: SENSE.EQUAL, version: evr },
    { name: `${settings.name}(${rpmArchTag})`, flags: SENSE.EQUAL, version: evr },
  ];
  const author = settings.maintainer;
  const changelogText = `- Release ${settings.version}, packaged from the release archives by DeployForge.`;

  const main = new Map<number, RpmValue>([
    [TAG.HEADERI18NTABLE, strs(['C'])],
    [TAG.NAME, str(settings.name)],
    [TAG.VERSION, str(version)],
    [TAG.RELEASE, str(release)],
    [TAG.SUMMARY, i18n(settings.summary)],
    [TAG.DESCRIPTION, i18n(settings.description)],
    [TAG.BUILDTIME, int32(mtime)],
    [TAG.BUILDHOST, str('deployforge')],
    [TAG.SIZE, int32(installed)],
    [TAG.LICENSE, str(settings.license ?? 'unknown')],
    [TAG.PACKAGER, str(settings.maintainer)],
    [TAG.GROUP, i18n(GROUP)],
    ...(settings.homepage ? [[TAG.URL, str(settings.homepage)] as [number, RpmValue]] : []),
    [TAG.OS, str('linux')],
    [TAG.ARCH, str(arch)],
    [TAG.FILESIZES, int32(...files.map((f) => f.data.length))],
    [TAG.FILEMODES, int16(...files.map((f) => 0o100000 | f.mode))],
    [TAG.FILERDEVS, int16(...files.map(() => 0))],
    [TAG.FILEMTIMES, int32(...files.map(() => mtime))],
    [TAG.FILEDIGESTS, strs(files.map((f) => createHash('sha256').update(f.data).digest('hex')))],
    [TAG.FILELINKTOS, strs(files.map(() => ''))],
    [TAG.FILEFLAGS, int32(...files.map(() => 0))],
    [TAG.FILEUSERNAME, strs(files.map(() => 'root'))],
    [TAG.FILEGROUPNAME, strs(files.map(() => 'root'))],
    // rpm tells binary from source packages by this tag's presence.
    [TAG.SOURCERPM, str(`${settings.name}-${evr}.src.rpm`)],
    [TAG.PROVIDENAME, strs(provides.map((p) => p.name))],
    [TAG.PROVIDEFLAGS, int32(...provides.map((p) => p.flags))],
    [TAG.PROVIDEVERSION, strs(provides.map((p) => p.version))],
    [TAG.REQUIRENAME, strs(requires.map((r) => r.name))],
    [TAG.REQUIREFLAGS, int32(...requires.map((r) => r.flags))],
    [TAG.REQUIREVERSION, strs(requires.map((r) => r.version))],
    [TAG.RPMVERSION, str('4.18.0')],
    [TAG.CHANGELOGTIME, int32(mtime)],
    [TAG.CHANGELOGNAME, strs([`${author} - ${evr}`])],
    [TAG.CHANGELOGTEXT, strs([changelogText])],
    [TAG.FILEDEVICES, int32(...files.map(() => 1))],
    [TAG.FILEINODES, int32(...files.map((_, i) => i + 1))],
    [TAG.FILELANGS, strs(files.map(() => ''))],
    [TAG.DIRINDEXES, int32(...files.map((f) => dirs.indexOf(`${posix.dirname(f.path)}/`)))],
    [TAG.BASENAMES, strs(files.map((f) => posix.basename(f.path)))],
    [TAG.DIRNAMES, strs(dirs)],
    [TAG.PAYLOADFORMAT, str('cpio')],
    [TAG.PAYLOADCOMPRESSOR, str('gzip')],
    [TAG.PAYLOADFLAGS, str(String(PAYLOAD_GZIP_LEVEL))],
    [TAG.FILEDIGESTALGO, int32(SHA256_ALGO)],
    [TAG.PAYLOADDIGEST, strs([createHash('sha256').update(compressed).digest('hex')])],
    [TAG.PAYLOADDIGESTALGO, int32(SHA256_ALGO)],
  ]);
  const header = writeRpmHeader(63, main);
  const signature = writeRpmHeader(62, new Map<number, RpmValue>([
    [TAG.SIG_SHA1, str(createHash('sha1').update(header).digest('hex'))],
    [TAG.SIG_SHA256, str(createHash('sha256').update(header).digest('hex'))],
    [TAG.SIG_SIZE, int32(header.length + compressed.length)],
    [TAG.SIG_MD5, bin(createHash('md5').update(header).update(compressed).digest())],
    [TAG.SIG_PAYLOADSIZE, int32(cpio.length)],
  ]));
  const sigPad = Buffer.alloc((8 - (signature.length % 8)) % 8);
  const lead = writeRpmLead(`${settings.name}-${evr}`, arch);
  const data = Buffer.concat([lead, signature, sigPad, header, compressed]);
  const headerStart = lead.length + signature.length + sigPad.length;
  const facts: RpmFacts = {
    name: settings.name, arch, version, release,
    summary: settings.summary, description: settings.description, packager: settings.maintainer,
    ...(settings.homepage ? { url: settings.homepage } : {}),
    ...(settings.license ? { license: settings.license } : {}),
    group: GROUP, buildTime: mtime, installedSize: installed, archiveSize: cpio.length,
    headerStart, headerEnd: headerStart + header.length,
    requires: deps.map((d) => ({ name: d.name, ...(d.flags ? { flags: FLAG_NAMES[d.flags] ?? 'EQ', version: d.version } : {}) })),
    provides: provides.map((p) => {
      const [ver, rel] = [version, release];
      return { name: p.name, flags: 'EQ', epoch: '0', version: ver, release: rel };
    }),
    files: files.map((f) => ({ path: f.path, dir: false })),
    changelog: { author: `${author} - ${evr}`, date: mtime, text: changelogText },
  };
  return { fileName: rpmFileName(settings, arch), data, sha256: createHash('sha256').update(data).digest('hex'), control: rpmSummary(settings, arch), rpm: facts };
}
