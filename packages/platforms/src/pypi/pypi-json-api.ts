import type { Logger } from '@deployforge/diagnostics';
import { fetchWithRetries } from '../fetch-with-retries.js';
import { normalizeProjectName } from './pypi-names.js';

/** One file of a release as the PyPI JSON API lists it (`urls[]`). */
export interface PypiFile {
  filename: string;
  sha256: string;
  url?: string;
  yanked?: boolean;
}

export interface PypiRelease {
  /** Absent when the project or the version does not exist (404). */
  files?: PypiFile[];
  url: string;
}

async function getJson(url: string, signal?: AbortSignal, log?: Logger): Promise<{ status: number; body?: unknown }> {
  const response = await fetchWithRetries(url, { headers: { accept: 'application/json', 'user-agent': 'deployforge' } }, {
    ...(signal ? { signal } : {}),
    ...(log ? { log } : {}),
  });
  if (response.status === 404) {
    await response.body?.cancel();
    return { status: 404 };
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(`GET ${url} answered ${response.status} ${response.statusText}`);
  }
  return { status: response.status, body: await response.json() };
}

function filesOf(body: unknown): PypiFile[] {
  const urls = (body as { urls?: unknown }).urls;
  if (!Array.isArray(urls)) throw new Error('the PyPI JSON API answer has no urls list');
  return urls.map((u: { filename?: unknown; digests?: { sha256?: unknown }; url?: unknown; yanked?: unknown }) => {
    if (typeof u.filename !== 'string' || typeof u.digests?.sha256 !== 'string') {
      throw new Error('the PyPI JSON API answer lists a file without filename or sha256');
    }
    return {
      filename: u.filename,
      sha256: u.digests.sha256.toLowerCase(),
      ...(typeof u.url === 'string' ? { url: u.url } : {}),
      ...(u.yanked === true ? { yanked: true } : {}),
    };
  });
}

/** `GET <index>/pypi/<name>/<version>/json`: the files of one release, or none on 404. */
export async function fetchReleaseFiles(index: string, name: string, version: string, signal?: AbortSignal, log?: Logger): Promise<PypiRelease> {
  const project = encodeURIComponent(normalizeProjectName(name));
  const url = `${index}pypi/${project}/${encodeURIComponent(version)}/json`;
  const answer = await getJson(url, signal, log);
  return { url: `${index}project/${project}/${encodeURIComponent(version)}/`, ...(answer.body !== undefined ? { files: filesOf(answer.body) } : {}) };
}

/** `GET <index>/pypi/<name>/json`: `info.version`, the version PyPI calls latest. */
export async function fetchLatestVersion(index: string, name: string, signal?: AbortSignal, log?: Logger): Promise<{ latest?: string; url: string }> {
  const project = encodeURIComponent(normalizeProjectName(name));
  const answer = await getJson(`${index}pypi/${project}/json`, signal, log);
  const url = `${index}project/${project}/`;
  if (answer.body === undefined) return { url };
  const latest = (answer.body as { info?: { version?: unknown } }).info?.version;
  if (typeof latest !== 'string') throw new Error('the PyPI JSON API answer has no info.version');
  return { latest, url };
}
