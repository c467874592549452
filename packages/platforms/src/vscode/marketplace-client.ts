import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { ExtensionManifest } from './extension-manifest.js';

/** Gallery API flags: IncludeVersions | IncludeFiles | IncludeVersionProperties. */
const QUERY_FLAGS = 0x1 | 0x2 | 0x10;
/** FilterType.ExtensionName: the full `publisher.name`. */
const FILTER_EXTENSION_NAME = 7;
const PUBLIC_API_VERSION = '3.0-preview.1';
const PUBLISH_API_VERSION = '7.1-preview.2';

export interface MarketplaceExtension {
  versions: string[];
}

/**
 * The public extension query (what VS Code's own gallery client calls): POST
 * `/_apis/public/gallery/extensionquery` with one filter on the full extension name. Undefined
 * when the Marketplace does not know the extension at all.
 */
export async function queryMarketplace(base: string, id: string, signal?: AbortSignal): Promise<MarketplaceExtension | undefined> {
  const response = await fetch(`${base}/_apis/public/gallery/extensionquery`, {
    method: 'POST',
    headers: { accept: `application/json;api-version=${PUBLIC_API_VERSION}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      filters: [{ criteria: [{ filterType: FILTER_EXTENSION_NAME, value: id }], pageNumber: 1, pageSize: 1, sortBy: 0, sortOrder: 0 }],
      assetTypes: [],
      flags: QUERY_FLAGS,
    }),
    ...(signal ? { signal } : {}),
  });
  if (!response.ok) throw new Error(`the Marketplace extension query answered HTTP ${response.status}`);
  const body = (await response.json()) as { results?: { extensions?: { versions?: { version?: unknown }[] }[] }[] };
  const extension = body.results?.[0]?.extensions?.[0];
  if (!extension) return undefined;
  return { versions: (extension.versions ?? []).map((v) => String(v.version)) };
}

export type MarketplacePublishAnswer =
  | { kind: 'published' }
  | { kind: 'duplicate'; message: string }
  | { kind: 'unauthorized'; message: string }
  | { kind: 'failed'; message: string };

/**
 * Uploads the .vsix the way the gallery API takes it (what vsce does through azure-devops-node-api):
 * POST `/_apis/gallery/extensions` for a new extension, PUT
 * `/_apis/gallery/publishers/<publisher>/extensions/<name>` for a new version, the package as the
 * raw body, the PAT as Basic credentials. The file streams from disk.
 */
export async function publishToMarketplace(options: {
  base: string;
  pat: string;
  vsix: string;
  manifest: ExtensionManifest;
  exists: boolean;
  signal?: AbortSignal;
}): Promise<MarketplacePublishAnswer> {
  const { manifest } = options;
  const url = new URL(
    options.exists
      ? `${options.base}/_apis/gallery/publishers/${encodeURIComponent(manifest.publisher)}/extensions/${encodeURIComponent(manifest.name)}`
      : `${options.base}/_apis/gallery/extensions`,
  );
  const size = (await stat(options.vsix)).size;
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = send(url, {
      method: options.exists ? 'PUT' : 'POST',
      headers: {
        accept: `application/json;api-version=${PUBLISH_API_VERSION}`,
        'content-type': 'application/octet-stream',
        'content-length': String(size),
        authorization: `Basic ${Buffer.from(`OAuth:${options.pat}`).toString('base64')}`,
        'user-agent': 'deployforge',
      },
      ...(options.signal ? { signal: options.signal } : {}),
    }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c)).on('end', () => resolve({ status: res.statusCode ?? 0, text: body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    createReadStream(options.vsix).on('error', reject).pipe(req);
  });
  const message = errorMessage(text) ?? `HTTP ${status}`;
  if (status >= 200 && status < 300) return { kind: 'published' };
  if (status === 409 || /already exists/i.test(message)) return { kind: 'duplicate', message };
  if (status === 401 || status === 403) return { kind: 'unauthorized', message };
  return { kind: 'failed', message: `HTTP ${status}: ${message}` };
}

function errorMessage(text: string): string | undefined {
  try {
    const parsed = JSON.parse(text) as { message?: unknown };
    return typeof parsed.message === 'string' ? parsed.message : undefined;
  } catch {
    return text.trim() ? text.trim().slice(0, 300) : undefined;
  }
}
