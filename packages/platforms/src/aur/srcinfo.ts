import type { AurPackage } from './aur-package.js';

/**
 * `.SRCINFO` exactly as `makepkg --printsrcinfo` writes it (libmakepkg srcinfo.sh): a `pkgbase`
 * section with single-valued fields (pkgdesc, pkgver, pkgrel, url) then the arrays in makepkg's
 * fixed order (arch, license, provides, conflicts, options…), then per architecture in `arch`
 * order its `source_<arch>` and checksum arrays; each field tab-indented as `key = value`, each
 * section separated from the next by an empty line, and no empty line after the last one (makepkg
 * 6.0.2 ends the file right after `pkgname = …`). The AUR reads only this file, never the PKGBUILD, so
 * any drift between the two shows users a wrong version.
 */
export function renderSrcinfo(p: AurPackage): string {
  const out: string[] = [`pkgbase = ${p.pkgname}`];
  const field = (key: string, value: string): void => {
    // makepkg squeezes runs of whitespace and trims: do the same so the files compare equal.
    out.push(`\t${key} = ${value.replace(/\s+/g, ' ').trim()}`);
  };
  field('pkgdesc', p.pkgdesc);
  field('pkgver', p.pkgver);
  field('pkgrel', String(p.pkgrel));
  if (p.url) field('url', p.url);
  for (const s of p.sources) field('arch', s.arch);
  if (p.license) field('license', p.license);
  field('provides', p.provides);
  field('conflicts', p.provides);
  field('options', '!strip');
  field('options', '!debug');
  for (const s of p.sources) {
    field(`source_${s.arch}`, `${s.file}::${s.url}`);
    field(`sha256sums_${s.arch}`, s.sha256);
  }
  out.push('', `pkgname = ${p.pkgname}`);
  return `${out.join('\n')}\n`;
}

export interface SrcinfoSection {
  kind: 'pkgbase' | 'pkgname';
  name: string;
  fields: [key: string, value: string][];
}

/** Reads a `.SRCINFO` into its sections, keeping field order (what "field for field" compares). */
export function parseSrcinfo(text: string): SrcinfoSection[] {
  const sections: SrcinfoSection[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const m = /^\s*([A-Za-z0-9_]+) = (.*)$/.exec(line);
    if (!m) throw new Error(`.SRCINFO: cannot read line ${JSON.stringify(line)}`);
    const [, key, value] = m as unknown as [string, string, string];
    if (!/^\s/.test(line) && (key === 'pkgbase' || key === 'pkgname')) {
      sections.push({ kind: key, name: value, fields: [] });
      continue;
    }
    const current = sections.at(-1);
    if (!current) throw new Error(`.SRCINFO: field ${key} before any pkgbase section`);
    current.fields.push([key, value]);
  }
  return sections;
}

/** The first value of a field of the pkgbase section. */
export function srcinfoValue(sections: readonly SrcinfoSection[], key: string): string | undefined {
  return sections.find((s) => s.kind === 'pkgbase')?.fields.find(([k]) => k === key)?.[1];
}

/** Every value of the pkgbase fields whose key matches (e.g. all `sha256sums_*`), as `key=value`. */
export function srcinfoValues(sections: readonly SrcinfoSection[], keyPattern: RegExp): string[] {
  const base = sections.find((s) => s.kind === 'pkgbase');
  return (base?.fields ?? []).filter(([k]) => keyPattern.test(k)).map(([k, v]) => `${k}=${v}`);
}
