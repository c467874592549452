import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const LICENSE_FILES = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'LICENCE', 'COPYING'];

/**
 * The SPDX id of the repository's license file, for manifests that cannot say it (go.mod) or did
 * not. Only the unambiguous headings are recognized; anything else stays undefined rather than
 * putting a wrong license into packages.
 */
export async function sniffLicenseFile(cwd: string): Promise<string | undefined> {
  for (const file of LICENSE_FILES) {
    let text: string;
    try {
      text = await readFile(join(cwd, file), 'utf8');
    } catch {
      continue;
    }
    return spdxFromLicenseText(text);
  }
  return undefined;
}

export function spdxFromLicenseText(text: string): string | undefined {
  const head = text.slice(0, 2000).replace(/\s+/g, ' ');
  if (/^\s*(?:The )?MIT License/i.test(head) || /Permission is hereby granted, free of charge/i.test(head)) return 'MIT';
  if (/Apache License,? Version 2\.0/i.test(head)) return 'Apache-2.0';
  if (/Mozilla Public License,? (?:Version|v\.?) ?2\.0/i.test(head)) return 'MPL-2.0';
  if (/GNU AFFERO GENERAL PUBLIC LICENSE Version 3/i.test(head)) return 'AGPL-3.0-only';
  if (/GNU LESSER GENERAL PUBLIC LICENSE Version 3/i.test(head)) return 'LGPL-3.0-only';
  if (/GNU GENERAL PUBLIC LICENSE Version 3/i.test(head)) return 'GPL-3.0-only';
  if (/GNU GENERAL PUBLIC LICENSE Version 2/i.test(head)) return 'GPL-2.0-only';
  if (/^\s*ISC License/i.test(head)) return 'ISC';
  if (/This is free and unencumbered software released into the public domain/i.test(head)) return 'Unlicense';
  return undefined;
}
