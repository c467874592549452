// actions/upload-artifact and actions/download-artifact (v4+ semantics) as a folder per artifact.
// Names are unique within a run, re-run attempts included: a second upload of a name fails with
// 409 Conflict unless `overwrite: true` (re-running a job that uploads is the common way to meet it:
// apache/datafusion-comet#3723, dottxt-ai/outlines-core#167). A re-run attempt sees what earlier
// attempts uploaded, as "re-run failed jobs" does when the release job downloads archives that an
// earlier attempt's builds uploaded.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

export interface ArtifactStore {
  dir: string;
  /** name -> the attempt that uploaded it */
  uploads: Map<string, number>;
}

export function createArtifactStore(dir: string): ArtifactStore {
  mkdirSync(dir, { recursive: true });
  return { dir, uploads: new Map() };
}

function only(where: string, given: Record<string, unknown>, allowed: string[]): void {
  const extra = Object.keys(given).filter((k) => !allowed.includes(k));
  if (extra.length > 0) throw new Error(`harness: ${where} with: ${extra.join(', ')} is not implemented`);
}

/** Returns a log line; throws (the step fails) the way the action does. */
export function uploadArtifact(store: ArtifactStore, attempt: number, workspace: string, w: Record<string, string>): string {
  only('upload-artifact', w, ['name', 'path', 'if-no-files-found', 'compression-level', 'retention-days', 'overwrite']);
  const name = w.name || 'artifact';
  const path = w.path ?? '';
  if (path.includes('\n') || /[*?[]/.test(path)) throw new Error(`harness: upload-artifact path ${JSON.stringify(path)}: several paths or globs are not implemented`);
  if (store.uploads.has(name) && w.overwrite !== 'true') {
    throw new Error(`Failed to CreateArtifact: Received non-retryable error: Failed request: (409) Conflict: an artifact with this name already exists on the workflow run: ${name} (attempt ${store.uploads.get(name)} uploaded it)`);
  }
  const source = resolve(workspace, path);
  const target = join(store.dir, name);
  if (!path || !existsSync(source) || (statSync(source).isDirectory() && readdirSync(source).length === 0)) {
    const mode = w['if-no-files-found'] || 'warn';
    const message = `No files were found with the provided path: ${path}. No artifacts will be uploaded.`;
    if (mode === 'error') throw new Error(message);
    return mode === 'warn' ? `warning: ${message}` : message;
  }
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  // A file is stored at the artifact's root; a directory's contents are (the directory itself is not).
  if (statSync(source).isDirectory()) cpSync(source, target, { recursive: true });
  else cpSync(source, join(target, basename(source)));
  store.uploads.set(name, attempt);
  return `uploaded artifact ${name}`;
}

function globToRegExp(pattern: string): RegExp {
  if (/[?[{]/.test(pattern)) throw new Error(`harness: download-artifact pattern ${pattern}: only * is implemented`);
  return new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.\\^$()+|]/g, '\\$&')).join('.*')}$`);
}

export function downloadArtifact(store: ArtifactStore, workspace: string, w: Record<string, string>): string {
  only('download-artifact', w, ['name', 'pattern', 'merge-multiple', 'path']);
  const into = resolve(workspace, w.path || '.');
  if (w.name) {
    if (w.pattern) throw new Error('harness: download-artifact with both name and pattern');
    if (!store.uploads.has(w.name)) throw new Error(`Unable to download artifact(s): Artifact not found for name: ${w.name}`);
    mkdirSync(into, { recursive: true });
    cpSync(join(store.dir, w.name), into, { recursive: true });
    return `downloaded ${w.name}`;
  }
  const match = w.pattern ? globToRegExp(w.pattern) : /^/;
  const names = [...store.uploads.keys()].filter((n) => match.test(n)).sort();
  for (const name of names) {
    const target = w['merge-multiple'] === 'true' ? into : join(into, name);
    mkdirSync(target, { recursive: true });
    cpSync(join(store.dir, name), target, { recursive: true });
  }
  return `downloaded ${names.length} artifact(s): ${names.join(', ')}`;
}
