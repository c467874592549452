import type { ServerResponse } from 'node:http';
import { latestVersion } from './pep440-order.js';
import { liveFiles, type PypiFakeState, type StoredFile } from './state.js';

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

/** A file as the JSON API lists it under `urls` and `releases`. */
function fileEntry(base: string, f: StoredFile) {
  return {
    comment_text: '',
    digests: { blake2b_256: f.blake2b256, md5: f.md5, sha256: f.sha256 },
    downloads: -1,
    filename: f.filename,
    has_sig: false,
    md5_digest: f.md5,
    packagetype: 'bdist_wheel',
    python_version: 'py3',
    requires_python: null,
    size: f.size,
    upload_time: f.uploadTime.slice(0, 19),
    upload_time_iso_8601: f.uploadTime,
    url: `${base}/files/${f.filename}`,
    yanked: false,
    yanked_reason: null,
  };
}

function info(base: string, project: string, version: string, files: StoredFile[]) {
  const meta = files[0]?.metadata ?? {};
  return {
    name: meta.name ?? project,
    version,
    summary: meta.summary ?? null,
    license: meta.license ?? null,
    home_page: meta.home_page ?? null,
    description: meta.description ?? '',
    description_content_type: meta.description_content_type ?? null,
    package_url: `${base}/project/${project}/`,
    project_url: `${base}/project/${project}/`,
    release_url: `${base}/project/${project}/${version}/`,
    yanked: false,
  };
}

/** `GET /pypi/<project>/json` and `GET /pypi/<project>/<version>/json`; 404 `{"message": "Not Found"}`. */
export function serveJsonApi(state: PypiFakeState, base: string, res: ServerResponse, project: string, version?: string): void {
  const files = liveFiles(state, project);
  const versions = [...new Set(files.map((f) => f.version))];
  if (version !== undefined) {
    const own = files.filter((f) => f.version === version);
    if (own.length === 0) return json(res, 404, { message: 'Not Found' });
    return json(res, 200, { info: info(base, project, version, own), last_serial: state.files.size, urls: own.map((f) => fileEntry(base, f)), vulnerabilities: [] });
  }
  const latest = latestVersion(versions);
  if (!latest) return json(res, 404, { message: 'Not Found' });
  const releases = Object.fromEntries(versions.map((v) => [v, files.filter((f) => f.version === v).map((f) => fileEntry(base, f))]));
  return json(res, 200, {
    info: info(base, project, latest, files.filter((f) => f.version === latest)),
    last_serial: state.files.size,
    releases,
    urls: files.filter((f) => f.version === latest).map((f) => fileEntry(base, f)),
    vulnerabilities: [],
  });
}
