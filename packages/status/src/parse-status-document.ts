import { ConfigurationError, describeValue, errorMessage } from '@deployforge/diagnostics';
import { SPOKE_STATUSES, type SpokeStatus } from '@deployforge/catalog';
import type { StatusDocument } from './status-document.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Read a status.json (CONTRACT.md) and check the fields every view relies on. A bad file is a
 * ConfigurationError naming the file and the key, so `deployforge dashboard` exits 2 saying which
 * of several files is wrong. Unknown keys are kept: the format is additive.
 */
export function parseStatusDocument(text: string, file: string): StatusDocument {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ConfigurationError(`${file}: not a status.json: ${errorMessage(error)}`);
  }
  const problems: string[] = [];
  // A key absent from the file is said to be missing: "got undefined" reads as JavaScript, not as the file.
  const need = (ok: boolean, path: string, expected: string, got: unknown) => {
    if (!ok) problems.push(`${path}: expected ${expected}, ${got === undefined ? 'but the key is missing' : `got ${describeValue(got)}`}`);
  };
  const isStatus = (s: unknown) => SPOKE_STATUSES.includes(s as SpokeStatus);
  if (!isRecord(data)) throw new ConfigurationError(`${file}: not a status.json: expected a JSON object, got ${describeValue(data)}`);

  for (const key of ['project', 'version', 'generated-at'] as const) need(typeof data[key] === 'string' && data[key] !== '', key, 'a non-empty string', data[key]);
  if (typeof data['generated-at'] === 'string' && Number.isNaN(Date.parse(data['generated-at']))) problems.push(`generated-at: expected an ISO date, got ${describeValue(data['generated-at'])}`);
  need(isRecord(data.platforms), 'platforms', 'a mapping of platform to status', data.platforms);
  if (isRecord(data.platforms)) {
    for (const [key, p] of Object.entries(data.platforms)) {
      if (!isRecord(p)) {
        need(false, `platforms.${key}`, 'a mapping', p);
        continue;
      }
      need(isStatus(p.status), `platforms.${key}.status`, SPOKE_STATUSES.join(' | '), p.status);
      need(typeof p.version === 'string', `platforms.${key}.version`, 'a string', p.version);
      need(typeof p['duration-ms'] === 'number', `platforms.${key}.duration-ms`, 'a number', p['duration-ms']);
      need(typeof p.required === 'boolean', `platforms.${key}.required`, 'true or false', p.required);
      need(typeof p.detail === 'string', `platforms.${key}.detail`, 'a string', p.detail);
      need(p.url === undefined || typeof p.url === 'string', `platforms.${key}.url`, 'a string', p.url);
      need(p.downloads === undefined || typeof p.downloads === 'number', `platforms.${key}.downloads`, 'a number', p.downloads);
    }
  }
  if (data.release !== undefined) {
    const r = data.release;
    need(isRecord(r), 'release', 'a mapping', r);
    if (isRecord(r)) {
      need(isStatus(r.status), 'release.status', SPOKE_STATUSES.join(' | '), r.status);
      need(typeof r.tag === 'string', 'release.tag', 'a string', r.tag);
      need(typeof r.detail === 'string', 'release.detail', 'a string', r.detail);
      need(Array.isArray(r.assets), 'release.assets', 'a list', r.assets);
      for (const key of ['checksums', 'sbom', 'attestations', 'signatures', 'gpg-signature', 'sigstore-signature'] as const) {
        need(r[key] === undefined || typeof r[key] === 'boolean', `release.${key}`, 'true or false', r[key]);
      }
      if (Array.isArray(r.assets)) {
        r.assets.forEach((a: unknown, i) => {
          const ok = isRecord(a) && typeof a.name === 'string' && typeof a.size === 'number' && typeof a.sha256 === 'string' && typeof a.url === 'string';
          need(ok, `release.assets[${i}]`, '{name, size, sha256, url}', a);
        });
      }
    }
  }
  if (problems.length > 0) throw new ConfigurationError(`${file}: not a valid status.json:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return data as unknown as StatusDocument;
}
