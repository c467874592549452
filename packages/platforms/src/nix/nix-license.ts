/**
 * SPDX id → attribute of nixpkgs' `lib.licenses` (their names differ: Apache-2.0 is `asl20`).
 * Ids not listed fall back to `lib.getLicenseFromSpdxId`, which nixpkgs resolves from its own
 * table at evaluation time (and warns, rather than fails, for unknown ones).
 */
const SPDX_TO_NIX: Record<string, string> = {
  '0BSD': 'bsd0',
  'AGPL-3.0-only': 'agpl3Only',
  'AGPL-3.0-or-later': 'agpl3Plus',
  'Apache-2.0': 'asl20',
  'BSD-2-Clause': 'bsd2',
  'BSD-3-Clause': 'bsd3',
  'BSL-1.0': 'boost',
  'CC0-1.0': 'cc0',
  'EPL-2.0': 'epl20',
  'GPL-2.0-only': 'gpl2Only',
  'GPL-2.0-or-later': 'gpl2Plus',
  'GPL-3.0-only': 'gpl3Only',
  'GPL-3.0-or-later': 'gpl3Plus',
  ISC: 'isc',
  'LGPL-2.1-only': 'lgpl21Only',
  'LGPL-2.1-or-later': 'lgpl21Plus',
  'LGPL-3.0-only': 'lgpl3Only',
  'LGPL-3.0-or-later': 'lgpl3Plus',
  MIT: 'mit',
  'MPL-2.0': 'mpl20',
  Unlicense: 'unlicense',
  Zlib: 'zlib',
};

function one(id: string): string {
  const attr = SPDX_TO_NIX[id];
  if (attr) return `lib.licenses.${attr}`;
  const lower = id.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (!/^[a-z]/.test(lower)) return `(lib.getLicenseFromSpdxId ${JSON.stringify(id)})`;
  return `(lib.licenses.${lower} or (lib.getLicenseFromSpdxId ${JSON.stringify(id)}))`;
}

/** `meta.license`: one license, or a list for `A OR B` / `A AND B` expressions. */
export function nixLicense(spdx: string): string {
  const ids = spdx.replace(/[()]/g, ' ').split(/\s+(?:OR|AND|WITH)\s+/).map((s) => s.trim()).filter(Boolean);
  return ids.length === 1 ? one(ids[0]!) : `[ ${ids.map(one).join(' ')} ]`;
}
