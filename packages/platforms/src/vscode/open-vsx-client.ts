import { errorMessage } from '@deployforge/diagnostics';
import type { ExtensionManifest } from './extension-manifest.js';
import { commonjsExport } from './commonjs-export.js';

/** Open VSX's version endpoint: `GET /api/<namespace>/<name>/<version>`; 404 when it has no such version. */
export async function openVsxHasVersion(base: string, manifest: ExtensionManifest, version: string, signal?: AbortSignal): Promise<boolean> {
  const url = `${base}/api/${encodeURIComponent(manifest.publisher)}/${encodeURIComponent(manifest.name)}/${encodeURIComponent(version)}`;
  const response = await fetch(url, { headers: { accept: 'application/json' }, ...(signal ? { signal } : {}) });
  if (response.status === 404) return false;
  if (!response.ok) throw new Error(`Open VSX answered HTTP ${response.status} for ${url}`);
  const body = (await response.json()) as { version?: unknown; error?: unknown };
  if (typeof body.error === 'string') return false;
  return body.version === version;
}

/** The Open VSX namespace's newest version, for status. */
export async function openVsxLatest(base: string, manifest: ExtensionManifest, signal?: AbortSignal): Promise<string | undefined> {
  const url = `${base}/api/${encodeURIComponent(manifest.publisher)}/${encodeURIComponent(manifest.name)}`;
  const response = await fetch(url, { headers: { accept: 'application/json' }, ...(signal ? { signal } : {}) });
  if (!response.ok) return undefined;
  const body = (await response.json()) as { version?: unknown };
  return typeof body.version === 'string' ? body.version : undefined;
}

export type OpenVsxPublishAnswer =
  | { kind: 'published' }
  | { kind: 'duplicate'; message: string }
  | { kind: 'unauthorized'; message: string }
  | { kind: 'failed'; message: string };

/**
 * Publishes through the `ovsx` package's own registry client (`POST /api/-/publish?token=…`, the
 * file streamed). Its `publish()` helper would read OVSX_PAT and OVSX_REGISTRY_URL from the
 * process environment and print to the console, so the Registry class is used directly.
 */
export async function publishToOpenVsx(options: { base: string; pat: string; vsix: string }): Promise<OpenVsxPublishAnswer> {
  const Registry = commonjsExport<typeof import('ovsx').Registry>(await import('ovsx'), 'Registry');
  const registry = new Registry({ registryUrl: options.base });
  try {
    const extension = (await registry.publish(options.vsix, options.pat)) as { error?: string };
    if (extension.error) return classify(extension.error);
    return { kind: 'published' };
  } catch (error) {
    return classify(errorMessage(error));
  }
}

function classify(message: string): OpenVsxPublishAnswer {
  if (/is already published/i.test(message)) return { kind: 'duplicate', message };
  if (/access token|insufficient access|not authorized|unauthorized|\b40[13]\b/i.test(message)) return { kind: 'unauthorized', message };
  return { kind: 'failed', message };
}
